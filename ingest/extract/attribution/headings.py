"""Running text versus headings inside the body: a live blog's entry titles ("6:55 p.m. Minister says port stays
shut"), a feature's subheads. A heading repeats or announces what the text below tells; its words are no statement."""

from __future__ import annotations

from newskg.ingest.extract.text.model import Sentence, TextModel
from newskg.ingest.model import Span

_HEADING_WORDS = 15
_SENTENCE_ENDS = frozenset('.!?:;…"\'”’)')


def running_text(model: TextModel) -> list[Sentence]:
    """The sentences outside headings."""
    headings = {n for n, paragraph in enumerate(model.paragraphs) if _heading(paragraph, n, len(model.paragraphs))}
    return [s for s in model.sentences if s.paragraph not in headings]


def _heading(paragraph: Span, n: int, count: int) -> bool:
    """A short line that opens with a capital or a figure and ends with no sentence's end; not the last one, which
    may be a page cut short."""
    text = paragraph.text.strip()
    return (
        n < count - 1
        and bool(text)
        and (text[0].isupper() or text[0].isdigit())
        and text[-1] not in _SENTENCE_ENDS
        and len(text.split()) <= _HEADING_WORDS
    )
