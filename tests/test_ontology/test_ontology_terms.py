"""The ontology parses, declares every term the code uses (NKG), and declares nothing the code does not know."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS

from newskg.ingest.namespaces import NKG, ONTOLOGY_IRI
from newskg.ingest.reasoning import ontology_graph
from newskg.ingest.resources import ONTOLOGY_FILE

TERM_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
NKG_NAMES = sorted(NKG.__annotations__)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def test_ontology_header(onto: Graph) -> None:
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) == Literal("0.1.0")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert onto.value(header, prop) is not None, prop


def test_namespace_matches_ontology_iri() -> None:
    assert str(NKG._NS) == ONTOLOGY_IRI + "/"


@pytest.mark.parametrize("name", NKG_NAMES)
def test_every_code_term_is_declared_with_label_and_definition(onto: Graph, name: str) -> None:
    term = NKG[name]
    kinds = set(onto.objects(term, RDF.type)) & TERM_KINDS
    assert len(kinds) == 1, f"nkg:{name} must be exactly one of class, object property, datatype property"
    assert onto.value(term, RDFS.label) is not None, f"nkg:{name} has no rdfs:label"
    definition = onto.value(term, RDFS.comment) or onto.value(term, SKOS.definition)
    assert definition is not None and len(str(definition)) > 15, f"nkg:{name} has no definition"


def test_every_ontology_term_is_known_to_the_code(onto: Graph) -> None:
    declared = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(NKG._NS))}
    unknown = sorted(str(s) for s in declared if s.removeprefix(str(NKG._NS)) not in NKG.__annotations__)
    assert not unknown, f"declared in the ontology but missing from ingest.namespaces.NKG: {unknown}"


def test_no_term_used_but_undeclared(onto: Graph) -> None:
    """Every class or property the axioms mention is declared (OWL tools need the type of reused terms too)."""
    mentioned: set[URIRef] = set()
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.equivalentClass,
                 OWL.disjointWith, OWL.onProperty, OWL.someValuesFrom, OWL.allValuesFrom, OWL.propertyDisjointWith):
        mentioned |= {o for o in onto.objects(None, prop) if isinstance(o, URIRef)}
    builtin = {OWL.Thing, OWL.Nothing, RDFS.Literal}
    undeclared = sorted(str(t) for t in mentioned - builtin
                        if not str(t).startswith(str(XSD)) and onto.value(t, RDF.type) is None)
    assert not undeclared


def test_property_kinds_fit_their_ranges(onto: Graph) -> None:
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        for rng in onto.objects(prop, RDFS.range):
            assert not str(rng).startswith(str(XSD)), f"object property {prop} has datatype range {rng}"
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in onto.objects(prop, RDFS.range):
            assert (rng, RDF.type, OWL.Class) not in onto, f"datatype property {prop} has class range {rng}"


def test_alignment_to_reused_vocabularies(onto: Graph) -> None:
    schema, prov, sem, oa = (URIRef(base) for base in (
        "https://schema.org/", "http://www.w3.org/ns/prov#", "http://semanticweb.cs.vu.nl/2009/11/sem/",
        "http://www.w3.org/ns/oa#"))
    expected = [
        (NKG.Actor, RDFS.subClassOf, URIRef(prov + "Agent")),
        (NKG.Actor, RDFS.subClassOf, URIRef(sem + "Actor")),
        (NKG.Person, RDFS.subClassOf, URIRef(schema + "Person")),
        (NKG.Organization, RDFS.subClassOf, URIRef(schema + "Organization")),
        (NKG.NewsArticle, RDFS.subClassOf, URIRef(schema + "NewsArticle")),
        (NKG.Allegation, RDFS.subClassOf, URIRef(schema + "Claim")),
        (NKG.Event, RDFS.subClassOf, URIRef(sem + "Event")),
        (NKG.TextSelector, RDFS.subClassOf, URIRef(oa + "TextPositionSelector")),
        (NKG.TextSelector, RDFS.subClassOf, URIRef(oa + "TextQuoteSelector")),
        (NKG.ExtractionRun, RDFS.subClassOf, URIRef(prov + "Activity")),
        (NKG.start, RDFS.subPropertyOf, URIRef(oa + "start")),
        (NKG.exact, RDFS.subPropertyOf, URIRef(oa + "exact")),
        (NKG.respondsTo, RDFS.subPropertyOf, NKG.about),
        (NKG.IntelligenceAgency, RDFS.subClassOf, NKG.GovernmentBody),
        (NKG.Reaction, RDFS.subClassOf, NKG.Statement),
    ]
    missing = [t for t in expected if t not in onto]
    assert not missing


def test_key_disjointness_is_declared(onto: Graph) -> None:
    pairs = {frozenset(pair) for pair in onto.subject_objects(OWL.disjointWith)}
    for group in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(onto, onto.value(group, OWL.members)))
        pairs |= {frozenset((a, b)) for a in members for b in members if a != b}
    for a, b in [(NKG.Person, NKG.Organization), (NKG.Person, NKG.ActorGroup), (NKG.Organization, NKG.ActorGroup),
                 (NKG.AnonymousSource, NKG.Organization), (NKG.State, NKG.MediaOutlet)]:
        assert frozenset((a, b)) in pairs, (a, b)
    assert frozenset((NKG.ThinkTank, NKG.MediaOutlet)) not in pairs, "not over-constrained"


def test_ontology_graph_includes_the_vocabularies() -> None:
    graph = ontology_graph()
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph
    assert (URIRef("https://w3id.org/newskg/vocab/stance"), RDF.type, SKOS.ConceptScheme) in graph
