"""`newskg check`: the shapes over every graph of the store (one named graph at a time, as at ingest), and the OWL
reasoner (HermiT, through ingest.reasoning) over the ontology and the data of all graphs together."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

import pyoxigraph as ox
from rdflib import SKOS, Graph

from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.namespaces import NKG
from newskg.ingest.reasoning import ConsistencyReport, check_consistency, ontology_graph
from newskg.ingest.shapes_graph import load_shapes_graph
from newskg.store.terms import rdflib_triples
from newskg.ingest.validation import ValidationReport, Validator
from newskg.ingest.validation_context import ValidationContext

# Long literals that no OWL axiom of the ontology constrains beyond "a string": left out of the reasoner's input.
_NOT_FOR_REASONING = (NKG.text, NKG.exact, SKOS.altLabel)
# Up to this many triples in the store, HermiT gets all the data (HermiT and owlready2 need ~1 GB at 1.5M triples).
FULL_REASONING_LIMIT = 200_000


class CheckableStore(Protocol):
    def graph_names(self) -> list[str]: ...
    def construct_graph(self, sparql: str) -> Graph: ...
    def graph_triples(self, graph: str) -> Iterator[tuple[Any, Any, Any]]: ...
    def dump(self, output: BinaryIO, media_type: str, graph: str | None = None) -> None: ...
    def query(self, sparql: str) -> Any: ...


@dataclass
class StoreCheckReport:
    graphs_checked: int
    invalid: dict[str, ValidationReport] = field(default_factory=dict)   # graph IRI → its report
    consistency: ConsistencyReport | None = None                        # None: reasoning skipped
    reasoned_triples: int = 0
    reasoned_scope: str = ""
    shacl_seconds: float = 0.0
    reasoning_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.invalid and (self.consistency is None or self.consistency.consistent)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_text(self) -> str:
        lines = [f"SHACL: {self.graphs_checked} graph(s) validated, {len(self.invalid)} do not conform "
                 f"({self.shacl_seconds:.1f} s)"]
        for graph, report in sorted(self.invalid.items()):
            lines.append(f"graph <{graph}>")
            lines.extend("  " + line for line in report.to_text().splitlines())
        if self.consistency is None:
            lines.append("OWL: reasoning skipped")
        else:
            verdict = "consistent" if self.consistency.consistent else "INCONSISTENT"
            lines.append(f"OWL (HermiT): ontology and data {verdict} ({self.reasoned_triples} triples of "
                         f"{self.reasoned_scope}, {self.reasoning_seconds:.1f} s)")
            lines.extend(f"  - {problem}" for problem in self.consistency.problems)
        lines.append("check: OK" if self.ok else "check: PROBLEMS FOUND")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "graphs_checked": self.graphs_checked,
                "invalid": {graph: report.to_json() for graph, report in sorted(self.invalid.items())},
                "consistent": None if self.consistency is None else self.consistency.consistent,
                "problems": [] if self.consistency is None else self.consistency.problems,
                "shacl_seconds": round(self.shacl_seconds, 3), "reasoning_seconds": round(self.reasoning_seconds, 3)}


def check_store(store: CheckableStore, validator: Validator, *, reason: bool = True,
                workers: int = 1) -> StoreCheckReport:
    """Validate every named graph but the ontology's with the shapes (in `workers` processes when more than one);
    then, unless reason is False, run HermiT over the ontology and the union of the store's graphs."""
    started = time.perf_counter()
    names = [name for name in store.graph_names() if not is_ontology_graph(name)]
    report = StoreCheckReport(graphs_checked=len(names))
    results = _in_processes(store, names, validator, workers) if workers > 1 else _in_this_process(store, names,
                                                                                                 validator)
    for name, result in results:
        if not result.conforms:
            report.invalid[name] = result
    report.shacl_seconds = time.perf_counter() - started
    if reason:
        started = time.perf_counter()
        everything = store_size(store) <= FULL_REASONING_LIMIT
        report.reasoned_scope = "all graphs" if everything else "the nodes described in several graphs"
        data = store.construct_graph(reasoning_input_query(everything))
        report.reasoned_triples = len(data)
        report.consistency = check_consistency([ontology_graph(), data])
        report.reasoning_seconds = time.perf_counter() - started
    return report


def store_size(store: CheckableStore) -> int:
    for solution in store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"):
        return int(solution["n"].value)
    return 0


def _in_this_process(store: CheckableStore, names: list[str],
                     validator: Validator) -> Iterator[tuple[str, ValidationReport]]:
    for name in names:
        yield name, validator.validate(IndexedGraph(store.graph_triples(name)))


def _in_processes(store: CheckableStore, names: list[str], validator: Validator,
                  workers: int) -> Iterator[tuple[str, ValidationReport]]:
    """The store stays in this process (it holds the directory lock); each graph goes to a worker as N-Triples,
    a few graphs per worker in flight so that memory stays flat however large the store."""
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(validator.context,)) as pool:
        pending: list[tuple[str, Future[ValidationReport]]] = []
        for name in names:
            output = io.BytesIO()
            store.dump(output, "application/n-triples", name)
            pending.append((name, pool.submit(_validate_ntriples, output.getvalue())))
            if len(pending) >= 4 * workers:
                done_name, future = pending.pop(0)
                yield done_name, future.result()
        for name, future in pending:
            yield name, future.result()


_WORKER_VALIDATOR: Validator | None = None


def _start_worker(context: ValidationContext) -> None:
    global _WORKER_VALIDATOR
    _WORKER_VALIDATOR = Validator(load_shapes_graph(), context)


def _validate_ntriples(data: bytes) -> ValidationReport:
    assert _WORKER_VALIDATOR is not None
    return _WORKER_VALIDATOR.validate(IndexedGraph(rdflib_triples(ox.parse(data, ox.RdfFormat.N_TRIPLES))))


def is_ontology_graph(name: str) -> bool:
    """The service graph holding the ontology (terms, not instance data): minted as <base>graph/ontology."""
    return name.rstrip("/").endswith("/graph/ontology")


def reasoning_input_query(everything: bool = True) -> str:
    """The data HermiT reasons over: all graphs' triples (less long literals), or, for a large store, only the
    triples about nodes described in more than one graph (actors, places, clusters, registry entries). Nodes of a
    single article (selectors, mentions, statements, ...) are then left to the shapes, which check their types,
    cardinalities and value classes graph by graph; what only the union can contradict is what several graphs say
    about one node."""
    excluded = ", ".join(f"<{p}>" for p in _NOT_FOR_REASONING)
    if everything:
        return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER (?p NOT IN ({excluded})) }}"
    return ("CONSTRUCT { ?s ?p ?o } WHERE { "
            "{ SELECT ?s WHERE { GRAPH ?g { ?s ?x ?y } } GROUP BY ?s HAVING (COUNT(DISTINCT ?g) > 1) } "
            f"?s ?p ?o FILTER (?p NOT IN ({excluded})) }}")
