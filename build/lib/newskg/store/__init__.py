"""newskg's store: one narrow interface (store.interface.Store), two kinds behind it.

    connect("data/store")                          embedded pyoxigraph on disk (the default; one process)
    connect("oxigraph+http://127.0.0.1:7878")      a SPARQL 1.1 service, shared by processes and machines
    connect("virtuoso+http://db:8890", credentials=Credentials("digest", "dba", password=...))
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newskg.store.locator import Credentials, RemoteEndpoints, is_remote

if TYPE_CHECKING:
    from newskg.store.interface import Store


def __getattr__(name: str) -> Any:
    """`store.Store` without loading pyoxigraph and rdflib when the package is imported (`newskg --help` loads no
    library)."""
    if name == "Store":
        from newskg.store.interface import Store

        return Store
    raise AttributeError(name)


def connect(locator: str | Path | None, *, endpoints: RemoteEndpoints | None = None,
            credentials: Credentials | None = None, timeout: float = 30.0, query_timeout: float = 30.0,
            version_poll: float = 1.0) -> "Store":
    """The store a locator names: a directory (created if missing; None: in memory) or ENGINE+http(s)://..."""
    if locator is not None and is_remote(str(locator)):
        from newskg.store.remote import open_remote

        return open_remote(str(locator), endpoints=endpoints, credentials=credentials, timeout=timeout,
                           query_timeout=query_timeout, version_poll=version_poll)
    from newskg.store.embedded import open_store

    return open_store(Path(locator) if locator is not None else None)


__all__ = ["Credentials", "RemoteEndpoints", "Store", "connect", "is_remote"]
