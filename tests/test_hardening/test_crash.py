"""Crash safety: `newskg ingest` killed with SIGKILL in the middle of a batch, then started again.

A clean run of the batch is the reference. After the kill, the store holds every article the command had reported
written, at most the one it was working on besides, each graph complete (isomorphic to the reference's), none
half-written; re-running the batch completes it, and the store is then the reference's, graph for graph.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from small_articles import small_article
from store_checks import article_graph_names, graphs_of, nquads_of_dir, same_graphs

NEWSKG = str(Path(sys.executable).parent / "newskg")
BATCH_SIZE = 16
KILL_AFTER = 4


def run_newskg(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSKG, "--store", str(store), *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for index in range(BATCH_SIZE):
        name, text = small_article(index)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], bytes]:
    """A clean single run: source file → graph IRI for each article, and the store's dump."""
    store = tmp_path_factory.mktemp("reference") / "store"
    done = run_newskg(store, "ingest", "--json", str(batch))
    outcomes = json.loads(done.stdout)
    assert done.returncode == 0, [o["message"] for o in outcomes if o["status"] != "accepted"]
    return {o["source"]: o["graph"] for o in outcomes}, nquads_of_dir(store)


def ingest_until_killed(store: Path, batch: Path, kill_after: int) -> list[str]:
    """Starts `newskg ingest`, SIGKILLs it once it has reported kill_after articles written; returns their sources."""
    log = open(store.parent / "stderr.log", "w")
    process = subprocess.Popen([NEWSKG, "--store", str(store), "ingest", str(batch)], stdout=subprocess.PIPE,
                               stderr=log, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    written: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            status, _, rest = line.partition(" ")
            if status == "accepted":
                written.append(rest.strip().split(": ", 1)[0])
                if len(written) == kill_after:
                    os.kill(process.pid, signal.SIGKILL)
                    break
    finally:
        process.wait(timeout=60)
        log.close()
    assert process.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    return written


@pytest.mark.slow
def test_sigkill_mid_batch_loses_nothing_written_and_half_writes_nothing(
        batch: Path, reference: tuple[dict[str, str], bytes], tmp_path: Path) -> None:
    kill_after = KILL_AFTER
    graph_of, reference_dump = reference
    expected = graphs_of(reference_dump)
    order = [graph_of[str(path)] for path in sorted(batch.iterdir())]
    store = tmp_path / "store"

    written = ingest_until_killed(store, batch, kill_after)

    found = graphs_of(nquads_of_dir(store))
    articles = article_graph_names(found)
    assert {graph_of[source] for source in written} <= articles, "an article reported written was lost"
    assert articles <= set(order[: kill_after + 1]), "more articles than were written or in flight"
    assert same_graphs({name: found[name] for name in articles}, {name: expected[name] for name in articles}) == []

    rerun = run_newskg(store, "ingest", str(batch))
    assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-2000:]
    # the articles that survived the kill whole are left as they are; the others are written now
    unchanged = f" ({len(articles)} unchanged)" if articles else ""
    assert rerun.stdout.splitlines()[-1] == f"{BATCH_SIZE} accepted{unchanged}, 0 rejected, 0 failed"
    assert same_graphs(graphs_of(nquads_of_dir(store)), expected) == []
