"""IndexedGraph answers every triple pattern, path and helper exactly as the rdflib Graph it was made from."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.paths import InvPath, MulPath, SequencePath

from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.namespaces import NKG
from shapes_sample import sample_graph

TOP = URIRef("urn:test:Top")


@pytest.fixture(scope="module")
def pair() -> tuple[Graph, IndexedGraph]:
    graph = sample_graph(1)
    graph.add((NKG.Statement, RDFS.subClassOf, TOP))
    graph.add((NKG.Reaction, RDFS.subClassOf, NKG.Statement))
    return graph, IndexedGraph(graph, like=graph)


def test_every_pattern_matches_the_same_triples(pair: tuple[Graph, IndexedGraph]) -> None:
    graph, indexed = pair
    assert len(indexed) == len(graph) and set(indexed) == set(graph)
    for s, p, o in list(graph)[::7]:
        for pattern in [(s, p, o), (s, p, None), (s, None, o), (None, p, o), (s, None, None), (None, p, None),
                        (None, None, o), (s, RDF.type, o), (o, p, s)]:
            assert Counter(indexed.triples(pattern)) == Counter(graph.triples(pattern)), pattern
            assert (pattern in indexed) == (pattern in graph)


def test_paths_and_helpers_agree(pair: tuple[Graph, IndexedGraph]) -> None:
    graph, indexed = pair
    statement = next(graph.subjects(RDF.type, NKG.Statement))
    for path in [SequencePath(NKG.evidence, NKG.source), InvPath(NKG.speaker), MulPath(RDFS.subClassOf, "*")]:
        assert Counter(indexed.triples((None, path, None))) == Counter(graph.triples((None, path, None)))
    assert indexed.value(statement, NKG.evidence) == graph.value(statement, NKG.evidence)
    assert set(indexed.transitive_objects(NKG.Reaction, RDFS.subClassOf)) == {NKG.Reaction, NKG.Statement, TOP}
    assert set(indexed.objects_of(statement, NKG.evidence)) == set(graph.objects(statement, NKG.evidence))
    assert set(indexed.subjects_of(RDF.type, NKG.Statement)) == set(graph.subjects(RDF.type, NKG.Statement))
    assert indexed.objects_of(URIRef("urn:nothing"), RDF.type) == ()


def test_it_is_read_only(pair: tuple[Graph, IndexedGraph]) -> None:
    graph, indexed = pair
    indexed.add(next(iter(graph)))   # already held: no change, allowed
    with pytest.raises(TypeError):
        indexed.add((URIRef("urn:a"), RDFS.label, Literal("new")))
    with pytest.raises(TypeError):
        indexed.remove(next(iter(graph)))
    with pytest.raises(TypeError):
        indexed.query("ASK {}")
    assert len(indexed) == len(graph)
