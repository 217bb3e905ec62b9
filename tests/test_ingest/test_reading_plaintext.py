"""Body and metadata from copied page text: the seeds against their gold files, and pages in other outlets'
styles (broadsheet, wire, policy blog) whose clutter the rules were not written against."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from evaluation.score_article import COLUMNS, GOLD_DIR, score
from newskg.ingest.extract.read import read_file
from newskg.ingest.resources import SEEDS_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def test_seeds_match_gold_exactly() -> None:
    result = score(GOLD_DIR, SEEDS_DIR)
    assert result["summary"]["articles"] == 2
    for name, article in result["articles"].items():
        assert "error" not in article, name
        assert article["missing"] == [] and article["clutter_in"] == [] and article["extra_text"] == "", name
        assert all(article[column] for column in COLUMNS), (name, article["found"])


def paragraphs(name: str) -> list[str]:
    return read_file(FIXTURES / name).text.split("\n\n")


def test_broadsheet_page() -> None:
    doc = read_file(FIXTURES / "broadsheet-odesa-port.txt")
    body = doc.text.split("\n\n")
    assert body[0].startswith("Ukraine has accused Russia of deliberately targeting grain infrastructure")
    assert body[-1].startswith("The talks, due to be held in Istanbul next week")
    assert len(body) == 8
    for clutter in ("Advertisement", "Related:", "Photograph:", "Explore more", "Most viewed", "Markets slide"):
        assert clutter not in doc.text
    assert doc.title == "Kyiv accuses Moscow of shelling grain port as export talks stall"
    assert doc.standfirst is not None and doc.standfirst.startswith("Strikes on Odesa hit warehouses")
    assert doc.authors == ["Marta Kovalenko", "Daniel Frost"]
    assert doc.dateline == "Kyiv"
    assert doc.date == datetime.date(2024, 12, 5)
    assert doc.publisher is None  # the page does not say


def test_wire_page_with_related_box_and_credit_lines() -> None:
    doc = read_file(FIXTURES / "wire-gaza-strikes.txt")
    body = doc.text.split("\n\n")
    assert body[0].startswith("Israeli airstrikes overnight killed")  # the dateline is metadata, not text
    assert body[-1].endswith("They do not distinguish between civilians and combatants in their count.")
    assert len(body) == 5
    for clutter in ("RELATED COVERAGE", "Aid groups warn", "contributed to this report", "Follow AP", "Copyright",
                    "Copy Link", "Updated"):
        assert clutter not in doc.text
    assert doc.title == "Israeli strikes kill 12 in central Gaza as ceasefire talks resume in Cairo"
    assert doc.authors == ["Samira Haddad", "Peter Olsen"]
    assert (doc.dateline, doc.agency) == ("Deir al-Balah", "AP")
    assert doc.date == datetime.date(2024, 12, 12)
    assert doc.publisher == "The Associated Press"


def test_policy_blog_with_repeated_pull_quote_and_author_note() -> None:
    doc = read_file(FIXTURES / "policy-blog-turkey-drones.txt")
    body = doc.text.split("\n\n")
    assert body[0].startswith("When Azerbaijani forces broke through Armenian lines in 2020")
    assert body[-1].startswith("For now, demand shows no sign of slowing.")
    assert len(body) == 7
    for clutter in ("punch above its diplomatic weight", "is a senior fellow", "Topics:", "Share on", "Photo:",
                    "Comments", "You might also like", "©"):
        assert clutter not in doc.text
    assert doc.title == "Turkey's drone diplomacy is reshaping wars far from Ankara"
    assert doc.standfirst == (
        "From Libya to the Caucasus, cheap armed drones have bought Turkey influence that its diplomats could not")
    assert doc.authors == ["Elena Markovic"]
    assert doc.date == datetime.date(2025, 3, 14)
    assert doc.publisher == "The Frontline Review"


@pytest.mark.parametrize(
    "page",
    [
        # a pull quote repeating a body sentence, with its dash attribution
        "Headline of the story here\n\nThe minister said the plan would cost far more than promised last year.\n\n"
        "'cost far more than promised last year'\n\n- Finance minister\n\nCritics agreed with the assessment.\n",
        # a teaser headline above a lone "Read more" link, next to a crosshead
        "Headline of the story here\n\nThe minister said the plan would cost far more than promised last year.\n\n"
        "Another story about something else\nRead more\n\nA crosshead\n\nCritics agreed with the assessment.\n",
    ],
)
def test_in_article_interruptions_are_removed(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    assert read_file(path).text == (
        "The minister said the plan would cost far more than promised last year.\n\nCritics agreed with the assessment."
    )


def test_stored_text_is_exact_page_text(tmp_path: Path) -> None:
    """Paragraph text is kept as written (quotes, dashes, non-breaking spaces inside lines) so offsets hold."""
    line = "Alexander\u00a0Smith — the envoy — said: “It’s over.”"
    path = tmp_path / "exact.txt"
    path.write_text(f"A headline for the page\n\n  {line}  \n\nA second paragraph of the article follows here.\n",
                    encoding="utf-8")
    assert read_file(path).text == f"{line}\n\nA second paragraph of the article follows here."


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    page = (
        "Port strike enters its second week\n\n"
        "Dock workers in the northern port extended their strike on Monday, leaving\n"
        "dozens of container ships waiting offshore and importers warning of empty\n"
        "shelves before the holidays.\n\n"
        "Union leaders said talks with the port authority had broken down over pay\n"
        "and the use of automated cranes.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(page, encoding="utf-8")
    doc = read_file(path)
    assert doc.text == (
        "Dock workers in the northern port extended their strike on Monday, leaving dozens of container ships "
        "waiting offshore and importers warning of empty shelves before the holidays.\n\n"
        "Union leaders said talks with the port authority had broken down over pay and the use of automated cranes."
    )
    assert doc.title == "Port strike enters its second week"


def test_bulleted_points_stay_in_the_body(tmp_path: Path) -> None:
    page = (
        "What the budget means for you\n\n"
        "The chancellor announced several changes on Wednesday that will affect most households.\n\n"
        "• Fuel duty frozen for another year\n"
        "• Income tax thresholds unchanged until 2028\n"
        "• Childcare support extended to all working parents\n\n"
        "Economists said the measures would cost about £12bn a year.\n"
    )
    path = tmp_path / "bullets.txt"
    path.write_text(page, encoding="utf-8")
    body = read_file(path).text.split("\n\n")
    assert body[0].startswith("The chancellor") and body[-1].startswith("Economists said")
    assert "• Income tax thresholds unchanged until 2028" in body


def test_public_broadcaster_page_with_caption_labels() -> None:
    doc = read_file(FIXTURES / "public-broadcaster-crimea-drones.txt")
    body = doc.text.split("\n\n")
    assert body[0].startswith("Russia says its air defences shot down 30 Ukrainian drones")
    assert body[-1].startswith("Military analysts say the drone campaign")
    assert len(body) == 5
    for clutter in ("Image caption", "Smoke rising", "stepped up drone attacks", "Related Topics", "Black Sea fleet",
                    "correspondent", "Published"):
        assert clutter not in doc.text
    assert doc.title == "Ukraine war: Russia says it downed 30 drones over Crimea"
    assert doc.authors == ["Sarah Whitcombe"]
    assert doc.date == datetime.date(2024, 12, 5)


LIVE_LEAD = (
    "Harl fraud trial live updates: mayor calls case a 'witch hunt'\n"
    "Mayor Ivo Brenner is on trial in Harl in a lawsuit that could cost him his fortune and his office, "
    "brought by the region's attorney general over a decade of alleged fraud.\n"
)
LIVE_HEADLINES = (  # a box of headlines, then posts, on a page copied without blank lines
    "Top headlines:\n"
    "Judge keeps a light touch\n"
    "Justice Lena Marsh appears to be enjoying her time overseeing the trial today, correcting both sides on "
    "minor points of procedure.\n"
    "Later, Marsh smiled when the same attorney adjusted his language and withdrew his words from the record.\n"
)


def test_a_top_headlines_label_inside_a_live_page_does_not_cut_the_lead_off(tmp_path: Path) -> None:
    page = (
        LIVE_LEAD
        + "Brenner is back in the courtroom for the second day of the trial, in which he and two aides are accused "
        "of inflating the value of city land sold to friends.\n"
        + LIVE_HEADLINES
    )
    path = tmp_path / "live.txt"
    path.write_text(page, encoding="utf-8")
    text = read_file(path).text
    assert text.startswith("Mayor Ivo Brenner is on trial") and "Justice Lena Marsh" in text, text
    assert "Top headlines" not in text and "Judge keeps a light touch" not in text, text


def test_a_summary_box_ends_at_the_first_paragraph_of_a_page_copied_without_blank_lines(tmp_path: Path) -> None:
    page = (
        LIVE_LEAD
        + LIVE_HEADLINES
        + "Mayor calls case a 'witch hunt'\n"
        "Leaving court during the break, Brenner told reporters that the valuations came with disclaimers.\n"
        '"This case is a witch hunt," Brenner said du'
    )
    path = tmp_path / "live.txt"
    path.write_text(page, encoding="utf-8")
    text = read_file(path).text
    assert text.endswith('"This case is a witch hunt," Brenner said du'), text
