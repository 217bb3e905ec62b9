"""Paragraphs and sentences of the stored text, as Spans (offsets in code points).

spaCy's rule-based sentencizer does the splitting; two fixes on top: paragraphs never share a sentence, and an
opening quotation mark left at the end of one sentence belongs to the start of the next.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language

from ingest.model import Span

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_QUOTES = "\"“‘'"


@lru_cache(maxsize=1)
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # spaCy's 1,000,000-character guard is for its parser and NER; the sentencizer needs no such memory, and a
    # longer paragraph must not crash the ingest (the input's size is bounded by max_body_bytes)
    nlp.max_length = 10**9
    return nlp


def _tight(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def paragraphs(text: str) -> list[Span]:
    spans: list[Span] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        span = _tight(text, position, match.start())
        if span:
            spans.append(span)
        position = match.end()
    last = _tight(text, position, len(text))
    if last:
        spans.append(last)
    return spans


def sentences(text: str) -> list[Span]:
    """Every sentence of the text, in order, tight (no surrounding white space)."""
    return list(_sentences(text))


@lru_cache(maxsize=16)
def _sentences(text: str) -> tuple[Span, ...]:
    # cached: several stages split the same article
    result: list[Span] = []
    for paragraph in paragraphs(text):
        doc = _nlp()(paragraph.text)
        bounds = [(s.start_char + paragraph.start, s.end_char + paragraph.start) for s in doc.sents]
        for i, (start, end) in enumerate(bounds):
            body = text[start:end].rstrip()
            stripped_end = start + len(body)
            # a sentence ending in an opening quote: hand the quote to the next sentence
            if i + 1 < len(bounds) and body and body[-1] in _OPENING_QUOTES and body[:-1].rstrip()[-1:] in ".!?:":
                bounds[i + 1] = (stripped_end - 1, bounds[i + 1][1])
                end = stripped_end - 1
            span = _tight(text, start, end)
            if span:
                result.append(span)
    return tuple(result)


def sentence_at(sentence_spans: list[Span], offset: int) -> Span | None:
    """The sentence containing the offset."""
    for span in sentence_spans:
        if span.start <= offset < span.end:
            return span
    return None
