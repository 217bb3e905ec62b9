"""The store as one STIX 2.1 bundle, for OpenCTI and other threat-intelligence tools.

Articles are `report`s; the actors they involve are `identity`, `threat-actor` or `intrusion-set` objects by kind;
each allegation is a `note` authored by its claimants (or the outlet, for a claim in its own voice) on the accused,
its beneficiaries and targets (a claim, never an asserted relationship); each statement's stance towards an
allegation (its response to it, or its stance towards its article's central allegation) is an `opinion` on that note. See exports/stix_objects.py for the mapping.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from typing import Any, BinaryIO

from newskg.exports.actor_facts import load_actor_facts
from newskg.exports.rows import Row, local_name, select
from newskg.exports.stix_objects import (NAMESPACE, StixObject, actor_object, actor_type, creator_identity, note_object,
                                  opinion_object, report_object, stix_id, timestamp)
from newskg.exports.stix_queries import ACTORS_OF_ARTICLES, ALLEGATIONS, ARTICLES, PARTIES, STANCES
from newskg.store.interface import Store

MEDIA_TYPE = "application/stix+json;version=2.1"


def stix_objects(store: Store, base_iri: str) -> list[StixObject]:
    creator = creator_identity(base_iri)
    articles = {row["article"]: row for row in select(store, ARTICLES)}
    involved: dict[str, set[str]] = defaultdict(set)    # article → actors
    for row in select(store, ACTORS_OF_ARTICLES):
        involved[row["article"]].add(row["actor"])
    facts = load_actor_facts(store, {actor for actors in involved.values() for actor in actors})
    dates: dict[str, list[str]] = defaultdict(list)      # actor → timestamps of its articles
    for article, actors in involved.items():
        for actor in actors:
            dates[actor].append(timestamp(articles.get(article, {}).get("date")))
    actor_ids = {iri: stix_id(actor_type(fact), iri) for iri, fact in facts.items()}
    objects = [creator] + [actor_object(fact, min(dates[iri]), max(dates[iri]), creator["id"])
                           for iri, fact in facts.items()]
    in_report: dict[str, list[str]] = {article: [actor_ids[a] for a in actors] for article, actors in involved.items()}

    parties: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in select(store, PARTIES):
        parties[row["allegation"]][local_name(row["role"])].append(row["actor"])
    note_ids: dict[str, str] = {}
    for allegation in select(store, ALLEGATIONS):
        iri, article = allegation["allegation"], allegation.get("article", "")
        roles = parties[iri]
        refs = [actor_ids[a] for role in ("accused", "beneficiary", "target", "claimant") for a in roles[role]
                if a in actor_ids]
        if article in articles:
            refs.append(stix_id("report", article))
        claimants = [facts[a].name for a in roles["claimant"] if a in facts]
        outlet = articles.get(article, {}).get("publisher", "")
        if not claimants and allegation.get("claimSource", "").endswith("/outlet") and outlet in facts:
            claimants, refs = [facts[outlet].name], refs + [actor_ids[outlet]]   # the article's own voice
        note = note_object(allegation, timestamp(articles.get(article, {}).get("date")), claimants,
                           refs or [creator["id"]], creator["id"])
        note_ids[iri] = note["id"]
        objects.append(note)
        in_report.setdefault(article, []).append(note["id"])
    pairs: dict[tuple[str, str], tuple[Row, set[str]]] = {}
    for row in select(store, STANCES):
        pair = pairs.setdefault((row["statement"], row["allegation"]), (row, set()))
        pair[1].add(row["relation"])
    for (_, allegation_iri), (pair, relations) in sorted(pairs.items()):
        note_id = note_ids.get(allegation_iri)
        if note_id is None:
            continue
        article = pair.get("article", "")
        speaker = facts[pair["speaker"]].name if pair.get("speaker") in facts else None
        opinion = opinion_object(pair, relations, timestamp(articles.get(article, {}).get("date")), speaker, note_id,
                                 creator["id"])
        objects.append(opinion)
        in_report.setdefault(article, []).append(opinion["id"])
    for iri, article in articles.items():
        publisher = facts[article["publisher"]].name if article.get("publisher") in facts else None
        objects.append(report_object(article, in_report.get(iri) or [creator["id"]], publisher, creator["id"]))
    return _deduplicated(objects)


def _deduplicated(objects: list[StixObject]) -> list[StixObject]:
    """One object per id (a statement listed as both supporting and about an allegation is one opinion), sorted."""
    by_id: dict[str, StixObject] = {}
    for obj in objects:
        by_id.setdefault(obj["id"], obj)
    return [by_id[key] for key in sorted(by_id)]


def stix_bundle(store: Store, base_iri: str) -> dict[str, Any]:
    objects = stix_objects(store, base_iri)
    content = json.dumps(objects, sort_keys=True).encode("utf-8")
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, hashlib.sha256(content).hexdigest())}"
    return {"type": "bundle", "id": bundle_id, "objects": objects}


def write_stix_bundle(store: Store, output: BinaryIO, base_iri: str) -> None:
    output.write(json.dumps(stix_bundle(store, base_iri), ensure_ascii=False, indent=1).encode("utf-8"))
    output.write(b"\n")
