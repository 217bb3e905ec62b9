"""The words the reading stage recognises, all of them data from the lexicon's word tables (load_word_tables): month
and weekday names, name particles and connectors, news and photo agencies (words/news-agencies.tsv), and the desk and
masthead words of bylines (words/bylines.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newskg.ingest.extract.lexicon.words import WORDS_DIR, load_word_tables


def _alternation(words: set[str] | frozenset[str]) -> str:
    """A regex alternation of words, longest first so that 'september' wins over 'sep'."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class ReadingWords:
    months: frozenset[str]  # folded month names and their abbreviations
    weekdays: frozenset[str]  # folded weekday names
    name_particles: frozenset[str]  # lower-case words inside names ("de", "al", "van")
    name_connectors: frozenset[str]  # lower-case words inside organisations' names ("of", "and", "&")
    agencies: dict[str, str]  # folded agency name -> its name as the table writes it
    photo_agencies: frozenset[str]  # folded names of the agencies whose kind is photo
    desk: frozenset[str]
    masthead: frozenset[str]  # words of outlets' names (bylines.tsv) and nouns of media (media-nouns.tsv)

    @property
    def month_pattern(self) -> str:
        """A month name or abbreviation in any case (an optional full stop after it), as named group "month"."""
        return rf"(?P<month>(?i:{_alternation(self.months)}))\.?"

    @property
    def any_month(self) -> str:
        """A month name or abbreviation, an optional full stop after it; no group."""
        return rf"(?i:{_alternation(self.months)})\.?"

    @property
    def weekday_pattern(self) -> str:
        """A weekday, written out or cut to its first three letters."""
        return _alternation(self.weekdays | {w[:3] for w in self.weekdays})

    @property
    def agency_pattern(self) -> str:
        """Any agency name, case as the table writes it (case matters: 'AP', not 'ap')."""
        return _alternation(frozenset(self.agencies.values()))

    def agency(self, name: str) -> str | None:
        """The agency a credit names ("Reuters", "(AFP)"), as written in the table; None when it names none."""
        return self.agencies.get(name.strip(" ()[]").casefold())


@lru_cache(maxsize=1)
def reading_words(directory: Path = WORDS_DIR) -> ReadingWords:
    tables = load_word_tables(directory)
    return ReadingWords(
        months=tables.grammar.get("month", frozenset()),
        weekdays=tables.grammar.get("weekday", frozenset()),
        name_particles=tables.name_particles,
        name_connectors=tables.grammar.get("name-connector", frozenset()),
        agencies=tables.agencies,
        photo_agencies=tables.photo_agencies,
        desk=tables.desk_words,
        masthead=tables.masthead_words | tables.media_nouns,
    )
