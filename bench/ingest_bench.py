"""Ingest benchmarks: end to end through the real pipeline (one process, then two worker processes), time by stage,
and the references in the same run: extraction alone, and raw pyoxigraph bulk loading of the very same graphs."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.context import BenchContext
from bench.report import Figure, Target

PER_CORE_TARGET = Target("value", ">=", 20.0, "≥ 20 articles/s")
SCALING_TARGET = Target("ratio", ">=", 1.8, "≥ 1.8× one process")


def _settings(store_dir: Path | None) -> Any:
    from newskg.ingest.settings import Settings

    return Settings(store_dir=store_dir) if store_dir else Settings()


def ingest_one_process(context: BenchContext) -> None:
    from newskg.ingest.outcome import Status
    from newskg.ingest.pipeline import Pipeline
    from newskg.store.embedded import open_store

    paths: list[Path] = context.need("corpus_paths", "the generated corpus")
    store_dir = context.path("ingest-store")
    store = open_store(store_dir)
    try:
        pipeline = Pipeline(_settings(store_dir), store)
        pipeline.write_service_graphs()
        pipeline.ingest_file(paths[0])           # warm-up: lazy loads (tokeniser, shapes) are not ingest cost
        done, stages, walls, statuses = 0, [], [], {s: 0 for s in Status}
        started = time.perf_counter()
        for path in paths[1:]:
            t0 = time.perf_counter()
            outcome = pipeline.ingest_file(path)
            walls.append(time.perf_counter() - t0)
            stages.append(outcome.timings)
            statuses[outcome.status] += 1
            done += 1
            if time.perf_counter() - started > context.size.ingest_seconds:
                break
        elapsed = time.perf_counter() - started
        base_nq, service_nq, graphs, triples = _dump_graphs(store, context, pipeline.minter.base)
    finally:
        store.close()
    accepted = statuses[Status.ACCEPTED]
    context.report.details["ingest"] = {"articles": done, "accepted": accepted, "rejected": statuses[Status.REJECTED],
                                        "failed": statuses[Status.FAILED], "seconds": elapsed,
                                        "triples_per_article": triples / max(graphs, 1)}
    if accepted < done:
        context.report.note(f"ingest: {statuses[Status.REJECTED]} rejected and {statuses[Status.FAILED]} failed of "
                            f"{done} generated articles")
    rate = done / elapsed
    context.artifacts.update(ingest_rate=rate, ingest_count=done, base_nq=base_nq, service_nq=service_nq,
                             base_graphs=graphs, base_triples=triples,
                             validate_seconds=[s["validate"] for s in stages if "validate" in s])
    stage_ms = _stage_split(stages, walls)
    context.artifacts["stage_ms"] = stage_ms
    context.report.details["ingest"]["stage_ms"] = stage_ms
    context.report.add(Figure("ingest", "ingest end to end, 1 process", "articles/s", rate, target=PER_CORE_TARGET,
                              note=f"{done} articles, {triples / max(graphs, 1):.0f} triples/article"))


def _stage_split(stages: list[dict[str, float]], walls: list[float]) -> dict[str, float]:
    """Mean ms per article of each stage the pipeline reports; 'read' is the wall time not inside any stage."""
    names = sorted({name for timings in stages for name in timings})
    split = {name: 1000 * statistics.fmean(t.get(name, 0.0) for t in stages) for name in names}
    split["read"] = 1000 * statistics.fmean(w - sum(t.values()) for w, t in zip(walls, stages))
    return split


def _dump_graphs(store: Any, context: BenchContext, base: str) -> tuple[Path, Path, int, int]:
    """The article graphs as N-Quads (the base of the scale graph), and the service graphs apart."""
    article_prefix = base + "graph/article/"
    base_nq, service_nq = context.path("base-articles.nq"), context.path("service-graphs.nq")
    quads = list(store.oxigraph.quads_for_pattern(None, None, None, None))
    articles = [q for q in quads if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(article_prefix)]
    service = [q for q in quads if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(article_prefix))]
    with open(base_nq, "wb") as out:
        ox.serialize(articles, out, ox.RdfFormat.N_QUADS)
    with open(service_nq, "wb") as out:
        ox.serialize(service, out, ox.RdfFormat.N_QUADS)
    return base_nq, service_nq, len({q.graph_name for q in articles}), len(articles)


def extraction_alone(context: BenchContext) -> None:
    """Reference: the same articles read and extracted only; also times the stages the pipeline reports together
    (read, extract, map) with the pipeline's own objects."""
    from newskg.ingest.extract.read import read_file
    from newskg.ingest.mapping import article_graph
    from newskg.ingest.metadata_actors import metadata_actors
    from newskg.ingest.pipeline import Pipeline

    paths: list[Path] = context.need("corpus_paths", "the generated corpus")
    count = context.artifacts.get("ingest_count", len(paths) - 1)
    pipeline = Pipeline(_settings(None), None)
    extractor, minter = pipeline.extractor, pipeline.minter
    pipeline.prepare(read_file(paths[0]))
    spent = {"read": 0.0, "extract": 0.0, "map": 0.0}
    stages: dict[str, float] = {}
    done = 0
    started = time.perf_counter()
    for path in paths[1:count + 1]:
        t0 = time.perf_counter()
        doc = read_file(path)
        t1 = time.perf_counter()
        extraction = extractor.extract(doc, stages)
        t2 = time.perf_counter()
        metadata = metadata_actors(doc, extraction.actors, extractor.registry, minter)
        article_graph(extraction, minter, pipeline.provenance, metadata.publisher, metadata.authors,
                      agency=metadata.agency, dateline=metadata.dateline)
        t3 = time.perf_counter()
        spent["read"] += t1 - t0
        spent["extract"] += t2 - t1
        spent["map"] += t3 - t2
        done += 1
        if time.perf_counter() - started > context.size.ingest_seconds:
            break
    rate = done / (spent["read"] + spent["extract"])
    split = {stage: 1000 * seconds / done for stage, seconds in spent.items()}
    context.report.add(Figure("ingest", "read + extract alone (no map, validate, write), 1 process", "articles/s", rate,
                              note=f"{done} articles; part 1 + part 2 extraction throughput"))
    ingest_rate = context.artifacts.get("ingest_rate")
    if ingest_rate:
        _ratio_figure(context, ingest_rate, rate)
    stage_ms = context.artifacts.get("stage_ms", {})
    split.update({k: v for k, v in stage_ms.items() if k in {"validate", "write"}})
    for stage, ms in split.items():
        context.report.add(Figure("ingest", f"ingest stage: {stage}", "ms/article", ms))
    context.report.details["stage_split_ms"] = split
    _extraction_stages(context, paths[1:done + 1], stages, done)


def _extraction_stages(context: BenchContext, paths: list[Path], stages: dict[str, float], done: int) -> None:
    """Each extraction stage's cost per article; the text model beside a reference measured in the same run on the
    same texts: spaCy's bare rule-based tokenizer (what the text model adds: sentences, tags, chunks, lemmas)."""
    import spacy

    from newskg.ingest.extract.read import read_file

    tokenizer = spacy.blank("en").tokenizer
    texts = [read_file(path).text for path in paths]
    started = time.perf_counter()
    for text in texts:
        tokenizer(text)
    bare = 1000 * (time.perf_counter() - started) / max(len(texts), 1)
    per_article = {stage: 1000 * seconds / max(done, 1) for stage, seconds in stages.items()}
    for stage, ms in per_article.items():
        reference = bare if stage == "text model" else None
        context.report.add(Figure("ingest", f"extraction stage: {stage}", "ms/article", ms, reference,
                                  "spaCy's bare tokenizer, same texts" if reference else None))
    context.report.details["extraction_stages_ms"] = per_article


def _ratio_figure(context: BenchContext, ingest_rate: float, extraction_rate: float) -> None:
    context.report.add(Figure("ingest", "ingest end to end vs extraction alone", "articles/s", ingest_rate,
                              extraction_rate, "read + extract alone",
                              note="the cost of mapping, validation and the write on top of extraction"))


# --- two worker processes: workers read, extract, map and validate; the parent is the single writer --------------
_worker_pipeline: Any = None


def _worker_init() -> None:
    global _worker_pipeline
    from newskg.ingest.pipeline import Pipeline

    _worker_pipeline = Pipeline(_settings(None), None)


def _worker_prepare(path: str) -> tuple[str, bytes] | None:
    from newskg.ingest.errors import NewskgError
    from newskg.ingest.extract.read import read_file

    try:
        doc = read_file(Path(path))
    except NewskgError:
        return None   # failed, as in the pipeline: counted, nothing written
    prepared = _worker_pipeline.prepare(doc)
    if not _worker_pipeline.validator.validate(prepared.graph).conforms:
        return None
    return prepared.graph_iri, prepared.graph.serialize(format="nt", encoding="utf-8")


def ingest_two_workers(context: BenchContext) -> None:
    from newskg.store.embedded import open_store

    paths: list[Path] = context.need("corpus_paths", "the generated corpus")
    single = context.need("ingest_rate", "the one-process ingest figure")
    count = context.artifacts.get("ingest_count", len(paths) - 1)
    store = open_store(context.path("ingest-store-2"))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=2, initializer=_worker_init) as pool:
            list(pool.map(_worker_prepare, [str(paths[0])] * 4))   # warm-up: both workers loaded
            started = time.perf_counter()
            for result in pool.map(_worker_prepare, [str(p) for p in paths[1:count + 1]], chunksize=2):
                if result is not None:
                    graph_iri, data = result
                    triples = [q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)]
                    store.replace_ox_graphs({ox.NamedNode(graph_iri): triples})
                done += 1
                if time.perf_counter() - started > context.size.ingest_seconds:
                    break
            elapsed = time.perf_counter() - started
            pool.shutdown(wait=True, cancel_futures=True)   # what was not consumed yet is not waited for
    finally:
        store.close()
    rate = done / elapsed
    context.report.add(Figure("ingest", "ingest end to end, 2 worker processes", "articles/s", rate, single,
                              "1 process", SCALING_TARGET,
                              note="bench's own pool: workers read/extract/map/validate, the parent writes"))


def raw_pyoxigraph_load(context: BenchContext) -> None:
    base_nq: Path = context.need("base_nq", "the ingested article graphs")
    graphs, triples = context.artifacts["base_graphs"], context.artifacts["base_triples"]
    store = ox.Store(str(context.path("raw-load-store")))
    started = time.perf_counter()
    store.bulk_load(path=str(base_nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    elapsed = time.perf_counter() - started
    del store
    stage_ms = context.artifacts.get("stage_ms", {})
    write_rate = 1000 / stage_ms["write"] if stage_ms.get("write") else None
    context.report.add(Figure("ingest", "write stage vs raw pyoxigraph bulk load of the same graphs", "articles/s",
                              write_rate, graphs / elapsed, "pyoxigraph bulk_load",
                              note=f"raw load: {triples / elapsed:,.0f} triples/s"))
