"""Bearer-token protection of writes (SPARQL Update, Graph Store writes, POST /articles); reads stay open.

No token configured (settings.write_token is None): writes are open, for local use only.
No or malformed Authorization header: 401 with a Bearer challenge. Wrong token: 403.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from ingest.errors import Forbidden
from ingest.settings import Settings


def require_write_token(request: Request, settings: Settings) -> None:
    expected = settings.write_token
    if expected is None:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "this write needs an 'Authorization: Bearer <token>' header",
                            headers={"WWW-Authenticate": 'Bearer realm="newskg"'})
    if not hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8")):
        raise Forbidden("the bearer token is not valid for writes")
