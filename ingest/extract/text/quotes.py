"""Quotations: paired quotation marks within a paragraph, and a quotation left open at a paragraph's end (the news
convention for a quotation that goes on in the next paragraph, which opens with a quotation mark again)."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.model import Span

# "”" opens too where an opening mark can stand: Swedish and Finnish texts (and their English copies) write ”…”
_CLOSERS = {"“": '”"', '"': '"”', "‘": "’", "«": "»", "„": '“"', "”": "”"}
_BEFORE_OPENING = " \t\n([{—–-/:;,"


@dataclass(frozen=True)
class QuoteSpan:
    open: int
    close: int
    content: Span
    terminated: bool


def _content(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def _is_opening(text: str, i: int, floor: int) -> bool:
    mark = text[i]
    if i + 1 >= len(text) or text[i + 1].isspace():
        return False
    if mark in "“«„":
        return True
    before_ok = i == floor or text[i - 1] in _BEFORE_OPENING
    if mark == "‘":  # a single curly quote opens only where it cannot be an apostrophe
        return before_ok and text[i + 1].isalnum()
    return before_ok


def _closing(text: str, mark: str, start: int, end: int) -> int:
    closers = _CLOSERS[mark]
    for i in range(start, end):
        if text[i] in closers and (mark != "‘" or not text[i + 1 : i + 2].isalpha()):
            return i
    return -1


def find_quotes(text: str, paragraphs: tuple[Span, ...]) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    for paragraph in paragraphs:
        i, end = paragraph.start, paragraph.end
        while i < end:
            if text[i] in _CLOSERS and _is_opening(text, i, paragraph.start):
                close = _closing(text, text[i], i + 1, end)
                if close == -1 and text[i] == "‘":
                    i += 1
                    continue
                inner_end = close if close != -1 else end
                content = _content(text, i + 1, inner_end)
                if content:
                    quotes.append(
                        QuoteSpan(
                            open=i, close=close + 1 if close != -1 else end, content=content, terminated=close != -1
                        )
                    )
                i = inner_end + 1
            else:
                i += 1
    return quotes
