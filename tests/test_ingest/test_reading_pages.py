"""Reading whole pages of the kinds news takes: datelines, bylines with outlets and desks, headlines among captions,
subtitles and mastheads, furniture inside the body, live blogs, pages cut off mid-paragraph.

Every page here is written for the project: fictional places, people and outlets, no publisher's text."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from newskg.ingest.extract.read import read_file
from newskg.ingest.model import ArticleDoc

FIRST = "Dock workers in the northern port ended their strike on Monday after a deal on pay was reached late on Sunday."
SECOND = "Union leaders said the agreement would be put to a vote of members before the end of the month."
THIRD = "The port authority said ships waiting offshore would be unloaded in the order they arrived."


def read(tmp_path: Path, page: str, name: str = "page.txt") -> ArticleDoc:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return read_file(path)


def paragraphs(doc: ArticleDoc) -> list[str]:
    return doc.text.split("\n\n")


# datelines: place and wire agency, never the article's text

@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("PORT ELLIS, Marsh County (AP) — ", "Port Ellis", "AP"),
        ("PORT ELLIS, Feb 6 (Reuters) - ", "Port Ellis", "Reuters"),
        ("PORT ELLIS, 9 April 2031 (CPA) - ", "Port Ellis", "CPA"),
        ("(AFP) - ", None, "AFP"),
        ("NORTHGATE — ", "Northgate", None),
    ],
)
def test_dateline_is_place_and_agency_not_text(tmp_path: Path, opening: str, place: str | None,
                                              agency: str | None) -> None:
    doc = read(tmp_path, f"Port strike ends after pay deal\n\n{opening}{FIRST}\n\n{SECOND}\n")
    assert (doc.dateline, doc.agency) == (place, agency)
    assert paragraphs(doc) == [FIRST, SECOND]


def test_dateline_on_its_own_line_and_agency_credit_lines(tmp_path: Path) -> None:
    doc = read(tmp_path, f"Port strike ends after pay deal\n\nLake Varna, Northern Province:\n{FIRST}\n{SECOND}\n")
    assert doc.dateline == "Lake Varna" and paragraphs(doc) == [FIRST, SECOND]
    doc = read(tmp_path, f"Port strike ends after pay deal\n\nNORTHGATE —\n\n{FIRST}\n\n{SECOND}\n")
    assert (doc.dateline, doc.title) == ("Northgate", "Port strike ends after pay deal")
    doc = read(tmp_path, f"Port strike ends after pay deal\n\nAgencies/Port Ellis\n\n{FIRST}\n\n{SECOND}\n")
    assert (doc.dateline, doc.agency) == ("Port Ellis", "Agencies")
    doc = read(tmp_path, f"{FIRST}\n\n{SECOND}\n\n(Reporting by Jane Doe; Editing by Ann Poe)\n")
    assert doc.authors == ["Jane Doe"] and paragraphs(doc) == [FIRST, SECOND]
    doc = read(tmp_path, f"{FIRST}\n{SECOND}\n( With inputs from IANS )\n")
    assert doc.agency == "IANS" and "inputs" not in doc.text


# bylines run together with an outlet or a desk

@pytest.mark.parametrize(
    ("byline", "authors", "publisher"),
    [
        ("By Jane Doe Daily Courier", ["Jane Doe"], "Daily Courier"),
        ("By Jane Doe, Staff Writer", ["Jane Doe"], None),
        ("Jane Doe, Staff Writer", ["Jane Doe"], None),
        ("By Jane Doe for The Valley Gazette", ["Jane Doe"], "The Valley Gazette"),
        ("By Reuters | Updated: 9 October 2031 11:20", [], "Reuters"),
    ],
)
def test_byline_gives_author_and_outlet_apart(tmp_path: Path, byline: str, authors: list[str],
                                             publisher: str | None) -> None:
    doc = read(tmp_path, f"Port strike ends after pay deal\n\n{byline}\n\n{FIRST}\n\n{SECOND}\n")
    assert (doc.authors, doc.publisher) == (authors, publisher)
    assert doc.title == "Port strike ends after pay deal"


def test_byline_with_the_outlet_the_footer_names(tmp_path: Path) -> None:
    page = (f"Port strike ends after pay deal\n\nBy Jane Doe Marsh County Ledger\n\n{FIRST}\n\n{SECOND}\n\n"
            "© 2031 Marsh County Ledger. All rights reserved.\n")
    doc = read(tmp_path, page)
    assert (doc.authors, doc.publisher) == (["Jane Doe"], "Marsh County Ledger")


# the headline: not a caption, a subtitle, an alt text or a masthead

@pytest.mark.parametrize(
    "header",
    [
        # a short subtitle, then photo captions with their credits
        "Port strike ends after pay deal\n\nA week of empty shelves\n"
        "Workers unload a ship at the northern quay on 4 June (Meridian Images)\n"
        "A crane operator at work in Port Ellis (Jon Vale/AFP)\n",
        # an image's alt text above the headline, a longer standfirst under it
        "A crane at the northern quay\n\nPort strike ends after pay deal\n\n"
        "Dock workers accept an offer that raises pay by a tenth and limits night shifts\n",
        # the masthead and a section label above the headline
        "The Marsh County Ledger\n\nBusiness and Economy\n\nPort strike ends after pay deal\n",
        # a broadcaster's masthead in capitals, a menu, a press release's furniture
        "VALLEY NEWS 7\nWatch Live | Weather | Local News | Sport\n\nPRESS RELEASE\nFor immediate release\n\n"
        "Port strike ends after pay deal\n\nDock workers accept an offer that raises pay by a tenth and limits night "
        "shifts\n",
        "Harbour Press Agency\nWorld | Business | Ports\n\nPort strike ends after pay deal\n",
        # a video caption ending in its date, a file photo caption
        "Port strike ends after pay deal\n\nClick to play video: 'Strike ends at the port'\n"
        "Union leaders speak to reporters at the port gates – Jun 4, 2031\n"
        "FILE - In this photograph, dock workers march through Port Ellis\n",
    ],
)
def test_headline_is_the_pages_headline(tmp_path: Path, header: str) -> None:
    doc = read(tmp_path, f"{header}\nBy Jane Doe\n\n{FIRST}\n\n{SECOND}\n")
    assert doc.title == "Port strike ends after pay deal"
    assert paragraphs(doc) == [FIRST, SECOND]


def test_question_headline_of_an_html_page_is_not_its_first_paragraph(tmp_path: Path) -> None:
    html = ("<html><head><meta property='og:title' content='Will the port strike end this week?'></head><body>"
            "<article><h1>Will the port strike end this week?</h1>"
            + "".join(f"<p>{p}</p>" for p in (FIRST, SECOND, THIRD)) + "</article></body></html>")
    doc = read(tmp_path, html, "page.html")
    assert doc.title == "Will the port strike end this week?"
    assert paragraphs(doc) == [FIRST, SECOND, THIRD]


# furniture inside the body

@pytest.mark.parametrize(
    "furniture",
    [
        "Workers unload a ship at the northern quay on 4 June (Meridian Images)",
        "A crane operator at work in Port Ellis. (AFP)",
        "Top image credit: Jon Vale via Northlight Photo",
        "Related: Harbour pilots threaten their own walkout",
        "More on this story\nHarbour pilots threaten their own walkout\nShipping lines count the cost of the strike",
        "Get the Ports newsletter\nThe stories that matter, in your inbox every weekday.",
        "Story continues below advertisement",
        "Advertisement",
        "Have a tip? Send us your tips securely.",
        "'A deal nobody wanted to sign'\n- Union negotiator",
        "Is the strike really over?\nRead more",
        "Is the strike really over?\nRelated:",
        "Read the full agreement:",
    ],
)
def test_furniture_stays_out_of_the_body(tmp_path: Path, furniture: str) -> None:
    doc = read(tmp_path, f"Port strike ends after pay deal\n\n{FIRST}\n\n{SECOND}\n\n{furniture}\n\n{THIRD}\n")
    assert paragraphs(doc) == [FIRST, SECOND, THIRD]


@pytest.mark.parametrize("label", ["Read moreShare", "promo widget", "3. Get involved", "main news image"])
def test_labels_beside_a_crosshead_do_not_end_the_article(tmp_path: Path, label: str) -> None:
    """Buttons run together, lower-case widget labels and numbered calls to action are furniture, not headings:
    with the crosshead they would make two headings, where another piece begins."""
    page = f"Port strike ends after pay deal\n\n{FIRST}\n\n{SECOND}\n\n{label}\n\nNight shifts\n\n{THIRD}\n"
    assert paragraphs(read(tmp_path, page)) == [FIRST, SECOND, THIRD]


def test_teaser_cards_after_the_body_are_not_the_body(tmp_path: Path) -> None:
    cards = ("Will the pilots strike next?\nShipping\nHarbour pilots said on Friday they would ballot members.\n\n"
             "Grain prices ease as ships sail\nMarkets\nTraders said prices fell for a third day.\n")
    page = f"Port strike ends after pay deal\n\n{FIRST}\n\n{SECOND}\n\n{THIRD}\n\n{cards}"
    assert paragraphs(read(tmp_path, page)) == [FIRST, SECOND, THIRD]


def test_sentences_the_article_repeats_are_its_text(tmp_path: Path) -> None:
    """A pull quote is a fragment or a bare quotation; a sentence, or a quotation with its speaker, that another
    paragraph repeats is the article's own text."""
    repeated = "“The deal is fair,” the union's negotiator said. “Nobody lost.”"
    sentence = "The port authority said ships would be unloaded in order."
    page = (f"Port strike ends after pay deal\n\n{FIRST} {repeated}\n\n{sentence}\n\n{repeated}\n\n"
            f"{SECOND} {sentence}\n")
    assert paragraphs(read(tmp_path, page)) == [f"{FIRST} {repeated}", sentence, repeated, f"{SECOND} {sentence}"]


def test_summary_box_points_are_not_the_body(tmp_path: Path) -> None:
    page = (f"Port strike ends after pay deal\n\nHighlights\n  • Workers accept a pay rise of a tenth\n"
            f"  • Night shifts limited to two a week\n\n{FIRST}\n\n{SECOND}\n")
    assert paragraphs(read(tmp_path, page)) == [FIRST, SECOND]


def test_a_summary_repeating_a_paragraph_above_the_body(tmp_path: Path) -> None:
    doc = read(tmp_path, f"{SECOND}\n{FIRST}\n{SECOND}\n{THIRD}\n")
    assert paragraphs(doc) == [FIRST, SECOND, THIRD]


def test_a_date_stamp_run_into_the_first_paragraph(tmp_path: Path) -> None:
    doc = read(tmp_path, f" date 2031-06-02 {FIRST}\n\n{SECOND}\n")
    assert paragraphs(doc) == [FIRST, SECOND] and doc.date == datetime.date(2031, 6, 2)


# live blogs keep their posts

def test_live_blog_keeps_timestamped_posts_without_sign_offs(tmp_path: Path) -> None:
    page = (
        "6:55 p.m. Strike ends at the northern port\n\n"
        f"{FIRST}\n\n{SECOND} —Associated Press\n\n"
        "6:25 p.m. Union calls members to vote\n\n"
        f"{THIRD} —Associated Press\n"
    )
    doc = read(tmp_path, page)
    assert paragraphs(doc) == ["6:55 p.m. Strike ends at the northern port", FIRST, SECOND,
                               "6:25 p.m. Union calls members to vote", THIRD]
    assert doc.agency == "Associated Press" and doc.title is None


def test_live_blog_with_posts_under_their_times_keeps_every_post(tmp_path: Path) -> None:
    page = (
        "Port strike: live updates\n\nSummary\n- Workers accept the deal\n- Ships to be unloaded in order\n\n"
        f"Live Reporting\n\nPosted at 16:05\nUnion welcomes the vote\n\n{FIRST}\n\n"
        f"Posted at 15:48\nAnalysis: what the deal means\n\nJane Doe, Port correspondent\n\n{SECOND}\n\n"
        f"Posted at 15:31\n'Back to work'\n\n{THIRD}\n\nRelated Topics\nPorts\n"
    )
    doc = read(tmp_path, page)
    assert paragraphs(doc) == [FIRST, SECOND, THIRD]
    assert doc.title == "Port strike: live updates"


def test_live_blog_with_numbered_posts_keeps_every_post(tmp_path: Path) -> None:
    page = (
        "Live Reporting\n\n"
        f"  1. 'A fair deal'\n\n    {FIRST}\n\n"
        f"  2. Get involved\n\n"
        f"  3. Pilots wait\n\n    {SECOND}\n\n"
        f"  4. 'Back to work'\n\n    Jane Doe\n\n    Port correspondent\n\n    {THIRD}\n"
    )
    assert paragraphs(read(tmp_path, page)) == [FIRST, SECOND, THIRD]


# a page cut off mid-paragraph keeps its last paragraph

@pytest.mark.parametrize("cut", ["The port authority said ships wai", "“We will be back at wo", "The governm"])
def test_the_last_paragraph_of_a_cut_off_page_is_kept(tmp_path: Path, cut: str) -> None:
    doc = read(tmp_path, f"Port strike ends after pay deal\n\n{FIRST}\n\nAdvertisement\n\n{SECOND}\n{cut}")
    assert paragraphs(doc) == [FIRST, SECOND, cut]


def test_a_page_that_ends_in_a_newline_keeps_no_short_trailing_line(tmp_path: Path) -> None:
    doc = read(tmp_path, f"Port strike ends after pay deal\n\n{FIRST}\n\n{SECOND}\n\nPorts and Shipping\n")
    assert paragraphs(doc) == [FIRST, SECOND]
