"""/reconcile: the W3C Entity Reconciliation API (version 0.2, as OpenRefine speaks it) over newskg's actors.

GET /reconcile is the service manifest; GET or POST with `queries` (a JSON batch, the form field OpenRefine sends)
reconciles names; with `extend`, fetches properties of reconciled actors. Preview pages, suggest services for
entities, types and properties, and property proposals sit under /reconcile/. Every answer allows any origin (the
spec asks for CORS on every endpoint; this is public, read-only data) and takes a JSONP `callback`.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from newskg.api.context import AppContext
from newskg.api.errors import error_response
from newskg.api.openapi_responses import answer, content, errors
from newskg.api.pages_render import Renderer
from newskg.api.reconcile_index import ReconcileIndex, ReconcileIndexCache, fold
from newskg.api.reconcile_match import reconcile, suggest_entities
from newskg.api.reconcile_protocol import (COUNTED, PROPERTIES, PROPERTY_BY_ID, candidate_json, describe, jsonp_callback,
                                    kind_id, manifest, parse_batch, parse_extension, suggest_entity_json, type_json)
from newskg.api.reconcile_queries import COUNTS
from newskg.exports.rows import iri_values, select
from newskg.ingest import __version__
from newskg.ingest.errors import InputError
from newskg.ingest.namespaces import NKG

CORS = {"Access-Control-Allow-Origin": "*"}
SUGGEST_PAGE = 10
# a preview is shown inside the client's page: it may be framed by anyone, and needs nothing but its own styles
PREVIEW_HEADERS = {**CORS, "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                   "frame-ancestors *; base-uri 'none'; form-action 'none'", "Referrer-Policy": "no-referrer"}


def json_or_jsonp(description: str) -> dict[str, Any]:
    """A JSON object, or with `callback` the same wrapped in a JavaScript call."""
    return {"description": description, "headers": {"Access-Control-Allow-Origin": {"schema": {"type": "string"}}},
            "content": {**content(["application/json"], {"type": "object"}), **content(["application/javascript"])}}


class ReconcileService:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.index_cache = ReconcileIndexCache(context.store, context.minter)
        self.renderer = Renderer(context.minter)

    @property
    def index(self) -> ReconcileIndex:
        return self.index_cache.get()

    def answer(self, request: Request, payload: Any, callback: str | None) -> Response:
        try:
            name = jsonp_callback(callback)
        except InputError as error:
            return self.bad_request(request, error)
        if name is None:
            return JSONResponse(payload, headers=CORS)
        body = f"/**/{name}({json.dumps(payload, ensure_ascii=False)});"
        return Response(body, media_type="application/javascript", headers=CORS)

    @staticmethod
    def bad_request(request: Request, error: InputError) -> Response:
        return error_response(request, 400, "Bad request", str(error), headers=CORS)

    def endpoint(self, request: Request, queries: str | None, extend: str | None, callback: str | None) -> Response:
        try:
            if queries and extend:
                raise InputError("send either queries or extend, not both")
            if queries:
                index = self.index
                batch = parse_batch(index, queries)
                payload: Any = {key: {"result": [candidate_json(index, c) for c in reconcile(index, query)]}
                                for key, query in batch.items()}
            elif extend:
                payload = self.extend(*parse_extension(extend))
            else:
                payload = manifest(str(request.base_url), self.context.minter.id_base, str(NKG), self.index,
                                   __version__)
        except InputError as error:
            return self.bad_request(request, error)
        return self.answer(request, payload, callback)

    def counts(self, iris: list[str]) -> dict[str, dict[str, int]]:
        found: dict[str, dict[str, int]] = {iri: {} for iri in iris}
        if iris:
            for row in select(self.context.store, COUNTS.replace("$actors", iri_values("actor", iris))):
                found[row["actor"]][row["what"]] = int(row["n"])
        return found

    def extend(self, ids: list[str], pids: list[str]) -> dict[str, Any]:
        index = self.index
        entries = {i: index.by_id[i] for i in ids if i in index.by_id}
        counted = self.counts([e.iri for e in entries.values()]) if set(pids) & COUNTED else {}
        rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for i in ids:
            entry = entries.get(i)
            rows[i] = {pid: self._values(index, entry, pid, counted) if entry else [] for pid in pids}
        meta: list[dict[str, Any]] = []
        for pid in pids:
            column: dict[str, Any] = {"id": pid, "name": PROPERTY_BY_ID[pid].name}
            if pid == "affiliation":
                column["type"] = type_json(index, "Actor")
            meta.append(column)
        return {"meta": meta, "rows": rows}

    @staticmethod
    def _values(index: ReconcileIndex, entry: Any, pid: str, counted: dict[str, dict[str, int]]
                ) -> list[dict[str, Any]]:
        if pid == "affiliation":
            return [{"id": index.by_iri[iri].id, "name": index.by_iri[iri].name} if iri in index.by_iri
                    else {"str": iri} for iri in sorted(entry.affiliations)]
        if pid == "role":
            return [{"str": role} for role in sorted(entry.roles)]
        if pid == "wikidata":
            return [{"str": same.rsplit("/", 1)[-1]} for same in sorted(entry.same_as) if "wikidata.org" in same]
        if pid == "kind":
            return [{"str": kind.name} for kind in index.most_specific(entry)]
        if pid == "variants":
            return [{"str": name} for name in sorted(entry.names - {entry.name})]
        if pid == "iri":
            return [{"str": entry.iri}]
        if pid == "mentions":
            return [{"int": entry.mentions}]
        return [{"int": counted.get(entry.iri, {}).get(pid, 0)}]

    def preview(self, request: Request, entity_id: str) -> Response:
        index = self.index
        entry = index.by_id.get(entity_id)
        if entry is None:
            return HTMLResponse(self.renderer.render("reconcile_preview.html", entry=None, id=entity_id),
                                status_code=404, headers=PREVIEW_HEADERS)
        affiliated = [index.by_iri[iri] for iri in sorted(entry.affiliations) if iri in index.by_iri]
        body = self.renderer.render("reconcile_preview.html", entry=entry, id=entity_id, root=str(request.base_url),
                                    kinds=index.most_specific(entry), affiliated=affiliated,
                                    others=sorted(entry.names - {entry.name}),
                                    description=describe(index, entry), counts=self.counts([entry.iri])[entry.iri])
        return HTMLResponse(body, headers=PREVIEW_HEADERS)

    def suggest_entity(self, prefix: str, kind: str | None, cursor: int) -> dict[str, Any]:
        index = self.index
        kinds = frozenset({kind_id(index, kind)}) if kind else frozenset()
        found = suggest_entities(index, prefix, kinds)[cursor:cursor + SUGGEST_PAGE]
        return {"result": [suggest_entity_json(index, entry) for entry in found]}

    def suggest_type(self, prefix: str, cursor: int) -> dict[str, Any]:
        index, wanted = self.index, fold(prefix)
        kinds = [kind for kind in sorted(index.classes)
                 if _starts_a_word(wanted, fold(kind)) or _starts_a_word(wanted, fold(index.classes[kind].name))]
        return {"result": [{**type_json(index, kind), "description": index.classes[kind].description}
                           for kind in kinds[cursor:cursor + SUGGEST_PAGE]]}

    @staticmethod
    def suggest_property(prefix: str, cursor: int) -> dict[str, Any]:
        wanted = fold(prefix)
        found = [p for p in PROPERTIES if _starts_a_word(wanted, fold(p.id.replace("_", " "))) or
                 _starts_a_word(wanted, fold(p.name))]
        return {"result": [{"id": p.id, "name": p.name, "description": p.description}
                           for p in found[cursor:cursor + SUGGEST_PAGE]]}

    def propose_properties(self, kind: str, limit: int | None) -> dict[str, Any]:
        chosen = kind_id(self.index, kind)
        shown = PROPERTIES[:limit] if limit else PROPERTIES
        proposal: dict[str, Any] = {"type": chosen, "properties": [{"id": p.id, "name": p.name} for p in shown]}
        if limit:
            proposal["limit"] = limit
        return proposal


def _starts_a_word(prefix: str, text: str) -> bool:
    """'' matches everything; 'intel' matches 'intelligence agency' and 'foreign intelligence'."""
    return not prefix or f" {text}".find(f" {prefix}") >= 0


def build_router(context: AppContext) -> APIRouter:
    service = ReconcileService(context)
    router = APIRouter(tags=["reconciliation"])
    answers = {200: json_or_jsonp("the manifest, a result batch or a data extension response (JSONP with callback)"),
               **errors(400, 413)}

    @router.get("/reconcile", summary="Reconciliation service (W3C Entity Reconciliation API 0.2): the manifest, or "
                "a batch of queries, or a data extension", response_class=Response, responses=answers)
    def reconcile_get(request: Request, queries: str | None = None, extend: str | None = None,
                      callback: str | None = Query(None, max_length=400)) -> Response:
        return service.endpoint(request, queries, extend, callback)

    @router.post("/reconcile", summary="Reconciliation queries or data extension, as the form fields OpenRefine "
                 "sends (queries=..., extend=...)", response_class=Response, responses=answers)
    def reconcile_post(request: Request, queries: str | None = Form(None), extend: str | None = Form(None),
                       callback: str | None = Form(None, max_length=400)) -> Response:
        if queries is None and extend is None:
            return service.bad_request(request, InputError("POST /reconcile needs a 'queries' or 'extend' form field"))
        return service.endpoint(request, queries, extend, callback)

    @router.get("/reconcile/preview", summary="A small HTML preview of an actor, for the client's pop-up",
                response_class=Response, responses={200: answer("the preview", ["text/html"]),
                                                    404: answer("no actor by that id", ["text/html"]),
                                                    **errors(400)})
    def preview(request: Request, id: str = Query(..., max_length=300)) -> Response:  # noqa: A002 - the spec's name
        return service.preview(request, id)

    def suggest(request: Request, make: Any, callback: str | None) -> Response:
        try:
            payload = make()
        except InputError as error:
            return service.bad_request(request, error)
        return service.answer(request, payload, callback)

    suggested = {200: json_or_jsonp("the suggestions (JSONP with callback)"), **errors(400)}

    @router.get("/reconcile/suggest/entity", summary="Actors whose names start with the prefix",
                response_class=Response, responses=suggested)
    def suggest_entity(request: Request, prefix: str = Query(..., max_length=200),
                       type: str | None = Query(None, max_length=200),  # noqa: A002 - the spec's name
                       cursor: int = Query(0, ge=0, le=10_000), callback: str | None = Query(None, max_length=400)
                       ) -> Response:
        return suggest(request, lambda: service.suggest_entity(prefix, type, cursor), callback)

    @router.get("/reconcile/suggest/{what}", summary="Kinds of actor (type) or properties (property) whose names "
                "start with the prefix", response_class=Response, responses=suggested)
    def suggest_type_or_property(request: Request, what: Literal["type", "property"],
                                 prefix: str = Query(..., max_length=200), cursor: int = Query(0, ge=0, le=10_000),
                                 callback: str | None = Query(None, max_length=400)) -> Response:
        if what == "type":
            return suggest(request, lambda: service.suggest_type(prefix, cursor), callback)
        return suggest(request, lambda: service.suggest_property(prefix, cursor), callback)

    @router.get("/reconcile/properties", summary="Properties to fetch by data extension for a type",
                response_class=Response, responses=suggested)
    def propose_properties(request: Request, type: str = Query(..., max_length=200),  # noqa: A002
                           limit: int | None = Query(None, ge=1, le=100),
                           callback: str | None = Query(None, max_length=400)) -> Response:
        return suggest(request, lambda: service.propose_properties(type, limit), callback)

    return router
