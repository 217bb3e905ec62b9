"""store.interface on every backend: the embedded store, Oxigraph's server and Virtuoso, each real and on
127.0.0.1. The same calls must give the same answers (Virtuoso's own graphs aside, which its union includes)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Callable, Iterator

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from newskg.ingest.errors import QueryError, StoreError
from newskg.ingest.settings import Settings
from newskg.ingest.store_access import open_configured_store
from newskg.store.interface import Store

pytestmark = pytest.mark.backends
EX = "http://example.org/"
G1, G2 = EX + "graph/1", EX + "graph/2"


def graph(*triples: tuple[str, str, object]) -> Graph:
    built = Graph()
    for s, p, o in triples:
        built.add((URIRef(EX + s), URIRef(EX + p), o if isinstance(o, (URIRef, Literal)) else Literal(o)))
    return built


@pytest.fixture
def store(make_settings: Callable[..., Settings]) -> Iterator[Store]:
    opened = open_configured_store(make_settings())
    yield opened
    opened.close()


def nquads(store: Store, graph_name: str | None = None, media_type: str = "application/n-quads") -> bytes:
    out = io.BytesIO()
    store.dump(out, media_type, graph_name)
    return out.getvalue()


def test_a_graph_is_replaced_whole(store: Store) -> None:
    store.replace_graph(G1, graph(("a", "p", "old"), ("a", "q", "kept only in the old")))
    store.replace_graph(G1, graph(("a", "p", "new")))
    assert isomorphic(Graph().parse(data=nquads(store, G1, "application/n-triples"), format="nt"),
                      graph(("a", "p", "new")))
    assert store.graph_names() == [G1]


def test_queries_see_the_union_of_graphs_unless_they_name_the_dataset(store: Store) -> None:
    store.replace_graphs({G1: graph(("a", "p", "one")), G2: graph(("b", "p", "two"))})
    union = {str(s["o"].value) for s in store.query(f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}")}
    assert union == {"one", "two"}
    named = {str(s["o"].value) for s in store.query(f"SELECT ?o FROM <{G2}> WHERE {{ ?s <{EX}p> ?o }}")}
    assert named == {"two"}
    only = {str(s["o"].value) for s in store.query(f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}", default_graphs=[G1])}
    assert only == {"one"}


def test_ask_and_construct_answer_as_the_embedded_store_does(store: Store) -> None:
    store.replace_graph(G1, graph(("a", "p", "one"), ("a", "n", Literal(3))))
    assert bool(store.query(f"ASK {{ GRAPH <{G1}> {{ ?s ?p \"one\" }} }}")) is True
    assert bool(store.query(f"ASK {{ GRAPH <{G1}> {{ ?s ?p \"absent\" }} }}")) is False
    built = store.construct_graph(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert isomorphic(built, graph(("a", "p", "one"), ("a", "n", Literal(3))))
    assert isinstance(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}"),
                      ox.QueryTriples)


def test_has_graph_and_remove_graph(store: Store) -> None:
    store.replace_graph(G1, graph(("a", "p", "one")))
    assert store.has_graph(G1) and not store.has_graph(G2)
    store.remove_graph(G1)
    assert not store.has_graph(G1) and store.graph_names() == []


def test_the_version_changes_with_every_write(store: Store) -> None:
    before = (store.version, store.generation)
    store.replace_graph(G1, graph(("a", "p", "one")))
    after = (store.version, store.generation)
    assert after[0] != before[0] and after[1] > before[1]
    store.update(f"INSERT DATA {{ GRAPH <{G2}> {{ <{EX}b> <{EX}p> \"two\" }} }}")
    assert store.version != after[0]


def test_dumps_hold_every_graph_and_keep_blank_nodes_apart(store: Store) -> None:
    blank_graph = Graph().parse(data=f"<{EX}a> <{EX}p> [ <{EX}q> 1 ] .", format="turtle")
    store.replace_graphs({G1: blank_graph, G2: blank_graph})
    quads = ox.Store()
    quads.load(nquads(store), ox.RdfFormat.N_QUADS)
    assert {g.value for g in quads.named_graphs()} == {G1, G2}   # the version marker is not part of the data
    blank_nodes = {q.subject for q in quads if isinstance(q.subject, ox.BlankNode)}
    assert len(blank_nodes) == 2
    turtle = Graph().parse(data=nquads(store, None, "text/turtle"), format="turtle")
    assert len(turtle) == 4


def test_a_syntax_error_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELECT WHERE {")
    with pytest.raises(QueryError):
        store.update("INSERT DATA {")


def test_a_store_that_is_not_there_is_a_clear_store_error(tmp_path: Path) -> None:
    from tests.engines import free_port

    gone = open_configured_store(Settings(store_url=f"oxigraph+http://127.0.0.1:{free_port()}", store_timeout=2))
    with pytest.raises(StoreError, match="cannot be reached"):
        gone.replace_graph(G1, graph(("a", "p", "one")))
    with pytest.raises(StoreError, match="cannot be reached"):
        gone.query("ASK {}")


@pytest.mark.backends("oxigraph")
def test_a_service_without_graph_store_is_written_by_updates_and_read_by_construct(engine_pool: Any) -> None:
    """As newskg uses QLever, or any `sparql+` service named by its query and update endpoints alone."""
    from newskg.store import RemoteEndpoints, connect

    with engine_pool.lease("oxigraph") as engine:
        plain = connect("sparql" + engine.locator.removeprefix("oxigraph"),
                        endpoints=RemoteEndpoints(query=engine.url + "/query", update=engine.url + "/update"))
        blank_graph = Graph().parse(data=f"<{EX}a> <{EX}p> [ <{EX}q> 1 ] .", format="turtle")
        plain.replace_graphs({G1: blank_graph, G2: graph(("b", "p", "two"))})
        plain.replace_graph(G2, graph(("b", "p", "three")))
        assert plain.graph_names() == [G1, G2]
        assert isomorphic(Graph().parse(data=nquads(plain, G1, "application/n-triples"), format="nt"), blank_graph)
        assert isomorphic(Graph(store="Memory").parse(data=nquads(plain, G2, "text/turtle"), format="turtle"),
                          graph(("b", "p", "three")))
        quads = ox.Store()
        quads.load(nquads(plain), ox.RdfFormat.N_QUADS)
        assert len(quads) == 3
        plain.close()
