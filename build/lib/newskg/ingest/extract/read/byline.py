"""Bylines: who wrote a story, for which outlet, from where.

    "By Jane Doe and John Roe in Nairobi"    authors Jane Doe, John Roe; place Nairobi
    "By Jane Doe Daily Courier"              author Jane Doe; outlet Daily Courier (run together on the page)
    "Jane Doe, Staff Writer"                 author Jane Doe (a desk, not a name)
    "By Reuters | Published 5 Dec 2024"      outlet and agency Reuters; no author

Desk and masthead words come from ontology/lexicon/words/bylines.tsv, agencies from news-agencies.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskg.ingest.extract.read.conventions import conventions

MAX_NAME_WORDS = 5
_NAME_WORD = r"[A-Z][\w'’.-]*"
_PLACE = re.compile(rf"\s+in\s+(?P<place>{_NAME_WORD}(?:[\s,]+{_NAME_WORD}){{0,3}})$")
_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+and\s+|\s*&\s*")
_FOR_OUTLET = re.compile(r"\s+for\s+(?=(?:the\s+)?[A-Z])", re.IGNORECASE)
_INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.?$")


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    agency: str | None = None
    place: str | None = None
    desk: str | None = None  # "Staff Writer", "Business Desk"
    others: tuple[str, ...] = ()  # parts that are neither names, nor desks, nor outlets

    def joined(self, other: Byline) -> Byline:
        return Byline(
            authors=self.authors + tuple(a for a in other.authors if a not in self.authors),
            outlet=self.outlet or other.outlet, agency=self.agency or other.agency, place=self.place or other.place,
            desk=self.desk or other.desk, others=self.others + other.others)


def _lower(tokens: list[str]) -> list[str]:
    return [t.lower().strip(".,") for t in tokens]


def is_person_name(tokens: list[str]) -> bool:
    words = conventions().words
    lowered = _lower(tokens)
    return (
        2 <= len(tokens) <= MAX_NAME_WORDS
        and all(t[:1].isupper() or low in words.name_particles for t, low in zip(tokens, lowered))
        and not any(low in words.desk for low in lowered)
        and lowered[-1] not in words.masthead
        and words.agency(" ".join(tokens)) is None
    )


def _name_length(tokens: list[str]) -> int:
    """How many of a run of capitalised words are the person's name when an outlet follows: two, more for initials
    and particles ("John Q. Public", "Ana de la Cruz")."""
    particles = conventions().words.name_particles
    length = 2
    while length < len(tokens) and (
            _INITIAL.match(tokens[length - 1]) or tokens[length - 1].lower() in particles
            or tokens[length].lower() in particles):
        length += 1
    return length


def outlet_name(tokens: list[str]) -> str | None:
    """An outlet named by these words (after dropping a desk: "Daily Courier Staff"), or None."""
    words = conventions().words
    while tokens and _lower(tokens)[-1] in words.desk:
        tokens = tokens[:-1]
    if not tokens:
        return None
    name = " ".join(tokens)
    agency = words.agency(name)
    if agency:
        return agency
    capitalised = all(t[:1].isupper() for t in tokens if t.lower() not in words.name_connectors)
    if len(tokens) >= 2 and capitalised and (_lower(tokens)[-1] in words.masthead or tokens[0] == "The"):
        return name
    return None


def _is_desk(tokens: list[str]) -> bool:
    return bool(tokens) and _lower(tokens)[-1] in conventions().words.desk


def _read_part(part: str, outlets: tuple[str, ...]) -> Byline:
    """One name, desk or outlet, or a name run together with an outlet or a desk."""
    words = conventions().words
    agency = words.agency(part)
    if agency:
        return Byline(outlet=agency, agency=agency)
    for outlet in outlets:  # an outlet the page names elsewhere, run together with the name
        if part.endswith(" " + outlet) and is_person_name(part[: -len(outlet)].split()):
            return Byline(authors=(part[: -len(outlet)].strip(),), outlet=outlet)
    tokens = part.split()
    head, tail = tokens[: _name_length(tokens)], tokens[_name_length(tokens):]
    run_together = bool(tail) and all(t[:1].isupper() for t in tail)  # "Jane Doe Staff Writer", not "Europe editor"
    desk_only = all(low in words.desk for low in _lower(tail))
    if run_together and is_person_name(head) and (outlet_name(tail) or desk_only):
        outlet = outlet_name(tail)
        return Byline(authors=(" ".join(head),), outlet=outlet, agency=words.agency(outlet or ""),
                      desk=" ".join(tail) if desk_only else None)
    if is_person_name(tokens):
        return Byline(authors=(part,))
    if _is_desk(tokens):
        return Byline(outlet=outlet_name(tokens), desk=part)
    outlet = outlet_name(tokens)
    return Byline(outlet=outlet) if outlet else Byline(others=(part,))


def read_names(text: str, outlets: tuple[str, ...] = ()) -> Byline:
    """The names, desks, outlets and place of a byline without its opener: 'Jane Doe in Nairobi and John Roe'."""
    found = Byline()
    names, *outlet_part = _FOR_OUTLET.split(text.strip(), maxsplit=1)
    outlet = outlet_part[0] if outlet_part else ""
    for part in _SEPARATORS.split(names):
        place = _PLACE.search(part)
        if place:
            found = found.joined(Byline(place=place["place"].strip(" ,")))
            part = part[: place.start()]
        if found.authors and _is_desk(part.split()):  # "Jane Doe, Senior Political Reporter": her desk
            found = found.joined(Byline(outlet=outlet_name(part.split()), desk=part.strip()))
        elif part.strip():
            found = found.joined(_read_part(part.strip(), outlets))
    if outlet:
        found = found.joined(Byline(outlet=outlet_name(outlet.split()) or outlet.strip()))
    return found


def parse_byline(text: str, outlets: tuple[str, ...] = ()) -> Byline | None:
    """'By Jane Doe and John Roe in Nairobi' -> authors and place; None when the line is no byline."""
    rules = conventions()
    match = rules.byline.match(text.strip())
    if match is None:
        return None
    return read_names(rules.byline_tail.split(match["rest"], maxsplit=1)[0], outlets)
