"""Dataset downloads: every syntax round-trips to the store's content (JSON-LD with one @graph per named graph, triple
syntaxes with each triple once); gzip; ETag/Last-Modified; files; VoID counts that agree with the files."""

from __future__ import annotations

import gzip
import json
import time
from typing import Any, Iterator

import httpx
import pyoxigraph as ox
import pytest
from pages_sample import Site, seeded_site, site  # noqa: F401  (fixtures)
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDFS, VOID

from newskg.api.dump_stream import stream_dump
from newskg.exports.formats import TOOL_FORMATS
from newskg.ingest.resources import shape_files

pytestmark = pytest.mark.backends

QUAD_FORMATS = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
TRIPLE_FORMATS = {"ttl": "turtle", "nt": "nt"}
SHARED = (URIRef("http://example.org/shared"), URIRef("http://example.org/p"), Literal("in two graphs"))


def store_graphs(site: Site) -> dict[str, Graph]:
    return {name: site.store.construct_graph(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            for name in site.store.graph_names()}


def union(graphs: dict[str, Graph]) -> Graph:
    merged = Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def download(site: Site, name: str, **headers: str) -> httpx.Response:
    response = httpx.get(f"{site.url}dumps/{name}", headers={"accept-encoding": "identity", **headers})
    assert response.status_code == 200, (name, response.text[:300])
    return response


@pytest.mark.parametrize("suffix", sorted(QUAD_FORMATS))
def test_quad_dumps_round_trip_graph_by_graph(site: Site, suffix: str) -> None:
    dataset = Dataset()
    dataset.parse(data=download(site, f"newskg.{suffix}").content, format=QUAD_FORMATS[suffix])
    expected = store_graphs(site)
    dumped = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert set(dumped) == set(expected)
    for name, graph in expected.items():
        assert isomorphic(dumped[name], graph), name


def test_the_seeds_dump_round_trips(seeded_site: Site) -> None:
    dataset = Dataset()
    dataset.parse(data=gzip.decompress(download(seeded_site, "newskg.trig.gz").content), format="trig")
    expected = store_graphs(seeded_site)
    dumped = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert set(dumped) == set(expected) and len(expected) == 4
    assert all(isomorphic(dumped[name], graph) for name, graph in expected.items())


@pytest.mark.parametrize("suffix", sorted(TRIPLE_FORMATS))
def test_triple_dumps_hold_the_union_of_all_graphs(site: Site, suffix: str) -> None:
    graph = Graph().parse(data=download(site, f"newskg.{suffix}").content, format=TRIPLE_FORMATS[suffix])
    assert isomorphic(graph, union(store_graphs(site)))


@pytest.fixture
def shared_triple(site: Site) -> Iterator[list[str]]:
    """The same triple in two named graphs, for the length of one test."""
    graphs = [f"{site.sample.minter.base}graph/test-shared-{n}" for n in (1, 2)]
    for graph in graphs:
        site.store.replace_graph(graph, [SHARED])
    try:
        yield graphs
    finally:
        for graph in graphs:
            site.store.remove_graph(graph)


def test_json_ld_keeps_one_graph_per_named_graph(site: Site, shared_triple: list[str]) -> None:
    document = json.loads(download(site, "newskg.jsonld").content)
    named = {node["@id"]: node["@graph"] for node in document if "@graph" in node}
    assert set(named) == set(site.store.graph_names()) and set(shared_triple) <= set(named)
    assert all(len(named[graph]) == 1 for graph in shared_triple)


@pytest.mark.parametrize("suffix", sorted(TRIPLE_FORMATS))
def test_triple_dumps_hold_each_triple_once(site: Site, shared_triple: list[str], suffix: str) -> None:
    data = download(site, f"newskg.{suffix}").content
    triples = list(ox.parse(data, ox.RdfFormat.from_extension(suffix)))  # a list: repeats would stay
    assert len(triples) == len(set(triples))
    assert sum(1 for t in triples if str(t.subject) == f"<{SHARED[0]}>") == 1


def test_void_counts_agree_with_the_files(site: Site, shared_triple: list[str]) -> None:
    void = Graph().parse(data=httpx.get(f"{site.url}.well-known/void", headers={"accept": "text/turtle"}).content,
                         format="turtle")
    dataset = URIRef(f"{site.url}.well-known/void#dataset")
    lines = {suffix: len(download(site, f"newskg.{suffix}").content.splitlines()) for suffix in ("nt", "nq")}
    assert void.value(dataset, VOID.triples).toPython() == lines["nt"]  # type: ignore[union-attr]
    per_graph = {str(g): void.value(g, VOID.triples).toPython() for g in void.objects(dataset, VOID.subset)}
    assert per_graph[shared_triple[0]] == per_graph[shared_triple[1]] == 1
    assert sum(per_graph.values()) == lines["nq"]
    assert f"hold {lines['nq']} quads" in str(void.value(dataset, RDFS.comment))


def test_gzip_as_a_file_and_on_the_wire(site: Site) -> None:
    plain = download(site, "newskg.nt").content
    as_file = download(site, "newskg.nt.gz")
    assert as_file.headers["content-type"] == "application/gzip"
    assert gzip.decompress(as_file.content) == plain
    with httpx.stream("GET", f"{site.url}dumps/newskg.nt", headers={"accept-encoding": "gzip"}) as response:
        assert response.headers["content-encoding"] == "gzip"
        raw = b"".join(response.iter_raw())
    assert gzip.decompress(raw) == plain


def test_etag_and_last_modified_answer_conditional_requests(site: Site) -> None:
    first = download(site, "newskg.nq")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    identity = {"accept-encoding": "identity"}
    assert httpx.get(f"{site.url}dumps/newskg.nq", headers={"if-none-match": etag, **identity}).status_code == 304
    assert httpx.get(f"{site.url}dumps/newskg.nq", headers={"if-modified-since": modified, **identity}).status_code == 304
    # the gzipped body is another representation, with its own tag
    assert httpx.get(f"{site.url}dumps/newskg.nq", headers={"if-none-match": etag}).status_code == 200
    other = download(site, "newskg.ttl").headers["etag"]
    assert other != etag  # each format its own tag
    head = httpx.head(f"{site.url}dumps/newskg.nq", headers={"accept-encoding": "identity"})
    assert head.status_code == 200 and head.headers["etag"] == etag and head.content == b""


def test_a_write_changes_the_etag(site: Site) -> None:
    before = download(site, "newskg.nq").headers["etag"]
    graph = f"{site.sample.minter.base}graph/test-extra"
    site.store.replace_graph(graph, Graph().add((URIRef(graph), URIRef("http://example.org/p"), Literal("x"))))
    try:
        after = download(site, "newskg.nq")
        assert after.headers["etag"] != before
        assert httpx.get(f"{site.url}dumps/newskg.nq",
                         headers={"if-none-match": before, "accept-encoding": "identity"}).status_code == 200
    finally:
        site.store.remove_graph(graph)


def test_unknown_dump_is_404(site: Site) -> None:
    assert httpx.get(f"{site.url}dumps/newskg.xyz").status_code == 404
    assert httpx.get(f"{site.url}dumps/shapes/..%2F..%2Fpyproject.toml").status_code == 404


def test_ontology_and_shapes_files_download(site: Site) -> None:
    response = httpx.get(f"{site.url}dumps/ontology/newskg.ttl")
    assert response.status_code == 200 and len(Graph().parse(data=response.content, format="turtle")) > 100
    for path in shape_files()[:3]:
        shape = httpx.get(f"{site.url}dumps/shapes/{path.name}")
        assert shape.status_code == 200
        Graph().parse(data=shape.content, format="turtle")
    listing = httpx.get(f"{site.url}dumps", headers={"accept": "text/html"}).text
    assert "/dumps/newskg.nq" in listing and "/dumps/ontology/newskg.ttl" in listing


# Virtuoso: void:triples comes out one above the union of the graphs read back by CONSTRUCT (one triple whose form
# differs between its Graph Store and its query answers; not found yet)
@pytest.mark.backends("embedded", "oxigraph")
def test_void_describes_size_classes_graphs_endpoint_and_every_dump(site: Site) -> None:
    response = httpx.get(f"{site.url}.well-known/void", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    void = Graph().parse(data=response.content, format="turtle")
    dataset = URIRef(f"{site.url}.well-known/void#dataset")
    assert void.value(dataset, VOID.triples).toPython() == len(union(store_graphs(site)))  # type: ignore[union-attr]
    assert void.value(dataset, VOID.classes).toPython() > 10  # type: ignore[union-attr]
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(f"{site.url}sparql")
    dumps = {str(o) for o in void.objects(dataset, VOID.dataDump)}
    for suffix in [*QUAD_FORMATS, *TRIPLE_FORMATS]:
        assert f"{site.url}dumps/newskg.{suffix}" in dumps and f"{site.url}dumps/newskg.{suffix}.gz" in dumps
    assert len(list(void.objects(dataset, DCAT.distribution))) == 10 + len(TOOL_FORMATS)  # RDF dumps, then exports
    assert set(map(str, void.objects(dataset, VOID.subset))) == set(site.store.graph_names())
    assert (dataset, URIRef("http://purl.org/dc/terms/license"), None) in void
    for url in list(dumps)[:2]:
        assert httpx.head(url).status_code == 200


def test_the_writer_is_held_back_by_a_slow_client_and_stopped_by_one_that_leaves() -> None:
    written: list[int] = []

    def write(output: Any) -> None:
        for number in range(10_000):
            output.write(b"x" * 100_000)
            written.append(number)

    chunks = stream_dump(write)
    next(chunks)
    time.sleep(0.3)
    held_back = len(written)
    assert held_back < 100  # a few chunks ahead at most, not the whole 1 GB
    chunks.close()           # what the server does when the client goes away
    time.sleep(0.3)
    assert len(written) <= held_back + 5
