"""Validation cost: per article (the pipeline's validate stage, against raw pyshacl on the same graphs with the
shapes alone) and for the whole store (check_store) at the sizes BENCH_SIZE asks for."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from bench.bounded import run_bounded
from bench.context import BenchContext, NotAvailable
from bench.report import Figure
from bench.scale_graph import read_article_graphs
from newskg.ingest.settings import Settings


def sample_graphs(base_nq: Path, count: int) -> list[rdflib.Graph]:
    """The first `count` article graphs of base_nq, each as an in-memory rdflib Graph (as the pipeline validates)."""
    graphs = []
    for lines in list(read_article_graphs(base_nq, Settings().base_iri + "graph/article/").values())[:count]:
        triples = [quad.triple for quad in ox.parse("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)]
        graph = rdflib.Graph()
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
        graphs.append(graph)
    return graphs


def _raw_pyshacl(data: bytes) -> float:
    import pyshacl

    from newskg.ingest.resources import shape_files

    shapes = rdflib.Graph()
    for path in shape_files():
        shapes.parse(path, format="turtle")
    graph = rdflib.Graph().parse(data=data, format="nt")
    started = time.perf_counter()
    pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    return time.perf_counter() - started


def raw_pyshacl_seconds(graph: rdflib.Graph, limit: float) -> float | None:
    """pyshacl.validate(graph, shacl_graph=shapes) as a user would call it, in a child process cut at `limit`."""
    return run_bounded(_raw_pyshacl, (graph.serialize(format="nt", encoding="utf-8"),), limit)


def per_article(context: BenchContext) -> None:
    from newskg.ingest.iris import IriMinter
    from newskg.ingest.service_graphs import registry_graph
    from newskg.ingest.validation import Validator

    seconds = context.need("validate_seconds", "the pipeline's validate timings")
    if not seconds:
        raise NotAvailable("the pipeline reported no validate stage")
    graphs = sample_graphs(context.need("base_nq", "the ingested article graphs"), 10)
    validator = Validator.load(registry_graph(IriMinter(Settings().base_iri)))
    validator.validate(graphs[0])
    started = time.perf_counter()
    for graph in graphs:
        validator.validate(graph)
    ours = (time.perf_counter() - started) / len(graphs)
    limit = 3 * context.size.query_seconds
    raw = raw_pyshacl_seconds(graphs[0], limit)
    triples = statistics.fmean(len(g) for g in graphs)
    pipeline_ms = 1000 * statistics.fmean(seconds)
    context.report.add(Figure("validation", "validation per article (pipeline stage)", "ms", pipeline_ms,
                              1000 * (raw if raw is not None else limit), "plain pyshacl.validate, same shapes",
                              note=f"{len(seconds)} articles; Validator alone on {len(graphs)} graphs of {triples:.0f} "
                                   f"triples: {1000 * ours:.0f} ms each; plain pyshacl on one graph"
                                   + ("" if raw is not None else f" was cut at {limit:.0f} s (reference is a floor)")))
    if context.artifacts.get("ingest_rate"):
        context.report.add(Figure("validation", "validation share of ingest time", "%",
                                  100 * pipeline_ms / (1000 / context.artifacts["ingest_rate"])))


REASONING_ARTICLES = 50


def check_sizes(context: BenchContext) -> dict[int, int]:
    """Store sizes (articles) for the whole-store check: as asked by BENCH_SIZE, scaled down so that the check fits
    its time budget at the per-article validation cost measured in this run."""
    seconds = context.artifacts.get("validate_seconds") or [0.05]
    per_article = statistics.fmean(seconds)
    feasible = max(10, int(context.size.check_seconds / (4 * per_article)))   # + reading each graph back
    return {asked: min(asked, feasible) for asked in context.size.check_articles}


def _check(store_dir: str, reason: bool) -> dict[str, Any]:
    from newskg.ingest.check import check_store
    from newskg.ingest.iris import IriMinter
    from newskg.ingest.service_graphs import registry_graph
    from newskg.store.embedded import open_store
    from newskg.ingest.validation import Validator

    validator = Validator.load(registry_graph(IriMinter(Settings().base_iri)))
    store = open_store(Path(store_dir))
    try:
        started = time.perf_counter()
        report = check_store(store, validator, reason=reason)
        return {"seconds": time.perf_counter() - started, "ok": getattr(report, "ok", None),
                "graphs": getattr(report, "graphs_checked", None), "shacl": getattr(report, "shacl_seconds", None),
                "reasoning": getattr(report, "reasoning_seconds", None),
                "reasoned_triples": getattr(report, "reasoned_triples", None)}
    finally:
        store.close()


def _store_from(context: BenchContext, name: str, nquads: Path) -> Path:
    from newskg.store.embedded import open_store

    store_dir = context.path(f"{name}-store")
    store = open_store(store_dir)
    store.bulk_load(nquads, "application/n-quads")
    store.close()
    return store_dir


def whole_store(context: BenchContext) -> None:
    """newskg check: SHACL over every article graph at the sizes asked for (scaled to the budget), then HermiT over
    ontology and data once, on a small store of its own (reasoning cost grows much faster than the store)."""
    scale = context.need("scale", "the scale graph")
    limit = 2 * context.size.check_seconds
    for asked in context.size.check_articles:
        name = f"check-{asked}"
        if name not in scale.subsets:
            continue
        articles = scale.subset_articles[name]
        result = run_bounded(_check, (str(_store_from(context, name, scale.subsets[name])), False), limit)
        if result is None:
            context.report.add(Figure("validation", f"whole-store SHACL check, {articles:,} articles", "s", limit,
                                      note=f"cut at {limit:.0f} s", newskg_floor=True))
            continue
        context.report.details.setdefault("whole_store_check", {})[articles] = result
        context.report.add(Figure("validation", f"whole-store SHACL check, {articles:,} articles", "s", result["shacl"],
                                  note=f"{1000 * (result['shacl'] or 0) / articles:.0f} ms per article; "
                                       f"{'consistent' if result['ok'] else 'NOT consistent'}"))
        if articles < asked:
            context.report.note(f"whole-store check scaled down from {asked:,} to {articles:,} articles to fit "
                                f"{context.size.check_seconds:.0f} s at this run's per-article validation cost")
    if "reason" in scale.subsets:
        articles = scale.subset_articles["reason"]
        limit = context.size.check_seconds
        result = run_bounded(_check, (str(_store_from(context, "reason", scale.subsets["reason"])), True), limit)
        reasoning = result["reasoning"] if result else None
        context.report.add(Figure("validation", f"whole-store OWL check (HermiT), {articles:,} articles", "s",
                                  reasoning, note=f"{result['reasoned_triples']:,} triples reasoned over" if result
                                  else f"cut at {limit:.0f} s"))
