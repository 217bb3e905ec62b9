"""Benchmark sizes (BENCH_SIZE=small|default|large): how much data, how many repeats, how long each loop may run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BenchSize:
    name: str
    corpus_articles: int          # generated articles written to disk (ingest benchmarks use these)
    ingest_seconds: float         # cap on each timed ingest or extraction loop
    scale_triples: int            # target size of the replicated graph all engines serve
    rdflib_triples: int           # rdflib-endpoint gets a subset of this size (it holds everything in memory)
    check_articles: tuple[int, ...]   # whole-store validation at these store sizes (articles)
    check_seconds: float          # budget of one whole-store check: sizes are scaled down to fit it
    query_repeats: int            # timed runs of each canned query per engine (after one warm-up)
    query_seconds: float          # cap on the timed runs of one query on one engine
    call_timeout: float           # one query call may take this long (servers are told to stop it too)
    load_seconds: float           # duration of each concurrent cheap-query load
    load_requests: int            # cap on requests of the Python load generator
    page_repeats: int
    dump_seconds: float           # cap on one dump (a slower one is cut and its rate measured so far)
    budget_seconds: float         # sections not started by then are skipped, so the whole run stays bounded


SIZES = {
    "small": BenchSize("small", corpus_articles=40, ingest_seconds=40, scale_triples=100_000, rdflib_triples=30_000,
                       check_articles=(50,), check_seconds=45, query_repeats=5, query_seconds=8, call_timeout=15,
                       load_seconds=3, load_requests=20_000, page_repeats=10, dump_seconds=30, budget_seconds=480),
    "default": BenchSize("default", corpus_articles=300, ingest_seconds=50, scale_triples=1_000_000,
                         rdflib_triples=100_000, check_articles=(1_000,), check_seconds=45, query_repeats=15,
                         query_seconds=12, call_timeout=20, load_seconds=8, load_requests=200_000, page_repeats=30,
                         dump_seconds=45, budget_seconds=780),
    "large": BenchSize("large", corpus_articles=1_000, ingest_seconds=150, scale_triples=5_000_000,
                       rdflib_triples=100_000, check_articles=(1_000, 10_000), check_seconds=600, query_repeats=20,
                       query_seconds=40, call_timeout=90, load_seconds=10, load_requests=400_000, page_repeats=50,
                       dump_seconds=120, budget_seconds=3600),
}


def bench_size(name: str | None) -> BenchSize:
    key = (name or "default").strip().lower()
    if key not in SIZES:
        raise SystemExit(f"BENCH_SIZE must be one of {', '.join(SIZES)} (got {name!r})")
    return SIZES[key]
