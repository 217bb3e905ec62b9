"""Graph Store Protocol beyond the W3C suite: formats, errors, multipart, graph creation, and visibility to SPARQL."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from newskg.ingest.settings import Settings

TURTLE = b"""@prefix ex: <http://example.org/> .
ex:alice ex:name "Alice"@en ; ex:knows [ ex:name "Bob" ] ."""
GRAPH = {"graph": "http://example.org/people"}
# each test empties the store with DROP ALL, which on Virtuoso would drop its own system graphs too
pytestmark = pytest.mark.backends("embedded", "oxigraph")


@pytest.fixture(scope="module")
def server_url(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory,
               module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[str]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("gsp") / "store", allow_open_writes=True,
                        **module_store_fields())
    with server_starter(settings) as live:
        yield live.url


@pytest.fixture
def http(server_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server_url, timeout=20) as client:
        client.post("sparql", data={"update": "DROP ALL"}).raise_for_status()
        yield client


def put(http: httpx.Client, body: bytes = TURTLE, content_type: str = "text/turtle", **params: str) -> httpx.Response:
    return http.put("rdf-graph-store", params=params or GRAPH, content=body, headers={"Content-Type": content_type})


@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                                       ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_get_in_each_format(http: httpx.Client, accept: str, rdflib_format: str) -> None:
    assert put(http).status_code == 201
    response = http.get("rdf-graph-store", params=GRAPH, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert isomorphic(Graph().parse(data=response.content, format=rdflib_format), Graph().parse(data=TURTLE))


def test_writes_are_seen_by_sparql_at_once(http: httpx.Client) -> None:
    ask = {"query": "ASK { GRAPH <http://example.org/people> { ?s <http://example.org/name> \"Alice\"@en } }"}
    put(http)
    assert http.get("sparql", params=ask).json()["boolean"] is True
    assert http.delete("rdf-graph-store", params=GRAPH).status_code == 204
    assert http.get("sparql", params=ask).json()["boolean"] is False
    assert http.delete("rdf-graph-store", params=GRAPH).status_code == 404


def test_post_merges_and_multipart_parts_each_have_their_type(http: httpx.Client) -> None:
    put(http)
    age = b'<http://example.org/alice> <http://example.org/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    files = [("a", ("a.nt", age, "application/n-triples")),
             ("b", ("b.jsonld", b'{"@id": "http://example.org/alice", "http://example.org/city": "Kyiv"}',
                    "application/ld+json"))]
    assert http.post("rdf-graph-store", params=GRAPH, files=files).status_code == 204
    graph = Graph().parse(data=http.get("rdf-graph-store", params=GRAPH).content, format="turtle")
    alice = URIRef("http://example.org/alice")
    assert (alice, URIRef("http://example.org/age"), Literal(42)) in graph
    assert (alice, URIRef("http://example.org/city"), Literal("Kyiv")) in graph
    assert len(graph) == 3 + 2


def test_post_to_the_store_creates_a_graph_under_the_base(http: httpx.Client) -> None:
    created = http.post("rdf-graph-store", content=TURTLE, headers={"Content-Type": "text/turtle"})
    assert created.status_code == 201
    location = created.headers["location"]
    assert location.startswith(str(http.base_url) + "graph/gsp/")
    assert http.get("rdf-graph-store", params={"graph": location}).status_code == 200


def test_default_graph_and_direct_identification(http: httpx.Client) -> None:
    assert put(http, default="").status_code in (201, 204)
    assert len(Graph().parse(data=http.get("rdf-graph-store?default").content, format="turtle")) == 3
    direct = http.put("rdf-graph-store/people/alice.ttl", content=TURTLE, headers={"Content-Type": "text/turtle"})
    assert direct.status_code == 201
    graph_iri = str(http.base_url) + "rdf-graph-store/people/alice.ttl"
    assert http.get("rdf-graph-store", params={"graph": graph_iri}).status_code == 200
    assert http.delete("rdf-graph-store?default").status_code == 204


def test_bad_requests(http: httpx.Client) -> None:
    unsupported = put(http, b"name,age", "text/csv")
    assert unsupported.status_code == 415
    broken = put(http, b"<http://example.org/a> <http://example.org/b> .")
    assert broken.status_code == 400 and "does not parse" in broken.text
    assert http.get("rdf-graph-store", params={"graph": "relative/iri"}).status_code == 400
    assert http.get("rdf-graph-store?default&graph=http://example.org/x").status_code == 400
    assert http.get("rdf-graph-store", params=GRAPH).status_code == 404
    assert http.head("rdf-graph-store", params=GRAPH).status_code == 404
    put(http)
    assert http.get("rdf-graph-store", params=GRAPH, headers={"Accept": "image/png"}).status_code == 406
