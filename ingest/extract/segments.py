"""Per-article segmentations the attribution, allegation and event stages all need, computed once per text.

The three stages run one after another on the same text; a small LRU cache keyed by the text (and publication date)
spares recomputing sentences (spaCy's sentencizer) and date expressions three times.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from ingest.extract.dates import DateIndex
from ingest.extract.sentences import paragraphs, sentences
from ingest.model import Span


@lru_cache(maxsize=4)
def article_sentences(text: str) -> tuple[Span, ...]:
    return tuple(sentences(text))


@lru_cache(maxsize=4)
def article_paragraphs(text: str) -> tuple[Span, ...]:
    return tuple(paragraphs(text))


@lru_cache(maxsize=4)
def article_dates(text: str, base: date | None) -> DateIndex:
    return DateIndex(text, base)
