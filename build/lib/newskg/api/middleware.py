"""What every request goes through: bounded bodies (413), security headers, gzip, CORS, and /static.

The body limit and the headers are one plain ASGI middleware (no per-request task or buffering), so the cheap
query path stays lean.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newskg.api.context import AppContext

STATIC_DIR = Path(__file__).parent / "static"
GZIP_MINIMUM_BYTES = 4096
HTML_SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
     b"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
]
ALWAYS = [(b"x-content-type-options", b"nosniff")]


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit:,} bytes (max_body_bytes)")


class GuardMiddleware:
    """Refuses bodies over the limit (by Content-Length up front, else while reading) and adds headers."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.limit = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _refuse(send, self.limit)
                return
        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + ALWAYS
                # a page that sets its own policy keeps it (a reconciliation preview must be framed by its client)
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers) and \
                        not any(k == b"content-security-policy" for k, _ in headers):
                    headers += HTML_SECURITY_HEADERS
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, bounded_receive, send_with_headers)


async def _refuse(send: Send, limit: int) -> None:
    body = f"Payload too large: the request body is larger than {limit:,} bytes (max_body_bytes)\n".encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *ALWAYS]})
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI, context: AppContext) -> None:
    settings = context.settings
    # added innermost first: CORS (outermost) sees every response, including 413s and errors
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES)
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
                           allow_headers=["Accept", "Authorization", "Content-Type"],
                           expose_headers=["Location", "Content-Type"], max_age=600)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
