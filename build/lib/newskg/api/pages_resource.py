"""What every resource page shows (LodView-style): all properties, and incoming links counted and paged per property.
Also the page of a named graph: its size, what it holds, its provenance, and its downloads."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from rdflib.term import Node

from newskg.api.page_queries import (GRAPH_PROVENANCE, GRAPH_SIZE, GRAPH_TYPES, INCOMING_COUNTS, OUTGOING, TYPES,
                              PageQueries, as_int, incoming_page)

OUTGOING_LIMIT = 1000
INCOMING_PER_PROPERTY = 20


@dataclass(frozen=True)
class IncomingRequest:
    """Which incoming property to page through (from ?incoming=&page= of the page URL)."""

    prop: str | None = None
    page: int = 1


def resource_links(queries: PageQueries, iri: str, incoming: IncomingRequest) -> dict[str, Any]:
    types = [r["type"] for r in queries.select(TYPES, s=iri)]
    outgoing: dict[Node, list[Node]] = {}
    rows = queries.select(OUTGOING, s=iri)
    for row in rows:
        outgoing.setdefault(row["p"], []).append(row["o"])
    groups = []
    for row in queries.select(INCOMING_COUNTS, s=iri):
        prop, total = str(row["p"]), as_int(row["n"])
        page = incoming.page if incoming.prop == prop else 1
        limit = INCOMING_PER_PROPERTY
        subjects = [r["x"] for r in incoming_page(queries, iri, prop, limit, (page - 1) * limit)]
        groups.append({"property": row["p"], "total": total, "subjects": subjects, "page": page,
                       "pages": max(1, -(-total // limit))})
    return {"types": types, "outgoing": outgoing, "outgoing_truncated": len(rows) >= OUTGOING_LIMIT,
            "incoming": groups}


def graph_summary(queries: PageQueries, graph: str) -> dict[str, Any]:
    return {
        "size": queries.count(GRAPH_SIZE, g=graph),
        "types": queries.select(GRAPH_TYPES, g=graph),
        "provenance": queries.select(GRAPH_PROVENANCE, g=graph),
    }


def iris_in(value: Any) -> list[Node]:
    """Every rdflib term inside a page's data (dicts, lists, rows, dataclasses), to label them all with one query."""
    found: list[Node] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
        elif is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in fields(item))
        elif isinstance(item, Node):
            found.append(item)
    return found
