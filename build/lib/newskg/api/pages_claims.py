"""Allegation and cluster pages: who claims, who is accused, who benefits, who is harmed, and who says what.

The allegation page groups the responses to it by stance (api/allegation_responses.py), says whether it is its
article's central allegation, and lists the other articles carrying the same allegation (its AllegationCluster).
An allegation cluster's page puts its articles side by side: per article (outlet, date) the claimants and the
responses by stance, so that a reader sees who says what in each outlet. A quote cluster's page lists its statements
with the allegations each addresses.
"""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from newskg.api.allegation_lines import allegation_lines
from newskg.api.allegation_responses import by_stance, responses_of, responses_to, tallies
from newskg.api.page_queries import PageQueries, Row, local_name_of, values_block

ROLES = ("claimant", "claimSource", "accused", "beneficiary", "target")
# $members is a group pattern binding ?allegation: the allegation itself, or the members of a cluster
PARTIES = """SELECT DISTINCT ?role ?party WHERE {
  $members
  VALUES ?role { nkg:claimant nkg:claimSource nkg:accused nkg:beneficiary nkg:target }
  ?allegation ?role ?party .
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

CENTRAL_IN = "SELECT ?article WHERE { ?article nkg:centralAllegation $allegation } LIMIT 5"

CLUSTERS_OF = """SELECT DISTINCT ?cluster WHERE { ?cluster nkg:hasMember $member ; a nkg:AllegationCluster } LIMIT 5"""

IS_ALLEGATION_CLUSTER = "ASK { $cluster a nkg:AllegationCluster }"

MEMBERS = """SELECT DISTINCT ?member ?article ?date ?publisher WHERE {
  { SELECT ?member WHERE { $cluster nkg:hasMember ?member } LIMIT 200 }
  OPTIONAL { ?member nkg:inArticle ?article
             OPTIONAL { ?article nkg:datePublished ?date } OPTIONAL { ?article nkg:publisher ?publisher } }
}"""

COUNT_MEMBERS = "SELECT (COUNT(DISTINCT ?member) AS ?n) WHERE { $cluster nkg:hasMember ?member }"

ONE = "VALUES ?allegation { $allegation }"
OF_CLUSTER = "{ SELECT ?allegation WHERE { $cluster nkg:hasMember ?allegation } LIMIT 200 }"
RESPONSES_SHOWN = 500   # to one allegation, or to the articles a cluster's page puts side by side
ELSEWHERE_SHOWN = 50    # other articles listed on an allegation's page; its cluster's page lists more
VERSIONS_SHOWN = 12     # articles side by side on a cluster's page, the first by date; the others are listed


def _parties(queries: PageQueries, members: str, **iris: str) -> dict[str, list[URIRef]]:
    parties: dict[str, list[URIRef]] = {role: [] for role in ROLES}
    for row in queries.select(PARTIES.replace("$members", members), **iris):
        parties[local_name_of(row["role"])].append(URIRef(str(row["party"])))
    return {role: sorted(set(found)) for role, found in parties.items()}


def _members(queries: PageQueries, cluster: str) -> list[Row]:
    return sorted(queries.select(MEMBERS, cluster=cluster), key=lambda row: (str(row.get("date", "")),
                                                                            str(row["member"])))


def _same_allegation(queries: PageQueries, allegation: str) -> list[dict[str, Any]]:
    """The allegation's clusters, each with its other members: the other articles carrying the same allegation."""
    clusters = []
    for row in queries.select(CLUSTERS_OF, member=allegation):
        cluster = str(row["cluster"])
        others = [member for member in _members(queries, cluster) if str(member["member"]) != allegation]
        others = others[:ELSEWHERE_SHOWN]
        clusters.append({"cluster": row["cluster"], "others": others,
                         "total": queries.count(COUNT_MEMBERS, cluster=cluster)})
    return clusters


def allegation_page(queries: PageQueries, allegation: str) -> dict[str, Any]:
    facts = queries.select(ALLEGATION_FACTS, allegation=allegation)
    clusters = _same_allegation(queries, allegation)
    others = [URIRef(str(member["member"])) for cluster in clusters for member in cluster["others"]]
    return {
        "facts": facts[0] if facts else {},
        "parties": _parties(queries, ONE, allegation=allegation),
        "central_in": [row["article"] for row in queries.select(CENTRAL_IN, allegation=allegation)],
        "sides": by_stance(responses_to(queries, ONE, RESPONSES_SHOWN, allegation=allegation)),
        "clusters": clusters,
        "lines": allegation_lines(queries, [URIRef(allegation), *others]),
        "tallies": tallies(queries, others),
    }


def cluster_page(queries: PageQueries, cluster: str) -> dict[str, Any]:
    members = _members(queries, cluster)
    data: dict[str, Any] = {"members": members, "members_total": queries.count(COUNT_MEMBERS, cluster=cluster),
                            "of_allegations": queries.ask(IS_ALLEGATION_CLUSTER, cluster=cluster)}
    if not data["of_allegations"]:
        data["addressed"] = responses_of(queries, [row["member"] for row in members])
        data["lines"] = allegation_lines(queries, [a.allegation for found in data["addressed"].values()
                                                   for a in found])
        return data
    versions = members[:VERSIONS_SHOWN]
    shown = values_block("allegation", [str(row["member"]) for row in versions])
    responses = responses_to(queries, shown, RESPONSES_SHOWN) if versions else []
    data["versions"] = versions
    data["more"] = members[VERSIONS_SHOWN:]
    data["sides"] = {str(row["member"]): by_stance(r for r in responses if r.allegation == row["member"])
                     for row in versions}
    data["responses_cut"] = len(responses) >= RESPONSES_SHOWN
    data["parties"] = _parties(queries, OF_CLUSTER, cluster=cluster)
    data["lines"] = allegation_lines(queries, [row["member"] for row in members])
    data["outlets"] = len({str(row.get("publisher", row["member"])) for row in members})
    return data
