"""Date expressions in text, normalised against the publication date to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' with a
granularity (year, month, day).

The grammar is built once from the word tables (grammar.tsv: month and weekday names, and the date-* categories).
Calendar arithmetic resolves the common shapes (a month, a weekday, "last year", "yesterday"): exact, and far faster
than dateparser, which resolves the rest ("some two weeks ago"; it takes a second to warm up on first use). A weekday
is the latest such day up to the publication date, the base's own weekday being that very day ("reported Tuesday" in
Tuesday's paper) where dateparser would put it a week back. Without a publication date only expressions carrying a
year resolve; "in November" then stays unresolved (value None).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.model import Span

_YEAR = r"(?P<year>(?:19|20)\d\d)"
WINDOW = 48  # characters around an anchor word that a date expression can span


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: str | None
    granularity: str | None


def _either(phrases: Iterable[str], *, name: bool = False) -> str:
    """An alternation of phrases, longest first: names capitalised as written in text, other words in any case."""
    ordered = sorted(phrases, key=len, reverse=True)
    if name:
        return "(?:" + "|".join(re.escape(p[:1].upper() + p[1:]) for p in ordered) + ")"
    return "(?i:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) + ")"


def _month(name: str) -> tuple[int, bool]:
    """A month name's number, and whether it is the full name (not an abbreviation)."""
    for form, pattern in ((name, "%B"), (name[:3], "%b")):
        try:
            return datetime.strptime(form.title(), pattern).month, pattern == "%B"
        except ValueError:
            continue
    raise ValueError(f"not a month name: {name!r}")


def _at(value: date, granularity: str) -> tuple[str, str]:
    if granularity == "day":
        return value.isoformat(), granularity
    return (value.strftime("%Y-%m") if granularity == "month" else f"{value.year:04d}"), granularity


@lru_cache(maxsize=4096)
def _with_dateparser(expression: str, unit: str, base: date) -> tuple[str, str] | None:
    import dateparser  # imported on first use (a tenth of a second): most articles never need it

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return _at(parsed.date(), unit if unit in ("month", "year") else "day") if parsed else None


class DateReader:
    """Finds and resolves date expressions; built once per lexicon."""

    def __init__(self, words: WordTables) -> None:
        def group(category: str) -> frozenset[str]:
            return words.grammar.get(category, frozenset())

        self.words = words
        months = {w: _month(w) for w in group("month")}
        self.months = {w: number for w, (number, _) in months.items()}
        self.weekdays = {w: time.strptime(w[:3].title(), "%a").tm_wday for w in group("weekday")}
        self.shift = {
            w: n
            for n, category in ((-1, "date-previous"), (0, "date-current"), (1, "date-next"))
            for w in group(category)
        }
        self.days = {
            w: n
            for n, category in ((-1, "date-yesterday"), (0, "date-today"), (1, "date-tomorrow"))
            for w in group(category)
        }
        full = [m for m, (_, is_full) in months.items() if is_full]
        short = [m for m in months if m not in full]
        month = rf"(?P<month>{_either(full, name=True)}|{_either(short, name=True)}\.?)"
        day = rf"(?P<day>[0-3]?\d)(?:{_either(group('ordinal-suffix'))})?"
        # a month that is also an auxiliary ("may") is a month only after a preposition, a part or a deixis word
        plain = [m for m in full if not words.is_("auxiliary", m)]
        part = rf"(?:(?i:the\s+)?{_either(group('date-part'))}(?i:\s+of)?[\s-]+)"
        lead = rf"(?:\b{_either(group('date-preposition') | set(self.shift))}\s+{part}?|\b{part})"
        shift = rf"(?P<shift>{_either(self.shift)})"
        unit = rf"(?P<unit>{_either(group('date-unit'))})"
        anchors = set(self.months) | set(self.weekdays) | set(self.days) | group("date-unit")
        self.anchor = re.compile(rf"\d|\b{_either(anchors)}")
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            (kind, re.compile(p))
            for kind, p in [
                ("full", rf"\b{day}\s+(?:of\s+)?{month},?\s+{_YEAR}\b"),
                ("full", rf"\b{month}\s+{day},?\s+{_YEAR}\b"),
                ("iso", rf"\b{_YEAR}-(?P<number>[01]\d)-(?P<day>[0-3]\d)\b"),
                ("month_year", rf"(?:{part})?{month}\s+(?:of\s+)?{_YEAR}\b"),
                ("day_month", rf"\b{day}\s+(?:of\s+)?{month}(?!\w)"),
                ("day_month", rf"\b{month}\s+{day}\b(?![:.]\d)"),
                ("month", rf"{lead}{month}(?!\w)"),
                ("month", rf"\b{part}?(?P<month>{_either(plain, name=True)})\b"),
                ("weekday", rf"\b(?:{shift}\s+)?(?P<weekday>{_either(self.weekdays, name=True)})\b"),
                ("relative", rf"\b{shift}\s+{unit}\b"),
                ("ago", rf"\b(?:\d{{1,2}}|[A-Za-z]+)\s+{unit}s?\s+{_either(group('date-ago'))}\b"),
                ("named_day", rf"\b(?P<named_day>{_either(self.days)})\b"),
                ("year", rf"(?<![\w$£€.,-]){_YEAR}(?![\w%-]|[.,]\d)"),  # not an amount, a range, a decimal
            ]
        ]

    def find(self, text: str, base: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
        """Every date expression in text[start:end], in text order; where two overlap the earlier pattern wins."""
        windows = self._windows(text, start, len(text) if end is None else end)
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in self.patterns:
            for match in (m for low, high in windows for m in pattern.finditer(text, low, high)):
                s, e = match.span()
                if any(s < te and ts < e for ts, te in taken) or (kind == "year" and self._counts_something(text, e)):
                    continue
                taken.append((s, e))
                found.append(DateMention(Span(s, e, text[s:e]), *(self.resolve(kind, match, base) or (None, None))))
        return sorted(found, key=lambda d: d.span.start)

    def _windows(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Stretches around digits and month, weekday, unit and day words: the only places a date can be (scanning
        only them keeps the many patterns cheap)."""
        windows: list[tuple[int, int]] = []
        for anchor in self.anchor.finditer(text, start, end):
            low, high = max(start, anchor.start() - WINDOW), min(end, anchor.end() + WINDOW)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], high)
            else:
                windows.append((low, high))
        return windows

    def resolve(self, kind: str, match: re.Match[str], base: date | None) -> tuple[str, str] | None:
        """(value, granularity) for a matched expression, or None when it cannot be resolved (without a base)."""
        groups = match.groupdict()
        month = self.months[groups["month"].lower().rstrip(".")] if groups.get("month") else 0
        try:
            if kind in ("full", "iso"):
                return _at(date(int(groups["year"]), month or int(groups["number"]), int(groups["day"])), "day")
            if kind == "month_year":
                return f"{int(groups['year']):04d}-{month:02d}", "month"
            if kind == "year":
                return groups["year"], "year"
            if base is None:
                return None
            if kind == "day_month":
                value = date(base.year, month, int(groups["day"]))
                return _at(value if value <= base else date(base.year - 1, month, value.day), "day")
        except ValueError:
            return None
        shift = self.shift[" ".join(groups["shift"].lower().split())] if groups.get("shift") else 0
        if kind == "month":
            return f"{base.year if month <= base.month else base.year - 1:04d}-{month:02d}", "month"
        if kind == "weekday":
            return _at(_weekday(base, self.weekdays[groups["weekday"].lower()], shift), "day")
        if kind == "relative":
            return _relative(groups["unit"].lower(), shift, base)
        if kind == "named_day":
            return _at(base + timedelta(days=self.days[groups["named_day"].lower()]), "day")
        return _with_dateparser(" ".join(match.group(0).lower().split()), groups["unit"].lower(), base)

    def _counts_something(self, text: str, end: int) -> bool:
        """'2000 drones': a four-digit number before a plural noun counts things (unless 'the 2022 elections')."""
        if not re.match(r"\s+[a-z]+s\b", text[end : end + 40]):
            return False
        before = text[max(0, end - 16) : end - 4].split()
        word = before[-1].lower() if before else ""
        return not (self.words.is_("determiner", word) or word in self.shift or word.endswith(("'s", "’s")))


def _weekday(base: date, weekday: int, shift: int) -> date:
    """'Tuesday' in Tuesday's paper is that day; 'last Tuesday' a week back; 'next Tuesday' a week on."""
    if shift > 0:
        return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    return base - timedelta(days=(base.weekday() - weekday) % 7 or (7 if shift < 0 else 0))


def _relative(unit: str, shift: int, base: date) -> tuple[str, str]:
    """'last year', 'this month', 'next week' (a week is told to the month: 'last week' may be last month)."""
    if unit == "year":
        return str(base.year + shift), "year"
    if unit == "month":
        months = base.year * 12 + base.month - 1 + shift
        return _at(date(months // 12, months % 12 + 1, 1), "month")
    day = base + timedelta(days=shift * (7 if unit == "week" else 1))
    return _at(day, "day" if unit == "day" else "month")


class DateIndex:
    """Every date expression of an article, found once, looked up by character range."""

    def __init__(self, reader: DateReader, text: str, base: date | None) -> None:
        self.mentions = tuple(reader.find(text, base))

    def within(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.mentions if start <= d.span.start and d.span.end <= end]
