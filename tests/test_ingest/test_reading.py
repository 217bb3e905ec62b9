"""Reading article files: formats, metadata precedence, folder expansion, and a clear error for every bad input."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from newskg.ingest.errors import ExtractionError, InputError
from newskg.ingest.extract.read import MetadataOverrides, article_files, read_bytes, read_file
from newskg.ingest.iris import IriMinter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

ARTICLE_TEXT = (
    "Talks collapse as envoy walks out\n\n"
    "By Jane Doe in Geneva\n\n"
    "The envoy left the conference on Monday after delegates rejected his proposal for a truce.\n\n"
    "Sign up for our daily newsletter\n\n"
    "“We have nothing more to discuss,” he told reporters outside the hall.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# formats

def test_plain_text_body_and_byline(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path / "a.txt", ARTICLE_TEXT))
    assert doc.text == (
        "The envoy left the conference on Monday after delegates rejected his proposal for a truce.\n\n"
        "“We have nothing more to discuss,” he told reporters outside the hall."
    )
    assert (doc.title, doc.authors, doc.dateline) == ("Talks collapse as envoy walks out", ["Jane Doe"], "Geneva")
    assert doc.source_format == "text" and doc.source_name == "a.txt"
    assert doc.key == IriMinter.article_key(None, doc.text)


def test_html_body_without_furniture_and_declared_metadata() -> None:
    doc = read_file(FIXTURES / "html-ceasefire-talks.html")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("Mediators in Qatar said on Wednesday")
    assert paragraphs[-1] == "The talks are expected to continue in Cairo next week, according to an Egyptian official."
    assert len(paragraphs) == 4
    for clutter in ("Sign up", "Reuters", "Related", "Aid convoys", "Share on", "©", "By Leila"):
        assert clutter not in doc.text
    assert doc.title == "Mediators report progress in Gaza ceasefire talks"
    assert doc.publisher == "Harbour Post"
    assert doc.authors == ["Leila Nassar", "Tom Hartley"]
    assert doc.date == datetime.date(2025, 1, 8)
    assert doc.url == "https://harbourpost.example/world/2025/01/08/ceasefire-talks"
    assert doc.key == IriMinter.article_key(doc.url, doc.text)
    assert doc.source_format == "html"


def test_json_fields_and_cleaned_text() -> None:
    doc = read_file(FIXTURES / "scraper-grain-deal.json")
    assert doc.source_format == "json"
    assert doc.title == "Black Sea grain corridor extended for another six months"
    assert doc.publisher == "Daily Wire Example"
    assert doc.authors == ["Anna Petrova", "Kemal Aydin"]
    assert doc.date == datetime.date(2024, 11, 18)
    assert doc.url == "https://dailywire.example/business/grain-deal-extended"
    assert "newsletter" not in doc.text
    assert doc.text.count("\n\n") == 2


def test_json_with_html_and_single_author(tmp_path: Path) -> None:
    html = (FIXTURES / "html-ceasefire-talks.html").read_text(encoding="utf-8")
    data = {"html": html, "author": "Someone Else", "source": "Scraped Source", "url": "https://x.example/1"}
    doc = read_file(write(tmp_path / "b.json", json.dumps(data)))
    assert doc.text.startswith("Mediators in Qatar")
    assert (doc.authors, doc.publisher, doc.url) == (["Someone Else"], "Scraped Source", "https://x.example/1")


@pytest.mark.parametrize(
    ("name", "content", "media_type", "expected"),
    [
        ("article", ARTICLE_TEXT, None, "text"),
        ("article", json.dumps({"text": ARTICLE_TEXT}), None, "json"),
        ("article", (FIXTURES / "html-ceasefire-talks.html").read_text(encoding="utf-8"), None, "html"),
        ("article.bin", json.dumps({"text": ARTICLE_TEXT}), "application/json; charset=utf-8", "json"),
    ],
)
def test_format_from_media_type_or_content(name: str, content: str, media_type: str | None, expected: str) -> None:
    assert read_bytes(content.encode(), name, media_type).source_format == expected


def test_non_utf8_cp1252_is_decoded(tmp_path: Path) -> None:
    text = ARTICLE_TEXT.replace("envoy left", "envoy’s aide, a café owner’s son, left")
    doc = read_file(write(tmp_path / "legacy.txt", text.encode("cp1252")))
    assert "envoy’s aide, a café owner’s son, left" in doc.text
    assert "“We have nothing more to discuss,”" in doc.text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path / "wide.txt", ARTICLE_TEXT.encode("utf-16")))
    assert doc.text.startswith("The envoy left")


def test_crlf_newlines_are_normalised(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path / "crlf.txt", ARTICLE_TEXT.replace("\n", "\r\n").encode()))
    assert "\r" not in doc.text and doc.authors == ["Jane Doe"]


# metadata precedence: overrides > sidecar > page

def test_sidecar_metadata_beats_page(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", ARTICLE_TEXT)
    write(tmp_path / "story.meta.json", json.dumps(
        {"title": "Sidecar title", "publisher": "Sidecar Press", "authors": ["A. N. Other"],
         "published": "2024-03-02", "url": "https://sidecar.example/story"}))
    doc = read_file(article)
    assert (doc.title, doc.publisher, doc.authors) == ("Sidecar title", "Sidecar Press", ["A. N. Other"])
    assert doc.date == datetime.date(2024, 3, 2)
    assert doc.key == IriMinter.article_key("https://sidecar.example/story", doc.text)
    assert doc.dateline == "Geneva"  # not in the sidecar: the page's value stays


def test_overrides_beat_sidecar(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", ARTICLE_TEXT)
    write(tmp_path / "story.meta.json", json.dumps({"title": "Sidecar title", "date": "2024-03-02"}))
    overrides = MetadataOverrides(title="Option title", authors=(), date=datetime.date(2023, 1, 1))
    doc = read_file(article, overrides)
    assert (doc.title, doc.authors, doc.date) == ("Option title", [], datetime.date(2023, 1, 1))


def test_bad_sidecar_is_named(tmp_path: Path) -> None:
    article = write(tmp_path / "story.txt", ARTICLE_TEXT)
    write(tmp_path / "story.meta.json", json.dumps({"published": "not a date at all"}))
    with pytest.raises(InputError, match=r"story\.meta\.json.*not a date"):
        read_file(article)


# folders

def test_article_files_expands_folders_sorted_without_sidecars_or_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "sub/c.json", "b.meta.json", ".hidden.txt", ".git/config", "sub/.DS_Store"):
        write(tmp_path / "in" / name, "x")
    single = write(tmp_path / "single.txt", "x")
    found = article_files([tmp_path / "in", single, single])
    assert found == [tmp_path / "in" / "a.html", tmp_path / "in" / "b.txt", tmp_path / "in" / "sub" / "c.json", single]


def test_article_files_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        article_files([tmp_path / "nope"])


# bad input: a clear error naming the file and the problem

@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", r"empty\.txt: empty file"),
        ("blank.txt", b" \n\t\n ", r"blank\.txt: empty file"),
        ("nul.txt", b"Some text\x00\x01\x02 with NUL bytes", r"nul\.txt: binary file \(contains NUL bytes\)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), r"image\.txt: binary file \(a PNG image\)"),
        ("ctrl.txt", b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd" * 20, r"ctrl\.txt: binary file \(too many control"),
        ("mixed.txt", "Café ".encode() + "naïve".encode("cp1252"), r"mixed\.txt: mixed text encodings"),
        ("list.json", b"[1, 2]", r"list\.json: JSON must be an object.*not a list"),
        ("broken.json", b'{"text": "unterminated', r"broken\.json: not valid JSON"),
        ("nobody.json", b'{"title": "Only a title"}', r'nobody\.json: JSON article needs a non-empty "text" or "html"'),
        ("types.json", b'{"text": ["a", "b"]}', r"types\.json: field 'text' must be a string, not list"),
        ("title.json", b'{"text": "A sentence here.", "title": 5}', r"title\.json: field 'title' must be a string"),
        ("authors.json", b'{"text": "A sentence here.", "authors": [1]}', r"authors\.json: field 'authors' must be"),
        ("date.json", b'{"text": "A sentence here.", "published": "someday"}', r"date\.json: 'someday' is not a date"),
    ],
)
def test_bad_input_is_a_clear_input_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_file(write(tmp_path / name, content))


def test_undecodable_bytes_are_rejected_naming_the_encoding(tmp_path: Path) -> None:
    noise = bytes(b for b in range(0x80, 0x100)) * 8
    with pytest.raises(InputError, match=r"noise\.txt: not UTF-8 \(invalid UTF-8 at byte 0\)"):
        read_file(write(tmp_path / "noise.txt", noise))


def test_too_large_is_rejected_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", ARTICLE_TEXT)
    with pytest.raises(InputError, match=r"big\.txt: too large \(\d+ bytes; the limit is 100\)"):
        read_file(path, max_bytes=100)
    with pytest.raises(InputError, match=r"upload: too large"):
        read_bytes(ARTICLE_TEXT.encode(), "upload", max_bytes=100)


def test_missing_file_and_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="not a file"):
        read_file(tmp_path)


def test_page_that_is_all_clutter_has_no_body() -> None:
    with pytest.raises(ExtractionError, match=r"all-clutter\.txt: no article body found"):
        read_file(FIXTURES / "all-clutter.txt")


def test_html_without_article_has_no_body() -> None:
    html = b"<html><body><nav><a href='/'>Home</a></nav><p>Subscribe now</p></body></html>"
    with pytest.raises(ExtractionError, match="page.html: no article body found"):
        read_bytes(html, "page.html")


def test_html_subheadings_do_not_split_the_body() -> None:
    paragraphs = "".join(
        f"<p>Officials said measure {n} would take effect next month after a vote in parliament on Tuesday.</p>"
        for n in range(3))
    html = (
        "<html><head><title>Budget vote</title></head><body><article><h1>Budget vote passes</h1>"
        + paragraphs + "<h2>What changes</h2><h3>For households</h3>"
        + "<p>Households will pay less for heating under the new rules, the ministry said in a statement.</p>"
        + "</article></body></html>"
    )
    doc = read_bytes(html.encode(), "vote.html")
    assert doc.text.startswith("Officials said measure 0") and doc.text.count("\n\n") == 3
    last = "Households will pay less for heating under the new rules, the ministry said in a statement."
    assert doc.text.endswith(last)
