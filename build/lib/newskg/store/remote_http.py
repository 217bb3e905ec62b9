"""HTTP to a SPARQL 1.1 service: authentication, time limits, and the engine's failures as newskg errors.

One httpx client per process (a worker that forks gets a fresh one: a connection pool must not be shared across a
fork). Credentials go into the client's auth and never into a message or a log line; messages name the store by
its URL without user information.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import time
from contextlib import contextmanager
from typing import IO, Iterator, Mapping

import httpx

from newskg.ingest.errors import QueryError, QueryTimeout, StoreError
from newskg.store.locator import Credentials

# Virtuoso answers 500 to a well-formed request it refuses (no such graph, bad value): its SQL state tells a
# client's mistake (22xxx data, 37xxx syntax, 42xxx access rule) from its own failure
_CLIENT_SQLSTATE = re.compile(r"^Virtuoso (22|37|42)\w{3} Error")
SPOOL_IN_MEMORY = 8 << 20
CHUNK = 1 << 16
MESSAGE_CHARS = 400


def http_auth(credentials: Credentials, default_scheme: str | None) -> httpx.Auth | None:
    if not credentials.given:
        return None
    scheme = (credentials.scheme or default_scheme or ("bearer" if credentials.token else "basic")).lower()
    if scheme == "bearer":
        if not credentials.token:
            raise StoreError("bearer authentication to the store needs NEWSKG_STORE_TOKEN")
        return _Bearer(credentials.token)
    if not credentials.password:
        raise StoreError(f"{scheme} authentication to the store needs NEWSKG_STORE_USER and NEWSKG_STORE_PASSWORD")
    if scheme == "basic":
        return httpx.BasicAuth(credentials.user or "", credentials.password)
    if scheme == "digest":
        return httpx.DigestAuth(credentials.user or "", credentials.password)
    raise StoreError(f"unknown store authentication {scheme!r}; use bearer, basic or digest")


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "_Bearer(***)"


class EngineClient:
    def __init__(self, name: str, auth: httpx.Auth | None, timeout: float) -> None:
        self.name = name            # "oxigraph at http://127.0.0.1:7878", for messages
        self.timeout = timeout
        self._auth = auth
        self._client: httpx.Client | None = None
        self._pid = 0

    @property
    def client(self) -> httpx.Client:
        if self._client is None or self._pid != os.getpid():
            self._client = httpx.Client(auth=self._auth, timeout=httpx.Timeout(self.timeout),
                                        limits=httpx.Limits(max_connections=32, max_keepalive_connections=8))
            self._pid = os.getpid()
        return self._client

    def send(self, method: str, url: str, *, timeout: float | None = None, what: str,
             **options: object) -> httpx.Response:
        """One request, its whole answer read; an error status becomes QueryError (4xx) or StoreError."""
        with self.stream(method, url, timeout=timeout, what=what, **options) as response:
            response.read()
        return response

    @contextmanager
    def stream(self, method: str, url: str, *, timeout: float | None = None, what: str,
               **options: object) -> Iterator[httpx.Response]:
        """A request whose answer is read by the caller (dumps); the status is checked before the body."""
        seconds = timeout if timeout is not None else self.timeout
        try:
            with self.client.stream(method, url, timeout=httpx.Timeout(seconds), **options) as response:  # type: ignore[arg-type]
                if response.status_code >= 400:
                    response.read()
                    raise self._status_error(response, what)
                yield response
        except httpx.TimeoutException:
            raise QueryTimeout(f"{what} on the store ({self.name}) was stopped after {seconds:g} s "
                               "(the time limit)") from None
        except httpx.HTTPError as error:
            raise StoreError(f"the store ({self.name}) cannot be reached for {what}: "
                             f"{type(error).__name__}: {error}") from None

    def spooled(self, method: str, url: str, *, timeout: float, what: str,
                **options: object) -> tuple[httpx.Response, IO[bytes]]:
        """The whole answer in a spool file (memory, then disk), read within `timeout` seconds in all: a slow
        engine that trickles bytes is stopped at the deadline too, not only one that sends nothing."""
        deadline = time.monotonic() + timeout
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
        try:
            with self.stream(method, url, timeout=timeout, what=what, **options) as response:
                for chunk in response.iter_raw(CHUNK) if _identity(response) else response.iter_bytes(CHUNK):
                    spool.write(chunk)
                    if time.monotonic() > deadline:
                        raise QueryTimeout(f"{what} on the store ({self.name}) was stopped after {timeout:g} s "
                                           "(the time limit)")
        except BaseException:
            spool.close()
            raise
        spool.seek(0)
        return response, spool  # type: ignore[return-value]

    def _status_error(self, response: httpx.Response, what: str) -> StoreError | QueryError:
        message = _engine_message(response)
        status = response.status_code
        if status in (401, 403):
            return StoreError(f"the store ({self.name}) refused {what}: HTTP {status} (check NEWSKG_STORE_AUTH, "
                              "NEWSKG_STORE_USER, NEWSKG_STORE_PASSWORD or NEWSKG_STORE_TOKEN)")
        if status in (400, 404, 406, 415, 422) or _CLIENT_SQLSTATE.search(message):
            return QueryError(f"the store ({self.name}) rejected {what}: {message}")
        if status in (408, 504):
            return QueryTimeout(f"the store ({self.name}) stopped {what} at its own time limit: {message}")
        return StoreError(f"the store ({self.name}) failed {what}: HTTP {status}: {message}")

    def close(self) -> None:
        if self._client is not None and self._pid == os.getpid():
            self._client.close()
        self._client = None


def _identity(response: httpx.Response) -> bool:
    return response.headers.get("content-encoding", "identity") in ("identity", "")


def _engine_message(response: httpx.Response) -> str:
    text = response.text.strip().replace("\r", " ").replace("\n", " ")
    return (text[:MESSAGE_CHARS] + "…") if len(text) > MESSAGE_CHARS else (text or response.reason_phrase)


class ResponseReader(io.RawIOBase):
    """A streamed httpx response as a binary file object, for parsers that read (pyoxigraph's)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def form(fields: Mapping[str, object]) -> dict[str, str | list[str]]:
    """Form fields for httpx; a list value gives the field several times (default-graph-uri=...&...=...)."""
    data: dict[str, str | list[str]] = {}
    for key, value in fields.items():
        if isinstance(value, (list, tuple)):
            if value:
                data[key] = [str(v) for v in value]
        elif value is not None:
            data[key] = str(value)
    return data
