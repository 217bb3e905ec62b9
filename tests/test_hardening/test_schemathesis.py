"""API fuzzing: schemathesis generates requests from the running service's own OpenAPI document (/openapi.json) and
checks every response: never a 5xx, and status codes, content types, headers and bodies as the document says.

Each operation is fuzzed through its hypothesis strategy (schemathesis' `as_strategy`), inside one test that holds
the live server: schemathesis' lazy pytest fixture loader does not run under pytest 9.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from small_articles import small_article

TOKEN = "hardening-token"  # the guarded_server fixture's settings (conftest.py)
EXAMPLES_PER_OPERATION = 12


@pytest.fixture(scope="module")
def fuzzed_server(guarded_server: Any) -> Any:
    """The shared guarded server, with two articles in it: pages, graphs and search hits to find."""
    for index in range(2):
        response = httpx.post(f"{guarded_server.url}articles", content=small_article(500 + index)[1].encode(),
                              headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"},
                              timeout=120)
        assert response.status_code == 201, response.text
    return guarded_server


def fuzz_every_operation(server: Any, checks: list[Any] | None = None, excluded_checks: list[Any] | None = None
                         ) -> list[str]:
    """Runs each operation's generated cases through the checks (all of schemathesis' by default); the failures."""
    schema = schemathesis.openapi.from_url(f"{server.url}openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 10
    failures: list[str] = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, phases=[Phase.generate], derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case: Any) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=checks,
                                   excluded_checks=excluded_checks, timeout=30)

        try:
            fuzz()
        except BaseException as failure:  # noqa: BLE001 - schemathesis raises a group; collect, then report all
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    return failures


def test_no_generated_request_gets_a_server_error(fuzzed_server: Any) -> None:
    assert fuzz_every_operation(fuzzed_server, checks=[not_a_server_error]) == []


# Every check but positive_data_acceptance ("a request the schema allows gets a 2xx"): a JSON schema cannot say
# what makes a SPARQL query, an RDF body, a graph IRI in the path or an article readable, so schema-valid
# requests rightly get 400 (or 404, 415, 422) from routes whose input is a language or a document.
def test_responses_conform_to_the_openapi_document(fuzzed_server: Any) -> None:
    failures = fuzz_every_operation(fuzzed_server, excluded_checks=[positive_data_acceptance])
    assert failures == [], "\n\n".join(failures)
