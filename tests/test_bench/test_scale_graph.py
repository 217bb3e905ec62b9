"""The scale graph replicates article graphs under re-minted keys: distinct articles, shared actors, exact counts."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from bench.scale_graph import build_scale_graph, rekey

BASE = "http://127.0.0.1:8000/"
KEYS = ["0123456789abcdef", "fedcba9876543210"]


def _article_quads(key: str) -> list[str]:
    graph = f"<{BASE}graph/article/{key}>"
    article = f"<{BASE}id/article/{key}>"
    return [
        f'{article} <https://w3id.org/newskg/ontology/headline> "Headline {key}" {graph} .\n',
        f"<{BASE}id/statement/{key}-10-40> <https://w3id.org/newskg/ontology/inArticle> {article} {graph} .\n",
        f"<{BASE}id/statement/{key}-10-40> <https://w3id.org/newskg/ontology/speaker> <{BASE}id/actor/elena-varga> {graph} .\n",
        f"{article} <http://www.w3.org/ns/prov#wasGeneratedBy> <{BASE}id/run/aaaabbbbccccdddd> {graph} .\n",
    ]


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "base.nq"
    base.write_text("".join(line for key in KEYS for line in _article_quads(key)), encoding="utf-8")
    service = tmp_path / "service.nq"
    service.write_text(f'<{BASE}id/actor/elena-varga> <http://www.w3.org/2000/01/rdf-schema#label> "Elena Varga" '
                       f"<{BASE}graph/registry> .\n", encoding="utf-8")
    return base, service


def test_replicas_are_distinct_articles_sharing_actors(tmp_path: Path) -> None:
    base, service = _inputs(tmp_path)
    scale = build_scale_graph(base, service, BASE, target_triples=30, out_dir=tmp_path / "out",
                              subset_articles={"check": 3, "same-size": 3}, subset_triples={"small": 9})
    assert scale.copies == 4 and scale.articles == 8 and scale.triples == 1 + 8 * 4
    store = ox.Store()
    store.bulk_load(path=str(scale.path), format=ox.RdfFormat.N_QUADS)
    assert len(store) == scale.triples
    graphs = {g.value for g in store.named_graphs()}
    assert len([g for g in graphs if "/graph/article/" in g]) == 8
    assert f"{BASE}graph/article/{rekey(KEYS[0], 3)}" in graphs
    speakers = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode("https://w3id.org/newskg/ontology/speaker"), None)}
    assert speakers == {f"{BASE}id/actor/elena-varga"}
    runs = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/ns/prov#wasGeneratedBy"), None)}
    assert len(runs) == 4, "each copy's extraction run is its own"
    assert scale.subset_articles["check"] == 3 and scale.subset_triples["check"] == 1 + 3 * 4
    assert scale.subsets["same-size"] != scale.subsets["check"] and scale.subset_articles["same-size"] == 3
    assert scale.subset_triples["small"] >= 9 and scale.subset_articles["small"] == 2
    subset = ox.Store()
    subset.bulk_load(path=str(scale.subsets["check"]), format=ox.RdfFormat.N_QUADS)
    assert len(subset) == scale.subset_triples["check"]


def test_target_below_the_base_keeps_one_copy(tmp_path: Path) -> None:
    base, service = _inputs(tmp_path)
    scale = build_scale_graph(base, service, BASE, target_triples=1, out_dir=tmp_path / "out")
    assert scale.copies == 1 and scale.articles == 2 and scale.triples == 9
