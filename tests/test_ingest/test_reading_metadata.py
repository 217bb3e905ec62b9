"""Metadata stated in page text: bylines, datelines and publication dates."""

from __future__ import annotations

import datetime

import pytest

from ingest.extract.read.metadata import date_in, opening_dateline, parse_byline


@pytest.mark.parametrize(
    ("line", "authors", "dateline"),
    [
        ("By Jane Doe in Kyiv", ["Jane Doe"], "Kyiv"),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
        ("By Jane Doe, John Roe & Ana de la Cruz in Buenos Aires", ["Jane Doe", "John Roe", "Ana de la Cruz"],
         "Buenos Aires"),
        ("by Elena Markovic | 14 March 2025", ["Elena Markovic"], None),
        ("By Reuters", [], None),
        ("By staff reporters", [], None),
    ],
)
def test_parse_byline(line: str, authors: list[str], dateline: str | None) -> None:
    assert parse_byline(line) == (authors, dateline)


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("KYIV, Ukraine (AP) — Russian drones struck the capital overnight.", "Kyiv"),
        ("LONDON, Dec 5 (Reuters) - Britain said on Thursday it would send more aid.", "London"),
        ("DEIR AL-BALAH, Gaza Strip (AP) — Strikes killed 12.", "Deir al-Balah"),
        ("The Syrian rebels' stunning offensive has sparked rumours.", None),
    ],
)
def test_opening_dateline(paragraph: str, place: str | None) -> None:
    assert opening_dateline(paragraph) == place


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Thu 5 Dec 2024 14.22 GMT", datetime.date(2024, 12, 5)),
        ("Updated 3:45 PM UTC, December 12, 2024", datetime.date(2024, 12, 12)),
        ("Published 2025-01-08", datetime.date(2025, 1, 8)),
        ("on 31 February 2024", None),
        ("in early December", None),
    ],
)
def test_date_in(text: str, day: datetime.date | None) -> None:
    found = date_in(text)
    assert (found[0] if found else None) == day
