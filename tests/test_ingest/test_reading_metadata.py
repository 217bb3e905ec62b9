"""Metadata stated in page text: bylines (authors, outlets, desks), credits, datelines (place and agency) and dates.
Every line below is written for the project: fictional names, places and outlets."""

from __future__ import annotations

import datetime

import pytest

from newskg.ingest.extract.read.byline import parse_byline, read_names
from newskg.ingest.extract.read.credits import credit_line, sign_off
from newskg.ingest.extract.read.dateline import dateline_line, read_opening
from newskg.ingest.extract.read.dates import date_in, opening_stamp


@pytest.mark.parametrize(
    ("line", "authors", "place"),
    [
        ("By Jane Doe in Kyiv", ("Jane Doe",), "Kyiv"),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        ("By Jane Doe, John Roe & Ana de la Cruz in Buenos Aires", ("Jane Doe", "John Roe", "Ana de la Cruz"),
         "Buenos Aires"),
        ("by Elena Markovic | 14 March 2025", ("Elena Markovic",), None),
        ("By staff reporters", (), None),
        ("By John Q. Public, Reporter", ("John Q. Public",), None),
    ],
)
def test_byline_authors_and_place(line: str, authors: tuple[str, ...], place: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.place) == (authors, place)


@pytest.mark.parametrize(
    ("line", "authors", "outlet", "agency"),
    [
        # a name run together with an outlet or a desk, as copied pages often have them
        ("By Jane Doe Daily Courier", ("Jane Doe",), "Daily Courier", None),
        ("By Jane Doe Staff Writer", ("Jane Doe",), None, None),
        ("By Jane Doe, Harbour Evening Post", ("Jane Doe",), "Harbour Evening Post", None),
        ("By Jane Doe for The Valley Gazette", ("Jane Doe",), "The Valley Gazette", None),
        ("By Jane Doe Reuters", ("Jane Doe",), "Reuters", "Reuters"),
        ("By Reuters | Updated: 9 October 2031 11:20", (), "Reuters", "Reuters"),
        ("By Marsh County Ledger Staff", (), None, None),
        ("By Kettle Bay Times Staff", (), "Kettle Bay Times", None),
    ],
)
def test_byline_gives_author_and_outlet_apart(line: str, authors: tuple[str, ...], outlet: str | None,
                                             agency: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.outlet, byline.agency) == (authors, outlet, agency)


def test_an_outlet_the_page_names_is_split_off_a_byline() -> None:
    byline = parse_byline("By Jane Doe Marsh County Ledger", outlets=("Marsh County Ledger",))
    assert byline is not None and (byline.authors, byline.outlet) == (("Jane Doe",), "Marsh County Ledger")


def test_names_with_a_desk_and_a_described_role() -> None:
    assert read_names("Jane Doe, Staff Writer").authors == ("Jane Doe",)
    assert read_names("Jane Doe, Staff Writer").desk == "Staff Writer"
    assert read_names("Eastern Region correspondent").authors == ()  # a role, not a name
    assert parse_byline("Talks collapse as envoy walks out") is None


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("(Reporting by Jane Doe and John Roe; Editing by Ann Poe)", ("Jane Doe", "John Roe"), None),
        ("(Writing by Jane Doe, editing by Ann Poe)", ("Jane Doe",), None),
        ("( With inputs from IANS )", (), "IANS"),
        ("Valley Gazette: Agencies", (), "Agencies"),
        ("—Associated Press", (), "Associated Press"),
    ],
)
def test_credit_lines(line: str, authors: tuple[str, ...], agency: str | None) -> None:
    credit = credit_line(line)
    assert credit is not None
    assert (credit.authors, credit.agency) == (authors, agency)


def test_a_sentence_is_no_credit() -> None:
    assert credit_line("The minister said the talks would resume on Monday.") is None
    assert credit_line("Officials said: the plan is final") is None


def test_a_sign_off_closes_a_post_and_is_not_its_text() -> None:
    paragraph = "The hearing resumes on Thursday. —Associated Press"
    agency, start = sign_off(paragraph)
    assert (agency, paragraph[:start]) == ("Associated Press", "The hearing resumes on Thursday.")
    assert sign_off("He said it was over - for now.") == (None, len("He said it was over - for now."))


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "text"),
    [
        ("KYIV, Ukraine (AP) — Russian drones struck the capital overnight.", "Kyiv", "AP", "Russian drones"),
        ("LONDON, Dec 5 (Reuters) - Britain said on Thursday it would send more aid.", "London", "Reuters", "Britain"),
        ("PORT ELLIS, Marsh County, Feb 6 (Reuters) - The mayor denied it.", "Port Ellis", "Reuters", "The mayor"),
        ("DEIR AL-BALAH, Gaza Strip (AP) — Strikes killed 12.", "Deir al-Balah", "AP", "Strikes"),
        ("NORTHGATE (Jan 14): A glove maker denied the claims.", "Northgate", None, "A glove maker"),
        ("NORTHGATE -- Rights groups charged in a report that ...", "Northgate", None, "Rights groups"),
        ("(Reuters) - Two networks were taken down on Thursday.", None, "Reuters", "Two networks"),
    ],
)
def test_opening_dateline_gives_place_and_agency(paragraph: str, place: str | None, agency: str | None,
                                                text: str) -> None:
    dateline = read_opening(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)
    assert paragraph[dateline.end:].startswith(text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The rebels' advance on the valley town has stalled.",
        "THE OMBUDSMAN has ordered that charges be filed.",  # capitals, but no dateline's dash or colon
        "BREAKING: The port has reopened.",  # a label in capitals, not a place
        "NATO and the EU said on Monday they would meet.",
    ],
)
def test_no_dateline(paragraph: str) -> None:
    assert read_opening(paragraph) is None


def test_datelines_on_a_line_of_their_own() -> None:
    line = dateline_line("Lake Varna, Northern Province:")
    assert line is not None and (line.place, line.agency) == ("Lake Varna", None)
    line = dateline_line("PORT ELLIS (Reuters) —")
    assert line is not None and (line.place, line.agency) == ("Port Ellis", "Reuters")
    assert dateline_line("BREAKING:") is None and dateline_line("LOCAL NEWS") is None
    credit = dateline_line("AFP/Port Ellis")
    assert credit is not None and (credit.place, credit.agency) == ("Port Ellis", "AFP")
    assert dateline_line("Read also:") is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Thu 5 Dec 2024 14.22 GMT", datetime.date(2024, 12, 5)),
        ("Updated 3:45 PM UTC, December 12, 2024", datetime.date(2024, 12, 12)),
        ("Published 2025-01-08", datetime.date(2025, 1, 8)),
        ("Sept. 3, 2023", datetime.date(2023, 9, 3)),
        ("on 31 February 2024", None),
        ("in early December", None),
    ],
)
def test_date_in(text: str, day: datetime.date | None) -> None:
    found = date_in(text)
    assert (found[0] if found else None) == day


def test_a_date_stamp_run_into_the_first_paragraph() -> None:
    paragraph = " date 2031-06-02 The commission arraigned the former governor."
    day, start = opening_stamp(paragraph)
    assert day == datetime.date(2031, 6, 2)
    assert paragraph[start:] == "The commission arraigned the former governor."
    assert opening_stamp("The commission met in 2031.") == (None, 0)
