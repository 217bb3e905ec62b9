"""House rules of ingest/ as tests that fail when broken: no import cycles; every extraction stage's results are frozen
dataclasses (text/model.py and each stage's values.py); constructors of more than three fields are called with keyword
arguments."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from newskg.ingest.resources import PROJECT_ROOT

INGEST_DIR = PROJECT_ROOT / "ingest"
EXTRACT_DIR = INGEST_DIR / "extract"
MAX_POSITIONAL_FIELDS = 3


def module_name(path: Path) -> str:
    """The installed name: newskg.ingest.extract.text.build for ingest/extract/text/build.py."""
    parts = ["newskg", *path.relative_to(PROJECT_ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


# --- import cycles ------------------------------------------------------------------------------------------------
def imports(path: Path, known: set[str]) -> set[str]:
    """The ingest modules a module imports, anywhere in it (a deferred import inside a function counts: it hides a
    cycle, it does not remove it). `from package import name` imports package.name when that is a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def import_graph(folder: Path = INGEST_DIR) -> dict[str, set[str]]:
    files = python_files(folder)
    known = {module_name(p) for p in files}
    return {module_name(p): imports(p, known) for p in files}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle_and_only_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_imports_of_every_form() -> None:
    graph = import_graph()
    assert "newskg.ingest.extract.text.build" in graph["newskg.ingest.extract.text"]
    assert "newskg.ingest.extract.lexicon" in graph["newskg.ingest.extract.extractor"]
    assert "newskg.ingest.model" in graph["newskg.ingest.extract.output"]


def test_ingest_has_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles in ingest:\n" + "\n".join(" ⇄ ".join(c) for c in found)


# --- frozen stage results -------------------------------------------------------------------------------------------
def result_modules() -> list[str]:
    paths = [EXTRACT_DIR / "text" / "model.py", *sorted(EXTRACT_DIR.glob("*/values.py"))]
    return [module_name(p) for p in paths]


def result_classes() -> Iterator[tuple[str, type]]:
    for name in result_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name:
                yield name, cls


def test_each_stage_with_results_has_a_values_module() -> None:
    assert {"newskg.ingest.extract.actors.values", "newskg.ingest.extract.attribution.values",
            "newskg.ingest.extract.claims.values"} <= set(result_modules())


@pytest.mark.parametrize(("module", "cls"), list(result_classes()), ids=lambda v: getattr(v, "__name__", v))
def test_every_stage_result_is_a_frozen_dataclass(module: str, cls: type) -> None:
    assert dataclasses.is_dataclass(cls), f"{module}.{cls.__name__} is not a dataclass"
    assert cls.__dataclass_params__.frozen, f"{module}.{cls.__name__} is not frozen"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("module", "cls"), list(result_classes()), ids=lambda v: getattr(v, "__name__", v))
def test_no_stage_result_holds_a_mutable_container(module: str, cls: type) -> None:
    mutable = [f.name for f in dataclasses.fields(cls)
               if str(f.type).split("[")[0].strip() in ("list", "dict", "set", "List", "Dict", "Set")]
    assert not mutable, f"{module}.{cls.__name__} fields {mutable} can be changed in place: use tuples"


# --- keyword arguments ------------------------------------------------------------------------------------------------
def _is_dataclass_decorator(node: ast.expr) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return isinstance(target, ast.Name) and target.id == "dataclass" or \
        isinstance(target, ast.Attribute) and target.attr == "dataclass"


def _init_fields(cls: ast.ClassDef) -> int:
    count = 0
    for statement in cls.body:
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
            continue
        annotation = ast.unparse(statement.annotation)
        value = statement.value
        no_init = isinstance(value, ast.Call) and any(k.arg == "init" and isinstance(k.value, ast.Constant)
                                                      and k.value.value is False for k in value.keywords)
        if "ClassVar" not in annotation and not no_init:
            count += 1
    return count


def wide_dataclasses(folder: Path = INGEST_DIR) -> dict[tuple[str, str], int]:
    """(module, class) → number of init fields, for every dataclass in ingest with more than three."""
    wide = {}
    for path in python_files(folder):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(_is_dataclass_decorator(d) for d in node.decorator_list):
                fields = _init_fields(node)
                if fields > MAX_POSITIONAL_FIELDS:
                    wide[(module_name(path), node.name)] = fields
    return wide


def _local_names(tree: ast.Module, module: str, wide: dict[tuple[str, str], int]) -> dict[str, tuple[str, str]]:
    names = {cls: (mod, cls) for (mod, cls) in wide if mod == module}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                for (mod, cls) in wide:
                    if cls == alias.name and (mod == node.module or mod.startswith(node.module + ".")):
                        names[alias.asname or alias.name] = (mod, cls)
    return names


def positional_calls(path: Path, wide: dict[tuple[str, str], int]) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = module_name(path)
    names = _local_names(tree, module, wide)
    for cls_node in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
        if (module, cls_node.name) in wide:  # `cls(...)` in a classmethod builds that class
            for node in ast.walk(cls_node):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cls" \
                        and node.args:
                    yield f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}: cls(...) of {cls_node.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and node.args:
            mod, cls = names[node.func.id]
            yield (f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}: {cls} ({wide[(mod, cls)]} fields) "
                   f"with {len(node.args)} positional arguments")


def test_the_rule_knows_the_wide_dataclasses() -> None:
    wide = wide_dataclasses()
    assert wide[("newskg.ingest.extract.attribution.values", "Attribution")] >= 8
    assert ("newskg.ingest.model", "Span") not in wide  # three fields: positional is fine


def test_constructors_of_more_than_three_fields_take_keyword_arguments() -> None:
    wide = wide_dataclasses()
    found = [line for path in python_files(EXTRACT_DIR) for line in positional_calls(path, wide)]
    assert not found, "positional arguments to wide constructors:\n" + "\n".join(found)
