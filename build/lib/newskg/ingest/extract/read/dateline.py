"""Datelines: where a story was filed and which wire it came from.

    "KYIV, Ukraine (AP) — ..."            opening a paragraph: place Kyiv, agency AP
    "TRENTON, N.J., Feb 6 (Reuters) - ..."  place Trenton, agency Reuters (the date is not an agency)
    "KUALA LUMPUR (Jan 14): ..."           place Kuala Lumpur
    "(Reuters) - ..."                      agency only
    "Jhabua, Madhya Pradesh:"              a line of its own just above the body
    "AFP/Paris"                            a credit line: agency and place

A dateline's place is written in capitals, or given a line of its own; a word in capitals is a place here, never an
actor. The dateline is not the article's text: read_opening says how many characters of the paragraph it takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newskg.ingest.extract.read.conventions import conventions

_DASH = r"(?:[—–―]|--?)"
_SEPARATOR = rf"\s*(?:{_DASH}|:)\s*(?=\S)"
_CAPITALS_WORD = r"[A-Z][A-Z'’.-]*[A-Z.]|[A-Z]"
_NAME_WORD = r"[A-Z][\w'’.-]*"
MIN_PLACE_LETTERS = 3  # "US - China talks" opens with no place; "ROME —" does


@dataclass(frozen=True)
class Dateline:
    place: str | None
    agency: str | None
    end: int = 0  # characters of the paragraph the dateline takes (0 for a line of its own)


@dataclass(frozen=True)
class _Patterns:
    opening: re.Pattern[str]
    capitals_line: re.Pattern[str]  # the opening's dateline alone on its line: "MOSCOW —"
    agency_only: re.Pattern[str]
    own_line: re.Pattern[str]
    agency_place: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = conventions().words
    date = rf"\d{{1,2}}\s+{words.any_month}(?:\s+\d{{4}})?|\d{{4}}"  # "9 April 2026", "2026" ("April 9" is name-like)
    named_place = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{'|'.join(sorted(words.name_particles))}))*"
    capitals = (rf"^(?P<place>(?:{_CAPITALS_WORD})(?:\s+(?:{_CAPITALS_WORD})){{0,4}})"
                rf"(?P<region>(?:,\s*(?:{date}|{_NAME_WORD}(?:\s+[\w'’.]+){{0,3}})){{0,3}})"
                rf"\s*(?:\((?P<paren>[^()]{{1,40}})\))?")
    return _Patterns(
        opening=re.compile(rf"{capitals}{_SEPARATOR}"),
        capitals_line=re.compile(rf"{capitals}\s*(?:{_DASH}|:)\s*$"),
        agency_only=re.compile(rf"^\((?P<paren>[A-Z][^()]{{0,39}})\)\s*{_DASH}\s*(?=\S)"),
        own_line=re.compile(rf"^(?P<place>{named_place})(?P<region>(?:,\s*{named_place}){{1,2}})\s*:$"),
        agency_place=re.compile(rf"^(?P<agency>{words.agency_pattern})\s*/\s*(?P<place>{_NAME_WORD}.{{0,40}})$"),
    )


def place_name(written: str) -> str:
    """A place as a name: 'DEIR AL-BALAH' -> 'Deir al-Balah'; a name not in capitals is kept as written."""
    if not written.isupper():
        return written.strip()
    particles = conventions().words.name_particles
    words = written.strip().title().split()

    def lower_particle(word: str) -> str:
        return re.sub(r"^(\w+)(?=-)", lambda m: m[1].lower() if m[1].lower() in particles else m[1], word)

    return " ".join([words[0]] + [lower_particle(w) for w in words[1:]])


def _agency(paren: str | None) -> str | None:
    """What a dateline's brackets credit; a date in them ("Jan 14") is none."""
    if paren is None or re.search(r"\d", paren):
        return None
    return conventions().words.agency(paren) or paren.strip()


def _is_kicker(words: str) -> bool:
    """'BREAKING:', 'ANALYSIS -': a label written in capitals, not a place."""
    return words.strip(" .").lower() in conventions().kicker_genres


def _capitals(found: re.Match[str] | None) -> Dateline | None:
    """A place in capitals, with what follows it: a region, a date, an agency in brackets."""
    if found and not _is_kicker(found["place"]) and (
            found["paren"] or found["region"] or len(re.findall(r"[A-Z]", found["place"])) >= MIN_PLACE_LETTERS):
        return Dateline(place=place_name(found["place"]), agency=_agency(found["paren"]), end=found.end())
    return None


def read_opening(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, if there is one."""
    found = _capitals(_patterns().opening.match(paragraph))
    if found:
        return found
    found = _patterns().agency_only.match(paragraph)
    if found and _agency(found["paren"]):
        return Dateline(place=None, agency=_agency(found["paren"]), end=found.end())
    return None


def dateline_line(text: str) -> Dateline | None:
    """A line that is nothing but a dateline: 'MOSCOW —', 'Jhabua, Madhya Pradesh:' or 'AFP/Paris'."""
    capitals = _capitals(_patterns().capitals_line.match(text))
    if capitals:
        return Dateline(place=capitals.place, agency=capitals.agency)
    found = _patterns().own_line.match(text)
    if found:
        return Dateline(place=found["place"], agency=None)
    found = _patterns().agency_place.match(text)
    if found:
        return Dateline(place=found["place"].strip(), agency=conventions().words.agency(found["agency"]))
    return None


def opening_dateline_end(text: str) -> int:
    """Where a dateline opening the text's first paragraph ends (an offset into text), 0 when none opens it."""
    start = len(text) - len(text.lstrip())
    paragraph = re.split(r"\n\s*\n", text[start:], maxsplit=1)[0]
    opening = read_opening(paragraph)
    return start + opening.end if opening is not None else 0
