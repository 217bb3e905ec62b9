"""What the hardening tests look at in a store: its N-Quads dump, its graphs, an article's stored text, and whether
every text selector of an article graph points at the characters it quotes."""

from __future__ import annotations

import io
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from newskg.ingest.namespaces import NKG
from newskg.store.embedded import OxigraphStore
from newskg.store.interface import Store

ARTICLE_GRAPH_PART = "/graph/article/"


def nquads(store: Store) -> bytes:
    """The store's N-Quads dump, lines sorted (a remote engine need not list quads in the same order twice)."""
    out = io.BytesIO()
    store.dump(out, "application/n-quads")
    return b"\n".join(sorted(out.getvalue().splitlines()))


def nquads_of_dir(store_dir: Path) -> bytes:
    """The dump of a store on disk that no process holds (opened, dumped and closed again)."""
    store = OxigraphStore(store_dir)
    try:
        return nquads(store)
    finally:
        store.close()


def graphs_of(dump: bytes) -> dict[str, Graph]:
    """Each named graph of an N-Quads dump, as an rdflib Graph."""
    dataset = Dataset()
    dataset.parse(data=dump, format="nquads")
    graphs: dict[str, Graph] = {}
    for context in dataset.contexts():
        name = str(context.identifier)
        if name == str(dataset.default_context.identifier):
            continue
        graph = Graph()
        for triple in context:
            graph.add(triple)
        if len(graph):
            graphs[name] = graph
    return graphs


def article_graph_names(graphs: dict[str, Graph]) -> set[str]:
    return {name for name in graphs if ARTICLE_GRAPH_PART in name}


def same_graphs(found: dict[str, Graph], expected: dict[str, Graph]) -> list[str]:
    """Names of the graphs that differ (missing, extra, or not isomorphic)."""
    differ = sorted(set(found) ^ set(expected))
    differ += [name for name in sorted(set(found) & set(expected)) if not isomorphic(found[name], expected[name])]
    return differ


def stored_text(graph: Graph) -> str:
    texts = list(graph.objects(None, NKG.text))
    assert len(texts) == 1, f"an article graph holds {len(texts)} nkg:text values"
    return str(texts[0])


def ungrounded_selectors(graph: Graph) -> list[str]:
    """Selectors whose exact text is not the article's text between their offsets (empty when all are grounded)."""
    text = stored_text(graph)
    wrong = []
    for selector in graph.subjects(RDF.type, NKG.TextSelector):
        start = int(str(graph.value(selector, NKG.start)))
        end = int(str(graph.value(selector, NKG.end)))
        exact = str(graph.value(selector, NKG.exact))
        if not (0 <= start <= end <= len(text)) or text[start:end] != exact:
            wrong.append(f"{selector}: [{start}:{end}] {exact!r} vs {text[start:end]!r}")
    return wrong


def graph_from_store(store: Store, name: str) -> Graph:
    graph = Graph()
    out = io.BytesIO()
    store.dump(out, "application/n-triples", name)
    graph.parse(data=out.getvalue(), format="nt")
    return graph


def article_iri_of(graph: Graph) -> URIRef:
    return next(iter(graph.subjects(RDF.type, NKG.NewsArticle)))  # type: ignore[return-value]
