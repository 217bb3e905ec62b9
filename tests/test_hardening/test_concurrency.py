"""Concurrency: readers keep getting answers from a consistent snapshot while articles are written, and two
writers (the `newskg` command and a running server) cannot both hold the store: the second is refused, clearly,
and nothing either of them wrote is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest

from newskg.ingest.errors import StoreError
from newskg.ingest.settings import Settings
from small_articles import small_article
from store_checks import article_graph_names, graphs_of, nquads_of_dir

NEWSKG = str(Path(sys.executable).parent / "newskg")
JSON_RESULTS = "application/sparql-results+json"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
READERS = 4


def counts_per_graph(client: httpx.Client, base: str) -> dict[str, int]:
    response = client.get(f"{base}sparql", params={"query": COUNT_PER_GRAPH}, headers={"Accept": JSON_RESULTS})
    assert response.status_code == 200, response.text
    return {row["g"]["value"]: int(row["n"]["value"]) for row in response.json()["results"]["bindings"]}


def versioned_article(version: int) -> bytes:
    """One article (one URL, so one graph) in two versions of different length: a replacement changes its size."""
    paragraphs = [
        "Officials in Velmar said on Tuesday that the port would reopen to grain ships after a week of strikes.",
        '"We will not let the harbour close again," said Anna Kovalenko, the regional governor.',
        "The Ministry of Defence of Norland accused the Brask Liberation Front of launching the drones.",
        "Traders at a cafe near the docks said business had halved since the first strike in March.",
    ]
    text = "\n\n".join(paragraphs[: 2 + version])
    return json.dumps({"url": "https://news.example/velmar-port", "title": "Port of Velmar reopens",
                       "published": "2024-03-12", "text": text}).encode()


def test_readers_see_whole_articles_or_none_while_writes_go_on(live_server: Callable[..., Any]) -> None:
    server = live_server(query_workers=2, allow_open_writes=True)
    posts: list[tuple[bytes, str]] = [(versioned_article(0), "application/json")]
    for index in range(6):
        posts.append((small_article(100 + index)[1].encode(), "text/plain"))
    posts.append((versioned_article(2), "application/json"))  # replaces the first graph with a longer version

    states: dict[str, set[int]] = defaultdict(set)   # every size each graph had between two writes
    seen: list[dict[str, int]] = []
    answered_during_writes = [0]
    writing = threading.Event()
    done = threading.Event()
    failures: list[str] = []

    def reader() -> None:
        with httpx.Client(timeout=30) as client:
            while not done.is_set():
                try:
                    observed = counts_per_graph(client, server.url)
                except (AssertionError, httpx.HTTPError) as error:
                    failures.append(repr(error))
                    return
                seen.append(observed)
                if writing.is_set():
                    answered_during_writes[0] += 1

    def writer() -> None:
        with httpx.Client(timeout=120) as client:
            states_now = counts_per_graph(client, server.url)
            for name, size in states_now.items():
                states[name].add(size)
            writing.set()
            for body, media_type in posts:
                response = client.post(f"{server.url}articles", content=body, headers={"Content-Type": media_type})
                if response.status_code != 201:
                    failures.append(f"POST → {response.status_code}: {response.text[:300]}")
                for name, size in counts_per_graph(client, server.url).items():
                    states[name].add(size)
            writing.clear()

    readers = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in readers:
        thread.start()
    writer()
    time.sleep(0.3)  # let the readers catch up with the last write
    done.set()
    for thread in readers:
        thread.join(30)

    assert failures == []
    assert answered_during_writes[0] >= len(posts), "queries were not answered while articles were ingested"
    replaced = [name for name, sizes in states.items() if len(sizes) > 1]
    assert len(replaced) == 1, "the replaced article should have had two sizes"
    half_seen = [(name, size) for observed in seen for name, size in observed.items() if size not in states[name]]
    assert half_seen == [], "a reader saw a graph in a state no write left it in"


def test_results_larger_than_a_pipe_buffer_come_whole_query_after_query(live_server: Callable[..., Any]) -> None:
    """A worker's reply bigger than the pipe's buffer (64 KiB) must be read whole, on any event loop (uvloop)."""
    server = live_server(query_workers=1, allow_open_writes=True)
    with httpx.Client(timeout=60) as client:
        # the first POST writes the service graphs (ontology, registry): thousands of triples to ask for
        response = client.post(f"{server.url}articles", content=small_article(400)[1].encode(),
                               headers={"Content-Type": "text/plain"})
        assert response.status_code == 201, response.text
        sizes = set()
        for _ in range(8):
            answer = client.get(f"{server.url}sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                                headers={"Accept": "application/n-triples"})
            assert answer.status_code == 200, answer.text
            sizes.add(len(answer.content))
    assert len(sizes) == 1 and sizes.pop() > 256 * 1024


@pytest.mark.slow
def test_the_command_is_refused_while_a_server_holds_the_store(
        server_starter: Callable[..., Any], tmp_path: Path) -> None:
    store = tmp_path / "store"
    settings = Settings(store_dir=store, query_timeout=5.0, query_workers=1, allow_open_writes=True)
    name, text = small_article(200)
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    with server_starter(settings) as server:
        refused: list[subprocess.CompletedProcess[str]] = []
        thread = threading.Thread(target=lambda: refused.append(subprocess.run(
            [NEWSKG, "--store", str(store), "ingest", str(file)], capture_output=True, text=True, timeout=300)))
        thread.start()  # while the server is busy ingesting
        response = httpx.post(f"{server.url}articles", content=small_article(201)[1].encode(), timeout=120,
                              headers={"Content-Type": "text/plain"})
        thread.join(300)
        assert response.status_code == 201, response.text
        api_graph = response.json()["graph"]
    done = refused[0]
    assert done.returncode == 2
    assert done.stderr == (f"newskg ingest: store at {store} is in use by another newskg process "
                           "(e.g. a running server)\n")
    # once the server has stopped, the command writes, and the server's article is still there
    retried = subprocess.run([NEWSKG, "--store", str(store), "ingest", "--json", str(file)], capture_output=True,
                             text=True, timeout=300)
    assert retried.returncode == 0, retried.stderr
    cli_graph = json.loads(retried.stdout)[0]["graph"]
    assert article_graph_names(graphs_of(nquads_of_dir(store))) == {api_graph, cli_graph}


@pytest.mark.slow
def test_a_server_cannot_open_the_store_a_command_is_writing(tmp_path: Path) -> None:
    from newskg.api.app import create_app

    store = tmp_path / "store"
    batch = tmp_path / "batch"
    batch.mkdir()
    for index in range(300, 306):
        name, text = small_article(index)
        (batch / name).write_text(text, encoding="utf-8")
    process = subprocess.Popen([NEWSKG, "--store", str(store), "ingest", str(batch)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("accepted "), first + process.stderr.read()  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="is in use by another newskg process"):
        create_app(Settings(store_dir=store, query_workers=1))
    rest, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors
    assert rest.splitlines()[-1] == "6 accepted, 0 rejected, 0 failed"
    assert len(article_graph_names(graphs_of(nquads_of_dir(store)))) == 6
