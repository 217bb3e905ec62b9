"""POST /articles: ingest one article over HTTP, through the same gate as the CLI.

Accepted: 201 with the outcome. Rejected by the shapes: 422 with the report as JSON, or as Turtle
(sh:ValidationReport) for `Accept: text/turtle`. Unreadable input: 400 naming what is wrong. Nothing is written
unless the article conforms.
"""

from __future__ import annotations

import threading
from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from newskg.api.auth import require_write_token
from newskg.api.context import AppContext
from newskg.api.jobs import enqueue_article
from newskg.api.openapi_responses import WHY, answer, content, errors, request_body
from newskg.ingest.errors import InputError
from newskg.ingest.extract.read import MetadataOverrides
from newskg.ingest.outcome import Status
from newskg.ingest.pipeline import Pipeline

MEDIA_TYPES = {"text/plain", "text/html", "application/xhtml+xml", "application/json"}


class _PipelineHolder:
    """The pipeline loads spaCy, the registry and the shapes: built on first use, then shared by requests."""

    def __init__(self, context: AppContext) -> None:
        self._context = context
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def get(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._context.settings, self._context.store)
            return self._pipeline

    def close(self) -> None:
        self._pipeline = None


def _overrides(title: str | None, publisher: str | None, author: list[str] | None, published: str | None,
               url: str | None) -> MetadataOverrides | None:
    if not any([title, publisher, author, published, url]):
        return None
    try:
        when = date.fromisoformat(published) if published else None
    except ValueError as error:
        raise InputError(f"parameter 'date' is not a YYYY-MM-DD date: {published!r}") from error
    return MetadataOverrides(title=title, publisher=publisher, authors=tuple(author) if author else None,
                             date=when, url=url)


def build_router(context: AppContext) -> APIRouter:
    router = APIRouter(tags=["articles"])
    holder = _PipelineHolder(context)
    context.services["pipeline"] = holder

    @router.post("/articles", status_code=201, summary="Ingest one article (plain text, HTML or JSON body)",
                 response_class=Response, openapi_extra={"requestBody": request_body(sorted(MEDIA_TYPES))},
                 responses={201: answer("the article was accepted and written: the outcome", ["application/json"]),
                            202: answer("queued (a queue is configured): the job's URL, also in Location",
                                        ["application/json"], ["Location"]),
                            200: answer("dry run: the article would be accepted", ["application/json"]),
                            422: {"description": WHY[422],
                                  "content": content(["application/json", "text/turtle"])},
                            **errors(400, 401, 403, 413, 503)})
    async def post_article(request: Request,
                     name: str = Query("article", max_length=200, description="a name for the input, for reports"),
                     title: str | None = Query(None, max_length=1000), publisher: str | None = Query(None, max_length=300),
                     author: list[str] | None = Query(None), date: str | None = Query(None, max_length=10),
                     url: str | None = Query(None, max_length=2000),
                     dry_run: bool = Query(False, description="validate only, write nothing")) -> Response:
        require_write_token(request, context.settings)
        media_type = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
        if media_type not in MEDIA_TYPES:
            raise InputError(f"unsupported Content-Type {media_type!r}; send one of {', '.join(sorted(MEDIA_TYPES))}")
        overrides = _overrides(title, publisher, author, date, url)
        body = await request.body()
        if context.settings.queue_url and not dry_run:
            return await run_in_threadpool(enqueue_article, context, request, body, name, media_type, overrides)
        # extraction and the write are blocking work: off the event loop
        outcome = await run_in_threadpool(
            lambda: holder.get().ingest_bytes(body, name, media_type, overrides, dry_run=dry_run))
        if outcome.status is Status.FAILED:
            raise InputError(outcome.message)
        if outcome.status is Status.REJECTED:
            if "text/turtle" in request.headers.get("accept", ""):
                return Response(outcome.report.to_turtle(), status_code=422, media_type="text/turtle")
            return JSONResponse(outcome.to_json(), status_code=422)
        return JSONResponse(outcome.to_json(), status_code=200 if dry_run else 201)

    return router
