"""Write ingest/extract/text/spacy_english.json: the rules of spaCy's English tokenizer (spacy.blank("en")) and of its
sentencizer, and spaCy's English stop words, exported from the installed spaCy as data, never retyped. The text
model cuts text with them (ingest/extract/text/tokenizer.py says why without spaCy). Run it with the project's
Python after upgrading spaCy (`.venv/bin/python scripts/export_spacy_rules.py`); tests/test_extract/test_tokenizer.py
fails when the file and the installed spaCy disagree."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.pipeline import Sentencizer

TARGET = Path(__file__).resolve().parent.parent / "ingest" / "extract" / "text" / "spacy_english.json"


def _pattern(method: object) -> dict[str, object] | None:
    """A compiled regular expression's pattern and flags, from one of its bound methods (search, finditer, match)."""
    if method is None:
        return None
    compiled = getattr(method, "__self__", None)
    if not isinstance(compiled, re.Pattern):
        raise SystemExit(f"not a method of a compiled regular expression: {method!r}")
    return {"pattern": compiled.pattern, "flags": int(compiled.flags)}


def rules() -> dict[str, object]:
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    special_cases = {text: [piece[ORTH] for piece in pieces] for text, pieces in sorted(tokenizer.rules.items())}
    return {
        "spacy_version": spacy.__version__,
        "tokenizer": {
            "prefix_search": _pattern(tokenizer.prefix_search),
            "suffix_search": _pattern(tokenizer.suffix_search),
            "infix_finditer": _pattern(tokenizer.infix_finditer),
            "token_match": _pattern(tokenizer.token_match),
            "url_match": _pattern(tokenizer.url_match),
            "faster_heuristics": tokenizer.faster_heuristics,
            "special_cases": special_cases,
        },
        "sentencizer": {"punct_chars": sorted(Sentencizer().punct_chars)},
        "stop_words": sorted(STOP_WORDS),
    }


def main() -> None:
    TARGET.write_text(json.dumps(rules(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} (spaCy {spacy.__version__})", file=sys.stderr)


if __name__ == "__main__":
    main()
