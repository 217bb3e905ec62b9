"""The OpenAPI document: it builds without warnings, names each operation once, and declares what the routes answer."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

import httpx
import pytest

from newskg.api.app import create_app
from newskg.api.openapi_responses import ERROR_SCHEMA
from newskg.ingest.settings import Settings

Operations = dict[tuple[str, str], dict[str, Any]]
# no parameters, no body, no negotiation: nothing a client can get wrong
NO_CLIENT_ERROR = {("get", "/dumps"), ("get", "/feeds/articles.atom"), ("get", "/feeds/allegations.atom")}
BODILESS = {"201", "204", "303", "304"}  # created (a Graph Store write), no content, see other, not modified
# The error statuses each operation must declare (at least): the answers its code can give.
EXPECTED_ERRORS: dict[tuple[str, str], set[str]] = {
    ("get", "/sparql"): {"400", "403", "405", "406", "413", "503"},
    ("post", "/sparql"): {"400", "401", "403", "406", "413", "415", "503"},
    ("post", "/articles"): {"400", "401", "403", "413", "422"},
    ("get", "/rdf-graph-store"): {"400", "404", "406"},
    ("put", "/rdf-graph-store"): {"400", "401", "403", "413", "415"},
    ("delete", "/rdf-graph-store/{path}"): {"400", "401", "403", "404"},
    ("get", "/dumps/newskg.{suffix}"): {"404"},
    ("head", "/id/{kind}/{key}"): {"404", "406"},
    ("get", "/graph/{name}"): {"404", "406"},
    ("get", "/resource"): {"400", "404", "406"},
    ("get", "/search"): {"400", "406"},
    ("get", "/.well-known/void"): {"406"},
}


@pytest.fixture(scope="module")
def document(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("openapi") / "store", query_workers=1)
    with server_starter(settings) as live:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # FastAPI warns (e.g. of a duplicate operation ID) while building it
            response = httpx.get(f"{live.url}openapi.json", timeout=30)
        assert response.status_code == 200, response.text
        yield response.json()


@pytest.fixture(scope="module")
def operations(document: dict[str, Any]) -> Operations:
    return {(method, path): operation for path, item in document["paths"].items() for method, operation in item.items()}


def test_every_method_of_a_multi_method_route_is_its_own_operation(operations: Operations) -> None:
    for method in ("get", "head", "put", "post", "delete"):
        assert (method, "/rdf-graph-store") in operations
    assert {("get", "/sparql"), ("post", "/sparql"), ("head", "/dumps/newskg.{suffix}"), ("head", "/graph/{name}")} \
        <= operations.keys()


def test_operation_ids_are_unique(operations: Operations) -> None:
    ids = [operation["operationId"] for operation in operations.values()]
    assert len(ids) == len(set(ids))


def test_each_operation_declares_its_error_statuses(operations: Operations) -> None:
    for key, statuses in EXPECTED_ERRORS.items():
        assert statuses <= operations[key]["responses"].keys(), key


def test_every_operation_declares_an_error_and_the_media_types_of_its_answers(operations: Operations) -> None:
    for key, operation in operations.items():
        responses = operation["responses"]
        assert key in NO_CLIENT_ERROR or any(status.startswith("4") for status in responses), key
        for status, declared in responses.items():
            if status not in BODILESS:
                assert declared.get("content"), (key, status)


def test_errors_are_declared_as_api_errors_renders_them(operations: Operations) -> None:
    errors = operations[("post", "/sparql")]["responses"]["400"]["content"]
    assert errors["application/json"]["schema"] == ERROR_SCHEMA
    assert errors["text/plain"]["schema"] == {"type": "string"}


def test_success_answers_name_the_negotiated_media_types(operations: Operations) -> None:
    def media_types(method: str, path: str, status: str = "200") -> set[str]:
        return set(operations[(method, path)]["responses"][status]["content"])

    assert {"application/sparql-results+json", "text/csv", "text/turtle", "text/html"} <= media_types("get", "/sparql")
    assert "text/html" in media_types("post", "/sparql")  # a browser that POSTs a query gets the query page
    assert {"text/turtle", "application/ld+json", "text/html"} <= media_types("get", "/id/{kind}/{key}")
    assert {"application/n-quads", "application/gzip"} <= media_types("get", "/dumps/newskg.{suffix}")
    assert media_types("post", "/articles", "422") == {"application/json", "text/turtle"}
    assert "application/json" not in media_types("get", "/graph/{name}")


def test_inputs_read_from_the_raw_request_are_declared(operations: Operations) -> None:
    def parameters(method: str, path: str) -> set[str]:
        return {parameter["name"] for parameter in operations[(method, path)].get("parameters", [])}

    assert {"query", "default-graph-uri", "named-graph-uri"} <= parameters("get", "/sparql")
    assert {"graph", "default"} <= parameters("delete", "/rdf-graph-store")
    assert set(operations[("post", "/sparql")]["requestBody"]["content"]) == {
        "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"}
    assert "text/turtle" in operations[("put", "/rdf-graph-store/{path}")]["requestBody"]["content"]
    assert "text/plain" in operations[("post", "/articles")]["requestBody"]["content"]


def test_no_route_documents_a_validation_error_it_never_sends() -> None:
    """Bad parameters are answered 400 (api/errors.py); only POST /articles answers 422 (shape violations)."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(store_dir=Path(folder) / "store"))
        schema = app.openapi()
        app.state.context.store.close()
    with422 = [(path, method) for path, ops in schema["paths"].items() for method, op in ops.items()
               if "422" in op.get("responses", {})]
    assert with422 == [("/articles", "post")]
