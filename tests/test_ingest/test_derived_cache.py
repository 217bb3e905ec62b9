"""The derived cache (ingest/derived_cache.py): an entry is built once and then read, by this process or another;
a changed source file gives a new entry; a damaged entry is rebuilt; the extraction is the same with the cache,
cold or warm, as without it. Timings are for `make bench`, not here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newskg.ingest.derived_cache import DerivedCache, ProcessTable
from newskg.ingest.extract.extractor import Extractor
from newskg.ingest.extract.lexicon import load_lexicon
from newskg.ingest.iris import IriMinter
from newskg.ingest.report import extraction_report
from newskg.ingest.resources import LEXICON_DIR, SEEDS_DIR, VOCABULARIES_FILE

MINTER = IriMinter("http://127.0.0.1:8000/")


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_an_entry_is_built_once_then_read(tmp_path: Path) -> None:
    source = tmp_path / "words.tsv"
    source.write_text("alpha\ten\n", encoding="utf-8")
    build = Builds({"alpha": 1})
    first = DerivedCache(tmp_path / "cache").get("words", build, sources=[source])
    second = DerivedCache(tmp_path / "cache").get("words", build, sources=[source])
    assert first == second == {"alpha": 1} and build.calls == 1
    assert len(entries(tmp_path / "cache")) == 1


def test_a_changed_source_file_gives_a_new_entry(tmp_path: Path) -> None:
    source = tmp_path / "words.tsv"
    source.write_text("alpha\ten\n", encoding="utf-8")
    cache = DerivedCache(tmp_path / "cache")
    cache.get("words", lambda: source.read_text(encoding="utf-8"), sources=[source])
    source.write_text("alpha\ten\nbeta\ten\n", encoding="utf-8")
    assert cache.get("words", lambda: source.read_text(encoding="utf-8"), sources=[source]).count("\n") == 2
    assert len(entries(tmp_path / "cache")) == 2


def test_a_changed_lexicon_file_is_seen_through_the_cache(tmp_path: Path) -> None:
    directory = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, directory)
    cache = DerivedCache(tmp_path / "cache")
    before = load_lexicon(directory, VOCABULARIES_FILE, cache)
    assert "rainmaker" not in before.words.titles
    with (directory / "words" / "titles.tsv").open("a", encoding="utf-8") as table:
        table.write("rainmaker\ten\ttitle\t-\n")
    after = load_lexicon(directory, VOCABULARIES_FILE, DerivedCache(tmp_path / "cache"))
    assert "rainmaker" in after.words.titles


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "empty", "not an entry"])
def test_a_damaged_entry_is_rebuilt_not_trusted(tmp_path: Path, damage: str) -> None:
    cache = DerivedCache(tmp_path / "cache")
    cache.get("table", Builds(list(range(1000))))
    [entry] = entries(tmp_path / "cache")
    data = entry.read_bytes()
    damaged = {"truncated": data[: len(data) // 2], "flipped byte": data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
               "empty": b"", "not an entry": b"hello"}[damage]
    entry.write_bytes(damaged)
    build = Builds(list(range(1000)))
    assert cache.get("table", build) == list(range(1000)) and build.calls == 1
    assert entry.read_bytes() == data  # written again, whole


def test_an_unwritable_folder_only_costs_the_build(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    build = Builds("value")
    assert DerivedCache(blocker / "cache").get("table", build) == "value"
    assert DerivedCache(blocker / "cache").get("table", build) == "value" and build.calls == 2


def test_another_process_reads_the_entry(tmp_path: Path) -> None:
    source = tmp_path / "words.tsv"
    source.write_text("alpha\ten\n", encoding="utf-8")
    DerivedCache(tmp_path / "cache").get("words", lambda: "built here", sources=[source])
    reader = ("import sys; from pathlib import Path; from newskg.ingest.derived_cache import DerivedCache\n"
              "def build(): sys.exit('built again')\n"
              "print(DerivedCache(Path(sys.argv[1])).get('words', build, sources=[Path(sys.argv[2])]))")
    result = subprocess.run([sys.executable, "-c", reader, str(tmp_path / "cache"), str(source)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "built here"


def test_a_process_table_is_read_from_the_first_cache_it_is_given(tmp_path: Path) -> None:
    build = Builds(frozenset({"lisbon"}))
    DerivedCache(tmp_path / "cache").get("places", build)
    table = ProcessTable("places", Builds(frozenset({"wrong"})))
    assert table.get(DerivedCache(tmp_path / "cache")) == frozenset({"lisbon"})
    assert table.get() == frozenset({"lisbon"})  # later callers share it


def _cli_extract(seed: Path, cache: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-m", "newskg.ingest.cli", "extract", "--json", str(seed)],
                            capture_output=True, text=True, env={**os.environ, "NEWSKG_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_extraction_is_the_same_without_the_cache_cold_and_warm(tmp_path: Path) -> None:
    seed = SEEDS_DIR / "qiosk-ukraine-helping-hts.txt"
    without = extraction_report(Extractor.load(MINTER).extract_file(seed), MINTER)
    cold = _cli_extract(seed, tmp_path / "cache")
    written = {p: p.stat().st_mtime_ns for p in entries(tmp_path / "cache")}
    assert {p.name.rsplit("-", 1)[0] for p in written} >= {"lexicon", "registry", "world-places", "lemmas"}
    warm = _cli_extract(seed, tmp_path / "cache")
    assert {p: p.stat().st_mtime_ns for p in entries(tmp_path / "cache")} == written  # read, not written again
    assert cold == warm == without


def test_processes_building_the_same_entries_at_once_agree(tmp_path: Path) -> None:
    seed = SEEDS_DIR / "mee-ukraine-hts-aleppo.txt"
    command = [sys.executable, "-m", "newskg.ingest.cli", "extract", "--json", str(seed)]
    env = {**os.environ, "NEWSKG_CACHE_DIR": str(tmp_path / "cache")}
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
    outputs = [process.communicate(timeout=300) for process in running]
    assert all(process.returncode == 0 for process in running), [err[-2000:] for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert not list((tmp_path / "cache").glob(".*.tmp"))
    assert _cli_extract(seed, tmp_path / "cache") == json.loads(outputs[0][0])
