"""SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graph-store: GET, HEAD, PUT, POST (also multipart), DELETE.

Indirect identification (?graph=IRI, ?default) and direct identification (/rdf-graph-store/any/path: the graph
IRI is the request URL). Writes need the write token and are one transaction each.
"""

from __future__ import annotations

import tempfile
import uuid
from typing import Any, Iterator
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from newskg.api.auth import require_write_token
from newskg.api.context import AppContext
from newskg.api.negotiation import choose
from newskg.api.openapi_responses import answer, errors, query_parameters, request_body
from newskg.ingest.errors import InputError
from newskg.store.terms import GraphName

GRAPH_MEDIA_TYPES = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
CHUNK = 1 << 16


def _chunks(spool: tempfile.SpooledTemporaryFile) -> Iterator[bytes]:  # type: ignore[type-arg]
    try:
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()


def _parse(data: bytes, content_type: str, base_iri: str) -> list[ox.Triple]:
    media_type = content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media_type) if media_type else None
    if fmt is None:
        raise HTTPException(415, f"unsupported RDF Content-Type {media_type or '(none)'!r}; "
                                 "send Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML")
    try:
        return [quad.triple for quad in ox.parse(data, fmt, base_iri=base_iri)]
    except (SyntaxError, ValueError) as error:
        raise InputError(f"the {media_type} body does not parse: {error}") from None


class GraphStore:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.store = context.store

    def target(self, request: Request, direct: bool) -> tuple[GraphName | None, str]:
        """The graph a request addresses and the base IRI for its body; (None, ...) for a POST that creates one."""
        if direct:
            iri = str(request.url.replace(query="", fragment=""))
            try:
                return ox.NamedNode(iri), iri
            except ValueError as error:
                raise InputError(f"the request URL is not a valid graph IRI ({error}): {iri!r}") from None
        params = parse_qs(request.url.query, keep_blank_values=True)
        graphs, default = params.get("graph", []), "default" in params
        if default and graphs or len(graphs) > 1:
            raise InputError("address one graph: either ?default or a single ?graph=IRI")
        if default:
            return ox.DefaultGraph(), self.context.settings.base_iri
        if not graphs:
            return None, self.context.settings.base_iri
        try:
            return ox.NamedNode(graphs[0]), graphs[0]
        except ValueError:
            raise InputError(f"?graph= must be an absolute IRI, got {graphs[0]!r}") from None

    def exists(self, graph: GraphName) -> bool:
        return self.store.has_graph(graph)

    async def handle(self, request: Request, direct: bool) -> Response:
        graph, base = self.target(request, direct)
        if request.method in ("GET", "HEAD"):
            return await run_in_threadpool(self.read, request, self._require(graph))
        require_write_token(request, self.context.settings)
        if request.method == "DELETE":
            return await run_in_threadpool(self.delete, self._require(graph))
        triples = await self._body_triples(request, base)
        if graph is None:  # POST to the store itself: a new graph, named by us
            graph = ox.NamedNode(str(self.context.minter.graph(f"gsp/{uuid.uuid4().hex}")))
            await run_in_threadpool(self.store.replace_ox_graphs, {graph: triples})
            return Response(status_code=201, headers={"Location": graph.value})
        existed = self.exists(graph)
        await run_in_threadpool(self.store.replace_ox_graphs, {graph: triples}, replace=request.method == "PUT")
        return Response(status_code=204 if existed else 201)

    @staticmethod
    def _require(graph: GraphName | None) -> GraphName:
        if graph is None:
            raise InputError("name the graph: ?graph=IRI or ?default")
        return graph

    def read(self, request: Request, graph: GraphName) -> Response:
        if not self.exists(graph):
            raise HTTPException(404, f"no graph {graph} in the store")
        media_type = choose(request.headers.get("accept"), GRAPH_MEDIA_TYPES, format=request.query_params.get("format"))
        if request.method == "HEAD":
            return Response(media_type=media_type, headers={"Vary": "Accept"})
        spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)
        self.store.dump(spool, media_type, graph)
        return StreamingResponse(_chunks(spool), media_type=media_type, headers={"Vary": "Accept"})

    def delete(self, graph: GraphName) -> Response:
        if isinstance(graph, ox.DefaultGraph):
            self.store.update("DROP SILENT DEFAULT")
        elif not self.exists(graph):
            raise HTTPException(404, f"no graph {graph} in the store")
        else:
            self.store.update(f"DROP GRAPH {graph}")
        return Response(status_code=204)

    async def _body_triples(self, request: Request, base: str) -> list[ox.Triple]:
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() != "multipart/form-data":
            return _parse(await request.body(), content_type, base)
        triples: list[ox.Triple] = []
        async with request.form() as form:
            for _, part in form.multi_items():
                if isinstance(part, UploadFile):
                    triples += _parse(await part.read(), part.content_type or "", base)
        return triples


READ = {200: answer("the graph", GRAPH_MEDIA_TYPES, ["Vary"]), **errors(400, 404, 406)}
WRITE_ERRORS = errors(400, 401, 403, 413, 415)
RESPONSES_BY_METHOD: dict[str, dict[int | str, dict[str, Any]]] = {
    "GET": READ,
    "HEAD": READ,
    "PUT": {201: answer("a new graph was created", headers=["Location"]), 204: answer("the graph was replaced"), **WRITE_ERRORS},
    "POST": {201: answer("a new graph was created (its IRI in Location)", headers=["Location"]),
             204: answer("the triples were added to the graph"), **WRITE_ERRORS},
    "DELETE": {204: answer("the graph was removed"), **errors(400, 401, 403, 404)},
}


BODY_MEDIA_TYPES = (*GRAPH_MEDIA_TYPES, "application/n-quads", "application/trig", "multipart/form-data")


def _request(method: str, direct: bool) -> dict[str, Any]:
    """What a request carries besides the path: ?graph= or ?default (indirect), and an RDF body for writes."""
    declared: dict[str, Any] = {} if direct else {"parameters": query_parameters("graph", "default")}
    if method in ("PUT", "POST"):
        declared["requestBody"] = request_body(BODY_MEDIA_TYPES)
    return declared


def build_router(context: AppContext) -> APIRouter:
    graph_store = GraphStore(context)
    router = APIRouter(tags=["graph store"])

    async def indirect(request: Request) -> Response:
        return await graph_store.handle(request, direct=False)

    async def direct(request: Request, path: str) -> Response:
        return await graph_store.handle(request, direct=True)

    # one route per method, so that each is one operation with its own ID in the OpenAPI document
    for method, responses in RESPONSES_BY_METHOD.items():
        router.add_api_route("/rdf-graph-store", indirect, methods=[method], response_class=Response,
                             status_code=min(status for status in responses if isinstance(status, int)),
                             operation_id=f"graph_store_{method.lower()}", responses=responses,
                             openapi_extra=_request(method, direct=False),
                             summary="Graph Store Protocol (?graph=IRI or ?default)")
    for method, indirect_responses in RESPONSES_BY_METHOD.items():
        # a direct path the router cannot match as a graph (e.g. one holding a line break) is not found
        responses = {**indirect_responses, **errors(404)}
        router.add_api_route("/rdf-graph-store/{path:path}", direct, methods=[method], response_class=Response,
                             status_code=min(status for status in responses if isinstance(status, int)),
                             operation_id=f"graph_store_direct_{method.lower()}", responses=responses,
                             openapi_extra=_request(method, direct=True),
                             summary="Graph Store Protocol, direct IRIs")
    return router
