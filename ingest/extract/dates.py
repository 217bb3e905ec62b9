"""Date expressions in text, normalised against the publication date to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' with a
granularity (year, month, day).

Calendar arithmetic for the common shapes (a month, a weekday, "last year") is done here: it is exact and ~100x faster
than dateparser, which handles the rest ("about a month ago"). dateparser resolves a weekday equal to the base's weekday
a week back; news means that very day ("reported Tuesday" in Tuesday's paper), so that case is corrected. Without a
publication date only absolute expressions (with a year) resolve; "in November" then stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from ingest.model import Span

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"]
_MONTH_ABBR = {name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)} | {"sept": 9}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PART = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_NUMBER = r"(?P<number>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(p)) for kind, p in [
    ("full", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+{_YEAR}\b"),
    ("full", rf"\b(?P<month>{_MONTH})\s+{_DAY},?\s+{_YEAR}\b"),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("month_year", rf"\b{_PART}(?P<month>{_MONTH})\s+(?:of\s+)?{_YEAR}\b"),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})(?!\w)"),
    ("day_month", rf"\b(?P<month>{_MONTH})\s+{_DAY}\b(?![:.]\d)"),
    ("month", rf"(?:\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Tt]his|[Ee]arly|[Mm]id|[Ll]ate|[Ff]rom|[Tt]o|of)[\s-]+)"
              rf"{_PART}(?P<month>{_MONTH})\b"),
    ("month", r"\b(?P<month>(?:January|February|March|April|June|July|August|September|October|November|December))"
              r"\b"),
    ("weekday", rf"\b(?:(?:on|last|this|next)\s+)?(?P<weekday>{_WEEKDAY})\b"),
    ("relative", r"\b(?:yesterday|today|(?:earlier|later)\s+this\s+(?:week|month|year)|(?:this|last|the\s+past)\s+"
                 r"(?:week|month|year))\b"),
    ("ago", rf"\b(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?{_NUMBER}\s+{_UNIT}\s+ago\b"),
    ("year", rf"(?<![\w$£€-]){_YEAR}(?![\w%-]|\s*(?:drones|people|fighters|troops|km|miles))"),
]]
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: str | None
    granularity: str | None


def _month_number(name: str) -> int:
    return _MONTH_ABBR[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _month_back(base: date, months: int) -> tuple[int, int]:
    index = base.year * 12 + base.month - 1 - months
    return index // 12, index % 12 + 1


def _relative(words: str, base: date) -> tuple[str, str]:
    if words == "today":
        return base.isoformat(), "day"
    if words == "yesterday":
        return (base - timedelta(days=1)).isoformat(), "day"
    unit = words.split()[-1]
    back = 1 if words.startswith("last") else 0
    if unit == "year":
        return str(base.year - back), "year"
    if unit == "month":
        year, month = _month_back(base, back)
        return f"{year:04d}-{month:02d}", "month"
    day = base - timedelta(days=7 * back)
    return f"{day.year:04d}-{day.month:02d}", "month"


@lru_cache(maxsize=4096)
def _with_dateparser(expression: str, base: date) -> tuple[str, str] | None:
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    result = parsed.date()
    if result == base - timedelta(days=7) and any(day in expression.lower() for day in _WEEKDAYS):
        result = base  # dateparser's week-back for the base's own weekday
    unit = re.search(r"(day|week|month|year)", expression)
    granularity = {"month": "month", "year": "year"}.get(unit.group(1) if unit else "day", "day")
    return {"day": result.isoformat(), "month": result.isoformat()[:7], "year": result.isoformat()[:4]}[granularity], \
        granularity


def normalise(kind: str, match: re.Match[str], base: date | None) -> tuple[str, str] | None:
    """(value, granularity) for a matched expression, or None when it cannot be resolved without a base date."""
    groups = match.groupdict()
    if kind in {"full", "iso"}:
        month = int(groups["mon"]) if kind == "iso" else _month_number(groups["month"])
        try:
            return date(int(groups["year"]), month, int(groups["day"])).isoformat(), "day"
        except ValueError:
            return None
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{_month_number(groups['month']):02d}", "month"
    if kind == "year":
        return groups["year"], "year"
    if base is None:
        return None
    if kind == "day_month":
        month, day = _month_number(groups["month"]), int(groups["day"])
        try:
            value = date(base.year, month, day)
            return (value if value <= base else date(base.year - 1, month, day)).isoformat(), "day"
        except ValueError:
            return None
    if kind == "month":
        month = _month_number(groups["month"])
        year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        back = (base.weekday() - _WEEKDAYS.index(groups["weekday"].lower())) % 7
        return (base - timedelta(days=back)).isoformat(), "day"
    if kind == "relative":
        return _relative(" ".join(match.group(0).lower().split()).replace("the past", "last"), base)
    return _with_dateparser(" ".join(match.group(0).lower().split()), base)


_ANCHOR = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
                     r"yesterday|today|week|month|year|ago)", re.IGNORECASE)
_WINDOW = 48  # characters around an anchor that a date expression can span


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches around digits and month, weekday or time words: the only places a date expression can be."""
    windows: list[tuple[int, int]] = []
    for anchor in _ANCHOR.finditer(text, start, end):
        low, high = max(start, anchor.start() - _WINDOW), min(end, anchor.end() + _WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def find_dates(text: str, start: int, end: int, base: date | None) -> list[DateMention]:
    """Every date expression in text[start:end], in text order, longest first where two overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(text, start, end)
    for kind, pattern in _PATTERNS:
        for match in (m for low, high in windows for m in pattern.finditer(text, low, high)):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            value = normalise(kind, match, base)
            found.append(DateMention(Span(s, e, text[s:e]), *(value or (None, None))))
    return sorted(found, key=lambda d: d.span.start)


class DateIndex:
    """Every date expression of a text found once, then looked up by range (the stages ask many times)."""

    def __init__(self, text: str, base: date | None) -> None:
        self.mentions = find_dates(text, 0, len(text), base)

    def within(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.mentions if start <= d.span.start and d.span.end <= end]

    def first_from(self, offset: int) -> DateMention | None:
        """The first expression starting at or after the offset."""
        return next((m for m in self.mentions if m.span.start >= offset), None)
