"""Bearer-token protection of writes (SPARQL Update, Graph Store writes, POST /articles); reads stay open.

Safe by default: with no token configured, writes over HTTP are refused (403) unless they were opened explicitly
for local use (settings.allow_open_writes: `newskg serve --allow-open-writes` or NEWSKG_ALLOW_OPEN_WRITES=1).
With a token: no or malformed Authorization header is a 401 with a Bearer challenge, a wrong token a 403.
"""

from __future__ import annotations

import hmac
import logging

from fastapi import HTTPException, Request

from newskg.ingest.errors import Forbidden
from newskg.ingest.settings import Settings

log = logging.getLogger("newskg.api")
WRITES_SWITCHED_OFF = ("writes are switched off on this server: it has no write token. Start it with "
                       "NEWSKG_WRITE_TOKEN=<secret> and send 'Authorization: Bearer <secret>', or, for local use "
                       "only, with `newskg serve --allow-open-writes`")


def require_write_token(request: Request, settings: Settings) -> None:
    expected = settings.write_token
    if expected is None:
        if settings.allow_open_writes:
            return
        raise Forbidden(WRITES_SWITCHED_OFF)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "this write needs an 'Authorization: Bearer <token>' header",
                            headers={"WWW-Authenticate": 'Bearer realm="newskg"'})
    if not hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8")):
        raise Forbidden("the bearer token is not valid for writes")


def announce_write_policy(settings: Settings) -> None:
    """Said once at start, so that whoever runs the server knows who may change its data."""
    if settings.write_token is not None:
        log.info("writes over HTTP need the bearer token (NEWSKG_WRITE_TOKEN)")
    elif settings.allow_open_writes:
        log.warning("WRITES ARE OPEN: anyone who can reach this server can change or delete its data "
                    "(--allow-open-writes / NEWSKG_ALLOW_OPEN_WRITES). For anything but local use, set "
                    "NEWSKG_WRITE_TOKEN instead.")
    else:
        log.info("writes over HTTP are refused: no write token is set (NEWSKG_WRITE_TOKEN)")
