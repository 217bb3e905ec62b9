"""The tokenizer (ingest/extract/text/tokenizer.py) cuts text exactly as spacy.blank("en") with the "sentencizer" pipe:
the same tokens (text and offset, whitespace tokens included) and the same sentence starts, on every text of the
project and on generated ones; and its rule file is the installed spaCy's, exported by scripts/export_spacy_rules.py.
spaCy is a test dependency for this alone."""

from __future__ import annotations

import importlib.util
import string
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from newskg.ingest.extract.text.tokenizer import spacy_rules, stop_words, tokenize, tokenize_sentences
from newskg.ingest.resources import PROJECT_ROOT, REGISTRY_FILES

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
NLP.max_length = 10**9
SPECIAL_CASES = sorted(spacy_rules()["tokenizer"]["special_cases"])
TEXT_FOLDERS = ["seeds", "evaluation/gold/unseen", "evaluation/real/texts", "tests/fixtures/articles",
                "tests/test_extract/data", "tests/test_hardening/bad_inputs"]
TEXTS = sorted(p for folder in TEXT_FOLDERS for p in (PROJECT_ROOT / folder).glob("*")
               if p.suffix in (".txt", ".html", ".json") and "deeply-nested" not in p.name)  # spaCy takes minutes


def spacy_cut(text: str) -> list[tuple[str, int, bool]]:
    doc = NLP(text)
    starts = doc.to_array("SENT_START") if len(doc) else []
    return [(t.text, t.idx, bool(starts[t.i] == 1)) for t in doc]


def our_cut(text: str) -> list[tuple[str, int, bool]]:
    return [(p.text, p.start, p.sentence_start) for p in tokenize_sentences(text)]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_text_of_the_project(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert our_cut(text) == spacy_cut(text)


def test_every_lexicon_phrase_and_registry_name() -> None:
    lexicon_dir = PROJECT_ROOT / "ontology" / "lexicon"
    phrases = {line.split("\t")[0] for path in (lexicon_dir / "words").glob("*.tsv")
               for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    phrases |= {line.split('"')[1] for path in [*lexicon_dir.glob("*.ttl"), *REGISTRY_FILES]
                for line in path.read_text(encoding="utf-8").splitlines() if line.count('"') >= 2}
    assert len(phrases) > 1000
    differing = [p for p in sorted(phrases) if [(t.text, t.start) for t in tokenize(p)]
                 != [(t.text, t.idx) for t in NLP.tokenizer(p)]]
    assert differing == []


def test_the_special_cases_alone_and_glued_to_punctuation() -> None:
    for case in SPECIAL_CASES:
        for text in (case, f"({case})", f"{case}.", f'"{case}," he said', f"{case}-{case}", f"a {case}\n{case}?"):
            assert our_cut(text) == spacy_cut(text), text


PUNCTUATION = list(string.punctuation) + ["“", "”", "‘", "’", "—", "–", "…", "«", "»", "·", "¿", "¡", "。", "‼"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\xa0", " \n ", "\u2009", "\r\n"]
WORDS = ["U.S.", "Dr.", "don't", "it's", "e-mail", "http://example.com/a?b=1", "www.bbc.co.uk", "3.5%", "$20m",
         "10:30", "1990s", "Ukraine's", "al-Sham", "co-op", "a.m.", "etc.", ":)", "<3", "C++", "1/2", "O'Neill"]
PIECES = st.one_of(
    st.sampled_from(SPECIAL_CASES), st.sampled_from(PUNCTUATION), st.sampled_from(SPACES), st.sampled_from(WORDS),
    st.text(st.sampled_from(string.ascii_letters + string.digits + "'-.,"), min_size=1, max_size=8),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=3),
)


@given(st.lists(PIECES, max_size=40))
def test_generated_texts(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert our_cut(text) == spacy_cut(text)


@given(st.lists(PIECES, max_size=20).map(" ".join))
def test_generated_texts_of_words_between_spaces(text: str) -> None:
    assert our_cut(text) == spacy_cut(text)


def _export_script() -> object:
    spec = importlib.util.spec_from_file_location("export_spacy_rules", PROJECT_ROOT / "scripts" / "export_spacy_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_rule_file_is_the_installed_spacys() -> None:
    assert _export_script().rules() == spacy_rules()  # type: ignore[attr-defined]


def test_the_stop_words_are_spacys() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    assert stop_words() == STOP_WORDS
