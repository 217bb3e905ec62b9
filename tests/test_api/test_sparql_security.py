"""Writes need the bearer token (401 without, 403 wrong), and with no token configured they are refused unless opened
explicitly for local use; reads stay open; SERVICE and LOAD are refused by default (SILENT ones do nothing)."""

from __future__ import annotations

import logging
from typing import Any, Callable

import httpx
import pytest

from newskg.ingest.cli import build_parser
from newskg.ingest.settings import Settings, settings_from_env

TOKEN = "s3cret-token"
UPDATE = {"Content-Type": "application/sparql-update"}
INSERT = b"INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 } }"
ASK = {"query": "ASK { GRAPH <http://example.org/g> { ?s ?p ?o } }"}


@pytest.fixture
def server(live_server: Callable[..., Any]) -> Any:
    return live_server(write_token=TOKEN)


def test_updates_need_the_token(server: Any) -> None:
    with httpx.Client(base_url=server.url) as http:
        missing = http.post("sparql", content=INSERT, headers=UPDATE)
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        wrong = http.post("sparql", content=INSERT, headers={**UPDATE, "Authorization": "Bearer guess"})
        assert wrong.status_code == 403
        assert http.get("sparql", params=ASK).json()["boolean"] is False  # nothing was written
        right = http.post("sparql", data={"update": INSERT.decode()}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 204
        assert http.get("sparql", params=ASK).json()["boolean"] is True  # reads need no token


def test_graph_store_writes_need_the_token(server: Any) -> None:
    body, turtle = b"<http://example.org/s> <http://example.org/p> 2 .", {"Content-Type": "text/turtle"}
    graph = {"graph": "http://example.org/g"}
    with httpx.Client(base_url=server.url) as http:
        assert http.put("rdf-graph-store", params=graph, content=body, headers=turtle).status_code == 401
        assert http.post("rdf-graph-store", params=graph, content=body,
                         headers={**turtle, "Authorization": "Bearer nope"}).status_code == 403
        assert http.put("rdf-graph-store", params=graph, content=body,
                        headers={**turtle, "Authorization": f"Bearer {TOKEN}"}).status_code == 201
        assert http.delete("rdf-graph-store", params=graph).status_code == 401
        assert http.get("rdf-graph-store", params=graph).status_code == 200


def test_with_no_token_writes_are_refused_unless_opened_explicitly(live_server: Callable[..., Any]) -> None:
    body, turtle = b"<http://example.org/s> <http://example.org/p> 2 .", {"Content-Type": "text/turtle"}
    graph = {"graph": "http://example.org/g"}
    closed, opened = live_server(), live_server(allow_open_writes=True)
    with httpx.Client(base_url=closed.url) as http:
        writes = [http.post("sparql", content=INSERT, headers=UPDATE),
                  http.put("rdf-graph-store", params=graph, content=body, headers=turtle),
                  http.post("rdf-graph-store", params=graph, content=body, headers=turtle),
                  http.delete("rdf-graph-store", params=graph),
                  http.post("articles", content=b"A short article.", headers={"Content-Type": "text/plain"})]
        for refused in writes:
            assert refused.status_code == 403, refused.text
            assert "no write token" in refused.text and "--allow-open-writes" in refused.text
        assert http.get("sparql", params=ASK).json()["boolean"] is False  # nothing was written; reads are open
    with httpx.Client(base_url=opened.url) as http:
        assert http.post("sparql", content=INSERT, headers=UPDATE).status_code == 204
        assert http.put("rdf-graph-store", params=graph, content=body, headers=turtle).status_code == 204
        assert http.get("sparql", params=ASK).json()["boolean"] is True


def test_open_writes_come_from_the_command_line_or_the_environment_and_are_announced(
        live_server: Callable[..., Any], caplog: pytest.LogCaptureFixture) -> None:
    assert Settings().allow_open_writes is False and settings_from_env({}).allow_open_writes is False
    assert settings_from_env({"NEWSKG_ALLOW_OPEN_WRITES": "1"}).allow_open_writes is True
    assert build_parser().parse_args(["serve", "--allow-open-writes"]).allow_open_writes is True
    with caplog.at_level(logging.INFO, logger="newskg.api"):
        live_server(allow_open_writes=True, query_workers=1)
        live_server(query_workers=1)
    said = [(record.levelno, record.getMessage()) for record in caplog.records]
    assert any(level == logging.WARNING and "WRITES ARE OPEN" in message for level, message in said)
    assert any("writes over HTTP are refused" in message for _, message in said)


@pytest.mark.parametrize("update", [
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_remote_access_in_updates_is_refused(server: Any, update: str) -> None:
    with httpx.Client(base_url=server.url) as http:
        response = http.post("sparql", content=update.encode(), headers={**UPDATE, "Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 403 and "refused" in response.text


def test_service_in_queries_is_refused_but_the_word_in_data_is_not(server: Any) -> None:
    with httpx.Client(base_url=server.url) as http:
        remote = http.get("sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
        assert remote.status_code == 403
        harmless = "PREFIX service: <http://example.org/service#> SELECT * { ?service service:load \"SERVICE LOAD\" }"
        assert http.get("sparql", params={"query": harmless}).status_code == 200


def test_load_works_when_remote_access_is_allowed(live_server: Callable[..., Any]) -> None:
    source = live_server(write_token=TOKEN)
    with httpx.Client(base_url=source.url) as http:
        http.put("rdf-graph-store", params={"graph": "http://example.org/src"}, content=b"<urn:x:a> <urn:x:b> 3 .",
                 headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"})
    loader = live_server(allow_remote=True, allow_open_writes=True)
    data_url = f"{source.url}rdf-graph-store?graph=http%3A%2F%2Fexample.org%2Fsrc"
    with httpx.Client(base_url=loader.url, timeout=20) as http:
        loaded = http.post("sparql", content=f"LOAD <{data_url}> INTO GRAPH <http://example.org/copy>".encode(),
                           headers=UPDATE)
        assert loaded.status_code == 204, loaded.text
        assert http.get("sparql", params={"query": "ASK { GRAPH <http://example.org/copy> { <urn:x:a> ?p 3 } }"}
                        ).json()["boolean"] is True


def test_silent_remote_access_is_refused_quietly(server: Any) -> None:
    """SILENT: a refused SERVICE gives one empty solution, a refused LOAD does nothing, and both succeed."""
    query = "SELECT ?x ?o { BIND(1 AS ?x) SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with httpx.Client(base_url=server.url) as http:
        rows = http.get("sparql", params={"query": query}).json()["results"]["bindings"]
        assert rows == [{"x": {"type": "literal", "value": "1",
                               "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]
        loaded = http.post("sparql", content=b"LOAD SILENT <file:///etc/passwd> INTO GRAPH <http://example.org/g>",
                           headers={**UPDATE, "Authorization": f"Bearer {TOKEN}"})
        assert loaded.status_code == 204
        assert http.get("sparql", params=ASK).json()["boolean"] is False
