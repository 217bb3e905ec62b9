"""Atom (RFC 4287) documents from feed entries. Entry ids are the IRIs of what they announce, so they never change;
an entry's date is its article's date of publication (EPOCH, "unknown", when the article has none).

Written with the standard library's ElementTree (which escapes every text and attribute): feedgen 1.0.0, the
usual library, drops the rel and type of every entry link (its issue #135, open), which would turn an entry's
`related` link into a second `alternate` one — invalid Atom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import xml.etree.ElementTree as ET

from newskg.ingest import __version__

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MEDIA_TYPE = "application/atom+xml"
ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    id: str                        # the IRI of the article, allegation or statement
    title: str
    page: str                      # its page on this server
    updated: datetime
    summary: str = ""
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    related: str = ""              # the article's own address, when it is a web address


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    self_url: str
    page: str                      # the page the feed follows
    updated: datetime
    entries: list[Entry] = field(default_factory=list)


def entry_time(value: str | None) -> datetime:
    """'2024-12-02' (or a longer xsd:dateTime) → midnight UTC that day; EPOCH for no date."""
    try:
        return datetime.combine(date.fromisoformat((value or "")[:10]), datetime.min.time(), timezone.utc)
    except ValueError:
        return EPOCH


def xml_text(text: str) -> str:
    """Characters XML 1.0 cannot carry are dropped (article text may hold control characters)."""
    return _NOT_XML.sub("", text)


def _time(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {name: xml_text(value) for name, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def atom_document(feed: Feed) -> bytes:
    root = ET.Element("feed", {"xmlns": ATOM})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    _add(root, "subtitle", feed.subtitle)
    _add(root, "updated", _time(feed.updated))
    _add(_add(root, "author"), "name", "newskg")
    _add(root, "generator", "newskg", version=__version__)
    _add(root, "link", href=feed.self_url, rel="self", type=MEDIA_TYPE)
    _add(root, "link", href=feed.page, rel="alternate", type="text/html")
    for item in feed.entries:
        entry = _add(root, "entry")
        _add(entry, "id", item.id)
        _add(entry, "title", item.title or item.id)
        _add(entry, "updated", _time(item.updated))
        _add(entry, "published", _time(item.updated))
        _add(entry, "link", href=item.page, rel="alternate", type="text/html")
        if item.related:
            _add(entry, "link", href=item.related, rel="related", type="text/html")
        if item.summary:
            _add(entry, "summary", item.summary)
        for author in item.authors:
            _add(_add(entry, "author"), "name", author)
        for term in item.categories:
            _add(entry, "category", term=term)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document
