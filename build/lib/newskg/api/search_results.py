"""A search over the index: hits grouped by kind (ranked by BM25, or newest first), each with its title and a
snippet whose matched words are marked, a page of each group, and the facets of everything that matched, counted
the way Datasette counts them (the values of each facet among the results, most frequent first).

With no words it is a list: every document of the kinds asked for, newest first, with the same filters and facets.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from newskg.api.search_documents import KINDS
from newskg.api.search_index import MARK_END, MARK_START, SearchIndex
from newskg.api.search_query import ParsedQuery
from newskg.ingest.errors import InputError, StoreError

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0    # a word in a headline, a speaker's name or a summary counts four times
SNIPPET_TOKENS = 32
PREVIEW_CHARACTERS = 280               # a list (no words) shows the start of each text
FACET_VALUES = 10                      # values shown per facet, the most frequent
FACETS = ("outlet", "actor", "actor_type", "stance", "status")
SORTS = ("relevance", "date")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
Segment = tuple[str, bool]              # (text, whether it matched)


@dataclass(frozen=True)
class Filters:
    outlet: str = ""                    # IRIs for outlet and actor; local names for the rest
    actor: str = ""
    actor_type: str = ""
    stance: str = ""
    status: str = ""
    date_from: str = ""                 # YYYY, YYYY-MM or YYYY-MM-DD; both ends included
    date_to: str = ""

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value and not _DATE.fullmatch(value):
                raise InputError(f"parameter '{name.removeprefix('date_')}' is not a date (YYYY, YYYY-MM or "
                                 f"YYYY-MM-DD): {value!r}")

    def facet_values(self) -> list[tuple[str, str]]:
        return [(name, getattr(self, name)) for name in FACETS if getattr(self, name)]

    @property
    def one_year(self) -> str:
        """The year both ends of the date range fall in, when they do (dates are then counted by month)."""
        return self.date_from[:4] if self.date_from and self.date_from[:4] == self.date_to[:4] else ""


@dataclass(frozen=True)
class Hit:
    iri: str
    kind: str
    title: list[Segment]
    snippet: list[Segment]
    article: str
    date: str
    score: float | None                 # BM25 (higher is better); None in a list sorted by date


@dataclass(frozen=True)
class Group:
    kind: str
    total: int
    hits: list[Hit]


@dataclass(frozen=True)
class Results:
    groups: dict[str, Group]
    facets: dict[str, list[tuple[str, int]]]        # facet → (value, count), most frequent first; "date" too
    level: str = ""                                  # which loosening of the words found them ("" for a list)


def segments(marked: str) -> list[Segment]:
    """'a \\x02b\\x03 c' → [('a ', False), ('b', True), (' c', False)]"""
    found: list[Segment] = []
    for piece in re.split(f"({MARK_START}[^{MARK_END}]*{MARK_END})", marked):
        if piece.startswith(MARK_START):
            found.append((piece[1:-1], True))
        elif piece:
            found.append((piece, False))
    return found


class _Selection:
    """The documents a search selects, as SQL: FROM and WHERE, with their parameters."""

    def __init__(self, expression: str | None, filters: Filters, kinds: tuple[str, ...]) -> None:
        self.expression, self.filters = expression, filters
        self.matching = expression is not None
        self.source = "text JOIN docs ON docs.id = text.rowid" if self.matching else \
            "docs JOIN text ON text.rowid = docs.id"
        clauses = ["docs.kind IN (" + ",".join("?" * len(kinds)) + ")"]
        self.params: list[object] = list(kinds)
        if expression is not None:
            clauses.insert(0, "text MATCH ?")
            self.params.insert(0, expression)
        for name, value in filters.facet_values():
            clauses.append("docs.id IN (SELECT doc FROM facets WHERE name = ? AND value = ?)")
            self.params += [name, value]
        if filters.date_from:
            clauses.append("docs.date >= ?")
            self.params.append(filters.date_from)
        if filters.date_to:
            clauses.append("docs.date <= ?")
            self.params.append(filters.date_to + "\uffff")   # every day of the year or month named
        self.where = " AND ".join(clauses)

    def narrowed(self, kind: str) -> "_Selection":
        return _Selection(self.expression, self.filters, (kind,))

    def ids(self) -> str:
        return f"SELECT docs.id FROM {self.source} WHERE {self.where}"


def search(index: SearchIndex, query: ParsedQuery, filters: Filters, kinds: tuple[str, ...] = KINDS, *,
           page: int = 1, size: int = 10, sort: str = "relevance") -> Results:
    connection = index.reader()
    try:
        steps = query.expressions() if not query.empty else []
        level, selection, totals = "", _Selection(None, filters, kinds), {}
        for level, expression in steps:
            selection = _Selection(expression, filters, kinds)
            totals = _totals(connection, selection)
            if sum(totals.values()):
                break
        if not steps:
            totals = _totals(connection, selection)
        groups = {kind: Group(kind, totals.get(kind, 0),
                              _hits(connection, selection, kind, page, size, sort) if totals.get(kind) else [])
                  for kind in kinds}
        return Results(groups, _facets(connection, selection, filters), level)
    except sqlite3.OperationalError as error:
        if "fts5" in str(error):   # what was typed, though quoted, is more than FTS5 takes
            raise InputError(f"the search cannot read this query: {error}") from error
        raise StoreError(f"the search index failed: {error}") from error
    finally:
        connection.close()


def _totals(connection: sqlite3.Connection, selection: _Selection) -> dict[str, int]:
    rows = connection.execute(f"SELECT docs.kind, COUNT(*) FROM {selection.source} WHERE {selection.where} "
                              "GROUP BY docs.kind", selection.params)
    return {kind: int(count) for kind, count in rows}


def _hits(connection: sqlite3.Connection, selection: _Selection, kind: str, page: int, size: int,
          sort: str) -> list[Hit]:
    one_kind = selection.narrowed(kind)
    if one_kind.matching:
        columns = (f"bm25(text, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank, highlight(text, 0, ?, ?) AS title, "
                   f"snippet(text, 1, ?, ?, '…', {SNIPPET_TOKENS}) AS snippet")
        order = "rank" if sort == "relevance" else "docs.date DESC, rank"
        marks = [MARK_START, MARK_END, MARK_START, MARK_END]
    else:
        columns = f"NULL AS rank, text.title AS title, substr(text.body, 1, {PREVIEW_CHARACTERS + 1}) AS snippet"
        order = "docs.date DESC, docs.iri"
        marks = []
    rows = connection.execute(
        f"SELECT docs.iri, docs.kind, docs.article, docs.date, {columns} FROM {one_kind.source} "
        f"WHERE {one_kind.where} ORDER BY {order} LIMIT ? OFFSET ?", marks + one_kind.params + [size, (page - 1) * size])
    return [Hit(row["iri"], row["kind"], segments(row["title"]), _snippet(row["snippet"], one_kind.matching),
                row["article"], row["date"], None if row["rank"] is None else round(-float(row["rank"]), 3))
            for row in rows]


def _snippet(text: str, matching: bool) -> list[Segment]:
    if matching:
        return segments(text)
    flat = " ".join(text.split())
    return [(flat if len(flat) <= PREVIEW_CHARACTERS else flat[:PREVIEW_CHARACTERS].rstrip() + "…", False)]


def _facets(connection: sqlite3.Connection, selection: _Selection, filters: Filters) -> dict[str, list[tuple[str, int]]]:
    counted: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
    rows = connection.execute(f"SELECT name, value, COUNT(*) AS n FROM facets WHERE doc IN ({selection.ids()}) "
                              "GROUP BY name, value ORDER BY n DESC, value", selection.params)
    for name, value, count in rows:
        if len(counted[name]) < FACET_VALUES or value == getattr(filters, name, None):
            counted[name].append((value, int(count)))
    width = 7 if filters.one_year else 4
    dates = connection.execute(f"SELECT substr(date, 1, {width}) AS period, COUNT(*) FROM docs WHERE date != '' AND "
                               f"id IN ({selection.ids()}) GROUP BY period ORDER BY period DESC", selection.params)
    counted["date"] = [(period, int(count)) for period, count in dates]
    return {name: counted.get(name, []) for name in (*FACETS, "date")}
