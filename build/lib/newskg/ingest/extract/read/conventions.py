"""How pages state their metadata (metadata.toml), compiled once with the reading words: byline openers, credit roles,
date labels, publisher self-descriptions and kicker genres."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newskg.ingest.extract.read.vocabulary import ReadingWords, reading_words

CONVENTIONS_FILE = Path(__file__).with_name("metadata.toml")


def _words(items: list[str]) -> str:
    """An alternation of words or phrases (spaces match any run of spaces), longest first."""
    return "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class Conventions:
    words: ReadingWords
    byline: re.Pattern[str]  # "By <rest>"
    byline_tail: re.Pattern[str]  # what ends a byline's names
    author_note_verbs: tuple[str, ...]  # "<author> is ...": a closing note about the author
    author_roles: str  # alternation: roles whose people are authors ("reporting by")
    credit_roles: str  # alternation: every role of a credit line
    agency_lines: tuple[re.Pattern[str], ...]  # a line crediting an agency (group agency, perhaps outlet)
    date_labels: str  # alternation: words beside a date on a date line
    published_labels: re.Pattern[str]
    self_description: re.Pattern[str]  # what follows an outlet's name when it describes itself
    kicker_genres: frozenset[str]


@lru_cache(maxsize=1)
def conventions(path: Path = CONVENTIONS_FILE) -> Conventions:
    with path.open("rb") as f:
        data = tomllib.load(f)
    credit = data["credit"]
    return Conventions(
        words=reading_words(),
        byline=re.compile(rf"^(?:{_words(data['byline']['openers'])})\s+(?P<rest>\S.*)$", re.IGNORECASE),
        byline_tail=re.compile(data["byline"]["tail"], re.IGNORECASE),
        author_note_verbs=tuple(data["byline"]["author_note_verbs"]),
        author_roles=_words(credit["author_roles"]),
        credit_roles=_words(credit["author_roles"] + credit["other_roles"]),
        agency_lines=tuple(re.compile(p, re.IGNORECASE) for p in credit["agency_line"]),
        date_labels=_words(data["dates"]["labels"]),
        published_labels=re.compile(rf"\b(?:{_words(data['dates']['published'])})\b", re.IGNORECASE),
        self_description=re.compile(rf"\s+(?:{'|'.join(data['publisher']['self_description'])})\b", re.IGNORECASE),
        kicker_genres=frozenset(g.lower() for g in data["kicker"]["genres"]),
    )
