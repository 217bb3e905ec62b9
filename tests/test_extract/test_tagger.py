"""The English parser the extractor builds (ingest/extract/text/tagger.py: TextBlob's, its word table from the derived
cache) tags and chunks as textblob.en's own parser does, sentence by sentence, on the texts of the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from textblob.en import parser as textblob_parser

from newskg.ingest.derived_cache import DerivedCache
from newskg.ingest.extract.text.tagger import TAGGER_WORDS, english_parser
from newskg.ingest.extract.text.tagging import plain
from newskg.ingest.extract.text.tokenizer import tokenize_sentences
from newskg.ingest.resources import PROJECT_ROOT

TEXTS = sorted([*(PROJECT_ROOT / "seeds").glob("*.txt"), *(PROJECT_ROOT / "evaluation" / "gold" / "unseen").glob("*.txt"),
                *(PROJECT_ROOT / "tests" / "fixtures" / "articles").glob("*.txt")])


def sentences(text: str) -> list[list[str]]:
    found: list[list[str]] = []
    for piece in tokenize_sentences(text):
        if piece.sentence_start or not found:
            found.append([])
        if not piece.is_space:
            found[-1].append(plain(piece.text))
    return [s for s in found if s]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_tags_and_chunks_as_textblob(path: Path) -> None:
    ours = english_parser()
    for words in sentences(path.read_text(encoding="utf-8")):
        tagged = ours.find_tags(words)
        assert tagged == textblob_parser.find_tags(words)
        assert ours.find_chunks([list(t) for t in tagged]) == textblob_parser.find_chunks([list(t) for t in tagged])


def test_the_word_table_round_trips_through_the_cache(tmp_path: Path) -> None:
    words = DerivedCache(tmp_path).get(TAGGER_WORDS.name, lambda: dict(textblob_parser.lexicon.items()),
                                       libraries=TAGGER_WORDS.libraries)
    assert words == dict(textblob_parser.lexicon.items()) and len(words) > 90_000
