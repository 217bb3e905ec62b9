"""Quotations in the article text: paired quotation marks within a paragraph, and quotes left open at a paragraph's end
(the news convention for a quote that goes on in the next paragraph, which opens with a quotation mark again)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.model import Span

_CLOSERS = {"“": "”\"", "\"": "\"”", "‘": "’"}
_BEFORE_OPENING = " \t\n([{—–-/:;,"


@dataclass(frozen=True)
class Quote:
    """open: offset of the opening mark; close: offset just after the closing mark (paragraph end when left open)."""

    open: int
    close: int
    content: Span
    terminated: bool

    def covers(self, start: int, end: int) -> bool:
        return self.open <= start and end <= self.close


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
    if mark == "“":
        return True
    before_ok = i == floor or text[i - 1] in _BEFORE_OPENING
    if mark == "‘":  # single curly quote: only where it cannot be an apostrophe
        return before_ok and text[i + 1].isalnum()
    return before_ok


def _closing(text: str, mark: str, start: int, end: int) -> int:
    """Offset of the mark closing a quote opened with `mark`, searching [start, end); -1 if it stays open."""
    closers = _CLOSERS[mark]
    i = start
    while i < end:
        if text[i] in closers:
            after = text[i + 1:i + 2]
            if mark != "‘" or not after.isalpha():
                return i
        i += 1
    return -1


def find_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    quotes: list[Quote] = []
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
                    quotes.append(Quote(i, close + 1 if close != -1 else end, content, close != -1))
                i = inner_end + 1
            else:
                i += 1
    return quotes
