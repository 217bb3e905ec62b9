"""Reads a SPARQL 1.1 Protocol request (GET, POST form, POST direct) into one ProtocolRequest, or says why not.

The protocol's error cases are decided here: several queries, update by GET, a body of the wrong media type,
a body that is not UTF-8, graph parameters that are not IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import HTTPException, Request

from newskg.ingest.errors import QueryError

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
GRAPH_PARAMETERS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


@dataclass(frozen=True)
class ProtocolRequest:
    query: str | None = None
    update: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()  # every `format` parameter; api.negotiation decides whether they agree


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(f"the {what} is not valid UTF-8 (at byte {error.start}); send it UTF-8 encoded") from None


def _charset_is_utf8(content_type: str) -> bool:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"').lower() not in {"utf-8", "utf8"}:
            return False
    return True


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise QueryError(f"the request carries {len(values)} '{name}' parameters; send exactly one")
    return values[0] if values else None


def _iris(values: list[str], name: str) -> tuple[str, ...]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise QueryError(f"'{name}' is not an absolute IRI: {value!r}") from None
    return tuple(values)


async def read_protocol_request(request: Request) -> ProtocolRequest:
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "GET":
        if "update" in params:
            raise HTTPException(405, "SPARQL updates must be sent by POST", headers={"Allow": "POST"})
        return _from_params(params, body_query=None, body_update=None)
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if not media_type:
        raise HTTPException(415, f"a POST to the SPARQL endpoint needs a Content-Type: {FORM}, {QUERY_BODY} or {UPDATE_BODY}")
    if not _charset_is_utf8(content_type):
        raise HTTPException(415, f"only UTF-8 is accepted; got Content-Type {content_type!r}")
    body = await request.body()
    if media_type == FORM:
        form = parse_qs(_decode(body, "form body"), keep_blank_values=True)
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        return _from_params(params, body_query=None, body_update=None)
    if media_type == QUERY_BODY:
        return _from_params(params, body_query=_decode(body, "query"), body_update=None)
    if media_type == UPDATE_BODY:
        return _from_params(params, body_query=None, body_update=_decode(body, "update"))
    raise HTTPException(415, f"unsupported Content-Type {media_type!r}; use {FORM}, {QUERY_BODY} or {UPDATE_BODY}")


def _from_params(params: dict[str, list[str]], body_query: str | None, body_update: str | None) -> ProtocolRequest:
    queries = params.get("query", []) + ([body_query] if body_query is not None else [])
    updates = params.get("update", []) + ([body_update] if body_update is not None else [])
    query, update = _single(queries, "query"), _single(updates, "update")
    if query is not None and update is not None:
        raise QueryError("a request carries either a query or an update, not both")
    graphs = {name: _iris(params.get(name, []), name) for name in GRAPH_PARAMETERS}
    if query is not None and (graphs["using-graph-uri"] or graphs["using-named-graph-uri"]):
        raise QueryError("using-graph-uri and using-named-graph-uri apply to updates; queries take default-graph-uri")
    if update is not None and (graphs["default-graph-uri"] or graphs["named-graph-uri"]):
        raise QueryError("default-graph-uri and named-graph-uri apply to queries; updates take using-graph-uri")
    return ProtocolRequest(query=query, update=update, default_graphs=graphs["default-graph-uri"],
                           named_graphs=graphs["named-graph-uri"], using_graphs=graphs["using-graph-uri"],
                           using_named_graphs=graphs["using-named-graph-uri"],
                           formats=tuple(params.get("format", [])))
