"""Registry hits that name actors become mentions: a known actor by any of its names, or a state by its capital."""

from __future__ import annotations

from ingest.extract.candidates import Found, known_key
from ingest.extract.context import ArticleText
from ingest.extract.mentions import Use

NAME_CONFIDENCE = 1.0
METONYM_CONFIDENCE = 0.9


def add_known(article: ArticleText) -> None:
    for hit in article.hits:
        if hit.use not in (Use.ACTOR, Use.METONYM):
            continue
        first, last = hit.tokens.start, hit.tokens.stop - 1
        article.add(Found(
            key=known_key(hit.entry), label=hit.entry.label, type=hit.entry.type,
            span=article.span(first, last), tokens=hit.tokens,
            confidence=NAME_CONFIDENCE if hit.use is Use.ACTOR else METONYM_CONFIDENCE, entry=hit.entry,
        ))
