"""Known actors in a text: every label, variant, demonym and capital of the registry, matched on folded tokens.

Folding (normalise.py) makes the match insensitive to case, apostrophes, hyphens, diacritics and possessives. Guards
keep precision: an all-capitals variant ("US", "WTO") matches only all-capitals text; a one-word name must be
capitalised in the text; and a name that is only part of a longer capitalised name ("Israel Katz", "Michael Jordan",
"National Security Council") is left to discovery. A capital ("Lisbon", "Ottawa") stands for its state's government
unless the text shows it is the place: a locative word ("in Lisbon", "to Ottawa"), a place suffix ("a London-based
firm"), an indefinite article ("a Lisbon court"), or coordination with a place ("in Moldova and Romania"); a state's
own name used so ("in Canada", "a Cyprus-registered company") is a place too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ingest.extract.normalise import Token, tokens
from ingest.extract.registry import RegistryEntry
from ingest.extract.vocabulary import Vocabulary

_NAME_GAP = re.compile(r"[ \t\u00a0\-–‑]*")
_SPACED = re.compile(r"[ \t\u00a0]+")
_HYPHENS = ("-", "–", "‑")
_SENTENCE_MARKS = ("\n", ".", "!", "?", ":", ";", "\"", "“", "”", "(", "[", "—")
_COORDINATORS = {"and", "or"}
_INDEFINITE = {"a", "an"}
PLACE_ONLY = "Place"


class Use(Enum):
    ACTOR = "actor"  # the entry itself is meant
    METONYM = "metonym"  # a capital standing for its state
    DEMONYM = "demonym"  # a nationality adjective: material for groups and institutions, not a mention
    PLACE = "place"  # a place, or a state's name used as one


@dataclass(frozen=True)
class Hit:
    entry: RegistryEntry
    use: Use
    tokens: range


@dataclass(frozen=True)
class _Variant:
    entry: RegistryEntry
    use: Use
    acronym: bool


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name.strip()


class KnownNameMatcher:
    def __init__(self, entries: list[RegistryEntry]) -> None:
        self._variants: dict[tuple[str, ...], list[_Variant]] = {}
        for entry in entries:
            for name in entry.names:
                self._add(name, _Variant(entry, Use.PLACE if entry.is_place else Use.ACTOR, _is_acronym(name)))
            for name in entry.demonyms:
                self._add(name, _Variant(entry, Use.DEMONYM, False))
            for name in entry.metonyms:
                self._add(name, _Variant(entry, Use.METONYM, False))
        self._prefixes = {key[:n] for key in self._variants for n in range(1, len(key) + 1)}

    def _add(self, name: str, variant: _Variant) -> None:
        key = tuple(t.norm for t in tokens(name))
        if key and variant not in self._variants.setdefault(key, []):
            self._variants[key].append(variant)

    def find(self, words: list[Token], vocabulary: Vocabulary) -> list[Hit]:
        """Longest matches, left to right, never overlapping."""
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            hit = self._longest_at(words, i, vocabulary, hits[-1] if hits else None)
            if hit is None:
                i += 1
                continue
            if hit.use in (Use.ACTOR, Use.METONYM) and self._inside_longer_name(words, hit, vocabulary):
                i += 1
                continue
            hits.append(hit)
            i = hit.tokens.stop
        return hits

    def _starts_name(self, word: Token) -> bool:
        return (word.norm,) in self._prefixes

    def _inside_longer_name(self, words: list[Token], hit: Hit, vocabulary: Vocabulary) -> bool:
        """'Israel Katz', 'Michael Jordan', 'National Security Council': a capitalised word joins the name on one side."""
        first, stop = hit.tokens.start, hit.tokens.stop
        single = len(hit.tokens) == 1
        if single and words[first].acronym:
            return False
        before = words[first - 1] if first > 0 else None
        if before is not None and _SPACED.fullmatch(words[first].gap) and _joins_name(before, vocabulary) \
                and not _opens_sentence(before) and not before.possessive:
            return True
        after = words[stop] if stop < len(words) else None
        return (single and hit.use is Use.ACTOR and after is not None and _SPACED.fullmatch(after.gap) is not None
                and not words[stop - 1].possessive and _joins_name(after, vocabulary) and not self._starts_name(after))

    def _longest_at(self, words: list[Token], i: int, vocabulary: Vocabulary, previous: Hit | None) -> Hit | None:
        """Walk forward while the words so far begin some name; keep the longest whole name that fits."""
        best: Hit | None = None
        key: tuple[str, ...] = ()
        j = i
        while j < len(words):
            if j > i and (words[j - 1].possessive or not _NAME_GAP.fullmatch(words[j].gap)):
                break
            key += (words[j].norm,)
            if key not in self._prefixes:
                break
            variants = self._variants.get(key)
            if variants:
                span = words[i:j + 1]
                fitting = [v for v in variants if _surface_fits(v, span)]
                if fitting:
                    best = Hit(*_choose(fitting, words, i, j + 1, vocabulary, previous), range(i, j + 1))
            j += 1
        return best


def _surface_fits(variant: _Variant, span: list[Token]) -> bool:
    if variant.acronym:
        return all(w.acronym or not w.text[0].isalpha() for w in span)
    if len(span) == 1:
        return span[0].capitalised
    return any(w.capitalised for w in span)


def _joins_name(word: Token, vocabulary: Vocabulary) -> bool:
    """A capitalised word that can be another part of the same name (not a title, month, or function word)."""
    norm = word.norm
    return word.capitalised and not word.acronym and norm not in vocabulary.titles \
        and norm not in vocabulary.honorifics and norm not in vocabulary.role_nouns \
        and norm not in vocabulary.not_names and norm not in vocabulary.stop_words


def _opens_sentence(word: Token) -> bool:
    return word.position == 0 or any(mark in word.gap for mark in _SENTENCE_MARKS)


def _locative(words: list[Token], i: int, stop: int, vocabulary: Vocabulary, previous: Hit | None) -> bool:
    """The name at words i..stop-1 is used as a place: 'in Lisbon', 'a London-based firm', 'in Peru and Chile'."""
    if stop < len(words) and words[stop].gap in _HYPHENS and words[stop].norm in vocabulary.place_suffixes:
        return True
    if i == 0:
        return False
    if previous is not None and previous.use is Use.PLACE and previous.entry.type != PLACE_ONLY:
        coordinated = (previous.tokens.stop == i - 1 and words[i - 1].norm in _COORDINATORS) or (
            previous.tokens.stop == i and words[i].gap.strip() == ",")
        if coordinated:
            return True
    if not words[i].gap.strip(" \u00a0") == "":
        return False
    return words[i - 1].norm in vocabulary.locatives or words[i - 1].norm in _INDEFINITE


def _capital_starts_name(words: list[Token], i: int, stop: int) -> bool:
    """'Washington D.C.', 'Lima Province': the capital starts another name. ('pro-Ottawa Telegram' does not.)"""
    prefixed = i > 0 and words[i].gap in ("-", "–")
    return not prefixed and stop < len(words) and words[stop].capitalised and words[stop].gap in (" ", "\u00a0")


def _choose(variants: list[_Variant], words: list[Token], i: int, stop: int,
            vocabulary: Vocabulary, previous: Hit | None) -> tuple[RegistryEntry, Use]:
    """Pick what a matched name means here: an actor, a capital for its state, a demonym, or a place."""
    as_place = _locative(words, i, stop, vocabulary, previous)
    # a capital in capitals is the dateline of a wire story ("LISBON (Reuters) -"): the place
    dateline = words[i].acronym and len(words[i].text) > 3
    not_metonym = as_place or dateline or _capital_starts_name(words, i, stop)
    by_use = {v.use: v.entry for v in reversed(variants)}
    if Use.ACTOR in by_use:
        entry = by_use[Use.ACTOR]
        if entry.type == "State" and as_place:
            return entry, Use.PLACE
        return entry, Use.ACTOR
    if Use.METONYM in by_use and not not_metonym:
        return by_use[Use.METONYM], Use.METONYM
    if Use.PLACE in by_use:
        return by_use[Use.PLACE], Use.PLACE
    if Use.DEMONYM in by_use:
        return by_use[Use.DEMONYM], Use.DEMONYM
    return by_use[Use.METONYM], Use.PLACE
