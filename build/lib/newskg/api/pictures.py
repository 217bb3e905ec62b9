"""The pictures' data: a network of who accuses whom (actors as nodes, allegations as edges from claimant to
accused, with their status and how many statements support or contest them), an actor's timeline and an
allegation's appearances across outlets. The same data is drawn in the browser (api/static/pictures.js, with
ECharts) and written out as the plain lists that stand in for the drawing without JavaScript.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Callable

from newskg.api.allegation_responses import SIDE_OF
from newskg.api.page_queries import PageQueries, Row, as_int, local_name_of, values_block
from newskg.api.pictures_queries import (
    ACTOR_IS_PARTY,
    ACTOR_KINDS,
    ACTOR_TIMELINE,
    APPEARANCES,
    COUNT_EDGES,
    EDGES,
    EVERY_ALLEGATION,
    RESPONSES,
)
from newskg.ingest.namespaces import NKG

STORE_EDGES = 200       # the whole store's network shows its newest allegations
ACTOR_EDGES = 150
TIMELINE_ITEMS = 300
APPEARANCES_LIMIT = 300
LANES = {"alleged": "Alleged", "accused": "Accused of", "said": "Said"}
Href = Callable[[object], str]


def _filled(body: str, **parts: str) -> str:
    for name, value in parts.items():
        body = body.replace(f"${name}", value)
    return body


def _responses(queries: PageQueries, allegations: list[str]) -> dict[str, Counter[str]]:
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    for start in range(0, len(allegations), 200):
        block = values_block("allegation", allegations[start:start + 200])
        for row in queries.select(RESPONSES.replace("$allegations", block)):
            stance = local_name_of(row["stance"])
            side = SIDE_OF.get(stance, "other")
            counted[str(row["allegation"])][side] += as_int(row["n"])
    return counted


def _kinds(queries: PageQueries, actors: list[str]) -> dict[str, str]:
    """Each actor's most specific kind (local name)."""
    deepest: dict[str, tuple[int, str]] = {}
    for start in range(0, len(actors), 200):
        for row in queries.select(ACTOR_KINDS.replace("$actors", values_block("actor", actors[start:start + 200]))):
            actor, depth, kind = str(row["actor"]), as_int(row["depth"]), local_name_of(row["type"])
            if (depth, kind) > deepest.get(actor, (-1, "")):
                deepest[actor] = (depth, kind)
    return {actor: kind for actor, (_, kind) in deepest.items()}


def network(queries: PageQueries, href: Href, actor: str | None = None) -> dict[str, Any]:
    scope, limit = (ACTOR_IS_PARTY, ACTOR_EDGES) if actor else (EVERY_ALLEGATION, STORE_EDGES)
    iris = {"actor": actor} if actor else {}
    total = queries.count(_filled(COUNT_EDGES, scope=scope), **iris)
    rows = queries.select(_filled(EDGES, scope=scope, limit=str(limit)), **iris) if total else []
    allegations = sorted({str(r["allegation"]) for r in rows})
    responses = _responses(queries, allegations)
    actors = sorted({str(r[k]) for r in rows for k in ("claimant", "accused")} | ({actor} if actor else set()))
    kinds = _kinds(queries, actors)
    labels = queries.labels(actors + allegations + [str(NKG[kind]) for kind in set(kinds.values())])
    degree: Counter[str] = Counter()
    edges = []
    for row in sorted(rows, key=lambda r: (str(r.get("date", "")), str(r["allegation"])), reverse=True):
        allegation, claimant, accused = str(row["allegation"]), str(row["claimant"]), str(row["accused"])
        degree.update([claimant, accused])
        counts = responses.get(allegation, Counter())
        edges.append({"source": claimant, "target": accused, "allegation": allegation, "href": href(allegation),
                      "label": labels.get(allegation, ""), "status": local_name_of(row.get("status")) or "alleged",
                      "date": str(row.get("date", ""))[:10], "supporting": counts["supporting"],
                      "contesting": counts["contesting"]})
    nodes = [{"id": iri, "name": labels.get(iri, href(iri).rsplit("/", 1)[-1]),
              "kind": labels.get(str(NKG[kinds[iri]]), kinds[iri]) if iri in kinds else "actor",
              "href": href(iri), "allegations": degree[iri], "focus": iri == actor} for iri in actors]
    return {"picture": "network", "nodes": nodes, "edges": edges, "total": total, "shown": len(allegations)}


def actor_timeline(queries: PageQueries, href: Href, actor: str) -> dict[str, Any]:
    rows = queries.select(ACTOR_TIMELINE.replace("$limit", str(TIMELINE_ITEMS)), actor=actor)
    labels = queries.labels([str(r["item"]) for r in rows] + [str(r["publisher"]) for r in rows if "publisher" in r])
    items = [_item(row, "item", labels, href, lane=LANES[str(row["lane"])]) for row in rows]
    return {"picture": "timeline", "lanes": [lane for lane in LANES.values() if any(i["lane"] == lane for i in items)],
            "items": sorted(items, key=lambda i: (i["date"], i["lane"], i["label"]))}


def appearances(queries: PageQueries, href: Href, allegation: str) -> dict[str, Any]:
    rows = queries.select(APPEARANCES.replace("$limit", str(APPEARANCES_LIMIT)), allegation=allegation)
    labels = queries.labels([str(r[k]) for r in rows for k in ("member", "article", "publisher") if k in r])
    items = [_item(row, "member", labels, href, focus=str(row["member"]) == allegation) for row in rows]
    items = [item for item in items if item["date"]]
    lanes = sorted({item["lane"] for item in items})
    return {"picture": "timeline", "lanes": lanes, "items": sorted(items, key=lambda i: (i["date"], i["lane"]))}


def _item(row: Row, key: str, labels: dict[str, str], href: Href, *, lane: str | None = None,
          focus: bool = False) -> dict[str, Any]:
    iri = str(row[key])
    outlet = labels.get(str(row.get("publisher", "")), "") if "publisher" in row else ""
    article = str(row.get("article", ""))
    return {"date": str(row.get("date", ""))[:10], "lane": lane or outlet or "outlet not named",
            "label": labels.get(iri, "") or labels.get(article, ""), "href": href(iri), "outlet": outlet,
            "article": labels.get(article, ""), "article_href": href(article) if article else "", "focus": focus}


def for_page(kind: str, queries: PageQueries, href: Href, iri: str) -> dict[str, Any]:
    """The pictures of an actor's or an allegation's page (none for other pages)."""
    if kind == "actor":
        return {"network": network(queries, href, iri), "timeline": actor_timeline(queries, href, iri)}
    if kind == "allegation":
        return {"appearances": appearances(queries, href, iri)}
    return {}
