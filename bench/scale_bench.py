"""The graph at scale and the stores every engine serves: newskg's store (its bulk_load), Oxigraph's own store (its
CLI `oxigraph load`, the reference), and a checkpoint of newskg's store for pyoxigraph in-process."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox

from bench.context import BenchContext
from bench.references import oxigraph_load
from bench.report import Figure
from bench.scale_graph import build_scale_graph
from bench.validation_bench import REASONING_ARTICLES, check_sizes


def disk_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def build_scale(context: BenchContext) -> None:
    from newskg.ingest.settings import Settings
    from newskg.store.embedded import open_store

    base_nq = context.need("base_nq", "article graphs from the pipeline")
    service_nq = context.need("service_nq", "the service graphs")
    size = context.size
    started = time.perf_counter()
    scale = build_scale_graph(base_nq, service_nq, Settings().base_iri, size.scale_triples, context.path("scale"),
                              subset_articles={**{f"check-{asked}": n for asked, n in check_sizes(context).items()},
                                               "reason": REASONING_ARTICLES},
                              subset_triples={"rdflib": size.rdflib_triples})
    context.log(f"{scale.describe()} in {time.perf_counter() - started:.1f} s")
    context.report.note(scale.describe())
    context.report.details["scale_graph"] = {"triples": scale.triples, "articles": scale.articles,
                                             "copies": scale.copies, "base_articles": scale.base_articles,
                                             "subsets": {k: {"triples": scale.subset_triples[k],
                                                             "articles": scale.subset_articles[k]} for k in scale.subsets}}
    context.artifacts["scale"] = scale

    store_dir = context.path("newskg-store")
    store = open_store(store_dir)
    started = time.perf_counter()
    store.bulk_load(scale.path, "application/n-quads")
    store.close()
    newskg_seconds = time.perf_counter() - started
    context.artifacts["newskg_store"] = store_dir

    oxigraph_dir = context.path("oxigraph-store")
    oxigraph_seconds = oxigraph_load(oxigraph_dir, scale.path)
    context.artifacts["oxigraph_store"] = oxigraph_dir

    copy = ox.Store.read_only(str(store_dir))
    in_process_dir = context.path("in-process-store")
    copy.backup(str(in_process_dir))     # a RocksDB checkpoint: hard links, the same data
    del copy
    context.artifacts["in_process_store"] = in_process_dir

    context.report.add(Figure("scale", "bulk load of the scale graph", "triples/s", scale.triples / newskg_seconds,
                              scale.triples / oxigraph_seconds, "oxigraph load (CLI)",
                              note=f"{scale.triples:,} quads; newskg OxigraphStore.bulk_load"))
    per_million = disk_bytes(store_dir) / scale.triples
    context.report.add(Figure("memory", "store size on disk per million triples", "MB",
                              per_million, disk_bytes(oxigraph_dir) / scale.triples, "Oxigraph server's store",
                              note="bytes per triple × 10⁶ / 10⁶ (MB per million)"))
