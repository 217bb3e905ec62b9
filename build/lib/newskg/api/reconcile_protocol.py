"""The reconciliation API's JSON (W3C Entity Reconciliation CG, version 0.2, as OpenRefine speaks it): the service
manifest, query batches in and result batches out, suggest responses, data extension, and JSONP.

Bad input raises InputError with a message naming what is wrong; the router answers it with 400.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from newskg.api.reconcile_index import ActorEntry, ReconcileIndex
from newskg.api.reconcile_match import Candidate, EntityValue, PropertyValue, ReconcileQuery
from newskg.ingest.errors import InputError

VERSIONS = ["0.2"]
DEFAULT_LIMIT = 5
MAX_LIMIT = 100
MAX_BATCH = 100
MAX_EXTEND_IDS = 1000
PREVIEW_SIZE = (420, 240)
_CALLBACK = re.compile(r"[A-Za-z_$][\w$]{0,63}(?:\.[A-Za-z_$][\w$]{0,63}){0,4}")
_QUERY_KEYS = {"query", "type", "limit", "properties", "type_strict"}


@dataclass(frozen=True)
class ServiceProperty:
    id: str
    name: str
    description: str
    matching: bool           # usable in reconciliation queries, not only for data extension


PROPERTIES = [
    ServiceProperty("affiliation", "affiliation", "an actor it belongs to, works for or acts for", True),
    ServiceProperty("role", "role", "its role, title or description (\"foreign minister\")", True),
    ServiceProperty("wikidata", "Wikidata item", "the Wikidata item it is the same as (Q-id)", True),
    ServiceProperty("kind", "kind", "the kind of actor (person, state, intelligence agency…)", False),
    ServiceProperty("variants", "other names", "the other names it goes by, in the registry and in articles", False),
    ServiceProperty("iri", "IRI", "its IRI in the knowledge graph", False),
    ServiceProperty("mentions", "mentions", "how many times articles name it", False),
    ServiceProperty("articles", "articles", "how many articles name it", False),
    ServiceProperty("statements", "statements", "how many statements it made", False),
    ServiceProperty("allegations_made", "allegations made", "how many allegations it made", False),
    ServiceProperty("allegations_against", "allegations against", "how many allegations accuse it", False),
]
PROPERTY_BY_ID = {p.id: p for p in PROPERTIES}
MATCHING = sorted(p.id for p in PROPERTIES if p.matching)
COUNTED = {"articles", "statements", "allegations_made", "allegations_against"}


def manifest(root: str, identifier_space: str, schema_space: str, index: ReconcileIndex, version: str
             ) -> dict[str, Any]:
    """root: this server's URL, ending in '/'."""
    service = root.rstrip("/")
    return {
        "versions": VERSIONS,
        "name": "newskg actors",
        "identifierSpace": identifier_space,
        "schemaSpace": schema_space,
        "serviceVersion": version,
        "defaultTypes": [type_json(index, kind) for kind in sorted(index.classes)],
        "view": {"url": root + "id/{{id}}"},
        "preview": {"url": root + "reconcile/preview?id={{id}}", "width": PREVIEW_SIZE[0], "height": PREVIEW_SIZE[1]},
        "suggest": {kind: {"service_url": service, "service_path": f"/reconcile/suggest/{kind}"}
                    for kind in ("entity", "type", "property")},
        "extend": {"propose_properties": {"service_url": service, "service_path": "/reconcile/properties"},
                   "property_settings": []},
        "batchSize": MAX_BATCH,
    }


def type_json(index: ReconcileIndex, kind: str) -> dict[str, str]:
    return {"id": kind, "name": index.classes[kind].name}


def kind_id(index: ReconcileIndex, value: object) -> str:
    """A type as a client names it ("Person", "nkg:Person" or the class IRI) → its id; unknown types are an error."""
    text = str(value).strip()
    kind = re.split(r"[#:/]", text)[-1]
    if kind not in index.classes:
        raise InputError(f"unknown type {text!r}; the types are {', '.join(sorted(index.classes))}")
    return kind


def _loads(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InputError(f"{what} is not valid JSON: {error}") from error


def parse_batch(index: ReconcileIndex, text: str) -> dict[str, ReconcileQuery]:
    batch = _loads(text, "queries")
    if not isinstance(batch, dict) or not batch:
        raise InputError("queries must be a JSON object of queries by key, e.g. {\"q0\": {\"query\": \"NATO\"}}")
    if len(batch) > MAX_BATCH:
        raise InputError(f"a batch holds at most {MAX_BATCH} queries; this one has {len(batch)}")
    return {str(key): parse_query(index, str(key), query) for key, query in batch.items()}


def parse_query(index: ReconcileIndex, key: str, query: object) -> ReconcileQuery:
    if not isinstance(query, dict):
        raise InputError(f"query {key!r} must be an object with 'query' and/or 'properties'")
    unknown = set(query) - _QUERY_KEYS
    if unknown:
        raise InputError(f"query {key!r} has unknown fields {sorted(unknown)}; allowed: {sorted(_QUERY_KEYS)}")
    text = query.get("query")
    if text is not None and not isinstance(text, str):
        raise InputError(f"query {key!r}: 'query' must be a string")
    types = query.get("type", [])
    types = [types] if isinstance(types, str) else types
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise InputError(f"query {key!r}: 'type' must be a type id or a list of them")
    limit = query.get("limit", DEFAULT_LIMIT)
    whole = isinstance(limit, int) or (isinstance(limit, float) and limit.is_integer())
    if isinstance(limit, bool) or not whole or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"query {key!r}: 'limit' must be a whole number from 1 to {MAX_LIMIT}")
    properties = _parse_properties(key, query.get("properties", []))
    if not (text and text.strip()) and not properties:
        raise InputError(f"query {key!r} needs a non-empty 'query' or at least one property")
    return ReconcileQuery(text.strip() if text else None, frozenset(kind_id(index, t) for t in types), int(limit),
                          properties)


def _parse_properties(key: str, properties: object) -> tuple[tuple[str, tuple[PropertyValue, ...]], ...]:
    if not isinstance(properties, list):
        raise InputError(f"query {key!r}: 'properties' must be a list of {{\"pid\": ..., \"v\": ...}}")
    parsed = []
    for item in properties:
        if not isinstance(item, dict) or "pid" not in item or "v" not in item:
            raise InputError(f"query {key!r}: each property needs 'pid' and 'v'")
        pid = item["pid"]
        if pid not in MATCHING:
            raise InputError(f"query {key!r}: unknown property {pid!r}; matching uses {', '.join(MATCHING)}")
        values = item["v"] if isinstance(item["v"], list) else [item["v"]]
        parsed.append((pid, tuple(_property_value(key, v) for v in values)))
    return tuple(parsed)


def _property_value(key: str, value: object) -> PropertyValue:
    if isinstance(value, dict):
        if not isinstance(value.get("id"), str):
            raise InputError(f"query {key!r}: an entity value needs a string 'id'")
        return EntityValue(value["id"])
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"query {key!r}: property values are strings, numbers or {{\"id\": ...}}")


def describe(index: ReconcileIndex, entry: ActorEntry) -> str:
    """'intelligence agency · affiliated with Ukraine · named 5 times': enough to tell namesakes apart."""
    parts = [", ".join(kind.name for kind in index.most_specific(entry))]
    if entry.roles:
        parts.append("; ".join(sorted(entry.roles)))
    affiliated = sorted(index.by_iri[iri].name for iri in entry.affiliations if iri in index.by_iri)
    if affiliated:
        parts.append("affiliated with " + ", ".join(affiliated))
    if entry.mentions:
        parts.append(f"named {entry.mentions} time{'s' if entry.mentions != 1 else ''} in articles")
    return " · ".join(part for part in parts if part)


def candidate_json(index: ReconcileIndex, candidate: Candidate) -> dict[str, Any]:
    entry = candidate.entry
    return {"id": entry.id, "name": entry.name, "description": describe(index, entry),
            "type": [type_json(index, kind.id) for kind in index.most_specific(entry)],
            "score": candidate.score, "match": candidate.match,
            "features": [{"id": pid, "value": value} for pid, value in candidate.features]}


def suggest_entity_json(index: ReconcileIndex, entry: ActorEntry) -> dict[str, Any]:
    return {"id": entry.id, "name": entry.name, "description": describe(index, entry),
            "notable": [type_json(index, kind.id) for kind in index.most_specific(entry)]}


def parse_extension(text: str) -> tuple[list[str], list[str]]:
    """The ids and property ids of a data extension query: {"ids": [...], "properties": [{"id": ...}, ...]}."""
    query = _loads(text, "extend")
    if not isinstance(query, dict) or not isinstance(query.get("ids"), list) or \
            not isinstance(query.get("properties"), list):
        raise InputError("extend must be {\"ids\": [...], \"properties\": [{\"id\": ...}, ...]}")
    ids, properties = query["ids"], query["properties"]
    if len(ids) > MAX_EXTEND_IDS or not all(isinstance(i, str) for i in ids):
        raise InputError(f"extend: 'ids' must be at most {MAX_EXTEND_IDS} strings")
    pids = []
    for item in properties:
        pid = item.get("id") if isinstance(item, dict) else None
        if pid not in PROPERTY_BY_ID:
            raise InputError(f"extend: unknown property {pid!r}; the properties are {', '.join(PROPERTY_BY_ID)}")
        pids.append(str(pid))
    return ids, pids


def jsonp_callback(callback: str | None) -> str | None:
    if callback is None or callback == "":
        return None
    if not _CALLBACK.fullmatch(callback):
        raise InputError("callback must be a JavaScript name such as jsonp123 or cb.handle")
    return callback
