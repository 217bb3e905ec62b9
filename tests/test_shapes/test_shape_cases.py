"""Every shape has a conforming and a violating example: shapes/<name>.ttl is paired with cases/<name>-valid.ttl and
cases/<name>-invalid.ttl, each read together with cases/base.ttl (a small conforming article graph)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SH, Graph, URIRef

from newskg.ingest.resources import SHAPES_DIR, ontology_files
from newskg.ingest.shacl_report import compact
from newskg.ingest.shapes_graph import named_shapes
from newskg.ingest.validation import Validator

CASES = Path(__file__).parent / "cases"
SHAPE_FILES = sorted(p.stem for p in SHAPES_DIR.glob("*.ttl") if p.stem != "shapes")


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator.load()


@pytest.fixture(scope="module")
def subclasses() -> dict[URIRef, set[URIRef]]:
    ontology = Graph()
    for path in ontology_files():
        ontology.parse(path)
    return {cls: set(ontology.transitive_subjects(RDFS.subClassOf, cls))  # type: ignore[misc]
            for cls in set(ontology.subjects(RDF.type, None)) if isinstance(cls, URIRef)}


def case(stem: str, kind: str) -> Graph:
    graph = Graph()
    graph.parse(CASES / "base.ttl")
    graph.parse(CASES / f"{stem}-{kind}.ttl")
    return graph


def shapes_of(stem: str) -> Graph:
    return Graph().parse(SHAPES_DIR / f"{stem}.ttl")


def focus_nodes(shapes: Graph, shape: URIRef, data: Graph, subclasses: dict[URIRef, set[URIRef]]) -> set[object]:
    found: set[object] = set()
    for cls in shapes.objects(shape, SH.targetClass):
        for sub in subclasses.get(cls, {cls}) | {cls}:  # type: ignore[arg-type]
            found.update(data.subjects(RDF.type, sub))
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        found.update(data.subjects(prop, None))
    return found


def test_every_shapes_file_has_its_pair_of_cases() -> None:
    assert len(SHAPE_FILES) >= 11
    for stem in SHAPE_FILES:
        assert (CASES / f"{stem}-valid.ttl").is_file(), stem
        assert (CASES / f"{stem}-invalid.ttl").is_file(), stem


def test_the_base_graph_conforms(validator: Validator) -> None:
    report = validator.validate(Graph().parse(CASES / "base.ttl"))
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("stem", SHAPE_FILES)
def test_conforming_example_exercises_every_shape_and_conforms(stem: str, validator: Validator,
                                                               subclasses: dict[URIRef, set[URIRef]]) -> None:
    data = case(stem, "valid")
    shapes = shapes_of(stem)
    for shape in named_shapes(shapes):
        assert focus_nodes(shapes, shape, data, subclasses), f"{compact(shape)} has no focus node in the example"
    report = validator.validate(data)
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("stem", SHAPE_FILES)
def test_violating_example_violates_every_shape_of_its_file(stem: str, validator: Validator) -> None:
    report = validator.validate(case(stem, "invalid"))
    assert not report.conforms
    expected = {compact(shape) for shape in named_shapes(shapes_of(stem))}
    missing = expected - report.shapes()
    assert not missing, f"not violated: {sorted(missing)}\n{report.to_text()}"


def test_each_node_of_two_disjoint_kinds_is_reported(validator: Validator) -> None:
    invalid = Graph().parse(CASES / "disjointness-invalid.ttl")
    report = validator.validate(case("disjointness", "invalid"))
    reported = {v.focus for v in report.violations if v.shape == "nkgsh:DisjointClassesShape"}
    assert reported == {str(node) for node in set(invalid.subjects(RDF.type, None))}
