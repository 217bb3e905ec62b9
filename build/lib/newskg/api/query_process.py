"""What runs inside a query worker process: open the newest snapshot, run one query, serialise its result.

The result is written in full (to memory, spilling to a file when large) before anything is sent back, so the
HTTP side answers either a complete result or an error, never a truncated 200. Result-size limits are counted
here, while serialising, and reported as errors.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import IO, Iterator, cast

import pyoxigraph as ox

from newskg.ingest.errors import NewskgError, QueryError, ResultTooLarge, StoreError
from newskg.ingest.sparql_errors import evaluation_error
from newskg.store.embedded import run_query

INLINE_LIMIT = 1 << 20  # results up to this size travel through the pipe; larger ones through a spool file


@dataclass(frozen=True)
class QueryJob:
    sparql: str
    results_media_type: str  # used for SELECT and ASK
    graph_media_type: str  # used for CONSTRUCT and DESCRIBE
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None
    max_results: int = 1_000_000


@dataclass(frozen=True)
class QueryAnswer:
    media_type: str
    content: bytes | None = None  # small results inline
    path: str | None = None  # large results in a spool file the caller streams and deletes
    count: int = 0


@dataclass(frozen=True)
class QueryFailure:
    kind: str  # the name of an ingest.errors class
    message: str


@dataclass
class _SnapshotCache:
    path: str | None = None
    store: ox.Store | None = None

    def open(self, path: str) -> ox.Store:
        if self.path != path or self.store is None:
            self.store = None  # drop the old snapshot before opening the new one
            self.store = ox.Store.read_only(path)
            self.path = path
        return self.store


class SpillWriter:
    """A binary sink that keeps small outputs in memory and moves to a file once they grow large."""

    def __init__(self, spool_dir: str) -> None:
        self._buffer: io.BytesIO | None = io.BytesIO()
        self._file: io.BufferedWriter | None = None
        self._spool_dir = spool_dir
        self.path: str | None = None
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self._buffer is not None and self.size > INLINE_LIMIT:
            descriptor, self.path = tempfile.mkstemp(prefix="result-", dir=self._spool_dir)
            self._file = os.fdopen(descriptor, "wb")
            self._file.write(self._buffer.getvalue())
            self._buffer = None
        (self._file or self._buffer).write(data)  # type: ignore[union-attr]
        return len(data)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def finish(self, media_type: str, count: int) -> QueryAnswer:
        if self._file is not None:
            self._file.close()
            return QueryAnswer(media_type, path=self.path, count=count)
        assert self._buffer is not None
        return QueryAnswer(media_type, content=self._buffer.getvalue(), count=count)

    def discard(self) -> None:
        if self._file is not None:
            self._file.close()
        if self.path:
            os.unlink(self.path)


class _RowCounter:
    """Counts TSV lines while writing them (TSV escapes newlines inside terms, so one line is one row)."""

    def __init__(self, sink: object, limit: int) -> None:
        self._sink = sink
        self.limit = limit
        self.lines = 0

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        if self.lines - 1 > self.limit:
            raise ResultTooLarge(f"the query returned more than {self.limit} rows (the limit is max_results)")
        return self._sink.write(data)  # type: ignore[attr-defined]

    def flush(self) -> None:
        pass


def execute(store: ox.Store, job: QueryJob, spool_dir: str) -> QueryAnswer:
    result = run_query(store, job.sparql, default_graphs=job.default_graphs, named_graphs=job.named_graphs,
                       base_iri=job.base_iri)
    return write_answer(result, job, spool_dir)


def write_answer(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, job: QueryJob,
                 spool_dir: str) -> QueryAnswer:
    """The result serialised in the job's media type, counted against its limit (here or by api.remote_queries)."""
    out = SpillWriter(spool_dir)
    try:
        if isinstance(result, ox.QueryBoolean):
            result.serialize(_sink(out), _results_format(job.results_media_type))
            return out.finish(job.results_media_type, 1)
        if isinstance(result, ox.QueryTriples):
            counted = _TripleCounter(result, job.max_results)
            ox.serialize(counted, _sink(out), _rdf_format(job.graph_media_type))
            return out.finish(job.graph_media_type, counted.count)  # type: ignore[attr-defined]
        count = _write_solutions(result, job, out, spool_dir)
        return out.finish(job.results_media_type, count)
    except BaseException:
        out.discard()
        raise


def _write_solutions(result: ox.QuerySolutions, job: QueryJob, out: SpillWriter, spool_dir: str) -> int:
    target = _results_format(job.results_media_type)
    if not result.variables:
        return _write_empty_solutions(result, target, out, job.max_results)
    if target == ox.QueryResultsFormat.TSV:
        counter = _RowCounter(out, job.max_results)
        result.serialize(_sink(counter), target)
        return counter.lines - 1
    # rows are counted on a TSV rendering (one line per row), then re-read and written in the wanted format
    tsv = SpillWriter(spool_dir)
    try:
        counter = _RowCounter(tsv, job.max_results)
        result.serialize(_sink(counter), ox.QueryResultsFormat.TSV)
        answer = tsv.finish("text/tab-separated-values", counter.lines - 1)
        if answer.content is not None:
            _convert(answer.content, target, out)
        else:
            with open(answer.path or "", "rb") as spilled:
                _convert(spilled, target, out)
        return answer.count
    finally:
        tsv.discard()


def _convert(tsv: bytes | IO[bytes], target: ox.QueryResultsFormat, out: SpillWriter) -> None:
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    parsed.serialize(_sink(out), target)  # type: ignore[union-attr]


def _write_empty_solutions(result: ox.QuerySolutions, target: ox.QueryResultsFormat, out: SpillWriter,
                           limit: int) -> int:
    """SELECT with no variables: TSV cannot carry its rows, so count them and write the few bytes here."""
    rows = 0
    for _ in result:
        rows += 1
        if rows > limit:
            raise ResultTooLarge(f"the query returned more than {limit} rows (the limit is max_results)")
    if target == ox.QueryResultsFormat.JSON:
        out.write(b'{"head":{"vars":[]},"results":{"bindings":[' + b",".join([b"{}"] * rows) + b"]}}")
    elif target == ox.QueryResultsFormat.XML:
        out.write(b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><results>'
                  + b"<result/>" * rows + b"</results></sparql>")
    elif target == ox.QueryResultsFormat.CSV:
        out.write(b"\r\n" * (rows + 1))
    else:
        out.write(b"\n" * (rows + 1))
    return rows


class _TripleCounter:
    def __init__(self, triples: ox.QueryTriples, limit: int) -> None:
        self._triples = triples
        self._limit = limit
        self.count = 0

    def __iter__(self) -> Iterator[ox.Triple]:
        for triple in self._triples:
            self.count += 1
            if self.count > self._limit:
                raise ResultTooLarge(f"the query returned more than {self._limit} triples (the limit is max_results)")
            yield triple


def _sink(writer: object) -> IO[bytes]:
    """pyoxigraph writes to any object with write() and flush()."""
    return cast(IO[bytes], writer)


def _results_format(media_type: str) -> ox.QueryResultsFormat:
    found = ox.QueryResultsFormat.from_media_type(media_type)
    if found is None:
        raise QueryError(f"unsupported results media type {media_type}")
    return found


def _rdf_format(media_type: str) -> ox.RdfFormat:
    found = ox.RdfFormat.from_media_type(media_type)
    if found is None:
        raise QueryError(f"unsupported RDF media type {media_type}")
    return found


def serve(connection: Connection, spool_dir: str) -> None:
    """Worker main loop: (snapshot path, job) in, QueryAnswer or QueryFailure out, until None arrives."""
    cache = _SnapshotCache()
    while True:
        try:
            message = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if message is None:
            return
        snapshot, job = message
        try:
            reply: QueryAnswer | QueryFailure = execute(cache.open(snapshot), job, spool_dir)
        except NewskgError as error:
            reply = QueryFailure(type(error).__name__, str(error))
        except (SyntaxError, ValueError) as error:
            reply = QueryFailure(QueryError.__name__, str(error))
        except RuntimeError as error:  # pyoxigraph's evaluation errors (an unknown function ...), met while iterating
            reply = QueryFailure(QueryError.__name__, str(evaluation_error(error)))
        except OSError as error:
            reply = QueryFailure(StoreError.__name__, f"the query failed while reading the store: {error}")
        connection.send(reply)
