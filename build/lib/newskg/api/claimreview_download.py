"""One allegation's ClaimReview (schema.org JSON-LD), for a fact-checker to download from the allegation's page.
The whole store's exports are among the dumps (api/dumps.py); both are written by exports/."""

from __future__ import annotations

import json

from fastapi import APIRouter
from fastapi.responses import Response

from newskg.api.context import AppContext
from newskg.api.openapi_responses import answer
from newskg.api.pages_deref import SAFE_SEGMENT
from newskg.exports.claimreview import MEDIA_TYPE, claimreview_document


def claimreview_path(allegation_key: str) -> str:
    return f"/dumps/claimreview/{allegation_key}.jsonld"


def build_router(context: AppContext) -> APIRouter:
    router = APIRouter(tags=["downloads"])

    @router.get("/dumps/claimreview/{key}.jsonld", response_class=Response,
                summary="One allegation as a schema.org ClaimReview around its Claim (JSON-LD), ready to be rated",
                responses={200: answer("the ClaimReview", [MEDIA_TYPE], ["Content-Disposition"]),
                           404: answer("no allegation by that key", ["text/plain"])})
    def allegation_claimreview(key: str) -> Response:
        document = None
        if SAFE_SEGMENT.fullmatch(key):
            iri = str(context.minter.iri_for_path(f"/id/allegation/{key}"))
            document = claimreview_document(context.store, iri)
        if document is None:
            return Response(f"No allegation {key}\n", status_code=404, media_type="text/plain")
        return Response(json.dumps(document, ensure_ascii=False, indent=1), media_type=MEDIA_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="claimreview-{key}.jsonld"'})

    return router
