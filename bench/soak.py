"""`python -m bench.soak` (make soak): a real newskg server under a mixed load, for a fixed time, then the books.

SOAK_SECONDS (default 60) of load from SOAK_CLIENTS (default 8) concurrent clients on 127.0.0.1, at most
SOAK_MAX_REQUESTS requests (default 50,000). Each client mixes SPARQL queries, page views, dump downloads and
ingests (POST /articles of generated, distinct articles, with the write token). At the end it prints requests served,
errors, p50/p99 latency per kind, articles sent vs found in the store, and the server's memory (its process and its
query workers) over time; it exits 1 on any 5xx or transport error, any lost or duplicated article, or memory that
keeps growing.
"""

from __future__ import annotations

import os
import random
import secrets
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx
import psutil

from bench.corpus import generate_article
from bench.http_load import percentile, tree_rss
from bench.references import HOST, Server, binary, free_port

JSON_RESULTS = "application/sparql-results+json"
MEDIA_TYPE = {"text": "text/plain", "html": "text/html", "json": "application/json"}
NKG = "https://w3id.org/newskg/ontology/"
QUERIES = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    f"SELECT ?a ?label WHERE {{ ?a a <{NKG}NewsArticle> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} "
    "ORDER BY ?a LIMIT 50",
    f"SELECT ?g (COUNT(?m) AS ?mentions) WHERE {{ GRAPH ?g {{ ?m a <{NKG}Mention> }} }} GROUP BY ?g",
    f"SELECT ?s ?speaker WHERE {{ ?s a <{NKG}Statement> ; <{NKG}speaker> ?speaker }} LIMIT 100",
    f"CONSTRUCT {{ ?a ?p ?o }} WHERE {{ ?a a <{NKG}Allegation> ; ?p ?o }} LIMIT 200",
    "ASK { GRAPH ?g { ?s ?p ?o } }",
]
PAGES = ["/", "/dumps", "/sparql", "/.well-known/void", "/search?q=minister", "/search?q=drones"]
DOWNLOADS = ["/dumps/newskg.nq", "/dumps/newskg.ttl", "/dumps/newskg.nq.gz"]
MIX = [("query", 0.55), ("page", 0.30), ("download", 0.08), ("ingest", 0.07)]
MEMORY_GROWTH_FACTOR = 1.5        # last third vs first third of the run (median RSS) ...
MEMORY_GROWTH_SLACK = 150 * 2**20  # ... plus this much, before the memory is said to keep growing


@dataclass
class Books:
    """What every client did, under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)
    accepted: dict[str, str] = field(default_factory=dict)   # article IRI -> generated file name
    rejected: list[str] = field(default_factory=list)
    article_pages: list[str] = field(default_factory=list)
    requests: int = 0

    def record(self, kind: str, status: int, seconds: float, problem: str | None = None) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            self.latencies[kind].append(seconds)
            if problem:
                self.failures.append(problem)


@dataclass
class Load:
    base: str
    token: str
    books: Books
    deadline: float
    max_requests: int
    seed: int
    next_article: Callable[[], int]

    def budget_left(self) -> bool:
        return time.monotonic() < self.deadline and self.books.requests < self.max_requests

    def client(self, number: int) -> None:
        rng = random.Random(f"soak-client:{self.seed}:{number}")
        kinds, weights = zip(*MIX)
        with httpx.Client(base_url=self.base, timeout=60.0) as http:
            while self.budget_left():
                kind = rng.choices(kinds, weights)[0]
                getattr(self, kind)(http, rng)

    def _send(self, kind: str, call: Callable[[], httpx.Response], expected: set[int]) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = call()
            response.read()
        except httpx.HTTPError as error:
            self.books.record(kind, 0, time.perf_counter() - started, f"{kind}: {type(error).__name__}: {error}")
            return None
        elapsed = time.perf_counter() - started
        problem = None
        if response.status_code not in expected:
            problem = f"{kind} {response.request.method} {response.request.url} → {response.status_code}: " \
                      f"{response.text[:200]!r}"
        self.books.record(kind, response.status_code, elapsed, problem)
        return response

    def query(self, http: httpx.Client, rng: random.Random) -> None:
        self._send("query", lambda: http.get("/sparql", params={"query": rng.choice(QUERIES)},
                                             headers={"Accept": JSON_RESULTS + ", text/turtle"}), {200})

    def page(self, http: httpx.Client, rng: random.Random) -> None:
        with self.books.lock:
            known = list(self.books.article_pages)
        path = rng.choice(known) if known and rng.random() < 0.5 else rng.choice(PAGES)
        self._send("page", lambda: http.get(path, headers={"Accept": "text/html"}), {200})

    def download(self, http: httpx.Client, rng: random.Random) -> None:
        self._send("download", lambda: http.get(rng.choice(DOWNLOADS)), {200})

    def ingest(self, http: httpx.Client, rng: random.Random) -> None:
        article = generate_article(self.seed, self.next_article())
        response = self._send("ingest", lambda: http.post(
            "/articles", params={"name": article.name}, content=article.content.encode("utf-8"),
            headers={"Content-Type": MEDIA_TYPE[article.fmt], "Authorization": f"Bearer {self.token}"}),
            {201, 422})
        if response is None:
            return
        if response.status_code == 201:
            iri = response.json()["article"]
            with self.books.lock:
                if iri in self.books.accepted:
                    self.books.failures.append(f"two sent articles got one IRI: {iri}")
                self.books.accepted[iri] = article.name
                self.books.article_pages.append(httpx.URL(iri).path)
        elif response.status_code == 422:
            with self.books.lock:
                self.books.rejected.append(article.name)


class MemoryTrace:
    """RSS of the server and its children (the query workers), sampled every interval seconds."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.process = psutil.Process(pid)
        self.interval = interval
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.monotonic(), tree_rss(self.process)))
            self._stop.wait(self.interval)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def thirds(self) -> tuple[int, int]:
        """Median RSS of the first and of the last third of the samples."""
        values = [float(rss) for _, rss in self.samples]
        third = max(1, len(values) // 3)
        return int(percentile(values[:third], 50)), int(percentile(values[-third:], 50))

    @property
    def peak(self) -> int:
        return max((rss for _, rss in self.samples), default=0)


def stored_articles(http: httpx.Client) -> dict[str, int]:
    """Every article IRI in the store and the number of named graphs that type it as a NewsArticle."""
    query = f"SELECT ?a (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{ GRAPH ?g {{ ?a a <{NKG}NewsArticle> }} }} GROUP BY ?a"
    response = http.get("/sparql", params={"query": query}, headers={"Accept": JSON_RESULTS}, timeout=120)
    response.raise_for_status()
    return {row["a"]["value"]: int(row["graphs"]["value"]) for row in response.json()["results"]["bindings"]}


def _env_number(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def run_soak(seconds: float, clients: int, max_requests: int, seed: int, work: Path) -> list[str]:
    """Runs the soak; returns the violations (empty when all is well). Prints the figures."""
    port = free_port()
    base = f"http://{HOST}:{port}/"
    token = secrets.token_urlsafe(16)
    server = Server("newskg", [binary("newskg"), "--store", str(work / "store"), "serve", "--host", HOST,
                               "--port", str(port)], port, "/sparql", work / "server.log",
                    env={"NEWSKG_BASE_IRI": base, "NEWSKG_WRITE_TOKEN": token, "PYTHONFAULTHANDLER": "1"})
    books = Books()
    counter = iter(range(10**9))
    counter_lock = threading.Lock()

    def next_article() -> int:
        with counter_lock:
            return next(counter)

    with server.start():
        load = Load(base, token, books, time.monotonic() + 3600, max_requests, seed, next_article)
        with httpx.Client(base_url=base, timeout=300.0) as http:
            started = time.monotonic()
            load.ingest(http, random.Random(seed))   # loads the pipeline (spaCy, shapes) before the clock starts
            print(f"server up on {base}; first ingest (loads the pipeline) took {time.monotonic() - started:.1f} s")
            memory = MemoryTrace(server.pid)
            memory.start()
            load.deadline = time.monotonic() + seconds
            threads = [threading.Thread(target=load.client, args=(n,), name=f"soak-{n}") for n in range(clients)]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(seconds + 300)
            elapsed = time.monotonic() - started
            memory.stop()
            found = stored_articles(http)
        if server.process is not None and server.process.poll() is not None:
            books.failures.append(f"the server died: {server.log_tail()}")
    violations = report(books, found, memory, elapsed, clients)
    if violations:  # what the server said besides its access log
        notes = [line for line in server.log_path.read_text(errors="replace").splitlines()
                 if not line.startswith("INFO:     127.0.0.1")]
        print("\nserver log, without the access lines:\n" + "\n".join(notes[-120:]))
    return violations


def report(books: Books, found: dict[str, int], memory: MemoryTrace, elapsed: float, clients: int) -> list[str]:
    all_latencies = [s for values in books.latencies.values() for s in values]
    server_errors = sum(n for status, n in books.statuses.items() if status >= 500 or status == 0)
    lost = sorted(set(books.accepted) - set(found))
    duplicated = sorted(iri for iri, graphs in found.items() if graphs > 1)
    unexpected = sorted(set(found) - set(books.accepted))
    first, last = memory.thirds()
    print(f"\nsoak: {elapsed:.1f} s, {clients} clients, {books.requests} requests served "
          f"({books.requests / elapsed:.1f}/s)")
    print(f"  statuses: {dict(sorted(books.statuses.items()))}; 5xx or transport errors: {server_errors}; "
          f"unexpected responses: {len(books.failures)}")
    print(f"  latency all: p50 {1000 * percentile(all_latencies, 50):.1f} ms, "
          f"p99 {1000 * percentile(all_latencies, 99):.1f} ms")
    for kind, values in sorted(books.latencies.items()):
        print(f"    {kind:9} n={len(values):6}  p50 {1000 * percentile(values, 50):8.1f} ms  "
              f"p99 {1000 * percentile(values, 99):8.1f} ms")
    print(f"  articles: {len(books.accepted)} ingested (201), {len(books.rejected)} rejected (422); "
          f"{len(found)} in the store; lost {len(lost)}, duplicated {len(duplicated)}, unexpected {len(unexpected)}")
    print(f"  server RSS (with query workers): peak {memory.peak / 2**20:.0f} MB; median first third "
          f"{first / 2**20:.0f} MB, last third {last / 2**20:.0f} MB ({len(memory.samples)} samples)")
    violations = [f"{server_errors} 5xx or transport errors"] if server_errors else []
    violations += books.failures[:20]
    violations += [f"lost article {iri} ({books.accepted[iri]})" for iri in lost]
    violations += [f"article {iri} is in {found[iri]} graphs" for iri in duplicated]
    violations += [f"article {iri} in the store was never sent" for iri in unexpected]
    if last > first * MEMORY_GROWTH_FACTOR + MEMORY_GROWTH_SLACK:
        violations.append(f"memory keeps growing: {first / 2**20:.0f} MB → {last / 2**20:.0f} MB")
    if not books.accepted:
        violations.append("no article was ingested")
    return violations


def main() -> int:
    seconds = _env_number("SOAK_SECONDS", 60)
    clients = int(_env_number("SOAK_CLIENTS", 8))
    max_requests = int(_env_number("SOAK_MAX_REQUESTS", 50_000))
    seed = int(_env_number("SOAK_SEED", 11))
    with tempfile.TemporaryDirectory(prefix="newskg-soak-") as work:
        violations = run_soak(seconds, clients, max_requests, seed, Path(work))
    if violations:
        print("\nFAILED:\n  " + "\n  ".join(violations))
        return 1
    print("\nOK: no 5xx, no lost or duplicated article, memory flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
