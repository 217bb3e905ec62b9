"""/network: who accuses whom in the whole store (or around one actor, `?actor=actor/<key>`), as a picture with its
plain list for browsers, and as JSON (nodes and edges) for `Accept: application/json` or `format=json`."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from newskg.api.context import AppContext
from newskg.api.negotiation import choose
from newskg.api.openapi_responses import answer, errors
from newskg.api.page_queries import PageQueries
from newskg.api.pages_render import Renderer
from newskg.api.pictures import network
from newskg.api.search_service import actor_iri


class NetworkPage:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.minter = context.minter
        self.renderer = Renderer(context.minter)

    def respond(self, request: Request, actor_value: str) -> Response:
        actor = actor_iri(self.minter, actor_value, "actor") or None
        queries = PageQueries(self.context.store)
        drawn = network(queries, self.renderer.href, actor)
        media = choose(request.headers.get("accept"), ("text/html", "application/json"),
                       format=request.query_params.get("format"))
        if media == "application/json":
            return JSONResponse(drawn, headers={"Vary": "Accept"})
        params = {"actor": actor_value} if actor_value else {}
        return self.renderer.page("network.html", title="Who accuses whom", network=drawn, actor=actor,
                                  labels=queries.labels([actor] if actor else []), queries=queries.log,
                                  json_link="/network?" + urlencode({**params, "format": "json"}),
                                  headers={"Vary": "Accept"})


def build_router(context: AppContext) -> APIRouter:
    page = NetworkPage(context)
    router = APIRouter(tags=["pages"])

    @router.get("/network", response_class=Response,
                summary="Who accuses whom: actors as nodes, allegations as edges from claimant to accused, with "
                        "their status and how many statements support or contest them",
                responses={200: answer("the network, as a page or as JSON", ["text/html", "application/json"],
                                       ["Vary"]), **errors(400, 406)})
    def network_route(request: Request, actor: str = Query("", max_length=2000,
                                                           description="around one actor: its IRI or page path")
                      ) -> Response:
        return page.respond(request, actor)

    return router
