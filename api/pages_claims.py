"""Allegation and cluster pages: who claims, who is accused, who benefits, and the "who says what" matrix —
supporting and contesting statements side by side, with the article, outlet and date each comes from."""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from api.page_queries import PageQueries, Row, local_name_of

SUPPORTING = {"supports", "confirms"}
CONTESTING = {"denies", "dismisses", "downplays"}

# $members is a group pattern binding ?allegation: the allegation itself, or the members of a cluster
PARTIES = """SELECT DISTINCT ?role ?actor WHERE {
  $members
  VALUES ?role { nkg:claimant nkg:accused nkg:beneficiary }
  ?allegation ?role ?actor .
} LIMIT 300"""

ALLEGATION_FACTS = """SELECT ?summary ?status ?claimType ?certainty ?exact ?article ?date ?publisher WHERE {
  OPTIONAL { $allegation nkg:summary ?summary }
  OPTIONAL { $allegation nkg:status ?status }
  OPTIONAL { $allegation nkg:claimType ?claimType }
  OPTIONAL { $allegation nkg:certainty ?certainty }
  OPTIONAL { $allegation nkg:evidence/nkg:exact ?exact }
  OPTIONAL { $allegation nkg:inArticle ?article
             OPTIONAL { ?article nkg:datePublished ?date } OPTIONAL { ?article nkg:publisher ?publisher } }
} LIMIT 1"""

MATRIX = """SELECT DISTINCT ?statement ?relation ?stance ?speaker ?cue ?exact ?article ?date ?publisher WHERE {
  $members
  { ?allegation nkg:supportedBy ?statement BIND("supportedBy" AS ?relation) }
  UNION { ?allegation nkg:contestedBy ?statement BIND("contestedBy" AS ?relation) }
  UNION { ?statement nkg:respondsTo ?allegation BIND("respondsTo" AS ?relation) }
  UNION { ?statement nkg:about ?allegation BIND("about" AS ?relation) }
  OPTIONAL { ?statement nkg:stance ?stance }
  OPTIONAL { ?statement nkg:speaker ?speaker }
  OPTIONAL { ?statement nkg:cue ?cue }
  OPTIONAL { ?statement nkg:evidence/nkg:exact ?exact }
  OPTIONAL { ?statement nkg:inArticle ?article
             OPTIONAL { ?article nkg:datePublished ?date } OPTIONAL { ?article nkg:publisher ?publisher } }
} ORDER BY ?date LIMIT 500"""

CLUSTERS_OF = "SELECT DISTINCT ?cluster WHERE { ?cluster nkg:hasMember $member } LIMIT 20"

MEMBERS = """SELECT DISTINCT ?member ?article ?date ?publisher WHERE {
  { SELECT ?member WHERE { $cluster nkg:hasMember ?member } LIMIT 200 }
  OPTIONAL { ?member nkg:inArticle ?article
             OPTIONAL { ?article nkg:datePublished ?date } OPTIONAL { ?article nkg:publisher ?publisher } }
}"""

COUNT_MEMBERS = "SELECT (COUNT(DISTINCT ?member) AS ?n) WHERE { $cluster nkg:hasMember ?member }"

ONE = "BIND($allegation AS ?allegation)"
OF_CLUSTER = "{ SELECT ?allegation WHERE { $cluster nkg:hasMember ?allegation } LIMIT 200 }"


def column(row: Row) -> str:
    """Which side of the matrix a statement sits on: its stance decides; else how the allegation links it."""
    stance = local_name_of(row.get("stance"))
    if stance in SUPPORTING:
        return "supporting"
    if stance in CONTESTING:
        return "contesting"
    relation = str(row.get("relation", ""))
    if relation == "supportedBy":
        return "supporting"
    if relation == "contestedBy":
        return "contesting"
    return "other"


def _matrix(queries: PageQueries, members: str, **iris: str) -> dict[str, list[Row]]:
    sides: dict[str, list[Row]] = {"supporting": [], "contesting": [], "other": []}
    seen: set[str] = set()
    for row in queries.select(MATRIX.replace("$members", members), **iris):
        key = str(row["statement"])
        if key not in seen:
            seen.add(key)
            sides[column(row)].append(row)
    return sides


def _parties(queries: PageQueries, members: str, **iris: str) -> dict[str, list[URIRef]]:
    parties: dict[str, list[URIRef]] = {"claimant": [], "accused": [], "beneficiary": []}
    for row in queries.select(PARTIES.replace("$members", members), **iris):
        parties[local_name_of(row["role"])].append(row["actor"])  # type: ignore[arg-type]
    return parties


def allegation_page(queries: PageQueries, allegation: str) -> dict[str, Any]:
    facts = queries.select(ALLEGATION_FACTS, allegation=allegation)
    return {
        "facts": facts[0] if facts else {},
        "parties": _parties(queries, ONE, allegation=allegation),
        "matrix": _matrix(queries, ONE, allegation=allegation),
        "clusters": [r["cluster"] for r in queries.select(CLUSTERS_OF, member=allegation)],
    }


def cluster_page(queries: PageQueries, cluster: str) -> dict[str, Any]:
    members = sorted(queries.select(MEMBERS, cluster=cluster), key=lambda row: str(row.get("date", "")))
    return {
        "members": members,
        "members_total": queries.count(COUNT_MEMBERS, cluster=cluster),
        "parties": _parties(queries, OF_CLUSTER, cluster=cluster),
        "matrix": _matrix(queries, OF_CLUSTER, cluster=cluster),
    }
