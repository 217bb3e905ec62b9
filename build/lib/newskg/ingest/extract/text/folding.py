"""One folding of words and names for registry labels and article text alike: case, diacritics, apostrophes and dots
("Ja’far" → "jafar", "U.S." → "us"), so that "Jabhat al-Nasr", "Jabhat al Nasr" and "JABHAT AL-NASR" share a key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’ʼ‘`"
_DROPPED = re.compile(rf"[{APOSTROPHES}.]")
_NAME_WORD = re.compile(rf"(?:[^\W\d_]\.){{2,}}|[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
_POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s$", re.IGNORECASE)


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _DROPPED.sub("", bare).lower()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The folded key of a name: its words folded, joined by one space, without a possessive or a leading "the"."""
    words = [fold(_POSSESSIVE.sub("", w) if len(w) > 2 else w) for w in _NAME_WORD.findall(name)]
    words = [w for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)
