"""Linked-data pages: home, and every minted IRI (/id/..., /graph/...) as HTML or RDF.

Included last by create_app(): it owns `/` and the catch-all resource routes. Handlers are plain `def` (FastAPI runs
them in its thread pool) and every query behind them is bounded.
"""

from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from newskg.api import pictures
from newskg.api.context import AppContext
from newskg.api.negotiation import choose
from newskg.api.openapi_responses import answer, errors
from newskg.api.page_queries import DESCRIBE, EXISTS, PageQueries
from newskg.api.pages_actor import actor_page
from newskg.api.pages_article import article_page, statement_page
from newskg.api.pages_claims import allegation_page, cluster_page
from newskg.api.pages_deref import (GRAPH_MEDIA_TYPES, RESOURCE_MEDIA_TYPES, SAFE_SEGMENT, Wanted, graph_rdf,
                             representation_headers, resource_rdf, split_suffix, wanted)
from newskg.api.pages_home import HomeSummary
from newskg.api.pages_render import GRAPH_ALTERNATES, RDF_ALTERNATES, Renderer
from newskg.api.pages_resource import IncomingRequest, graph_summary, iris_in, resource_links
from newskg.ingest.namespaces import NKG
from newskg.ingest.term_pages import term_page

log = logging.getLogger("newskg.api")
ACTOR_CLASSES = frozenset(str(NKG[name]) for name in (
    "Actor", "Person", "Organization", "State", "GovernmentBody", "IntelligenceAgency", "ArmedGroup", "MediaOutlet",
    "ThinkTank", "AcademicInstitution", "SocialMediaAccount", "ActorGroup", "AnonymousSource"))
NOT_FOUND = answer("nothing by that name: a page for browsers, plain text otherwise", ["text/html", "text/plain"])
PAGE_BY_CLASS = {str(NKG.NewsArticle): "article", str(NKG.Allegation): "allegation",
                 str(NKG.Statement): "statement", str(NKG.Reaction): "statement",
                 str(NKG.AllegationCluster): "cluster", str(NKG.QuoteCluster): "cluster", str(NKG.Cluster): "cluster"}


def page_kind(types: set[str]) -> str:
    if types & ACTOR_CLASSES:
        return "actor"
    for type_ in sorted(types):
        if type_ in PAGE_BY_CLASS:
            return PAGE_BY_CLASS[type_]
    return "resource"


class Pages:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.store = context.store
        self.minter = context.minter
        self.renderer = Renderer(context.minter)
        self.home_summary = HomeSummary(context.store)

    def not_found(self, request: Request, what: str) -> Response:
        accept = request.headers.get("accept") or ""
        if "text/html" in accept or "*/*" in accept or not accept:
            return self.renderer.page("not_found.html", status=404, what=what, title="Not found")
        return Response(f"Not found: {what}\n", status_code=404, media_type="text/plain")

    # --- pages ---------------------------------------------------------------------------------------
    def home(self) -> Response:
        data, queries = self.home_summary.get()
        return self.renderer.page("home.html", title="newskg", data=data, labels=data["labels"], queries=queries,
                                  refreshing=self.home_summary.cache.stale)

    def resource(self, request: Request, path: str, incoming: IncomingRequest) -> Response:
        stem, _ = split_suffix(path)
        segments = stem.strip("/").split("/")
        if len(segments) != 3 or not all(SAFE_SEGMENT.fullmatch(s) for s in segments[1:]):
            return self.not_found(request, path)
        want = wanted(request, path, RESOURCE_MEDIA_TYPES)
        iri = str(self.minter.iri_for_path(want.path))
        queries = PageQueries(self.store)
        if not queries.ask(EXISTS, s=iri):
            return self.not_found(request, iri)
        if not want.html:
            return resource_rdf(queries, iri, want)
        return self._resource_html(queries, iri, want, incoming, representation_headers(want, RDF_ALTERNATES))

    def any_resource(self, request: Request, iri: str, incoming: IncomingRequest) -> Response:
        """Pages for IRIs newskg does not mint (ontology terms, concepts): /resource?iri=..."""
        if self.minter.is_minted(iri) or term_page(iri) is not None:   # a page of its own
            return RedirectResponse(self.renderer.href(iri), status_code=303)
        want = Wanted("/resource", choose(request.headers.get("accept"), RESOURCE_MEDIA_TYPES,
                                          format=request.query_params.get("format")), by_suffix=False)
        queries = PageQueries(self.store)
        try:
            exists = queries.ask(EXISTS, s=iri)
        except ValueError:
            exists = False
        if not exists:
            return self.not_found(request, iri)
        if not want.html:
            response = resource_rdf(queries, iri, want)
            del response.headers["link"]
            return response
        return self._resource_html(queries, iri, want, incoming, {"Vary": "Accept"})

    def graph(self, request: Request, path: str) -> Response:
        stem, _ = split_suffix(path)
        if not all(SAFE_SEGMENT.fullmatch(s) for s in stem.strip("/").split("/")[1:]):
            return self.not_found(request, path)
        want = wanted(request, path, GRAPH_MEDIA_TYPES)
        graph = str(self.minter.iri_for_path(want.path))
        if not self.store.has_graph(graph):
            return self.not_found(request, graph)
        if not want.html:
            return graph_rdf(self.store, graph, want, head_only=request.method == "HEAD")
        queries = PageQueries(self.store)
        summary = graph_summary(queries, graph)
        labels = queries.labels(iris_in(summary))
        return self.renderer.page(
            "graph.html", headers=representation_headers(want, GRAPH_ALTERNATES), title=f"Graph {want.path}",
            iri=graph, path=want.path, summary=summary, labels=labels, queries=queries.log,
            rdf_links=self._rdf_links(want.path, GRAPH_ALTERNATES),
            graph_query=f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")

    # --- helpers -------------------------------------------------------------------------------------
    def _resource_html(self, queries: PageQueries, iri: str, want: Wanted, incoming: IncomingRequest,
                       headers: dict[str, str]) -> Response:
        links = resource_links(queries, iri, incoming)
        kind = page_kind({str(t) for t in links["types"]})
        if kind == "resource" and want.path.startswith(("/id/actor/", "/id/source/")):
            kind = "actor"
        href = self.renderer.href
        builders = {"actor": lambda: actor_page(queries, iri), "allegation": lambda: allegation_page(queries, iri),
                    "cluster": lambda: cluster_page(queries, iri), "article": lambda: article_page(queries, iri, href),
                    "statement": lambda: statement_page(queries, iri, href)}
        data: dict[str, Any] = builders[kind]() if kind in builders else {}
        drawn = pictures.for_page(kind, queries, href, iri)
        labels = queries.labels(iris_in([links, data]) + [iri])
        if want.path == "/resource":
            rdf_links = [(name, "/resource?" + urlencode({"iri": iri, "format": suffix}))
                         for suffix, _, name in RDF_ALTERNATES]
        else:
            rdf_links = self._rdf_links(want.path, RDF_ALTERNATES)
        return self.renderer.page(
            f"{kind}.html", headers=headers, title=labels.get(iri) or self.renderer.short(iri), iri=iri,
            path=want.path, kind=kind, links=links, data=data, labels=labels, queries=queries.log,
            describe_query=queries.text(DESCRIBE, s=iri), rdf_links=rdf_links, incoming_request=incoming,
            pictures=drawn)

    @staticmethod
    def _rdf_links(path: str, alternates: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
        return [(name, f"{path}.{suffix}") for suffix, _, name in alternates]


def _warm_up(pages: Pages) -> None:
    """Compute the home figures before the first visitor asks (seconds on a big store)."""
    try:
        pages.home_summary.get()
    except Exception:  # the store closed under it (a short-lived app); the first request computes instead
        log.debug("warming the page caches stopped", exc_info=True)


def build_router(context: AppContext) -> APIRouter:
    pages = Pages(context)
    context.services["pages"] = pages
    threading.Thread(target=_warm_up, args=(pages,), name="newskg-warm-pages", daemon=True).start()
    router = APIRouter(tags=["pages"])

    @router.get("/", include_in_schema=False)
    def home() -> Response:
        return pages.home()

    @router.get("/resource", summary="Page (or RDF) of any resource in the store, minted by newskg or not",
                response_class=Response,
                responses={200: answer("the resource's page or its description in RDF", RESOURCE_MEDIA_TYPES),
                           303: answer("a minted IRI or a vocabulary term: see its own page", headers=["Location"]),
                           404: NOT_FOUND, **errors(400, 406)})
    def any_resource(request: Request, iri: str = Query(..., max_length=2000), incoming: str | None = None,
                     page: int = Query(1, ge=1, le=100_000)) -> Response:
        return pages.any_resource(request, iri, IncomingRequest(incoming, page))

    def resource(request: Request, kind: str, key: str, incoming: str | None = None,
                 page: int = Query(1, ge=1, le=100_000)) -> Response:
        return pages.resource(request, f"/id/{kind}/{key}", IncomingRequest(incoming, page))

    def graph(request: Request, name: str) -> Response:
        return pages.graph(request, f"/graph/{name}")

    # one route per method, so that each is one operation with its own ID in the OpenAPI document
    for method in ("GET", "HEAD"):
        router.add_api_route("/id/{kind}/{key}", resource, methods=[method], response_class=Response,
                             operation_id=f"resource_{method.lower()}",
                             summary="A minted IRI: HTML for browsers; Turtle, JSON-LD, N-Triples, RDF/XML by "
                                     "Accept or suffix",
                             responses={200: answer("the resource's page or its description in RDF",
                                                    RESOURCE_MEDIA_TYPES, ["Link", "Vary"]),
                                        404: NOT_FOUND, **errors(400, 406)})

    @router.api_route("/id/{rest:path}", methods=["GET", "HEAD"], include_in_schema=False)
    def not_an_iri(request: Request, rest: str) -> Response:
        return pages.not_found(request, f"/id/{rest}")

    for method in ("GET", "HEAD"):
        router.add_api_route("/graph/{name:path}", graph, methods=[method], response_class=Response,
                             operation_id=f"graph_{method.lower()}",
                             summary="A named graph: a page for browsers, its content as RDF by Accept or suffix",
                             responses={200: answer("the graph's page or its content in RDF", GRAPH_MEDIA_TYPES,
                                                    ["Link", "Vary"]),
                                        404: NOT_FOUND, **errors(406)})

    return router

