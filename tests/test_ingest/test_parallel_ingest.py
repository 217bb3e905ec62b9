"""`newskg ingest --workers N`: the same store, the same progress lines in the same order, the same counts and the
same quarantine as one process; a failing or rejected article among the others is counted and reported."""

from __future__ import annotations

import io
import shutil
import signal
from collections import defaultdict
from contextlib import redirect_stdout
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from newskg.ingest.cli import main
from newskg.ingest.inputs import collect_inputs
from newskg.ingest.outcome import Outcome
from newskg.ingest.parallel_ingest import ingest_in_parallel
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.settings import Settings
from newskg.store.embedded import open_store

pytestmark = pytest.mark.slow
TESTS = Path(__file__).parent.parent
INPUTS = [*sorted(SEEDS_DIR.glob("*.txt")), *sorted((TESTS / "fixtures" / "articles").iterdir()),
          *sorted((TESTS / "test_ingest" / "data").glob("*.txt"))]


def _folder(root: Path) -> Path:
    folder = root / "articles"
    folder.mkdir()
    for path in INPUTS:
        shutil.copy(path, folder / path.name)
    return folder


def _ingest(root: Path, folder: Path, workers: int, *extra: str) -> tuple[int, list[str], Path]:
    """Run `newskg ingest` into a fresh store; (exit code, printed lines, store directory)."""
    store = root / f"store-{workers}"
    quarantine = root / f"quarantine-{workers}"
    argv = ["--store", str(store), "ingest", str(folder), "--workers", str(workers), "--quarantine", str(quarantine),
            *extra]
    printed = io.StringIO()
    with redirect_stdout(printed):
        code = main(argv)
    return code, printed.getvalue().splitlines(), store


def _graphs(store: Path) -> dict[str, list[str]]:
    """Each named graph's quads as sorted N-Quads lines."""
    dump = ox.Store.read_only(str(store))
    by_graph: dict[str, list[str]] = defaultdict(list)
    for quad in dump.quads_for_pattern(None, None, None, None):
        by_graph[str(quad.graph_name)].append(f"{quad} .")
    return {name: sorted(lines) for name, lines in by_graph.items()}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[int, list[str], Path]]:
    """The same folder ingested by one process and by two workers, each into its own store."""
    root = tmp_path_factory.mktemp("parallel")
    folder = _folder(root)
    return {workers: _ingest(root, folder, workers) for workers in (1, 2)}


def test_two_workers_report_every_article_in_input_order_with_the_same_counts(runs: dict[int, tuple[int, list[str], Path]]) -> None:
    (code_1, lines_1, _), (code_2, lines_2, _) = runs[1], runs[2]
    assert code_1 == code_2 == 1                      # one input is all clutter: the batch is not all accepted
    assert lines_2 == lines_1
    assert lines_1[-1] == f"{len(INPUTS) - 1} accepted, 0 rejected, 1 failed"
    progress = [line for line in lines_1 if line.split(" ", 1)[0] in {"accepted", "rejected", "failed"}]
    assert [line.split()[1].rstrip(":").rsplit("/", 1)[-1] for line in progress] == sorted(p.name for p in INPUTS)
    [failed] = [line for line in progress if line.startswith("failed")]
    assert "all-clutter.txt" in failed


def test_two_workers_write_the_same_store_as_one(runs: dict[int, tuple[int, list[str], Path]]) -> None:
    one, two = _graphs(runs[1][2]), _graphs(runs[2][2])
    assert one.keys() == two.keys()
    articles = [name for name in one if "/graph/article/" in name]
    assert len(articles) == len(INPUTS) - 1
    for name in articles:
        assert two[name] == one[name], name
    for name in set(one) - set(articles):             # ontology and registry: blank nodes are minted per load
        first, second = Graph(), Graph()
        first.parse(data="\n".join(one[name]), format="nquads")
        second.parse(data="\n".join(two[name]), format="nquads")
        assert isomorphic(first, second), name


def test_the_failed_article_is_quarantined_by_either(runs: dict[int, tuple[int, list[str], Path]]) -> None:
    for workers in (1, 2):
        quarantine = runs[workers][2].parent / f"quarantine-{workers}"
        assert sorted(p.name for p in quarantine.iterdir()) == ["all-clutter.txt", "all-clutter.txt.report.txt"]


def test_a_rejected_article_is_reported_and_quarantined_with_its_shape_report(tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    for path in INPUTS[-2:]:
        shutil.copy(path, folder / path.name)
    reports = {}
    for workers in (1, 2):
        code, lines, store = _ingest(tmp_path, folder, workers, "--url", "ftp://example.org/not-http")
        assert code == 1
        out = "\n".join(lines)
        assert out.count("rejected ") == 2 and "nkgsh:NewsArticle-url" in out
        assert out.strip().endswith("0 accepted, 2 rejected, 0 failed")
        quarantine = tmp_path / f"quarantine-{workers}"
        reports[workers] = {p.name: p.read_text(encoding="utf-8") for p in quarantine.glob("*.report.txt")}
        turtle = Graph().parse(next(quarantine.glob("*.report.ttl")), format="turtle")
        assert len(turtle) > 5
        assert not [name for name in _graphs(store) if "/graph/article/" in name]
    assert reports[2] == reports[1] and len(reports[1]) == 2


def test_a_worker_killed_mid_batch_costs_no_article(tmp_path: Path, runs: dict[int, tuple[int, list[str], Path]]) -> None:
    """The pool breaks; the articles in flight are retried (one at a time, to find one that kills workers) and the
    batch ends as if nothing happened: the same outcomes, the same graphs, none half-written."""
    folder = _folder(tmp_path)
    killed: list[int] = []
    before = {p.pid for p in psutil.Process().children(recursive=True)}

    def kill_a_worker(outcome: Outcome) -> None:
        if killed:
            return
        # one forkserver per test process, shared with any earlier user (e.g. the SPARQL query workers); the ingest
        # workers are its children
        servers = [p for p in psutil.Process().children() if "forkserver" in " ".join(p.cmdline())]
        workers = [child for server in servers for child in server.children() if child.pid not in before]
        assert workers, "no worker process found"
        workers[0].send_signal(signal.SIGKILL)
        killed.append(workers[0].pid)

    store = open_store(tmp_path / "store")
    try:
        batch = ingest_in_parallel(Settings(store_dir=tmp_path / "store"), store, collect_inputs([folder]), workers=2,
                                   on_outcome=kill_a_worker)
    finally:
        store.close()
    assert killed
    assert batch.summary() == f"{len(INPUTS) - 1} accepted, 0 rejected, 1 failed"
    articles = {name: lines for name, lines in _graphs(tmp_path / "store").items() if "/graph/article/" in name}
    assert articles == {name: lines for name, lines in _graphs(runs[1][2]).items() if "/graph/article/" in name}
