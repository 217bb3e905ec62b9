"""Fingerprints that group the same quote or the same allegation across articles (cluster nodes, never owl:sameAs).

A quote's fingerprint is its content words in order: lower case, editorial insertions in brackets removed, punctuation
and stopwords dropped, so "help for this offensive" and "help for [the recent] offensive" agree. An allegation's is its
claim type with its accused and beneficiary actors.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS

_BRACKETED = re.compile(r"\[[^\]]*\]")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[a-z0-9]+")


def quote_fingerprint(text: str) -> str:
    plain = _POSSESSIVE.sub("", _BRACKETED.sub(" ", text))
    folded = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in _WORD.findall(folded) if w not in STOP_WORDS]
    return " ".join(words)


def allegation_fingerprint(claim_type: str | None, accused: list[str], beneficiaries: list[str]) -> str:
    return "|".join([claim_type or "claim", ",".join(sorted(set(accused))), ",".join(sorted(set(beneficiaries)))])
