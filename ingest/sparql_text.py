"""Just enough lexing of SPARQL text to see its keywords: strings, IRIs, comments and names are skipped.

Used to decide things the parser does not expose: whether a query names its own dataset (FROM), whether an
operation reaches out of the process (SERVICE, LOAD), and where a protocol dataset (USING) may be inserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<comment>\#[^\n\r]*)
    |(?P<variable>[?$][\w\u00b7\u00c0-\uffff]+)
    |(?P<word>[A-Za-z_][\w\-]*(?::[\w\-.%:]*)?|:[\w\-.%:]*)
    |(?P<open>\{)
    |(?P<close>\})
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Keyword:
    """A bare keyword of the text (upper-cased), where it starts, and how deep in braces it sits."""

    word: str
    start: int
    depth: int


def keywords(text: str) -> list[Keyword]:
    """Bare words of the SPARQL text outside strings, IRIs, comments, variables, prefixed names and language tags."""
    found: list[Keyword] = []
    depth = 0
    previous = ""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "word" and ":" not in match.group() and previous != "@":
            found.append(Keyword(match.group().upper(), match.start(), depth))
        if kind != "comment" and not match.group().isspace():
            previous = match.group()[-1] if kind == "other" else kind or ""
    return found


def keyword_set(text: str) -> set[str]:
    return {k.word for k in keywords(text)}


def names_dataset(query: str) -> bool:
    """True when a query carries its own FROM / FROM NAMED clause."""
    return "FROM" in keyword_set(query)


def remote_operations(text: str) -> list[str]:
    """The operations in the text that would reach other hosts or files: SERVICE, LOAD."""
    present = keyword_set(text)
    return [word for word in ("SERVICE", "LOAD") if word in present]


def with_using_clauses(update: str, using: list[str], using_named: list[str]) -> str:
    """Insert USING / USING NAMED before the WHERE of every DELETE/INSERT ... WHERE operation of an update.

    This is how the protocol's using-graph-uri / using-named-graph-uri parameters are applied; a top-level WHERE
    that directly follows DELETE (the DELETE WHERE short form) takes no USING clause and is left alone.
    """
    clauses = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])
    if not clauses:
        return update
    top = [k for k in keywords(update) if k.depth == 0]
    positions = [k.start for i, k in enumerate(top)
                 if k.word == "WHERE" and not (i > 0 and top[i - 1].word == "DELETE")]
    for position in reversed(positions):
        update = f"{update[:position]}{clauses} {update[position:]}"
    return update


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword (the prologue has none); None if absent."""
    for keyword in keywords(query):
        if keyword.word in QUERY_FORMS:
            return keyword.word
    return None
