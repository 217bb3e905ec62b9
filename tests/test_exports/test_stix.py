"""The STIX 2.1 export of a real store: valid by the OASIS validator, loaded back by the stix2 library, deterministic,
and saying what the graph says."""

from __future__ import annotations

import io
import uuid
from collections import Counter
from typing import Any

import stix2
from stix2validator import ValidationOptions, validate_instance

from export_sample import BASE
from exports.rows import select
from exports.stix import stix_bundle, write_stix_bundle
from exports.stix_objects import NAMESPACE, stix_id
from ingest.store import OxigraphStore

# Two SHOULDs the export departs from on purpose: ids are UUIDv5 of the newskg IRIs (deterministic, as asked), not
# random v4; and references to newskg's own pages carry no hash (a page is not a fixed file). Every other
# recommendation is held as strictly as the requirements.
DELIBERATE = "uuid-check,extref-hashes"
NKG = "https://newskg.org/ontology#"


def objects_of(bundle: dict[str, Any], object_type: str) -> list[dict[str, Any]]:
    return [o for o in bundle["objects"] if o["type"] == object_type]


def test_the_bundle_passes_the_oasis_validator_strictly(analyst_store: OxigraphStore) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    options = ValidationOptions(version="2.1", strict=True, strict_types=True, strict_properties=True,
                                enforce_refs=True, disabled=DELIBERATE)
    results = validate_instance(bundle, options)
    problems = [str(e) for e in results.errors] + [str(w) for w in results.warnings]
    assert results.is_valid, "\n".join(problems[:20])
    assert problems == []


def test_the_bundle_loads_back_with_the_stix2_library(analyst_store: OxigraphStore) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    parsed = stix2.parse(bundle, allow_custom=False)
    assert isinstance(parsed, stix2.v21.Bundle)
    assert len(parsed.objects) == len(bundle["objects"])
    kinds = Counter(type(o).__name__ for o in parsed.objects)
    assert {"Report", "Identity", "ThreatActor", "IntrusionSet", "Note", "Opinion"} <= set(kinds)
    memory = stix2.MemoryStore(parsed.objects)
    gur = memory.get(stix_id("threat-actor", f"{BASE}id/actor/gur"))
    assert gur.name == "Defence Intelligence of Ukraine" and "spy" in gur.threat_actor_types


def test_every_article_is_a_report_dated_by_its_publication(analyst_store: OxigraphStore) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    articles = {r["article"]: r for r in select(analyst_store, "SELECT ?article ?date WHERE { "
                "?article a nkg:NewsArticle OPTIONAL { ?article nkg:datePublished ?date } }")}
    reports = {o["id"]: o for o in objects_of(bundle, "report")}
    assert len(reports) == len(articles)
    for iri, row in articles.items():
        report = reports[stix_id("report", iri)]
        expected = f"{row['date']}T00:00:00.000Z" if "date" in row else "1970-01-01T00:00:00.000Z"
        assert report["published"] == expected
        assert {"source_name": "newskg", "url": iri} in report["external_references"]
    ids = {o["id"] for o in bundle["objects"]}
    assert all(ref in ids for report in reports.values() for ref in report["object_refs"])


def test_actors_are_identities_threat_actors_or_intrusion_sets_by_kind(analyst_store: OxigraphStore) -> None:
    by_id = {o["id"]: o for o in stix_bundle(analyst_store, BASE)["objects"]}
    ukraine = by_id[stix_id("identity", f"{BASE}id/actor/ukraine")]
    assert ukraine["identity_class"] == "organization" and ukraine["sectors"] == ["government-national"]
    assert {"source_name": "wikidata", "url": "http://www.wikidata.org/entity/Q212", "external_id": "Q212"} in \
        ukraine["external_references"]
    assert by_id[stix_id("identity", f"{BASE}id/actor/kyrylo-budanov")]["identity_class"] == "individual"
    assert by_id[stix_id("threat-actor", f"{BASE}id/actor/hts")]["name"]
    anonymous = [o for o in by_id.values() if o["type"] == "identity" and o["identity_class"] == "unknown"]
    assert anonymous and all("/id/source/" in o["external_references"][0]["url"] for o in anonymous)
    assert any(o["type"] == "intrusion-set" for o in by_id.values())


def test_allegations_are_notes_by_their_claimants_and_stances_are_opinions_on_them(analyst_store: OxigraphStore
                                                                                   ) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    notes = {o["id"]: o for o in objects_of(bundle, "note")}
    allegations = select(analyst_store, "SELECT ?a WHERE { ?a a nkg:Allegation }")
    assert len(notes) == len(allegations)
    row = select(analyst_store, """SELECT ?allegation ?claimant ?name ?accused ?statement ?stance WHERE {
        ?allegation nkg:claimant ?claimant ; nkg:accused ?accused ; nkg:contestedBy ?statement .
        ?claimant skos:prefLabel|rdfs:label ?name . ?statement nkg:stance ?stance } LIMIT 1""")[0]
    note = notes[stix_id("note", row["allegation"])]
    assert row["name"] in note["authors"]
    assert any(ref.endswith(str(uuid.uuid5(NAMESPACE, row["accused"]))) for ref in note["object_refs"])
    opinion = {o["id"]: o for o in objects_of(bundle, "opinion")}[stix_id("opinion", row["statement"],
                                                                         row["allegation"])]
    assert opinion["object_refs"] == [note["id"]]
    assert opinion["opinion"] in {"disagree", "strongly-disagree", "neutral"}
    assert opinion["labels"] == [row["stance"].rsplit("/", 1)[-1]]


def test_the_export_is_deterministic_and_its_ids_come_from_the_iris(analyst_store: OxigraphStore) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_stix_bundle(analyst_store, first, BASE)
    write_stix_bundle(analyst_store, second, BASE)
    assert first.getvalue() == second.getvalue()
    for obj in stix_bundle(analyst_store, BASE)["objects"]:
        assert uuid.UUID(obj["id"].split("--", 1)[1]).version == 5
