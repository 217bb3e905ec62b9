"""mapping.py is pure: the same extraction maps to the same graph; every span is grounded in the text."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.compare import isomorphic

from newskg.ingest.iris import IriMinter
from newskg.ingest.mapping import Provenance, article_graph, date_literal
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Event, Extraction, Place, Response, Span, Statement
from newskg.ingest.namespaces import CLAIM_SOURCE, GRANULARITY, NKG, STANCE

TEXT = 'The ministry accused Ruritania of sending drones. "We sent nothing," a Ruritanian official said.'
MINTER = IriMinter("http://127.0.0.1:8000/")
PROVENANCE = Provenance("newskg test", "0.1.0")


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text), text)


def sample_extraction() -> Extraction:
    doc = ArticleDoc(key="k1", text=TEXT, title="Drones", publisher="The Daily", date=date(2024, 12, 3))
    ministry = Actor(str(MINTER.actor("the ministry")), "The ministry", "GovernmentBody", False,
                     mentions=[span("The ministry")])
    state = Actor(str(MINTER.actor("Ruritania")), "Ruritania", "State", False, mentions=[span("Ruritania")])
    official = Actor(str(MINTER.anonymous_source("k1", "a Ruritanian official")), "a Ruritanian official",
                     "AnonymousSource", False, affiliation=state.iri, mentions=[span("a Ruritanian official")])
    content = span("We sent nothing,")
    denial = Statement(str(MINTER.statement("k1", content.start, content.end)), official.iri, official.label,
                       span("said"), content, span(TEXT[TEXT.index('"We'):]), True, stance="denies",
                       cluster=str(MINTER.cluster("quote", "sent nothing")))
    allegation = Allegation(str(MINTER.allegation("k1", "a")), "Ruritania sent drones",
                            span("accused Ruritania of sending drones"), claim_type="supply-weapons",
                            claimants=[ministry.iri], accused=[state.iri], contested_by=[denial.iri])
    denial.about.append(allegation.iri)
    event = Event(str(MINTER.event("k1", "e")), "sending drones", "supply-weapons", span("sending drones"),
                  date="2024-11", granularity="month", places=[Place(str(MINTER.place("Ruritania")), "Ruritania")])
    return Extraction(doc, [ministry, state, official], [denial], [allegation], [event],
                      responses=[Response(denial.iri, allegation.iri, "denies")], central_allegation=allegation.iri)


def test_mapping_is_deterministic() -> None:
    first = article_graph(sample_extraction(), MINTER, PROVENANCE)
    second = article_graph(sample_extraction(), MINTER, PROVENANCE)
    assert isomorphic(first, second)
    assert len(first) == len(second) > 50


def test_every_selector_quotes_the_text_at_its_offsets() -> None:
    graph = article_graph(sample_extraction(), MINTER, PROVENANCE)
    selectors = list(graph.subjects(RDF.type, NKG.TextSelector))
    assert selectors
    for selector in selectors:
        start, end = int(graph.value(selector, NKG.start)), int(graph.value(selector, NKG.end))
        assert TEXT[start:end] == str(graph.value(selector, NKG.exact))


def test_a_denial_is_a_reaction_to_the_allegation_and_the_allegation_is_not_a_fact() -> None:
    extraction = sample_extraction()
    graph = article_graph(extraction, MINTER, PROVENANCE)
    statement = URIRef(extraction.statements[0].iri)
    allegation = URIRef(extraction.allegations[0].iri)
    assert (statement, RDF.type, NKG.Reaction) in graph
    assert (statement, NKG.respondsTo, allegation) in graph
    assert (statement, NKG.stance, STANCE.denies) in graph
    assert (allegation, NKG.contestedBy, statement) in graph
    event = URIRef(extraction.events[0].iri)
    assert graph.value(event, NKG.date) == Literal("2024-11-01T00:00:00", datatype=XSD.dateTime)
    assert graph.value(event, NKG.granularity) == GRANULARITY.month


def test_unknown_speaker_is_flagged_not_guessed() -> None:
    extraction = sample_extraction()
    extraction.statements[0].speaker = None
    graph = article_graph(extraction, MINTER, PROVENANCE)
    statement = URIRef(extraction.statements[0].iri)
    assert graph.value(statement, NKG.speaker) is None
    assert graph.value(statement, NKG.speakerUnknown) == Literal(True)


@pytest.mark.parametrize("value,start,granularity", [
    ("2024", "2024-01-01T00:00:00", GRANULARITY.year), ("2024-11", "2024-11-01T00:00:00", GRANULARITY.month),
    ("2024-11-30", "2024-11-30T00:00:00", GRANULARITY.day)])
def test_a_date_is_the_start_of_its_period_in_an_owl2_datatype_with_its_granularity(
        value: str, start: str, granularity: URIRef) -> None:
    """xsd:dateTime is in the OWL 2 datatype map (xsd:date, xsd:gYear, xsd:gYearMonth are not): HermiT runs strict."""
    assert date_literal(value) == (Literal(start, datatype=XSD.dateTime), granularity)


def test_a_date_of_no_known_granularity_is_refused() -> None:
    with pytest.raises(ValueError):
        date_literal("30 November")


def test_each_response_is_a_node_with_its_own_stance_and_the_article_names_its_central_allegation() -> None:
    extraction = sample_extraction()
    graph = article_graph(extraction, MINTER, PROVENANCE)
    statement = URIRef(extraction.statements[0].iri)
    allegation = URIRef(extraction.allegations[0].iri)
    responses = list(graph.objects(statement, NKG.hasResponse))
    assert len(responses) == 1
    assert (responses[0], NKG.responseTo, allegation) in graph
    assert (responses[0], NKG.responseStance, STANCE.denies) in graph
    assert (MINTER.article("k1"), NKG.centralAllegation, allegation) in graph


def test_an_allegation_no_actor_claims_says_so_and_is_given_no_claimant() -> None:
    extraction = sample_extraction()
    extraction.allegations[0].claimants = []
    extraction.allegations[0].claimant_note = "unattributed"
    graph = article_graph(extraction, MINTER, PROVENANCE)
    allegation = URIRef(extraction.allegations[0].iri)
    assert list(graph.objects(allegation, NKG.claimant)) == []
    assert (allegation, NKG.claimSource, CLAIM_SOURCE.unattributed) in graph
