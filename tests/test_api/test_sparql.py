"""/sparql over a real server: formats and negotiation, POST forms, errors, limits, large results, the query page."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable, Iterator

import httpx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from newskg.api.canned_queries import load_canned_queries
from newskg.ingest.settings import Settings

pytestmark = pytest.mark.backends

EX = Namespace("http://example.org/")
# the store also holds the ontology and registry graphs: these queries look at the test's people only
PEOPLE = "?s <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(STRSTARTS(STR(?s), 'http://example.org/'))"
SELECT = f"SELECT ?s ?label WHERE {{ {PEOPLE} }} ORDER BY ?s"
CONSTRUCT = f"CONSTRUCT {{ ?s <http://example.org/name> ?label }} WHERE {{ {PEOPLE} }}"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDFLIB = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
          "application/rdf+xml": "xml", "application/n-quads": "nquads", "application/trig": "trig"}


def people(count: int, padding: str = "") -> Graph:
    graph = Graph()
    for i in range(count):
        graph.add((EX[f"person/{i:05d}"], URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
                   Literal(f"Person {i} «{padding}»", lang="en")))
    return graph


@pytest.fixture(scope="module")
def server(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory,
           module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[Any]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("sparql") / "store", query_timeout=10, max_results=30_000,
                        allow_open_writes=True, **module_store_fields())
    with server_starter(settings) as live:
        live.app.state.context.store.replace_graph("http://example.org/graph/people", people(3))
        yield live


@pytest.fixture
def http(server: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def media(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0]


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_select_in_every_results_format(http: httpx.Client, accept: str) -> None:
    response = http.get("sparql", params={"query": SELECT}, headers={"Accept": accept})
    assert response.status_code == 200 and media(response) == accept
    if accept.endswith("json"):
        rows = json.loads(response.content)["results"]["bindings"]
        assert [r["label"]["xml:lang"] for r in rows] == ["en"] * 3
    elif accept.endswith("xml"):
        results = ET.fromstring(response.content).iter("{http://www.w3.org/2005/sparql-results#}result")
        assert len(list(results)) == 3
    elif accept == "text/csv":
        assert list(csv.reader(io.StringIO(response.text)))[0] == ["s", "label"]
    else:
        assert response.text.splitlines()[0] == "?s\t?label" and len(response.text.splitlines()) == 4


@pytest.mark.parametrize("accept", sorted(RDFLIB))
def test_construct_in_every_rdf_format(http: httpx.Client, accept: str) -> None:
    response = http.post("sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200 and media(response) == accept
    expected = Graph()
    for s, _, o in people(3):
        expected.add((s, EX.name, o))
    got = Graph()
    if accept in ("application/n-quads", "application/trig"):
        from rdflib import Dataset

        got = Graph()
        for s, p, o, _ in Dataset().parse(data=response.content, format=RDFLIB[accept]).quads():
            got.add((s, p, o))
    else:
        got.parse(data=response.content, format=RDFLIB[accept])
    assert isomorphic(got, expected)


def test_q_values_and_the_format_parameter(http: httpx.Client) -> None:
    prefers_csv = http.get("sparql", params={"query": SELECT},
                           headers={"Accept": "application/sparql-results+json;q=0.5, text/csv"})
    assert media(prefers_csv) == "text/csv"
    overridden = http.get("sparql", params={"query": SELECT, "format": "tsv"}, headers={"Accept": "text/csv"})
    assert media(overridden) == "text/tab-separated-values"
    json_ld = http.get("sparql", params={"query": CONSTRUCT, "format": "json"})
    assert media(json_ld) == "application/ld+json"
    assert http.get("sparql", params={"query": SELECT}, headers={"Accept": "image/png"}).status_code == 406
    assert http.get("sparql", params={"query": CONSTRUCT, "format": "csv"}).status_code == 406


def test_protocol_errors(http: httpx.Client, backend: str) -> None:
    syntax = http.get("sparql", params={"query": "SELECT * WHERE { ?s ?p "})
    # the parser's own message, with where it stopped (each engine words it its own way)
    where = {"embedded": "at line 1, column 16", "oxigraph": "error at 1:", "virtuoso": "syntax error"}[backend]
    assert syntax.status_code == 400 and where in syntax.text
    assert http.get("sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400
    assert http.get("sparql", params={"update": "CLEAR ALL"}).status_code == 405
    wrong_type = http.post("sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415
    latin1 = http.post("sparql", content="ASK { ?s ?p \"café\" }".encode("latin-1"),
                       headers={"Content-Type": "application/sparql-query"})
    assert latin1.status_code == 400 and "UTF-8" in latin1.text
    assert http.post("sparql", data={"format": "json"}).status_code == 400
    assert http.get("sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}).status_code == 400


def test_result_size_limit_is_reported_not_truncated(server_starter: Callable[..., Any], tmp_path: Path,
                                                     store_fields: Callable[[], dict[str, Any]]) -> None:
    with server_starter(Settings(store_dir=tmp_path / "store", max_results=2, **store_fields())) as live:
        live.app.state.context.store.replace_graph("http://example.org/g", people(3))
        with httpx.Client(base_url=live.url) as http:
            for query in (SELECT, CONSTRUCT):
                response = http.get("sparql", params={"query": query})
                assert response.status_code == 413
                assert "more than 2" in response.text
            assert http.get("sparql", params={"query": SELECT + " LIMIT 2"}).status_code == 200


def test_large_results_arrive_complete_and_gzipped(server: Any, http: httpx.Client) -> None:
    server.app.state.context.store.replace_graph("http://example.org/graph/many", people(8_000, "x" * 120))
    query = "SELECT ?s ?label WHERE { GRAPH <http://example.org/graph/many> { ?s ?p ?label } }"
    response = http.get("sparql", params={"query": query}, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.headers["content-encoding"] == "gzip"
    assert len(response.content) > 1 << 20  # larger than what travels through the worker's pipe
    assert len(json.loads(response.content)["results"]["bindings"]) == 8_000
    as_tsv = http.get("sparql", params={"query": query, "format": "tsv"})
    assert len(as_tsv.text.splitlines()) == 8_001
    server.app.state.context.store.remove_graph("http://example.org/graph/many")


def test_writes_to_the_store_are_seen_by_the_next_query(server: Any, http: httpx.Client) -> None:
    ask = {"query": "ASK { <http://example.org/fresh> ?p ?o }"}
    assert http.get("sparql", params=ask).json()["boolean"] is False
    server.app.state.context.store.replace_graph("http://example.org/graph/fresh", [(EX.fresh, EX.p, Literal(1))])
    assert http.get("sparql", params=ask).json()["boolean"] is True
    http.post("sparql", data={"update": "DROP GRAPH <http://example.org/graph/fresh>"})
    assert http.get("sparql", params=ask).json()["boolean"] is False


def test_every_canned_query_runs(http: httpx.Client) -> None:
    queries = load_canned_queries()
    assert {q.name for q in queries} >= {"allegations-by-claimant", "denied-or-downplayed", "statements-about-actor",
                                         "timeline-of-events", "articles-by-publisher"}
    for query in queries:
        response = http.post("sparql", content=query.text.encode(), headers={"Content-Type": "application/sparql-query"})
        assert response.status_code == 200, (query.name, response.text)


def test_browsers_get_the_query_page_with_security_headers(http: httpx.Client) -> None:
    page = http.get("sparql", headers={"Accept": BROWSER})
    assert page.status_code == 200 and media(page) == "text/html"
    assert 'id="plain-form"' in page.text and 'name="query"' in page.text
    for query in load_canned_queries():
        assert query.title in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"]
    with_query = http.get("sparql", params={"query": "ASK { <urn:x:<script> ?p ?o }"}, headers={"Accept": BROWSER})
    assert "ASK { &lt;urn:x:&lt;script&gt;" in with_query.text
    assert http.get("static/sparql-page.js").status_code == 200


def test_the_page_works_without_yasgui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newskg.api import sparql_page

    monkeypatch.setattr(sparql_page, "STATIC_DIR", tmp_path)
    html = sparql_page.QueryPage(Settings()).render("http://127.0.0.1:8000/sparql")
    assert "yasgui.min.js" not in html and 'id="plain-form"' in html and 'action="/sparql"' in html


def test_service_description_is_the_default_for_non_browsers(http: httpx.Client) -> None:
    response = http.get("sparql")
    assert media(response) == "text/turtle" and "sd:endpoint" in response.text


def test_cors_only_when_configured(live_server: Callable[..., Any], http: httpx.Client) -> None:
    preflight = {"Origin": "https://analyst.example", "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in http.options("sparql", headers=preflight).headers
    live = live_server(cors_origins=("https://analyst.example",))
    with httpx.Client(base_url=live.url) as open_client:
        answer = open_client.options("sparql", headers=preflight)
        assert answer.headers["access-control-allow-origin"] == "https://analyst.example"
        get = open_client.get("sparql", params={"query": "ASK {}"}, headers={"Origin": "https://analyst.example"})
        assert get.headers["access-control-allow-origin"] == "https://analyst.example"


def test_request_bodies_are_bounded(live_server: Callable[..., Any]) -> None:
    live = live_server(max_body_bytes=1000)
    big = b"ASK { " + b"#" * 2000 + b"\n }"
    with httpx.Client(base_url=live.url) as http:
        declared = http.post("sparql", content=big, headers={"Content-Type": "application/sparql-query"})
        assert declared.status_code == 413 and "1,000 bytes" in declared.text
        streamed = http.post("sparql", content=iter([big[:600], big[600:]]),
                             headers={"Content-Type": "application/sparql-query"})
        assert streamed.status_code == 413
        small = http.post("sparql", content=b"ASK {}", headers={"Content-Type": "application/sparql-query"})
        assert small.status_code == 200
