"""The lexicon (ontology/lexicon, read by ingest/extract/lexicon): every entry loads, one entry per lemma with a
language tag, matched on the text model's lemmas so that every inflection of a lemma finds the same entry."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from newskg.ingest.extract.lexicon import LemmaMatcher, Lexicon, load_lexicon
from newskg.ingest.extract.lexicon.words import WORDS_DIR, WordTables, key
from newskg.ingest.extract.text import build_text_model
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.tagging import lemma as base_form
from newskg.ingest.namespaces import CERTAINTY, EVENT_TYPE, LEXICON, STANCE
from newskg.ingest.resources import VOCABULARIES_FILE, lexicon_files

LANGUAGE_TAGS = frozenset({"en"})


def local(node: object) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def lexicon_graph() -> Graph:
    graph = Graph()
    for path in lexicon_files():
        graph.parse(path, format="turtle")
    return graph


GRAPH = lexicon_graph()
LEXICON_ = load_lexicon()


def entries() -> list[tuple[str, str, str, Literal]]:
    """(scheme, concept, part of speech, lemma) for every lemma of every concept of the lexicon's schemes."""
    found = []
    for concept, scheme in sorted(GRAPH.subject_objects(SKOS.inScheme)):
        pos = str(GRAPH.value(concept, LEXICON.partOfSpeech) or "phrase")
        for value in sorted(GRAPH.objects(concept, LEXICON.lemma)):
            found.append((local(scheme), local(concept), pos, value))
    return found


def loaded(lexicon: Lexicon, concept: str, lemma: str) -> bool:
    """The loaded lexicon holds this concept's lemma: an entry of one of its matchers (of that concept, where the
    entry names its concept), or a pronoun."""
    for field in dataclasses.fields(lexicon):
        value = getattr(lexicon, field.name)
        if isinstance(value, LemmaMatcher):
            for entry in value.lookup(lemma):
                named = getattr(entry, "cue_class", None) or getattr(entry, "act_class", None)
                if (named == concept) if named is not None else entry.lemma == lemma:
                    return True
    return lemma in lexicon.pronouns


def test_the_lexicon_has_its_schemes_and_entries() -> None:
    schemes = {local(s) for s in GRAPH.subjects(RDF.type, SKOS.ConceptScheme)}
    assert {"reporting-cues", "acts", "stance-cues", "hedges", "pronouns"} <= schemes
    assert len(entries()) > 300


def test_every_entry_loads() -> None:
    missing = [(s, c, str(v)) for s, c, _, v in entries() if not loaded(LEXICON_, c, str(v))]
    assert not missing, missing


def test_every_concept_the_lexicon_names_is_in_the_vocabularies() -> None:
    vocabularies = Graph().parse(VOCABULARIES_FILE, format="turtle")
    concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))
    referenced = {o for o in GRAPH.objects() if isinstance(o, URIRef)
                  and str(o).startswith((str(STANCE), str(CERTAINTY), str(EVENT_TYPE)))}
    assert referenced and referenced <= concepts, referenced - concepts


def test_every_concept_has_lemmas_and_every_lemma_a_language_tag() -> None:
    concepts = set(GRAPH.subjects(SKOS.inScheme, None))
    assert all(any(True for _ in GRAPH.objects(c, LEXICON.lemma)) for c in concepts), \
        [local(c) for c in concepts if not any(True for _ in GRAPH.objects(c, LEXICON.lemma))]
    untagged = [(c, str(v)) for _, c, _, v in entries() if v.language not in LANGUAGE_TAGS]
    assert not untagged, untagged


def test_lemmas_are_lower_case_without_stray_spaces() -> None:
    bad = [str(v) for *_, v in entries() if str(v) != str(v).lower() or str(v) != " ".join(str(v).split())]
    assert not bad, bad


def test_no_lemma_is_repeated_within_a_scheme_with_the_same_part_of_speech() -> None:
    seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for scheme, concept, pos, value in entries():
        seen[(scheme, pos, str(value))].append(concept)
    repeated = {k: v for k, v in seen.items() if len(v) > 1}
    assert not repeated, repeated


@pytest.mark.parametrize("pos", ["verb", "noun"])
def test_entries_are_lemmas_not_inflected_forms(pos: str) -> None:
    """A verb entry starts with a base form ("assert", not "asserted"); a noun entry ends with a singular."""
    tag = "VB" if pos == "verb" else "NN"
    inflected = []
    for scheme, concept, entry_pos, value in entries():
        words = str(value).split()
        head = words[0] if pos == "verb" else words[-1]
        if entry_pos == pos and base_form(head, tag) != head:
            inflected.append((scheme, concept, str(value), base_form(head, tag)))
    assert not inflected, inflected


# --- word tables ------------------------------------------------------------------------------------------------------
CATEGORY_COLUMN = frozenset({"grammar.tsv", "media-nouns.tsv", "titles.tsv", "place-heads.tsv"})  # a word may sit in several categories


def table_rows(path: Path) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("\t")]
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


TABLES = sorted(WORDS_DIR.glob("*.tsv"))


def in_tables(words: WordTables, table: str, row: list[str]) -> bool:
    lemma = key(row[0])
    simple = {"company-suffixes.tsv": words.company_suffixes, "documents.tsv": words.documents,
              "name-particles.tsv": words.name_particles, "not-names.tsv": words.not_names,
              "platforms.tsv": words.platforms, "not-actor-heads.tsv": words.not_actor_heads, "roles.tsv": words.roles, "org-heads.tsv": words.org_heads,
              "org-leading-heads.tsv": words.org_leading_heads,
              "org-descriptors.tsv": words.org_descriptors, "name-refinements.tsv": words.name_refinements,
              "state-institutions.tsv": words.state_institutions,
              "media-nouns.tsv": words.media_nouns | words.account_nouns,
              "titles.tsv": words.titles | words.honorifics,
              "source-qualifiers.tsv": {" ".join(q) for q in words.source_qualifiers}}
    if table == "grammar.tsv":
        return words.is_(row[2], lemma)
    if table == "place-heads.tsv":
        return lemma in words.place_heads or row[0].casefold() in words.place_leading_heads or name_key(row[0]) in words.regions
    if table == "news-agencies.tsv":
        return words.agencies.get(row[0].casefold()) == row[0]
    if table == "bylines.tsv":
        return row[0] in words.desk_words | words.masthead_words
    assert table in simple, f"the lexicon's loader (ingest/extract/lexicon/words.py) does not read {table}"
    return lemma in simple[table]


def test_there_are_word_tables() -> None:
    assert len(TABLES) >= 10


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_every_row_of_a_word_table_has_a_language_and_loads(path: Path) -> None:
    rows = table_rows(path)
    assert rows
    untagged = [row for row in rows if len(row) < 2 or row[1] not in LANGUAGE_TAGS]
    assert not untagged, untagged
    missing = [row[0] for row in rows if not in_tables(LEXICON_.words, path.name, row)]
    assert not missing, missing


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_no_lemma_is_repeated_within_a_word_table(path: Path) -> None:
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    for row in table_rows(path):
        seen[(row[0], row[1], row[2] if path.name in CATEGORY_COLUMN else "")] += 1
    assert not [k for k, n in seen.items() if n > 1]


# --- matching by lemma ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("lemma", "sentences"), [
    ("assert", ["Voss asserts that the port is safe.", "Voss asserted that the port was safe.",
                "Voss is asserting that the port is safe.", "Officials assert that the port is safe."]),
    ("testify", ["Brask testified that he saw the ledgers.", "Brask testifies that he saw them.",
                 "Brask has been testifying that he saw them."]),
    ("deny", ["The firm denied that it paid anyone.", "The firm denies that it paid anyone.",
              "The firm is denying that it paid anyone.", "Firms deny that they paid anyone."]),
    ("tell", ["Voss told reporters that the port was safe.", "Voss tells reporters that the port is safe."]),
    ("accuse", ["Voss accused the firm of fraud.", "Voss accuses the firm of fraud.",
                "The firm was accused of fraud.", "Voss is accusing the firm of fraud."]),
    ("maintain", ["Brask maintained that he was innocent.", "Brask maintains that he is innocent."]),
])
def test_every_inflection_of_a_verb_finds_its_one_entry(lemma: str, sentences: list[str]) -> None:
    classes = set()
    for sentence in sentences:
        model = build_text_model(sentence)
        found = [m.entry for m in LEXICON_.cues.find(model) if m.entry.pos == "verb"]
        assert [e.lemma for e in found] == [lemma], (sentence, found)
        classes.add(found[0].cue_class)
    assert len(classes) == 1


def test_a_phrase_entry_matches_consecutive_lemmas() -> None:
    model = build_text_model("According to the union, the firm pointed out nothing.")
    lemmas = {m.entry.lemma for m in LEXICON_.cues.find(model)}
    assert {"according to", "point out"} <= lemmas


def test_a_noun_entry_needs_a_noun_and_a_verb_entry_a_verb() -> None:
    model = build_text_model("The claims were false. Brask claimed the ledgers were false.")
    found = [(model.tokens[m.first].text, m.entry.pos) for m in LEXICON_.cues.find(model)]
    assert found == [("claims", "noun"), ("claimed", "verb")]
