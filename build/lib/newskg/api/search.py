"""/search: one search box for names and words. A page for browsers, JSON for `Accept: application/json` (or
`format=json`) from the same URL, with the same results: names first, then articles, statements and allegations
with highlighted snippets, paged by kind, and the facets of the results with their counts."""

from __future__ import annotations

import logging
import math
import threading
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from rdflib import URIRef

from newskg.api.allegation_lines import allegation_lines
from newskg.api.context import AppContext
from newskg.api.negotiation import choose
from newskg.api.openapi_responses import answer, errors
from newskg.api.page_queries import PageQueries
from newskg.api.pages_render import Renderer
from newskg.api.pages_resource import iris_in
from newskg.api.pages_search import SearchService
from newskg.api.search_results import FACETS, Hit, Segment
from newskg.api.search_service import SearchAnswer, SearchRequest, TextSearch
from newskg.ingest.namespaces import NKG

log = logging.getLogger("newskg.api")
KIND_NAMES = {"article": "Articles", "statement": "Quotes and statements", "allegation": "Allegations"}
FACET_NAMES = {"outlet": "Outlet", "actor": "Actor", "actor_type": "Actor type", "stance": "Stance",
               "status": "Allegation status", "date": "Date", "kind": "Kind", "from": "From", "to": "To",
               "sort": "Sorted by"}
# request parameters that narrow the results, as the URL names them; changing one goes back to the first page
FILTER_PARAMETERS = ("kind", "outlet", "actor", "actor_type", "stance", "status", "from", "to", "sort")


def _segments_json(segments: list[Segment]) -> list[dict[str, Any]]:
    return [{"text": text, "match": matched} for text, matched in segments]


def _text(segments: list[Segment]) -> str:
    return "".join(text for text, _ in segments)


class SearchPage:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.renderer = Renderer(context.minter)
        self.names = SearchService(context.store, context.minter)
        self.text = TextSearch(context, self.names)

    def respond(self, request: Request, wanted: SearchRequest) -> Response:
        media = choose(request.headers.get("accept"), ("text/html", "application/json"),
                       format=request.query_params.get("format"))
        found = self.text.answer(wanted)
        if media == "application/json":
            return JSONResponse(self.as_json(request, found), headers={"Vary": "Accept"})
        return self.as_page(request, found)

    # --- JSON -------------------------------------------------------------------------------------------
    def as_json(self, request: Request, found: SearchAnswer) -> dict[str, Any]:
        wanted, results = found.request, found.results
        filters = {name: getattr(found.filters, name) for name in FACETS}
        filters.update({"from": found.filters.date_from, "to": found.filters.date_to})
        return {
            "query": wanted.q, "kind": wanted.kind or None, "page": wanted.page, "sort": wanted.sort,
            "filters": {name: value for name, value in filters.items() if value},
            "loosened": results.level if results.level and results.level != "as typed" else None,
            "complete": found.complete,
            "results": [{"iri": h.iri, "label": h.label, "kind": h.kind, "score": round(h.score, 1)}
                        for h in found.names],
            "groups": [{"kind": kind, "total": group.total, "page": wanted.page,
                        "pages": max(1, math.ceil(group.total / wanted.size)),
                        "hits": [self._hit_json(request, hit) for hit in group.hits]}
                       for kind, group in results.groups.items()],
            "facets": {name: [{"value": value, "count": count, "selected": self._selected(found, name, value)}
                              for value, count in values] for name, values in results.facets.items()},
        }

    def _hit_json(self, request: Request, hit: Hit) -> dict[str, Any]:
        base = str(request.base_url).rstrip("/")
        return {"iri": hit.iri, "kind": hit.kind, "page": base + self.renderer.href(hit.iri), "title": _text(hit.title),
                "title_marked": _segments_json(hit.title), "snippet": _segments_json(hit.snippet),
                "article": hit.article or None, "date": hit.date or None, "score": hit.score}

    @staticmethod
    def _selected(found: SearchAnswer, name: str, value: str) -> bool:
        if name == "date":
            return found.filters.date_from == found.filters.date_to == value
        return getattr(found.filters, name, "") == value

    # --- the page ---------------------------------------------------------------------------------------
    def as_page(self, request: Request, found: SearchAnswer) -> Response:
        queries = PageQueries(self.context.store)
        facets = found.results.facets
        iris = [v for name in ("outlet", "actor") for v, _ in facets[name]] + [found.filters.outlet, found.filters.actor]
        iris += [h.iri for h in found.names]
        iris += [hit.article for group in found.results.groups.values() for hit in group.hits if hit.article]
        iris += [str(NKG[v]) for v, _ in facets["actor_type"]] + ([str(NKG[found.filters.actor_type])]
                                                                     if found.filters.actor_type else [])
        group = found.results.groups.get("allegation")
        allegations = [URIRef(hit.iri) for hit in group.hits] if group is not None else []
        lines = allegation_lines(queries, allegations) if allegations else {}
        labels = queries.labels([i for i in iris if i] + iris_in(lines))
        links = _Links(request)
        wanted = found.request
        title = f"Search: {wanted.q}" if wanted.q else "Search"
        filters = found.filters
        values = {"outlet": filters.outlet, "actor": filters.actor, "from": filters.date_from, "to": filters.date_to}
        active = [(name, values.get(name) or links.params[name]) for name in FILTER_PARAMETERS if links.params.get(name)]
        return self.renderer.page(
            "search.html", title=title, q=wanted.q, found=found, labels=labels, lines=lines, links=links, active=active,
            kind_names=KIND_NAMES, facet_names=FACET_NAMES, nkg=str(NKG), selected=self._selected,
            pages={kind: max(1, math.ceil(group.total / wanted.size)) for kind, group in found.results.groups.items()},
            json_link=links.with_changes(format="json"), headers={"Vary": "Accept"})


class _Links:
    """Links to the same search with one parameter changed (a facet chosen or dropped, another page)."""

    def __init__(self, request: Request) -> None:
        self.params = {k: v for k, v in request.query_params.items() if v and k != "format"}

    def with_changes(self, **changes: str | None) -> str:
        params = dict(self.params)
        if any(name in FILTER_PARAMETERS or name == "q" for name in changes):
            params.pop("page", None)
        for name, value in changes.items():
            if value:
                params[name] = value
            else:
                params.pop(name, None)
        return "/search" + ("?" + urlencode(params) if params else "")

    def facet(self, name: str, value: str, selected: bool) -> str:
        if name == "date":
            if selected:
                return self.with_changes(**{"from": None, "to": None})
            return self.with_changes(**{"from": value, "to": value})
        return self.with_changes(**{name: None if selected else value})


def _warm_up(page: SearchPage) -> None:
    """Build the name index and bring the text index up to date before the first visitor asks."""
    try:
        page.names.index()
        page.text.sync.bring_up_to_date()
    except Exception:  # the store closed under it (a short-lived app); the first search does it instead
        log.debug("warming the search indexes stopped", exc_info=True)


def build_router(context: AppContext) -> APIRouter:
    page = SearchPage(context)
    context.services["search"] = page.text
    threading.Thread(target=_warm_up, args=(page,), name="newskg-warm-search", daemon=True).start()
    router = APIRouter(tags=["search"])

    @router.get("/search", response_class=Response,
                summary="Search: actors by name (forgiving of spelling); articles, statements and allegations by "
                        "their words, with snippets, filters and facets",
                description='Words are all required ("quoted phrases" in order, word* as a prefix, -word to '
                            "leave out); when nothing has them all, the words are loosened (any order, then any of "
                            "them) and `loosened` says so. With no words, every document of the kinds asked for, "
                            "newest first.",
                responses={200: answer("the results, as a page or as JSON", ["text/html", "application/json"],
                                       ["Vary"]), **errors(400, 406)})
    def search(request: Request, q: str = Query("", max_length=200),
               kind: str = Query("", description="article, statement or allegation: one kind, paged"),
               outlet: str = Query("", max_length=2000, description="the outlet's IRI or page path (actor/<key>)"),
               actor: str = Query("", max_length=2000, description="an actor's IRI, page path or name"),
               actor_type: str = Query("", max_length=100, description="a kind of actor: Person, State, ..."),
               stance: str = Query("", max_length=100, description="denies, supports, ..."),
               status: str = Query("", max_length=100, description="an allegation's status: disputed, ..."),
               date_from: str = Query("", alias="from", max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD"),
               date_to: str = Query("", alias="to", max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD"),
               page_number: int = Query(1, alias="page", ge=1, le=10_000),
               sort: str = Query("relevance", description="relevance or date (newest first)")) -> Response:
        wanted = SearchRequest(q=q, kind=kind, outlet=outlet, actor=actor, actor_type=actor_type, stance=stance,
                               status=status, date_from=date_from, date_to=date_to, page=page_number, sort=sort)
        return page.respond(request, wanted)

    return router
