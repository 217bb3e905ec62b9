"""Date expressions normalised against the publication date, with their granularity."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.extract.dates import find_dates

TUESDAY = date(2024, 12, 10)


def _one(expression: str, base: date | None) -> tuple[str | None, str | None]:
    text = f"It happened {expression}."
    [found] = find_dates(text, 0, len(text), base)
    assert text[found.span.start:found.span.end] == found.span.text
    return found.value, found.granularity


@pytest.mark.parametrize("expression, value, granularity", [
    ("on Tuesday", "2024-12-10", "day"),  # the base's own weekday is that day, not a week back
    ("on Monday", "2024-12-09", "day"),
    ("on Wednesday", "2024-12-04", "day"),
    ("in November", "2024-11", "month"),
    ("in early December", "2024-12", "month"),
    ("in August", "2024-08", "month"),
    ("in 2022", "2022", "year"),
    ("on 30 November", "2024-11-30", "day"),
    ("on 30 December", "2023-12-30", "day"),  # a day after the base date is last year's
    ("on December 1, 2024", "2024-12-01", "day"),
    ("in May 2023", "2023-05", "month"),
    ("earlier this month", "2024-12", "month"),
    ("last year", "2023", "year"),
    ("yesterday", "2024-12-09", "day"),
    ("about a month ago", "2024-11", "month"),
])
def test_relative_to_the_publication_date(expression: str, value: str, granularity: str) -> None:
    assert _one(expression, TUESDAY) == (value, granularity)


@pytest.mark.parametrize("expression, value", [
    ("in November", None), ("on Tuesday", None), ("last year", None), ("in 2022", "2022"),
    ("on 1 December 2024", "2024-12-01"),
])
def test_without_a_publication_date_only_absolute_dates_resolve(expression: str, value: str | None) -> None:
    assert _one(expression, None)[0] == value


def test_modal_may_and_counts_are_no_dates() -> None:
    text = "They may send 2000 drones, officials said."
    assert find_dates(text, 0, len(text), TUESDAY) == []
