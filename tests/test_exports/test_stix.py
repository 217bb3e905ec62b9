"""The STIX 2.1 export of a real store: valid by the OASIS validator, loaded back by the stix2 library, deterministic,
and saying what the graph says."""

from __future__ import annotations

import io
import uuid
from typing import Any

import stix2
from stix2validator import ValidationOptions, validate_instance

from export_sample import BASE, ExportSample
from newskg.exports.rows import select
from newskg.exports.stix import stix_bundle, write_stix_bundle
from newskg.exports.stix_objects import stix_id
from newskg.store.embedded import OxigraphStore

# Two SHOULDs the export departs from on purpose: ids are UUIDv5 of the newskg IRIs (deterministic, as asked), not
# random v4; and references to newskg's own pages carry no hash (a page is not a fixed file). Every other
# recommendation is held as strictly as the requirements.
DELIBERATE = "uuid-check,extref-hashes"


def by_id(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in bundle["objects"]}


def test_the_bundle_passes_the_oasis_validator_strictly(analyst_store: OxigraphStore) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    options = ValidationOptions(version="2.1", strict=True, strict_types=True, strict_properties=True,
                                enforce_refs=True, disabled=DELIBERATE)
    results = validate_instance(bundle, options)
    problems = [str(e) for e in results.errors] + [str(w) for w in results.warnings]
    assert results.is_valid, "\n".join(problems[:20])
    assert problems == []


def test_the_bundle_loads_back_with_the_stix2_library(analyst_store: OxigraphStore, export_sample: ExportSample
                                                      ) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    parsed = stix2.parse(bundle, allow_custom=False)
    assert isinstance(parsed, stix2.v21.Bundle)
    assert len(parsed.objects) == len(bundle["objects"])
    assert {"Report", "Identity", "ThreatActor", "IntrusionSet", "Note", "Opinion"} <= \
        {type(o).__name__ for o in parsed.objects}
    memory = stix2.MemoryStore(parsed.objects)
    agency = memory.get(stix_id("threat-actor", export_sample.actor("Veldran intelligence service")))
    assert agency.name == "Veldran intelligence service" and agency.threat_actor_types == ["nation-state", "spy"]


def test_every_article_is_a_report_dated_by_its_publication(analyst_store: OxigraphStore) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    articles = {r["article"]: r for r in select(analyst_store, "SELECT ?article ?date WHERE { "
                "?article a nkg:NewsArticle OPTIONAL { ?article nkg:datePublished ?date } }")}
    reports = {o["id"]: o for o in bundle["objects"] if o["type"] == "report"}
    assert len(reports) == len(articles)
    assert any("date" not in row for row in articles.values()) and any("date" in row for row in articles.values())
    for iri, row in articles.items():
        report = reports[stix_id("report", iri)]
        expected = f"{row['date'][:10]}T00:00:00.000Z" if "date" in row else "1970-01-01T00:00:00.000Z"
        assert report["published"] == report["created"] == expected
        assert {"source_name": "newskg", "url": iri} in report["external_references"]
    objects = by_id(bundle)
    assert all(ref in objects for report in reports.values() for ref in report["object_refs"])


def test_actors_are_identities_threat_actors_or_intrusion_sets_by_kind(analyst_store: OxigraphStore,
                                                                       export_sample: ExportSample) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    objects = by_id(bundle)
    minister = objects[stix_id("identity", export_sample.actor("Mara Okonjo"))]
    assert minister["identity_class"] == "individual" and minister["roles"] == ["defence minister"]
    assert objects[stix_id("identity", export_sample.actor("Harbour Post"))]["sectors"] == ["communications"]
    assert objects[stix_id("threat-actor", export_sample.actor("Ridge Brigade"))]["name"] == "Ridge Brigade"
    assert objects[stix_id("intrusion-set", export_sample.actor("Kestrel Channel"))]["name"] == "Kestrel Channel"
    anonymous = [o for o in objects.values() if o["type"] == "identity" and o["identity_class"] == "unknown"]
    assert anonymous and all("/id/source/" in o["external_references"][0]["url"] for o in anonymous)
    wikidata = [ref for o in objects.values() for ref in o.get("external_references", [])
                if ref["source_name"] == "wikidata"]
    assert wikidata and all(ref["url"].endswith("/" + ref["external_id"]) for ref in wikidata)


def test_allegations_are_notes_by_their_claimants_and_stances_are_opinions_on_them(analyst_store: OxigraphStore,
                                                                                   export_sample: ExportSample
                                                                                   ) -> None:
    bundle = stix_bundle(analyst_store, BASE)
    objects = by_id(bundle)
    notes = [o for o in objects.values() if o["type"] == "note"]
    assert len(notes) == len(select(analyst_store, "SELECT ?a WHERE { ?a a nkg:Allegation }"))
    extraction = export_sample.extractions[0]
    note = objects[stix_id("note", extraction.allegations[0].iri)]
    assert note["authors"] == ["Mara Okonjo"]
    assert note["abstract"] == extraction.allegations[0].summary
    assert {stix_id("threat-actor", export_sample.actor("Veldran intelligence service")),
            stix_id("threat-actor", export_sample.actor("Ridge Brigade")),
            stix_id("report", export_sample.articles[0])} <= set(note["object_refs"])
    assert {"allegation", "supply-weapons"} <= set(note["labels"])
    opinions = {s.stance: objects[stix_id("opinion", s.iri, extraction.allegations[0].iri)]
                for s in extraction.statements}
    # the channel downplays in general, but its response to this allegation dismisses it: the response decides
    assert {stance: (o["opinion"], o["labels"]) for stance, o in opinions.items()} == {
        "supports": ("agree", ["supports"]), "denies": ("strongly-disagree", ["denies"]),
        "downplays": ("strongly-disagree", ["dismisses"])}
    assert all(o["object_refs"] == [note["id"]] for o in opinions.values())
    assert opinions["denies"]["authors"] == ["a senior official"]
    assert opinions["denies"]["explanation"] == "Nothing of the sort happened"


def test_a_claim_in_the_outlet_s_own_voice_is_the_outlet_s_note_on_the_accused_and_the_target(
        analyst_store: OxigraphStore, export_sample: ExportSample) -> None:
    objects = by_id(stix_bundle(analyst_store, BASE))
    note = objects[stix_id("note", export_sample.extractions[0].allegations[1].iri)]
    assert note["authors"] == ["Harbour Post"]
    assert {"allegation", "attack", "outlet"} <= set(note["labels"])
    assert {stix_id("identity", export_sample.actor("Harbour Post")),
            stix_id("threat-actor", export_sample.actor("Ridge Brigade")),
            stix_id("identity", export_sample.actor("Mercy Harbour"))} <= set(note["object_refs"])


def test_the_export_is_deterministic_and_its_ids_come_from_the_iris(analyst_store: OxigraphStore) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_stix_bundle(analyst_store, first, BASE)
    write_stix_bundle(analyst_store, second, BASE)
    assert first.getvalue() == second.getvalue()
    assert all(uuid.UUID(o["id"].split("--", 1)[1]).version == 5 for o in stix_bundle(analyst_store, BASE)["objects"])
