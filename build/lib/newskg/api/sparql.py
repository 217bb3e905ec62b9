"""/sparql: the SPARQL 1.1 Protocol (query, update, service description) and the HTML query page.

Over the embedded store, queries run in worker processes with a hard time limit (api.query_workers); over a remote
store they go to the engine with the same limit (api.remote_queries). The complete result is serialised
before the response starts, so a failure is always an error status, never a truncated 200. Updates run in this
process on the primary store (the single writer), behind the write token.
"""

from __future__ import annotations

import os

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from newskg.api.auth import require_write_token
from newskg.api.context import AppContext
from newskg.api.negotiation import BOOLEAN_MEDIA_TYPES, RDF_MEDIA_TYPES, RESULTS_MEDIA_TYPES, choose
from newskg.api.openapi_responses import TEXT_SCHEMA, answer, errors, query_parameters
from newskg.api.query_process import QueryAnswer, QueryJob
from newskg.api.remote_queries import query_runner
from newskg.api.service_description import service_description
from newskg.api.sparql_page import QueryPage
from newskg.api.sparql_request import (FORM, GRAPH_PARAMETERS, QUERY_BODY, UPDATE_BODY, ProtocolRequest,
                                 read_protocol_request)
from newskg.ingest.errors import Forbidden, QueryError
from newskg.store.sparql_text import (keyword_set, query_form, remote_operations, with_using_clauses,
                                without_silent_remote_operations)

HTML = "text/html"
DESCRIPTION_MEDIA_TYPES = ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples")
# a text with no query form does not parse: anything is offered, so that the client hears the syntax error (from
# the worker), not a 406 about a format
OFFERED_BY_FORM = {"SELECT": RESULTS_MEDIA_TYPES, "ASK": BOOLEAN_MEDIA_TYPES, "CONSTRUCT": RDF_MEDIA_TYPES,
                   "DESCRIBE": RDF_MEDIA_TYPES, None: (*RESULTS_MEDIA_TYPES, *RDF_MEDIA_TYPES)}
VARY = {"Vary": "Accept"}
POST_BODY = {"required": True, "content": {
    FORM: {"schema": {"type": "object", "properties": {"query": TEXT_SCHEMA, "update": TEXT_SCHEMA}}},
    QUERY_BODY: {"schema": TEXT_SCHEMA}, UPDATE_BODY: {"schema": TEXT_SCHEMA}}}
POST_MEDIA_TYPES = tuple(dict.fromkeys((*RESULTS_MEDIA_TYPES, *RDF_MEDIA_TYPES, HTML)))
GET_MEDIA_TYPES = tuple(dict.fromkeys((*POST_MEDIA_TYPES, *DESCRIPTION_MEDIA_TYPES)))


def answer_response(answer: QueryAnswer) -> Response:
    if answer.path is not None:
        return FileResponse(answer.path, media_type=answer.media_type, headers=VARY,
                            background=BackgroundTask(os.unlink, answer.path))
    return Response(answer.content, media_type=answer.media_type, headers=VARY)


class SparqlEndpoint:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.settings = context.settings
        self.pool = query_runner(context.store, self.settings.query_workers)
        self.page = QueryPage(self.settings)
        # relative IRIs in queries and updates resolve against the endpoint ("which MAY be the service endpoint")
        self.base_iri = self.settings.base_iri + "sparql"

    async def handle(self, request: Request) -> Response:
        protocol = await read_protocol_request(request)
        if protocol.update is not None:
            return await self.update(request, protocol, protocol.update)
        if protocol.query is not None:
            return await self.query(request, protocol, protocol.query)
        if request.method == "POST":
            raise QueryError("the request carries neither a 'query' nor an 'update'")
        return self.describe(request, protocol)

    async def query(self, request: Request, protocol: ProtocolRequest, sparql: str) -> Response:
        form = query_form(sparql)
        # a browser (Accept: text/html) gets the query page with this query in the editor, by GET or POST
        media_type = choose(request.headers.get("accept"), (*OFFERED_BY_FORM[form], HTML), format=protocol.formats)
        if media_type == HTML:
            return HTMLResponse(self.page.render(self._endpoint(request), sparql), headers=VARY)
        if not self.settings.allow_remote and "SERVICE" in remote_operations(sparql):
            sparql = without_silent_remote_operations(sparql)  # SILENT: a refused SERVICE gives one empty solution
            if "SERVICE" in remote_operations(sparql):
                raise Forbidden("SERVICE is refused by this endpoint: it would make the server query other hosts "
                                "(SERVICE SILENT is answered as if the other host had failed)")
        graph_result = form in ("CONSTRUCT", "DESCRIBE") or media_type in RDF_MEDIA_TYPES
        job = QueryJob(sparql, results_media_type=RESULTS_MEDIA_TYPES[0] if graph_result else media_type,
                       graph_media_type=media_type if graph_result else RDF_MEDIA_TYPES[0],
                       default_graphs=protocol.default_graphs, named_graphs=protocol.named_graphs,
                       base_iri=self.base_iri, max_results=self.settings.max_results)
        answer = await self.pool.run_async(job, self.settings.query_timeout)
        return answer_response(answer)

    async def update(self, request: Request, protocol: ProtocolRequest, sparql: str) -> Response:
        require_write_token(request, self.settings)
        if not self.settings.allow_remote and remote_operations(sparql):
            sparql = without_silent_remote_operations(sparql)  # SILENT: a refused LOAD or SERVICE does nothing
            refused = remote_operations(sparql)
            if refused:
                raise Forbidden(f"{' and '.join(refused)} refused by this endpoint: it would make the server fetch "
                                "other hosts or files (the SILENT forms do nothing instead)")
        if (protocol.using_graphs or protocol.using_named_graphs) and keyword_set(sparql) & {"USING", "WITH"}:
            raise QueryError("the update names its dataset (USING or WITH) and the request too "
                             "(using-graph-uri / using-named-graph-uri); send only one of them")
        text = with_using_clauses(sparql, list(protocol.using_graphs), list(protocol.using_named_graphs))
        await run_in_threadpool(self.context.store.update, text, base_iri=self.base_iri)
        return Response(status_code=204)

    def describe(self, request: Request, protocol: ProtocolRequest) -> Response:
        media_type = choose(request.headers.get("accept"), (*DESCRIPTION_MEDIA_TYPES, HTML), format=protocol.formats)
        endpoint = self._endpoint(request)
        if media_type == HTML:
            return HTMLResponse(self.page.render(endpoint), headers=VARY)
        return Response(service_description(endpoint, self.settings, media_type), media_type=media_type, headers=VARY)

    @staticmethod
    def _endpoint(request: Request) -> str:
        return str(request.url.replace(query="", fragment="")).rstrip("/")


def build_router(context: AppContext) -> APIRouter:
    endpoint = SparqlEndpoint(context)
    context.services["queries"] = endpoint.pool  # closed at shutdown
    router = APIRouter(tags=["sparql"])

    async def sparql(request: Request) -> Response:
        return await endpoint.handle(request)

    # one route per method, so that each is one operation with its own ID in the OpenAPI document
    router.add_api_route("/sparql", sparql, methods=["GET"], operation_id="sparql_get", response_class=Response,
                         openapi_extra={"parameters": query_parameters(
                             "query", "format", repeated=("default-graph-uri", "named-graph-uri"))},
                         summary="SPARQL 1.1 Protocol: query by GET; without a query, the service description",
                         description="A query in ?query=, answered in the media type Accept or ?format= asks for "
                                     "(the query page for browsers). Without a query: the service description, "
                                     "or the query page for browsers. Updates are refused (405): send them by POST.",
                         responses={200: answer("query results, RDF, the service description or the query page",
                                                GET_MEDIA_TYPES, ["Vary"]),
                                    **errors(400, 403, 405, 406, 413, 503)})
    router.add_api_route("/sparql", sparql, methods=["POST"], operation_id="sparql_post", response_class=Response,
                         openapi_extra={"parameters": query_parameters("format", repeated=GRAPH_PARAMETERS),
                                        "requestBody": POST_BODY},
                         summary="SPARQL 1.1 Protocol: query or update by POST",
                         description="Query (form or application/sparql-query body) or update (form or "
                                     "application/sparql-update body, behind the bearer token).",
                         responses={200: answer("query results, RDF, or the query page", POST_MEDIA_TYPES, ["Vary"]),
                                    204: answer("the update was applied"),
                                    **errors(400, 401, 403, 406, 413, 415, 503)})

    @router.api_route("/sparql/", methods=["GET", "POST"], include_in_schema=False)
    async def sparql_slash(request: Request) -> Response:
        return await endpoint.handle(request)

    return router
