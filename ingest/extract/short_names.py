"""A name run that names an organisation found earlier in the article: the same name again ("BIS" after "the
Security Information Service (BIS)"), or a company's name without its legal form ("Harbour Crest" after "Harbour
Crest Shipping Ltd", "Acme" after "Acme Holdings"). Such a run is another mention, never a new actor.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.extract.candidates import NEW, Found
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_tokens
from ingest.extract.runs import Run
from ingest.extract.vocabulary import demonym_like, vocabulary

_NOT_ORGS = {"Person", "AnonymousSource", "ActorGroup"}
_MIN_SHORT_NAME = 3


def _names(found: Found) -> tuple[tuple[str, ...], ...]:
    return _normalised(found.span.text, found.label)


@lru_cache(maxsize=4096)   # every later name run compares itself with every organisation found before it
def _normalised(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.norm for t in name_tokens(name)) for name in names)


def _short_names(article: ArticleText, found: Found) -> frozenset[tuple[str, ...]]:
    return _company_short_names(_names(found))


@lru_cache(maxsize=4096)
def _company_short_names(names: tuple[tuple[str, ...], ...]) -> frozenset[tuple[str, ...]]:
    """The first words of a company's name, when it ends in a legal form ('Ltd', 'Holdings')."""
    vocab = vocabulary()
    shorts: set[tuple[str, ...]] = set()
    for name in names:
        if len(name) < 2 or name[-1] not in vocab.company_suffixes:
            continue
        first = name[0]
        if first in vocab.stop_words:
            continue
        shorts.update(name[:length] for length in range(2, len(name)))
        # a lone first word only when it cannot be a nationality ("Chinese" of "Chinese Mining Corp")
        if len(first) >= _MIN_SHORT_NAME and not demonym_like(first):
            shorts.add(name[:1])
    return frozenset(shorts)


def earlier_actor(article: ArticleText, run: Run) -> Found | None:
    """The organisation found before this run whose name, or short company name, the run repeats."""
    key = tuple(article.norm(i) for i in run.label_words)
    for found in reversed(article.found):
        if not found.key.startswith(NEW) or found.type in _NOT_ORGS:
            continue
        # the same name, before or after (a heading may name it first); a short name only after the full one
        if key in _names(found) or found.tokens.start < run.first and key in _short_names(article, found):
            return found
    return None
