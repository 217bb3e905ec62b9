"""The body's paragraphs without the page furniture inside them: a date stamp and a dateline opening the first
paragraph, an agency's sign-off closing a paragraph, a closing note about the author."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from newskg.ingest.extract.read.conventions import conventions
from newskg.ingest.extract.read.credits import sign_off
from newskg.ingest.extract.read.dateline import Dateline, read_opening
from newskg.ingest.extract.read.dates import opening_stamp
from newskg.ingest.extract.read.lines import Line, normalised


@dataclass(frozen=True)
class Opening:
    """What opens the first paragraph before the article's own words."""

    stamp: datetime.date | None  # a date stamp a scraper ran into the text
    dateline: Dateline | None
    start: int  # where the article's own words start


def read_first(paragraph: str) -> Opening:
    stamp, start = opening_stamp(paragraph)
    dateline = read_opening(paragraph[start:])
    return Opening(stamp=stamp, dateline=dateline, start=start + (dateline.end if dateline else 0))


def _without_author_note(body: list[Line], authors: tuple[str, ...]) -> list[Line]:
    """The body minus a closing note about its author ('Jane Doe is a senior fellow at ...')."""
    notes = tuple(f"{name} {verb} " for name in authors for verb in conventions().author_note_verbs)
    while len(body) > 1 and notes and body[-1].text.startswith(notes):
        body = body[:-1]
    return body


def body_paragraphs(body: list[Line], authors: tuple[str, ...], title: str | None) -> list[str]:
    """The article's paragraphs, each the exact text of the page (cut only at its start or its end)."""
    lines = _without_author_note(body, authors)
    if title and len(lines) > 1 and normalised(lines[0].text) == normalised(title):
        lines = lines[1:]  # the headline, where a page's main content holds it
    paragraphs = [line.text for line in lines]
    if paragraphs:
        paragraphs[0] = paragraphs[0][read_first(paragraphs[0]).start:]
    paragraphs = [text[: sign_off(text)[1]].rstrip() for text in paragraphs]
    return [text for text in paragraphs if text]
