"""The one place that renders HTTP errors: newskg errors become statuses with readable messages, never tracebacks."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newskg.ingest.errors import (
    ExtractionError,
    Forbidden,
    InputError,
    NewskgError,
    QueryError,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    ValidationFailed,
)

log = logging.getLogger("newskg.api")

STATUS_FOR_ERROR: list[tuple[type[NewskgError], int]] = [
    (QueryTimeout, 503),
    (ResultTooLarge, 413),
    (QueryError, 400),
    (Forbidden, 403),
    (ValidationFailed, 422),
    (InputError, 400),
    (ExtractionError, 422),
    (StoreError, 503),
]


def status_for(error: NewskgError) -> int:
    for error_type, status in STATUS_FOR_ERROR:
        if isinstance(error, error_type):
            return status
    return 500


def error_response(request: Request, status: int, title: str, detail: str,
                   headers: dict[str, str] | None = None) -> Response:
    """JSON for clients that ask for it, plain text otherwise (pages render their own 404 page)."""
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return JSONResponse({"error": title, "detail": detail}, status_code=status, headers=headers)
    return PlainTextResponse(f"{title}: {detail}\n", status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewskgError)
    async def newskg_error(request: Request, error: NewskgError) -> Response:
        status = status_for(error)
        if status >= 500:
            log.warning("%s on %s: %s", type(error).__name__, request.url.path, error)
        return error_response(request, status, type(error).__name__, str(error))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
        return error_response(request, 400, "Bad request", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(request, error.status_code, "HTTP error", str(error.detail),
                              headers=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "Internal error", "the server failed to handle this request; see its log")
