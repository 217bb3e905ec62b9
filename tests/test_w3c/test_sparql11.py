"""The W3C SPARQL 1.1 query, update and syntax tests (suite/ of the W3C folder, see w3c_suite.py) replayed over HTTP
against a real server, as a client would: data loaded by the Graph Store Protocol, queries and updates sent by the
SPARQL Protocol, results read back and compared. Entailment is out of scope.

Every test must pass, except those listed in w3c_known_failures.toml, each with its reason; those are strict
expected failures, so a fix shows up as a failure until its line is removed. `make conformance` runs them all and
prints the counts (tests/test_w3c/conftest.py); `make test` runs the syntax tests and a fixed share of the others.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Callable, Iterator

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph

from newskg.ingest.settings import Settings
from newskg.store.sparql_text import keywords, query_form
from w3c_results import actual_results, difference, expected_results, rdf_graph, same_results
from w3c_suite import SuiteTest, load_suite, suite_root_or_fail

TOKEN = "w3c-sparql11-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KNOWN = tomllib.loads((Path(__file__).with_name("w3c_known_failures.toml")).read_text(encoding="utf-8"))
TESTS = load_suite(suite_root_or_fail())
BY_VALUE = "numbers compared by value"
IN_MAKE_TEST_EVERY = 4  # `make test` runs every syntax test and every 4th evaluation test (marker: w3c_sample)


def parameters(kind: str) -> list[Any]:
    chosen = []
    for position, test in enumerate(t for t in TESTS if t.kind == kind):
        marks = [pytest.mark.w3c_suite]
        if kind == "syntax" or position % IN_MAKE_TEST_EVERY == 0:
            marks.append(pytest.mark.w3c_sample)
        reason = KNOWN["failures"].get(test.id)
        if reason is not None:
            marks.append(pytest.mark.xfail(reason=f"{reason}: {KNOWN['reasons'][reason]}", strict=True))
        chosen.append(pytest.param(test, id=test.id, marks=marks))
    return chosen


@pytest.fixture(scope="module")
def http(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("w3c-sparql11") / "store", write_token=TOKEN,
                        query_timeout=20, query_workers=2)
    with server_starter(settings) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


def update(http: httpx.Client, text: str) -> httpx.Response:
    return http.post("sparql", content=text.encode(), headers={"Content-Type": "application/sparql-update", **AUTH})


def load(http: httpx.Client, files: tuple[Path, ...], graph: str | None) -> None:
    """The files, parsed here against their own IRIs, sent as N-Triples into the graph (or the default graph)."""
    for file in files:
        quads = ox.parse(path=str(file), format=ox.RdfFormat.from_extension(file.suffix[1:]), base_iri=file.as_uri())
        body = ox.serialize((quad.triple for quad in quads), format=ox.RdfFormat.N_TRIPLES) or b""
        params = {"graph": graph} if graph else {"default": ""}
        sent = http.post("rdf-graph-store", params=params, content=body,
                         headers={"Content-Type": "application/n-triples", **AUTH})
        assert sent.status_code in (201, 204), sent.text


def prepare(http: httpx.Client, test: SuiteTest) -> None:
    emptied = update(http, "DROP ALL")
    assert emptied.status_code == 204, emptied.text
    load(http, test.data, None)
    for named in test.graph_data:
        load(http, (named.file, ), named.graph)


def with_base(test: SuiteTest) -> str:
    """The text as if read from its file: relative IRIs resolve against the file (a query names graphs so)."""
    return f"BASE <{test.text.as_uri()}>\n" + test.text.read_text(encoding="utf-8")


def read_graph(http: httpx.Client, graph: str | None) -> Graph:
    response = http.get("rdf-graph-store", params={"graph": graph} if graph else {"default": ""},
                        headers={"Accept": "application/n-triples"})
    if response.status_code == 404:
        return Graph()
    assert response.status_code == 200, response.text
    return Graph().parse(data=response.content, format="nt")


@pytest.mark.parametrize("test", parameters("query evaluation"))
def test_query_evaluation(http: httpx.Client, test: SuiteTest, record_property: Callable[[str, object], None]) -> None:
    prepare(http, test)
    query = with_base(test)
    assert test.result is not None
    if test.type == "CSVResultFormatTest":
        response = http.post("sparql", content=query.encode(),
                             headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
        assert response.status_code == 200, response.text
        assert response.content.splitlines() == test.result.read_bytes().splitlines()
        return
    accept = "application/n-triples" if query_form(query) in ("CONSTRUCT", "DESCRIBE") else \
        "application/sparql-results+json"
    response = http.post("sparql", content=query.encode(),
                         headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert response.status_code == 200, response.text
    media_type = response.headers["content-type"].split(";")[0]
    ordered = any(k.word == "ORDER" and k.depth == 0 for k in keywords(query))
    expected, actual = expected_results(test.result), actual_results(response.content, media_type)
    if not same_results(expected, actual, ordered=ordered):
        assert same_results(expected, actual, ordered=ordered, by_value=True), difference(expected, actual)
        record_property(BY_VALUE, True)  # counted apart in the summary


@pytest.mark.parametrize("test", parameters("update evaluation"))
def test_update_evaluation(http: httpx.Client, test: SuiteTest) -> None:
    prepare(http, test)
    response = update(http, with_base(test))
    assert response.status_code == 204, response.text
    expected_default = Graph()
    for file in test.result_data:
        expected_default += rdf_graph(file)
    assert same_results(expected_default, read_graph(http, None), ordered=False), "the default graph differs"
    for named in test.result_graph_data:
        assert same_results(rdf_graph(named.file), read_graph(http, named.graph), ordered=False), named.graph
    listed = http.get("sparql", params={"query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"},
                      headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    assert {row["g"]["value"] for row in listed} <= {named.graph for named in test.result_graph_data}


@pytest.mark.parametrize("test", parameters("syntax"))
def test_syntax(http: httpx.Client, test: SuiteTest) -> None:
    """Accepted (answered, or refused for a reason other than syntax) or refused as a syntax error. What the store
    holds does not matter here: an update that cannot run on it (CREATE of a graph that exists) has parsed."""
    text = test.text.read_text(encoding="utf-8")
    if test.is_update:
        response = update(http, text)
    else:
        response = http.post("sparql", content=text.encode(), headers={"Content-Type": "application/sparql-query"})
    syntax_error = response.status_code == 400 and "syntax error" in response.text
    if test.negative:
        assert syntax_error, f"{response.status_code} {response.text[:300]}"
    else:
        assert response.status_code < 300 or (response.status_code == 400 and not syntax_error), response.text


def test_the_suite_is_read_whole_and_every_known_failure_is_explained() -> None:
    kinds = {kind: sum(1 for t in TESTS if t.kind == kind) for kind in ("query evaluation", "update evaluation", "syntax")}
    assert kinds == {"query evaluation": 242, "update evaluation": 94, "syntax": 169}  # entailment's 70 left out
    assert not any(t.id.startswith("entailment/") for t in TESTS)
    ids = {t.id for t in TESTS}
    for test_id, reason in KNOWN["failures"].items():
        assert test_id in ids and reason in KNOWN["reasons"], test_id
