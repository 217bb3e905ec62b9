"""House rule: no word list in code. Words the extractor matches live in the lexicon (ontology/lexicon), one entry per
lemma; a module under ingest/extract that spells three or more English words in one literal is a word list.

What counts as a word list (read with the ast module):
- a set, frozenset, tuple or list literal holding three or more word strings;
- a dict literal whose word strings (keys of a lookup table, or values) number three or more; the keys of a dict
  whose values are computed (a record: {"start": start, "end": end, ...}) are field names, not words;
- a string constant split into three or more words ("said told added".split()), and a string (a regular
  expression) alternating three or more words (r"(said|told|added)"); docstrings are prose.
A word string is lower-case letters, one or more words separated by single spaces ("according to"), every word in
the English lexicon the tagger ships. Not words: punctuation and marks, tag names ("NNP", "B-NP"), class names
("Person"), identifiers with hyphens, digits or underscores ("other-wrongdoing", "utf-8"), a list of HTML element
names only ("script", "style", "footer"), and one string bound to one name (NAMED, DESCRIBED = "named", "described").
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newskg.ingest.resources import PROJECT_ROOT

EXTRACT_DIR = PROJECT_ROOT / "ingest" / "extract"
MIN_WORDS = 3
_WORD_STRING = re.compile(r"[a-z]+(?: [a-z]+)*")


def _english() -> frozenset[str]:
    from textblob.en import parser  # the tagger's lexicon (ingest/extract/text/tagging.py): ~94,000 English words

    return frozenset(word.lower() for word in parser.lexicon.keys())


def _html_elements() -> frozenset[str]:
    from lxml.html import defs

    return frozenset(defs.tags)


ENGLISH = _english()
HTML_ELEMENTS = _html_elements()


def is_word(value: object) -> bool:
    return isinstance(value, str) and _WORD_STRING.fullmatch(value) is not None \
        and all(part in ENGLISH for part in value.split())


def _words(nodes: list[ast.expr | None]) -> list[str]:
    found = [n.value for n in nodes if isinstance(n, ast.Constant) and is_word(n.value)]
    return [] if all(word in HTML_ELEMENTS for word in found) else found


def _bound_one_by_one(tree: ast.AST) -> set[int]:
    """Tuples on the right of `A, B, C = "a", "b", "c"`: each string gets its own name."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            for target in node.targets:
                if isinstance(target, ast.Tuple) and len(target.elts) == len(node.value.elts) \
                        and all(isinstance(e, ast.Name) for e in target.elts):
                    bound.add(id(node.value))
    return bound


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}


def _alternated(pattern: str) -> list[str]:
    """The longest run of words a regular expression alternates: "^(?:by|written by|story by)\\s" → 3 words."""
    best: list[str] = []
    for piece in re.split(r"[()]", pattern):
        if "|" in piece:
            alternatives = [a.strip().lower() for a in piece.removeprefix("?:").split("|")]
            found = [a for a in alternatives if is_word(a)]
            if not all(a in HTML_ELEMENTS for a in found) and len(found) > len(best):
                best = found
    return best


def word_lists(source: str) -> Iterator[tuple[int, list[str]]]:
    """(line, words) for every word list in a module's source."""
    tree = ast.parse(source)
    bound = _bound_one_by_one(tree)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        found: list[str] = []
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)) and id(node) not in bound:
            found = _words(node.elts)
        elif isinstance(node, ast.Dict):
            table = all(isinstance(v, ast.Constant) for v in node.values)
            found = (_words(node.keys) if table else []) + _words(node.values)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            found = _words([ast.Constant(w) for w in node.func.value.value.split()])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value \
                and id(node) not in docstrings:
            found = _alternated(node.value)
        if len(found) >= MIN_WORDS:
            yield node.lineno, found


def modules() -> list[Path]:
    return sorted(p for p in EXTRACT_DIR.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("source", [
    'VERBS = ("said", "told", "added")',
    'if token.norm in {"the", "a", "an"}: pass',
    'ORDER = ["denies", "dismisses", "supports"]',
    'STANCE = {"denying": "denies", "confirming": "confirms", "accusing": "supports"}',
    'CUES = "said told added".split()',
    'PATTERN = re.compile(r"\\b(?:said|told|added)\\b")',
    'BYLINE = r"^(?:by|written by|reporting by)\\s+"',
    'PHRASES = frozenset({"according to", "in a statement", "told reporters"})',
])
def test_the_rule_sees_a_word_list(source: str) -> None:
    assert list(word_lists(source)), source


@pytest.mark.parametrize("source", [
    'TAGS = ("NNP", "NNPS", "NN")',
    'MARKS = (",", ";", ":", "—")',
    'TYPES = frozenset({"Person", "State", "GovernmentBody"})',
    'KINDS = ("other-wrongdoing", "other-support", "supply-weapons")',
    'row = {"start": start, "end": end, "text": token.text}',
    'NAMED, DESCRIBED, ANONYMOUS = "named", "described", "anonymous"',
    'DROPPED = ("script", "style", "footer", "nav")',
    'PAIR = ("said", "told")',
    'TAGS = re.compile(r"<(?:p|div|article|body|span|a|h1|br)[\\s>/]")',
    'def f():\n    """Shapes: said|told|added."""',
])
def test_the_rule_leaves_non_words_alone(source: str) -> None:
    assert not list(word_lists(source)), source


def test_no_module_under_extract_holds_a_word_list() -> None:
    assert len(modules()) > 30
    found = [f"{path.relative_to(PROJECT_ROOT)}:{line}: {words}"
             for path in modules() for line, words in word_lists(path.read_text(encoding="utf-8"))]
    assert not found, f"{len(found)} word lists in code (move them to ontology/lexicon):\n" + "\n".join(found)
