"""Allegations as schema.org ClaimReview JSON-LD, ready for a fact-checker to add a rating.

Each allegation is a `Claim` (author: its claimants, or the outlet for a claim in its own voice; about: the accused;
mentions: who benefits and who was harmed; appearance: every article it appears in, its own and those of allegations
clustered with it; firstAppearance: the earliest of them),
wrapped in a `ClaimReview` that names the claim (`claimReviewed`) and leaves what only a fact-checker can say —
`reviewRating`, `author`, `url`, `datePublished` of the review — to be added.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, BinaryIO

from newskg.exports.actor_facts import ActorFacts, load_actor_facts
from newskg.exports.claimreview_queries import ALLEGATIONS, APPEARANCES, PARTIES
from newskg.exports.rows import Row, iri_values, local_name, select
from newskg.exports.schemaorg_context import SCHEMA_ORG
from newskg.store.interface import Store

MEDIA_TYPE = "application/ld+json"
Node = dict[str, Any]
SCHEMA_TYPE = {"Person": "Person", "AnonymousSource": "Person", "State": "GovernmentOrganization",
               "GovernmentBody": "GovernmentOrganization", "IntelligenceAgency": "GovernmentOrganization",
               "MediaOutlet": "NewsMediaOrganization", "AcademicInstitution": "EducationalOrganization"}


def actor_node(facts: ActorFacts) -> Node:
    node: Node = {"@type": SCHEMA_TYPE.get(facts.kind, "Organization"), "@id": facts.iri, "name": facts.name}
    if facts.same_as:
        node["sameAs"] = sorted(facts.same_as)
    return node


def article_node(row: Row, facts: dict[str, ActorFacts]) -> Node:
    node: Node = {"@type": "NewsArticle", "@id": row["article"]}
    headline = row.get("headline") or row.get("label")
    if headline:
        node["headline"] = headline
    if row.get("url", "").startswith(("http://", "https://")):
        node["url"] = row["url"]
    if row.get("date"):
        node["datePublished"] = row["date"][:10]   # the day: schema.org's context types datePublished as a Date
    if row.get("publisher") in facts:
        node["publisher"] = actor_node(facts[row["publisher"]])
    return node


def _earliest_first(rows: list[Row]) -> list[Row]:
    """Dated articles oldest first, then the undated (their order fixed by IRI)."""
    return sorted(rows, key=lambda row: (row.get("date") is None, row.get("date", ""), row["article"]))


def claim_reviews(store: Store, allegations: list[str] | None = None) -> list[Node]:
    """A ClaimReview node per allegation of the store, or of the given allegations (IRIs)."""
    restriction = iri_values("allegation", allegations) if allegations is not None else ""
    fill = {"$allegations": restriction}
    rows = list({row["allegation"]: row for row in select(store, _filled(ALLEGATIONS, fill))}.values())
    parties: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in select(store, _filled(PARTIES, fill)):
        parties[row["allegation"]][local_name(row["role"])].append(row["actor"])
    appearances: dict[str, dict[str, Row]] = defaultdict(dict)
    for row in select(store, _filled(APPEARANCES, fill)):
        appearances[row["allegation"]].setdefault(row["article"], row)
    actors = {a for roles in parties.values() for members in roles.values() for a in members}
    actors |= {row["publisher"] for seen in appearances.values() for row in seen.values() if "publisher" in row}
    actors |= {row["outlet"] for row in rows if "outlet" in row}
    facts = load_actor_facts(store, actors)
    reviews = []
    for row in sorted(rows, key=lambda r: r["allegation"]):
        iri = row["allegation"]
        roles = parties[iri]
        if not roles["claimant"] and row.get("claimSource", "").endswith("/outlet") and "outlet" in row:
            roles["claimant"] = [row["outlet"]]   # the article's own voice
        articles = [article_node(r, facts) for r in _earliest_first(list(appearances[iri].values()))]
        claim: Node = {"@type": "Claim", "@id": iri}
        if row.get("summary"):
            claim["name"] = row["summary"]
        if row.get("exact"):
            claim["text"] = row["exact"]
        for key, members in (("author", roles["claimant"]), ("about", roles["accused"]),
                             ("mentions", roles["beneficiary"] + roles["target"])):
            if members:
                claim[key] = [actor_node(facts[a]) for a in sorted(set(members))]
        if articles:
            claim["appearance"] = articles
            claim["firstAppearance"] = {"@id": articles[0]["@id"]}
            if "datePublished" in articles[0]:
                claim["datePublished"] = articles[0]["datePublished"]
        reviews.append({"@type": "ClaimReview", "claimReviewed": row.get("summary") or row.get("exact", ""),
                        "itemReviewed": claim})
    return reviews


def claimreview_document(store: Store, allegation: str | None = None) -> Node | None:
    """The whole store as one JSON-LD document (@graph), or one allegation's ClaimReview (None if there is none)."""
    reviews = claim_reviews(store, [allegation] if allegation is not None else None)
    if allegation is not None:
        return {"@context": SCHEMA_ORG, **reviews[0]} if reviews else None
    return {"@context": SCHEMA_ORG, "@graph": reviews}


def write_claimreview(store: Store, output: BinaryIO) -> None:
    output.write(json.dumps(claimreview_document(store), ensure_ascii=False, indent=1).encode("utf-8"))
    output.write(b"\n")


def _filled(body: str, fill: dict[str, str]) -> str:
    for name, value in fill.items():
        body = body.replace(name, value)
    return body
