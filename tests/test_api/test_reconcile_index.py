"""The reconciliation index over a real on-disk store: labels, registry variants and the names articles used."""

from __future__ import annotations

from pathlib import Path

from newskg.api.reconcile_index import MENTION_WEIGHT, build_index
from newskg.api.reconcile_match import PART_WEIGHT, ReconcileQuery, reconcile
from newskg.ingest.iris import IriMinter
from newskg.ingest.mapping import Provenance, article_graph
from newskg.ingest.model import Actor, ArticleDoc, Extraction, Span
from newskg.ingest.service_graphs import service_graphs
from newskg.store.embedded import open_store

BASE = "http://127.0.0.1:8000/"
TEXT = "Port reopens\n\nMinister Okonjo said the port would reopen. The minister spoke in Tavira.\n"


def span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


def test_the_names_articles_used_are_variants_and_descriptions_are_not(tmp_path: Path) -> None:
    minter = IriMinter(BASE)
    doc = ArticleDoc(key=IriMinter.article_key(None, TEXT), text=TEXT, title="Port reopens")
    minister = Actor(str(minter.actor("Mara Okonjo")), "Mara Okonjo", "Person", known=False,
                     mentions=[span("Minister Okonjo"), span("The minister")])
    graphs = {**service_graphs(minter), minter.article_graph(doc.key): article_graph(
        Extraction(doc, [minister]), minter, Provenance("newskg test", "test"))}
    store = open_store(tmp_path / "store")
    try:
        store.replace_graphs({str(name): graph for name, graph in graphs.items()})
        index = build_index(store, minter)
    finally:
        store.close()
    entry = index.by_id["actor/mara-okonjo"]
    assert entry.names == {"Mara Okonjo", "Minister Okonjo"} and entry.mentions == 2
    assert index.kinds_of(entry) == {"Person", "Actor"}
    by_mention = reconcile(index, ReconcileQuery("Minister Okonjo", frozenset({"Person"}), 3, ()))
    assert by_mention[0].entry is entry and by_mention[0].score == 100 * MENTION_WEIGHT and by_mention[0].match
    partial = reconcile(index, ReconcileQuery("minister", frozenset(), 10, ()))    # a word of "Minister Okonjo"
    expected = round(100 * PART_WEIGHT * MENTION_WEIGHT, 1)
    assert [(c.entry, c.score, c.match) for c in partial if c.entry is entry] == [(entry, expected, False)]
    assert index.by_id["actor/ukraine"].same_as == {"http://www.wikidata.org/entity/Q212"}   # the registry's
