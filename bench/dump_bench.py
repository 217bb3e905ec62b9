"""Dumps of the whole store over HTTP: N-Quads and Turtle from newskg (/dumps/newskg.nq, .ttl) against Oxigraph's
server (GET /store for N-Quads; for Turtle, which its Graph Store endpoint gives only per graph, a CONSTRUCT of every
triple), triples/s and the server's peak RSS growth while it streams. Uncompressed (Accept-Encoding: identity).

newskg builds a dump file on the first request after a write and serves later requests from it, so each format is
downloaded twice: the first (cold) download includes the build, the second is served from the file.
Turtle comes after N-Quads, so its cold download is a conversion of the N-Quads file, not a scan of the store."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import httpx

from bench.context import BenchContext
from bench.http_load import RssSampler
from bench.references import Server, healthy
from bench.report import Figure, Target

RATE_TARGET = Target("value", ">=", 300_000, "≥ 300k triples/s")
MEMORY_TARGET = Target("value", "<=", 200, "< 200 MB growth")
FORMATS = [("N-Quads", "nq", "application/n-quads"), ("Turtle", "ttl", "text/turtle")]


@dataclass
class Download:
    bytes: int = 0
    lines: int = 0
    seconds: float = 0.0
    rss_growth: int = 0
    complete: bool = True


def stream(client: httpx.Client, url: str, accept: str, max_seconds: float, server: Server,
           params: dict[str, str] | None = None) -> Download:
    """Download url, counting bytes and lines, sampling the server's RSS; cut at max_seconds."""
    result = Download()
    headers = {"Accept": accept, "Accept-Encoding": "identity"}
    with RssSampler(server.pid) as sampler:
        at_rest = sampler.peak
        started = time.perf_counter()
        with client.stream("GET", url, params=params, headers=headers) as response:
            if response.status_code != 200:
                raise RuntimeError(f"GET {url} → {response.status_code}")
            for chunk in response.iter_raw(1 << 16):
                result.bytes += len(chunk)
                result.lines += chunk.count(b"\n")
                if time.perf_counter() - started > max_seconds:
                    result.complete = False
                    break
        result.seconds = time.perf_counter() - started
    result.rss_growth = sampler.peak - at_rest
    return result


def reference_download(client: httpx.Client, oxigraph: Server, suffix: str, media_type: str,
                       max_seconds: float) -> Download:
    if suffix == "nq":
        return stream(client, f"{oxigraph.base_url}/store", media_type, max_seconds, oxigraph)
    return stream(client, oxigraph.sparql_url, media_type, max_seconds, oxigraph,
                  params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"})


def dumps(context: BenchContext) -> None:
    newskg: Server = healthy(context.need("newskg_server", "the newskg server"), context.report.note)
    oxigraph: Server | None = context.artifacts.get("oxigraph_server")
    if oxigraph is not None:
        healthy(oxigraph, context.report.note)
    triples = context.need("scale", "the scale graph").triples
    details = context.report.details.setdefault("dumps", {})
    with httpx.Client(timeout=600.0) as client:
        for name, suffix, media_type in FORMATS:
            url = f"{newskg.base_url}/dumps/newskg.{suffix}"
            cold = stream(client, url, media_type, context.size.dump_seconds, newskg)
            mine = stream(client, url, media_type, context.size.dump_seconds, newskg)
            details[f"newskg {suffix} first request"] = asdict(cold)
            details[f"newskg {suffix}"] = asdict(mine)
            if suffix == "nq" and mine.complete and mine.lines != triples:
                context.report.note(f"newskg's N-Quads dump had {mine.lines:,} lines for {triples:,} quads in the store")
            theirs = reference_download(client, oxigraph, suffix, media_type, context.size.dump_seconds) \
                if oxigraph is not None else None
            if theirs is not None:
                details[f"oxigraph {suffix}"] = asdict(theirs)
            reference = triples / theirs.seconds if theirs and theirs.complete else None
            reference_name = "Oxigraph server" + (" GET /store" if suffix == "nq" else " CONSTRUCT all")
            context.report.add(Figure(
                "dumps", f"dump {name}, whole store, first request", "triples/s", _rate(triples, cold),
                reference, reference_name,
                note=f"builds the dump file ({'a scan of the store' if suffix == 'nq' else 'from the N-Quads file'}),"
                     f" then sends it; not a target" + _cut(cold)))
            context.report.add(Figure(
                "dumps", f"dump {name}, whole store", "triples/s", _rate(triples, mine), reference, reference_name,
                RATE_TARGET, note=f"served from the dump file; {triples:,} quads, {mine.bytes / 1e6:.0f} MB" + _cut(mine)))
            context.report.add(Figure("dumps", f"dump {name}: server peak RSS growth", "MB",
                                      max(cold.rss_growth, mine.rss_growth) / 1e6,
                                      theirs.rss_growth / 1e6 if theirs else None, "Oxigraph server", MEMORY_TARGET,
                                      note=f"at {triples:,} quads; first request {cold.rss_growth / 1e6:.0f} MB, "
                                           f"from the file {mine.rss_growth / 1e6:.0f} MB"))


def _rate(triples: int, download: Download) -> float | None:
    return triples / download.seconds if download.complete else None


def _cut(download: Download) -> str:
    return "" if download.complete else f"; cut after {download.seconds:.0f} s"
