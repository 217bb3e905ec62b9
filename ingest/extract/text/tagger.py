"""TextBlob's English parser (Pattern's Brill tagger and chunker), built as textblob.en builds its own, except that the
word table of its lexicon (94,000 words of en-lexicon.txt, a tenth of a second to read) comes from the derived cache
(ingest/derived_cache.py) when the extractor was given one. Its morphology, context and entity rules are read from
TextBlob's files as before; tests/test_extract/test_tagger.py checks this parser tags as textblob.en's does."""

from __future__ import annotations

from typing import Any

from newskg.ingest.derived_cache import ProcessTable


def _tagger_words() -> dict[str, str]:
    """The words of TextBlob's English lexicon with their Penn tags, as its loader reads them."""
    from textblob.en import lexicon

    return dict(lexicon.items())


TAGGER_WORDS = ProcessTable("tagger-words", _tagger_words, libraries=("textblob",))


def english_parser() -> Any:
    from textblob._text import Lexicon
    from textblob.en import Parser, lexicon, parser

    class _TableLexicon(Lexicon):  # type: ignore[misc]
        """TextBlob's lexicon with its word table loaded from TAGGER_WORDS instead of en-lexicon.txt."""

        def load(self) -> None:
            dict.update(self, TAGGER_WORDS.get())

    words = _TableLexicon(path=lexicon.path, morphology=lexicon.morphology.path, context=lexicon.context.path,
                          entities=lexicon.entities.path, NNP=lexicon.entities.tag, language=lexicon.language)
    return Parser(lexicon=words, default=parser.default, language=parser.language)
