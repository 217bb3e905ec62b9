"""store.embedded: named graphs replaced atomically, the union default graph, dumps, snapshots and the store lock."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from newskg.ingest.errors import QueryError, StoreError
from newskg.store.embedded import OxigraphStore, open_store

EX = Namespace("http://example.org/")


def article_graph(name: str, size: int) -> Graph:
    graph = Graph()
    article = EX[name]
    graph.add((article, RDF.type, EX.Article))
    graph.add((article, RDFS.label, Literal(f"{name} «quoted» \"text\"\nline two", lang="en")))
    graph.add((article, EX.date, Literal("2024-12-01", datatype=XSD.date)))
    source = BNode()
    graph.add((article, EX.source, source))
    graph.add((source, RDFS.label, Literal("an anonymous source")))
    for i in range(size):
        graph.add((article, EX.mentions, EX[f"{name}-mention-{i}"]))
    return graph


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    opened = open_store(tmp_path / "store")
    yield opened
    opened.close()


def stored(store: OxigraphStore, graph: str) -> Graph:
    return store.construct_graph(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")


def test_replace_graph_round_trips_terms_and_replaces_earlier_content(store: OxigraphStore) -> None:
    first, second = article_graph("a", 3), article_graph("a", 1)
    store.replace_graph("http://example.org/graph/a", first)
    assert isomorphic(stored(store, "http://example.org/graph/a"), first)
    store.replace_graph("http://example.org/graph/a", second)
    assert isomorphic(stored(store, "http://example.org/graph/a"), second)
    assert store.graph_names() == ["http://example.org/graph/a"]


def test_replace_graphs_writes_several_graphs_without_sharing_blank_nodes(store: OxigraphStore) -> None:
    shared = BNode()
    one = Graph().add((EX.a, EX.p, shared))
    two = Graph().add((EX.b, EX.p, shared))
    store.replace_graphs({"http://example.org/g1": one, "http://example.org/g2": list(two)})
    rows = list(store.query("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert len(rows) == 2 and rows[0]["o"] != rows[1]["o"]
    assert store.has_graph("http://example.org/g1") and store.has_graph("http://example.org/g2")


def test_readers_never_see_half_a_graph(store: OxigraphStore) -> None:
    small, large = article_graph("x", 100), article_graph("x", 800)
    store.replace_graph("http://example.org/graph/x", small)
    sizes, stop = set(), threading.Event()

    def read() -> None:
        while not stop.is_set():
            result = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/graph/x> { ?s ?p ?o } }")
            sizes.add(int(next(iter(result))["n"].value))

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(5):
        store.replace_graph("http://example.org/graph/x", large)
        store.replace_graph("http://example.org/graph/x", small)
    stop.set()
    reader.join()
    assert sizes <= {len(small), len(large)}


def test_new_graphs_written_one_after_another_never_share_blank_nodes(store: OxigraphStore) -> None:
    # a new graph goes in by Store.extend (no SPARQL to make its blank nodes fresh), a replaced one by an update
    shared = BNode("b0")
    store.replace_graph("http://example.org/g1", Graph().add((EX.a, EX.p, shared)))
    store.replace_graph("http://example.org/g2", Graph().add((EX.b, EX.p, shared)))
    store.replace_graph("http://example.org/g1", Graph().add((EX.a, EX.p, shared)))
    rows = list(store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert len(rows) == 2 and rows[0]["o"] != rows[1]["o"]


def test_an_empty_new_graph_exists(store: OxigraphStore) -> None:
    store.replace_graph("http://example.org/empty", Graph())
    assert store.has_graph("http://example.org/empty")


def test_remove_graph(store: OxigraphStore) -> None:
    store.replace_graph("http://example.org/g", article_graph("g", 1))
    store.remove_graph("http://example.org/g")
    assert not store.has_graph("http://example.org/g")
    assert not bool(store.query("ASK { ?s ?p ?o }"))


def test_default_graph_is_the_union_unless_the_query_or_request_names_graphs(store: OxigraphStore) -> None:
    store.replace_graphs({"http://example.org/g1": article_graph("a", 0), "http://example.org/g2": article_graph("b", 0)})
    count = "SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <http://example.org/Article> }}"
    assert int(next(iter(store.query(count.format())))["n"].value) == 2
    assert int(next(iter(store.query(count.format(), default_graphs=["http://example.org/g1"])))["n"].value) == 1
    from_clause = "SELECT (COUNT(DISTINCT ?s) AS ?n) FROM <http://example.org/g2> { ?s a <http://example.org/Article> }"
    assert int(next(iter(store.query(from_clause)))["n"].value) == 1
    assert not bool(store.query("ASK { ?s ?p ?o }", default_graph_union=False))


def test_syntax_errors_say_where(store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match="at line 1, column 16: this { is never closed"):
        store.query("SELECT * WHERE {")
    with pytest.raises(QueryError, match="syntax"):
        store.update("INSERT DATA {")


def test_generation_counts_writes(store: OxigraphStore) -> None:
    before = store.generation
    store.replace_graph("http://example.org/g", article_graph("g", 1))
    store.update("CLEAR ALL")
    assert store.generation == before + 2


@pytest.mark.parametrize("media_type", ["application/n-quads", "application/trig"])
def test_dump_of_the_dataset_round_trips(store: OxigraphStore, media_type: str) -> None:
    graphs = {"http://example.org/g1": article_graph("a", 2), "http://example.org/g2": article_graph("b", 2)}
    store.replace_graphs(graphs)
    out = io.BytesIO()
    store.dump(out, media_type)
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads" if "quads" in media_type else "trig")
    for name, graph in graphs.items():
        assert isomorphic(dataset.graph(URIRef(name)), graph)


def test_dump_in_a_triple_format_gives_the_union_or_one_graph(store: OxigraphStore) -> None:
    store.replace_graphs({"http://example.org/g1": article_graph("a", 2), "http://example.org/g2": article_graph("b", 2)})
    union, one = io.BytesIO(), io.BytesIO()
    store.dump(union, "text/turtle")
    store.dump(one, "application/n-triples", graph="http://example.org/g1")
    assert len(Graph().parse(data=union.getvalue(), format="turtle")) == 2 * len(article_graph("a", 2))
    assert isomorphic(Graph().parse(data=one.getvalue(), format="nt"), article_graph("a", 2))


def test_bulk_load_into_a_named_graph(store: OxigraphStore, tmp_path: Path) -> None:
    data = tmp_path / "data.nt"
    data.write_bytes(article_graph("bulk", 50).serialize(format="nt", encoding="utf-8"))
    store.bulk_load(data, "application/n-triples", graph="http://example.org/bulk")
    assert isomorphic(stored(store, "http://example.org/bulk"), article_graph("bulk", 50))
    with pytest.raises(StoreError):
        store.bulk_load(io.BytesIO(b"<not turtle"), "text/turtle")


def test_snapshot_is_a_consistent_independent_copy(store: OxigraphStore, tmp_path: Path) -> None:
    store.replace_graph("http://example.org/g", article_graph("g", 5))
    snapshot = ox.Store.read_only(str(store.snapshot(tmp_path / "snap")))
    store.remove_graph("http://example.org/g")
    assert len(list(snapshot.quads_for_pattern(None, None, None, None))) == len(article_graph("g", 5))


def test_in_memory_store_snapshots_to_disk(tmp_path: Path) -> None:
    memory = open_store(None)
    memory.replace_graph("http://example.org/g", article_graph("g", 1))
    copy = ox.Store.read_only(str(memory.snapshot(tmp_path / "snap")))
    assert len(list(copy)) == len(article_graph("g", 1))


def test_a_store_in_use_is_refused_with_a_readable_message(store: OxigraphStore) -> None:
    with pytest.raises(StoreError, match="in use by another newskg process"):
        open_store(store.path)


def test_closing_releases_the_store(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s")
    first.replace_graph("http://example.org/g", article_graph("g", 1))
    first.close()
    again = open_store(tmp_path / "s")
    assert again.has_graph("http://example.org/g")
    again.close()
