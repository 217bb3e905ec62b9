"""Values computed from the whole store: recomputed after writes, at once when cheap, in the background when not."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
from pages_sample import load_sample
from rdflib import Graph, Literal, URIRef

from newskg.api import generation_cache
from newskg.api.generation_cache import GenerationCache
from newskg.ingest.settings import Settings
from newskg.store.embedded import OxigraphStore, open_store

GRAPH = "http://example.org/graph/g"


def _write(store: OxigraphStore, value: str) -> None:
    graph = Graph()
    graph.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal(value)))
    store.replace_graph(GRAPH, graph)


def _value(store: OxigraphStore) -> str:
    rows = list(store.query("SELECT ?o WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]
    return str(rows[0]["o"].value) if rows else ""


def test_a_cheap_value_follows_every_write() -> None:
    store = open_store(None)
    cache = GenerationCache(store, lambda: _value(store), "test")
    assert cache.get() == ""
    _write(store, "one")
    assert cache.get() == "one"
    _write(store, "two")
    assert cache.get() == "two" and not cache.stale


def test_an_expensive_value_is_served_stale_while_it_is_recomputed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generation_cache, "CHEAP_SECONDS", 0.0)  # every computation counts as expensive
    store = open_store(None)
    calls: list[str] = []

    def compute() -> str:
        calls.append("computed")
        time.sleep(0.2)
        return _value(store)

    cache = GenerationCache(store, compute, "test")
    _write(store, "one")
    assert cache.get() == "one"          # the first value is computed on the spot
    _write(store, "two")
    started = time.perf_counter()
    assert cache.get() == "one"          # stale, without waiting for the recomputation
    assert time.perf_counter() - started < 0.1
    deadline = time.monotonic() + 5
    while cache.get() != "two":
        assert time.monotonic() < deadline, "the background refresh never landed"
        time.sleep(0.02)
    assert calls == ["computed", "computed"]


def test_the_home_page_says_its_figures_are_stale_even_when_they_showed_an_empty_store(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server_starter: Callable[..., Any]) -> None:
    """The server warms the home page at start, on an empty store; the first articles written after that must not
    be hidden behind "no articles yet" without a word that the figures are being recomputed."""
    _slow_background_refresh(monkeypatch)
    with server_starter(_settings(tmp_path)) as server:
        assert "no articles yet" in _home(server.url)
        context = server.app.state.context
        load_sample(context.store, context.minter)
        first_after_write = _home(server.url)
        assert "being brought up to date" in first_after_write
        deadline = time.monotonic() + 20
        while "Alexander Lavrentiev" not in _home(server.url):
            assert time.monotonic() < deadline, "the home page never showed the written articles"
            time.sleep(0.1)


def _settings(tmp_path: Path) -> Settings:
    return Settings(store_dir=tmp_path / "store", query_timeout=5.0, query_workers=1)


def _slow_background_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every recomputation after a write runs in the background and takes a while, as on a large store."""
    monkeypatch.setattr(generation_cache, "CHEAP_SECONDS", 0.0)
    refresh = GenerationCache._refresh

    def late_refresh(self: GenerationCache[Any]) -> None:
        time.sleep(0.5)
        refresh(self)

    monkeypatch.setattr(GenerationCache, "_refresh", late_refresh)


def _home(url: str) -> str:
    response = httpx.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200
    return response.text


def test_search_says_it_is_incomplete_while_its_name_index_is_rebuilt(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server_starter: Callable[..., Any]) -> None:
    _slow_background_refresh(monkeypatch)
    with server_starter(_settings(tmp_path)) as server:
        context = server.app.state.context
        ministry = str(context.minter.actor("Turkish foreign ministry"))   # named by an article, not the registry
        assert ministry not in _found(server.url, "Turkish foreign ministry")
        load_sample(context.store, context.minter)
        assert _search(server.url, "Turkish foreign ministry")["complete"] is False   # the old index, served stale
        deadline = time.monotonic() + 20
        while ministry not in _found(server.url, "Turkish foreign ministry"):
            assert time.monotonic() < deadline, "the name index never caught up"
            time.sleep(0.1)
        assert _search(server.url, "Turkish foreign ministry")["complete"] is True


def _found(url: str, query: str) -> list[str]:
    return [hit["iri"] for hit in _search(url, query)["results"]]


def _search(url: str, query: str) -> dict[str, Any]:
    response = httpx.get(url + "search", params={"q": query}, headers={"accept": "application/json"})
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer
