"""Dumps served from files built once per store version: content, invalidation by writes and restarts, concurrent
first requests, Range requests, and old files removed."""

from __future__ import annotations

import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import httpx
import pyoxigraph as ox
import pytest

from newskg.api.dump_cache import default_cache_dir
from newskg.ingest.settings import Settings
from newskg.store.embedded import OxigraphStore

IDENTITY = {"accept-encoding": "identity"}
EXTRA = "http://example.org/extra"
SYNTAX = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
          "ttl": ox.RdfFormat.TURTLE}


def dump(url: str, name: str, **headers: str) -> bytes:
    response = httpx.get(f"{url}dumps/{name}", headers={**IDENTITY, **headers}, timeout=60)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-length"] == str(len(response.content))
    return response.content


def parsed(data: bytes, suffix: str) -> set[ox.Quad]:
    return set(ox.parse(data, SYNTAX[suffix]))


def store_quads(store: OxigraphStore) -> set[ox.Quad]:
    return set(store.oxigraph.quads_for_pattern(None, None, None, None))


def put_graph(url: str, graph: str, value: str) -> None:
    response = httpx.put(f"{url}rdf-graph-store", params={"graph": graph}, headers={"Content-Type": "text/turtle"},
                         content=f'<{graph}> <http://example.org/p> "{value}" .'.encode())
    assert response.status_code in {201, 204}, response.text


def extra_quad(value: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(EXTRA), ox.NamedNode("http://example.org/p"), ox.Literal(value), ox.NamedNode(EXTRA))


def cached_files(settings: Settings, pattern: str) -> list[Path]:
    return sorted(default_cache_dir(settings.store_dir).glob(pattern))


@pytest.mark.parametrize("suffix", ["nq", "trig"])
def test_a_quad_dump_holds_exactly_the_store(live_server: Callable[..., Any], suffix: str) -> None:
    server = live_server(allow_open_writes=True)
    store = server.app.state.context.store
    put_graph(server.url, EXTRA, "one")
    expected = store_quads(store)
    assert extra_quad("one") in expected
    assert parsed(dump(server.url, f"newskg.{suffix}"), suffix) == expected
    assert parsed(gzip.decompress(dump(server.url, f"newskg.{suffix}.gz")), suffix) == expected


@pytest.mark.parametrize("suffix", ["nt", "ttl"])
def test_a_triple_dump_holds_every_graph_s_triples(live_server: Callable[..., Any], suffix: str) -> None:
    server = live_server(allow_open_writes=True)
    put_graph(server.url, EXTRA, "one")
    expected = {ox.Quad(q.subject, q.predicate, q.object) for q in store_quads(server.app.state.context.store)}
    assert parsed(dump(server.url, f"newskg.{suffix}"), suffix) == expected


def test_a_write_makes_the_next_dump_include_it(live_server: Callable[..., Any]) -> None:
    server = live_server(allow_open_writes=True)
    first = dump(server.url, "newskg.nq")
    assert dump(server.url, "newskg.nq") == first  # served from the file
    put_graph(server.url, EXTRA, "one")
    assert extra_quad("one") in parsed(dump(server.url, "newskg.nq"), "nq")
    put_graph(server.url, EXTRA, "two")
    after = parsed(dump(server.url, "newskg.nq"), "nq")
    assert extra_quad("two") in after and extra_quad("one") not in after


def test_superseded_files_are_removed_and_the_cache_is_beside_the_store(live_server: Callable[..., Any]) -> None:
    server = live_server(allow_open_writes=True)
    for value in ["one", "two", "three", "four"]:
        put_graph(server.url, EXTRA, value)
        dump(server.url, "newskg.nq")
    kept = cached_files(server.settings, "newskg-*.nq")
    assert 1 <= len(kept) <= 2
    assert not any(server.settings.store_dir in path.parents for path in kept)
    assert not list(default_cache_dir(server.settings.store_dir).glob(".building-*"))


def test_concurrent_first_requests_get_one_complete_identical_file(live_server: Callable[..., Any]) -> None:
    server = live_server(allow_open_writes=True)
    put_graph(server.url, EXTRA, "one")
    names = ["newskg.nq", "newskg.nq", "newskg.trig", "newskg.trig", "newskg.nq.gz", "newskg.nq.gz"]
    with ThreadPoolExecutor(len(names)) as pool:
        bodies = list(pool.map(lambda name: dump(server.url, name), names))
    assert bodies[0] == bodies[1] and bodies[2] == bodies[3] and bodies[4] == bodies[5]
    expected = store_quads(server.app.state.context.store)
    assert parsed(bodies[0], "nq") == expected and parsed(bodies[2], "trig") == expected
    assert gzip.decompress(bodies[4]) == bodies[0]
    assert len(cached_files(server.settings, "newskg-*.nq")) == 1


def test_range_requests_get_the_bytes_asked_for(live_server: Callable[..., Any]) -> None:
    server = live_server(allow_open_writes=True)
    whole = dump(server.url, "newskg.nq")
    part = httpx.get(f"{server.url}dumps/newskg.nq", headers={**IDENTITY, "range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == whole[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(whole)}"
    tail = httpx.get(f"{server.url}dumps/newskg.nq", headers={**IDENTITY, "range": f"bytes={len(whole) - 50}-"})
    assert tail.status_code == 206 and tail.content == whole[-50:]
    # resuming with If-Range: a tag from before a write gets the whole new file, not a piece of it
    etag = part.headers["etag"]
    put_graph(server.url, EXTRA, "one")
    resumed = httpx.get(f"{server.url}dumps/newskg.nq", headers={**IDENTITY, "range": "bytes=0-9", "if-range": etag})
    assert resumed.status_code == 200 and extra_quad("one") in parsed(resumed.content, "nq")


def test_a_head_after_a_build_gives_the_length(live_server: Callable[..., Any]) -> None:
    server = live_server(allow_open_writes=True)
    whole = dump(server.url, "newskg.ttl")
    head = httpx.head(f"{server.url}dumps/newskg.ttl", headers=IDENTITY)
    assert head.status_code == 200 and head.headers["content-length"] == str(len(whole)) and head.content == b""


def test_a_restart_over_a_changed_store_does_not_serve_a_stale_dump(
        server_starter: Callable[..., Any], tmp_path: Path) -> None:
    settings = Settings(store_dir=tmp_path / "store", query_timeout=5.0, query_workers=1, allow_open_writes=True)
    with server_starter(settings) as server:
        put_graph(server.url, EXTRA, "one")
        before = parsed(dump(server.url, "newskg.nq"), "nq")
        assert extra_quad("one") in before
    offline = OxigraphStore(settings.store_dir)  # a change made while no server runs (e.g. a CLI import)
    offline.update(f'DROP GRAPH <{EXTRA}> ; INSERT DATA {{ GRAPH <{EXTRA}> {{ <{EXTRA}> <http://example.org/p> "two" }} }}')
    offline.close()
    with server_starter(settings) as server:
        after = parsed(dump(server.url, "newskg.nq"), "nq")
        assert extra_quad("two") in after and extra_quad("one") not in after
        assert after == store_quads(server.app.state.context.store)
