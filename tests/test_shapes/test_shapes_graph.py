"""The shapes themselves: valid SHACL, documented, and in step with the ontology and its SKOS schemes."""

from __future__ import annotations

from itertools import combinations

import pytest
from rdflib import OWL, RDF, RDFS, SH, SKOS, Graph, URIRef
from rdflib.collection import Collection

from newskg.ingest.namespaces import NKG, VOCAB_BASE
from newskg.ingest.resources import ontology_files
from newskg.ingest.shacl_report import compact
from newskg.ingest.shapes_graph import check_shapes_graph, load_shapes_graph, named_shapes
from newskg.ingest.validation import Validator

# sh:in lists that are deliberately a part of their scheme: a reaction cannot "support" or be "neutral".
SUBSET_LISTS = {"nkgsh:Reaction-stance"}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes_graph()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path)
    return graph


def test_shapes_conform_to_shacl_for_shacl(shapes: Graph) -> None:
    conforms, text = check_shapes_graph(shapes)
    assert conforms, text


def test_shacl_for_shacl_rejects_a_malformed_shape() -> None:
    broken = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount "one" ] .
        """, format="turtle")
    conforms, _ = check_shapes_graph(broken)
    assert not conforms


def test_every_shape_has_a_message_and_a_comment(shapes: Graph) -> None:
    found = named_shapes(shapes)
    assert len(found) > 80
    undocumented = [compact(s) for s in found
                    if shapes.value(s, SH.message) is None or shapes.value(s, RDFS.comment) is None]
    assert undocumented == []


def _scheme_concepts(ontology: Graph, scheme: str) -> set[URIRef]:
    return {c for c in ontology.subjects(SKOS.inScheme, URIRef(VOCAB_BASE + scheme)) if isinstance(c, URIRef)}


def test_every_vocabulary_list_equals_its_skos_scheme(shapes: Graph, ontology: Graph) -> None:
    checked = 0
    for shape, head in shapes.subject_objects(SH["in"]):
        values = list(Collection(shapes, head))
        if not all(isinstance(v, URIRef) and str(v).startswith(VOCAB_BASE) for v in values):
            continue
        schemes = {str(v)[len(VOCAB_BASE):].split("/", 1)[0] for v in values}
        assert len(schemes) == 1, f"{compact(shape)} mixes schemes {schemes}"
        concepts = _scheme_concepts(ontology, schemes.pop())
        assert len(values) == len(set(values)), compact(shape)
        if compact(shape) in SUBSET_LISTS:
            assert set(values) < concepts, compact(shape)
        else:
            assert set(values) == concepts, (f"{compact(shape)}: missing {sorted(concepts - set(values))}, "
                                             f"unknown {sorted(set(values) - concepts)}")
        checked += 1
    assert checked >= 8  # stance ×2, certainty ×2, status, claim type, event type, granularity


def test_every_vocabulary_property_is_constrained_by_a_list(shapes: Graph) -> None:
    constrained = {shapes.value(s, SH.path) for s, _ in shapes.subject_objects(SH["in"])}
    for prop in (NKG.stance, NKG.certainty, NKG.status, NKG.claimType, NKG.eventType, NKG.granularity):
        assert prop in constrained, prop


def _disjoint_pairs(ontology: Graph) -> set[frozenset[URIRef]]:
    pairs = {frozenset(pair) for pair in ontology.subject_objects(OWL.disjointWith)}
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = Collection(ontology, ontology.value(group, OWL.members))
        pairs.update(frozenset(pair) for pair in combinations(members, 2))
    return pairs  # type: ignore[return-value]


def test_a_node_of_any_two_disjoint_classes_is_rejected(ontology: Graph) -> None:
    pairs = sorted(_disjoint_pairs(ontology), key=lambda pair: sorted(map(str, pair)))
    assert len(pairs) > 20
    data = Graph()
    nodes = {}
    for number, pair in enumerate(pairs):
        node = URIRef(f"http://127.0.0.1:8000/id/both-{number}")
        nodes[str(node)] = pair
        for cls in pair:
            data.add((node, RDF.type, cls))
    report = Validator.load().validate(data)
    rejected = {v.focus for v in report.violations if v.shape == "nkgsh:DisjointClassesShape"}
    assert rejected == set(nodes)
