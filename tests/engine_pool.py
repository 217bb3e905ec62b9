"""Engines lent to tests: each lease is an engine no one else is using, emptied first, so a test (or a module's
server) has a store of its own; engines are started on first need, kept for the session, and stopped at its end.

Oxigraph's server starts in a fraction of a second, Virtuoso in a few; a module that holds two stores at once
(two servers) simply gets two engines.
"""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, ContextManager, Iterator

import httpx

from newskg.store.engines import PRESETS
from tests.engines import Engine, oxigraph_server, virtuoso_server

LAUNCHERS: dict[str, Callable[[Path], ContextManager[Engine]]] = {"oxigraph": oxigraph_server,
                                                                  "virtuoso": virtuoso_server}


class EnginePool:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._running = ExitStack()
        self._idle: dict[str, list[Engine]] = {name: [] for name in LAUNCHERS}
        self._started = 0

    @contextmanager
    def lease(self, name: str) -> Iterator[Engine]:
        engine = self._idle[name].pop() if self._idle[name] else self._start(name)
        empty(engine)
        try:
            yield engine
        finally:
            if engine.process.poll() is None:   # a test that stopped its engine gets a fresh one next time
                self._idle[name].append(engine)

    def _start(self, name: str) -> Engine:
        self._started += 1
        return self._running.enter_context(LAUNCHERS[name](self.root / f"{name}-{self._started}"))

    def close(self) -> None:
        self._running.close()


def empty(engine: Engine) -> None:
    """Every graph of the dataset dropped (the engine's own graphs kept)."""
    preset = PRESETS[engine.name]
    auth = httpx.DigestAuth(engine.user or "", engine.password) if engine.password else None
    if engine.name == "oxigraph":
        _update(engine.url + preset.update_path, "DROP ALL", preset.update_field, auth)
        return
    answer = httpx.post(engine.url + preset.query_path, data={"query": preset.graph_list_query},
                        headers={"Accept": "application/sparql-results+json"}, timeout=60)
    answer.raise_for_status()
    graphs = [b["g"]["value"] for b in answer.json()["results"]["bindings"]]
    for graph in graphs:
        if not graph.startswith(preset.own_graph_prefixes):
            _update(engine.url + preset.update_path, f"DROP SILENT GRAPH <{graph}>", preset.update_field, auth)


def _update(url: str, sparql: str, field: str, auth: httpx.Auth | None) -> None:
    httpx.post(url, data={field: sparql}, auth=auth, timeout=60).raise_for_status()
