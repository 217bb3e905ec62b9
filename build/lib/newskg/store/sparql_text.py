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
class Token:
    """A lexical token: its kind (a group name of _TOKEN), text, span, and how deep in braces it starts."""

    kind: str
    text: str
    start: int
    end: int
    depth: int


@dataclass(frozen=True)
class Keyword:
    """A bare keyword of the text (upper-cased), where it starts, and how deep in braces it sits."""

    word: str
    start: int
    depth: int


def tokens(text: str) -> list[Token]:
    """The tokens of the text, without white space and comments."""
    found: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "close":
            depth = max(0, depth - 1)
        if kind != "comment" and not match.group().isspace():
            found.append(Token(kind, match.group(), match.start(), match.end(), depth))
        if kind == "open":
            depth += 1
    return found


_SCHEME = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]*:")


def has_relative_iris(text: str) -> bool:
    """True when an IRI of the text has no scheme (it resolves against the base IRI)."""
    return any(token.kind == "iri" and not _SCHEME.match(token.text) for token in tokens(text))


def keywords(text: str) -> list[Keyword]:
    """Bare words of the SPARQL text outside strings, IRIs, comments, variables, prefixed names and language tags."""
    found: list[Keyword] = []
    previous: Token | None = None
    for token in tokens(text):
        if is_bare_word(token, previous):
            found.append(Keyword(token.text.upper(), token.start, token.depth))
        previous = token
    return found


def is_bare_word(token: Token, previous: Token | None) -> bool:
    """A word that is not a prefixed name, a language tag (@en) or the exponent of a number (1e5)."""
    if token.kind != "word" or ":" in token.text:
        return False
    return previous is None or not (previous.text == "@" or (previous.end == token.start and previous.text[-1].isdigit()))


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


NO_OPERATION = "INSERT DATA {}"


def without_silent_remote_operations(text: str) -> str:
    """Replace each `SERVICE SILENT ... { ... }` by `{}` and each `LOAD SILENT <iri> [INTO GRAPH <g>]` by an update
    that does nothing: what the spec says SILENT gives when the remote access fails (here: when it is refused)."""
    found = tokens(text)
    replacements: list[tuple[int, int, str]] = []
    index = 0
    while index < len(found) - 2:
        token, following = found[index], found[index + 1]
        silent = following.kind == "word" and following.text.upper() == "SILENT"
        word = token.text.upper() if is_bare_word(token, found[index - 1] if index else None) else ""
        if silent and word == "SERVICE":
            end = _block_end(found, index + 3)
            if end is not None:
                replacements.append((token.start, found[end].end, "{}"))
                index = end
        elif silent and word == "LOAD":
            end = index + 2  # the source IRI
            if end + 3 < len(found) and [t.text.upper() for t in found[end + 1:end + 3]] == ["INTO", "GRAPH"]:
                end += 3
            replacements.append((token.start, found[end].end, NO_OPERATION))
            index = end
        index += 1
    for start, end, replacement in reversed(replacements):
        text = text[:start] + replacement + text[end:]
    return text


def _block_end(found: list[Token], opening: int) -> int | None:
    """Index of the `}` closing the `{` at `opening`; None when there is no block there (a syntax error)."""
    if opening >= len(found) or found[opening].kind != "open":
        return None
    for index in range(opening + 1, len(found)):
        if found[index].kind == "close" and found[index].depth == found[opening].depth:
            return index
    return None
