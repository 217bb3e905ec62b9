"""One setting names a store: a directory for the embedded store, or ENGINE+http(s)://host:port[/path] for a
SPARQL 1.1 service (in the manner of SQLAlchemy URLs), e.g. `oxigraph+http://127.0.0.1:7878`,
`virtuoso+http://db.example.org:8890`, `sparql+https://example.org/ds` (its endpoints then come from settings)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from newskg.ingest.errors import StoreError
from newskg.store.engines import PRESETS, EnginePreset

_REMOTE = re.compile(r"^(?P<engine>[A-Za-z][A-Za-z0-9_-]*)\+(?P<url>https?://.+)$")
AUTH_SCHEMES = ("bearer", "basic", "digest")


def is_remote(locator: str | Path) -> bool:
    return isinstance(locator, str) and _REMOTE.match(locator) is not None


@dataclass(frozen=True)
class Credentials:
    """How to authenticate to the store; never printed (repr hides the secrets)."""

    scheme: str | None = None           # bearer, basic or digest; None: the engine's default when a secret is set
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    @property
    def given(self) -> bool:
        return bool(self.token or self.password)


@dataclass(frozen=True)
class RemoteEndpoints:
    """Explicit endpoints, for the `sparql` engine (or to override a preset's)."""

    query: str | None = None
    update: str | None = None
    graph_store: str | None = None


@dataclass(frozen=True)
class RemoteLocation:
    preset: EnginePreset
    base_url: str               # without user information, for messages
    query_url: str
    update_url: str
    graph_store_url: str | None
    dataset_url: str | None


def parse_remote(locator: str, endpoints: RemoteEndpoints | None = None) -> RemoteLocation:
    match = _REMOTE.match(locator)
    if match is None:
        raise StoreError(f"not a remote store URL: {locator!r}; write ENGINE+http(s)://host:port[/path]")
    engine = match["engine"].lower()
    preset = PRESETS.get(engine)
    if preset is None:
        raise StoreError(f"unknown store engine {engine!r}; use one of {', '.join(PRESETS)}")
    parts = urlsplit(match["url"])
    if parts.username or parts.password:
        raise StoreError("put the store's credentials in NEWSKG_STORE_USER / NEWSKG_STORE_PASSWORD / "
                         "NEWSKG_STORE_TOKEN, not in its URL")
    if not parts.hostname:
        raise StoreError(f"the store URL names no host: {match['url']!r}")
    base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
    given = endpoints or RemoteEndpoints()
    if engine == "sparql" and not given.query:
        given = RemoteEndpoints(query=base, update=given.update or base, graph_store=given.graph_store)
    return RemoteLocation(
        preset, base,
        query_url=given.query or base + preset.query_path,
        update_url=given.update or base + preset.update_path,
        graph_store_url=given.graph_store or (base + preset.graph_store_path
                                              if preset.graph_store_path is not None else None),
        dataset_url=base + preset.dataset_path if preset.dataset_path is not None else None)
