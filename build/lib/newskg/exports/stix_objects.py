"""STIX 2.1 objects for newskg's things: pure functions from facts to JSON-ready dicts.

Ids are deterministic: the UUID part is uuid5 of the newskg IRI the object stands for, so exporting the same store
twice gives the same bundle, and a tool that imports two exports sees one object where newskg has one thing.
Timestamps come from the data (an article's date of publication), never from the clock; what has no date gets
EPOCH, which says "unknown" rather than "now".
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from newskg.exports.actor_facts import ActorFacts
from newskg.exports.rows import local_name

StixObject = dict[str, Any]
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newskg.org/stix")
EPOCH = "1970-01-01T00:00:00.000Z"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WIKIDATA = "http://www.wikidata.org/entity/"

# identity classes and sectors (STIX open vocabularies identity-class-ov, industry-sector-ov) by actor kind
IDENTITY_CLASS = {"Person": "individual", "ActorGroup": "group", "AnonymousSource": "unknown", "Actor": "unknown"}
SECTORS = {"State": ["government-national"], "GovernmentBody": ["government"], "MediaOutlet": ["communications"],
           "AcademicInstitution": ["education"]}
# kinds that are adversaries by what they are: armed groups and intelligence services are threat actors; an account
# that speaks under its own name, whoever runs it, is the visible part of an intrusion set (as influence operations are)
THREAT_ACTOR_TYPES = {"ArmedGroup": [], "IntelligenceAgency": ["nation-state", "spy"]}
INTRUSION_SET_KINDS = {"SocialMediaAccount"}
# stance of a statement towards an allegation → STIX opinion (opinion-enum)
OPINION = {"confirms": "strongly-agree", "supports": "agree", "assesses": "neutral", "neutral": "neutral",
           "downplays": "disagree", "denies": "strongly-disagree", "dismisses": "strongly-disagree"}
OPINION_BY_RELATION = {"supportedBy": "agree", "contestedBy": "disagree"}


def stix_id(object_type: str, *iris: str) -> str:
    return f"{object_type}--{uuid.uuid5(NAMESPACE, ' '.join(iris))}"


def timestamp(date: str | None) -> str:
    """'2024-12-02' → '2024-12-02T00:00:00.000Z'; EPOCH when there is no date."""
    return f"{date[:10]}T00:00:00.000Z" if date and _DATE.match(date) else EPOCH


def _common(object_type: str, object_id: str, created: str, modified: str, creator: str) -> StixObject:
    return {"type": object_type, "spec_version": "2.1", "id": object_id, "created": created, "modified": modified,
            "created_by_ref": creator}


def newskg_reference(iri: str) -> dict[str, str]:
    return {"source_name": "newskg", "url": iri}


def creator_identity(base_iri: str) -> StixObject:
    """newskg itself, the creator of every object of the export."""
    return {"type": "identity", "spec_version": "2.1", "id": stix_id("identity", base_iri), "created": EPOCH,
            "modified": EPOCH, "name": "newskg", "identity_class": "system",
            "description": "Knowledge graph of who alleged what, about whom, where it was reported, and who contests "
                           "it; every object is extracted from news articles.",
            "external_references": [newskg_reference(base_iri)]}


def actor_type(facts: ActorFacts) -> str:
    if facts.kind in THREAT_ACTOR_TYPES:
        return "threat-actor"
    if facts.kind in INTRUSION_SET_KINDS:
        return "intrusion-set"
    return "identity"


def actor_object(facts: ActorFacts, created: str, modified: str, creator: str) -> StixObject:
    object_type = actor_type(facts)
    obj = _common(object_type, stix_id(object_type, facts.iri), created, modified, creator)
    obj["name"] = facts.name
    if facts.roles:
        obj["description"] = "; ".join(sorted(facts.roles))
    if object_type == "identity":
        obj["identity_class"] = IDENTITY_CLASS.get(facts.kind, "organization")
        if facts.kind in SECTORS:
            obj["sectors"] = SECTORS[facts.kind]
        if facts.roles:
            obj["roles"] = sorted(facts.roles)
    else:
        if facts.other_names:
            obj["aliases"] = facts.other_names
        if THREAT_ACTOR_TYPES.get(facts.kind):
            obj["threat_actor_types"] = THREAT_ACTOR_TYPES[facts.kind]
    references = [newskg_reference(facts.iri)]
    references += [{"source_name": "wikidata", "url": same, "external_id": same[len(WIKIDATA):]}
                   for same in sorted(facts.same_as) if same.startswith(WIKIDATA)]
    obj["external_references"] = references
    return obj


def report_object(article: dict[str, str], object_refs: list[str], publisher: str | None, creator: str) -> StixObject:
    when = timestamp(article.get("date"))
    obj = _common("report", stix_id("report", article["article"]), when, when, creator)
    obj["name"] = article.get("headline") or article.get("label") or "untitled article"
    if article.get("standfirst"):
        obj["description"] = article["standfirst"]
    obj["report_types"] = ["threat-report"]
    obj["published"] = when
    obj["object_refs"] = sorted(set(object_refs))
    references = [newskg_reference(article["article"])]
    url = article.get("url", "")
    if url.startswith(("http://", "https://")):
        references.insert(0, {"source_name": publisher or "article", "url": url})
    obj["external_references"] = references
    return obj


def note_object(allegation: dict[str, str], when: str, claimants: list[str], object_refs: list[str],
                creator: str) -> StixObject:
    """An allegation is a claim, not a fact: a note on the accused, authored by its claimants."""
    obj = _common("note", stix_id("note", allegation["allegation"]), when, when, creator)
    summary = allegation.get("summary", "")
    if summary:
        obj["abstract"] = summary
    obj["content"] = allegation.get("exact") or summary or "allegation"
    if claimants:
        obj["authors"] = sorted(claimants)
    obj["object_refs"] = sorted(set(object_refs))
    labels = ["allegation"] + [local_name(allegation[key]) for key in ("status", "claimType", "claimSource")
                               if key in allegation]
    obj["labels"] = labels
    if "confidence" in allegation:
        obj["confidence"] = round(float(allegation["confidence"]) * 100)
    obj["external_references"] = [newskg_reference(allegation["allegation"])]
    return obj


def stance_towards(pair: dict[str, str]) -> str | None:
    """A statement's stance towards one allegation: its response to it; else its own nkg:stance when that is about
    this allegation (the article's central one, or any, in a graph written before responses existed)."""
    if pair.get("responseStance"):
        return pair["responseStance"]
    if pair.get("ownStance") and (pair.get("central") == pair["allegation"] or pair.get("answers") != "true"):
        return pair["ownStance"]
    return None


def opinion_value(stance: str | None, relations: set[str]) -> str:
    if stance and local_name(stance) in OPINION:
        return OPINION[local_name(stance)]
    for relation, value in OPINION_BY_RELATION.items():
        if relation in relations:
            return value
    return "neutral"


def opinion_object(pair: dict[str, str], relations: set[str], when: str, speaker: str | None, note_id: str,
                   creator: str) -> StixObject:
    """A statement's stance towards one allegation (a statement bearing on two allegations gives two opinions)."""
    obj = _common("opinion", stix_id("opinion", pair["statement"], pair["allegation"]), when, when, creator)
    stance = stance_towards(pair)
    obj["opinion"] = opinion_value(stance, relations)
    if pair.get("exact"):
        obj["explanation"] = pair["exact"]
    if speaker:
        obj["authors"] = [speaker]
    obj["object_refs"] = [note_id]
    if stance:
        obj["labels"] = [local_name(stance)]
    obj["external_references"] = [newskg_reference(pair["statement"])]
    return obj
