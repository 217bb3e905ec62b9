"""Later mentions of actors already found: a person's surname alone ("Costa noted"), an acronym used again
("WTO"), and role nouns after "the" ("the envoy", "the official", "the account", "the source"), linked to the nearest
compatible antecedent only when no other compatible actor competes for it. Pronouns are attribution's job.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from ingest.extract.candidates import NEW, Found
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_tokens as tokens
from ingest.extract.vocabulary import demonym_like

SURNAME_SIMILARITY = 88.0
_MIN_FUZZY_SURNAME = 5
_ANTECEDENT_SENTENCES = 6
_SPACE = re.compile(r"[ \t\u00a0]+")


def _mention(article: ArticleText, like: Found, first: int, last: int) -> None:
    article.add(Found(like.key, like.label, like.type, article.span(first, last), range(first, last + 1),
                      like.confidence, entry=like.entry))


def _surnames(article: ArticleText) -> dict[str, set[str]]:
    """Folded surname -> keys of the people who carry it."""
    vocab = article.vocabulary
    result: dict[str, set[str]] = defaultdict(set)
    for found in article.found:
        if found.type != "Person":
            continue
        names = [found.span.text, found.label, *(found.entry.names if found.entry else ())]
        for name in names:
            words = [t for t in tokens(name) if t.norm not in vocab.particles]
            if len(words) >= 2:
                # "Kim Soo-jin": a name ending in a hyphenated given name puts the family name first
                family = words[0] if not words[-1].capitalised and words[-1].gap in ("-", "‑") else words[-1]
                result[family.norm].add(found.key)
    return result


def _person_for(surnames: dict[str, set[str]], norm: str) -> str | None:
    keys = surnames.get(norm)
    if keys is None and len(norm) >= _MIN_FUZZY_SURNAME:
        close = {key for surname, owners in surnames.items() if surname[:1] == norm[:1]
                 and fuzz.ratio(surname, norm) >= SURNAME_SIMILARITY for key in owners}
        keys = close or None
    return next(iter(keys)) if keys and len(keys) == 1 else None


def _standalone(article: ArticleText, i: int) -> bool:
    """A capitalised word that is a name on its own, not part of a longer unclaimed name."""
    word = article.words[i]
    if article.claimed[i] is not None or not word.capitalised:
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(article.words) and article.same_sentence(i, j) and article.claimed[j] is None \
                and article.words[j].capitalised and _SPACE.fullmatch(article.words[max(i, j)].gap) \
                and not (j == i - 1 and article.starts_sentence(j) and article.norm(j) in article.vocabulary.stop_words):
            return False
    return True


def _link_repeats(article: ArticleText) -> None:
    """A discovered name written again later (or earlier, without the cue that revealed it)."""
    names: dict[tuple[str, ...], Found] = {}
    for found in article.found:
        if found.key.startswith(NEW) and found.type not in ("ActorGroup", "AnonymousSource"):
            for name in (found.span.text, found.label):
                key = tuple(t.norm for t in tokens(name))
                if len(key) >= 2 or (key and found.type != "Person"):
                    names.setdefault(key, found)
    longest = max((len(k) for k in names), default=0)
    firsts = {key[0] for key in names}
    i = 0
    while i < len(article.words):
        if article.words[i].norm not in firsts or article.claimed[i] is not None:
            i += 1
            continue
        for length in range(min(longest, len(article.words) - i), 0, -1):
            stretch = range(i, i + length)
            like = names.get(tuple(article.norm(j) for j in stretch))
            if like is not None and article.free(stretch) and all(article.words[j].capitalised or article.norm(j) in
                                                                  article.vocabulary.particles for j in stretch):
                _mention(article, like, i, i + length - 1)
                i += length - 1
                break
        i += 1


def _link_names(article: ArticleText) -> None:
    _link_repeats(article)
    surnames = _surnames(article)
    by_key = {f.key: f for f in article.found}
    acronyms = {f.span.text: f.key for f in article.found if f.span.text.isupper() and len(f.span.text) >= 2}
    for i, word in enumerate(article.words):
        if not _standalone(article, i):
            continue
        key = acronyms.get(word.text) if word.acronym else _person_for(surnames, word.norm)
        if key is not None:
            _mention(article, by_key[key], i, i)


def _compatible(found: Found, kinds: frozenset[str], required: str, roles: dict[str, str], demonym: str | None) -> bool:
    if found.type not in kinds:
        return False
    state_force = found.affiliation is not None or (found.entry is not None and found.entry.affiliation is not None)
    if found.type == "ArmedGroup" and state_force and "GovernmentBody" not in kinds:
        return False  # "the militia", "the group": never a state's own army
    description = f"{found.label} {roles.get(found.key, '')}".lower()
    if required and required not in description:
        return False
    return demonym is None or demonym.lower() in description


def _anaphor_at(article: ArticleText, i: int) -> tuple[int, str, str | None] | None:
    """'the (Chilean) official': returns (last word, anaphor key, demonym) or None."""
    if article.norm(i) != "the" or article.claimed[i] is not None:
        return None
    words, vocab = article.words, article.vocabulary
    k, demonym = i + 1, None
    if k < len(words) and (article.demonym_entry(k) is not None or (
            words[k].capitalised and article.claimed[k] is None and demonym_like(words[k].norm))):
        demonym, k = words[k].text, k + 1
    for length in (2, 1):
        last = k + length - 1
        if last >= len(words) or any(article.claimed[j] is not None or words[j].capitalised for j in range(k, last + 1)):
            continue
        if not all(article.same_sentence(i, j) for j in range(k, last + 1)):
            continue
        key = " ".join(article.norm(j) for j in range(k, last + 1))
        if key in vocab.anaphors and (words[last].possessive or article.norm(last + 1) != "of"):
            if last + 1 < len(words) and words[last + 1].capitalised and _SPACE.fullmatch(words[last + 1].gap):
                return None  # "the envoy Alexander ...": a title, not a back-reference
            if article.follows_name(i):
                return None  # "X, the head ...": an apposition
            return last, key, demonym
    return None


def _modifier_only(article: ArticleText, found: Found) -> bool:
    """'al-Qaida-linked group': a name inside a hyphenated modifier is not what a later 'the group' refers to."""
    after = found.tokens.stop
    return after < len(article.words) and article.words[after].gap in ("-", "–") and not article.words[after].capitalised


def _link_anaphors(article: ArticleText) -> None:
    roles = {f.key: f.role for f in article.found if f.role}
    for f in article.found:
        if f.entry is not None and f.entry.role and f.key not in roles:
            roles[f.key] = f.entry.role
    i = 0
    while i < len(article.words):
        anaphor = _anaphor_at(article, i) if article.words[i].norm == "the" else None
        if anaphor is None:
            i += 1
            continue
        last, key, demonym = anaphor
        kinds, required = article.vocabulary.anaphors[key]
        start = article.words[i].start
        earlier = sorted((f for f in article.found if f.span.end <= start
                          and article.sentence_of[i] - article.sentence_of[f.tokens.start] <= _ANTECEDENT_SENTENCES),
                         key=lambda f: f.span.start, reverse=True)
        candidates = [f for f in earlier if _compatible(f, kinds, required, roles, demonym)]
        if candidates:
            nearest = candidates[0]
            rivals = [f for f in candidates[1:] if f.key != nearest.key and not _modifier_only(article, f)
                      and article.sentence_of[f.tokens.start] == article.sentence_of[nearest.tokens.start]]
            if not rivals:
                _mention(article, nearest, i, last)
        i = last + 1


def add_later_mentions(article: ArticleText) -> None:
    _link_names(article)
    _link_anaphors(article)
