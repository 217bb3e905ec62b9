"""Break real article graphs in many ways: each break is rejected, naming the shape that catches it.

The graphs are the seed articles as the pipeline extracts and maps them, and a hand-made extraction mapped by
ingest.mapping; every mutation works on whatever nodes the graph has (first statement, first selector, ...).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from newskg.ingest.extract.read.page import read_file
from newskg.ingest.namespaces import EVENT_TYPE, GRANULARITY, NKG, STANCE
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.settings import Settings
from shapes_sample import sample_graph

Mutation = Callable[[Graph], None]
pytestmark = pytest.mark.slow


def _first(graph: Graph, predicate: URIRef, obj: Node | None = None) -> Node:
    found = sorted(graph.subjects(predicate, obj), key=str)
    if not found:
        pytest.skip(f"the graph has no subject of {predicate}")
    return found[0]


def _article(graph: Graph) -> Node:
    return _first(graph, RDF.type, NKG.NewsArticle)


def _selector(graph: Graph) -> Node:
    return _first(graph, RDF.type, NKG.TextSelector)


def _quote_selector(graph: Graph) -> Node:
    return graph.value(_first(graph, NKG.speaker), NKG.evidence)


def missing_speaker(g: Graph) -> None:
    g.remove((_first(g, NKG.speaker), NKG.speaker, None))


def speaker_and_unknown(g: Graph) -> None:
    g.add((_first(g, NKG.speaker), NKG.speakerUnknown, Literal(True)))


def speaker_not_an_actor(g: Graph) -> None:
    g.set((_first(g, NKG.speaker), NKG.speaker, _article(g)))


def offsets_past_the_text(g: Graph) -> None:
    length = len(str(g.value(_article(g), NKG.text)))
    selector = _quote_selector(g)
    g.set((selector, NKG.end, Literal(length + 10, datatype=XSD.integer)))


def quote_differs_from_text(g: Graph) -> None:
    selector = _quote_selector(g)
    g.set((selector, NKG.exact, Literal(str(g.value(selector, NKG.exact)) + " and more")))


def start_after_end(g: Graph) -> None:
    selector = _quote_selector(g)
    start, end = g.value(selector, NKG.start), g.value(selector, NKG.end)
    g.set((selector, NKG.start, end))
    g.set((selector, NKG.end, start))


def selector_without_source(g: Graph) -> None:
    g.remove((_selector(g), NKG.source, None))


def unknown_stance(g: Graph) -> None:
    g.set((_first(g, NKG.stance), NKG.stance, STANCE["furious"]))


def confidence_out_of_range(g: Graph) -> None:
    g.set((_first(g, NKG.speaker), NKG.confidence, Literal("1.5", datatype=XSD.decimal)))


def missing_article_text(g: Graph) -> None:
    g.remove((_article(g), NKG.text, None))


def wrong_hash_pattern(g: Graph) -> None:
    g.set((_article(g), NKG.textHash, Literal("sha256:not-a-hash")))


def text_changed_hash_kept(g: Graph) -> None:
    article = _article(g)
    g.set((article, NKG.text, Literal(str(g.value(article, NKG.text)) + "\nAn added line.")))


def missing_extraction_run(g: Graph) -> None:
    g.remove((None, PROV.used, None))


def date_not_a_date(g: Graph) -> None:
    event = _first(g, RDF.type, NKG.Event)
    g.remove((event, NKG.granularity, None))
    g.set((event, NKG.date, Literal("last spring")))


def granularity_not_matching_date(g: Graph) -> None:
    event = _first(g, RDF.type, NKG.Event)
    g.set((event, NKG.date, Literal("2024-06-01T00:00:00", datatype=XSD.dateTime)))
    g.set((event, NKG.granularity, GRANULARITY["year"]))


def date_without_granularity(g: Graph) -> None:
    g.remove((_first(g, NKG.date), NKG.granularity, None))


def event_type_not_in_scheme(g: Graph) -> None:
    g.set((_first(g, RDF.type, NKG.Event), NKG.eventType, EVENT_TYPE["teleportation"]))


def allegation_without_accused(g: Graph) -> None:
    g.remove((_first(g, NKG.accused), NKG.accused, None))


def allegation_without_claimant(g: Graph) -> None:
    g.remove((_first(g, NKG.claimant), NKG.claimant, None))


def reaction_responding_to_nothing(g: Graph) -> None:
    g.remove((_first(g, NKG.respondsTo), NKG.respondsTo, None))


def actor_of_two_disjoint_types(g: Graph) -> None:
    actor = _first(g, NKG.refersTo)
    actor = g.value(actor, NKG.refersTo)
    g.add((actor, RDF.type, NKG.Person))
    g.add((actor, RDF.type, NKG.Organization))


def mention_of_a_non_actor(g: Graph) -> None:
    g.set((_first(g, RDF.type, NKG.Mention), NKG.refersTo, _article(g)))


MUTATIONS: list[tuple[Mutation, str]] = [
    (missing_speaker, "nkgsh:StatementSpeakerShape"),
    (speaker_and_unknown, "nkgsh:StatementSpeakerShape"),
    (speaker_not_an_actor, "nkgsh:Statement-speaker"),
    (offsets_past_the_text, "nkgsh:TextSelectorWithinTextShape"),
    (quote_differs_from_text, "nkgsh:TextSelectorExactTextShape"),
    (start_after_end, "nkgsh:TextSelector-start"),
    (selector_without_source, "nkgsh:TextSelector-source"),
    (unknown_stance, "nkgsh:Statement-stance"),
    (confidence_out_of_range, "nkgsh:Statement-confidence"),
    (missing_article_text, "nkgsh:NewsArticle-text"),
    (wrong_hash_pattern, "nkgsh:NewsArticle-textHash"),
    (text_changed_hash_kept, "nkgsh:NewsArticleHashShape"),
    (missing_extraction_run, "nkgsh:NewsArticle-run"),
    (date_not_a_date, "nkgsh:Event-date"),
    (granularity_not_matching_date, "nkgsh:EventGranularityShape"),
    (date_without_granularity, "nkgsh:Event-date-granularity"),
    (event_type_not_in_scheme, "nkgsh:Event-eventType"),
    (allegation_without_accused, "nkgsh:Allegation-accused"),
    (allegation_without_claimant, "nkgsh:Allegation-whoClaims"),
    (reaction_responding_to_nothing, "nkgsh:Reaction-respondsTo"),
    (actor_of_two_disjoint_types, "nkgsh:DisjointClassesShape"),
    (mention_of_a_non_actor, "nkgsh:Mention-refersTo"),
]
SOURCES = ["sample", *sorted(p.name for p in SEEDS_DIR.glob("*.txt"))]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(), None)


@pytest.fixture(scope="module")
def graphs(pipeline: Pipeline) -> dict[str, Graph]:
    found = {"sample": sample_graph(3)}
    for name in SOURCES[1:]:
        doc = read_file(SEEDS_DIR / name, None, 10_000_000)
        found[name] = pipeline.prepare(doc).graph
    return found


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


@pytest.mark.parametrize("source", SOURCES)
def test_the_unbroken_graph_conforms(source: str, graphs: dict[str, Graph], pipeline: Pipeline) -> None:
    report = pipeline.validator.validate(graphs[source])
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("mutation", "shape"), MUTATIONS, ids=[m.__name__ for m, _ in MUTATIONS])
def test_each_break_is_rejected_by_the_right_shape(source: str, mutation: Mutation, shape: str,
                                                   graphs: dict[str, Graph], pipeline: Pipeline) -> None:
    broken = _copy(graphs[source])
    mutation(broken)
    report = pipeline.validator.validate(broken)
    assert not report.conforms
    assert shape in report.shapes(), report.to_text()


def test_at_least_twelve_kinds_of_break_apply_to_each_seed(graphs: dict[str, Graph], pipeline: Pipeline) -> None:
    for source in SOURCES[1:]:
        rejected = set()
        for mutation, shape in MUTATIONS:
            broken = _copy(graphs[source])
            try:
                mutation(broken)
            except pytest.skip.Exception:
                continue
            if shape in pipeline.validator.validate(broken).shapes():
                rejected.add(mutation.__name__)
        assert len(rejected) >= 12, (source, sorted(rejected))


def test_the_report_of_a_broken_statement_quotes_its_sentence(graphs: dict[str, Graph], pipeline: Pipeline) -> None:
    for source in SOURCES:
        broken = _copy(graphs[source])
        unknown_stance(broken)
        text = " ".join(str(broken.value(_article(broken), NKG.text)).split())
        [violation] = [v for v in pipeline.validator.validate(broken).violations if v.shape == "nkgsh:Statement-stance"]
        assert violation.sentence and violation.sentence in text
        assert violation.focus_label
