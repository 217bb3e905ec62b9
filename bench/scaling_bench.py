"""Many machines, measured on one: ingest through the task queue by 1, 2 and 4 `newskg worker` processes into
Oxigraph's server, against the embedded single process in the same run; then page and canned-query latency of a
`newskg serve` over each backend (embedded, Oxigraph's server, Virtuoso) holding the same graphs.

Engines are started on 127.0.0.1 on free ports (tests/engines.py) and stopped by their process id.
"""

from __future__ import annotations

import os
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

from bench.context import BenchContext
from bench.http_load import time_calls
from bench.references import Server, binary, free_port
from bench.report import Figure

WORKER_COUNTS = (1, 2, 4)
QUERY_DIR = Path(__file__).resolve().parent.parent / "api" / "queries"


def _articles(context: BenchContext) -> list[Path]:
    paths: list[Path] = context.need("corpus_paths", "the generated corpus")
    return paths[: max(8, context.size.corpus_articles // 4)]


def _env(**variables: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    env.update(variables)
    return env


def queue_throughput(context: BenchContext) -> None:
    from newskg.ingest import jobs
    from newskg.ingest.pipeline import Pipeline
    from newskg.ingest.settings import Settings
    from newskg.ingest.store_access import open_configured_store
    from tests.engine_pool import empty
    from tests.engines import oxigraph_server, redis_server

    articles = _articles(context)
    embedded_dir = context.path("scaling-embedded")
    settings = Settings(store_dir=embedded_dir)
    store = open_configured_store(settings)
    try:
        pipeline = Pipeline(settings, store)
        pipeline.write_service_graphs()
        started = time.perf_counter()
        batch = pipeline.ingest_paths(articles)
        embedded_rate = len(articles) / (time.perf_counter() - started)
    finally:
        store.close()
    context.report.add(Figure("scaling", "ingest, embedded store, 1 process", "articles/s", embedded_rate,
                              note=f"{len(articles)} articles, {batch.summary()}"))
    rates: dict[int, float] = {}
    with ExitStack() as stack:
        redis = stack.enter_context(redis_server(context.path("scaling-redis")))
        engine = stack.enter_context(oxigraph_server(context.path("scaling-oxigraph"), timeout=None))
        connection = jobs.connect(redis.locator)
        for workers in WORKER_COUNTS:
            connection.flushdb()
            empty(engine)
            rates[workers] = _queued_run(context, engine.locator, redis.locator, connection, articles, workers)
            context.report.add(Figure("scaling", f"ingest through the queue, {workers} worker process(es), "
                                      "Oxigraph server", "articles/s", rates[workers], embedded_rate,
                                      "embedded, 1 process (same run)",
                                      note=f"{len(articles)} articles; {os.cpu_count()} cores shared with the "
                                           "engine, Redis and the enqueuer"))
        context.artifacts["scaling_oxigraph_dump"] = _dump(engine.locator, context.path("scaling-store.nq"))
    context.report.details["scaling_ingest"] = {"articles": len(articles), "embedded": embedded_rate,
                                                "queue": rates}


def _queued_run(context: BenchContext, store_locator: str, queue_url: str, connection: Any,
                articles: list[Path], workers: int) -> float:
    from newskg.ingest import jobs
    from newskg.ingest.settings import Settings
    from rq import Worker
    from tests.engines import stop_worker

    settings = Settings(store_url=store_locator)
    processes = []
    logs = context.path("scaling-logs")
    logs.mkdir(parents=True, exist_ok=True)
    try:
        for number in range(workers):
            with open(logs / f"worker-{workers}-{number}.log", "wb") as log:
                processes.append(subprocess.Popen([binary("newskg"), "--store", store_locator, "worker", "--queue",
                                                   queue_url], stdout=log, stderr=subprocess.STDOUT, env=_env(),
                                                  start_new_session=True))
        deadline = time.monotonic() + 180
        while len(Worker.all(queue=jobs.article_queue(connection))) < workers:   # each has loaded its pipeline
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                raise RuntimeError(f"the {workers} workers did not start (logs in {logs})")
            time.sleep(0.2)
        started = time.perf_counter()
        ids = [jobs.enqueue(connection, jobs.payload_of_file(path, settings), settings, source=str(path))
               for path in articles]
        states = jobs.wait_for(connection, ids, poll=0.05, timeout=1800)
        elapsed = time.perf_counter() - started
    finally:
        for process in processes:
            stop_worker(process)
    accepted = sum(s.state == "accepted" for s in states)
    if accepted < len(articles):
        context.report.note(f"queue, {workers} workers: {accepted} of {len(articles)} accepted")
    return len(articles) / elapsed


def _dump(locator: str, path: Path) -> Path:
    from newskg.ingest.settings import Settings
    from newskg.ingest.store_access import open_configured_store

    store = open_configured_store(Settings(store_url=locator))
    try:
        store.dump(path, "application/n-quads")
    finally:
        store.close()
    return path


def backend_latency(context: BenchContext) -> None:
    """The same graphs behind a newskg server on each backend: home, article and actor pages, canned queries."""
    from tests.engines import oxigraph_server, virtuoso_server

    dump: Path = context.need("scaling_oxigraph_dump", "the store the queued ingest built")
    with ExitStack() as stack:
        backends: dict[str, dict[str, str]] = {"embedded": {"NEWSKG_STORE": str(_embedded_copy(context, dump))}}
        oxigraph = stack.enter_context(oxigraph_server(context.path("latency-oxigraph"), timeout=None))
        _load(context, "oxigraph", oxigraph.locator, {}, dump)
        backends["oxigraph"] = {"NEWSKG_STORE": oxigraph.locator}
        virtuoso = stack.enter_context(virtuoso_server(context.path("latency-virtuoso")))
        credentials = {"NEWSKG_STORE_USER": virtuoso.user or "", "NEWSKG_STORE_PASSWORD": virtuoso.password or ""}
        _load(context, "virtuoso", virtuoso.locator, credentials, dump)
        backends["virtuoso"] = {"NEWSKG_STORE": virtuoso.locator, **credentials}
        results: dict[str, dict[str, tuple[float, float]]] = {}
        for name, variables in backends.items():
            port = free_port()
            server = Server(f"newskg-{name}", [binary("newskg"), "serve", "--host", "127.0.0.1", "--port", str(port)],
                            port, "/sparql", context.path(f"latency-{name}.log"),
                            env=_env(**variables, NEWSKG_QUERY_TIMEOUT=str(context.size.call_timeout)))
            stack.callback(server.stop)
            server.start()
            results[name] = _measure(context, server.base_url + "/")
            server.stop()
    context.report.details["scaling_latency"] = results
    for target in results["embedded"]:
        p50 = {name: values[target][0] for name, values in results.items() if target in values}
        p99 = {name: values[target][1] for name, values in results.items() if target in values}
        for name in ("oxigraph", "virtuoso"):
            if name in p50:
                context.report.add(Figure("scaling", f"{target} p50 over {name}", "ms", p50[name],
                                          p50.get("embedded"), "embedded (same run)",
                                          note=f"p99 {p99[name]:.0f} ms vs {p99.get('embedded', 0):.0f} ms"))


def _embedded_copy(context: BenchContext, dump: Path) -> Path:
    from newskg.store.embedded import open_store

    directory = context.path("latency-embedded")
    store = open_store(directory)
    try:
        store.bulk_load(dump, "application/n-quads")
    finally:
        store.close()
    return directory


def _load(context: BenchContext, name: str, locator: str, variables: dict[str, str], dump: Path) -> None:
    """Graph by graph through the Graph Store Protocol, as workers write; the write rate is a figure."""
    import pyoxigraph as ox

    from newskg.ingest.settings import Settings
    from newskg.ingest.store_access import open_configured_store

    settings = Settings(store_url=locator, store_user=variables.get("NEWSKG_STORE_USER"),
                        store_password=variables.get("NEWSKG_STORE_PASSWORD"))
    graphs: dict[ox.NamedNode, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name, []).append(quad.triple)  # type: ignore[arg-type]
    store = open_configured_store(settings)
    started = time.perf_counter()
    try:
        for graph, triples in graphs.items():
            store.replace_ox_graphs({graph: triples})
    finally:
        store.close()
    seconds = time.perf_counter() - started
    count = sum(len(t) for t in graphs.values())
    context.report.add(Figure("scaling", f"write through one Graph Store PUT per graph, {name}", "triples/s",
                              count / seconds, note=f"{len(graphs)} graphs, {count:,} triples, one client"))


def _measure(context: BenchContext, base: str) -> dict[str, tuple[float, float]]:
    from newskg.ingest.iris import IriMinter
    from newskg.ingest.namespaces import NKG
    from newskg.ingest.settings import Settings

    minter = IriMinter(Settings().base_iri)
    repeats, seconds = context.size.page_repeats, context.size.query_seconds
    found: dict[str, tuple[float, float]] = {}
    with httpx.Client(timeout=120.0) as client:
        def rows(query: str) -> list[dict[str, Any]]:
            answer = client.get(base + "sparql", params={"query": query},
                                headers={"Accept": "application/sparql-results+json"})
            answer.raise_for_status()
            return answer.json()["results"]["bindings"]  # type: ignore[no-any-return]

        article = rows(f"SELECT ?a WHERE {{ ?a a <{NKG.NewsArticle}> }} ORDER BY ?a LIMIT 1")
        actor = rows(f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?s <{NKG.speaker}> ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x "
                     "LIMIT 1")
        targets = {"home page": base}
        if article:
            targets["article page"] = base + minter.local_path(article[0]["a"]["value"]).lstrip("/")
        if actor:
            targets["busiest speaker's actor page"] = base + minter.local_path(actor[0]["x"]["value"]).lstrip("/")
        for name, url in targets.items():
            timing = time_calls(lambda: _ok(client.get(url, headers={"Accept": "text/html"})), repeats, seconds)
            found[name] = (timing.p50_ms, timing.p99_ms)
        for path in sorted(QUERY_DIR.glob("*.rq")):
            query = path.read_text(encoding="utf-8")
            timing = time_calls(lambda: _ok(client.get(base + "sparql", params={"query": query},
                                                       headers={"Accept": "application/sparql-results+json"})),
                                repeats, seconds)
            found[f"query {path.stem}"] = (timing.p50_ms, timing.p99_ms)
    return found


def _ok(response: httpx.Response) -> None:
    if response.status_code != 200:
        raise RuntimeError(f"GET {response.url.path} → {response.status_code}: {response.text[:300]}")
