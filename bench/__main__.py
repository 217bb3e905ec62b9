"""`python -m bench` (make bench): every benchmark in one bounded run, each figure beside its reference.

BENCH_SIZE=small|default|large picks the size (bench/sizes.py); BENCH_KEEP=1 keeps the work directory.
Prints a Markdown table and writes bench/results/<timestamp>-<size>.json (and .md).
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from bench import (dump_bench, http_bench, ingest_bench, page_bench, scale_bench, scaling_bench, start_bench,
                   validation_bench)
from bench.context import BenchContext, run_section
from bench.corpus import generate_article
from bench.report import Figure, Report
from bench.sizes import bench_size

RESULTS = Path(__file__).resolve().parent / "results"


def corpus(context: BenchContext) -> None:
    directory = context.path("corpus")
    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    paths, words = [], []
    for index in range(context.size.corpus_articles):
        article = generate_article(context.seed, index)
        path = directory / article.name
        path.write_text(article.content, encoding="utf-8")
        paths.append(path)
        words.append(article.body_words)
    elapsed = time.perf_counter() - started
    context.artifacts["corpus_paths"] = paths
    context.report.details["corpus"] = {"articles": len(paths), "seed": context.seed, "mean_body_words":
                                        sum(words) / len(words), "min_body_words": min(words),
                                        "max_body_words": max(words)}
    context.report.add(Figure("corpus", "corpus generation", "articles/s", len(paths) / elapsed,
                              note=f"{len(paths)} articles, {min(words)}–{max(words)} body words"))


SECTIONS = [
    ("corpus", corpus),
    ("extract start", start_bench.extract_start),
    ("ingest, 1 process", ingest_bench.ingest_one_process),
    ("extraction alone", ingest_bench.extraction_alone),
    ("ingest, 2 workers", ingest_bench.ingest_two_workers),
    ("ingest through the queue", scaling_bench.queue_throughput),
    ("latency over each backend", scaling_bench.backend_latency),
    ("raw pyoxigraph load", ingest_bench.raw_pyoxigraph_load),
    ("validation per article", validation_bench.per_article),
    ("scale graph and stores", scale_bench.build_scale),
    ("whole-store validation", validation_bench.whole_store),
    ("servers", http_bench.start_servers),
    ("canned SPARQL queries", http_bench.canned),
    ("cheap query under load", http_bench.cheap_load),
    ("pages", page_bench.page_latency),
    ("dumps", dump_bench.dumps),
]


def main() -> int:
    # a SIGTERM ends the run like Ctrl-C: the finally below still stops the servers this run started
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    size = bench_size(os.environ.get("BENCH_SIZE"))
    workdir = Path(tempfile.mkdtemp(prefix=f"newskg-bench-{size.name}-"))
    report = Report(size.name)
    context = BenchContext(size, workdir, report, log=lambda text: print(text, file=sys.stderr, flush=True))
    context.log(f"newskg bench, size {size.name}, work directory {workdir}")
    try:
        for name, section in SECTIONS:
            run_section(context, name, section)
        http_bench.stop_servers(context)
        run_section(context, "rdflib-endpoint comparison", http_bench.rdflib_comparison)
    finally:
        http_bench.stop_servers(context)
        if os.environ.get("BENCH_KEEP"):
            context.log(f"work directory kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    path = report.save(RESULTS)
    print(report.markdown())
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
