"""Lemmas and past tenses as lemminflect gives them (its tables ship inside its wheel: nothing is downloaded), looked
up in tables of lemminflect's own answers for every word of its dictionaries. Why tables: importing lemminflect
imports spaCy when spaCy is installed, and loading its dictionaries takes a fifth of a second more; the tables come
from the derived cache instead (ingest/derived_cache.py). A word outside the dictionaries gets lemminflect's answer
for such a word (none for a lemma; for a past tense, its rules, asked of lemminflect itself on that rare call), but
for a plural noun the tagger's lexicon knows and lemminflect's dictionaries do not know as a noun: the lemma its rules
for unknown nouns give ("survivors", "blushes"), in the tables; a plural no lexicon knows ("bloggers") gets the
singular of Pattern's inflection rules (plural_noun_lemma).
tests/test_extract/test_lemmas.py checks the tables against lemminflect for every word of its dictionaries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newskg.ingest.derived_cache import ProcessTable

BASE_FORM_UPOS = ("NOUN", "VERB", "AUX")


@dataclass(frozen=True)
class LemmaTables:
    """Keys are lower-case words of lemminflect's dictionaries; a word missing from a table has lemminflect's answer
    for a word it does not know (see the functions below)."""

    base_forms: dict[str, dict[str, str]]  # upos -> word -> its lower-case lemma, where that differs from the word
    verb_lemmas: dict[str, str]  # word -> the lemma of a word lemminflect knows as a verb and never as an adjective
    past_tenses: dict[str, str]  # lemma -> its past tense, for every lemma the dictionary answers for


def _lemminflect() -> Any:
    import lemminflect

    return lemminflect


def tagger_plurals() -> set[str]:
    """Lower-case words the tagger's lexicon (TextBlob's en-lexicon) knows as plural nouns."""
    from textblob.en import lexicon

    return {word for word, tag in lexicon.items() if tag == "NNS" and word == word.lower()}


def _build() -> LemmaTables:
    lemminflect = _lemminflect()
    from lemminflect.core.LexicalUtils import pennTagAlts

    lemmatizer, inflections = lemminflect.Lemmatizer(), lemminflect.Inflections()
    lemma_words = {*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()}
    base_forms: dict[str, dict[str, str]] = {upos: {} for upos in BASE_FORM_UPOS}
    verb_lemmas: dict[str, str] = {}
    for word in sorted(w for w in lemma_words if w == w.lower()):
        lemmas = lemminflect.getAllLemmas(word)
        for upos in BASE_FORM_UPOS:
            found = lemmas.get(upos) or (lemmas.get("VERB") if upos == "AUX" else None)
            if found and found[0].lower() != word:
                base_forms[upos][word] = found[0].lower()
        if "ADJ" not in lemmas and "VERB" in lemmas:
            verb_lemmas[word] = lemmas["VERB"][0]
    for word in sorted(tagger_plurals()):  # "survivors", which lemminflect's dictionaries lack as a noun
        if lemminflect.getAllLemmas(word).get("NOUN"):
            continue
        found = lemminflect.getAllLemmasOOV(word, "NOUN").get("NOUN")
        if found and found[0].lower() != word:
            base_forms["NOUN"][word] = found[0].lower()
    past_tenses: dict[str, str] = {}
    infl_words = {*inflections._getInflDict(), *inflections._getOverridesDict()}
    for word in sorted(w for w in infl_words if w == w.lower()):
        forms = lemminflect.getAllInflections(word)
        found = forms.get("VBD")
        if found is None:  # the steps of lemminflect's getInflection, short of its rules for unknown words
            for tag in pennTagAlts("VBD"):
                found = forms.get(tag)
                if found:
                    break
        if found is not None:
            past_tenses[word] = found[0] if found else word
    return LemmaTables(base_forms, verb_lemmas, past_tenses)


LEMMA_TABLES = ProcessTable("lemmas", _build, libraries=("lemminflect", "textblob"))


def base_form(word: str, upos: str) -> str:
    """The lower-case lemma of a lower-case word as a NOUN, VERB or AUX (an AUX lemminflect does not know as one
    is looked up as a VERB); the word itself when lemminflect's dictionary has none: its guessing rules make
    "armoured" "armoure"."""
    return LEMMA_TABLES.get().base_forms[upos].get(word, word)


def plural_noun_lemma(word: str) -> str:
    """The lemma of a lower-case plural noun: from the tables, else the singular Pattern's inflection rules give (in
    TextBlob, which the tagger has loaded already; lemminflect would load spaCy for one word): "bloggers" →
    "blogger"."""
    found = LEMMA_TABLES.get().base_forms["NOUN"].get(word)
    return found if found is not None else _singular(word)


def verb_lemma(word: str) -> str | None:
    """The verb lemma of a lower-case word lemminflect knows as a verb and never as an adjective ("doctoring" →
    "doctor"), else None."""
    if word != word.lower():
        return _verb_lemma_of_lemminflect(word)
    return LEMMA_TABLES.get().verb_lemmas.get(word)


def past_tense(lemma: str) -> str:
    """The first past-tense form of a lemma ("provide" → "provided"), or the lemma when there is none."""
    found = LEMMA_TABLES.get().past_tenses.get(lemma) if lemma == lemma.lower() else None
    return found if found is not None else _past_of_lemminflect(lemma)


@lru_cache(maxsize=1024)
def _verb_lemma_of_lemminflect(word: str) -> str | None:
    lemmas = _lemminflect().getAllLemmas(word)
    return None if "ADJ" in lemmas or "VERB" not in lemmas else lemmas["VERB"][0]  # type: ignore[no-any-return]


@lru_cache(maxsize=1024)
def _singular(word: str) -> str:
    from textblob.en.inflect import singularize  # imported with the tagger, not with this module: `--help` stays bare

    return str(singularize(word)).lower()


@lru_cache(maxsize=1024)
def _past_of_lemminflect(lemma: str) -> str:
    forms = _lemminflect().getInflection(lemma, tag="VBD")
    return forms[0] if forms else lemma  # type: ignore[no-any-return]
