"""`newskg` on batches as a user meets them, through its entry point and real stores: global options on either side
of the command, read commands that never create a store, files that are not articles, missing paths, empty inputs,
unknown graphs, unchanged articles and the progress bar."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from newskg.ingest.cli import build_parser, main
from newskg.ingest.outcome import Outcome, Status
from newskg.ingest.progress import BatchProgress

ROOT = Path(__file__).resolve().parent.parent
# an article the extractor and the shapes accept (what is tested here is the command, not the extraction)
SEED = ROOT / "tests" / "fixtures" / "articles" / "policy-blog-turkey-drones.txt"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one seed article, ingested with --store after the command."""
    path = tmp_path_factory.mktemp("batches") / "store"
    assert main(["ingest", str(SEED), "--store", str(path)]) == 0
    return path


def test_global_options_are_taken_before_or_after_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from newskg.ingest.cli import _settings

    monkeypatch.setenv("NEWSKG_STORE", "from-env")
    parse = build_parser().parse_args
    assert _settings(parse(["query", "ASK {}", "--store", "after"])).store_dir == Path("after")
    assert _settings(parse(["--store", "before", "query", "ASK {}"])).store_dir == Path("before")
    assert _settings(parse(["--store", "before", "ingest", "x", "--store", "after"])).store_dir == Path("after")
    assert _settings(parse(["check"])).store_dir == Path("from-env")
    for command in (["ingest", "x"], ["validate", "x"], ["extract", "x"], ["export"], ["check"], ["serve"]):
        assert parse([*command, "--store", "s"]).store == "s", command


def test_the_store_given_after_the_command_is_the_one_read(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    sparql = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/article/')) }"
    assert main(["query", sparql, "--format", "csv", "--store", str(store)]) == 0
    assert capsys.readouterr().out.split() == ["n", "1"]


@pytest.mark.parametrize("command", [["query", "ASK {}"], ["export"], ["check", "--no-reason"]])
def test_read_commands_refuse_a_store_that_does_not_exist_and_create_none(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)            # another folder, with no data/store in it
    monkeypatch.delenv("NEWSKG_STORE", raising=False)
    assert main(command) == 2
    assert capsys.readouterr().err == f"newskg {command[0]}: no store at data/store: ingest first, or pass --store\n"
    assert list(tmp_path.iterdir()) == []
    assert main(["--store", str(tmp_path / "typo"), *command]) == 2
    assert not (tmp_path / "typo").exists()


def test_files_that_are_not_articles_are_skipped_not_failed(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "with-images"
    folder.mkdir()
    shutil.copy(SEED, folder / "article.txt")
    (folder / "photo.png").write_bytes(PNG)
    (folder / "scan.jpg").write_bytes(PNG)
    (folder / "bundle.tar.gz").write_bytes(b"\x1f\x8b" + b"\x00" * 30)
    assert main(["ingest", str(folder), "--store", str(tmp_path / "store")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 accepted, 0 rejected, 0 failed, 3 skipped"
    assert f"skipped  {folder / 'photo.png'}: not an article: image/png" in out
    assert f"skipped  {folder / 'bundle.tar.gz'}: not an article: a gzip archive" in out


def test_a_missing_path_is_reported_and_the_rest_of_the_batch_goes_on(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "more-articles"
    store = tmp_path / "store"
    assert main(["ingest", str(SEED), str(missing), "--store", str(store), "--json"]) == 1
    outcomes = {o["source"]: o for o in json.loads(capsys.readouterr().out)}
    assert outcomes[str(missing)] == {"source": str(missing), "status": "failed", "article": None, "graph": None,
                                      "message": f"{missing}: no such file or folder", "triples": 0}
    assert outcomes[str(SEED)]["status"] == "accepted"
    assert main(["query", "ASK { ?a a <https://w3id.org/newskg/ontology/NewsArticle> }", "--store", str(store),
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["true"]


def test_an_empty_input_says_so_and_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["ingest", str(empty), "--store", str(tmp_path / "store")]) == 2
    assert capsys.readouterr().err == f"newskg ingest: nothing to ingest: no article files in {empty}\n"
    (empty / "photo.png").write_bytes(PNG)
    assert main(["validate", str(empty)]) == 2
    assert capsys.readouterr().err == (f"newskg validate: nothing to ingest: no article files in {empty} "
                                       "(1 file(s) skipped: not articles)\n")
    assert main(["ingest", "--store", str(tmp_path / "store")]) == 2
    assert "nothing to ingest" in capsys.readouterr().err
    assert not (tmp_path / "store").exists()


def test_export_of_an_unknown_graph_fails_clearly_and_writes_nothing(store: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "graph.ttl"
    graph = "http://127.0.0.1:8000/graph/article/no-such-article"
    assert main(["export", "--graph", graph, "--format", "turtle", "-o", str(out), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newskg export: no graph <{graph}> in the store at {store}; list the graphs with: ")
    assert not out.exists()
    assert main(["export", "--graph", "http://127.0.0.1:8000/graph/ontology", "-o", str(out), "--store",
                 str(store)]) == 0
    assert out.stat().st_size > 10_000


def test_re_ingesting_an_unchanged_article_says_unchanged_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, url = tmp_path / "store", "https://example.org/analysis/drones"   # one URL: one article, one graph
    assert main(["ingest", str(SEED), "--url", url, "--store", str(store)]) == 0
    assert ": written: " in capsys.readouterr().out
    assert main(["ingest", str(SEED), "--url", url, "--store", str(store)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"accepted {SEED}: unchanged: ")
    assert out[-1] == "1 accepted (1 unchanged), 0 rejected, 0 failed"
    edited = tmp_path / SEED.name
    edited.write_text(SEED.read_text(encoding="utf-8").replace("drone diplomacy", "drone statecraft", 1), encoding="utf-8")
    assert main(["ingest", str(edited), "--url", url, "--store", str(store)]) == 0
    assert ": written: " in capsys.readouterr().out


def test_progress_is_quiet_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEED)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith(f"accepted {SEED}: valid: ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_shows_count_rate_and_time_left(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with BatchProgress(2) as progress:
        progress(Outcome("a.txt", Status.ACCEPTED, "written: 3 triples"))
        progress(Outcome("b.png", Status.SKIPPED, "not an article: image/png"))
    bar = terminal.getvalue()
    assert "2/2 [" in bar and "article/s]" in bar and "<00:00" in bar     # count, time left, rate
    assert capsys.readouterr().out.splitlines() == ["accepted a.txt: written: 3 triples",
                                                    "skipped  b.png: not an article: image/png"]
