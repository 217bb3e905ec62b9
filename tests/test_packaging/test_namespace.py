"""The code is installed under one namespace (newskg.ingest, newskg.api, ...) from the repository's top-level folders:
every module imports its siblings by that name, and the wheel's package list names every folder of code."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from newskg.ingest.resources import PROJECT_ROOT

MAPPED = ("ingest", "api", "store", "exports")
CHECKED = (*MAPPED, "tests", "evaluation", "bench")


def _pyproject() -> dict:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_no_module_imports_a_folder_by_its_bare_name() -> None:
    """`from ingest.x import y` would load a second copy of the module beside newskg.ingest.x in a checkout, and fail
    outright once installed."""
    bare = []
    for folder in CHECKED:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
                bare += [f"{path.relative_to(PROJECT_ROOT)}: {n}" for n in names if n.split(".")[0] in MAPPED]
    assert not bare, bare


def test_the_wheel_lists_every_package_of_code_and_data() -> None:
    setuptools = _pyproject()["tool"]["setuptools"]
    mapping = setuptools["package-dir"]
    folders = {folder: name for name, folder in mapping.items()}
    expected = {"newskg"}
    for folder, name in folders.items():
        for init in (PROJECT_ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(PROJECT_ROOT / folder).parts
            expected.add(".".join([name, *relative]))
    assert set(setuptools["packages"]) == expected


def test_the_console_script_is_the_namespaced_cli() -> None:
    assert _pyproject()["project"]["scripts"]["newskg"] == "newskg.ingest.cli:main"
