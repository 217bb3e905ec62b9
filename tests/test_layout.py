"""The house rules a test can hold: layout, seeds unchanged, ingest never imports api, no seed names in code."""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SEED_SHA256 = {
    "mee-ukraine-hts-aleppo.txt": "6277920a2a37ef419515d350da49fdc4377e82a7d3989ce3fc268e272e102891",
    "qiosk-ukraine-helping-hts.txt": "71b47eb8ab9311e416395654580cee89110a555566f84e1d5593cc8a190bdeb8",
}


def test_layout_of_the_design_card() -> None:
    for folder in ["ontology", "ingest", "shapes", "api", "seeds", "tests"]:
        assert (ROOT / folder).is_dir(), folder
    assert (ROOT / "pyproject.toml").is_file()


def test_seeds_are_the_articles_byte_for_byte() -> None:
    for name, digest in SEED_SHA256.items():
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_ingest_never_imports_api() -> None:
    offenders = [str(p.relative_to(ROOT)) for folder in ("ingest", "exports") for p in (ROOT / folder).rglob("*.py")
                 if "api" in _imports(p)]
    assert offenders == []


def test_code_names_no_one_from_the_seed_articles() -> None:
    """Known actors belong in the ontology's registry; extraction code and rules must work on unseen articles."""
    seed_names = re.compile(r"arpacik|mardasov|rybar|episkopos|lavrent|nebenzia|budanov|soylu|al-shaheen|"
                            r"falcon brigade|quincy|tahrir|aleppo|idlib", re.IGNORECASE)
    suffixes = {".py", ".toml", ".txt", ".json", ".yaml", ".yml"}
    offenders = []
    for folder in ["ingest", "api", "exports"]:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in suffixes and path.is_file() and seed_names.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
