"""One setting names a store: a directory, or ENGINE+http(s)://host:port[/path] with the engine's endpoints."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskg.ingest.errors import StoreError
from newskg.ingest.settings import Settings, settings_from_env
from newskg.store.locator import RemoteEndpoints, is_remote, parse_remote


def test_a_directory_is_the_embedded_store_and_a_url_a_remote_one() -> None:
    assert settings_from_env({"NEWSKG_STORE": "some/dir"}).store_locator == Path("some/dir")
    remote = settings_from_env({"NEWSKG_STORE": "virtuoso+http://db:8890"})
    assert remote.store_locator == "virtuoso+http://db:8890" and is_remote(str(remote.store_locator))
    assert Settings().with_store("oxigraph+http://h:7878").store_url == "oxigraph+http://h:7878"
    assert Settings(store_url="oxigraph+http://h:7878").with_store("elsewhere").store_locator == Path("elsewhere")


@pytest.mark.parametrize(("locator", "query", "update", "graph_store"), [
    ("oxigraph+http://h:7878", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("virtuoso+https://db.example.org:8890/", "https://db.example.org:8890/sparql",
     "https://db.example.org:8890/sparql-auth", "https://db.example.org:8890/sparql-graph-crud-auth"),
    ("fuseki+http://h:3030/newskg", "http://h:3030/newskg/query", "http://h:3030/newskg/update",
     "http://h:3030/newskg/data"),
    ("qlever+http://h:7001", "http://h:7001", "http://h:7001", None),
])
def test_presets_name_each_engines_endpoints(locator: str, query: str, update: str, graph_store: str | None) -> None:
    location = parse_remote(locator)
    assert (location.query_url, location.update_url, location.graph_store_url) == (query, update, graph_store)


def test_the_sparql_engine_takes_its_endpoints_from_settings() -> None:
    location = parse_remote("sparql+https://example.org/ds",
                            RemoteEndpoints(query="https://example.org/ds/q", update="https://example.org/ds/u"))
    assert (location.query_url, location.update_url) == ("https://example.org/ds/q", "https://example.org/ds/u")
    assert parse_remote("sparql+https://example.org/ds").query_url == "https://example.org/ds"


@pytest.mark.parametrize(("locator", "message"), [
    ("mystery+http://h:1", "unknown store engine"),
    ("oxigraph+http://user:secret@h:1", "not in its URL"),
])
def test_bad_locators_are_refused_with_a_reason(locator: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as raised:
        parse_remote(locator)
    assert "secret" not in str(raised.value)


def test_secrets_never_show_in_settings() -> None:
    shown = repr(settings_from_env({"NEWSKG_STORE": "virtuoso+http://db:8890", "NEWSKG_STORE_PASSWORD": "pw-123",
                                    "NEWSKG_STORE_TOKEN": "tok-456", "NEWSKG_QUEUE": "redis://:pw-789@q:6379/0"}))
    assert "pw-123" not in shown and "tok-456" not in shown and "pw-789" not in shown
