"""The proper name a described institution is given in apposition: "Russia's military intelligence agency, the GRU,",
"Congo's armed forces, known by their French acronym FARDC,", "the country's army (FARDC)". The name becomes another
mention of the institution, before discovery could take it for an actor of its own.
"""

from __future__ import annotations

import re

from ingest.extract.candidates import Found
from ingest.extract.context import ArticleText

_NOT_INSTITUTIONS = {"Person", "AnonymousSource", "ActorGroup", "SocialMediaAccount", "State"}
_KNOWN_AS = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*(?:also[ \t\u00a0]+)?known[ \t\u00a0]+(?:as|by[ \t\u00a0]+(?:its|their|the)"
                       r"(?:[ \t\u00a0]+[\w-]+){0,2}?[ \t\u00a0]+(?:acronym|abbreviation|initials|name))[ \t\u00a0]+$")
_MAX_NAME_WORDS = 4


def _described(found: Found) -> bool:
    """A description ('Russian military intelligence agency'), not a proper name: it has lower-case words."""
    return found.type not in _NOT_INSTITUTIONS and any(w[:1].islower() for w in found.span.text.split()[1:])


def _name_at(article: ArticleText, j: int) -> int | None:
    """The end of a capitalised name starting at word j that no stage has claimed, or None."""
    words = article.words
    k = j
    while k < len(words) and k - j < _MAX_NAME_WORDS and article.claimed[k] is None and article.hit_at[k] is None \
            and (words[k].capitalised or words[k].acronym) and (k == j or words[k].gap in (" ", "-")):
        k += 1
    return k if k > j else None


def _appositive_name(article: ArticleText, found: Found) -> range | None:
    words = article.words
    j = found.tokens.stop
    if j >= len(words) or not article.same_sentence(found.tokens.stop - 1, j):
        return None
    gap = words[j].gap
    if gap.strip() == "(":
        stop = _name_at(article, j)
        closed = stop is not None and (stop == len(words) or words[stop].gap.strip().startswith(")"))
        return range(j, stop) if closed and stop is not None else None
    if gap.strip() == "," and article.norm(j) == "the":
        stop = _name_at(article, j + 1)
        # "X, the GRU, said" is an apposition; "X, the Treasury and Y" is a list
        if stop is not None and (stop == len(words) or words[stop].gap.strip()[:1] in {",", ".", ")", ";"}) \
                and article.norm(stop) not in {"and", "or"}:
            return range(j + 1, stop)
        return None
    end = words[j - 1].end
    for k in range(j, min(j + 8, len(words))):
        if not article.same_sentence(j, k):
            return None
        if _KNOWN_AS.fullmatch(article.text[end:words[k].start]):
            stop = _name_at(article, k)
            return range(k, stop) if stop is not None else None
    return None


def add_appositive_names(article: ArticleText) -> None:
    for found in list(article.found):
        if not _described(found):
            continue
        name = _appositive_name(article, found)
        if name is not None and article.free(name):
            article.add(Found(found.key, found.label, found.type, article.span(name.start, name.stop - 1), name,
                              found.confidence, entry=found.entry, affiliation=found.affiliation))
