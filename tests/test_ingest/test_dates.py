"""Date expressions normalised against the publication date, with their granularity; the grammar read from the word
tables (grammar.tsv: month and weekday names, date-* categories)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newskg.ingest.extract.events.dates import DateIndex, DateMention, DateReader
from newskg.ingest.extract.lexicon import load_lexicon

TUESDAY = date(2024, 12, 10)


@pytest.fixture(scope="module")
def reader() -> DateReader:
    return DateReader(load_lexicon().words)


def _found(reader: DateReader, text: str, base: date | None) -> list[DateMention]:
    found = reader.find(text, base)
    for mention in found:
        assert text[mention.span.start:mention.span.end] == mention.span.text
    return found


def _one(reader: DateReader, expression: str, base: date | None) -> tuple[str | None, str | None]:
    [found] = _found(reader, f"It happened {expression}.", base)
    return found.value, found.granularity


@pytest.mark.parametrize("expression, value, granularity", [
    ("on Tuesday", "2024-12-10", "day"),  # the base's own weekday is that day, not a week back
    ("on Monday", "2024-12-09", "day"),
    ("on Wednesday", "2024-12-04", "day"),
    ("last Tuesday", "2024-12-03", "day"),
    ("next Monday", "2024-12-16", "day"),
    ("in November", "2024-11", "month"),
    ("in early December", "2024-12", "month"),
    ("in mid-March", "2024-03", "month"),
    ("in August", "2024-08", "month"),
    ("in May", "2024-05", "month"),
    ("in 2022", "2022", "year"),
    ("on 30 November", "2024-11-30", "day"),
    ("on 30 December", "2023-12-30", "day"),  # a day after the base date is last year's
    ("on Dec. 4", "2024-12-04", "day"),
    ("on December 1, 2024", "2024-12-01", "day"),
    ("on 2024-11-02", "2024-11-02", "day"),
    ("in May 2023", "2023-05", "month"),
    ("in Sept. 2021", "2021-09", "month"),
    ("at the end of March 2023", "2023-03", "month"),
    ("earlier this month", "2024-12", "month"),
    ("last week", "2024-12", "month"),
    ("last year", "2023", "year"),
    ("the past year", "2023", "year"),
    ("yesterday", "2024-12-09", "day"),
    ("about three weeks ago", "2024-11-19", "day"),
    ("a month ago", "2024-11", "month"),
    ("two weeks ago", "2024-11-26", "day"),
])
def test_relative_to_the_publication_date(reader: DateReader, expression: str, value: str, granularity: str) -> None:
    assert _one(reader, expression, TUESDAY) == (value, granularity)


@pytest.mark.parametrize("expression, value", [
    ("in November", None), ("on Tuesday", None), ("last year", None), ("in 2022", "2022"),
    ("on 1 December 2024", "2024-12-01"),
])
def test_without_a_publication_date_only_absolute_dates_resolve(reader: DateReader, expression: str,
                                                                 value: str | None) -> None:
    assert _one(reader, expression, None)[0] == value


@pytest.mark.parametrize("text", [
    "They may send 2000 drones, officials said.",  # the modal "may" and a count
    "May officials said nothing.",  # "May" is a month only where a date can be
    "Jan Novak said nothing.",  # an abbreviation is a month only before a day or a year
    "It was a 2022-23 season record.",
])
def test_words_that_look_like_dates_are_not(reader: DateReader, text: str) -> None:
    assert _found(reader, text, TUESDAY) == []


def test_a_year_before_a_plural_noun_is_still_a_year_after_a_determiner(reader: DateReader) -> None:
    [found] = _found(reader, "Observers watched the 2022 elections closely.", TUESDAY)
    assert found.value == "2022"


def test_the_longest_expression_wins_and_the_span_is_exact(reader: DateReader) -> None:
    text = "Published Jan. 22, 2026, 5:00 a.m. ET"
    [found] = _found(reader, text, TUESDAY)
    assert (found.span.text, found.value) == ("Jan. 22, 2026", "2026-01-22")


def test_month_names_come_from_the_word_tables(reader: DateReader) -> None:
    words = load_lexicon().words
    grammar = dict(words.grammar, month=words.grammar["month"] - {"june", "jun"})
    without_june = DateReader(replace(words, grammar=grammar))
    assert _one(reader, "in June", TUESDAY) == ("2024-06", "month")
    assert without_june.find("It happened in June.", TUESDAY) == []


def test_the_index_looks_dates_up_by_range(reader: DateReader) -> None:
    text = "On Monday the army moved. In 2019 it had not."
    index = DateIndex(reader, text, TUESDAY)
    assert [m.value for m in index.mentions] == ["2024-12-09", "2019"]
    assert [m.value for m in index.within(20, len(text))] == ["2019"]
