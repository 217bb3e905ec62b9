"""The servers the benchmarks talk to, each a real subprocess on 127.0.0.1: newskg (uvicorn), Oxigraph's own server,
and rdflib-endpoint. Started on a free port, waited for, and stopped by their own process id."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx
import psutil

VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# servers stop a query a little after the benchmark's client gave up on it, so every engine's timeout looks the same
SERVER_GRACE = 5.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def binary(name: str) -> str:
    local = VENV_BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed (pip install {name})")
    return found


@dataclass
class Server:
    name: str
    command: list[str]
    port: int
    sparql_path: str
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def sparql_url(self) -> str:
        return self.base_url + self.sparql_path

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def launch(self) -> "Server":
        """Start the process without waiting (several servers can then load their data at the same time)."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                            env={**os.environ, **self.env}, start_new_session=True)
        return self

    def wait_ready(self, timeout: float = 180.0, ready_query: str = "ASK { ?s ?p ?o }") -> "Server":
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}: {self.log_tail()}")
            try:
                response = httpx.get(self.sparql_url, params={"query": ready_query},
                                     headers={"Accept": "application/sparql-results+json"}, timeout=5.0)
                if response.status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"{self.name} did not answer within {timeout:.0f} s: {self.log_tail()}")

    def start(self, timeout: float = 180.0) -> "Server":
        return self.launch().wait_ready(timeout)

    def stop(self, grace: float = 10.0) -> None:
        """SIGTERM, then SIGKILL to the process group this object started (a server and its workers)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.kill()

    def without_option(self, option: str) -> "Server":
        """The same server started without `option` and its value (e.g. Oxigraph without --timeout-s)."""
        command = list(self.command)
        if option in command:
            at = command.index(option)
            del command[at:at + 2]
        return Server(self.name, command, self.port, self.sparql_path, self.log_path, self.env)

    def kill(self) -> None:
        """At once: a server busy with a runaway query would otherwise finish it before shutting down."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_idle(self, limit: float, busy_percent: float = 15.0) -> bool:
        """Wait (at most `limit` s) until the server and its children stop burning CPU: a query a client gave up on
        may still run, and must not weigh on the next measurement."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                tree = [psutil.Process(self.pid), *psutil.Process(self.pid).children(recursive=True)]
                for proc in tree:
                    proc.cpu_percent(None)
                time.sleep(0.5)
                if sum(proc.cpu_percent(None) for proc in tree) < busy_percent:
                    return True
            except psutil.Error:
                return False
        return False

    def log_tail(self, lines: int = 8) -> str:
        try:
            return " | ".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def healthy(server: Server, note: Callable[[str], None]) -> Server:
    """A server found dead is noted (with its log) and started again, so the sections after it can still run; and
    none is measured while still busy with a query its client gave up on."""
    if not server.alive():
        note(f"{server.name} had exited ({server.log_tail(3)}); restarted")
        server.start()
    elif not server.wait_idle(SERVER_GRACE + 5):
        note(f"{server.name} was still busy with a query its client had given up on; restarted")
        server.kill()
        server.start()
    return server


def newskg_server(store_dir: Path, logs: Path, base_iri: str, query_timeout: float,
                  port: int | None = None) -> Server:
    """The newskg service as users run it: the console script's `serve`, a real uvicorn process. base_iri is the one
    the store's IRIs were minted under, so pages resolve them."""
    port = port or free_port()
    return Server("newskg", [binary("newskg"), "--store", str(store_dir), "serve", "--host", HOST, "--port", str(port)],
                  port, "/sparql", logs / f"newskg-{store_dir.name}.log",
                  env={"NEWSKG_BASE_IRI": base_iri, "NEWSKG_QUERY_TIMEOUT": str(query_timeout + SERVER_GRACE)})


def oxigraph_load(store_dir: Path, nquads: Path) -> float:
    """Load with Oxigraph's own CLI (the reference 'script feeding Oxigraph'); returns seconds."""
    started = time.perf_counter()
    subprocess.run([binary("oxigraph"), "load", "--location", str(store_dir), "--file", str(nquads)],
                   check=True, capture_output=True, timeout=3600)
    return time.perf_counter() - started


def oxigraph_server(store_dir: Path, logs: Path, query_timeout: float, port: int | None = None) -> Server:
    """Oxigraph's native server on its own copy of the store, with the union of graphs as default graph (as newskg
    serves it). With --timeout-s, Oxigraph 0.5.13 spawns a watchdog thread per query and, under 8 concurrent
    clients, exits after a few thousand requests (EAGAIN, then "cannot allocate an alternative stack"): the cheap-query
    load runs it without the option (see without_option)."""
    port = port or free_port()
    return Server("oxigraph", [binary("oxigraph"), "serve", "--location", str(store_dir),
                               "--bind", f"{HOST}:{port}", "--union-default-graph",
                               "--timeout-s", str(round(query_timeout + SERVER_GRACE))],
                  port, "/query", logs / "oxigraph-server.log", env={"RUST_BACKTRACE": "1"})


def rdflib_endpoint_server(nquads: Path, logs: Path, port: int | None = None) -> Server:
    """rdflib-endpoint's own CLI: an rdflib Dataset (default graph = union) parsed from the file, served at /."""
    port = port or free_port()
    return Server("rdflib-endpoint", [binary("rdflib-endpoint"), "serve", str(nquads), "--host", HOST,
                                      "--port", str(port)], port, "/", logs / "rdflib-endpoint.log")
