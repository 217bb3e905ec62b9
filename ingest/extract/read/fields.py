"""Article metadata as a value, from whichever source gave it (page text, HTML, JSON, sidecar, CLI options),
and the rules for reading it from a JSON-like mapping."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields, replace
from typing import Any

from newskg.ingest.errors import InputError

TITLE_KEYS = ("title", "headline")
PUBLISHER_KEYS = ("publisher", "source", "site_name", "sitename")
AUTHOR_KEYS = ("authors", "author")
DATE_KEYS = ("published", "date", "published_at", "publication_date", "datePublished")
STANDFIRST_KEYS = ("standfirst", "description", "summary")


@dataclass(frozen=True)
class PageMetadata:
    """None means "not known"; an empty authors tuple means "known to have no named author"."""

    title: str | None = None
    standfirst: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] | None = None
    date: datetime.date | None = None
    url: str | None = None
    dateline: str | None = None
    agency: str | None = None  # the wire agency a dateline or a credit names

    def overlaid_by(self, other: PageMetadata) -> PageMetadata:
        """These values, with every value other knows put in their place."""
        given = {f.name: getattr(other, f.name) for f in fields(other) if getattr(other, f.name) is not None}
        return replace(self, **given)


def parse_date(value: str) -> datetime.date | None:
    """A publication date from ISO 8601 or a written date ('5 December 2024'); None when it is not one."""
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # imported on first use (a tenth of a second): only dates that are not ISO 8601 need it

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _string(mapping: dict[str, Any], keys: tuple[str, ...], source: str) -> str | None:
    for key in keys:
        value = mapping.get(key)
        if value is None:
            continue
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            value = value["name"]
        if not isinstance(value, str):
            raise InputError(f"{source}: field {key!r} must be a string, not {type(value).__name__}")
        if value.strip():
            return value.strip()
    return None


def _authors(mapping: dict[str, Any], source: str) -> tuple[str, ...] | None:
    for key in AUTHOR_KEYS:
        value = mapping.get(key)
        if value is None:
            continue
        items = value if isinstance(value, list) else [value]
        names: list[str] = []
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                item = item["name"]
            if not isinstance(item, str):
                raise InputError(f"{source}: field {key!r} must be a name or a list of names")
            names.extend(part.strip() for part in item.split(";") if part.strip())
        return tuple(names)
    return None


def _date(mapping: dict[str, Any], source: str) -> datetime.date | None:
    text = _string(mapping, DATE_KEYS, source)
    if text is None:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise InputError(f"{source}: {text!r} is not a date (expected e.g. 2024-12-05)")
    return parsed


def metadata_from_mapping(mapping: dict[str, Any], source: str) -> PageMetadata:
    """Metadata from a scraper's JSON object or a sidecar file; source names it in error messages."""
    return PageMetadata(
        title=_string(mapping, TITLE_KEYS, source),
        standfirst=_string(mapping, STANDFIRST_KEYS, source),
        publisher=_string(mapping, PUBLISHER_KEYS, source),
        authors=_authors(mapping, source),
        date=_date(mapping, source),
        url=_string(mapping, ("url", "link"), source),
        dateline=_string(mapping, ("dateline",), source),
        agency=_string(mapping, ("agency",), source),
    )
