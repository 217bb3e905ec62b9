"""The actor page: names and variants, role, affiliation, allegations by and against, statements, mentions, timeline.

Every list is anchored on the actor's IRI (index lookups), counted separately and cut at LIST_LIMIT, so the page
stays fast for an actor named in thousands of articles.
"""

from __future__ import annotations

from typing import Any

from rdflib import OWL, RDFS, SKOS

from newskg.api.allegation_lines import allegation_lines
from newskg.api.allegation_responses import responses_of, tallies
from newskg.api.page_queries import PageQueries, Row, as_int, values_block
from newskg.ingest.namespaces import NKG, SCHEMA

NAMES = """SELECT DISTINCT ?p ?o WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel rdfs:label nkg:role nkg:affiliation owl:sameAs skos:exactMatch
              schema:sameAs nkg:known rdfs:comment skos:definition }
  $actor ?p ?o
} LIMIT 200"""

# Lists: the rows to show are picked first (an index lookup, cut at LIMIT) and only they are joined to their
# details. Sorting by date needs a join per row, so it is done in the query only for lists of up to SORT_LIMIT;
# longer lists show LIST_LIMIT rows in index order (sorted among themselves) beside the full count.
ALLEGATIONS = """SELECT ?allegation ?article ?date WHERE {
  ?allegation nkg:$role $actor .
  OPTIONAL { ?allegation nkg:inArticle ?article OPTIONAL { ?article nkg:datePublished ?date } }
} $order LIMIT $limit"""

COUNT_ALLEGATIONS = "SELECT (COUNT(DISTINCT ?allegation) AS ?n) WHERE { ?allegation nkg:$role $actor }"

STATEMENTS = """SELECT ?statement ?cue ?exact ?article ?date WHERE {
  { SELECT ?statement ?article ?date WHERE {
      ?statement nkg:speaker $actor .
      OPTIONAL { ?statement nkg:inArticle ?article OPTIONAL { ?article nkg:datePublished ?date } }
    } $order LIMIT $limit }
  OPTIONAL { ?statement nkg:cue ?cue }
  OPTIONAL { ?statement nkg:evidence/nkg:exact ?exact }
}"""

COUNT_STATEMENTS = "SELECT (COUNT(DISTINCT ?statement) AS ?n) WHERE { ?statement nkg:speaker $actor }"

# who else responded to the allegations the shown statements address, and how
RESPONSES = """SELECT ?statement ?other ?allegation ?stance ?speaker WHERE {
  $statements
  ?statement nkg:hasResponse ?own .
  ?own nkg:responseTo ?allegation .
  ?response nkg:responseTo ?allegation .
  ?other nkg:hasResponse ?response .
  FILTER(?other != ?statement)
  ?response nkg:responseStance ?stance .
  OPTIONAL { ?other nkg:speaker ?speaker }
} LIMIT 500"""

COUNT_MENTIONS = "SELECT (COUNT(?mention) AS ?n) WHERE { ?mention nkg:refersTo $actor }"

# one pass over the actor's mentions (an index lookup each), grouped by article; only the shown articles get a date
MENTIONS = """SELECT ?article ?date ?mentions WHERE {
  { SELECT ?article (COUNT(DISTINCT ?mention) AS ?mentions) WHERE { ?mention nkg:refersTo $actor ; nkg:inArticle ?article }
    GROUP BY ?article ORDER BY DESC(?mentions) LIMIT $limit }
  OPTIONAL { ?article nkg:datePublished ?date }
}"""

EVENTS = """SELECT DISTINCT ?event ?date ?granularity WHERE {
  { SELECT DISTINCT ?event WHERE { ?event nkg:participant $actor } LIMIT $limit }
  OPTIONAL { ?event nkg:date ?date OPTIONAL { ?event nkg:granularity ?granularity } }
}"""

LIST_LIMIT = 50
SORT_LIMIT = 400
RESPONSES_SHOWN = 5   # per statement; the statement's own page lists every response


def _filled(body: str, **names: str) -> str:
    for name, value in names.items():
        body = body.replace(f"${name}", value)
    return body


def _newest_first(rows: list[Row], key: str = "date") -> list[Row]:
    return sorted(rows, key=lambda row: str(row.get(key, "")), reverse=True)


def _bounded(queries: PageQueries, actor: str, body: str, count_body: str) -> tuple[list[Row], int]:
    """Up to LIST_LIMIT rows, newest first among themselves, and how many there are in all."""
    total = queries.count(count_body, actor=actor)
    order = "ORDER BY DESC(?date)" if total <= SORT_LIMIT else ""
    rows = queries.select(_filled(body, order=order, limit=str(LIST_LIMIT)), actor=actor) if total else []
    return _newest_first(rows), total


def _mentions(queries: PageQueries, actor: str) -> tuple[list[Row], int]:
    total = queries.count(COUNT_MENTIONS, actor=actor)
    if not total:
        return [], 0
    rows = queries.select(_filled(MENTIONS, limit=str(LIST_LIMIT)), actor=actor)
    return sorted(rows, key=lambda r: -as_int(r["mentions"])), total


def actor_page(queries: PageQueries, actor: str) -> dict[str, Any]:
    names = queries.select(NAMES, actor=actor)
    lists: dict[str, Any] = {}
    for key, role in (("made", "claimant"), ("against", "accused"), ("benefits", "beneficiary")):
        lists[key], lists[f"{key}_total"] = _bounded(queries, actor, ALLEGATIONS.replace("$role", role),
                                                     COUNT_ALLEGATIONS.replace("$role", role))
    statements, statements_total = _bounded(queries, actor, STATEMENTS, COUNT_STATEMENTS)
    responses: dict[str, dict[str, list[Row]]] = {}   # statement → allegation → others' responses to it
    addressed = responses_of(queries, [row["statement"] for row in statements])
    if statements:
        shown = values_block("statement", [str(r["statement"]) for r in statements])
        seen: set[tuple[str, str, str]] = set()
        for row in queries.select(RESPONSES.replace("$statements", shown)):
            key = (str(row["statement"]), str(row["other"]), str(row["allegation"]))
            if key not in seen:   # deduplicated here: DISTINCT in the query costs several times the query itself
                seen.add(key)
                responses.setdefault(key[0], {}).setdefault(key[2], []).append(row)
    listed = [row["allegation"] for key in ("made", "against", "benefits") for row in lists[key]]
    listed += [a.allegation for found in addressed.values() for a in found]
    mentions, mentions_total = _mentions(queries, actor)
    events = queries.select(_filled(EVENTS, limit=str(LIST_LIMIT)), actor=actor)
    return {
        "names": names,
        "pref_labels": sorted({str(r["o"]) for r in names if r["p"] == SKOS.prefLabel}),
        "variants": sorted({str(r["o"]) for r in names if r["p"] in (SKOS.altLabel, RDFS.label)}),
        "roles": sorted({str(r["o"]) for r in names if r["p"] == NKG.role}),
        "affiliations": sorted({r["o"] for r in names if r["p"] == NKG.affiliation}),
        "same_as": sorted({r["o"] for r in names if r["p"] in (OWL.sameAs, SCHEMA.sameAs, SKOS.exactMatch)}),
        **lists,
        "statements": statements, "statements_total": statements_total,
        "responses": responses,
        "addressed": addressed,
        "lines": allegation_lines(queries, listed),
        "tallies": tallies(queries, [row["allegation"] for key in ("made", "against", "benefits")
                                     for row in lists[key]]),
        "mentions": mentions, "mentions_total": mentions_total,
        "timeline": _timeline(lists["made"], lists["against"], statements, events),
        "list_limit": LIST_LIMIT, "sort_limit": SORT_LIMIT, "responses_shown": RESPONSES_SHOWN,
    }


def _timeline(made: list[Row], against: list[Row], statements: list[Row], events: list[Row]) -> list[dict[str, Any]]:
    """Dated items about the actor, oldest first: events it took part in, and claims by date of publication."""
    items: list[dict[str, Any]] = []
    for rows, kind, key in ((events, "event", "event"), (made, "alleged", "allegation"),
                            (against, "accused", "allegation"), (statements, "said", "statement")):
        for row in rows:
            if "date" in row:
                items.append({"date": str(row["date"]), "granularity": row.get("granularity"), "kind": kind,
                              "iri": row[key]})
    items.sort(key=lambda item: (item["date"], item["kind"]))
    return items
