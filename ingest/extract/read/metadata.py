"""Metadata stated in copied page text: headline, standfirst, byline (authors and dateline), publisher and
publication date, read from the lines around the body (and the body's opening dateline)."""

from __future__ import annotations

import datetime
import re

from ingest.extract.read.clutter import ClutterRules
from ingest.extract.read.fields import PageMetadata
from ingest.extract.read.lines import Kind, Line, word_count
from ingest.extract.read.plaintext import PageParts

MIN_HEADLINE_WORDS = 3
MIN_STANDFIRST_WORDS = 8
MAX_DATE_LINE_EXTRA_WORDS = 3

_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|story by)\s+(?P<rest>.+)$", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+|\s*\b(?:published|updated|posted)\b", re.IGNORECASE)
_NAME_WORD = r"[A-Z][\w'’.-]*"
_PLACE = re.compile(rf"\s+in\s+(?P<place>{_NAME_WORD}(?:[\s,]+{_NAME_WORD}){{0,3}})$")
_NAME_SEPARATORS = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le", "ter"}
_OPENING_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}[A-Z])(?:,\s*[\w.'’ ]{1,30}){0,2}\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+"
)
_KICKER = re.compile(r"^(?P<genre>[^|·•]{2,30}?)\s*[|·•]\s*(?P<name>[^|·•]{2,50})$")
_SELF_DESCRIPTION = re.compile(
    rf"^(?P<name>(?:The )?{_NAME_WORD}(?:\s+(?:of|for|and|&|the|{_NAME_WORD})){{0,6}}?)\s+"
    r"(?:delivers|publishes|provides|brings you|is an? (?:independent|non-?profit|not-for-profit|award-winning|"
    r"leading|digital|online|global|reader-funded))\b"
)
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?\s*,?\s*(?P<name>(?:The )?{_NAME_WORD}"
    rf"(?:\s+(?!All\b){_NAME_WORD}){{0,5}})",
    re.IGNORECASE,
)
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATES = [
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]
_DATE_LABELS = re.compile(
    r"\b(?:first |last )?(?:published|posted|updated|modified|date|on|at|am|pm|utc|gmt|bst|cet|est|edt|et|pt|"
    r"mon|tue|wed|thu|fri|sat|sun)\w*\b|\d{1,2}[:.]\d\d",
    re.IGNORECASE,
)


def _month_number(name: str) -> int:
    return int(name) if name.isdigit() else datetime.datetime.strptime(name[:3].title(), "%b").month


def date_in(text: str) -> tuple[datetime.date, re.Match[str]] | None:
    for pattern in _DATES:
        for match in pattern.finditer(text):
            try:
                found = datetime.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            except ValueError:
                continue
            return found, match
    return None


def _publication_date(lines: list[Line]) -> datetime.date | None:
    """A line that is a date (with labels such as 'Published', a time or a zone), or a byline carrying one;
    'published' beats 'updated'. Dates inside captions or prose are events, not publication dates."""
    candidates: list[tuple[int, datetime.date]] = []
    for line in lines:
        found = date_in(line.text)
        if found is None:
            continue
        day, match = found
        rest = _DATE_LABELS.sub(" ", line.text[: match.start()] + " " + line.text[match.end() :])
        extra_words = len(re.findall(r"[^\W\d_]{2,}", rest))
        if line.kind is Kind.BYLINE or extra_words <= MAX_DATE_LINE_EXTRA_WORDS:
            rank = 0 if re.search(r"published|posted", line.text, re.IGNORECASE) else 1
            candidates.append((rank, day))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _is_person_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _names_and_place(text: str) -> tuple[list[str], list[str], str | None]:
    """Split 'Jane Doe in Nairobi and John Roe' into (names, parts that are not names, first place)."""
    names: list[str] = []
    others: list[str] = []
    dateline = None
    for part in _NAME_SEPARATORS.split(text.strip()):
        place = _PLACE.search(part)
        if place:
            dateline = dateline or place["place"].strip(" ,")
            part = part[: place.start()]
        (names if _is_person_name(part.strip()) else others).append(part.strip())
    return names, others, dateline


def parse_byline(text: str) -> tuple[list[str], str | None]:
    """'By Jane Doe and John Roe in Nairobi' -> (['Jane Doe', 'John Roe'], 'Nairobi')."""
    match = _BYLINE.match(text.strip())
    if match is None:
        return [], None
    names, _, dateline = _names_and_place(_BYLINE_TAIL.split(match["rest"], maxsplit=1)[0])
    return names, dateline


def _is_bare_byline(header: list[Line], index: int) -> bool:
    """A header line of names only ('Jane Doe in Nairobi and John Roe'), placed or next to the date line."""
    line = header[index]
    if line.kind is not Kind.SHORT or _KICKER.match(line.text):
        return False
    names, others, place = _names_and_place(line.text)
    if not names or others:
        return False
    neighbours = header[max(index - 1, 0) : index] + header[index + 1 : index + 2]
    return place is not None or len(names) > 1 or any(date_in(n.text) for n in neighbours)


def _place_name(capitals: str) -> str:
    """'DEIR AL-BALAH' -> 'Deir al-Balah'."""
    words = capitals.strip().title().split()
    return " ".join(
        [words[0]]
        + [
            re.sub(r"^(\w+)(?=-)", lambda m: m[1].lower() if m[1].lower() in _NAME_PARTICLES else m[1], w)
            for w in words[1:]
        ]
    )


def opening_dateline(first_paragraph: str) -> str | None:
    """'NAIROBI, Kenya (AP) — ...' -> 'Nairobi'."""
    match = _OPENING_DATELINE.match(first_paragraph)
    return _place_name(match["place"]) if match else None


def _publisher(header: list[Line], footer: list[Line], rules: ClutterRules) -> str | None:
    for line in footer + header:
        match = _SELF_DESCRIPTION.match(line.text)
        if match:
            return match["name"].rstrip(".")
    for line in footer + header:
        match = _COPYRIGHT.search(line.text)
        if match:
            return match["name"].strip().rstrip(".")
    for line in header:
        match = _KICKER.match(line.text)
        if match and match["genre"].strip().lower() in rules.kicker_genres:
            return match["name"].strip()
    return None


def _headline_and_standfirst(header: list[Line]) -> tuple[str | None, str | None]:
    """Among the header's title-like lines, the last two are headline and standfirst when the second is the
    longer; otherwise the last is the headline. Earlier ones are image alt texts, section names and the like."""
    candidates = [
        line.text
        for line in header
        if line.kind in (Kind.SHORT, Kind.PROSE)
        and word_count(line.text) >= MIN_HEADLINE_WORDS
        and not _KICKER.match(line.text)
        and date_in(line.text) is None
    ]
    if not candidates:
        return None, None
    if len(candidates) >= 2:
        headline, standfirst = candidates[-2], candidates[-1]
        if word_count(standfirst) >= MIN_STANDFIRST_WORDS and word_count(standfirst) > word_count(headline):
            return headline, standfirst
    return candidates[-1], None


def _byline_parts(line: Line) -> tuple[list[str], str | None]:
    if line.kind is Kind.BYLINE:
        return parse_byline(line.text)
    names, _, place = _names_and_place(line.text)
    return names, place


def metadata_from_page(parts: PageParts, rules: ClutterRules) -> PageMetadata:
    header = parts.header
    bylines = [line for i, line in enumerate(header) if line.kind is Kind.BYLINE or _is_bare_byline(header, i)]
    authors: list[str] = []
    dateline = None
    for line in bylines:
        names, place = _byline_parts(line)
        authors.extend(name for name in names if name not in authors)
        dateline = dateline or place
    if dateline is None and parts.body:
        dateline = opening_dateline(parts.body[0].text)
    # the headline comes before the byline; what follows it is sharing buttons, dates and captions
    above_byline = [line for line in header if not bylines or line.number < bylines[0].number]
    title, standfirst = _headline_and_standfirst(above_byline)
    return PageMetadata(
        title=title,
        standfirst=standfirst,
        publisher=_publisher(header, parts.footer, rules),
        authors=tuple(authors),
        date=_publication_date(header + parts.footer),
        dateline=dateline,
    )
