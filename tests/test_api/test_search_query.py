"""What is typed into the search box, as FTS5 queries, run against a real SQLite FTS5 table: phrases, prefixes,
exclusions, loosening, and input that would be FTS5 syntax if it were passed on as it is."""

from __future__ import annotations

import sqlite3

import pytest

from newskg.api.search_query import LEVELS, parse

TEXTS = {
    1: "Foreign Minister Bruno Pasternak refuted any involvement, saying the claims were pure fiction.",
    2: "The ministry called the report fiction, pure and simple, and denied every word of it.",
    3: "Hay'at Tahrir al-Sham took Aleppo; Ankara denies supplying drones.",
}


@pytest.fixture(scope="module")
def table() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')")
    connection.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", TEXTS.items())
    return connection


def found(table: sqlite3.Connection, typed: str) -> tuple[str, set[int]]:
    """The first level of loosening that finds something, and what it finds."""
    for level, expression in parse(typed).expressions():
        rows = {row[0] for row in table.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,))}
        if rows:
            return level, rows
    return "", set()


def test_a_phrase_matches_its_words_in_order_only(table: sqlite3.Connection) -> None:
    assert found(table, '"pure fiction"') == (LEVELS[0], {1})
    assert found(table, '"fiction pure"') == (LEVELS[0], {2})   # punctuation between words does not part them
    assert found(table, '"were fiction"') == (LEVELS[1], {1})   # not side by side anywhere: both words, anywhere


def test_words_are_all_required_and_stemmed(table: sqlite3.Connection) -> None:
    assert found(table, "claim fiction") == (LEVELS[0], {1})          # "claims" by its stem
    assert found(table, "denying drones") == (LEVELS[0], {3})


def test_a_half_remembered_quote_loosens_to_the_most_of_its_words(table: sqlite3.Connection) -> None:
    level, rows = found(table, '"the claims were total fiction"')
    assert level == LEVELS[2] and 1 in rows


def test_prefixes_and_exclusions(table: sqlite3.Connection) -> None:
    assert found(table, "Pastern*") == (LEVELS[0], {1})
    assert found(table, "fiction -denied") == (LEVELS[0], {1})
    assert found(table, 'fiction -"pure and simple"') == (LEVELS[0], {1})


def test_diacritics_and_hyphens_fold(table: sqlite3.Connection) -> None:
    assert found(table, "Aléppo") == (LEVELS[0], {3})
    assert found(table, "al-Sham") == (LEVELS[0], {3})


@pytest.mark.parametrize("typed", ['fiction OR "', "NEAR(fiction", "body:fiction", "fiction)", "^fiction", "* fiction",
                                   'a"b"c', "---", '"', "AND", "fiction NOT"])
def test_fts5_syntax_typed_is_text_and_never_an_error(table: sqlite3.Connection, typed: str) -> None:
    for _, expression in parse(typed).expressions():
        table.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_nothing_to_search_for() -> None:
    assert parse("  ").empty and parse("---").empty and parse("-fiction").empty
    assert parse("  ").expressions() == []
