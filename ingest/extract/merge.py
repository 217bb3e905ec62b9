"""One actor per key: near-duplicate discovered names in one article are folded together before Actors are built.

"Aleksandr Petrov" / "Alexander Petrov" (rapidfuzz), "Rashid" / "Omar al-Rashid" (a surname alone), "LDM" /
"Lisbon Daily Mail" (an acronym of the name's initials). Registry actors keep their own keys; a discovered name merges
into a registry actor only through the registry's own variants.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ingest.extract.candidates import Found, NEW
from ingest.extract.normalise import fold, name_tokens as tokens
from ingest.extract.vocabulary import Vocabulary

NAME_SIMILARITY = 90.0
_PEOPLE = {"Person"}
_NOT_ORGS = {"Person", "AnonymousSource", "ActorGroup"}


def _family(kind: str) -> str:
    return kind if kind in _NOT_ORGS else "Organization"


def _initials(label: str, vocabulary: Vocabulary) -> str:
    return "".join(t.text[0] for t in tokens(label)
                   if t.norm not in vocabulary.particles and t.norm not in {"of", "for", "the", "and"}).upper()


def _acronym_opens(short: tuple, long: tuple) -> bool:
    """'NHS' and 'NHS England': an acronym alone and a name it opens."""
    return len(short) == 1 and short[0].acronym and len(long) >= 2 and long[0].text == short[0].text


def _same(a: Found, b: Found, vocabulary: Vocabulary) -> bool:
    """Does the later-seen b name the same actor as a?"""
    if _family(a.type) != _family(b.type) or a.type in ("AnonymousSource", "ActorGroup"):
        return False
    a_words, b_words = tokens(a.label), tokens(b.label)
    if a.type in _PEOPLE and len(b_words) == 1 and len(a_words) >= 2:
        return b_words[0].norm == a_words[-1].norm
    if a.type in _PEOPLE and len(a_words) == 1 and len(b_words) >= 2:
        return a_words[0].norm == b_words[-1].norm
    if _family(a.type) == "Organization":
        if _acronym_opens(a_words, b_words) or _acronym_opens(b_words, a_words):
            return True
        letters = re.sub(r"[^A-Za-z]", "", b.label)
        if b.label.isupper() and letters == _initials(a.label, vocabulary):
            return True
        letters = re.sub(r"[^A-Za-z]", "", a.label)
        if a.label.isupper() and letters == _initials(b.label, vocabulary):
            return True
    return fuzz.ratio(fold(a.label), fold(b.label)) >= NAME_SIMILARITY


def merge_near_duplicates(found: list[Found], vocabulary: Vocabulary) -> None:
    """Re-key mentions of a discovered actor that duplicates another actor seen in the article."""
    first_by_key: dict[str, Found] = {}
    for item in sorted(found, key=lambda f: f.span.start):
        first_by_key.setdefault(item.key, item)
    representatives = list(first_by_key.values())
    renamed: dict[str, Found] = {}
    for position, later in enumerate(representatives):
        if not later.key.startswith(NEW):
            continue
        for earlier in representatives[:position]:
            target = renamed.get(earlier.key, earlier)
            if _same(target, later, vocabulary):
                renamed[later.key] = target
                break
    for item in found:
        into = renamed.get(item.key)
        if into is not None:
            keep_longer = len(tokens(item.label)) > len(tokens(into.label)) and into.key.startswith(NEW)
            item.key, item.type, item.entry = into.key, into.type, into.entry
            item.label = item.label if keep_longer else into.label
