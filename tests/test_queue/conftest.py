"""A real Redis for the queue tests (Debian's redis-server on 127.0.0.1, a free port, a folder of its own), emptied
before each test; workers run as real `newskg worker` processes, stopped by their process id."""

from __future__ import annotations

import subprocess
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import redis

from processes import NEWSKG, newskg_env
from tests.engines import Engine, redis_server, stop_worker


@pytest.fixture(scope="session")
def redis_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with redis_server(tmp_path_factory.mktemp("redis")) as engine:
        yield engine


@pytest.fixture
def queue_url(redis_engine: Engine) -> str:
    redis.Redis.from_url(redis_engine.locator).flushdb()
    return redis_engine.locator


@pytest.fixture
def oxigraph(engine_pool: Any) -> Iterator[Engine]:
    with engine_pool.lease("oxigraph") as engine:
        yield engine


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """start(store_locator, queue_url, **NEWSKG_variables) -> a running `newskg worker` (its log in tmp_path)."""
    with ExitStack() as stack:
        started: list[subprocess.Popen[bytes]] = []

        def start(store: str, queue: str, **variables: str) -> subprocess.Popen[bytes]:
            log = stack.enter_context(open(tmp_path / f"worker-{len(started) + 1}.log", "wb"))
            process = subprocess.Popen([NEWSKG, "worker", "--store", store, "--queue", queue], stdout=log,
                                       stderr=subprocess.STDOUT, env=newskg_env(**variables),
                                       start_new_session=True)
            started.append(process)
            return process

        yield start
        for process in started:
            stop_worker(process)
