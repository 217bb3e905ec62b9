"""The SKOS concept schemes: complete, labelled, defined, and the stance mapping onto the four report stances."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from newskg.ingest.namespaces import ALLEGATION_STATUS, CERTAINTY, EVENT_TYPE, GRANULARITY, NKG, STANCE, VOCAB_BASE
from newskg.ingest.resources import VOCABULARIES_FILE

SCHEMES = {"stance": STANCE, "certainty": CERTAINTY, "event-type": EVENT_TYPE, "granularity": GRANULARITY,
           "allegation-status": ALLEGATION_STATUS}
REPORT_STANCES = {STANCE.supports, STANCE.denies, STANCE.downplays, STANCE.neutral}


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return Graph().parse(VOCABULARIES_FILE, format="turtle")


def concepts(vocab: Graph) -> list[URIRef]:
    return sorted(c for c in vocab.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef))


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_scheme_is_declared_where_the_code_expects_it(vocab: Graph, name: str) -> None:
    scheme = URIRef(VOCAB_BASE + name)
    assert str(SCHEMES[name]) == str(scheme) + "/"
    assert (scheme, RDF.type, SKOS.ConceptScheme) in vocab
    assert vocab.value(scheme, SKOS.prefLabel) is not None
    assert vocab.value(scheme, SKOS.definition) is not None
    assert set(vocab.objects(scheme, SKOS.hasTopConcept)) == set(vocab.subjects(SKOS.topConceptOf, scheme))


def test_every_concept_is_labelled_defined_and_in_its_scheme(vocab: Graph) -> None:
    assert len(concepts(vocab)) >= 35
    for concept in concepts(vocab):
        scheme = vocab.value(concept, SKOS.inScheme)
        assert scheme is not None, concept
        assert str(concept).startswith(str(scheme) + "/"), concept
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(concept).rsplit("/", 1)[1]), concept
        assert len(list(vocab.objects(concept, SKOS.prefLabel))) == 1, concept
        assert vocab.value(concept, SKOS.definition) is not None, concept
        is_top = (concept, SKOS.topConceptOf, scheme) in vocab
        broader = list(vocab.objects(concept, SKOS.broader))
        assert is_top or broader, f"{concept} is neither a top concept nor narrower than one"
        for parent in broader:
            assert (parent, SKOS.inScheme, scheme) in vocab, f"{concept} is narrower than {parent} of another scheme"


@pytest.mark.parametrize(("namespace", "names"), [
    (STANCE, {"supports", "confirms", "denies", "dismisses", "downplays", "assesses", "neutral"}),
    (CERTAINTY, {"certain", "probable", "possible", "alleged"}),
    (GRANULARITY, {"day", "month", "year"}),
    (ALLEGATION_STATUS, {"alleged", "confirmed", "denied", "disputed"}),
    (EVENT_TYPE, {"provide-military-aid", "share-intelligence", "cooperate-militarily", "train-forces",
                  "deploy-personnel", "supply-weapons", "military-offensive", "capture-territory", "attack",
                  "regime-change", "invasion", "sabotage", "accuse", "deny-responsibility", "make-statement",
                  "provide-medical-aid", "provide-humanitarian-aid", "recruit-fighters", "establish-contacts"}),
])
def test_expected_concepts_exist(vocab: Graph, namespace, names: set[str]) -> None:
    present = {str(c).removeprefix(str(namespace)) for c in concepts(vocab) if str(c).startswith(str(namespace))}
    assert names <= present, names - present


def test_every_stance_maps_to_one_of_the_four_report_stances(vocab: Graph) -> None:
    mapping = {c: vocab.value(c, NKG.reportStance) for c in concepts(vocab) if str(c).startswith(str(STANCE))}
    assert all(target in REPORT_STANCES for target in mapping.values()), mapping
    assert all(len(list(vocab.objects(c, NKG.reportStance))) == 1 for c in mapping)
    assert {c: mapping[c] for c in REPORT_STANCES} == {c: c for c in REPORT_STANCES}
    assert mapping[STANCE.confirms] == STANCE.supports
    assert mapping[STANCE.dismisses] == STANCE.denies
    assert mapping[STANCE.assesses] == STANCE.neutral


def test_cameo_codes_where_they_fit(vocab: Graph) -> None:
    expected = {"provide-military-aid": "072", "share-intelligence": "064", "cooperate-militarily": "062",
                "accuse": "112", "deny-responsibility": "016", "make-statement": "010", "capture-territory": "192",
                "military-offensive": "190", "attack": "19", "provide-humanitarian-aid": "073"}
    for name, code in expected.items():
        assert vocab.value(EVENT_TYPE[name], SKOS.notation) == Literal(code), name
    notations = [str(n) for n in vocab.objects(None, SKOS.notation)]
    assert len(notations) == len(set(notations)), "a CAMEO code is used twice"
