"""Faults of a remote store, on real engines: the store going away mid-batch gives a clear error and a batch that
the same command resumes; a slow query is stopped at its time limit while other requests are answered."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

import httpx
import pytest
from rdflib import Dataset

from newskg.ingest.cli import main
from newskg.ingest.namespaces import NKG
from newskg.ingest.outcome import Outcome, Status
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.settings import Settings
from newskg.ingest.store_access import open_configured_store
from tests.engines import oxigraph_server

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
BATCH = [*sorted(SEEDS_DIR.iterdir()), FIXTURES / "wire-gaza-strikes.txt", FIXTURES / "broadsheet-odesa-port.txt"]


def article_graphs(locator: str) -> set[str]:
    store = open_configured_store(Settings().with_store(locator))
    try:
        return {name for name in store.graph_names() if "/graph/article/" in name}
    finally:
        store.close()


@pytest.mark.slow
def test_the_store_going_away_stops_the_batch_with_a_clear_error_and_the_batch_resumes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with oxigraph_server(tmp_path / "engine") as engine:
        port = int(engine.url.rsplit(":", 1)[1])
        settings = Settings(store_url=engine.locator, store_timeout=5)
        store = open_configured_store(settings)
        seen: list[Outcome] = []

        def kill_after_the_first(outcome: Outcome) -> None:
            seen.append(outcome)
            if len(seen) == 1:
                engine.kill()

        batch = Pipeline(settings, store).ingest_paths(BATCH, on_outcome=kill_after_the_first)
        store.close()
    assert [o.status for o in batch.outcomes] == [Status.ACCEPTED, Status.FAILED]
    assert "cannot be reached" in batch.outcomes[1].message and batch.outcomes[1].retryable
    assert batch.not_attempted == [str(p) for p in BATCH[2:]] and not batch.ok
    assert "Run the same command again" in batch.summary()

    with oxigraph_server(tmp_path / "engine", port=port) as engine:   # back, over the same data
        assert article_graphs(engine.locator) == {batch.outcomes[0].graph_iri}
        assert main(["--store", engine.locator, "ingest", *map(str, BATCH)]) == 0
        assert "Traceback" not in capsys.readouterr().err
        assert len(article_graphs(engine.locator)) == len(BATCH)
        engine.kill()
        code = main(["--store", engine.locator, "ingest", str(BATCH[0])])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be reached" in err and "Traceback" not in err


def test_the_command_line_reads_and_writes_a_remote_store(tmp_path: Path, engine_pool: Any,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with engine_pool.lease("virtuoso") as engine:
        remote = ["--store", engine.locator]
        env = {"NEWSKG_STORE_USER": engine.user, "NEWSKG_STORE_PASSWORD": engine.password}
        with pytest.MonkeyPatch.context() as patch:
            for key, value in env.items():
                patch.setenv(key, value)
            assert main([*remote, "ingest", str(BATCH[0])]) == 0
            capsys.readouterr()
            assert main([*remote, "export", "--format", "nquads", "-o", str(tmp_path / "dump.nq")]) == 0
            assert main([*remote, "query", f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a a <{NKG.NewsArticle}> }}",
                         "--format", "csv"]) == 0
        assert capsys.readouterr().out.split() == ["n", "1"]
    dataset = Dataset()
    dataset.parse(tmp_path / "dump.nq", format="nquads")
    assert any("/graph/article/" in str(g.identifier) for g in dataset.graphs())
    assert engine.password not in capsys.readouterr().err


@pytest.mark.backends("oxigraph", "virtuoso")
def test_a_slow_query_is_stopped_at_its_limit_while_others_are_answered(
        live_server: Callable[..., Any], backend: str) -> None:
    server = live_server(query_timeout=3.0)
    context = server.app.state.context
    context.store.replace_graph("http://example.org/g", _graph(300))
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    answers: dict[str, httpx.Response] = {}
    slow = threading.Thread(target=lambda: answers.setdefault(
        "slow", httpx.get(f"{server.url}sparql", params={"query": runaway}, timeout=60)))
    slow.start()
    quick = [httpx.get(f"{server.url}sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60) for _ in range(5)]
    page = httpx.get(server.url, timeout=60)
    still_running = slow.is_alive()
    slow.join(timeout=60)
    assert [r.status_code for r in quick] == [200] * 5 and page.status_code == 200
    assert still_running, "the slow query ended before the others were answered: nothing was shown"
    assert answers["slow"].status_code == 503 and "stopped after 3 s" in answers["slow"].text


def _graph(size: int) -> Any:
    from rdflib import Graph, URIRef

    graph = Graph()
    for i in range(size):
        graph.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), URIRef(f"http://example.org/o{i}")))
    return graph
