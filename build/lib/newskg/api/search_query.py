"""What a person types into the search box, as SQLite FTS5 queries: "quoted phrases", words, word* prefixes and
-excluded words. Nothing typed reaches FTS5's own syntax: every term goes in as a quoted string, so a stray
parenthesis or colon is text to find, never an operator (and never a 500).

A half-remembered quote rarely matches as typed, so a query loosens in steps until something is found: as typed
(every phrase in order, every word), then every word of it anywhere, then any of its words (ranked, so the results
with the most of them come first). `Loosening.level` says which step found the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TERMS = 32
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_CHARACTER = re.compile(r"\w")
LEVELS = ("as typed", "every word", "any word")


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False
    excluded: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    @property
    def wanted(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.excluded)

    @property
    def excluded(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.excluded)

    @property
    def empty(self) -> bool:
        return not self.wanted

    def words(self) -> tuple[Term, ...]:
        """Every wanted term split into single words (a phrase's words lose their order)."""
        split: list[Term] = []
        for term in self.wanted:
            if term.phrase:
                split.extend(Term(word) for word in term.text.split() if _WORD_CHARACTER.search(word))
            else:
                split.append(term)
        return tuple(split)

    def expressions(self) -> list[tuple[str, str]]:
        """(level, FTS5 expression) from the strictest to the loosest, without repeats."""
        steps: list[tuple[str, str]] = []
        words = self.words()
        candidates = [(LEVELS[0], self.wanted, " "), (LEVELS[1], words, " "), (LEVELS[2], words, " OR ")]
        for level, terms, joiner in candidates:
            if not terms or (joiner == " OR " and len(terms) < 2):
                continue
            expression = joiner.join(term.fts() for term in terms)
            if joiner == " OR ":
                expression = f"({expression})"
            if self.excluded:
                expression = f"({expression}) NOT " + " NOT ".join(term.fts() for term in self.excluded)
            if expression not in {e for _, e in steps}:
                steps.append((level, expression))
        return steps


def parse(text: str) -> ParsedQuery:
    terms: list[Term] = []
    for match in _TERM.finditer(text):
        if len(terms) >= MAX_TERMS:
            break
        excluded_phrase, phrase, word = match.groups()
        if phrase is not None:
            if _WORD_CHARACTER.search(phrase):
                terms.append(Term(" ".join(phrase.split()), phrase=True, excluded=bool(excluded_phrase)))
            continue
        excluded = word.startswith("-") and len(word) > 1
        word = word[1:] if excluded else word
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _WORD_CHARACTER.search(word):   # a word is a quoted string: "al-Qaeda" is the phrase "al qaeda"
            terms.append(Term(word, prefix=prefix, excluded=excluded))
    return ParsedQuery(tuple(terms))
