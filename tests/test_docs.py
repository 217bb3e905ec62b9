"""The README is a guide that stays true: the two commands first, every setting and make variable documented, every
command shown, the benchmark tables in a document of their own, the licence where pyproject says it is."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from newskg.ingest.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table_names(heading_words: str) -> set[str]:
    """The `names` in the first column of the table that follows the line mentioning heading_words."""
    lines = README.split(heading_words, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", "\n".join(lines[start:end]), re.MULTILINE))


def test_the_two_commands_come_first() -> None:
    first_block = README.split("```", 2)[1]
    assert first_block.split()[:2] == ["make", "run"] and "make test" in first_block
    assert README.index("```") < README.index("## A short tour")


def test_every_environment_variable_is_documented() -> None:
    read = set(re.findall(r'"(NEWSKG_[A-Z_]+)"', (ROOT / "ingest" / "settings.py").read_text(encoding="utf-8")))
    assert read and read <= _table_names("Environment variables")


def test_every_make_variable_is_documented() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    settable = set(re.findall(r"^(\w+)\s*\?=", makefile, re.MULTILINE))
    assert settable and settable <= _table_names("`make` variables")


def test_every_command_is_shown() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices   # type: ignore[union-attr]
    for name in commands:
        assert f"newskg {name}" in README, name


def test_what_is_needed_names_python_java_and_npm() -> None:
    needed = README.split("What is needed:", 1)[1].split("\n\n", 1)[0]
    for word in ("Python ≥ 3.11", "Java", "npm", "chromium"):
        assert word in needed, word


def test_benchmark_tables_live_in_their_own_document() -> None:
    assert "| figure |" not in README and "docs/benchmarks.md" in README
    assert "| figure | newskg | reference (same run) |" in (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")


def test_the_licence_is_the_one_pyproject_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n") and "the newskg authors" in licence


def test_files_the_readme_links_exist() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
    assert (ROOT / "docs" / "w3id" / ".htaccess").is_file()
