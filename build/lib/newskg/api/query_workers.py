"""SPARQL queries in worker processes, so that a runaway query can really be stopped (killed and replaced).

The server process holds the primary store and is its only writer. Workers read a RocksDB checkpoint of it
(`OxigraphStore.snapshot`, hard links, a few milliseconds); a new checkpoint is taken when the store's write
generation has moved since the last one, and a checkpoint is deleted once no running query uses it.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path

from starlette.concurrency import run_in_threadpool

from newskg.ingest import errors as ingest_errors
from newskg.api.idle_pool import IdlePool
from newskg.api.query_process import QueryAnswer, QueryFailure, QueryJob, serve
from newskg.ingest.errors import QueryTimeout, StoreError
from newskg.store.embedded import OxigraphStore

log = logging.getLogger("newskg.queries")
SNAPSHOT_WAIT_SECONDS = 1.0
_context = multiprocessing.get_context("forkserver")
# workers fork from a clean server process that has already imported the query code: fast (re)starts, and no
# inherited locks from this process's threads or its open RocksDB
_context.set_forkserver_preload(["newskg.api.query_process"])


@dataclass
class Snapshot:
    path: Path
    generation: int
    users: int = 0


class SnapshotKeeper:
    """Keeps one read-only checkpoint per store generation for as long as queries use it."""

    def __init__(self, store: OxigraphStore) -> None:
        self._store = store
        if store.path is not None:  # hard links need the same file system as the store
            store.path.parent.mkdir(parents=True, exist_ok=True)
            for stale in store.path.parent.glob(f".{store.path.name}-snapshots-*"):
                shutil.rmtree(stale, ignore_errors=True)  # left by a killed server; we hold the store's lock
            self.root = Path(tempfile.mkdtemp(prefix=f".{store.path.name}-snapshots-", dir=store.path.parent))
        else:
            self.root = Path(tempfile.mkdtemp(prefix="newskg-snapshots-"))
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._retired: list[Snapshot] = []
        self._serial = itertools.count()

    def acquire(self) -> Snapshot:
        with self._lock:
            generation = self._store.generation
            if self._current is None or self._current.generation != generation:
                path = self.root / f"generation-{generation}-{next(self._serial)}"
                # a long write (a bulk load) must not hold queries up: after a moment, answer from the previous
                # consistent snapshot; short writes finish within it, so clients read their own writes
                wait = None if self._current is None else SNAPSHOT_WAIT_SECONDS
                if self._store.snapshot(path, timeout=wait) is not None:
                    if self._current is not None:
                        self._retired.append(self._current)
                    self._current = Snapshot(path, generation)
            assert self._current is not None
            self._current.users += 1
            self._collect()
            return self._current

    def acquire_current(self) -> Snapshot | None:
        """The current snapshot without waiting, or None when a new one must be taken (use acquire())."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            current = self._current
            if current is None or current.generation != self._store.generation:
                return None
            current.users += 1
            return current
        finally:
            self._lock.release()

    def release(self, snapshot: Snapshot) -> None:
        with self._lock:
            snapshot.users -= 1
            self._collect()

    def _collect(self) -> None:
        for snapshot in [s for s in self._retired if s.users == 0]:
            shutil.rmtree(snapshot.path, ignore_errors=True)
            self._retired.remove(snapshot)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class _Worker:
    def __init__(self, spool_dir: str) -> None:
        self.connection, child_end = _context.Pipe()
        self.process: BaseProcess = _context.Process(target=serve, args=(child_end, spool_dir), daemon=True,
                                                     name="newskg-query-worker")
        self.process.start()
        child_end.close()

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.connection.close()


class QueryPool:
    """Runs QueryJobs on N worker processes with a hard time limit per query.

    `run_async` waits for the worker's answer on the event loop (no thread hop on the cheap path); `run` is the
    blocking twin for threads, the CLI and benchmarks.
    """

    def __init__(self, store: OxigraphStore, workers: int) -> None:
        self.snapshots = SnapshotKeeper(store)
        self.spool_dir = tempfile.mkdtemp(prefix="newskg-results-")
        self._idle: IdlePool[_Worker] = IdlePool()
        self._size = max(1, workers)
        self._closed = False
        self._workers: set[_Worker] = set()
        for _ in range(self._size):
            self._idle.put(self._start_worker())

    def _start_worker(self) -> _Worker:
        worker = _Worker(self.spool_dir)
        self._workers.add(worker)
        return worker

    def _busy(self, timeout: float) -> QueryTimeout:
        return QueryTimeout(f"all {self._size} query workers stayed busy for {timeout:g} s; try again later")

    def run(self, job: QueryJob, timeout: float) -> QueryAnswer:
        """The serialised result, or QueryTimeout / QueryError / ResultTooLarge / StoreError."""
        deadline = time.monotonic() + timeout
        worker = self._idle.take(timeout)
        if worker is None:
            raise self._busy(timeout)
        snapshot = self.snapshots.acquire()
        try:
            _send(worker, (str(snapshot.path), job))
            if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                raise _timeout(timeout)
            reply = self._receive(worker)
        except BaseException:
            self._replace(worker)
            raise
        finally:
            self.snapshots.release(snapshot)
        return self._settle(worker, reply)

    async def run_async(self, job: QueryJob, timeout: float) -> QueryAnswer:
        """Same as run(), awaiting the worker's pipe on the event loop."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        worker = await self._idle.take_async(timeout)
        if worker is None:
            raise self._busy(timeout)
        snapshot = self.snapshots.acquire_current()
        if snapshot is None:
            snapshot = await run_in_threadpool(self.snapshots.acquire)
        try:
            _send(worker, (str(snapshot.path), job))
            readable = loop.create_future()
            descriptor = worker.connection.fileno()
            loop.add_reader(descriptor, _mark_ready, readable)
            try:
                await asyncio.wait_for(readable, max(0.0, deadline - loop.time()))
            except asyncio.TimeoutError:
                raise _timeout(timeout) from None
            finally:
                loop.remove_reader(descriptor)
                # uvloop (libuv) leaves a watched descriptor non-blocking: a reply larger than the pipe's buffer
                # would then fail half-read with EAGAIN, and the next job's send likewise
                os.set_blocking(descriptor, True)
            reply = self._receive(worker)
        except BaseException:  # timed out, cancelled (client gone) or broken: the worker's state is unknown
            self._replace(worker)  # a kill and a fork: milliseconds, and no await while cancelled
            raise
        finally:
            self.snapshots.release(snapshot)
        return self._settle(worker, reply)

    @staticmethod
    def _receive(worker: _Worker) -> QueryAnswer | QueryFailure:
        try:
            return worker.connection.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError) as error:
            raise StoreError(f"the query worker stopped unexpectedly (exit code {worker.process.exitcode})") from error

    def _settle(self, worker: _Worker, reply: QueryAnswer | QueryFailure) -> QueryAnswer:
        self._idle.put(worker)
        if isinstance(reply, QueryFailure):
            error_type = getattr(ingest_errors, reply.kind, StoreError)
            raise error_type(reply.message)
        return reply

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self._workers.discard(worker)
        if not self._closed:
            self._idle.put(self._start_worker())
        log.info("query worker %s stopped and replaced", worker.process.pid)

    def close(self) -> None:
        self._closed = True
        idle = set(self._idle.drain())
        for worker in list(self._workers):
            worker.stop(kill=worker not in idle)  # a busy worker is running a query nobody will wait for
        self._workers.clear()
        self.snapshots.close()
        shutil.rmtree(self.spool_dir, ignore_errors=True)


def _mark_ready(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def _send(worker: _Worker, message: object) -> None:
    try:
        worker.connection.send(message)
    except OSError as error:  # e.g. the worker could not start (a main module without a __main__ guard)
        raise StoreError(f"the query worker is not running (exit code {worker.process.exitcode})") from error


def _timeout(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the query was stopped after {timeout:g} s (the time limit of this endpoint)")
