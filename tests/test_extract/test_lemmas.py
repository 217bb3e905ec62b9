"""The lemma tables (ingest/extract/text/lemmas.py) answer as lemminflect does, asked the way the extractor used to
ask it: for every word of lemminflect's dictionaries, and for generated words it may not know."""

from __future__ import annotations

import lemminflect
import pytest
from hypothesis import given
from hypothesis import strategies as st
from textblob.en.inflect import singularize

from newskg.ingest.extract.text.lemmas import (
    BASE_FORM_UPOS,
    base_form,
    past_tense,
    plural_noun_lemma,
    tagger_plurals,
    verb_lemma,
)
from newskg.ingest.extract.text.tagging import lemma

LEMMATIZER, INFLECTIONS = lemminflect.Lemmatizer(), lemminflect.Inflections()
LEMMA_WORDS = sorted(w for w in {*LEMMATIZER._getLemmaDict(), *LEMMATIZER._getOverridesDict()} if w == w.lower())
INFLECTED_WORDS = sorted(w for w in {*INFLECTIONS._getInflDict(), *INFLECTIONS._getOverridesDict()} if w == w.lower())
WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz-'éß"), min_size=1, max_size=12)


TAGGER_PLURALS = tagger_plurals()


def lemminflect_base_form(lower: str, upos: str) -> str:
    found = lemminflect.getLemma(lower, upos=upos, lemmatize_oov=False)
    if not found and upos == "AUX":
        found = lemminflect.getLemma(lower, upos="VERB", lemmatize_oov=False)
    if not found and upos == "NOUN" and lower in TAGGER_PLURALS:  # a plural only the tagger knows as a noun
        found = lemminflect.getAllLemmasOOV(lower, "NOUN").get("NOUN", ())
    return found[0].lower() if found else lower


def lemminflect_verb_lemma(word: str) -> str | None:
    lemmas = lemminflect.getAllLemmas(word)
    return None if "ADJ" in lemmas or "VERB" not in lemmas else lemmas["VERB"][0]


def lemminflect_past(lemma: str) -> str:
    forms = lemminflect.getInflection(lemma, tag="VBD")
    return forms[0] if forms else lemma


@pytest.mark.parametrize("upos", BASE_FORM_UPOS)
def test_base_forms_of_every_dictionary_word(upos: str) -> None:
    differing = [w for w in LEMMA_WORDS if base_form(w, upos) != lemminflect_base_form(w, upos)]
    assert differing == []


def test_verb_lemmas_of_every_dictionary_word() -> None:
    assert [w for w in LEMMA_WORDS if verb_lemma(w) != lemminflect_verb_lemma(w)] == []


def test_past_tenses_of_every_dictionary_lemma() -> None:
    assert [w for w in INFLECTED_WORDS if past_tense(w) != lemminflect_past(w)] == []


@given(WORDS, st.sampled_from(BASE_FORM_UPOS))
def test_generated_words(word: str, upos: str) -> None:
    assert base_form(word, upos) == lemminflect_base_form(word, upos)
    assert verb_lemma(word) == lemminflect_verb_lemma(word)
    assert past_tense(word) == lemminflect_past(word)


def test_a_plural_only_the_tagger_knows_gets_lemminflect_s_lemma_for_unknown_nouns() -> None:
    assert "survivors" in TAGGER_PLURALS and base_form("survivors", "NOUN") == "survivor"
    assert [w for w in sorted(TAGGER_PLURALS) if base_form(w, "NOUN") != lemminflect_base_form(w, "NOUN")] == []


def test_words_lemminflect_knows_in_capitals_are_asked_of_it() -> None:
    assert verb_lemma("Doctoring") == lemminflect_verb_lemma("Doctoring")
    assert past_tense("Provide") == lemminflect_past("Provide") == "Provided"


def test_a_plural_no_lexicon_knows_gets_the_singular_of_pattern_s_rules_and_known_words_keep_theirs() -> None:
    assert lemma("bloggers", "NNS") == "blogger" == singularize("bloggers")
    assert lemma("headquarters", "NNS") == base_form("headquarters", "NOUN")
    assert plural_noun_lemma("species") == "species"
