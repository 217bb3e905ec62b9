"""Fixtures shared by the whole suite. Keep their names and behaviour stable: other test modules rely on them.

make_settings(tmp_path=None, **overrides) -> Settings
    Settings for one test: the store in <tmp_path>/store, a 5 s query timeout, 2 query workers, and, as in
    production, writes over HTTP refused: pass write_token="..." to protect them, or allow_open_writes=True to
    open them. Overrides are any Settings fields. tmp_path defaults to the test's.

live_server(settings=None, *, app_factory=None, **overrides) -> LiveServer
    Starts a real uvicorn server on 127.0.0.1 (a free port, in a background thread) for the given Settings, or
    for make_settings(**overrides) (the first server's store is <tmp_path>/store, later ones store-2, store-3...).
    base_iri is set to the server's own URL, so minted IRIs dereference on it.
    Returns a LiveServer: .url (the base URL, ending in "/"), .settings, .app; the server stops (lifespan
    shutdown: query workers and store closed) when the test ends. Call it several times for several servers.

server_starter (session scope) -> start(settings, app_factory=None): a context manager yielding a LiveServer,
    for module- or class-scoped servers (see tests/test_api/test_w3c_conformance.py).

local_site (session scope) -> HttpSite: a small web site on 127.0.0.1 (tests/http_site.py) with article pages, an
    RSS and an Atom feed, and pages that fail (404, slow, too large, redirect loop), for the fetching tests.

Backends. A module (or test) marked `@pytest.mark.backends` runs once per store backend: embedded (pyoxigraph on
disk), oxigraph (Oxigraph's server) and virtuoso (Virtuoso Open Source 7.2), each engine started by the tests on
127.0.0.1 (tests/engine_pool.py); `@pytest.mark.backends("embedded", "oxigraph")` names a subset. Unmarked tests
run on the embedded store only. make_settings and live_server give each store of a test an engine of its own;
for module-scoped fixtures:

backend (module scope) -> str: the backend this test runs on.
store_fields (function scope) / module_store_fields (module scope) -> lease() -> dict of Settings fields naming
    a fresh, empty store of the backend ({} for embedded: the store is then store_dir), released when the test
    (module) ends.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

# `make test` (and CI) draws the same examples on every run, so a red run can be replayed; `make fuzz` draws new ones,
# many more, and is where new bugs are looked for (each found one becomes a plain regression test).
settings.register_profile("default", max_examples=30, derandomize=True, database=None, deadline=None,
                          print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=400, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

from ingest.settings import Settings

AppFactory = Callable[[Settings], FastAPI]
BACKENDS = ("embedded", "oxigraph", "virtuoso")
StoreLease = Callable[[], dict[str, Any]]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("backends")
    if marker is not None and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", marker.args or BACKENDS, indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "embedded")


@pytest.fixture(scope="session")
def engine_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from tests.engine_pool import EnginePool

    pool = EnginePool(tmp_path_factory.mktemp("engines"))
    yield pool
    pool.close()


def _leaser(backend: str, pool: Any, leases: ExitStack) -> StoreLease:
    def lease() -> dict[str, Any]:
        if backend == "embedded":
            return {}
        return leases.enter_context(pool.lease(backend)).store_settings  # type: ignore[no-any-return]

    return lease


@pytest.fixture
def store_fields(backend: str, engine_pool: Any) -> Iterator[StoreLease]:
    with ExitStack() as leases:
        yield _leaser(backend, engine_pool, leases)


@pytest.fixture(scope="module")
def module_store_fields(backend: str, engine_pool: Any) -> Iterator[StoreLease]:
    with ExitStack() as leases:
        yield _leaser(backend, engine_pool, leases)


@dataclass(frozen=True)
class LiveServer:
    url: str
    settings: Settings
    app: FastAPI


def settings_for_test(tmp_path: Path, **overrides: Any) -> Settings:
    defaults: dict[str, Any] = {"store_dir": tmp_path / "store", "query_timeout": 5.0, "query_workers": 2}
    defaults.update(overrides)
    return Settings(**defaults)


@pytest.fixture
def make_settings(tmp_path: Path, store_fields: StoreLease) -> Callable[..., Settings]:
    def make(path: Path | None = None, **overrides: Any) -> Settings:
        return settings_for_test(path or tmp_path, **{**store_fields(), **overrides})

    return make


@contextmanager
def run_live_server(settings: Settings, app_factory: AppFactory | None = None) -> Iterator[LiveServer]:
    """A real uvicorn server on 127.0.0.1 for these settings, until the with-block ends."""
    if app_factory is None:
        from api.app import create_app

        app_factory = create_app
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    settings = settings.with_overrides(base_iri=url)
    app = app_factory(settings)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.01)
    try:
        yield LiveServer(url, settings, app)
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


@pytest.fixture(scope="session")
def server_starter() -> Callable[..., Any]:
    return run_live_server


@pytest.fixture(scope="session")
def local_site() -> Iterator[Any]:
    from http_site import http_site

    with http_site() as site:
        yield site


@pytest.fixture
def live_server(tmp_path: Path, store_fields: StoreLease) -> Iterator[Callable[..., LiveServer]]:
    started = 0
    with ExitStack() as servers:
        def start(settings: Settings | None = None, *, app_factory: AppFactory | None = None,
                  **overrides: Any) -> LiveServer:
            nonlocal started
            started += 1
            if settings is None:  # each server of the test gets its own store: <tmp_path>/store, store-2, ...
                overrides.setdefault("store_dir", tmp_path / ("store" if started == 1 else f"store-{started}"))
                settings = settings_for_test(tmp_path, **{**store_fields(), **overrides})
            else:
                settings = settings.with_overrides(**overrides)
            return servers.enter_context(run_live_server(settings, app_factory))

        yield start
