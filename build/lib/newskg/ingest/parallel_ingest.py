"""`newskg ingest --workers N`: N worker processes read, extract, map and validate; this process alone writes.

Each worker builds its own Pipeline (extractor and validator) once, when it starts, and then turns one file at a time
into an outcome and, when the article conforms, its graph as N-Triples (terms converted as the store converts them).
The parent writes each accepted graph in one transaction, as a one-process ingest does, so an article is in the
store whole or not at all whatever happens to a worker. Outcomes come back, are reported (on_outcome) and are
quarantined in input order. A worker that dies (killed, out of memory) fails the article it was working on, found by
retrying the articles that were in flight one at a time in a fresh pool; the batch goes on.

Workers start with "forkserver" (a clean process that imported the pipeline's modules once, forked for each worker):
forking this process itself would copy the open store and its threads. As with any non-fork start method, a script
that calls ingest_in_parallel needs the `if __name__ == "__main__":` guard (workers import the main module).
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.read import MetadataOverrides
from newskg.ingest.inputs import BatchInputs
from newskg.ingest.iris import IriMinter
from newskg.ingest.outcome import BatchResult, Outcome, Status
from newskg.ingest.pipeline import Pipeline, accepted_message, record_outcome, record_unread, write_unless_unchanged
from newskg.ingest.service_graphs import write_service_graphs
from newskg.ingest.settings import Settings
from newskg.ingest.shacl_report import ValidationReport, Violation
from newskg.store.interface import Store
from newskg.store.terms import TermConverter

_PRELOADED_MODULES = ["newskg.ingest.pipeline"]
IN_FLIGHT_PER_WORKER = 2   # enough to keep a worker busy while the parent writes, few enough to bound memory
WORKER_DIED = "the worker process died while ingesting this article (killed or out of memory); nothing written"
MAX_DEATHS_IN_A_ROW = 3     # more articles than this failing so in a row: the workers cannot run at all


@dataclass(frozen=True)
class WorkerResult:
    """What a worker sends back: picklable, and small (the validation report travels as Turtle)."""

    outcome: Outcome                            # without its report (rebuilt by the parent from the two below)
    ntriples: bytes | None = None               # the graph to write, for an accepted article outside a dry run
    violations: list[Violation] | None = None   # those of a rejected article
    report_turtle: str | None = None            # and its sh:ValidationReport


def ingest_in_parallel(settings: Settings, store: Store | None, inputs: BatchInputs,
                       overrides: MetadataOverrides | None = None, *, workers: int, dry_run: bool = False,
                       quarantine: Path | None = None, on_outcome: Callable[[Outcome], None] | None = None,
                       with_registry: bool = True) -> BatchResult:
    """Pipeline(settings, store).ingest_inputs(...), with the work of each article done in one of `workers`
    processes. This process loads no extractor or validator: it only writes (store is None for a dry run)."""
    batch = BatchResult()
    if not dry_run:
        assert store is not None
        write_service_graphs(store, IriMinter(settings.base_iri))
    record_unread(batch, inputs, on_outcome)
    for path, result in prepared_in_workers(settings, with_registry, inputs.articles, overrides, workers=workers,
                                            dry_run=dry_run):
        record_outcome(batch, path, _finish(store, result, dry_run), quarantine, on_outcome)
    return batch


def _finish(store: Store | None, result: WorkerResult, dry_run: bool) -> Outcome:
    """This process's part: rebuild the report of a rejected article, write an accepted one in one transaction."""
    outcome = result.outcome
    if result.violations is not None and result.report_turtle is not None:
        outcome.report = ValidationReport(False, result.violations,
                                          Graph().parse(data=result.report_turtle, format="turtle"))
    if outcome.status is not Status.ACCEPTED or dry_run:
        return outcome
    assert store is not None and outcome.graph_iri is not None and result.ntriples is not None
    started = time.perf_counter()
    try:
        triples = [quad.triple for quad in ox.parse(result.ntriples, ox.RdfFormat.N_TRIPLES)]
        outcome.unchanged = write_unless_unchanged(store, outcome.graph_iri, triples)
    except NewskgError as error:
        return Outcome(outcome.source, Status.FAILED, str(error))
    outcome.timings["write"] = time.perf_counter() - started
    outcome.message = accepted_message(outcome.triples, dry_run=False, unchanged=outcome.unchanged)
    return outcome


def prepared_in_workers(settings: Settings, with_registry: bool, files: list[Path],
                        overrides: MetadataOverrides | None, *, workers: int,
                        dry_run: bool) -> Iterator[tuple[Path, WorkerResult]]:
    """(file, result) for every file, in input order, from a pool of `workers` processes."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOADED_MODULES)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                   initargs=(settings, with_registry))

    pool = new_pool()
    in_flight: deque[tuple[Path, Future[WorkerResult]]] = deque()
    queue = deque(files)
    suspects = 0     # after a worker died: this many next files are retried one at a time, to find the culprit
    deaths_in_a_row = 0
    try:
        while queue or in_flight:
            window = 1 if suspects else workers * IN_FLIGHT_PER_WORKER
            try:
                while queue and len(in_flight) < window:
                    in_flight.append((queue[0], pool.submit(_prepare, str(queue[0]), overrides, dry_run)))
                    queue.popleft()
                result = in_flight[0][1].result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                if not suspects:       # retry what was in flight, one at a time
                    queue.extendleft(reversed([path for path, _ in in_flight]))
                    suspects = max(1, len(in_flight))
                    in_flight.clear()
                    continue
                deaths_in_a_row += 1
                if deaths_in_a_row > MAX_DEATHS_IN_A_ROW:
                    raise NewskgError(f"ingest workers keep dying ({deaths_in_a_row} articles in a row); "
                                      "try --workers 1 to see why") from None
                suspects -= 1
                if not in_flight:
                    continue
                path = in_flight.popleft()[0]
                yield path, WorkerResult(Outcome(str(path), Status.FAILED, WORKER_DIED))
                continue
            path = in_flight.popleft()[0]
            suspects, deaths_in_a_row = max(0, suspects - 1), 0
            yield path, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- in the worker processes ---------------------------------------------------------------------------------------
_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(settings: Settings, with_registry: bool) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(settings, None, with_registry=with_registry)


def _prepare(path: str, overrides: MetadataOverrides | None, dry_run: bool) -> WorkerResult:
    assert _WORKER_PIPELINE is not None, "the worker was not started with _start_worker"
    outcome, graph = _WORKER_PIPELINE.prepare_file(Path(path), overrides)
    if outcome.report is not None:
        report: ValidationReport = outcome.report
        outcome.report = None
        return WorkerResult(outcome, violations=report.violations, report_turtle=report.to_turtle())
    if graph is None or dry_run:
        return WorkerResult(outcome)
    try:
        converter = TermConverter()
        triples = [converter.triple(triple) for triple in graph]
    except NewskgError as error:
        return WorkerResult(Outcome(path, Status.FAILED, str(error)))
    return WorkerResult(outcome, ntriples=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
