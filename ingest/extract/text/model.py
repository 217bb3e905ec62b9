"""The text model's values. Every offset counts code points into the article text; every index counts tokens."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from newskg.ingest.model import Span


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark of the text.

    gap: the text between the previous token and this one ("" when they touch, as in "al-Nasr" or "Varenia's").
    norm: folded (folding.fold); lemma: lower-case base form; tag: Penn Treebank part of speech;
    chunk: index of the phrase chunk holding it (-1 when none); quote: index of the quotation holding it (-1 when none).
    """

    i: int
    start: int
    end: int
    text: str
    gap: str
    norm: str
    lemma: str
    tag: str
    sentence: int
    paragraph: int
    chunk: int
    quote: int
    common: bool = False  # the lower-cased word is a common word the tagger's lexicon knows

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)

    @property
    def verb(self) -> bool:
        return self.tag.startswith(("VB", "MD"))

    @property
    def noun(self) -> bool:
        return self.tag.startswith("NN")

    @property
    def proper(self) -> bool:
        return self.tag.startswith("NNP")

    @property
    def line_start(self) -> bool:
        return "\n" in self.gap


@dataclass(frozen=True, slots=True)
class Chunk:
    """A phrase: kind NP, VP, PP, ADJP, ADVP, PRT, SBAR, INTJ or CONJP; tokens first..last inclusive."""

    kind: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    first: int  # token index
    last: int  # token index, inclusive
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: open is the offset of its opening mark, close the offset after its closing mark (the paragraph's
    end when left open, as news does for a quotation that runs on into the next paragraph)."""

    index: int
    open: int
    close: int
    content: Span
    terminated: bool
    first: int  # first token inside
    last: int  # last token inside, inclusive


@dataclass(frozen=True)
class TextModel:
    text: str
    tokens: tuple[Token, ...]
    chunks: tuple[Chunk, ...]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Span, ...]
    quotes: tuple[Quote, ...]
    dateline_end: int = 0  # offset where a dateline opening the text ends ("ARDENNE, Valmora (Reuters) - "); 0: none

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, offset: int) -> int:
        """Index of the token starting at or before the offset (0 before the first)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def tokens_within(self, start: int, end: int) -> range:
        """Indexes of the tokens lying wholly inside [start, end)."""
        first = bisect_right(self._starts, start - 1)
        last = bisect_right(self._starts, end - 1) - 1
        while last >= first and self.tokens[last].end > end:
            last -= 1
        return range(first, last + 1)

    def span(self, first: int, last: int) -> Span:
        start, end = self.tokens[first].start, self.tokens[last].end
        return Span(start, end, self.text[start:end])

    def sentence_of(self, i: int) -> Sentence:
        return self.sentences[self.tokens[i].sentence]

    def chunk_of(self, i: int) -> Chunk | None:
        index = self.tokens[i].chunk
        return self.chunks[index] if index >= 0 else None

    def quote_of(self, i: int) -> Quote | None:
        index = self.tokens[i].quote
        return self.quotes[index] if index >= 0 else None

    def same_sentence(self, i: int, j: int) -> bool:
        n = len(self.tokens)
        return 0 <= i < n and 0 <= j < n and self.tokens[i].sentence == self.tokens[j].sentence
