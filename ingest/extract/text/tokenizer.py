"""Text → tokens with offsets and sentence starts, exactly as spaCy's English tokenizer and sentencizer cut it
(spacy.blank("en") with the "sentencizer" pipe), by the same steps over spaCy's own rules: prefixes, suffixes,
infixes, URLs and special cases, exported from spaCy as data by scripts/export_spacy_rules.py
(spacy_english.json beside this module, which also holds spaCy's English stop words).

Why not spaCy itself: importing it takes most of a second — longer than extracting an article — and the text
model needs nothing else from it. tests/test_extract/test_tokenizer.py proves the tokens (text, offsets) and
sentence starts equal spaCy's on every text of the project and on generated texts; spaCy stays a test dependency
for that, and the export script is run again whenever spaCy is upgraded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).with_name("spacy_english.json")
_RUNS = re.compile(r"\s+|\S+")  # spaCy cuts text into runs of str.isspace() characters and runs of others


@dataclass(frozen=True, slots=True)
class Piece:
    """A token as spaCy cuts it (whitespace other than one space between words is a token too)."""

    text: str
    start: int
    sentence_start: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_space(self) -> bool:
        return self.text.isspace()


def _compiled(rule: dict[str, Any] | None) -> re.Pattern[str] | None:
    return re.compile(rule["pattern"], rule["flags"]) if rule else None


def _is_punct(text: str) -> bool:
    """spaCy's lexical attribute is_punct: every character of a Unicode punctuation category."""
    return all(unicodedata.category(c).startswith("P") for c in text)


class Tokenizer:
    def __init__(self, rules: dict[str, Any]) -> None:
        tokenizer = rules["tokenizer"]
        prefix, suffix = _compiled(tokenizer["prefix_search"]), _compiled(tokenizer["suffix_search"])
        infix, token, url = (_compiled(tokenizer[k]) for k in ("infix_finditer", "token_match", "url_match"))
        assert prefix is not None and suffix is not None and infix is not None
        self._prefix_search: Callable[[str], re.Match[str] | None] = prefix.search
        self._suffix_search: Callable[[str], re.Match[str] | None] = suffix.search
        self._infix_finditer: Callable[[str], Iterator[re.Match[str]]] = infix.finditer
        self._token_match = token.match if token else None
        self._url_match = url.match if url else None
        self.specials: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in tokenizer["special_cases"].items()}
        self._chunks: dict[str, tuple[str, ...]] = {}
        # special cases that the affix rules would cut apart are found again in the cut text, as spaCy's matcher does
        self._patterns: dict[str, set[tuple[str, ...]]] = {}
        for text in self.specials:
            if not tokenizer["faster_heuristics"] or self._has_affix(text) or " " in text:
                pattern = tuple(p.text for p in self._cut(text, with_specials=False))
                self._patterns.setdefault(pattern[0], set()).add(pattern)
        self.sentence_punctuation = frozenset(rules["sentencizer"]["punct_chars"])

    def __call__(self, text: str) -> list[Piece]:
        """The tokens of the text (spaCy's tokenizer)."""
        return self._special_cases(text, self._cut(text, with_specials=True))

    def _has_affix(self, text: str) -> bool:
        return (
            self._affix_length(self._prefix_search(text)) > 0
            or self._affix_length(self._suffix_search(text)) > 0
            or any(True for _ in self._infix_finditer(text))
        )

    @staticmethod
    def _affix_length(match: re.Match[str] | None) -> int:
        return match.end() - match.start() if match is not None else 0

    def _cut(self, text: str, *, with_specials: bool) -> list[Piece]:
        """Each run of whitespace and of other characters cut into tokens; one space after a word is no token."""
        pieces: list[Piece] = []
        for run in _RUNS.finditer(text):
            start, end = run.span()
            if start > 0 and text[start] == " ":
                start += 1
            if start < end:
                offset = start
                for word in self._chunk(text[start:end], with_specials):
                    pieces.append(Piece(word, offset))
                    offset += len(word)
        return pieces

    def _chunk(self, chunk: str, with_specials: bool) -> tuple[str, ...]:
        if with_specials:
            if chunk in self.specials:
                return self.specials[chunk]
            known = self._chunks.get(chunk)
            if known is None:
                known = self._chunks[chunk] = self._tokenize(chunk, with_specials)
            return known
        return self._tokenize(chunk, with_specials)

    def _tokenize(self, string: str, with_specials: bool) -> tuple[str, ...]:
        """spaCy's Tokenizer._split_affixes then _attach_tokens, step by step."""
        specials = self.specials if with_specials else {}
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        while string and len(string) != last_size:
            if self._token_match is not None and self._token_match(string):
                break
            if string in specials:
                break
            last_size = len(string)
            pre_len = self._affix_length(self._prefix_search(string))
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and minus_pre in specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._affix_length(self._suffix_search(string[pre_len:]))
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        words = prefixes
        if string:
            words.extend(self._attach(string, specials))
        words.extend(reversed(suffixes))
        return tuple(words)

    def _attach(self, string: str, specials: dict[str, tuple[str, ...]]) -> list[str]:
        if string in specials:
            return list(specials[string])
        if (self._token_match is not None and self._token_match(string)) or (
            self._url_match is not None and self._url_match(string)
        ):
            return [string]
        infixes = list(self._infix_finditer(string))
        if not infixes:
            return [string]
        words: list[str] = []
        start = 0
        for match in infixes:
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                words.append(string[start:infix_start])
            if infix_start != infix_end:
                words.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            words.append(string[start:])
        return words

    def _special_cases(self, text: str, pieces: list[Piece]) -> list[Piece]:
        """spaCy's _apply_special_cases: special cases the cut left in several tokens are joined into theirs, the
        longest first, then the earliest."""
        found: list[tuple[int, int]] = []
        for i, piece in enumerate(pieces):
            for pattern in self._patterns.get(piece.text, ()):
                end = i + len(pattern)
                if end <= len(pieces) and all(pieces[i + k].text == w for k, w in enumerate(pattern)):
                    found.append((i, end))
        if not found:
            return pieces
        seen: set[int] = set()
        kept: dict[int, int] = {}
        for first, end in sorted(set(found), key=lambda span: (span[0] - span[1], span[0])):
            if first not in seen and end - 1 not in seen:
                kept[first] = end
            seen.update(range(first, end))
        joined: list[Piece] = []
        i = 0
        while i < len(pieces):
            end = kept.get(i)
            if end is None:
                joined.append(pieces[i])
                i += 1
                continue
            words = self.specials.get(text[pieces[i].start : pieces[end - 1].end])
            if words is None:
                joined.extend(pieces[i:end])
            else:
                offset = pieces[i].start
                for word in words:
                    joined.append(Piece(word, offset))
                    offset += len(word)
            i = end
        return joined

    def with_sentences(self, pieces: list[Piece]) -> list[Piece]:
        """The tokens with spaCy's Sentencizer's sentence starts: a sentence starts at the first token that is no
        punctuation after one of its sentence-ending marks."""
        starts = {0} if pieces else set()
        seen_period = False
        for i, piece in enumerate(pieces):
            ends_sentence = piece.text in self.sentence_punctuation
            if seen_period and not ends_sentence and not _is_punct(piece.text):
                starts.add(i)
                seen_period = False
            elif ends_sentence:
                seen_period = True
        return [Piece(p.text, p.start, i in starts) for i, p in enumerate(pieces)]


@lru_cache(maxsize=1)
def spacy_rules() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as file:
        return json.load(file)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    return Tokenizer(spacy_rules())


def tokenize(text: str) -> list[Piece]:
    """The text's tokens, as spacy.blank("en").tokenizer cuts it."""
    return _tokenizer()(text)


def tokenize_sentences(text: str) -> list[Piece]:
    """The text's tokens with their sentence starts, as spacy.blank("en") with the "sentencizer" pipe finds them."""
    tokenizer = _tokenizer()
    return tokenizer.with_sentences(tokenizer(text))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words."""
    return frozenset(spacy_rules()["stop_words"])
