"""Reads the W3C SPARQL 1.1 Protocol / Graph Store Protocol manifests (see w3c_suite.py for where they are read
from) into HTTP exchanges to replay.

Each test is a list of requests (method, path, headers, body) with the expected response (status codes, and
where given a boolean result, a result format, a Location to remember, response headers, an RDF body).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
NAMED_STATUSES = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}


@dataclass(frozen=True)
class Expected:
    statuses: frozenset[int]
    boolean: bool | None = None
    format: str | None = None  # "boolean", "tabular" or "RDF"
    location_variable: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    body_text: str | None
    expected: Expected


@dataclass(frozen=True)
class ManifestTest:
    name: str  # the entry's local name
    title: str
    exchanges: tuple[Exchange, ...]
    graph_data: tuple[tuple[Path, str], ...] = field(default=())  # (file, graph IRI) to load first


def _statuses(graph: Graph, response: Node) -> frozenset[int]:
    codes: set[int] = set()
    for term in graph.objects(response, MF.expectedStatus):
        name = str(term).removeprefix(str(HTS))
        if name.startswith("StatusCode") and name.endswith("xx"):
            first = int(name[len("StatusCode")])
            codes.update(range(first * 100, first * 100 + 100))
        else:
            codes.add(NAMED_STATUSES[name])
    return frozenset(codes)


def _headers(graph: Graph, node: Node) -> tuple[tuple[str, str], ...]:
    headers = graph.value(node, HT.headers)
    if headers is None:
        return ()
    return tuple((str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
                 for h in Collection(graph, headers))


def _exchange(graph: Graph, request: Node) -> Exchange:
    body_node = graph.value(request, HT.body)
    body_text = body = None
    if body_node is not None:
        body_text = str(graph.value(body_node, CNT.chars))
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = body_text.encode(encoding)
    response = graph.value(request, HT.resp)
    boolean = graph.value(response, MF.expectedBoolean)
    fmt = graph.value(response, MF.expectedFormat)
    location = graph.value(response, MF.expectedLocation)
    response_body = graph.value(response, HT.body)
    expected = Expected(
        statuses=_statuses(graph, response),
        boolean=None if boolean is None else bool(boolean.toPython()),
        format=None if fmt is None else str(fmt),
        location_variable=None if location is None else str(location),
        headers=_headers(graph, response),
        body=None if response_body is None else str(graph.value(response_body, CNT.chars)))
    return Exchange(method=str(graph.value(request, HT.methodName)), path=str(graph.value(request, HT.absolutePath)),
                    headers=_headers(graph, request), body=body, body_text=body_text, expected=expected)


def load_manifest(path: Path) -> list[ManifestTest]:
    """The tests of a manifest file, in manifest order, following mf:include."""
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = URIRef(path.as_uri())
    tests: list[ManifestTest] = []
    for included in graph.objects(manifest, MF.include):
        for item in Collection(graph, included):
            tests += load_manifest(Path(str(item).removeprefix("file://")))
    for entries in graph.objects(manifest, MF.entries):
        for entry in Collection(graph, entries):
            tests.append(_test(graph, entry))
    return tests


def _test(graph: Graph, entry: Node) -> ManifestTest:
    action = graph.value(entry, MF.action)
    exchanges: tuple[Exchange, ...] = ()
    if action is not None:
        requests = graph.value(action, HT.requests)
        exchanges = tuple(_exchange(graph, r) for r in Collection(graph, requests))
    data = tuple((Path(str(graph.value(d, UT.graph)).removeprefix("file://")), str(graph.value(d, RDFS_LABEL)))
                 for d in graph.objects(entry, UT.graphData))
    name = str(entry).rsplit("#", 1)[-1]
    assert (entry, RDF.type, None) in graph, f"{name} has no type"
    return ManifestTest(name=name, title=str(graph.value(entry, MF.name)), exchanges=exchanges, graph_data=data)
