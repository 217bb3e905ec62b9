"""Known actors in a text: every label, variant, demonym and capital of the registry, matched on folded tokens.

Folding (normalise.py) makes the match insensitive to case, apostrophes, hyphens, diacritics and possessives. Two
guards keep precision: an all-capitals variant ("US", "WTO") matches only all-capitals text, and a one-word name must
be capitalised in the text. A capital ("Lisbon", "Ottawa") stands for its state's government unless a locative word
shows it is the place ("in Lisbon", "to Ottawa"); a state's own name used as a place ("in Canada") is a place too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ingest.extract.normalise import Token, tokens
from ingest.extract.registry import RegistryEntry
from ingest.extract.vocabulary import Vocabulary

_NAME_GAP = re.compile(r"[ \t\u00a0\-–‑]*")


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
            hit = self._longest_at(words, i, vocabulary)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.tokens.stop
        return hits

    def _longest_at(self, words: list[Token], i: int, vocabulary: Vocabulary) -> Hit | None:
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
                    best = Hit(*_choose(fitting, words, i, j + 1, vocabulary), range(i, j + 1))
            j += 1
        return best


def _surface_fits(variant: _Variant, span: list[Token]) -> bool:
    if variant.acronym:
        return all(w.acronym or not w.text[0].isalpha() for w in span)
    if len(span) == 1:
        return span[0].capitalised
    return any(w.capitalised for w in span)


def _locative(words: list[Token], i: int, vocabulary: Vocabulary) -> bool:
    if i == 0 or not words[i].gap.strip(" \u00a0") == "":
        return False
    previous = words[i - 1]
    if previous.norm in vocabulary.locatives:
        return True
    return False


def _inside_longer_name(words: list[Token], i: int, stop: int) -> bool:
    """'Washington D.C.', 'Lima Province': the capital starts another name. ('pro-Ottawa Telegram' does not.)"""
    prefixed = i > 0 and words[i].gap in ("-", "–")
    return not prefixed and stop < len(words) and words[stop].capitalised and words[stop].gap in (" ", "\u00a0")


def _choose(variants: list[_Variant], words: list[Token], i: int, stop: int,
            vocabulary: Vocabulary) -> tuple[RegistryEntry, Use]:
    """Pick what a matched name means here: an actor, a capital for its state, a demonym, or a place."""
    as_place = _locative(words, i, vocabulary)
    # a capital in capitals is the dateline of a wire story ("LISBON (Reuters) -"): the place
    dateline = words[i].acronym and len(words[i].text) > 3
    not_metonym = as_place or dateline or _inside_longer_name(words, i, stop)
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
