"""Stream store.dump() to an HTTP client without holding the dump in memory.

store.dump() writes to a file object. A writer thread runs it into a bounded queue of chunks; the response
iterates the queue. A full queue blocks the writer (back-pressure), so memory stays at a few chunks whatever the
store size; a client that goes away stops the writer at its next write.
"""

from __future__ import annotations

import gzip
import queue
import threading
from typing import Callable, Iterator

CHUNK_BYTES = 256 * 1024
QUEUE_CHUNKS = 8
_DONE = object()


class ClientGone(Exception):
    """The response was closed before the dump finished; stops the writer."""


class _QueueWriter:
    """A write-only binary file object that hands chunks of CHUNK_BYTES to a bounded queue."""

    def __init__(self, chunks: "queue.Queue[object]", stopped: threading.Event) -> None:
        self.chunks = chunks
        self.stopped = stopped
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK_BYTES:
            self._put(bytes(self.buffer))
            self.buffer.clear()
        return len(data)

    def flush(self) -> None:
        """Chunking is this writer's business; a flush from the serialiser does not force a short chunk."""

    def finish(self) -> None:
        if self.buffer:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, item: object) -> None:
        while True:
            if self.stopped.is_set():
                raise ClientGone()
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    # file-object protocol bits some serialisers look at
    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self.finish()


def stream_dump(write: Callable[[object], None], *, gzipped: bool = False) -> Iterator[bytes]:
    """Iterate the bytes that write(file_object) produces, produced in a background thread."""
    chunks: "queue.Queue[object]" = queue.Queue(maxsize=QUEUE_CHUNKS)
    stopped = threading.Event()
    writer = _QueueWriter(chunks, stopped)

    def produce() -> None:
        try:
            if gzipped:
                with gzip.GzipFile(fileobj=writer, mode="wb", compresslevel=5, mtime=0) as compressed:  # type: ignore[arg-type]
                    write(compressed)
            else:
                write(writer)
            writer.finish()
            _put_final(_DONE)
        except ClientGone:
            pass
        except BaseException as error:  # handed to the response side, which re-raises it
            _put_final(error)

    def _put_final(item: object) -> None:
        while not stopped.is_set():
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    thread = threading.Thread(target=produce, name="newskg-dump", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stopped.set()
