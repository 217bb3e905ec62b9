"""Part of speech and phrase chunks from Pattern's Brill tagger and rule chunker as bundled in TextBlob (English, BSD;
its lexicon and rules ship inside the wheel), and lemmas from lemminflect's tables (inside its wheel too): no model is
downloaded. The tagger is imported on first use, so commands that never extract start fast (tagger.py builds it);
lemmas come from tables of lemminflect's answers (lemmas.py)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newskg.ingest.extract.text.lemmas import base_form, plural_noun_lemma
from newskg.ingest.extract.text.tagger import english_parser

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "ʼ": "'"})
# Penn tag → the universal part of speech lemminflect asks for
_UPOS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
}


@lru_cache(maxsize=1)
def _parser() -> Any:
    return english_parser()


def plain(word: str) -> str:
    """The word with typographic quotes and apostrophes made plain, as the tagger's lexicon writes them."""
    return word.translate(_QUOTE_MARKS)


def tag_and_chunk(words: list[str]) -> list[tuple[str, str]]:
    """(Penn tag, chunk IOB label such as "B-NP") for each word of one sentence."""
    if not words:
        return []
    parser = _parser()
    tagged = _repair([[w, t] for w, t in parser.find_tags([plain(w) for w in words])])
    chunked = parser.find_chunks(tagged)
    return [(row[1], row[2]) for row in chunked]


# the two auxiliaries after which an -ed form is a participle ("was closed", "has denied")
_PARTICIPLE_AUXILIARIES = ("be", "have")
_NAME_TAGS = ("NNP", "NNPS")
_COMMON_NOUN_TAGS = ("NN", "NNS")
_OBJECT_START_TAGS = ("DT", "PRP$", "PRP", "NN", "NNS")
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _repair(tagged: list[list[str]]) -> list[list[str]]:
    """Slips of the Brill rules, mended from the words around. A word in capitals in running text takes the tag of
    the lower-case word ("IT" a pronoun); a gerund, an infinitive or a verb after a modal is taken for a noun ("had
    been teaching", "to influence the outcome", "would strike", and the other way round "the reporting showed").
    Past tense against participle is decided from the word before: "was closed" comes out VBD, and a name the
    lexicon does not know before "denied" leaves it VBN; fixed by the auxiliary or a possessive ("Lund's reported
    comments"), or by a name just before a form with no auxiliary and no "by" after it, or by a common noun before
    and an object after ("staff hid the files", "the army supplied rifles", "the ministry denied Ostrian
    involvement")."""
    alphabetic = [w for w, _ in tagged if any(c.isalpha() for c in w)]
    shouting = all(w.isupper() for w in alphabetic)
    title_case = sum(w[:1].isupper() for w in alphabetic) > 0.6 * len(alphabetic)  # a headline
    for position, (word, tag) in enumerate(tagged):
        if position > 0 and not shouting and len(word) >= 2 and word.isupper() and not tag.startswith("NNP"):
            tagged[position][1] = "NNP"  # "IT", "US", "HTS" in running text are names, not "it", "us" or a noun
            continue
        if tag == "NN" and word.endswith("ing") and position > 0:
            previous_word, previous_tag = tagged[position - 1]
            if previous_tag.startswith("VB") and lemma(previous_word, previous_tag) == "be":
                tagged[position][1] = "VBG"  # "had been teaching": a progressive, not the noun "teaching"
                continue
        if tag == "NN" and 0 < position < len(tagged) - 1 and tagged[position - 1][1] == "TO" and word.islower():
            if tagged[position + 1][1] in ("DT", "PRP$"):
                tagged[position][1] = "VB"  # "attempting to influence the outcome": an infinitive with its object
                continue
        if tag == "VBG" and word.islower() and position > 0 and tagged[position - 1][1] == "DT":
            if _verb_at(tagged, position + 1):
                tagged[position][1] = "NN"  # "the reporting also showed": a gerund after an article, as a subject
                continue
        if tag == "NN" and word.islower() and _after_modal(tagged, position):
            tagged[position][1] = "VB"  # "would strike its rivals": after a modal, the verb
            continue
        name_part = position > 1 and tagged[position - 1][0][:1].isupper() and tagged[position - 1][1] != "."
        if name_part and not title_case and word[:1].isupper() and not word.isupper() and tag.startswith("VB"):
            tagged[position][1] = "NNP"  # "Fair Pay": a capitalised word after a capitalised one is a name's
            continue
        if tag not in ("VBD", "VBN"):
            continue
        before = position - 1
        while before >= 0 and tagged[before][1].startswith("RB"):
            before -= 1
        previous_word, previous_tag = tagged[before] if before >= 0 else ("", "")
        after_auxiliary = (
            previous_tag.startswith("VB") and lemma(previous_word, previous_tag) in _PARTICIPLE_AUXILIARIES
        )
        if tag == "VBD" and (after_auxiliary or previous_tag == "POS" and before == position - 1):
            tagged[position][1] = "VBN"  # "was closed"; "Lund's reported comments": a possessive's noun, modified
        elif tag == "VBN" and before == position - 1 and previous_tag in _NAME_TAGS:
            following = tagged[position + 1][0].lower() if position + 1 < len(tagged) else ""
            if following != "by":
                tagged[position][1] = "VBD"
        elif tag == "VBN" and before == position - 1 and previous_tag in _COMMON_NOUN_TAGS:
            following = [t for _, t in tagged[position + 1 : position + 3]]
            # a name after it, and no finite verb later: "The ministry denied Ostrian involvement"
            named_object = following[:1] == ["NNP"] and not any(t in _FINITE for _, t in tagged[position + 1 :])
            if named_object or following[:1] and (following[0] in _OBJECT_START_TAGS or following[0] == "JJ" and
                                                  following[1:] and following[1] in _COMMON_NOUN_TAGS):
                # "executives concealed a breach", "the army supplied (modern) rifles": a participle takes no object;
                # not "values considered suspicious", "a letter dated 29 May"
                tagged[position][1] = "VBD"
    return tagged


def _verb_at(tagged: list[list[str]], position: int) -> bool:
    """A finite verb or a modal at position, adverbs skipped ("also highlighted")."""
    while position < len(tagged) and tagged[position][1].startswith("RB"):
        position += 1
    return position < len(tagged) and tagged[position][1] in ("VBD", "VBZ", "VBP", "VBN", "MD")


def _after_modal(tagged: list[list[str]], position: int) -> bool:
    """A modal before position, adverbs skipped ("would not strike")."""
    before = position - 1
    while before > 0 and tagged[before][1].startswith("RB"):
        before -= 1
    return before >= 0 and tagged[before][1] == "MD"


def known_common_word(word: str) -> bool:
    """The tagger's lexicon knows the lower-cased word as something other than a proper noun ("the", "prosecutors",
    "meta" is not): a capital on it at a sentence's start says nothing about a name."""
    tags = _parser().lexicon.get(plain(word).lower())
    return tags is not None and not tags.startswith("NNP")


def known_word(word: str) -> bool:
    """The tagger's lexicon knows the word in any form, a name's included ("John", "Kim"; not "Blagov")."""
    lexicon = _parser().lexicon
    folded = plain(word)
    return any(lexicon.get(w) is not None for w in (folded, folded.lower(), folded.capitalize()))


@lru_cache(maxsize=131072)
def lemma(word: str, tag: str) -> str:
    """Lower-case base form: "testified"/VBD → "testify", "officials"/NNS → "official", "was"/VBD → "be"."""
    lower = plain(word).lower()
    if tag.startswith("NNP") or not any(c.isalpha() for c in lower):
        return lower
    upos = _UPOS.get(tag)
    if upos is None:
        return lower
    if tag == "NNS" and not known_word(lower):
        return plural_noun_lemma(lower)  # "bloggers": no lexicon knows it, lemminflect's rules for plurals do
    return base_form(lower, upos)
