"""What the routers declare in the OpenAPI document: the media types of their answers and their error statuses.

Errors are rendered in one place (api.errors): JSON {"error", "detail"} for clients that ask for JSON, plain text
otherwise. Some routes answer 404 themselves (an HTML page, or plain text): they declare it with answer(). Routes pass `response_class=Response` so FastAPI adds no
application/json body of its own to the success answer.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, Iterable

TEXT_SCHEMA: dict[str, Any] = {"type": "string"}
ERROR_SCHEMA: dict[str, Any] = {"type": "object", "required": ["error", "detail"],
                                "properties": {"error": {"type": "string"}, "detail": {"type": "string"}}}
ERROR_CONTENT: dict[str, Any] = {"text/plain": {"schema": TEXT_SCHEMA}, "application/json": {"schema": ERROR_SCHEMA}}
WHY: dict[int, str] = {
    400: "malformed request: a parameter, query or body that cannot be read",
    401: "a write without an 'Authorization: Bearer' header (when the server has a write token)",
    403: "a wrong write token, or an operation this server refuses",
    404: "nothing here by that name",
    405: "the method is not allowed for this request",
    406: "none of the media types the request accepts can be produced",
    413: "the request body, or the result, is larger than the server allows",
    415: "the request body's Content-Type is not one this route reads",
    422: "the article does not conform to the shapes (the validation report)",
    503: "the query timed out, or the store is unavailable",
}


def content(media_types: Iterable[str], schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """An OpenAPI `content` map: each media type with the same schema (a string unless given)."""
    return {media_type: {"schema": schema or TEXT_SCHEMA} for media_type in media_types}


def answer(description: str, media_types: Iterable[str] = (), headers: Iterable[str] = ()) -> dict[str, Any]:
    """One success answer: its description, media types (none for an empty body) and headers."""
    declared: dict[str, Any] = {"description": description}
    body = content(media_types)
    if body:
        declared["content"] = body
    if headers:
        declared["headers"] = {name: {"schema": TEXT_SCHEMA} for name in headers}
    return declared


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Error answers as api.errors renders them."""
    return {status: {"description": WHY.get(status, HTTPStatus(status).phrase), "content": ERROR_CONTENT}
            for status in statuses}


def query_parameters(*names: str, repeated: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Optional query parameters that a handler reads from the raw request (FastAPI cannot see them)."""
    many = set(repeated)
    return [{"name": name, "in": "query", "required": False,
             "schema": {"type": "array", "items": TEXT_SCHEMA} if name in many else TEXT_SCHEMA,
             **({"style": "form", "explode": True} if name in many else {})} for name in (*names, *many)]


def request_body(media_types: Iterable[str], required: bool = True) -> dict[str, Any]:
    """A request body the handler reads itself: its media types, each a string."""
    return {"required": required, "content": content(media_types)}
