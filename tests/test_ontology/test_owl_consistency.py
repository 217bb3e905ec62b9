"""HermiT over the ontology, the registry and article-shaped data: consistent where it should be, and when not,
the problem names the individual and the cause."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef

from newskg.ingest.iris import IriMinter
from newskg.ingest.namespaces import EVENT_TYPE, GRANULARITY, NKG, STANCE
from newskg.ingest.reasoning import OWL2_DATATYPES, check_consistency, explain_inconsistency, ontology_graph
from newskg.ingest.resources import REGISTRY_FILES

MINTER = IriMinter("http://127.0.0.1:8000")
KEY = "0123456789abcdef"
ARTICLE = MINTER.article(KEY)
TEXT = "Russian officials accused Ukraine of providing drones, the envoy said."


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def registry() -> Graph:
    graph = Graph()
    for path in REGISTRY_FILES:
        graph.parse(path, format="turtle", publicID=MINTER.id_base)
    return graph


def selector(graph: Graph, start: int, end: int) -> URIRef:
    iri = MINTER.selector(KEY, start, end)
    graph.add((iri, RDF.type, NKG.TextSelector))
    graph.add((iri, NKG.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((iri, NKG.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((iri, NKG.exact, Literal(TEXT[start:end])))
    graph.add((iri, NKG.source, ARTICLE))
    return iri


def article_graph() -> Graph:
    """A small article graph using every kind of node, with the datatypes the mapping is expected to write."""
    g = Graph()
    ukraine = URIRef(MINTER.id_base + "actor/ukraine")
    officials = MINTER.actor("Russian officials")
    g.add((ARTICLE, RDF.type, NKG.NewsArticle))
    g.add((ARTICLE, NKG.text, Literal(TEXT)))
    g.add((ARTICLE, NKG.datePublished, Literal("2024-12-03T00:00:00", datatype=XSD.dateTime)))
    g.add((ARTICLE, NKG.url, Literal("https://example.org/a", datatype=XSD.anyURI)))
    g.add((officials, RDF.type, NKG.ActorGroup))
    g.add((officials, NKG.known, Literal(False)))
    g.add((officials, NKG.confidence, Literal(Decimal("0.8"))))
    mention = MINTER.mention(KEY, 26, 33)
    g.add((mention, RDF.type, NKG.Mention))
    g.add((mention, NKG.refersTo, ukraine))
    g.add((mention, NKG.evidence, selector(g, 26, 33)))
    g.add((mention, NKG.inArticle, ARTICLE))
    allegation = MINTER.allegation(KEY, "drones")
    g.add((allegation, RDF.type, NKG.Allegation))
    g.add((allegation, NKG.claimant, officials))
    g.add((allegation, NKG.accused, ukraine))
    g.add((allegation, NKG.claimType, EVENT_TYPE["supply-weapons"]))
    g.add((allegation, NKG.evidence, selector(g, 0, 53)))
    statement = MINTER.statement(KEY, 55, 71)
    g.add((statement, RDF.type, NKG.Reaction))
    g.add((statement, NKG.speakerUnknown, Literal(True)))
    g.add((statement, NKG.stance, STANCE.confirms))
    g.add((statement, NKG.direct, Literal(False)))
    g.add((statement, NKG.respondsTo, allegation))
    g.add((allegation, NKG.supportedBy, statement))
    event = MINTER.event(KEY, "offensive")
    g.add((event, RDF.type, NKG.Event))
    g.add((event, NKG.eventType, EVENT_TYPE["military-offensive"]))
    g.add((event, NKG.date, Literal("2024-11-01T00:00:00", datatype=XSD.dateTime)))
    g.add((event, NKG.granularity, GRANULARITY.month))
    g.add((event, NKG.participant, ukraine))
    return g


def test_ontology_registry_and_an_article_graph_are_consistent_and_coherent(
        onto: Graph, registry: Graph, capfd: pytest.CaptureFixture[str]) -> None:
    report = check_consistency([onto, registry, article_graph()])
    assert report.consistent, report.problems
    assert report.problems == []  # no unsatisfiable class either
    assert 0 < report.seconds < 30
    assert capfd.readouterr().out == "", "owlready2/HermiT must not print to stdout"


def test_an_unsatisfiable_class_is_reported(onto: Graph) -> None:
    """A class under two disjoint classes can have no members: not a contradiction in the data, but a design error."""
    g = Graph()
    broken = URIRef("https://example.org/test#PersonOrganization")
    g.add((broken, RDF.type, OWL.Class))
    g.add((broken, RDFS.subClassOf, NKG.Person))
    g.add((broken, RDFS.subClassOf, NKG.Organization))
    report = check_consistency([onto, g])
    assert not report.consistent
    assert report.problems == [f"class <{broken}> can have no members (it is unsatisfiable)"]


def test_an_actor_of_two_disjoint_types_is_inconsistent(onto: Graph, registry: Graph) -> None:
    bad = Graph()
    x = MINTER.actor("Somebody Or Other")
    bad.add((x, RDF.type, NKG.Person))
    bad.add((x, RDF.type, NKG.Organization))
    report = check_consistency([onto, registry, bad])
    assert not report.consistent
    assert any(str(x) in p and "nkg:Person" in p and "nkg:Organization" in p for p in report.problems), report.problems


def test_a_double_confidence_is_inconsistent_with_the_decimal_range(onto: Graph) -> None:
    bad = Graph()
    x = MINTER.actor("Somebody")
    bad.add((x, RDF.type, NKG.Person))
    bad.add((x, NKG.confidence, Literal(0.8)))  # rdflib types a Python float as xsd:double
    report = check_consistency([onto, bad])
    assert not report.consistent
    assert any("nkg:confidence" in p and "xsd:double" in p for p in report.problems), report.problems


def test_a_statement_with_speaker_and_speaker_unknown_is_inconsistent(onto: Graph) -> None:
    bad = article_graph()
    statement = MINTER.statement(KEY, 55, 71)
    bad.add((statement, NKG.speaker, MINTER.actor("Russian officials")))
    report = check_consistency([onto, bad])
    assert not report.consistent
    assert any(str(statement) in p and "nkg:speaker" in p for p in report.problems), report.problems


def test_the_ontology_uses_only_datatypes_of_the_owl2_map(onto: Graph) -> None:
    """HermiT runs strict (no ignoring of unsupported datatypes): every datatype the ontology names is in the map."""
    named = {o for o in onto.objects() if isinstance(o, URIRef) and str(o).startswith(str(XSD))}
    named |= {o.datatype for o in onto.objects() if isinstance(o, Literal) and o.datatype is not None}
    assert named and named <= OWL2_DATATYPES, named - OWL2_DATATYPES


def test_a_date_outside_the_owl2_map_is_named_not_a_java_trace(onto: Graph) -> None:
    bad = article_graph()
    bad.set((ARTICLE, NKG.datePublished, Literal("2024-12-03", datatype=XSD.date)))
    report = check_consistency([onto, bad])
    assert not report.consistent
    assert report.problems == [f"xsd:date is outside the OWL 2 datatype map, so HermiT cannot reason over: <{ARTICLE}> "
                               f'has nkg:datePublished "2024-12-03"^^<{XSD.date}>']


# The explainer alone (no reasoner run): each usual cause is named.

def test_explainer_names_disjointness_implied_by_a_range(onto: Graph) -> None:
    bad = article_graph()
    bad.add((MINTER.statement(KEY, 55, 71), NKG.speaker, ARTICLE))  # an article is not an actor
    problems = explain_inconsistency(onto + bad)
    assert any(str(ARTICLE) in p and "value of nkg:speaker" in p for p in problems), problems


@pytest.mark.parametrize(("prop", "value", "words"), [
    (NKG.start, Literal(-1), "outside the range"),
    (NKG.start, Literal("3"), "not xsd:string"),
    (NKG.exact, Literal("Ukraine", lang="en"), "rdf:langString"),
])
def test_explainer_names_datatype_misfits(onto: Graph, prop: URIRef, value: Literal, words: str) -> None:
    bad = Graph()
    sel = URIRef("http://127.0.0.1:8000/id/selector/x")
    bad.add((sel, RDF.type, NKG.TextSelector))
    bad.add((sel, prop, value))
    problems = explain_inconsistency(onto + bad)
    assert any(str(sel) in p and words in p for p in problems), problems


def test_explainer_names_repeated_functional_values_and_disjoint_properties(onto: Graph) -> None:
    bad = article_graph()
    sel = MINTER.selector(KEY, 26, 33)
    bad.add((sel, NKG.start, Literal(27)))
    allegation, statement = MINTER.allegation(KEY, "drones"), MINTER.statement(KEY, 55, 71)
    bad.add((allegation, NKG.contestedBy, statement))
    problems = explain_inconsistency(onto + bad)
    assert any(str(sel) in p and "2 values for nkg:start" in p for p in problems), problems
    assert any("nkg:supportedBy" in p and "nkg:contestedBy" in p for p in problems), problems
    assert explain_inconsistency(onto + article_graph()) == []
