"""The W3C SPARQL 1.1 protocol test suites (read from the W3C folder, see w3c_suite.py) replayed against a real
uvicorn server: Protocol (34 tests), Graph Store Protocol (13), Service Description (3). Every test must pass.

The server has a write token; every request carries it (the suites test the protocol, tests/test_api/
test_sparql_security.py tests the token). The store is emptied before each test.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable, Iterator

import httpx
import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from w3c_manifest import Exchange, ManifestTest, load_manifest
from w3c_suite import suite_root_or_fail

TOKEN = "w3c-suite-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
                  "application/ld+json": "json-ld", "text/plain": "nt"}
FORMAT_MEDIA_TYPES = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"},
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples", "text/html", "application/xhtml+xml"},
}

W3C_DIR = suite_root_or_fail()
PROTOCOL = load_manifest(W3C_DIR / "protocol" / "manifest.ttl")
GRAPH_STORE = load_manifest(W3C_DIR / "graph-store-protocol" / "manifest.ttl")
SERVICE_DESCRIPTION = load_manifest(W3C_DIR / "service-description" / "manifest.ttl")


@pytest.fixture(scope="module")
def server(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newskg.ingest.settings import Settings

    settings = Settings(store_dir=tmp_path_factory.mktemp("w3c") / "store", write_token=TOKEN, query_timeout=10,
                        query_workers=2)
    with server_starter(settings) as live:
        yield live.url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=20) as http:
        emptied = http.post("sparql", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update", **AUTH})
        assert emptied.status_code == 204, emptied.text
        yield http


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def normalised(header_value: str) -> list[str]:
    return [part.strip().lower().replace('"', "") for part in header_value.split(";")]


def result_boolean(response: httpx.Response) -> bool:
    if media_type(response) == "application/sparql-results+json":
        return bool(json.loads(response.content)["boolean"])
    root = ET.fromstring(response.content)
    element = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert element is not None, response.text
    return (element.text or "").strip() == "true"


def parse_rdf(content: bytes | str, media: str, base: str) -> Graph:
    return Graph().parse(data=content, format=RDFLIB_FORMATS[media], publicID=base)


def check(exchange: Exchange, response: httpx.Response, base: str) -> None:
    expected = exchange.expected
    assert response.status_code in expected.statuses, (
        f"{exchange.method} {exchange.path}: got {response.status_code} {response.text[:300]}")
    if expected.format:
        assert media_type(response) in FORMAT_MEDIA_TYPES[expected.format], response.headers.get("content-type")
        if expected.format == "RDF":
            parse_rdf(response.content, media_type(response), base)
    if expected.boolean is not None:
        assert result_boolean(response) is expected.boolean
    for name, value in expected.headers:
        assert normalised(response.headers.get(name, "")) == normalised(value), name
    if expected.body is not None:
        got = parse_rdf(response.content, media_type(response), base)
        want = Graph().parse(data=expected.body, format="turtle", publicID=base)
        assert isomorphic(got, want), got.serialize(format="turtle")


def endpoint_path(path: str) -> str:
    if path.startswith("/sparql/"):
        return "sparql" + path[len("/sparql/"):]
    assert path.startswith("/gsp"), path
    return "rdf-graph-store" + path[len("/gsp"):]


def replay(client: httpx.Client, test: ManifestTest) -> None:
    for data_file, graph in test.graph_data:
        loaded = client.put("rdf-graph-store", params={"graph": graph}, content=data_file.read_bytes(),
                            headers={"Content-Type": "application/n-triples", **AUTH})
        assert loaded.status_code in (201, 204), loaded.text
    variables: dict[str, str] = {}
    for exchange in test.exchanges:
        path, body = endpoint_path(exchange.path), exchange.body
        for name, value in variables.items():
            path = path.replace(name, value)
            body = body.replace(name.encode(), value.encode()) if body is not None else None
        request = client.build_request(exchange.method, str(client.base_url) + path, content=body,
                                       headers={**dict(exchange.headers), **AUTH})
        response = client.send(request)
        check(exchange, response, str(request.url))
        if exchange.expected.location_variable:
            assert "location" in response.headers, "no Location header"
            variables[exchange.expected.location_variable] = response.headers["location"]


@pytest.mark.parametrize("test", PROTOCOL, ids=[t.name for t in PROTOCOL])
def test_protocol(client: httpx.Client, test: ManifestTest) -> None:
    replay(client, test)


@pytest.mark.parametrize("test", GRAPH_STORE, ids=[t.name for t in GRAPH_STORE])
def test_graph_store_protocol(client: httpx.Client, test: ManifestTest) -> None:
    replay(client, test)


def _description(client: httpx.Client, accept: str) -> tuple[httpx.Response, Graph]:
    response = client.get("sparql", headers={"Accept": accept})
    assert response.status_code == 200, response.text
    return response, parse_rdf(response.content, media_type(response), str(response.url))


def sd_returns_rdf(client: httpx.Client) -> None:
    for accept in ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"):
        response, graph = _description(client, accept)
        assert media_type(response) == accept
        assert len(graph) > 5


def sd_has_endpoint_triple(client: httpx.Client) -> None:
    _, graph = _description(client, "text/turtle")
    endpoint = URIRef(str(client.base_url) + "sparql")
    services = list(graph.subjects(SD.endpoint, endpoint))
    assert services, f"no sd:endpoint <{endpoint}>"


def sd_conforms_to_schema(client: httpx.Client) -> None:
    _, graph = _description(client, "text/turtle")
    shapes = Graph().parse(Path(__file__).with_name("sd-shapes.ttl"))  # newskg's own, not the W3C's
    conforms, _, text = validate(graph, shacl_graph=shapes)
    assert conforms, text
    assert set(graph.objects(None, SD.supportedLanguage)) >= {SD.SPARQL11Query, SD.SPARQL11Update}


SD_CHECKS = {"returns-rdf": sd_returns_rdf, "has-endpoint-triple": sd_has_endpoint_triple,
             "conforms-to-schema": sd_conforms_to_schema}


@pytest.mark.parametrize("test", SERVICE_DESCRIPTION, ids=[t.name for t in SERVICE_DESCRIPTION])
def test_service_description(client: httpx.Client, test: ManifestTest) -> None:
    SD_CHECKS[test.name](client)


def test_suites_are_complete() -> None:
    assert (len(PROTOCOL), len(GRAPH_STORE), len(SERVICE_DESCRIPTION)) == (34, 13, 3)
    assert (Path(W3C_DIR) / "LICENSE.md").is_file()
