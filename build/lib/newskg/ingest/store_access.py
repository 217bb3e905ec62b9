"""The store the settings name, opened: the one place that turns settings into a store.interface.Store."""

from __future__ import annotations

from newskg.ingest.settings import Settings
from newskg.store import Credentials, RemoteEndpoints, connect
from newskg.store.interface import Store


def open_configured_store(settings: Settings, *, existing: bool = False) -> Store:
    """existing: only a store that is there already (read commands never create an embedded one: a typo in a path
    must not answer with an empty store). A remote store is there or cannot be reached."""
    if existing and settings.store_url is None:
        from newskg.store.embedded import open_existing_store

        return open_existing_store(settings.store_dir)
    return connect(settings.store_locator,
                   endpoints=RemoteEndpoints(settings.store_query_url, settings.store_update_url,
                                             settings.store_graph_store_url),
                   credentials=Credentials(settings.store_auth, settings.store_user, settings.store_password,
                                           settings.store_token),
                   timeout=settings.store_timeout, query_timeout=settings.query_timeout,
                   version_poll=settings.store_version_poll)
