"""A view of the text model for the claims stage: a past participle the tagger took for an adjective after a perfect
auxiliary ("had doped", "has rigged") is a participle again, with its verb's lemma, so acts are found by their verb;
a penalty the tagger took for an adjective ("a record fine for", "the fine is") is a noun again; a gerund it took for a
noun after a preposition ("of doctoring tallies") is a verb again."""

from __future__ import annotations

from dataclasses import replace

from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.lemmas import verb_lemma
from newskg.ingest.extract.text.model import TextModel

_PERFECT = "have"
_REACH = 2  # tokens between the auxiliary and the participle ("had never doped")

_NOUN_PHRASE_TAGS = ("DT", "NN", "PRP$", "POS")
_AFTER_A_NOUN_TAGS = ("IN", "VBZ", "VBD", "VBP", "MD")


def _penalty_noun(model: TextModel, lexicon: Lexicon, i: int) -> bool:
    tokens = model.tokens
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].tag in _NOUN_PHRASE_TAGS
        and tokens[i + 1].tag in _AFTER_A_NOUN_TAGS
        and any(m.first == m.last == i for m in lexicon.penalties.at(model, i, lenient=True))
    )


def with_participles(model: TextModel, lexicon: Lexicon) -> TextModel:
    tokens = list(model.tokens)
    changed = False
    for i, token in enumerate(tokens):
        if token.tag == "NN" and token.norm.endswith("ing") and i > 0 and tokens[i - 1].tag == "IN":
            lemma = verb_lemma(token.norm)  # "accused of doctoring tallies": a gerund, not a noun
            if lemma is not None and lemma in lexicon.acts:
                tokens[i] = replace(token, tag="VBG", lemma=lemma)
                changed = True
            continue
        if token.tag != "JJ":
            continue
        if _penalty_noun(model, lexicon, i):
            tokens[i] = replace(token, tag="NN")
            changed = True
            continue
        auxiliary = next(
            (k for k in range(i - 1, max(-1, i - 1 - _REACH), -1) if not tokens[k].tag.startswith("RB")), None
        )
        if auxiliary is None or tokens[auxiliary].lemma != _PERFECT or not tokens[auxiliary].verb:
            continue
        lemma = verb_lemma(token.text.lower())
        if lemma is not None and lemma != token.lemma and lemma in lexicon.acts:
            tokens[i] = replace(token, tag="VBN", lemma=lemma)
            changed = True
    return replace(model, tokens=tuple(tokens)) if changed else model
