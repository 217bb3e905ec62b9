"""Metadata stated in copied page text: headline, standfirst, bylines (authors, outlet, place), credits and datelines
(place and wire agency), publisher and publication date, read from the lines around the body and the body's opening."""

from __future__ import annotations

import re
from functools import lru_cache

from newskg.ingest.extract.read.body import read_first
from newskg.ingest.extract.read.byline import Byline, parse_byline, read_names
from newskg.ingest.extract.read.conventions import conventions
from newskg.ingest.extract.read.credits import credit_line, sign_off
from newskg.ingest.extract.read.dateline import Dateline, dateline_line
from newskg.ingest.extract.read.dates import date_in, publication_date
from newskg.ingest.extract.read.fields import PageMetadata
from newskg.ingest.extract.read.headline import KICKER, headline_and_standfirst
from newskg.ingest.extract.read.lines import Kind, Line
from newskg.ingest.extract.read.plaintext import PageParts

_NAME_WORD = r"[A-Z][\w'’.-]*"
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?\s*,?\s*(?P<name>(?:The )?{_NAME_WORD}"
    rf"(?:\s+(?!All\b){_NAME_WORD}){{0,5}})",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _self_description() -> re.Pattern[str]:
    """An outlet's name, then what it says of itself ("<Name> delivers independent coverage ...")."""
    rules = conventions()
    connectors = "|".join(re.escape(w) for w in sorted(rules.words.name_connectors))
    outlet = rf"(?P<name>(?:The )?{_NAME_WORD}(?:\s+(?:{connectors}|{_NAME_WORD})){{0,6}}?)"
    return re.compile(rf"^{outlet}{rules.self_description.pattern}", re.IGNORECASE)


def _publisher(header: list[Line], footer: list[Line]) -> str | None:
    """An outlet describing itself, else the holder of the page's copyright, else the name in a "Genre | Name"
    kicker."""
    for line in footer + header:
        match = _self_description().match(line.text)
        if match:
            return match["name"].rstrip(".")
    for line in footer + header:
        match = _COPYRIGHT.search(line.text)
        if match:
            return match["name"].strip().rstrip(".")
    for line in header:
        match = KICKER.match(line.text)
        if match and match["genre"].strip().lower() in conventions().kicker_genres:
            return match["name"].strip()
    return None


def _bare_byline(header: list[Line], index: int, outlets: tuple[str, ...]) -> Byline | None:
    """A header line of names only ('Jane Doe in Nairobi and John Roe', 'Jane Doe, Staff Writer'), with a place,
    a desk, a second name or a date line beside it."""
    line = header[index]
    if line.kind is not Kind.SHORT or KICKER.match(line.text):
        return None
    found = read_names(line.text, outlets)
    if not found.authors or found.others:
        return None
    neighbours = header[max(index - 1, 0): index] + header[index + 1: index + 2]
    if found.place or found.desk or len(found.authors) > 1 or any(date_in(n.text) for n in neighbours):
        return found
    return None


def _bylines(header: list[Line], outlets: tuple[str, ...]) -> tuple[list[Line], Byline]:
    lines, found = [], Byline()
    for i, line in enumerate(header):
        byline = parse_byline(line.text, outlets) if line.kind is Kind.BYLINE else _bare_byline(header, i, outlets)
        if byline is not None:
            lines.append(line)
            found = found.joined(byline)
    return lines, found


def _credits(parts: PageParts) -> Byline:
    """Credit lines anywhere on the page, and agency sign-offs closing the body's paragraphs."""
    found = Byline()
    for line in parts.lines:
        if line.kind is Kind.CLUTTER:
            found = found.joined(credit_line(line.text) or Byline())
    for line in parts.body:
        found = found.joined(Byline(agency=sign_off(line.text)[0]))
    return found


def _dateline(parts: PageParts) -> Dateline | None:
    """The body's opening dateline, else a line of its own above the body ('Jhabua, Madhya Pradesh:',
    'AFP/Paris')."""
    if parts.body:
        found = read_first(parts.body[0].text).dateline
        if found is not None:
            return found
    return next((d for d in (dateline_line(line.text) for line in reversed(parts.header)) if d), None)


def metadata_from_page(parts: PageParts) -> PageMetadata:
    header = parts.header
    publisher = _publisher(header, parts.footer)
    byline_lines, byline = _bylines(header, (publisher,) if publisher else ())
    credits = _credits(parts)
    dateline = _dateline(parts)
    # the headline comes before the byline; what follows it is sharing buttons, dates and captions
    above_byline = [line for line in header if not byline_lines or line.number < byline_lines[0].number]
    title, standfirst = headline_and_standfirst(above_byline, publisher)
    stamp = read_first(parts.body[0].text).stamp if parts.body else None
    return PageMetadata(
        title=title,
        standfirst=standfirst,
        publisher=publisher or byline.outlet or credits.outlet,
        authors=byline.authors + tuple(a for a in credits.authors if a not in byline.authors),
        date=publication_date(header + parts.footer) or stamp,
        dateline=byline.place or (dateline.place if dateline else None),
        agency=(dateline.agency if dateline else None) or byline.agency or credits.agency,
    )
