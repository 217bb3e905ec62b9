"""Page latency on the newskg server: the actor with the most allegations, and an article page (p50/p99). The
reference is Oxigraph's server answering the raw read such a page needs (every link into the resource)."""

from __future__ import annotations

import time

import httpx
import pyoxigraph as ox

from bench.context import BenchContext
from bench.http_load import JSON_RESULTS, get_ok, time_calls
from bench.references import healthy
from bench.report import Figure, Target

ACTOR_PAGE_TARGET = Target("value", "<=", 300.0, "p99 < 300 ms")
BUSIEST_ACTOR = """
PREFIX nkg: <https://w3id.org/newskg/ontology/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?allegation) AS ?allegations) WHERE {
  ?allegation nkg:accused|nkg:claimant|nkg:beneficiary ?actor .
  OPTIONAL { ?actor rdfs:label ?name }
} GROUP BY ?actor ORDER BY DESC(?allegations) LIMIT 1
"""


def busiest_actor(store: ox.Store) -> tuple[str, str, int] | None:
    for solution in store.query(BUSIEST_ACTOR, use_default_graph_as_union=True):  # type: ignore[union-attr]
        label = solution["label"]
        return solution["actor"].value, label.value if label else "", int(solution["allegations"].value)
    return None


def incoming_links(iri: str) -> str:
    return f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> }}"


def page_latency(context: BenchContext) -> None:
    from newskg.ingest.iris import IriMinter
    from newskg.ingest.settings import Settings

    newskg = healthy(context.need("newskg_server", "the newskg server"), context.report.note)
    oxigraph = context.artifacts.get("oxigraph_server")
    if oxigraph is not None:
        healthy(oxigraph, context.report.note)
    in_process: ox.Store = context.need("in_process", "the in-process store")
    scale = context.need("scale", "the scale graph")
    minter = IriMinter(Settings().base_iri)
    pages: list[tuple[str, str, Target | None]] = []
    actor = busiest_actor(in_process)
    if actor:
        iri, label, count = actor
        pages.append((f"actor page ({label or iri.rsplit('/', 1)[-1]}, {count:,} allegations)", iri, ACTOR_PAGE_TARGET))
    article_key = scale.article_graphs[0].rsplit("/", 1)[-1]
    pages.append(("article page", str(minter.article(article_key)), None))
    with httpx.Client(timeout=60.0, headers={"Accept": "text/html"}) as client:
        for name, iri, target in pages:
            url = newskg.base_url + minter.local_path(iri)
            started = time.perf_counter()
            get_ok(client, url, accept="text/html")
            first_view_ms = (time.perf_counter() - started) * 1000
            timing = time_calls(lambda: get_ok(client, url, accept="text/html"), context.size.page_repeats,
                                context.size.query_seconds, warmup=0)
            reference = None
            if oxigraph is not None:
                query = incoming_links(iri)
                try:
                    reference = time_calls(lambda: get_ok(client, oxigraph.sparql_url, {"query": query}, JSON_RESULTS),
                                           context.size.page_repeats, context.size.query_seconds)
                except RuntimeError as error:   # the reference failing must not cost newskg's own figures
                    context.report.note(f"{name}: Oxigraph server's reference read failed ({error})")
            context.report.add(Figure("pages", f"{name} first view (labels not yet memoised)", "ms", first_view_ms,
                                      note=url))
            for stat in ("p50", "p99"):
                context.report.add(Figure(
                    "pages", f"{name} {stat}", "ms", getattr(timing, f"{stat}_ms"),
                    getattr(reference, f"{stat}_ms") if reference else None,
                    "Oxigraph server: links into it", target if stat == "p99" else None, note=url))
