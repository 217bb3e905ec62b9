"""Actors named through a nationality or a state: collectives ("Brazilian officials", "Chilean government troops",
"observers in Canada") and state institutions ("the Brazilian economy ministry", "French intelligence", "the Peruvian
government"). A collective that acts for its state is affiliated with it; rebels who only share a nationality are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.candidates import NEW, Found, known_key
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_key
from ingest.extract.registry import RegistryEntry
from ingest.extract.vocabulary import demonym_like

GROUP_CONFIDENCE = 0.75
INSTITUTION_CONFIDENCE = 0.8
_STATE_LIKE = {"State", "GovernmentBody"}
_OWNING = {"Organization"}  # an intergovernmental organisation has delegations and missions too
_JOINED = re.compile(r"[ \t\u00a0]+")
_MAX_MODIFIERS = 2
_POSTINGS = {"embassy", "mission", "consulate", "delegation"}
_POSTED = {"in", "to"}


@dataclass(frozen=True)
class Modifier:
    """The nationality or state word(s) an actor is named by, ending before word `stop`."""

    first: int
    stop: int
    entry: RegistryEntry | None
    found: Found | None
    demonym: str | None


def _modifier(article: ArticleText, i: int, *, unknown_needs_suffix: bool) -> Modifier | None:
    words, vocab = article.words, article.vocabulary
    found = article.claimed[i]
    if found is not None:
        if found.tokens.start == i and found.type in _STATE_LIKE and found.entry is not None:
            return Modifier(i, found.tokens.stop, found.entry, found, None)
        if found.tokens.start == i and found.entry is not None and found.type in _OWNING and unknown_needs_suffix \
                and article.words[found.tokens.stop - 1].possessive:
            return Modifier(i, found.tokens.stop, found.entry, found, None)  # "the EU's delegation in Bishkek"
        return None
    demonym_of = article.demonym_entry(i)
    if demonym_of is not None:
        hit = article.hit_at[i]
        if hit is None or hit.tokens.start != i:
            return None  # inside a demonym of several words ("South Korean")
        return Modifier(i, hit.tokens.stop, demonym_of, None, article.text_between(i, hit.tokens.stop - 1))
    word = words[i]
    if article.hit_at[i] is not None or not word.capitalised or word.acronym or word.possessive:
        return None
    if not unknown_needs_suffix and word.norm in vocab.institutional_adjectives:
        return Modifier(i, i + 1, None, None, word.text)  # "Federal prosecutors", "Local officials"
    if word.norm in vocab.stop_words or word.norm in vocab.not_names:
        return None
    if i > 0 and article.same_sentence(i - 1, i) and words[i - 1].capitalised and not article.starts_sentence(i - 1):
        return None  # the tail of a longer name, not a nationality
    # an unknown word that opens a sentence may be any capitalised word ("Combatant commanders"): only a
    # nationality-like ending makes it a modifier there
    if (unknown_needs_suffix or article.starts_sentence(i)) and not demonym_like(word.norm):
        return None
    return Modifier(i, i + 1, None, None, word.text)


def _joined(article: ArticleText, i: int) -> bool:
    return i < len(article.words) and bool(_JOINED.fullmatch(article.words[i].gap)) and article.same_sentence(i - 1, i)


def _state_key(modifier: Modifier) -> str | None:
    entry = modifier.entry
    if entry is None:
        return None
    if entry.type == "State" or modifier.found is None:
        return known_key(entry)
    return modifier.found.key


def _collective(article: ArticleText, i: int) -> bool:
    vocab = article.vocabulary
    modifier = _modifier(article, i, unknown_needs_suffix=False)
    if modifier is None:
        return False
    k = modifier.stop
    while k < len(article.words) and k - modifier.stop < _MAX_MODIFIERS and _joined(article, k) \
            and article.norm(k) in vocab.collective_modifiers and article.claimed[k] is None:
        k += 1
    if k >= len(article.words) or not _joined(article, k) or article.claimed[k] is not None:
        return False
    noun = article.words[k]
    kind = vocab.collective_nouns.get(noun.norm)
    if kind is None or noun.capitalised:
        return False
    if modifier.entry is None and article.norm(i) in vocab.institutional_adjectives and kind != "state":
        return False  # "Local residents" share a place, not an institution
    label = article.text_between(i, k)
    affiliated = (kind == "state" or "government" in {article.norm(j) for j in range(modifier.stop, k)}
                  or (modifier.entry is not None and modifier.entry.type == "GovernmentBody"))
    _add_named(article, range(i, k + 1), label, "ActorGroup", GROUP_CONFIDENCE,
               _state_key(modifier) if affiliated else None, modifier)
    return True


def _placed_collective(article: ArticleText, i: int) -> bool:
    """'observers in Canada': an opinion-holding collective placed in a state."""
    vocab = article.vocabulary
    if article.norm(i) not in vocab.opinion_collectives or article.words[i].capitalised or article.claimed[i]:
        return False
    if article.norm(i + 1) != "in" or not _joined(article, i + 2):
        return False
    hit = article.hit_at[i + 2] if i + 2 < len(article.words) else None
    if hit is None or hit.entry.type != "State" or hit.tokens.start != i + 2:
        return False
    last = hit.tokens.stop - 1
    _add_named(article, range(i, last + 1), article.text_between(i, last), "ActorGroup", GROUP_CONFIDENCE, None, None)
    return True


def _institution_at(article: ArticleText, k: int) -> tuple[int, str, str] | None:
    """The longest state-institution phrase starting at word k: (its end, its class, its canonical phrase)."""
    table = article.vocabulary.state_institutions
    for length in (4, 3, 2, 1):
        stop = k + length
        if stop > len(article.words) or not all(_joined(article, j) for j in range(k, stop)):
            continue
        if any(article.claimed[j] is not None for j in range(k, stop)):
            continue
        phrase = " ".join(article.norm(j) for j in range(k, stop))
        row = table.get(phrase)
        if row:
            return stop, row[0], row[1] if len(row) > 1 else phrase
    return None


def _posted_to(article: ArticleText, stop: int) -> int:
    """'embassy in Prague', 'mission to the United Nations': the place or body a posting is in or to, kept in the name."""
    j = stop
    if article.norm(j) not in _POSTED or not _joined(article, j) or article.norm(stop - 1) not in _POSTINGS:
        return stop
    j += 1
    if article.norm(j) == "the" and _joined(article, j):
        j += 1
    hit = article.hit_at[j] if j < len(article.words) and _joined(article, j) else None
    return hit.tokens.stop if hit is not None and hit.tokens.start == j else stop


def _institution(article: ArticleText, i: int) -> bool:
    modifier = _modifier(article, i, unknown_needs_suffix=True)
    if modifier is None:
        return False
    found = _institution_at(article, modifier.stop)
    if found is None:
        return False
    # "Sudan's army-led government": the noun after a hyphenated modifier is the institution
    if found[0] < len(article.words) and article.words[found[0]].gap in ("-", "‑", "–") \
            and not article.words[found[0]].capitalised and _joined(article, found[0] + 1):
        headed = _institution_at(article, found[0] + 1)
        if headed is not None:
            found = headed
    stop, kind, canonical = found
    stop_with_posting = _posted_to(article, stop)
    phrase = article.text[article.words[modifier.stop].start:article.words[stop - 1].name_end].lower()
    posting = article.text[article.words[stop - 1].end:article.words[stop_with_posting - 1].name_end]
    entry = modifier.entry
    if kind == "State":
        if entry is not None and entry.type == "State":
            _add_known(article, range(i, stop), entry, modifier)
            return True
        kind = "GovernmentBody"
    if entry is not None and entry.demonyms:
        owner = entry.demonyms[0]
        label = f"{owner} {phrase}{posting}"
    else:
        owner = article.text_between(i, modifier.stop - 1)
        label = article.text_between(i, stop_with_posting - 1)
    # "army", "military" and "armed forces" of one state are one actor: the key takes the canonical phrase
    key = name_key(f"{owner} {canonical}{posting}")
    _add_named(article, range(i, stop_with_posting), label, kind, INSTITUTION_CONFIDENCE, _state_key(modifier),
               modifier, key=key)
    return True


def _add_known(article: ArticleText, words: range, entry: RegistryEntry, modifier: Modifier | None) -> None:
    if modifier is not None and modifier.found is not None:
        article.release(modifier.found)
    article.add(Found(known_key(entry), entry.label, entry.type, article.span(words.start, words.stop - 1), words,
                      INSTITUTION_CONFIDENCE, entry=entry))


def _add_named(article: ArticleText, words: range, label: str, kind: str, confidence: float,
               affiliation: str | None, modifier: Modifier | None, *, key: str | None = None) -> None:
    entry = article.registry.resolve(label)
    if entry is not None and not entry.is_place:
        _add_known(article, words, entry, modifier)
        return
    if modifier is not None and modifier.found is not None:
        article.release(modifier.found)
    article.add(Found(NEW + (key or name_key(label)), label, kind, article.span(words.start, words.stop - 1), words,
                      confidence, affiliation=affiliation))


def _may_start(article: ArticleText, i: int) -> bool:
    """A cheap test before the patterns: a capitalised word, a registry hit, or an opinion noun."""
    word = article.words[i]
    return word.capitalised or article.hit_at[i] is not None or word.norm in article.vocabulary.opinion_collectives


def add_groups_and_institutions(article: ArticleText) -> None:
    i = 0
    while i < len(article.words):
        if _may_start(article, i) and (_collective(article, i) or _placed_collective(article, i)
                                       or _institution(article, i)):
            i = article.found[-1].tokens.stop
        else:
            i += 1
