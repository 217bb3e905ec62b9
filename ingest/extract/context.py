"""The article as the actor stages see it: its words, sentences, the registry's hits and what has been found so far.

Each stage adds Found mentions and claims their words, so a later stage never reads the same words again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.extract.candidates import Found
from ingest.extract.mentions import Hit, Use
from ingest.extract.normalise import Token, tokens
from ingest.extract.registry import Registry
from ingest.extract.sentences import sentences
from ingest.extract.vocabulary import Vocabulary, vocabulary
from ingest.model import ArticleDoc, Span


@dataclass
class ArticleText:
    doc: ArticleDoc
    registry: Registry
    vocabulary: Vocabulary
    words: list[Token]
    sentence_of: list[int]  # sentence number of each word
    sentence_starts: list[int]  # index of each sentence's first word
    hits: list[Hit]
    hit_at: list[Hit | None]  # the registry hit covering each word
    found: list[Found] = field(default_factory=list)
    claimed: list[Found | None] = field(default_factory=list)

    @classmethod
    def build(cls, doc: ArticleDoc, registry: Registry) -> "ArticleText":
        words = tokens(doc.text)
        vocab = vocabulary()
        sentence_spans: list[Span] = sentences(doc.text)
        bounds = [s.start for s in sentence_spans]
        raw_sentence = [max(bisect_right(bounds, w.start) - 1, 0) for w in words]
        # numbered densely: a sentence without words (a lone quote mark, an emoji) must not leave a gap in starts
        sentence_of: list[int] = []
        starts: list[int] = []
        for index, number in enumerate(raw_sentence):
            if index == 0 or number != raw_sentence[index - 1]:
                starts.append(index)
            sentence_of.append(len(starts) - 1)
        hits = registry.matcher.find(words, vocab)
        hit_at: list[Hit | None] = [None] * len(words)
        for hit in hits:
            for i in hit.tokens:
                hit_at[i] = hit
        return cls(doc, registry, vocab, words, sentence_of, starts, hits, hit_at, [], [None] * len(words))

    @property
    def text(self) -> str:
        return self.doc.text

    def starts_sentence(self, i: int) -> bool:
        """First word of a sentence, or of a line (headings and captions end without a full stop)."""
        return i == 0 or self.sentence_of[i] != self.sentence_of[i - 1] or "\n" in self.words[i].gap

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.words) and 0 <= j < len(self.words) and self.sentence_of[i] == self.sentence_of[j]

    def free(self, span: range) -> bool:
        return all(self.claimed[i] is None for i in span)

    def add(self, found: Found) -> Found:
        self.found.append(found)
        for i in found.tokens:
            self.claimed[i] = found
        return found

    def release(self, found: Found) -> None:
        self.found.remove(found)
        for i in found.tokens:
            if self.claimed[i] is found:
                self.claimed[i] = None

    def follows_name(self, i: int) -> bool:
        """Word i comes after a name and a comma ("X, the head of ..."): an apposition to that name."""
        if i == 0 or "," not in self.words[i].gap or not self.same_sentence(i - 1, i):
            return False
        found = self.claimed[i - 1]
        if found is not None:
            return found.type not in {"AnonymousSource", "ActorGroup"}
        previous = self.words[i - 1]
        # "Kim Soo-jin, a researcher": a hyphenated given name ends in a lower-case syllable
        syllable = previous.gap in ("-", "‑") and i > 1 and self.words[i - 2].capitalised and previous.text.isalpha()
        return (previous.capitalised or syllable) and not self.starts_sentence(i - 1)

    def norm(self, i: int) -> str:
        return self.words[i].norm if 0 <= i < len(self.words) else ""

    def actor_hit(self, i: int) -> Hit | None:
        """The registry hit at word i when it names an actor (not a place or a demonym)."""
        hit = self.hit_at[i] if 0 <= i < len(self.words) else None
        return hit if hit is not None and hit.use in (Use.ACTOR, Use.METONYM) else None

    def demonym_entry(self, i: int):
        hit = self.hit_at[i] if 0 <= i < len(self.words) else None
        return hit.entry if hit is not None and hit.use is Use.DEMONYM else None

    def span(self, first: int, last: int, *, keep_possessive: bool = False) -> Span:
        end = self.words[last].end if keep_possessive else self.words[last].name_end
        start = self.words[first].start
        return Span(start, end, self.text[start:end])

    def text_between(self, first: int, last: int) -> str:
        return self.span(first, last).text
