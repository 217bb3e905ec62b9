"""The narrow interface every store offers: what ingest, the API and the CLI may ask of one.

Two kinds stand behind it: store.embedded (pyoxigraph on disk, the default, one process) and store.remote (a SPARQL
1.1 service reached over HTTP, shared by any number of processes and machines). An article's graph is replaced
whole by one operation, so readers never see half an article.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping, Protocol, Sequence, Union

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from newskg.store.terms import GraphName

TriplesSource = Union[Iterable[Sequence[Node]], rdflib.Graph]
QueryResult = Union[ox.QuerySolutions, ox.QueryBoolean, ox.QueryTriples]


class Store(Protocol):
    description: str          # for messages: "embedded pyoxigraph", "virtuoso at http://host:8890"

    @property
    def generation(self) -> int:
        """Grows whenever the store is known to have changed (this process's writes, or another's once seen)."""

    @property
    def version(self) -> str:
        """An opaque tag that changes with the content: caches (labels, dumps, ETags) are keyed by it."""

    # writes: each graph is replaced (or added to) whole
    def replace_graph(self, graph: str, triples: TriplesSource) -> None: ...
    def replace_graphs(self, graphs: Mapping[str, TriplesSource]) -> None: ...
    def replace_ox_graphs(self, graphs: Mapping[GraphName, Iterable[ox.Triple]], *, replace: bool = True) -> None: ...
    def remove_graph(self, graph: str) -> None: ...
    def update(self, sparql: str, *, base_iri: str | None = None) -> None: ...

    # reads
    def has_graph(self, graph: str | GraphName) -> bool: ...
    def holds_graph(self, graph: str, triples: Iterable[ox.Triple]) -> bool:
        """Whether the graph exists and holds exactly these triples (none blank): an unchanged article need not
        be written again."""
    def graph_names(self) -> list[str]: ...
    def query(self, sparql: str, *, default_graph_union: bool = True, default_graphs: Iterable[str] | None = None,
              named_graphs: Iterable[str] | None = None, base_iri: str | None = None) -> QueryResult: ...
    def graph_triples(self, graph: str) -> Iterator[tuple[Node, Node, Node]]: ...
    def construct_graph(self, sparql: str) -> rdflib.Graph: ...
    def dump(self, output: BinaryIO | Path, media_type: str, graph: str | GraphName | None = None) -> None: ...
    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the dataset, streamed (the same quads, in the same order, each time it is called)."""
    def default_graph_size(self) -> int:
        """Triples in the default graph itself (newskg writes none; a Graph Store client may)."""
    def graph_filter(self, variable: str) -> str:
        """A FILTER keeping ?variable to the dataset's graphs (leaving out an engine's own graphs and newskg's
        version marker); empty where every graph is the dataset's."""

    def close(self) -> None: ...
