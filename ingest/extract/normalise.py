"""Name normalisation and word tokens: one folding for registry labels and article text alike.

Folding makes names insensitive to case, apostrophes (' ’ ʼ), hyphens versus spaces, diacritics and a trailing
possessive: "Jabhat al-Nasr", "Jabhat al Nasr" and "JABHAT AL-NASR's" share one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

APOSTROPHES = "'’ʼ‘`"
# dotted acronyms (U.S., U.K.) are one token; otherwise letters/digits with inner apostrophes (Sana'a, Brazil's)
_TOKEN = re.compile(rf"(?:[^\W\d_]\.){{2,}}|[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
_POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s$", re.IGNORECASE)


class Token(NamedTuple):
    """A word of the text. norm is its folded form without a possessive 's; gap is the text since the previous word.

    capitalised: starts with a capital; acronym: two or more letters, all capitals ("WTO", "U.S.").
    """

    position: int
    start: int
    end: int
    text: str
    norm: str
    possessive: bool
    gap: str
    capitalised: bool
    acronym: bool

    @property
    def name_end(self) -> int:
        """End offset without the possessive 's."""
        return self.end - 2 if self.possessive else self.end


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, no diacritics, no apostrophes or dots: "Ja’far" -> "jafar", "U.S." -> "us"."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(rf"[{APOSTROPHES}.]", "", bare).lower()


@lru_cache(maxsize=65536)
def _describe(word: str) -> tuple[str, bool, bool, bool]:
    """norm, possessive, capitalised, acronym of one word."""
    possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
    letters = [c for c in (word[:-2] if possessive else word) if c.isalpha()]
    acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
    return fold(word[:-2] if possessive else word), possessive, word[0].isupper(), acronym


def tokens(text: str) -> list[Token]:
    result: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        norm, possessive, capitalised, acronym = _describe(word)
        result.append(Token(len(result), start, end, word, norm, possessive, text[previous_end:start],
                            capitalised, acronym))
        previous_end = end
    return result


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[Token, ...]:
    """The words of a short name (a label, a variant), cached: names recur across articles."""
    return tuple(tokens(name))


def name_key(name: str) -> str:
    """The folded key of a name: its tokens' norms joined by one space; a leading "the" is dropped."""
    words = [t.norm for t in name_tokens(name)]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)
