"""SPARQL over HTTP: the canned domain queries (api/queries/*.rq), p50/p99, through newskg vs Oxigraph's server vs
pyoxigraph in-process (same data), and a cheap query under 8 concurrent clients; each answer checked against the
others'. rdflib-endpoint is compared on a subset it can hold, against newskg serving the same subset."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.context import BenchContext, NotAvailable
from bench.engines import Engine, Row, rows, same_answer
from bench.http_load import LoadResult, RssSampler, Timing, concurrent_load, time_calls
from bench.references import Server
from bench.report import Figure, Target

# a LIMIT 1 over everything: ASK { ?s ?p ?o } made Oxigraph 0.5.13's server exit (EAGAIN) under 8 clients at 1.1M quads
CHEAP_QUERY = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
OXIGRAPH_LATENCY = Target("ratio", "<=", 1.25, "≤ 1.25× Oxigraph server")
OXIGRAPH_THROUGHPUT = Target("ratio", ">=", 0.2, "≥ 0.2× Oxigraph server")
RDFLIB_LATENCY = Target("ratio", "<=", 0.1, "≥ 10× faster than rdflib-endpoint")
RDFLIB_THROUGHPUT = Target("ratio", ">=", 10.0, "≥ 10× rdflib-endpoint")
VALUES_NAME = re.compile(r'VALUES\s+\?name\s*\{\s*"[^"]*"\s*\}')
QUERY_DIR = Path(__file__).resolve().parent.parent / "api" / "queries"


@dataclass(frozen=True)
class BenchQuery:
    name: str
    text: str


def canned_queries(actor_label: str | None) -> list[BenchQuery]:
    """The /sparql page's example queries; a query naming an actor in VALUES gets the bench store's busiest actor."""
    paths = sorted(QUERY_DIR.glob("*.rq"))
    if not paths:
        raise NotAvailable(f"no canned queries in {QUERY_DIR}")
    queries = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if actor_label and VALUES_NAME.search(text):
            text = VALUES_NAME.sub(f'VALUES ?name {{ "{actor_label}" }}', text)
        queries.append(BenchQuery(path.stem, text))
    return queries


@dataclass
class Measured:
    answer: Counter[Row] | None
    status: str                  # "n rows", "error: ...", "timed out ..."
    timing: Timing | None
    floor: bool = False          # the engine did not answer within its timeout: the timing is a lower bound


def measure(context: BenchContext, engine: Engine, query: BenchQuery, repeats: int) -> Measured:
    """One untimed run (warm-up, and the answer to compare), then timed runs bounded in count and time. An engine
    that times out is restarted when it can be (rdflib-endpoint keeps computing a query its client gave up on)."""
    try:
        answer = rows(engine.run(query.text))
    except httpx.TimeoutException:
        if engine.restart is not None:
            engine.restart()
        return Measured(None, f"timed out after {engine.timeout:.0f} s", Timing([engine.timeout]), floor=True)
    except Exception as error:  # noqa: BLE001 - an engine that cannot run a query is a result, not a crash
        return Measured(None, f"error: {error.__class__.__name__}: {str(error)[:200]}", None)
    try:
        timing = time_calls(lambda: engine.run(query.text), repeats, context.size.query_seconds, warmup=0)
    except Exception as error:  # noqa: BLE001 - a failure mid-way is reported with the answer
        return Measured(answer, f"{sum(answer.values())} rows; failed while timed: {str(error)[:200]}", None)
    return Measured(answer, f"{sum(answer.values())} rows", timing)


def compare_engines(context: BenchContext, queries: list[BenchQuery], engines: list[Engine], section: str,
                    targets: dict[str, Target], repeats: int | None = None) -> None:
    """Time every query on every engine, check each answer against the first engine that gave one; figures are
    engines[0] (newskg) against each other engine."""
    answers: dict[str, dict[str, str]] = {}
    for query in queries:
        measured: dict[str, Measured] = {}
        for engine in engines:
            skip = measured.get(engine.skip_after or "")
            if skip is not None and skip.floor:
                measured[engine.name] = Measured(None, f"not run: {engine.skip_after} timed out (same engine)", None)
                continue
            measured[engine.name] = measure(context, engine, query, repeats or context.size.query_repeats)
        truth = next((m.answer for m in measured.values() if m.answer is not None), None)
        answers[query.name] = {}
        for name, result in measured.items():
            status = result.status
            if result.answer is not None and truth is not None and result.answer is not truth:
                ok, detail = same_answer(query.text, truth, result.answer)
                status = ("same: " if ok else "DIFFERENT: ") + detail + status.partition(" rows")[2]
            answers[query.name][name] = status
        mine = measured[engines[0].name].timing
        for other in engines[1:]:
            theirs = measured[other.name]
            target = targets.get(other.name)
            for stat in ("p50", "p99") if target else ("p50",):
                context.report.add(Figure(
                    section, f"{query.name} {stat}", "ms", getattr(mine, f"{stat}_ms") if mine else None,
                    getattr(theirs.timing, f"{stat}_ms") if theirs.timing else None, other.name,
                    target if stat == "p50" else None, note=answers[query.name][other.name],
                    newskg_floor=measured[engines[0].name].floor, reference_floor=theirs.floor))
    context.report.details.setdefault("answers", {})[section] = answers
    context.artifacts.setdefault("answers", {})[section] = answers


def _load_one(context: BenchContext, server: Server, use_wrk: bool) -> tuple[LoadResult, int]:
    with RssSampler(server.pid) as sampler:
        result = concurrent_load(server.sparql_url, {"query": CHEAP_QUERY}, 8, context.size.load_seconds,
                                 context.size.load_requests, use_wrk=use_wrk)
    return result, sampler.peak


def _load_all(context: BenchContext, servers: list[tuple[str, Server]], use_wrk: bool) -> dict[str, LoadResult] | None:
    """None when a server died under the load twice (it is started again)."""
    results: dict[str, LoadResult] = {}
    for name, server in servers:
        for attempt in range(2):
            result, peak = _load_one(context, server, use_wrk)
            if server.alive():
                break
            context.report.note(f"{name} exited under the concurrent load ({server.log_tail(2)})")
            server.start()
        else:
            return None
        results[name] = result
        context.artifacts.setdefault("rss_under_load", {})[name] = peak
    return results


def cheap_query_load(context: BenchContext, section: str, servers: list[tuple[str, Server]], target: Target) -> None:
    """The cheap query under 8 concurrent clients on each server (name, server); the first is newskg. When a server
    dies under wrk twice, every server is measured again with the Python load generator instead."""
    results = _load_all(context, servers, use_wrk=True) or _load_all(context, servers, use_wrk=False)
    if results is None:
        raise RuntimeError("a server exited under the concurrent load with either load generator")
    mine = results[servers[0][0]]
    client_bound = mine.tool != "wrk"
    if client_bound:
        context.report.note("cheap-query load measured with the Python load generator (a server died under wrk): "
                            "it saturates near 700 requests/s itself, so the ratio does not say which server is faster")
    for name, result in list(results.items())[1:]:
        context.report.add(Figure(section, f"cheap query ({CHEAP_QUERY}), 8 clients, {mine.tool}", "requests/s",
                                  mine.rps if not mine.errors else None, result.rps if not result.errors else None,
                                  name, None if client_bound else target,
                                  note=f"{mine.tool}; errors newskg {mine.errors}, {name} {result.errors}; "
                                       f"p99 {mine.p99_ms:.1f} vs {result.p99_ms:.1f} ms"))
    context.report.details.setdefault("load", {})[section] = {
        name: {"requests": r.requests, "errors": r.errors, "seconds": r.seconds, "rps": r.rps, "p50_ms": r.p50_ms,
               "p99_ms": r.p99_ms, "tool": r.tool} for name, r in results.items()}

