"""Validator.validate: the gate's verdict, its readable report, the registry's actors, and its cost."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SH, SKOS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from newskg.ingest.namespaces import NKG
from newskg.ingest.validation import Validator
from shapes_sample import sample_graph

CASES = Path(__file__).parent / "cases"
EX = "http://127.0.0.1:8000/id/"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator.load()


def _case(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(CASES / name)
    return graph


def test_a_mapped_article_graph_conforms(validator: Validator) -> None:
    report = validator.validate(sample_graph(2))
    assert report.conforms, report.to_text()
    assert report.violations == []


def test_validation_leaves_the_graph_as_it_was_given(validator: Validator) -> None:
    for graph in (sample_graph(1), _case("base.ttl", "statement-invalid.ttl")):
        before = Graph()
        for triple in graph:
            before.add(triple)
        validator.validate(graph)
        assert len(graph) == len(before)
        assert isomorphic(graph, before)


def test_the_report_names_shape_node_label_path_value_message_and_sentence(validator: Validator) -> None:
    graph = _case("base.ttl")
    graph.set((URIRef(EX + "claim"), NKG.stance, URIRef("https://w3id.org/newskg/vocab/stance/furious")))
    report = validator.validate(graph)
    assert not report.conforms
    [violation] = report.violations
    assert violation.shape == "nkgsh:Statement-stance"
    assert violation.focus == EX + "claim"
    assert violation.focus_label == "The ministry accused: Ruritania of sending drones"
    assert violation.path == "nkg:stance"
    assert violation.value == "<https://w3id.org/newskg/vocab/stance/furious>"
    assert "stance scheme" in violation.message
    assert violation.severity == "Violation"
    assert violation.sentence == "The ministry accused Ruritania of sending drones in May 2024."
    text = report.to_text()
    for part in (violation.shape, violation.focus, violation.focus_label, "nkg:stance", "furious", violation.sentence):
        assert part in text


def test_the_sentence_of_an_offset_problem_is_found_around_the_offsets(validator: Validator) -> None:
    report = validator.validate(_case("base.ttl", "selector-invalid.ttl"))
    [wrong] = [v for v in report.violations
               if v.shape == "nkgsh:TextSelectorExactTextShape" and v.focus == EX + "sel-wrong-text"]
    assert wrong.value == '"Ruritanya"'
    assert "Ruritania" in wrong.message and "Ruritanya" in wrong.message
    assert wrong.sentence == "The ministry accused Ruritania of sending drones in May 2024."
    [past] = [v for v in report.violations if v.shape == "nkgsh:TextSelectorWithinTextShape"]
    assert past.sentence is None and "98 characters" in past.message


def test_json_and_turtle_forms_of_the_report(validator: Validator) -> None:
    report = validator.validate(_case("base.ttl", "allegation-invalid.ttl"))
    data = report.to_json()
    assert data["conforms"] is False
    assert len(data["violations"]) == len(report.violations) > 5
    assert set(data["violations"][0]) == {"shape", "focus", "focus_label", "path", "value", "message", "severity",
                                          "sentence"}
    parsed = Graph().parse(data=report.to_turtle(), format="turtle")
    [root] = parsed.subjects(RDF.type, SH.ValidationReport)
    assert parsed.value(root, SH.conforms) == Literal(False)
    assert len(set(parsed.objects(root, SH.result))) == len(report.violations)


def test_an_actor_known_only_from_the_registry_is_an_actor() -> None:
    graph = _case("base.ttl")
    agency = URIRef(EX + "actor/the-directorate")
    graph.set((URIRef(EX + "claim"), NKG.speaker, agency))
    without = Validator.load().validate(graph)
    assert without.shapes() == {"nkgsh:Statement-speaker"}
    registry = Graph()
    registry.add((agency, RDF.type, NKG.IntelligenceAgency))
    registry.add((agency, SKOS.prefLabel, Literal("the Directorate", lang="en")))
    report = Validator.load(registry).validate(graph)
    assert report.conforms, report.to_text()
    assert (agency, RDF.type, NKG.IntelligenceAgency) not in graph
