"""Dates written on a page: a date inside a line, the publication date among the lines around the body, and a date
stamp that a scraper ran into the start of the first paragraph ("date 2024-12-05 The minister said ...")."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from newskg.ingest.extract.read.conventions import conventions
from newskg.ingest.extract.read.lines import Kind, Line

MAX_DATE_LINE_EXTRA_WORDS = 3
_ISO_DATE = r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"


@dataclass(frozen=True)
class DatePatterns:
    dates: tuple[re.Pattern[str], ...]  # each with groups day, month, year
    labels: re.Pattern[str]  # the words and times a date line may hold besides its date
    stamp: re.Pattern[str]  # an ISO date, with its label, opening a paragraph


@lru_cache(maxsize=1)
def patterns() -> DatePatterns:
    rules = conventions()
    month, weekday = rules.words.month_pattern, rules.words.weekday_pattern
    day = r"(?P<day>\d{1,2})(?:[a-z]{2})?"  # an ordinal's letters: "5th"
    return DatePatterns(
        dates=(
            re.compile(rf"\b{day}\s+{month},?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
            re.compile(rf"\b{month}\s+{day},?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
            re.compile(rf"\b{_ISO_DATE}\b"),
        ),
        labels=re.compile(rf"(?<!\w)(?:{rules.date_labels}|(?:{weekday})\w*)(?!\w)|\d{{1,2}}[:.]\d\d", re.IGNORECASE),
        stamp=re.compile(rf"^\s*(?:(?:{rules.date_labels})\s*:?\s*)?{_ISO_DATE}(?:[T ][\d:.+Z-]+)?\s+(?=\S)",
                         re.IGNORECASE),
    )


def _month_number(name: str) -> int:
    return int(name) if name.isdigit() else datetime.datetime.strptime(name[:3].title(), "%b").month


def _as_date(match: re.Match[str]) -> datetime.date | None:
    try:
        return datetime.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
    except ValueError:
        return None


def date_in(text: str) -> tuple[datetime.date, re.Match[str]] | None:
    for pattern in patterns().dates:
        for match in pattern.finditer(text):
            found = _as_date(match)
            if found is not None:
                return found, match
    return None


def opening_stamp(paragraph: str) -> tuple[datetime.date | None, int]:
    """A date stamp opening a paragraph: its date and the characters it takes (0 when there is none)."""
    match = patterns().stamp.match(paragraph)
    return (_as_date(match), match.end()) if match else (None, 0)


def is_date_line(text: str) -> bool:
    """A line that is a date and little else (labels such as 'Published', a time or a zone)."""
    found = date_in(text)
    if found is None:
        return False
    match = found[1]
    rest = patterns().labels.sub(" ", text[: match.start()] + " " + text[match.end():])
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= MAX_DATE_LINE_EXTRA_WORDS


def publication_date(lines: list[Line]) -> datetime.date | None:
    """A line that is a date, or a byline carrying one; 'published' beats 'updated'. Dates inside captions or prose
    are events, not publication dates."""
    candidates: list[tuple[int, datetime.date]] = []
    for line in lines:
        found = date_in(line.text)
        if found is not None and (line.kind is Kind.BYLINE or is_date_line(line.text)):
            rank = 0 if conventions().published_labels.search(line.text) else 1
            candidates.append((rank, found[0]))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None
