"""The word lists of actor extraction (ingest/extract/rules/): general English news vocabulary, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.extract.normalise import fold, name_key

RULES_DIR = Path(__file__).resolve().parent / "rules"
_DEMONYM_ENDING = re.compile(r"(?:an|ian|ean|ese|ish|i|ic|ch)$")


def demonym_like(norm: str) -> bool:
    """A nationality-like ending ("Ruritanian", "Danish", "Chinese", "Iraqi"), for words no registry lists."""
    return bool(_DEMONYM_ENDING.search(norm))


def _lines(name: str) -> list[str]:
    text = (RULES_DIR / name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _keys(name: str) -> frozenset[str]:
    return frozenset(name_key(line) for line in _lines(name))


def _table(name: str) -> dict[str, list[str]]:
    rows = (line.split("\t") for line in _lines(name))
    return {name_key(row[0]): [cell.strip() for cell in row[1:]] for row in rows}


@dataclass(frozen=True)
class Vocabulary:
    """Every word list, folded (see normalise.fold) so lookups take token norms."""

    titles: frozenset[str]
    honorifics: frozenset[str]
    role_nouns: frozenset[str]
    collective_nouns: dict[str, str]
    opinion_collectives: frozenset[str]
    collective_modifiers: frozenset[str]
    source_nouns: frozenset[str]
    source_qualifiers: tuple[str, ...]
    platforms: frozenset[str]
    account_nouns: frozenset[str]
    locatives: frozenset[str]
    not_names: frozenset[str]
    org_heads: dict[str, str]
    name_refinements: dict[str, tuple[str, frozenset[str]]]
    media_descriptors: frozenset[str]
    type_descriptors: dict[str, str]
    state_institutions: dict[str, list[str]]
    anaphors: dict[str, tuple[frozenset[str], str]]
    speech_verbs: frozenset[str]
    place_suffixes: frozenset[str]
    hyphen_modifiers: frozenset[str]
    company_suffixes: frozenset[str]
    institutional_adjectives: frozenset[str]
    particles: frozenset[str]
    source_determiners: frozenset[str]
    auxiliaries: frozenset[str]
    stop_words: frozenset[str]
    longest_title: int


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    refinements = {key: (row[0], frozenset(row[1].split())) for key, row in _table("name_refinements.tsv").items()}
    anaphors = {key: (frozenset(row[0].split()), row[1] if len(row) > 1 else "")
                for key, row in _table("anaphors.tsv").items()}
    return Vocabulary(
        titles=_keys("titles.txt"),
        honorifics=_keys("honorifics.txt"),
        role_nouns=_keys("role_nouns.txt"),
        collective_nouns={key: row[0] for key, row in _table("collective_nouns.tsv").items()},
        opinion_collectives=_keys("opinion_collectives.txt"),
        collective_modifiers=_keys("collective_modifiers.txt"),
        source_nouns=_keys("source_nouns.txt"),
        source_qualifiers=tuple(_lines("source_qualifiers.txt")),
        platforms=_keys("platforms.txt"),
        account_nouns=_keys("account_nouns.txt"),
        locatives=_keys("locatives.txt"),
        not_names=frozenset(fold(line) for line in _lines("not_names.txt")),
        org_heads={key: row[0] for key, row in _table("org_heads.tsv").items()},
        name_refinements=refinements,
        media_descriptors=_keys("media_descriptors.txt"),
        type_descriptors={key: row[0] for key, row in _table("type_descriptors.tsv").items()},
        state_institutions=_table("state_institutions.tsv"),
        anaphors=anaphors,
        speech_verbs=_keys("speech_verbs.txt"),
        place_suffixes=_keys("place_suffixes.txt"),
        hyphen_modifiers=_keys("hyphen_modifiers.txt"),
        company_suffixes=_keys("company_suffixes.txt"),
        institutional_adjectives=_keys("institutional_adjectives.txt"),
        particles=_keys("name_particles.txt"),
        source_determiners=_keys("source_determiners.txt"),
        auxiliaries=_keys("auxiliaries.txt"),
        stop_words=frozenset(fold(w) for w in STOP_WORDS) | _keys("function_words.txt"),
        longest_title=max(len(t.split()) for t in _keys("titles.txt") | _keys("honorifics.txt")),
    )
