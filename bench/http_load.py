"""HTTP timing on 127.0.0.1: sequential latencies (p50/p99), concurrent load (requests/s), and RSS sampling.

Every loop is bounded in count and in time. Concurrent load uses `wrk` when installed (a C load generator, so the
client does not cap the server: Debian package `wrk`), else Python threads with keep-alive httpx clients.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

import httpx
import psutil

JSON_RESULTS = "application/sparql-results+json"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


@dataclass(frozen=True)
class Timing:
    samples: list[float]             # seconds

    @property
    def p50_ms(self) -> float:
        return 1000 * statistics.median(self.samples)

    @property
    def p99_ms(self) -> float:
        return 1000 * percentile(self.samples, 99)


def time_calls(call: Callable[[], object], repeats: int, max_seconds: float, warmup: int = 1) -> Timing:
    for _ in range(warmup):
        call()
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < repeats and time.perf_counter() - started < max_seconds:
        t0 = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t0)
    return Timing(samples)


def get_ok(client: httpx.Client, url: str, params: dict[str, str] | None = None, accept: str = JSON_RESULTS,
           timeout: float = 120.0) -> bytes:
    response = client.get(url, params=params, headers={"Accept": accept}, timeout=timeout)
    if response.status_code != 200:
        raise RuntimeError(f"GET {response.url.path} → {response.status_code}: {response.text[:300]}")
    return response.content


@dataclass(frozen=True)
class LoadResult:
    tool: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def concurrent_load(url: str, params: dict[str, str], clients: int, seconds: float, max_requests: int,
                    accept: str = JSON_RESULTS, use_wrk: bool = True) -> LoadResult:
    full_url = f"{url}?{urlencode(params)}"
    if use_wrk and shutil.which("wrk"):
        return _wrk(full_url, clients, seconds, accept)
    return _threads(full_url, clients, seconds, max_requests, accept)


_DURATION = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * _DURATION[unit]


def _wrk(url: str, clients: int, seconds: float, accept: str) -> LoadResult:
    threads = min(clients, 2)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--latency",
                          "--timeout", "10s", "-H", f"Accept: {accept}", url],
                         capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    total = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", out)
    if not total:
        raise RuntimeError(f"unexpected wrk output: {out[:300]}")
    duration = _ms(total.group(2) + total.group(3)) / 1000
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    return LoadResult("wrk", int(total.group(1)), errors, duration, _ms(p50.group(1)) if p50 else float("nan"),
                      _ms(p99.group(1)) if p99 else float("nan"))


def _threads(url: str, clients: int, seconds: float, max_requests: int, accept: str) -> LoadResult:
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    deadline = time.perf_counter() + seconds
    per_client = max(1, max_requests // clients)

    def client_loop() -> None:
        local: list[float] = []
        failed = 0
        with httpx.Client(headers={"Accept": accept}, timeout=10.0) as client:
            while len(local) + failed < per_client and time.perf_counter() < deadline:
                t0 = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    local.append(time.perf_counter() - t0)
                else:
                    failed += 1
        with lock:
            latencies.extend(local)
            errors[0] += failed

    workers = [threading.Thread(target=client_loop) for _ in range(clients)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(seconds + 30)
    elapsed = time.perf_counter() - started
    return LoadResult("python threads + httpx", len(latencies) + errors[0], errors[0], elapsed,
                      1000 * statistics.median(latencies) if latencies else float("nan"),
                      1000 * percentile(latencies, 99))


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and its children (e.g. a server and its query workers), in bytes."""
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


class RssSampler:
    """Samples the resident memory of a process and its children (e.g. a server and its query workers)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.process))
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self.peak = tree_rss(self.process)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(5)
