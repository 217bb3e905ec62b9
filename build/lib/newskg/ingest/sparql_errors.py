"""Readable SPARQL errors: what is wrong, where (line and column), and a hint, for the CLI and the HTTP API alike.

The engine (pyoxigraph) reports the farthest point its parser reached, often the end of the text, with the
character classes of its grammar ("expected one of ..., ['A' ..= 'Z' | '\\u{00C0}'..."). Most mistakes people make
are easier to name from the text itself: an unknown keyword (SELCT), a prefix that is not declared, a bracket or a
string left open, an operator without its operand. Those are looked for first; the engine's message, stripped of its
character classes, is the fallback.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from newskg.ingest.errors import QueryError
from newskg.ingest.namespaces import NKG, VOCAB_BASE
from newskg.store.sparql_text import Token, is_bare_word, tokens

KEYWORDS = frozenset("""
    BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS FROM NAMED WHERE ORDER BY ASC DESC LIMIT OFFSET
    GROUP HAVING VALUES UNDEF OPTIONAL GRAPH SERVICE SILENT BIND MINUS FILTER UNION EXISTS NOT IN A TRUE FALSE LATERAL
    LOAD CLEAR DROP CREATE ADD MOVE COPY TO INTO DEFAULT ALL INSERT DELETE DATA WITH USING
    COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR
    STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE
    ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ
    NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL
    ISNUMERIC REGEX SUBSTR REPLACE TRIPLE SUBJECT PREDICATE OBJECT ISTRIPLE LANGDIR HASLANG HASLANGDIR STRLANGDIR
    VERSION ADJUST
""".split())
WELL_KNOWN_PREFIXES = {"nkg": str(NKG), "vocab": VOCAB_BASE, "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
                       "owl": str(OWL), "skos": str(SKOS), "prov": str(PROV), "schema": "https://schema.org/",
                       "foaf": str(FOAF), "dcterms": str(DCTERMS)}
OPERATORS = {"=", "!=", "<", ">", "<=", ">=", "&&", "||"}
CLOSING = {"(": ")", "{": "}", "[": "]"}
_ENGINE_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_CHARACTER_CLASS = re.compile(r"\[[^\]]*\]")
_EVALUATION_HINTS = (
    ("custom function", "functions named by an IRI are limited to the XSD casts, such as xsd:integer(?x)"),
    ("does not exist", "CLEAR SILENT and DROP SILENT do nothing for a graph that does not exist"),
    ("already exists", "CREATE SILENT GRAPH leaves a graph that exists as it is"),
)


@dataclass(frozen=True)
class Problem:
    message: str
    offset: int | None  # where in the text, when known


def syntax_error(text: str, engine_message: str, what: str = "query") -> QueryError:
    """A QueryError for a SPARQL text the engine refused: 'SPARQL syntax error at line L, column C: ...'."""
    problem = _problem_in_text(text, engine_message) or _engine_problem(text, engine_message)
    if problem.offset is None:
        return QueryError(f"SPARQL {what} syntax error: {problem.message}")
    line, column = line_column(text, problem.offset)
    return QueryError(f"SPARQL {what} syntax error at line {line}, column {column}: {problem.message}\n"
                      f"{_excerpt(text, problem.offset)}")


def evaluation_error(error: Exception, what: str = "query") -> QueryError:
    """A QueryError for a text that parsed but could not be run (an unknown function, a missing graph ...)."""
    message = str(error).rstrip(".")
    message = message[:1].lower() + message[1:]
    hint = next((hint for clue, hint in _EVALUATION_HINTS if clue in message), None)
    return QueryError(f"the {what} cannot be run: {message}" + (f" ({hint})" if hint else ""))


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _excerpt(text: str, offset: int, width: int = 100) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:] if end < 0 else text[start:end]
    column = offset - start
    shift = max(0, column - width // 2)
    return f"    {line[shift:shift + width]}\n    {' ' * (column - shift)}^"


def _problem_in_text(text: str, engine_message: str) -> Problem | None:
    """The first mistake found in the text itself, if it lies at or before where the engine stopped."""
    stop = _engine_offset(text, engine_message)
    found = tokens(text)
    checks = (_open_string(text, found), _unbalanced(found), _broken_iri(found), _unknown_word(found),
              _undeclared_prefix(found), _missing_operand(found))
    problems = sorted((p for p in checks if p is not None), key=lambda p: p.offset or 0)
    return next((p for p in problems if stop is None or (p.offset or 0) <= stop), None)


def _open_string(text: str, found: list[Token]) -> Problem | None:
    for token in found:
        if token.kind == "other" and token.text in {'"', "'"}:
            return Problem(f"the string starting here is not closed (add its closing {token.text})", token.start)
    return None


def _unbalanced(found: list[Token]) -> Problem | None:
    opened: list[Token] = []
    for token in found:
        if token.text in CLOSING:
            opened.append(token)
        elif token.text in CLOSING.values():
            if not opened or CLOSING[opened[-1].text] != token.text:
                expected = f"; the {opened[-1].text} before it is still open" if opened else ""
                return Problem(f"unexpected {token.text}{expected}", token.start)
            opened.pop()
    if opened:
        return Problem(f"this {opened[-1].text} is never closed (add {CLOSING[opened[-1].text]})", opened[-1].start)
    return None


def _broken_iri(found: list[Token]) -> Problem | None:
    for earlier, before, token in zip([None, *found], found, found[1:]):
        quoted_triple = earlier is not None and earlier.text == "<" and earlier.end == before.start  # << ... >>
        if before.text == "<" and before.end == token.start and token.kind == "word" and ":" in token.text \
                and not quoted_triple:
            return Problem("this IRI is not valid: an IRI in <...> may not hold spaces, quotes, {, }, |, ^, ` or \\",
                           before.start)
    return None


def _unknown_word(found: list[Token]) -> Problem | None:
    for previous, token in zip([None, *found], found):
        if is_bare_word(token, previous) and token.text.upper() not in KEYWORDS:
            close = difflib.get_close_matches(token.text.upper(), KEYWORDS, n=1, cutoff=0.6)
            hint = f" — did you mean {close[0]}?" if close else " (a name needs a prefix, as in ex:name, or <...>)"
            return Problem(f"unknown keyword {token.text}{hint}", token.start)
    return None


def _undeclared_prefix(found: list[Token]) -> Problem | None:
    declared: set[str] = set()
    for previous, token in zip([None, *found], found):
        if token.kind != "word" or ":" not in token.text or token.text.startswith("_:"):
            continue
        prefix = token.text.split(":", 1)[0]
        if previous is not None and previous.text.upper() == "PREFIX":
            declared.add(prefix)
        elif prefix not in declared:
            known = WELL_KNOWN_PREFIXES.get(prefix)
            declaration = f"PREFIX {prefix}: <{known}>" if known else f"PREFIX {prefix}: <...>"
            return Problem(f"prefix {prefix}: is not declared; add `{declaration}` at the top", token.start)
    return None


def _missing_operand(found: list[Token]) -> Problem | None:
    for operator, following in zip(found, found[1:]):
        if operator.kind == "other" and operator.text in OPERATORS and following.text in {")", ",", "}"}:
            return Problem(f"{operator.text} is missing the operand on its right", operator.start)
    return None


def _engine_offset(text: str, engine_message: str) -> int | None:
    match = _ENGINE_POSITION.match(engine_message)
    if match is None:
        return None
    line, column = int(match.group(1)), int(match.group(2))
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    return min(len(text), start + column - 1)


def _engine_problem(text: str, engine_message: str) -> Problem:
    """The engine's own message, without the character classes of its grammar."""
    match = _ENGINE_POSITION.match(engine_message)
    detail = match.group(3) if match else engine_message
    items = [item.strip() for item in _CHARACTER_CLASS.sub("", detail.removeprefix("expected one of ")
                                                           .removeprefix("expected ")).split(",")]
    sentences = [item for item in items if " " in item]
    words = [item for item in items if item and " " not in item]
    if sentences:
        message = "; ".join(sentences)
    elif words:
        message = "expected " + (words[0] if len(words) == 1 else "one of " + ", ".join(words[:12]))
    else:  # the engine reached the end: a rule beyond the grammar, which it does not place
        return Problem("the text is well-formed but breaks a rule of SPARQL (for example BIND to a variable "
                       "already in use, or SELECT of a variable that is neither grouped nor aggregated)", None)
    return Problem(message, _engine_offset(text, engine_message) if match else None)
