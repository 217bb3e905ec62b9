"""The newskg command, driven through its entry point as a user would (real store on disk)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

from newskg.ingest.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SUBCOMMANDS = ["ingest", "extract", "validate", "query", "export", "check", "serve"]


def test_help_describes_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    top = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in top
        with pytest.raises(SystemExit):
            main([name, "--help"])
        text = capsys.readouterr().out
        assert text.startswith("usage: newskg " + name)
        assert len(text.splitlines()) > 3


def test_console_script_is_installed() -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "newskg"), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("newskg ")


def test_store_location_comes_from_option_then_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newskg.ingest.cli import _settings

    monkeypatch.setenv("NEWSKG_STORE", str(tmp_path / "env-store"))
    assert _settings(build_parser().parse_args(["check"])).store_dir == tmp_path / "env-store"
    assert _settings(build_parser().parse_args(["--store", "x", "check"])).store_dir == Path("x")
    monkeypatch.delenv("NEWSKG_STORE")
    assert _settings(build_parser().parse_args(["check"])).store_dir == Path("data/store")


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    assert main(["--store", str(store), "ingest", str(SEEDS)]) == 0
    return store


def test_ingest_is_idempotent(seeded_store: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = tmp_path / "first.nq"
    second = tmp_path / "second.nq"
    assert main(["--store", str(seeded_store), "export", "--format", "nquads", "-o", str(first)]) == 0
    assert main(["--store", str(seeded_store), "ingest", str(SEEDS)]) == 0
    assert main(["--store", str(seeded_store), "export", "--format", "nquads", "-o", str(second)]) == 0
    assert sorted(first.read_text().splitlines()) == sorted(second.read_text().splitlines())


def test_query_prints_sparql_json(seeded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    sparql = ("PREFIX nkg: <https://w3id.org/newskg/ontology/> "
              "SELECT (COUNT(?a) AS ?n) WHERE { ?a a nkg:NewsArticle }")
    assert main(["--store", str(seeded_store), "query", sparql, "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["results"]["bindings"][0]["n"]["value"] == "2"


def test_export_round_trips_as_a_dataset(seeded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "dump.trig"
    assert main(["--store", str(seeded_store), "export", "--format", "trig", "-o", str(out)]) == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    assert len(list(dataset.graphs())) >= 4  # two articles, the ontology, the registry


def test_extract_prints_the_report_contract(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["extract", str(SEEDS / "mee-ukraine-hts-aleppo.txt"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"article", "actors", "statements", "allegations", "events"}
    assert {"iri", "title", "publisher", "authors", "date", "url", "text"} <= set(report["article"])
    text = report["article"]["text"]
    for actor in report["actors"]:
        assert {"iri", "label", "type", "aliases", "known", "role", "affiliation", "mentions"} <= set(actor)
        for mention in actor["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    for statement in report["statements"]:
        assert text[statement["start"]:statement["end"]] == statement["text"]
        assert statement["stance"] in {"supports", "denies", "downplays", "neutral"}


def test_an_unreadable_file_fails_clearly_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    store = tmp_path / "store"
    assert main(["--store", str(store), "ingest", str(empty)]) == 1
    out = capsys.readouterr().out
    assert "failed" in out and "empty" in out.lower() and "0 accepted, 0 rejected, 1 failed" in out


def test_check_reports_the_ingested_seeds_consistent(seeded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--store", str(seeded_store), "check"]) == 0
    assert "consistent" in capsys.readouterr().out.lower()


def test_a_batch_goes_on_after_a_bad_article_and_quarantines_it(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (batch / "b-good.txt").write_bytes((SEEDS / "mee-ukraine-hts-aleppo.txt").read_bytes())
    quarantine = tmp_path / "quarantine"
    code = main(["--store", str(tmp_path / "store"), "ingest", str(batch), "--quarantine", str(quarantine)])
    out = capsys.readouterr().out
    assert code == 1
    assert "1 accepted, 0 rejected, 1 failed" in out
    assert (quarantine / "a-binary.txt").read_bytes() == (batch / "a-binary.txt").read_bytes()
    assert "binary" in (quarantine / "a-binary.txt.report.txt").read_text().lower()
    assert not (quarantine / "b-good.txt").exists()
