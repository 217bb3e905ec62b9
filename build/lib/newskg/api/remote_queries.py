"""SPARQL queries over a remote store: sent to the engine with the endpoint's time limit, the whole answer read,
counted and serialised in the media type the client asked for (as the query workers do over the embedded store).

A query past its time limit is stopped on our side (the connection is closed, which Oxigraph's server and Virtuoso
take as a cancellation) and, where the engine takes one, with the engine's own time limit too (Virtuoso's
`timeout`). Other requests go on meanwhile: each query waits in a thread of its own, on a connection of its own.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Protocol

from starlette.concurrency import run_in_threadpool

from newskg.api.query_process import QueryAnswer, QueryJob, write_answer
from newskg.ingest.errors import NewskgError
from newskg.store.embedded import OxigraphStore
from newskg.store.interface import Store
from newskg.store.remote import RemoteStore


class QueryRunner(Protocol):
    def run(self, job: QueryJob, timeout: float) -> QueryAnswer: ...
    async def run_async(self, job: QueryJob, timeout: float) -> QueryAnswer: ...
    def close(self) -> None: ...


class RemoteQueries:
    def __init__(self, store: RemoteStore) -> None:
        self.store = store
        self.spool_dir = tempfile.mkdtemp(prefix="newskg-results-")

    def run(self, job: QueryJob, timeout: float) -> QueryAnswer:
        result = self.store.query(job.sparql, default_graphs=job.default_graphs, named_graphs=job.named_graphs,
                                  base_iri=job.base_iri, timeout=timeout)
        try:
            return write_answer(result, job, self.spool_dir)
        except NewskgError as error:
            # pyoxigraph's results must be dropped on the thread that made them; the error's traceback holds them,
            # so what leaves this thread is a fresh error with the same message
            failure = type(error)(str(error))
        finally:
            del result
        raise failure

    async def run_async(self, job: QueryJob, timeout: float) -> QueryAnswer:
        return await run_in_threadpool(self.run, job, timeout)

    def close(self) -> None:
        shutil.rmtree(self.spool_dir, ignore_errors=True)


def query_runner(store: Store, workers: int) -> QueryRunner:
    """Worker processes over snapshots for the embedded store; the engine itself for a remote one."""
    if isinstance(store, OxigraphStore):
        from newskg.api.query_workers import QueryPool

        return QueryPool(store, workers)
    assert isinstance(store, RemoteStore), f"no query runner for {type(store).__name__}"
    return RemoteQueries(store)
