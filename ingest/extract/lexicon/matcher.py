"""Find lexicon entries in a text model by lemma: an entry's words (tokenised like the text, so "cover-up" is three
tokens) match consecutive tokens whose lemma or folded form equals them, with the part of speech the entry asks for."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from newskg.ingest.extract.text.folding import fold
from newskg.ingest.extract.text.model import TextModel, Token
from newskg.ingest.extract.text.tokenizer import tokenize

POS_TAGS = {
    "verb": ("VB", "MD"),
    "noun": ("NN",),
    "adjective": ("JJ", "VBN"),
    "adverb": ("RB",),
    "preposition": ("IN", "TO"),
}


class HasLemma(Protocol):
    @property
    def lemma(self) -> str: ...

    @property
    def pos(self) -> str: ...


Entry = TypeVar("Entry", bound=HasLemma)


@dataclass(frozen=True)
class Match(Generic[Entry]):
    first: int
    last: int
    entry: Entry


@lru_cache(maxsize=65536)  # the actor and event stages each index every name of the registry
def entry_words(phrase: str) -> tuple[str, ...]:
    """The folded tokens of a lexicon phrase, cut as the text model cuts text."""
    return tuple(fold(t.text) for t in tokenize(phrase.strip()) if not t.is_space)


def pos_fits(token: Token, pos: str) -> bool:
    tags = POS_TAGS.get(pos)
    return tags is None or token.tag.startswith(tags)


class LemmaMatcher(Generic[Entry]):
    """Longest match first at each token; an entry's part of speech is checked on its first word for verbs and on
    its last word for nouns (the head of "press conference")."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in entries:
            words = entry_words(entry.lemma)
            if words:
                self._by_first.setdefault(words[0], []).append((words, entry))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: len(c[0]), reverse=True)

    def __contains__(self, word: str) -> bool:
        return any(len(words) == 1 for words, _ in self._by_first.get(fold(word), []))

    def lookup(self, phrase: str) -> list[Entry]:
        words = entry_words(phrase)
        return [entry for key, entry in self._by_first.get(words[0], []) if key == words] if words else []

    def at(self, model: TextModel, i: int, *, lenient: bool = False) -> list[Match[Entry]]:
        """Entries whose words start at token i (longest first); lenient ignores parts of speech."""
        tokens = model.tokens
        token = tokens[i]
        found: list[Match[Entry]] = []
        for key in {fold(token.lemma), token.norm}:
            for words, entry in self._by_first.get(key, []):
                last = i + len(words) - 1
                if last >= len(tokens) or not all(
                    words[k] in (fold(tokens[i + k].lemma), tokens[i + k].norm) for k in range(1, len(words))
                ):
                    continue
                if any(tokens[j].sentence != token.sentence for j in range(i, last + 1)):
                    continue
                head = tokens[last] if entry.pos == "noun" else token
                if lenient or pos_fits(head, entry.pos):
                    found.append(Match(i, last, entry))
        found.sort(key=lambda m: m.last - m.first, reverse=True)
        return found

    def find(
        self, model: TextModel, first: int = 0, last: int | None = None, *, lenient: bool = False
    ) -> Iterator[Match[Entry]]:
        """Non-overlapping matches, longest first, inside tokens first..last."""
        stop = len(model.tokens) - 1 if last is None else last
        i = first
        while i <= stop:
            matches = [m for m in self.at(model, i, lenient=lenient) if m.last <= stop]
            if matches:
                best = matches[0]
                yield from (m for m in matches if m.last == best.last)
                i = best.last + 1
            else:
                i += 1
