"""Ingest through a task queue (RQ over a real Redis) by real `newskg worker` processes into a real remote store
(Oxigraph's server): the same graphs as the embedded single process; each article's state told by `newskg jobs`
and GET /jobs/ID; a worker killed mid-article loses nothing."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
import redis
from processes import NEWSKG, newskg_env
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from newskg.ingest.cli import main
from newskg.ingest.jobs import job_state, job_ids
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.settings import Settings
from newskg.ingest.store_access import open_configured_store
from newskg.ingest.jobs import article_queue
from rq import Worker
from tests.engines import Engine, free_port, oxigraph_server

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
ARTICLES = [*sorted(SEEDS_DIR.iterdir()), FIXTURES / "wire-gaza-strikes.txt", FIXTURES / "html-ceasefire-talks.html",
            FIXTURES / "scraper-grain-deal.json"]


def graphs(store_locator: str | Path) -> dict[str, Graph]:
    store = open_configured_store(Settings().with_store(str(store_locator)))
    try:
        out = io.BytesIO()
        store.dump(out, "application/n-quads")
    finally:
        store.close()
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    found = {}
    for context in dataset.contexts():
        graph = Graph()
        for triple in context:
            graph.add(triple)
        if len(graph):
            found[str(context.identifier)] = graph
    return found


def same(found: dict[str, Graph], expected: dict[str, Graph]) -> None:
    assert sorted(found) == sorted(expected)
    differing = [name for name in expected if not isomorphic(found[name], expected[name])]
    assert differing == []


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out + captured.err


def test_two_workers_give_the_graphs_of_the_embedded_single_process(
        tmp_path: Path, oxigraph: Engine, queue_url: str, start_worker: Callable[..., Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for article in ARTICLES:
        shutil.copy(article, inputs / article.name)
    (inputs / "empty.txt").write_text("", encoding="utf-8")   # unreadable: ends failed, with its reason
    for _ in range(2):
        start_worker(oxigraph.locator, queue_url)
    code, out = run(["ingest", "--queue", queue_url, "--wait", "--json", str(inputs)], capsys)
    states = {Path(s["source"]).name: s for s in json.loads(out)}
    assert code == 1 and states.pop("empty.txt")["state"] == "failed"
    assert {name: s["state"] for name, s in states.items()} == {a.name: "accepted" for a in ARTICLES}
    assert all(s["attempts"] == 1 for s in states.values())

    embedded = tmp_path / "embedded"
    assert run(["--store", str(embedded), "ingest", *map(str, ARTICLES)], capsys)[0] == 0
    same(graphs(oxigraph.locator), graphs(embedded))

    code, out = run(["jobs", "--queue", queue_url], capsys)
    assert code == 1 and f"{len(ARTICLES)} accepted" in out and "1 failed" in out and "empty.txt" in out


def test_post_articles_answers_202_and_the_job_tells_the_outcome(
        tmp_path: Path, oxigraph: Engine, queue_url: str, start_worker: Callable[..., Any]) -> None:
    """`newskg serve` as the README starts it on a machine of the API tier: the store and the queue by URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with open(tmp_path / "serve.log", "wb") as log:
        serve = subprocess.Popen([NEWSKG, "serve", "--store", oxigraph.locator, "--port", str(port)], stdout=log,
                                 stderr=subprocess.STDOUT, start_new_session=True,
                                 env=newskg_env(NEWSKG_QUEUE=queue_url, NEWSKG_BASE_IRI=base,
                                                NEWSKG_WRITE_TOKEN="api-token"))
    try:
        start_worker(oxigraph.locator, queue_url, NEWSKG_BASE_IRI=base)
        deadline = time.monotonic() + 60
        while not _answers(base + "sparql"):
            assert serve.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        article = (SEEDS_DIR / "mee-ukraine-hts-aleppo.txt").read_bytes()
        response = httpx.post(f"{base}articles", params={"name": "mee.txt"}, content=article,
                              headers={"Content-Type": "text/plain", "Authorization": "Bearer api-token"})
        assert response.status_code == 202, response.text
        job_url = response.headers["location"]
        assert job_url == response.json()["job"] and job_url.startswith(base + "jobs/")
        deadline = time.monotonic() + 120
        while (state := httpx.get(job_url).json())["state"] in ("queued", "running"):
            assert time.monotonic() < deadline, state
            time.sleep(0.2)
        assert state["state"] == "accepted" and state["graph"], state
        page = httpx.get(state["article"], headers={"Accept": "text/turtle"})   # served from the shared store
        assert page.status_code == 200 and "NewsArticle" in page.text
        assert httpx.get(f"{base}jobs/no-such-job").status_code == 404
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=30)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@pytest.mark.timeout(300)
def test_a_worker_killed_mid_article_loses_nothing(tmp_path: Path, oxigraph: Engine, queue_url: str,
                                                    start_worker: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    long_article = tmp_path / "long.txt"   # long enough that the kill lands while the worker is inside it
    text = (SEEDS_DIR / "mee-ukraine-hts-aleppo.txt").read_text(encoding="utf-8")
    long_article.write_text(text + "\n\n" + "\n\n".join(text.split("\n\n")[1:] * 3), encoding="utf-8")
    timing = {"NEWSKG_JOB_TIMEOUT": "15"}   # an article may take 15 s; a worker silent for 15 + 5 s is dead
    monkeypatch.setenv("NEWSKG_JOB_TIMEOUT", "15")   # the limit travels with the job: set where it is enqueued
    first = start_worker(oxigraph.locator, queue_url, **timing)
    code, out = run(["ingest", "--queue", queue_url, "--json", str(long_article)], capsys)
    job_id = json.loads(out)["jobs"][0]
    connection = redis.Redis.from_url(queue_url)
    deadline = time.monotonic() + 120
    # RQ marks the job running a moment before it calls the article's function, which counts the attempt:
    # the kill waits for the count, so that it lands inside the article, not in that moment
    while (state := job_state(connection, job_id)).state != "running" or state.attempts < 1:  # type: ignore[union-attr]
        assert time.monotonic() < deadline and state.state in ("queued", "running"), state  # type: ignore[union-attr]
        time.sleep(0.01)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    assert job_state(connection, job_id).state == "running"   # type: ignore[union-attr]  # killed inside it

    start_worker(oxigraph.locator, queue_url, **timing)
    code, out = run(["jobs", "--queue", queue_url, "--json", job_id], capsys)
    deadline = time.monotonic() + 120
    while (state := job_state(connection, job_id)).state in ("queued", "running"):  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the abandoned article was not delivered again"
        time.sleep(0.5)
    assert (state.state, state.attempts) == ("accepted", 2), state  # type: ignore[union-attr]
    assert job_ids(connection) == [job_id]

    embedded = tmp_path / "embedded"
    assert run(["--store", str(embedded), "ingest", str(long_article)], capsys)[0] == 0
    same(graphs(oxigraph.locator), graphs(embedded))   # written once, whole: nothing lost, nothing twice


def test_a_store_that_goes_away_fails_the_job_with_its_error_and_requeued_it_is_accepted(
        tmp_path: Path, queue_url: str, start_worker: Callable[..., Any], capsys: pytest.CaptureFixture[str]) -> None:
    article = SEEDS_DIR / "qiosk-ukraine-helping-hts.txt"
    with oxigraph_server(tmp_path / "engine") as engine:
        port = int(engine.url.rsplit(":", 1)[1])
        worker = start_worker(engine.locator, queue_url)
        connection = redis.Redis.from_url(queue_url)
        while not Worker.all(queue=article_queue(connection)):   # started: its pipeline is loaded
            assert worker.poll() is None
            time.sleep(0.2)
        engine.kill()
        code, out = run(["ingest", "--queue", queue_url, "--wait", str(article)], capsys)
    assert code == 1 and "failed" in out and "cannot be reached" in out and "after 3 attempt(s)" in out
    with oxigraph_server(tmp_path / "engine", port=port) as engine:   # back, over the same data
        code, out = run(["jobs", "--queue", queue_url, "--requeue-failed"], capsys)
        assert code == 0 and out.startswith("1 failed job(s) sent to the queue again")
        [job_id] = job_ids(connection)
        deadline = time.monotonic() + 120
        while (state := job_state(connection, job_id)).state in ("queued", "running"):  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert state.state == "accepted", state  # type: ignore[union-attr]
        assert state.outcome["graph"] in open_configured_store(Settings(store_url=engine.locator)).graph_names()  # type: ignore[union-attr,index]
