"""Dumps of a remote store, streamed from the engine to the output through pyoxigraph's streaming parser and
serialiser: memory stays at a few buffers whatever the size of the dataset.

The whole dataset comes from one GET where the engine offers it (Oxigraph's /store, Fuseki's dataset URL), else
graph by graph through the Graph Store Protocol (Virtuoso), blank nodes renamed per graph so that two graphs never
share one. newskg's version marker graph is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO, Iterator

import pyoxigraph as ox

from newskg.ingest.distinct_triples import distinct_triples
from newskg.store.remote_http import ResponseReader
from newskg.store.terms import GraphName, rdf_format

if TYPE_CHECKING:
    from newskg.store.remote import RemoteStore

N_QUADS = "application/n-quads"
EXPECTED_QUADS = 1_000_000   # sizes distinct_triples' bit table: a low guess costs time, never correctness


def dump_graph(store: "RemoteStore", graph: GraphName, output: BinaryIO, media_type: str) -> None:
    fmt = rdf_format(media_type)
    method, url, options = store.graph_reading(graph)
    with store.http.stream(method, url, what=f"reading graph {graph}", **options) as response:
        if fmt == ox.RdfFormat.N_TRIPLES:
            for chunk in response.iter_bytes():
                output.write(chunk)
            return
        triples = (q.triple for q in ox.parse(ResponseReader(response.iter_bytes()), ox.RdfFormat.N_TRIPLES))
        if fmt.supports_datasets:   # as the embedded store dumps one graph: its triples, in the default graph
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object) for t in triples), output, fmt)
        else:
            ox.serialize(triples, output, fmt)


def dump_dataset(store: "RemoteStore", output: BinaryIO, media_type: str) -> None:
    """Every graph but the version marker's: as quads for a syntax with named graphs, else their union as
    triples, each once (the dataset is then read twice: see ingest.distinct_triples)."""
    fmt = rdf_format(media_type)
    if fmt.supports_datasets:
        ox.serialize(dataset_quads(store), output, fmt)
    else:
        ox.serialize(distinct_triples(lambda: dataset_quads(store), EXPECTED_QUADS), output, fmt)


def dataset_quads(store: "RemoteStore") -> Iterator[ox.Quad]:
    from newskg.store.remote import VERSION_GRAPH

    if store.location.dataset_url is None:
        yield from _graph_by_graph(store)
        return
    hidden = ox.NamedNode(VERSION_GRAPH)
    with store.http.stream("GET", store.location.dataset_url, headers={"Accept": N_QUADS},
                           timeout=None, what="downloading the dataset") as response:
        for quad in ox.parse(ResponseReader(response.iter_bytes()), ox.RdfFormat.N_QUADS):
            if quad.graph_name != hidden:
                yield quad


def _graph_by_graph(store: "RemoteStore") -> Iterator[ox.Quad]:
    for number, name in enumerate(store.graph_names()):
        graph = ox.NamedNode(name)
        method, url, options = store.graph_reading(graph)
        prefix = f"g{number}x"   # the engine numbers blank nodes per answer: keep each graph's apart, stably
        renamed: dict[ox.BlankNode, ox.BlankNode] = {}

        def term(value: object) -> object:
            if isinstance(value, ox.BlankNode):
                found = renamed.get(value)
                if found is None:
                    found = renamed[value] = ox.BlankNode(prefix + value.value)
                return found
            return value

        with store.http.stream(method, url, what=f"reading graph {graph}", **options) as response:
            for quad in ox.parse(ResponseReader(response.iter_bytes()), ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(term(quad.subject), quad.predicate, term(quad.object), graph)  # type: ignore[arg-type]

