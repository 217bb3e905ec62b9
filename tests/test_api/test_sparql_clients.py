"""A real SPARQL client (SPARQLWrapper) against a running server: every return format it offers."""

from __future__ import annotations

import csv
import io
from typing import Any, Callable
from urllib.error import HTTPError

import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

TOKEN = "client-token"


@pytest.fixture
def endpoint(live_server: Callable[..., Any]) -> str:
    server = live_server(write_token=TOKEN)
    return server.url + "sparql"


def client(endpoint: str, query: str, *, token: str | None = None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    sparql.setQuery(query)
    if token:
        sparql.addCustomHttpHeader("Authorization", f"Bearer {token}")
    return sparql


def update(endpoint: str, text: str, token: str | None) -> Any:
    sparql = client(endpoint, text, token=token)
    sparql.setMethod(POST)
    return sparql.query()


def test_update_with_token_then_select_construct_and_ask(endpoint: str) -> None:
    result = update(endpoint, "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:name> \"Alpha\"@en } }", TOKEN)
    assert result.response.status == 204

    select = client(endpoint, "SELECT ?name WHERE { <urn:x:a> <urn:x:name> ?name }")
    select.setReturnFormat(JSON)
    rows = select.query().convert()["results"]["bindings"]
    assert rows == [{"name": {"type": "literal", "value": "Alpha", "xml:lang": "en"}}]

    construct = client(endpoint, "CONSTRUCT WHERE { ?s <urn:x:name> ?o }")
    construct.setReturnFormat(TURTLE)
    graph = Graph().parse(data=construct.query().convert(), format="turtle")
    assert (URIRef("urn:x:a"), URIRef("urn:x:name"), None) in graph

    ask = client(endpoint, "ASK { <urn:x:a> ?p ?o }")
    ask.setReturnFormat(JSON)
    assert ask.query().convert()["boolean"] is True


def test_update_without_token_is_refused(endpoint: str) -> None:
    with pytest.raises((Unauthorized, HTTPError)):
        update(endpoint, "CLEAR ALL", None)
    with pytest.raises(HTTPError) as refused:
        update(endpoint, "CLEAR ALL", "wrong-token")
    assert refused.value.code == 403


@pytest.mark.parametrize("return_format", [TSV, CSV, JSON, XML])
def test_select_in_each_results_format(endpoint: str, return_format: str) -> None:
    update(endpoint, "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:name> \"Alpha\" } }", TOKEN)
    select = client(endpoint, "SELECT ?name WHERE { <urn:x:a> <urn:x:name> ?name }")
    select.setReturnFormat(return_format)
    converted = select.query().convert()
    if return_format == TSV:
        assert converted.decode().splitlines() == ["?name", '"Alpha"']
    elif return_format == CSV:
        assert list(csv.reader(io.StringIO(converted.decode()))) == [["name"], ["Alpha"]]
    elif return_format == JSON:
        assert converted["results"]["bindings"][0]["name"]["value"] == "Alpha"
    else:
        assert "Alpha" in converted.toxml()


@pytest.mark.parametrize("return_format", [RDFXML, JSONLD, TURTLE, N3, XML])
def test_construct_in_each_rdf_format(endpoint: str, return_format: str) -> None:
    update(endpoint, "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:name> \"Alpha\" } }", TOKEN)
    construct = client(endpoint, "CONSTRUCT WHERE { ?s <urn:x:name> ?o }")
    construct.setReturnFormat(return_format)
    converted = construct.query().convert()
    graph = converted if isinstance(converted, Graph) else Graph().parse(data=converted, format="turtle")
    assert set(graph) == {(URIRef("urn:x:a"), URIRef("urn:x:name"), Literal("Alpha"))}
