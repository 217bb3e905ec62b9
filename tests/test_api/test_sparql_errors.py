"""Readable SPARQL errors (ingest.sparql_errors): what is wrong, where, and a hint — from the store, the CLI and the
HTTP API; evaluation and update errors are 400s with the engine's message, and the query worker survives them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import httpx
import pytest

from newskg.ingest.cli import main
from newskg.ingest.errors import QueryError
from newskg.store.embedded import OxigraphStore

UNKNOWN_FUNCTION = "SELECT (<http://example.org/fn>(?o) AS ?x) WHERE { ?s ?p ?o } LIMIT 1"


def query_error(text: str) -> str:
    store = OxigraphStore(None)
    with pytest.raises(QueryError) as raised:
        list(store.query(text))  # type: ignore[arg-type]
    return str(raised.value)


@pytest.mark.parametrize(("query", "where", "what"), [
    ("SELCT * {}", "line 1, column 1", "unknown keyword SELCT — did you mean SELECT?"),
    ("SELECT * { ?s ?p ?o } LIMT 5", "line 1, column 23", "unknown keyword LIMT — did you mean LIMIT?"),
    ("SELECT * { ?s ?p ?o FILTER(regx(?o, 'a')) }", "line 1, column 28", "did you mean REGEX?"),
    ("PREFIX x: <http://x/>\nSELECT * {\n  ?s ex:p ?o }", "line 3, column 6",
     "prefix ex: is not declared; add `PREFIX ex: <...>`"),
    ("SELECT * { ?s foaf:name ?o }", "line 1, column 15", "PREFIX foaf: <http://xmlns.com/foaf/0.1/>"),
    ("SELECT * {\n  ?s ?p ?o .\n  FILTER(?o > )\n}", "line 3, column 13", "> is missing the operand on its right"),
    ("SELECT * WHERE { ?s ?p ?o", "line 1, column 16", "this { is never closed"),
    ('ASK { ?s ?p "open }', "line 1, column 13", "the string starting here is not closed"),
    ("SELECT * { ?s <http://a b> ?o }", "line 1, column 15", "this IRI is not valid"),
])
def test_syntax_errors_say_what_where_and_give_a_hint(query: str, where: str, what: str) -> None:
    message = query_error(query)
    assert message.startswith(f"SPARQL query syntax error at {where}: ")
    assert what in message
    shown, marker = message.splitlines()[-2:]
    line, column = (int(n) for n in where.removeprefix("line ").split(", column "))
    assert shown == "    " + query.splitlines()[line - 1]
    assert marker == " " * (4 + column - 1) + "^"  # under the column named


def test_no_wall_of_character_classes() -> None:
    for query in ("SELECT * WHERE { ?s ?p ?o", "SELECT ?x WHERE { ?x a foaf:Person }"):  # walls of ranges before
        message = query_error(query)
        assert "\\u{" not in message and "..=" not in message and len(message) < 300
    fallback = query_error("SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 1e3")  # no rule of ours names this one
    assert "\\u{" not in fallback and "[" not in fallback.splitlines()[0]


def test_evaluation_and_update_errors_carry_the_engine_message_and_a_hint() -> None:
    assert query_error(UNKNOWN_FUNCTION) == (
        "the query cannot be run: the custom function <http://example.org/fn> is not supported "
        "(functions named by an IRI are limited to the XSD casts, such as xsd:integer(?x))")
    store = OxigraphStore(None)
    with pytest.raises(QueryError, match=r"graph <urn:x:missing> does not exist \(CLEAR SILENT"):
        store.update("CLEAR GRAPH <urn:x:missing>")
    with pytest.raises(QueryError, match=r"update syntax error at line 1, column 1: unknown keyword INSRT"):
        store.update("INSRT DATA { <urn:x:a> <urn:x:b> 1 }")


def test_the_cli_prints_readable_errors_not_tracebacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "store")
    OxigraphStore(tmp_path / "store").close()  # read commands refuse a store that does not exist
    assert main(["--store", store, "query", f"@{tmp_path / 'missing.rq'}"]) == 2
    assert capsys.readouterr().err == f"newskg query: cannot read the query file {tmp_path / 'missing.rq'}: " \
                                      "No such file or directory\n"
    (tmp_path / "latin1.rq").write_bytes("ASK { ?s ?p \"café\" }".encode("latin-1"))
    assert main(["--store", store, "query", f"@{tmp_path / 'latin1.rq'}"]) == 2
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert main(["--store", store, "query", "SELCT * {}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newskg query: SPARQL query syntax error at line 1, column 1: unknown keyword SELCT")
    assert "Traceback" not in err
    assert main(["--store", store, "query", UNKNOWN_FUNCTION]) == 2
    assert "custom function <http://example.org/fn> is not supported" in capsys.readouterr().err


@pytest.fixture
def server(live_server: Callable[..., Any]) -> Any:
    return live_server(allow_open_writes=True, query_workers=1)


def test_http_errors_are_400s_with_the_readable_message(server: Any) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        for response in (http.get("sparql", params={"query": "SELCT * {}"}),
                         http.post("sparql", content=b"SELCT * {}", headers={"Content-Type": "application/sparql-query"})):
            assert response.status_code == 400
            assert "line 1, column 1: unknown keyword SELCT — did you mean SELECT?" in response.text
        as_json = http.get("sparql", params={"query": "SELECT * { ?s ex:p ?o }"}, headers={"Accept": "application/json"})
        assert as_json.status_code == 400 and "prefix ex: is not declared" in as_json.json()["detail"]
        # a text with no query form does not parse: the client hears that, not a 406 about the format it asked for
        misspelt = http.get("sparql", params={"query": "CONSTRCT { ?s ?p ?o } WHERE { ?s ?p ?o }"},
                            headers={"Accept": "text/turtle"})
        assert misspelt.status_code == 400 and "did you mean CONSTRUCT?" in misspelt.text


def test_an_unknown_function_is_a_400_and_the_worker_survives(server: Any) -> None:
    pool = server.app.state.context.services["queries"]
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert http.get("sparql", params={"query": "ASK {}"}).status_code == 200
        workers = {worker.process.pid for worker in pool._workers}
        for _ in range(3):
            failed = http.get("sparql", params={"query": UNKNOWN_FUNCTION})
            assert failed.status_code == 400, failed.text
            assert "custom function <http://example.org/fn> is not supported" in failed.text
        assert http.get("sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
        assert {worker.process.pid for worker in pool._workers} == workers  # the same process answered throughout


@pytest.mark.parametrize(("update", "status", "message"), [
    ("CLEAR GRAPH <urn:x:missing>", 400, "the graph <urn:x:missing> does not exist"),
    ("DROP GRAPH <urn:x:missing>", 400, "the graph <urn:x:missing> does not exist"),
    ("CREATE GRAPH <urn:x:existing>", 400, "the graph <urn:x:existing> already exists"),
    ("CLEAR SILENT GRAPH <urn:x:missing>", 204, ""),
    ("DROP SILENT GRAPH <urn:x:missing>", 204, ""),
    ("CREATE SILENT GRAPH <urn:x:existing>", 204, ""),
    ("CREATE GRAPH <urn:x:new>", 204, ""),
])
def test_graph_management_errors_are_400s_and_silent_succeeds(server: Any, update: str, status: int,
                                                               message: str) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        created = http.post("sparql", data={"update": "CREATE SILENT GRAPH <urn:x:existing>"})
        assert created.status_code == 204
        response = http.post("sparql", data={"update": update})
        assert response.status_code == status, response.text
        assert message in response.text


def test_browsers_get_the_query_page_by_get_or_post(server: Any) -> None:
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    with httpx.Client(base_url=server.url, timeout=30) as http:
        page = http.get("sparql", headers={"Accept": "text/html"})
        assert page.status_code == 200 and 'id="plain-form"' in page.text
        posted = http.post("sparql", data={"query": "SELCT ?x {}"}, headers=browser)
        assert posted.status_code == 200 and "SELCT ?x {}</textarea>" in posted.text
