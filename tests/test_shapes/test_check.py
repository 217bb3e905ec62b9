"""`newskg check` over a store: the shapes per named graph, HermiT over the ontology and all the data."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from newskg.ingest.check import check_store, reasoning_input_query
from newskg.ingest.reasoning import check_consistency, ontology_graph
from newskg.ingest.extract.read.page import read_file
from newskg.ingest.namespaces import NKG
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.service_graphs import service_graphs
from newskg.ingest.settings import Settings
from newskg.store.embedded import OxigraphStore

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(), None)


@pytest.fixture(scope="module")
def seed_graphs(pipeline: Pipeline) -> dict[str, Graph]:
    graphs = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        prepared = pipeline.prepare(read_file(path, None, 10_000_000))
        assert pipeline.validator.validate(prepared.graph).conforms
        graphs[prepared.graph_iri] = prepared.graph
    return graphs


@pytest.fixture
def store(pipeline: Pipeline, seed_graphs: dict[str, Graph]) -> OxigraphStore:
    store = OxigraphStore(None)
    store.replace_graphs({**service_graphs(pipeline.minter), **seed_graphs})
    return store


def _an_organization(graph: Graph) -> URIRef:
    actors = sorted(set(graph.objects(None, NKG.refersTo)), key=str)
    for actor in actors:
        kinds = set(graph.objects(actor, RDF.type))
        if {NKG.State, NKG.GovernmentBody, NKG.ArmedGroup, NKG.IntelligenceAgency} & kinds:
            return actor  # type: ignore[return-value]
    raise AssertionError("the seed names no organisation")


def test_the_ingested_seeds_check_out(store: OxigraphStore, pipeline: Pipeline) -> None:
    report = check_store(store, pipeline.validator)
    assert report.ok, report.to_text()
    assert report.exit_code == 0
    assert report.graphs_checked == 3  # two articles and the registry; the ontology graph is not instance data
    assert report.consistency is not None and report.consistency.consistent
    assert report.to_text().endswith("check: OK")


def test_a_contradiction_injected_in_a_graph_is_reported(store: OxigraphStore, pipeline: Pipeline,
                                                         seed_graphs: dict[str, Graph]) -> None:
    name, graph = sorted(seed_graphs.items())[0]
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    organization = _an_organization(broken)
    broken.add((organization, RDF.type, NKG.Person))
    store.replace_graph(name, broken)  # behind the gate's back, as a bad import or a SPARQL update could
    report = check_store(store, pipeline.validator)
    assert not report.ok and report.exit_code == 1
    assert set(report.invalid) == {name}
    assert "nkgsh:DisjointClassesShape" in report.invalid[name].shapes()
    assert report.consistency is not None and not report.consistency.consistent
    assert any(str(organization) in problem for problem in report.consistency.problems)
    text = report.to_text()
    assert name in text and str(organization) in text and "INCONSISTENT" in text


def test_a_contradiction_between_graphs_is_found_by_the_reasoner(store: OxigraphStore, pipeline: Pipeline,
                                                                 seed_graphs: dict[str, Graph]) -> None:
    organization = _an_organization(sorted(seed_graphs.items())[0][1])
    other = Graph()
    other.add((organization, RDF.type, NKG.Person))  # well-formed on its own: a person with a name
    other.add((organization, RDFS.label, Literal("someone")))
    store.replace_graph("http://127.0.0.1:8000/graph/article/other", other)
    report = check_store(store, pipeline.validator)
    assert report.invalid == {}
    assert report.consistency is not None and not report.consistency.consistent
    assert not report.ok and report.exit_code == 1
    # what a large store reasons over: the nodes several graphs describe, which still holds the contradiction
    shared = store.construct_graph(reasoning_input_query(everything=False))
    assert (organization, RDF.type, NKG.Person) in shared
    assert not set(shared.subjects(RDF.type, NKG.TextSelector))
    assert not check_consistency([ontology_graph(), shared]).consistent


def test_reasoning_can_be_skipped(store: OxigraphStore, pipeline: Pipeline) -> None:
    report = check_store(store, pipeline.validator, reason=False)
    assert report.ok and report.consistency is None
    assert "reasoning skipped" in report.to_text()
    assert report.to_json()["consistent"] is None


def test_checking_in_two_processes_finds_what_one_finds(store: OxigraphStore, pipeline: Pipeline,
                                                          seed_graphs: dict[str, Graph]) -> None:
    name, graph = sorted(seed_graphs.items())[0]
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    broken.remove((None, NKG.text, None))
    store.replace_graph(name, broken)
    one = check_store(store, pipeline.validator, reason=False)
    two = check_store(store, pipeline.validator, reason=False, workers=2)
    assert one.graphs_checked == two.graphs_checked == 3
    assert set(one.invalid) == set(two.invalid) == {name}
    assert one.invalid[name].violations == two.invalid[name].violations
    assert "nkgsh:NewsArticle-text" in two.invalid[name].shapes()
