"""A SPARQL 1.1 service as newskg's store: queries through the Protocol, an article's graph replaced by one Graph
Store PUT (readers see the old graph or the new one), SPARQL Update for the rest, dumps streamed from the engine.

The engine cannot tell its clients when its content changed, so newskg keeps a version marker in the store: one
triple in the graph <urn:newskg:store-version>, rewritten after every write by any process. Readers (caches of
labels, dumps, ETags) poll it at most every `version_poll` seconds; it is hidden from graph_names() and dumps.
"""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import IO, Any, BinaryIO, Iterable, Iterator, Mapping

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from newskg.ingest.errors import QueryError, QueryTimeout, StoreError
from newskg.store.interface import QueryResult, TriplesSource
from newskg.store.locator import Credentials, RemoteEndpoints, RemoteLocation, parse_remote
from newskg.store.remote_dump import dump_dataset, dump_graph
from newskg.store.remote_http import EngineClient, form, http_auth
from newskg.store.sparql_text import has_relative_iris, names_dataset, query_form
from newskg.store.terms import GraphName, TermConverter, graph_term, insert_data_text, rdflib_graph, rdflib_triples
from newskg.store.embedded import _triples

VERSION_GRAPH = "urn:newskg:store-version"
VERSION_PREDICATE = "urn:newskg:version"
RESULTS_XML = "application/sparql-results+xml"
N_TRIPLES = "application/n-triples"
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
ANYTIME_TIMEOUT = "S1TAT"


class RemoteStore:
    def __init__(self, location: RemoteLocation, credentials: Credentials, *, timeout: float = 30.0,
                 query_timeout: float = 30.0, version_poll: float = 1.0) -> None:
        self.location = location
        self.preset = location.preset
        self.description = f"{self.preset.name} at {location.base_url}"
        self.query_timeout = query_timeout
        self.version_poll = version_poll
        self.http = EngineClient(self.description, http_auth(credentials, self.preset.default_auth), timeout)
        self._lock = threading.Lock()
        self._generation = 0
        self._version: str | None = None
        self._polled = 0.0

    # --- version -------------------------------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        self._poll()
        return self._generation

    @property
    def version(self) -> str:
        self._poll()
        return self._version or "unversioned"

    def _poll(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._polled < self.version_poll:
            return
        self._polled = now
        seen = self._read_version()
        with self._lock:
            if seen != self._version:
                self._version = seen
                self._generation += 1

    def _read_version(self) -> str | None:
        result = self.query(f"SELECT ?v WHERE {{ GRAPH <{VERSION_GRAPH}> {{ <{VERSION_GRAPH}> "
                            f"<{VERSION_PREDICATE}> ?v }} }}", default_graph_union=False)
        for solution in result:  # type: ignore[union-attr]
            return str(solution["v"].value)
        return None

    def _written(self, graphs: Iterable[GraphName] = ()) -> None:
        """After every write, one update: a new marker for every reader (this process sees its own write at once),
        and on Virtuoso the graphs written through the Graph Store registered, so that DROP GRAPH finds them."""
        marker = f"{time.time_ns()}-{uuid.uuid4().hex[:12]}"
        version = f"<{VERSION_GRAPH}>"
        parts = [f"CREATE SILENT GRAPH {g}" for g in graphs
                 if self.preset.register_graphs and isinstance(g, ox.NamedNode)]
        parts += [f"DROP SILENT GRAPH {version}",
                  f"INSERT DATA {{ GRAPH {version} {{ {version} <{VERSION_PREDICATE}> \"{marker}\" }} }}"]
        self._update(" ;\n".join(parts), None)
        with self._lock:
            self._version = marker
            self._generation += 1
            self._polled = time.monotonic()

    # --- writes --------------------------------------------------------------------------------------------------
    def replace_graph(self, graph: str, triples: TriplesSource) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, TriplesSource]) -> None:
        converter = TermConverter()
        self.replace_ox_graphs({graph_term(name): [converter.triple(t) for t in _triples(content)]
                                for name, content in graphs.items()})

    def replace_ox_graphs(self, graphs: Mapping[GraphName, Iterable[ox.Triple]], *, replace: bool = True) -> None:
        """Each graph by one Graph Store request (PUT replaces, POST adds); each is atomic on its own (a failed
        request changed nothing, so the version moves only when one succeeded)."""
        written: list[GraphName] = []
        try:
            for name, triples in graphs.items():
                body = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
                self._put(name, body, replace=replace)
                written.append(name)
        finally:
            if written:
                self._written(written)

    def _put(self, graph: GraphName, ntriples: bytes, *, replace: bool) -> None:
        if self.location.graph_store_url is None:
            self._replace_by_update(graph, ntriples, replace=replace)
            return
        url, params = self.graph_address(graph)
        self.http.send("PUT" if replace else "POST", url, params=params,
                       content=ntriples, headers={"Content-Type": N_TRIPLES}, what=f"writing graph {graph}")

    def _replace_by_update(self, graph: GraphName, ntriples: bytes, *, replace: bool) -> None:
        triples = [quad.triple for quad in ox.parse(ntriples, ox.RdfFormat.N_TRIPLES)]
        target = "DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph}"
        parts = [f"DROP SILENT {target}"] if replace else []
        data = insert_data_text(graph, triples, blank_prefix="b")
        self._update(" ;\n".join(parts + ([data] if data else [])) or "CLEAR SILENT DEFAULT", None)

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {graph_term(graph)}")

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        self._update(sparql, base_iri)  # one request, one transaction: a failed one changed nothing
        self._written()

    def _update(self, sparql: str, base_iri: str | None) -> None:
        self.http.send("POST", self.location.update_url,
                       data=form({self.preset.update_field: _with_base(sparql, base_iri)}),
                       what="a SPARQL update")

    # --- reads ---------------------------------------------------------------------------------------------------
    def has_graph(self, graph: str | GraphName) -> bool:
        name = graph_term(graph)
        if isinstance(name, ox.DefaultGraph):
            return True
        return bool(self.query(f"ASK {{ GRAPH {name} {{ ?s ?p ?o }} }}", default_graph_union=False))

    def holds_graph(self, graph: str, triples: Iterable[ox.Triple]) -> bool:
        """One read of the graph instead of a write (a re-ingest of an unchanged article)."""
        wanted = set(triples)
        if any(isinstance(term, ox.BlankNode) for t in wanted for term in (t.subject, t.object)):
            return False
        method, url, options = self.graph_reading(graph_term(graph))
        try:
            response = self.http.send(method, url, what=f"reading graph <{graph}>", **options)
        except QueryError:      # a Graph Store answers 404 for a graph it does not hold
            return False
        held = [q.triple for q in ox.parse(response.content, ox.RdfFormat.N_TRIPLES)]
        return len(held) == len(wanted) and set(held) == wanted

    def graph_names(self) -> list[str]:
        result = self.query(self.preset.graph_list_query, default_graph_union=False)
        names = {str(s["g"].value) for s in result if isinstance(s["g"], ox.NamedNode)}  # type: ignore[union-attr]
        return sorted(n for n in names if n != VERSION_GRAPH and not n.startswith(self.preset.own_graph_prefixes))

    def quads(self) -> Iterator[ox.Quad]:
        from newskg.store.remote_dump import dataset_quads

        return dataset_quads(self)

    def default_graph_size(self) -> int:
        return 0   # the union engines (Virtuoso, QLever) have no default graph of its own to count apart

    def graph_filter(self, variable: str) -> str:
        tests = [f"?{variable} != <{VERSION_GRAPH}>"]
        tests += [f'!STRSTARTS(STR(?{variable}), "{prefix}")' for prefix in self.preset.own_graph_prefixes]
        return f"FILTER({' && '.join(tests)})"

    def query(self, sparql: str, *, default_graph_union: bool = True, default_graphs: Iterable[str] | None = None,
              named_graphs: Iterable[str] | None = None, base_iri: str | None = None,
              timeout: float | None = None) -> QueryResult:
        """Through the SPARQL 1.1 Protocol, the whole answer read within the time limit, then parsed."""
        seconds = timeout if timeout is not None else self.query_timeout
        form_keyword = query_form(sparql)
        graph_form = form_keyword in GRAPH_FORMS
        fields: dict[str, object] = {"query": _with_base(sparql, base_iri),
                                     "default-graph-uri": list(default_graphs or ()),
                                     "named-graph-uri": list(named_graphs or ())}
        params: dict[str, str] = {}
        union = default_graph_union and not default_graphs and not named_graphs and not names_dataset(sparql)
        if union and self.preset.union_parameter:
            params[self.preset.union_parameter] = ""
        if self.preset.timeout_parameter:
            fields[self.preset.timeout_parameter] = int(seconds * 1000)
        response, body = self.http.spooled("POST", self.location.query_url, timeout=seconds, what="a SPARQL query",
                                           params=params, data=form(fields),
                                           headers={"Accept": N_TRIPLES if graph_form else RESULTS_XML})
        if response.headers.get("x-sql-state") == ANYTIME_TIMEOUT:
            body.close()  # Virtuoso's "anytime" answer: what it found before its time limit, not the whole result
            raise QueryTimeout(f"the query was stopped after {seconds:g} s (the time limit of this endpoint)")
        try:
            result = _parse_answer(body, graph_form)  # read lazily: the result keeps the spool file open
            return _as_boolean(result) if form_keyword == "ASK" else result
        except SyntaxError as error:
            body.close()
            raise StoreError(f"the store ({self.description}) answered a query with unreadable results: {error}") \
                from None

    def graph_triples(self, graph: str) -> Iterator[tuple[Node, Node, Node]]:
        method, url, options = self.graph_reading(graph_term(graph))
        response = self.http.send(method, url, what=f"reading graph <{graph}>", **options)
        return rdflib_triples(ox.parse(response.content, ox.RdfFormat.N_TRIPLES))

    def graph_address(self, graph: GraphName) -> tuple[str, dict[str, str]]:
        """The Graph Store URL and query parameters of one graph."""
        assert self.location.graph_store_url is not None, "the engine has no Graph Store endpoint"
        params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
        return self.location.graph_store_url, params

    def graph_reading(self, graph: GraphName) -> tuple[str, str, dict[str, Any]]:
        """How to read one graph as N-Triples: a Graph Store GET, or a CONSTRUCT where the engine has no Graph
        Store (QLever, a plain `sparql` service)."""
        accept = {"Accept": N_TRIPLES}
        if self.location.graph_store_url is not None:
            url, params = self.graph_address(graph)
            return "GET", url, {"params": params, "headers": accept}
        pattern = "?s ?p ?o" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{ ?s ?p ?o }}"
        return "POST", self.location.query_url, {"data": {"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}"},
                                                  "headers": accept}

    def construct_graph(self, sparql: str) -> rdflib.Graph:
        return rdflib_graph(self.query(sparql))

    def dump(self, output: BinaryIO | Path, media_type: str, graph: str | GraphName | None = None) -> None:
        """Streamed from the engine through a small buffer: never the whole dump in memory."""
        if isinstance(output, Path):
            with output.open("wb") as file:
                self.dump(file, media_type, graph)
            return
        if graph is not None:
            dump_graph(self, graph_term(graph), output, media_type)
        else:
            dump_dataset(self, output, media_type)

    def close(self) -> None:
        self.http.close()


def _parse_answer(body: IO[bytes], graph_form: bool) -> QueryResult:
    if not graph_form:
        return ox.parse_query_results(body, ox.QueryResultsFormat.XML)  # type: ignore[return-value]
    # a genuine QueryTriples, as the embedded store gives: the (small) graph goes through an in-memory store
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in
                   (q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES)))
    return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")  # type: ignore[return-value]


def _with_base(sparql: str, base_iri: str | None) -> str:
    """The protocol has no base parameter: a BASE declaration, only where relative IRIs need one (and on the first
    line, so that the engine's error positions still match the client's text)."""
    return f"BASE <{base_iri}> {sparql}" if base_iri and has_relative_iris(sparql) else sparql


def _as_boolean(result: QueryResult) -> QueryResult:
    """Virtuoso 7.2 answers ASK as a one-variable SELECT (__ASK_RETVAL): no row is false, a row of 1 is true."""
    if not isinstance(result, ox.QuerySolutions):
        return result
    value = any(row[0] is not None and row[0].value not in ("0", "false") for row in result)
    return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if value else b"false"),
                                  ox.QueryResultsFormat.JSON)  # type: ignore[return-value]


def open_remote(locator: str, *, endpoints: RemoteEndpoints | None = None, credentials: Credentials | None = None,
                timeout: float = 30.0, query_timeout: float = 30.0, version_poll: float = 1.0) -> RemoteStore:
    return RemoteStore(parse_remote(locator, endpoints), credentials or Credentials(), timeout=timeout,
                       query_timeout=query_timeout, version_poll=version_poll)
