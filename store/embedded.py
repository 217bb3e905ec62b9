"""The embedded store: pyoxigraph on disk (or in memory for tests), one named graph per article; the default.

Every write goes through one lock and is one oxigraph transaction, so readers never see half an article.
`generation` counts completed writes; the query workers use it to know when to take a fresh snapshot.
"""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from newskg.ingest.distinct_triples import distinct_triples
from newskg.ingest.errors import StoreError
from newskg.ingest.sparql_errors import evaluation_error, syntax_error
from newskg.store.interface import TriplesSource
from newskg.store.sparql_text import names_dataset
from newskg.store.terms import (GraphName, TermConverter, graph_term, insert_data_text, rdf_format, rdflib_graph,
                         rdflib_triples, with_fresh_blank_nodes)


class OxigraphStore:
    """pyoxigraph behind the operations newskg needs (store.interface.Store); store.remote stands in its place
    for a SPARQL 1.1 service."""

    description = "embedded pyoxigraph"

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._write_lock = threading.Lock()
        self._generation = 0
        self._opened = hashlib.sha256(f"{id(self)}-{time.time_ns()}".encode()).hexdigest()[:10]
        try:
            self._store: ox.Store | None = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreError(f"store at {path} is in use by another newskg process (e.g. a running server)") from error
            raise StoreError(f"cannot open store at {path}: {error}") from error

    @property
    def oxigraph(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    @property
    def generation(self) -> int:
        """Number of writes completed since the store was opened."""
        return self._generation

    @property
    def version(self) -> str:
        """Changes with every write and every opening of the store (two runs never share a version)."""
        return f"{self._opened}-{self._generation}"

    # --- writes: one transaction each ---------------------------------------------------------------
    def replace_graph(self, graph: str, triples: TriplesSource) -> None:
        """Replace a named graph's content atomically (readers see the old or the new graph, never a mix)."""
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, TriplesSource]) -> None:
        """Replace several named graphs in one transaction (bulk import of many articles)."""
        converter = TermConverter()
        converted = {graph_term(name): [converter.triple(t) for t in _triples(content)]
                     for name, content in graphs.items()}
        self.replace_ox_graphs(converted)

    def replace_ox_graphs(self, graphs: Mapping[GraphName, Iterable[ox.Triple]], *, replace: bool = True) -> None:
        """Same as replace_graphs for pyoxigraph terms; with replace=False the triples are added (GSP POST)."""
        if replace and self._insert_new_graphs(graphs):
            return
        parts: list[str] = []
        for index, (name, triples) in enumerate(graphs.items()):
            target = "DEFAULT" if isinstance(name, ox.DefaultGraph) else f"GRAPH {name}"
            if replace:
                parts.append(f"DROP SILENT {target}")
            if not isinstance(name, ox.DefaultGraph):
                parts.append(f"CREATE SILENT GRAPH {name}")
            data = insert_data_text(name, triples, blank_prefix=f"b{index}x")
            if data:
                parts.append(data)
        if parts:
            self.update(" ;\n".join(parts))

    def _insert_new_graphs(self, graphs: Mapping[GraphName, Iterable[ox.Triple]]) -> bool:
        """Graphs that do not exist yet (the common case: a new article) are added in one transaction by
        Store.extend, about twice as fast as parsing the same triples as SPARQL INSERT DATA. False, writing nothing,
        when any of them exists already or is the default graph (replacing needs DROP and INSERT in one update)."""
        with self._write_lock:
            store = self.oxigraph
            if not all(isinstance(name, ox.NamedNode) and not store.contains_named_graph(name) for name in graphs):
                return False
            quads = [quad for name, triples in graphs.items() for quad in with_fresh_blank_nodes(name, triples)]
            try:
                store.extend(quads)   # atomic: all the quads or none
                for name in graphs:
                    store.add_graph(name)   # an article graph with no triples still exists
            except OSError as error:
                raise StoreError(f"write failed: {error}") from error
            finally:
                self._generation += 1
            return True

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {graph_term(graph)}")

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL update as one transaction; syntax and evaluation errors become a readable QueryError."""
        with self._write_lock:
            try:
                self.oxigraph.update(sparql, base_iri=base_iri)
            except SyntaxError as error:
                raise syntax_error(sparql, str(error), "update") from error
            except RuntimeError as error:  # pyoxigraph's evaluation errors: a missing graph, an unknown function
                raise evaluation_error(error, "update") from error
            except OSError as error:
                raise StoreError(f"update failed: {error}") from error
            finally:
                # counted even on failure: a failed update is rolled back, but a fresh snapshot is harmless
                self._generation += 1

    def bulk_load(self, path_or_stream: Path | str | BinaryIO, media_type: str, graph: str | None = None) -> None:
        """Fast load of a large file (not one transaction: use it for imports, not for live article writes)."""
        target = graph_term(graph) if graph else None
        with self._write_lock:
            try:
                if isinstance(path_or_stream, (str, Path)):
                    self.oxigraph.bulk_load(path=str(path_or_stream), format=rdf_format(media_type), to_graph=target)
                else:
                    self.oxigraph.bulk_load(path_or_stream, rdf_format(media_type), to_graph=target)
            except (SyntaxError, ValueError) as error:
                raise StoreError(f"bulk load failed: {error}") from error
            finally:
                self._generation += 1

    # --- reads -------------------------------------------------------------------------------------
    def has_graph(self, graph: str | GraphName) -> bool:
        name = graph_term(graph)
        return isinstance(name, ox.DefaultGraph) or self.oxigraph.contains_named_graph(name)

    def holds_graph(self, graph: str, triples: Iterable[ox.Triple]) -> bool:
        """Whether the named graph exists and holds exactly these triples (with no blank nodes, which would never
        compare equal): a re-ingest of an unchanged article need not write."""
        wanted = set(triples)
        name = graph_term(graph)
        if any(isinstance(term, ox.BlankNode) for t in wanted for term in (t.subject, t.object)) or \
                not self.oxigraph.contains_named_graph(name):
            return False
        held = 0
        for quad in self.oxigraph.quads_for_pattern(None, None, None, name):
            held += 1
            if held > len(wanted) or quad.triple not in wanted:
                return False
        return held == len(wanted)

    def graph_filter(self, variable: str) -> str:
        return ""

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self.oxigraph.quads_for_pattern(None, None, None, None))

    def default_graph_size(self) -> int:
        return sum(1 for _ in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, *, default_graph_union: bool = True, default_graphs: Iterable[str] | None = None,
              named_graphs: Iterable[str] | None = None, base_iri: str | None = None
              ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query in this process (CLI, pipeline, pages). No time limit here: the HTTP endpoint uses workers."""
        return run_query(self.oxigraph, sparql, default_graph_union=default_graph_union,
                         default_graphs=default_graphs, named_graphs=named_graphs, base_iri=base_iri)

    def graph_triples(self, graph: str) -> Iterator[tuple[Node, Node, Node]]:
        """One named graph's triples as rdflib terms (for validation: several times cheaper than a CONSTRUCT
        parsed back by rdflib)."""
        quads = self.oxigraph.quads_for_pattern(None, None, None, graph_term(graph))
        return rdflib_triples(quads)

    def construct_graph(self, sparql: str) -> rdflib.Graph:
        """A CONSTRUCT/DESCRIBE result as an rdflib Graph (for small results: pages, validation)."""
        return rdflib_graph(self.query(sparql))

    def dump(self, output: BinaryIO | Path, media_type: str, graph: str | GraphName | None = None) -> None:
        """Stream the store (or one graph) to output (a binary file object, or a file path: written by Rust
        directly, faster). A syntax with named graphs keeps them; a triple syntax without a graph gets the union of
        all graphs, each triple once."""
        fmt = rdf_format(media_type)
        store = self.oxigraph
        if isinstance(output, Path):
            output = str(output)  # type: ignore[assignment]
        if graph is not None:
            store.dump(output, fmt, from_graph=graph_term(graph))
        elif fmt.supports_datasets:
            store.dump(output, fmt)
        else:
            ox.serialize(distinct_triples(lambda: store.quads_for_pattern(None, None, None, None), len(store)),
                         output, fmt)

    def snapshot(self, directory: Path, *, timeout: float | None = None) -> Path | None:
        """A consistent copy at `directory` (a RocksDB checkpoint of hard links; a copy for in-memory stores).
        With a timeout: None when a write still runs after that many seconds (keep using an older snapshot)."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        if not self._write_lock.acquire(timeout=-1 if timeout is None else timeout):
            return None
        try:
            if self.path is not None:
                self.oxigraph.backup(str(directory))
            else:
                copy = ox.Store(str(directory))
                copy.bulk_extend(self.oxigraph)
                copy.flush()
                del copy
        finally:
            self._write_lock.release()
        return directory

    def close(self) -> None:
        if self._store is not None:
            with self._write_lock:
                if self.path is not None:
                    self._store.flush()
                self._store = None  # pyoxigraph releases the directory lock when the Store is dropped


def run_query(store: ox.Store, sparql: str, *, default_graph_union: bool = True,
              default_graphs: Iterable[str] | None = None, named_graphs: Iterable[str] | None = None,
              base_iri: str | None = None) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Query with newskg's dataset rules: the union of all graphs is the default graph, unless the request
    (default_graphs / named_graphs) or the query itself (FROM / FROM NAMED) names the dataset."""
    options: dict[str, object] = {"base_iri": base_iri}
    defaults = [graph_term(g) for g in default_graphs or ()]
    named = [graph_term(g) for g in named_graphs or ()]
    if defaults:
        options["default_graph"] = defaults
    if named:
        options["named_graphs"] = named
        if not defaults:
            options["default_graph"] = [ox.DefaultGraph()]
    if not defaults and not named and default_graph_union and not names_dataset(sparql):
        options["use_default_graph_as_union"] = True
    try:
        return store.query(sparql, **options)  # type: ignore[arg-type]
    except SyntaxError as error:
        raise syntax_error(sparql, str(error)) from error
    except RuntimeError as error:
        raise evaluation_error(error) from error
    except OSError as error:
        raise StoreError(f"query failed: {error}") from error


def open_store(path: Path | None) -> OxigraphStore:
    """Open (creating the directory) the store at path; None gives an in-memory store."""
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
    return OxigraphStore(path)


def store_exists(path: Path) -> bool:
    """Whether a store was ever written at path (an oxigraph store is a RocksDB directory, which has a CURRENT file)."""
    return (path / "CURRENT").is_file()


def open_existing_store(path: Path) -> OxigraphStore:
    """Open the store at path for reading; never creates one (a typo in a path must not answer with an empty store)."""
    if not store_exists(path):
        raise StoreError(f"no store at {path}: ingest first, or pass --store")
    return OxigraphStore(path)


def _triples(content: TriplesSource) -> Iterator[Sequence[Node]]:
    if isinstance(content, rdflib.Graph):
        yield from content.triples((None, None, None))
    else:
        yield from content
