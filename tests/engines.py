"""Real engines for the tests and the bench, each started on 127.0.0.1 on free ports with a folder of its own, and
stopped by its process id: Oxigraph's server (PyPI `oxigraph`), Virtuoso Open Source 7.2 and Redis (Debian's
packages, installed by scripts/install_engines.sh).

    with oxigraph_server(tmp) as engine: engine.locator   # "oxigraph+http://127.0.0.1:PORT"
    with virtuoso_server(tmp) as engine: engine.locator, engine.user, engine.password
    with redis_server(tmp) as redis: redis.url            # "redis://127.0.0.1:PORT/0"
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import httpx

HOST = "127.0.0.1"
VIRTUOSO_USER = "dba"
START_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Engine:
    name: str
    locator: str                      # the NEWSKG_STORE value, or the queue URL for Redis
    process: subprocess.Popen[bytes]
    folder: Path
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.locator.split("+", 1)[-1]

    @property
    def store_settings(self) -> dict[str, object]:
        """Settings fields that point newskg at this engine."""
        fields: dict[str, object] = {"store_url": self.locator}
        if self.password:
            fields.update(store_user=self.user, store_password=self.password)
        return fields

    def log_tail(self, lines: int = 20) -> str:
        log = self.folder / "engine.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.is_file() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def kill(self) -> None:
        """Gone at once, as a machine that loses power (the store-goes-away tests)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def _start(command: list[str], folder: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    log = open(folder / "engine.log", "ab")
    try:
        return subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, env={**os.environ, **(env or {})})
    finally:
        log.close()


def _wait_until(ready: "callable[[], bool]", engine: Engine) -> None:  # type: ignore[valid-type]
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if engine.process.poll() is not None:
            raise RuntimeError(f"{engine.name} exited at start:\n{engine.log_tail()}")
        try:
            if ready():
                return
        except (httpx.HTTPError, OSError):
            pass
        time.sleep(0.2)
    engine.stop()
    raise RuntimeError(f"{engine.name} did not start within {START_SECONDS} s:\n{engine.log_tail()}")


def binary(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} is not installed: run `make setup-test` (scripts/install_engines.sh)")
    return found


OXIGRAPH_TIMEOUT_SECONDS = 20   # the engine's own limit: a query its client gave up on must not run on for ever


def stop_worker(process: subprocess.Popen[bytes]) -> None:
    """A `newskg worker` (RQ) stops at SIGTERM once its article is done; an idle one now and then misses the first
    signal, so a second one (RQ's cold shutdown) follows, and SIGKILL last."""
    for stop, grace in ((signal.SIGTERM, 10), (signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            return
        os.killpg(process.pid, stop)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def oxigraph_server(folder: Path, *, timeout: float | None = OXIGRAPH_TIMEOUT_SECONDS,
                    port: int | None = None) -> Iterator[Engine]:
    """port: the one a killed engine had, to start it again over the same data."""
    port = port or free_port()
    limit = ["--timeout-s", str(round(timeout))] if timeout else []
    process = _start([binary("oxigraph"), "serve", "--location", str(folder / "data"), "--bind", f"{HOST}:{port}",
                      *limit], folder)
    engine = Engine("oxigraph", f"oxigraph+http://{HOST}:{port}", process, folder)
    _wait_until(lambda: httpx.get(f"http://{HOST}:{port}/query", params={"query": "ASK {}"}).status_code == 200,
                engine)
    try:
        yield engine
    finally:
        engine.stop()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
ServerThreads = 20
CheckpointInterval = 60
NumberOfBuffers = 40000
MaxDirtyBuffers = 30000
DirsAllowed = .

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {folder}
MaxClientConnections = 20
ServerThreads = 20

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Engine]:
    """Virtuoso with a fresh database in folder; dba's password changed from the well-known default first."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, host=HOST, sql_port=sql_port, http_port=http_port))
    process = _start([binary("virtuoso-t"), "-f", "-c", str(ini)], folder)
    password = os.urandom(9).hex()
    engine = Engine("virtuoso", f"virtuoso+http://{HOST}:{http_port}", process, folder, VIRTUOSO_USER, password)
    _wait_until(lambda: httpx.get(f"http://{HOST}:{http_port}/sparql",
                                  params={"query": "ASK {}"}).status_code == 200, engine)
    try:
        subprocess.run([binary("isql-vt"), f"{HOST}:{sql_port}", VIRTUOSO_USER, "dba",
                        f"exec=USER_CHANGE_PASSWORD('dba', 'dba', '{password}');"], check=True, capture_output=True, timeout=60)
        yield engine
    finally:
        engine.stop()


@contextmanager
def redis_server(folder: Path) -> Iterator[Engine]:
    port = free_port()
    process = _start([binary("redis-server"), "--bind", HOST, "--port", str(port), "--dir", str(folder),
                      "--save", "", "--appendonly", "no", "--protected-mode", "yes"], folder)
    engine = Engine("redis", f"redis://{HOST}:{port}/0", process, folder)

    def answers() -> bool:
        with socket.create_connection((HOST, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    _wait_until(answers, engine)
    try:
        yield engine
    finally:
        engine.stop()
