"""Queued ingest over HTTP: with a queue configured (NEWSKG_QUEUE), POST /articles answers 202 with the job's URL,
and GET /jobs/{id} tells what became of the article: queued, running, accepted, rejected (with its report) or
failed (with its error). The server keeps no state of its own: jobs live in the queue, articles in the store."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from newskg.api.context import AppContext
from newskg.api.openapi_responses import answer, errors
from newskg.ingest.extract.read import MetadataOverrides


class QueueConnection:
    """One Redis connection pool per server, opened on first use."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._connection: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        from newskg.ingest.jobs import connect

        with self._lock:
            if self._connection is None:
                self._connection = connect(self._url)
            return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def queue_of(context: AppContext) -> QueueConnection | None:
    if not context.settings.queue_url:
        return None
    return context.services.setdefault("queue", QueueConnection(context.settings.queue_url))  # type: ignore[no-any-return]


def enqueue_article(context: AppContext, request: Request, body: bytes, name: str, media_type: str,
                    overrides: MetadataOverrides | None) -> Response:
    """202 Accepted, Location: the job's URL; the article is ingested by a `newskg worker`."""
    from newskg.ingest.jobs import ArticlePayload, enqueue

    queue = queue_of(context)
    assert queue is not None
    fields = {k: v for k, v in vars(overrides).items() if v is not None} if overrides else {}
    payload = ArticlePayload(name, body, context.settings.base_iri, None, media_type, fields)
    job_id = enqueue(queue.get(), payload, context.settings, source=name)
    url = str(request.url_for("job_state", job_id=job_id))
    return JSONResponse({"job": url, "id": job_id, "state": "queued", "source": name}, status_code=202,
                        headers={"Location": url})


def build_router(context: AppContext) -> APIRouter:
    router = APIRouter(tags=["articles"])

    @router.get("/jobs/{job_id}", name="job_state", summary="What became of a queued article",
                response_class=Response,
                responses={200: answer("the job's state (queued, running, accepted, rejected with its report, "
                                       "failed with its error)", ["application/json"]), **errors(404)})
    def job_state(job_id: str) -> Response:
        from newskg.ingest.jobs import job_state as state_of

        queue = queue_of(context)
        state = state_of(queue.get(), job_id) if queue is not None and len(job_id) <= 100 else None
        if state is None:
            raise HTTPException(404, f"no job {job_id!r}" if queue is not None else "this server has no queue")
        return JSONResponse(state.to_json())

    return router
