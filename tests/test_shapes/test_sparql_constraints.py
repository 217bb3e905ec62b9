"""The SPARQL-based constraints, run once per graph on pyoxigraph, give what pyshacl gives running them per focus
node."""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import RDF, SH, Graph, URIRef

from newskg.ingest.resources import ontology_files
from newskg.ingest.shacl_sparql import SparqlConstraintRunner, sparql_constraints
from newskg.ingest.shapes_graph import load_shapes_graph
from newskg.ingest.validation_context import ValidationContext

CASES = Path(__file__).parent / "cases"


def _data(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(CASES / name)
    ontology = Graph()
    for path in ontology_files():
        ontology.parse(path)
    for triple in ValidationContext.load(ontology).ontology_axioms:
        graph.add(triple)
    return graph


def _by_pyshacl(shapes: Graph, data: Graph, shape_iris: list[str]) -> set[tuple[str, str, str | None]]:
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, use_shapes=shape_iris, inplace=False)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        value = report.value(result, SH.value)
        found.add((str(report.value(result, SH.sourceShape)), str(report.value(result, SH.focusNode)),
                   None if value is None else str(value)))
    return found


def _by_runner(shapes: Graph, data: Graph, shape_iris: list[str]) -> set[tuple[str, str, str | None]]:
    runner = SparqlConstraintRunner([c for c in sparql_constraints(shapes) if str(c.shape) in shape_iris])
    return {(str(r.shape), str(r.focus), None if r.value is None else str(r.value)) for r in runner.run(data)}


def test_selector_article_and_event_constraints_match_pyshacl() -> None:
    shapes = load_shapes_graph()
    iris = [str(c.shape) for c in sparql_constraints(shapes) if not str(c.shape).endswith("DisjointClassesShape")]
    data = _data("base.ttl", "selector-invalid.ttl", "article-invalid.ttl", "event-invalid.ttl")
    expected = _by_pyshacl(shapes, data, iris)
    assert len(expected) >= 4
    assert _by_runner(shapes, data, iris) == expected


def test_disjointness_constraint_matches_pyshacl() -> None:
    shapes = load_shapes_graph()
    iris = ["https://w3id.org/newskg/shapes#DisjointClassesShape"]
    data = _data("disjointness-invalid.ttl", "disjointness-valid.ttl")
    expected = _by_pyshacl(shapes, data, iris)
    assert len(expected) >= 9
    assert _by_runner(shapes, data, iris) == expected


def test_queries_only_load_the_predicates_they_use() -> None:
    for constraint in sparql_constraints(load_shapes_graph()):
        assert constraint.predicates, constraint.shape
        assert URIRef("http://www.w3.org/2000/01/rdf-schema#label") not in constraint.predicates
