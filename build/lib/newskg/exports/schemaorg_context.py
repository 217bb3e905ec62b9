"""The schema.org JSON-LD context from a shipped file, through a document loader that never goes to the network.

A JSON-LD processor (pyld, for one) calls loader(url, options) for each remote context; this one answers
schema.org's context URLs with exports/contexts/schemaorg-context.jsonld and refuses everything else.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from newskg.ingest.errors import InputError

CONTEXT_FILE = Path(__file__).resolve().parent / "contexts" / "schemaorg-context.jsonld"
SCHEMA_ORG = "https://schema.org"
CONTEXT_URLS = frozenset(f"{scheme}://schema.org{path}" for scheme in ("http", "https")
                         for path in ("", "/", "/docs/jsonldcontext.jsonld", "/docs/jsonldcontext.json"))


@lru_cache(maxsize=1)
def schema_org_context() -> dict[str, Any]:
    with CONTEXT_FILE.open(encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


def schema_org_document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-LD document loader (the LoadDocumentCallback of JSON-LD 1.1) that only knows schema.org's context."""
    if url not in CONTEXT_URLS:
        raise InputError(f"refusing to fetch {url}: only the shipped schema.org context is available offline")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": schema_org_context()}
