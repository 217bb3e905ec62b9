"""A scraper's JSON object → the article's text or HTML, and its metadata.

Shape: {"url", "title", "text" | "html", "published", "authors" | "author", "publisher" | "source" | "site_name"};
a sidecar file (X.meta.json) has the same keys without text or html.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newskg.ingest.errors import InputError
from newskg.ingest.extract.read.fields import PageMetadata, metadata_from_mapping


@dataclass(frozen=True)
class JsonArticle:
    text: str | None
    html: str | None
    metadata: PageMetadata


def parse_object(text: str, name: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(f"{name}: not valid JSON (nested too deeply)") from exc
    try:  # JSON escapes can spell half of a UTF-16 pair, which no text (and no RDF literal) can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end].encode("unicode_escape").decode("ascii")
        raise InputError(f"{name}: JSON holds a lone UTF-16 surrogate ({bad}), which is not a character") from exc
    if not isinstance(data, dict):
        raise InputError(f"{name}: JSON must be an object with the article's fields, not a {type(data).__name__}")
    return data


def read_json(text: str, name: str) -> JsonArticle:
    data = parse_object(text, name)
    content: dict[str, str | None] = {}
    for key in ("text", "html"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name}: field {key!r} must be a string, not {type(value).__name__}")
        content[key] = value if value and value.strip() else None
    if content["text"] is None and content["html"] is None:
        raise InputError(f'{name}: JSON article needs a non-empty "text" or "html" field')
    return JsonArticle(text=content["text"], html=content["html"], metadata=metadata_from_mapping(data, name))


def read_sidecar(text: str, name: str) -> PageMetadata:
    return metadata_from_mapping(parse_object(text, name), name)
