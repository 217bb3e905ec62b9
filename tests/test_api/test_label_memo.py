"""The label memo shared by page requests: asks the store only for what it has not seen in this store version."""

from __future__ import annotations

from rdflib import RDFS, Graph, Literal, URIRef

from newskg.api.label_memo import LabelMemo
from newskg.store.embedded import open_store

ACTOR = "http://example.org/actor/a"


def _label_graph(label: str) -> Graph:
    return Graph().add((URIRef(ACTOR), RDFS.label, Literal(label)))


def test_labels_are_looked_up_once_per_store_version_and_follow_writes() -> None:
    store = open_store(None)
    store.replace_graph("http://example.org/g", _label_graph("Old name"))
    memo, asked = LabelMemo(), []

    def look_up(iris: list[str]) -> dict[str, str]:
        asked.append(iris)
        wanted = {URIRef(i) for i in iris}
        return {str(s): str(o) for s, _, o in _triples(store) if s in wanted}

    assert memo.labels(store, [ACTOR, "http://example.org/none"], look_up) == {ACTOR: "Old name"}
    assert memo.labels(store, [ACTOR, "http://example.org/none"], look_up) == {ACTOR: "Old name"}
    assert asked == [[ACTOR, "http://example.org/none"]]   # the second call, and the IRI without a label, cost nothing
    store.replace_graph("http://example.org/g", _label_graph("New name"))
    assert memo.labels(store, [ACTOR], look_up) == {ACTOR: "New name"}
    assert len(asked) == 2


def _triples(store: object) -> list[tuple[URIRef, URIRef, Literal]]:
    rows = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")  # type: ignore[attr-defined]
    return [(URIRef(r["s"].value), URIRef(r["p"].value), Literal(r["o"].value)) for r in rows]
