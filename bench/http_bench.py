"""The HTTP side: start the servers on the same data, measure memory at rest, the canned queries, the cheap query
under load, and the rdflib-endpoint comparison on a subset it can hold."""

from __future__ import annotations

import time

import httpx
import psutil

from bench.context import BenchContext, NotAvailable
from bench.engines import http_engine, in_process_engine
from bench.http_load import tree_rss
from bench.query_bench import (OXIGRAPH_LATENCY, OXIGRAPH_THROUGHPUT, RDFLIB_LATENCY, RDFLIB_THROUGHPUT,
                               canned_queries, cheap_query_load, compare_engines)
from bench.references import Server, newskg_server, oxigraph_server, rdflib_endpoint_server
from bench.report import Figure


def start_servers(context: BenchContext) -> None:
    store_dir = context.need("newskg_store", "newskg's store of the scale graph")
    logs = context.path("logs")
    newskg = newskg_server(store_dir, logs, _base_iri(), context.size.call_timeout)
    context.artifacts.setdefault("servers", []).append(newskg.launch())
    oxigraph = None
    if "oxigraph_store" in context.artifacts:
        oxigraph = oxigraph_server(context.artifacts["oxigraph_store"], logs, context.size.call_timeout)
        context.artifacts["servers"].append(oxigraph.launch())
    context.artifacts["newskg_server"] = newskg.wait_ready()
    if oxigraph is not None:
        context.artifacts["oxigraph_server"] = oxigraph.wait_ready()
    engine, store = in_process_engine(context.need("in_process_store", "the in-process copy"))
    context.artifacts.update(in_process=store, in_process_engine=engine)
    time.sleep(1.0)
    at_rest = {s.name: tree_rss(psutil.Process(s.pid)) for s in context.artifacts["servers"]}
    context.artifacts["rss_at_rest"] = at_rest
    context.report.add(Figure("memory", "server RSS at rest (process and children)", "MB", at_rest["newskg"] / 1e6,
                              at_rest["oxigraph"] / 1e6 if "oxigraph" in at_rest else None, "Oxigraph server",
                              note=f"serving {context.artifacts['scale'].triples:,} quads"))


def _base_iri() -> str:
    from newskg.ingest.settings import Settings

    return Settings().base_iri   # the pipeline minted the bench store's IRIs under the default base


def stop_servers(context: BenchContext) -> None:
    for server in context.artifacts.pop("servers", []):
        server.stop()
    store = context.artifacts.pop("in_process", None)
    del store


def _actor_label(context: BenchContext) -> str | None:
    from bench.page_bench import busiest_actor

    found = busiest_actor(context.artifacts["in_process"]) if "in_process" in context.artifacts else None
    return found[1] if found else None


def canned(context: BenchContext) -> None:
    newskg: Server = context.need("newskg_server", "the newskg server")
    label = _actor_label(context)
    queries = canned_queries(label)
    if label:
        context.report.note(f"statements-about-actor asks about the bench store's busiest actor, {label!r}")
    timeout = context.size.call_timeout
    with httpx.Client(timeout=timeout) as client:
        engines = [http_engine("newskg", newskg.sparql_url, client, timeout)]
        if "oxigraph_server" in context.artifacts:
            engines.append(http_engine("Oxigraph server", context.artifacts["oxigraph_server"].sparql_url, client,
                                       timeout))
        in_process = context.need("in_process_engine", "pyoxigraph in-process")
        in_process.skip_after = "Oxigraph server"   # the same engine: not run where that one timed out
        engines.append(in_process)
        compare_engines(context, queries, engines, "SPARQL", {"Oxigraph server": OXIGRAPH_LATENCY})


def cheap_load(context: BenchContext) -> None:
    newskg: Server = context.need("newskg_server", "the newskg server")
    timed: Server = context.need("oxigraph_server", "Oxigraph's server")
    # fresh processes, both at rest: nothing left over from the runaway canned queries weighs on either
    for server in (newskg, timed):
        server.kill()
    oxigraph = timed.without_option("--timeout-s").start()
    newskg.start()
    try:
        cheap_query_load(context, "SPARQL", [("newskg", newskg), ("Oxigraph server", oxigraph)], OXIGRAPH_THROUGHPUT)
    finally:
        oxigraph.kill()
        timed.start()   # the later sections want the server with its query timeout again
    under_load = context.artifacts.get("rss_under_load", {})
    if "newskg" in under_load:
        context.report.add(Figure("memory", "server peak RSS under load", "MB", under_load["newskg"] / 1e6,
                                  under_load.get("Oxigraph server", 0) / 1e6 or None, "Oxigraph server",
                                  note="8 concurrent clients, cheap query"))


def rdflib_comparison(context: BenchContext) -> None:
    from newskg.store.embedded import open_store

    scale = context.need("scale", "the scale graph")
    subset = scale.subsets.get("rdflib")
    if subset is None:
        raise NotAvailable("no rdflib subset was written")
    store_dir = context.path("newskg-subset-store")
    store = open_store(store_dir)
    store.bulk_load(subset, "application/n-quads")
    store.close()
    logs = context.path("logs")
    triples = scale.subset_triples["rdflib"]
    with newskg_server(store_dir, logs, _base_iri(), context.size.call_timeout) as newskg, rdflib_endpoint_server(subset, logs) as rdflib_server:
        newskg.launch()
        rdflib_server.launch()
        newskg.wait_ready()
        rdflib_server.wait_ready(timeout=600.0)
        section = f"SPARQL vs rdflib-endpoint ({triples:,} quads)"
        with httpx.Client(timeout=120.0) as client:
            def restart_rdflib() -> None:
                rdflib_server.kill()
                rdflib_server.start(timeout=600.0)

            engines = [http_engine("newskg", newskg.sparql_url, client, context.size.call_timeout),
                       http_engine("rdflib-endpoint", rdflib_server.sparql_url, client,
                                   timeout=context.size.call_timeout, restart=restart_rdflib)]
            compare_engines(context, canned_queries(_actor_label(context)), engines, section,
                            {"rdflib-endpoint": RDFLIB_LATENCY}, repeats=max(3, context.size.query_repeats // 3))
        cheap_query_load(context, section, [("newskg", newskg), ("rdflib-endpoint", rdflib_server)],
                         RDFLIB_THROUGHPUT)
