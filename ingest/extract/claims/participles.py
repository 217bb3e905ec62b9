"""A view of the text model in which a past participle the tagger took for an adjective after a perfect auxiliary
("had doped", "has rigged") is a participle again, with its verb's lemma, so acts are found by their verb."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

_PERFECT = "have"
_REACH = 2  # tokens between the auxiliary and the participle ("had never doped")


@lru_cache(maxsize=4096)
def _verb_lemma(word: str) -> str | None:
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word)
    if "ADJ" in lemmas or "VERB" not in lemmas:
        return None
    return lemmas["VERB"][0]


def with_participles(model: TextModel, lexicon: Lexicon) -> TextModel:
    tokens = list(model.tokens)
    changed = False
    for i, token in enumerate(tokens):
        if token.tag != "JJ":
            continue
        auxiliary = next(
            (k for k in range(i - 1, max(-1, i - 1 - _REACH), -1) if not tokens[k].tag.startswith("RB")), None
        )
        if auxiliary is None or tokens[auxiliary].lemma != _PERFECT or not tokens[auxiliary].verb:
            continue
        lemma = _verb_lemma(token.text.lower())
        if lemma is not None and lemma != token.lemma and lemma in lexicon.acts:
            tokens[i] = replace(token, tag="VBN", lemma=lemma)
            changed = True
    return replace(model, tokens=tuple(tokens)) if changed else model
