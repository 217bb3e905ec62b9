"""The ClaimReview export of a real store: JSON-LD that expands against schema.org's own context (shipped, loaded
through an offline document loader), saying who claims what, about whom, and where it appeared first."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyld import jsonld

from export_sample import ExportSample
from newskg.exports.claimreview import claimreview_document
from newskg.exports.rows import select
from newskg.exports.schemaorg_context import CONTEXT_URLS, schema_org_document_loader
from newskg.ingest.errors import InputError
from newskg.store.embedded import OxigraphStore

SCHEMA = "http://schema.org/"
OPTIONS = {"documentLoader": schema_org_document_loader}


def expanded_reviews(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in jsonld.expand(document, OPTIONS) if f"{SCHEMA}ClaimReview" in node.get("@type", [])]


def ids(node: dict[str, Any], prop: str) -> set[str]:
    return {value["@id"] for value in node.get(f"{SCHEMA}{prop}", [])}


def claims_by_iri(store: OxigraphStore) -> dict[str, dict[str, Any]]:
    return {review[f"{SCHEMA}itemReviewed"][0]["@id"]: review[f"{SCHEMA}itemReviewed"][0]
            for review in expanded_reviews(claimreview_document(store) or {})}


def test_the_document_expands_against_the_schema_org_context(analyst_store: OxigraphStore) -> None:
    document = claimreview_document(analyst_store)
    assert document is not None and document["@context"] == "https://schema.org"
    reviews = expanded_reviews(document)
    allegations = {r["a"] for r in select(analyst_store, "SELECT ?a WHERE { ?a a nkg:Allegation }")}
    claims = [review[f"{SCHEMA}itemReviewed"][0] for review in reviews]
    assert {claim["@id"] for claim in claims} == allegations
    assert all(claim["@type"] == [f"{SCHEMA}Claim"] for claim in claims)
    assert all(review[f"{SCHEMA}claimReviewed"][0]["@value"] for review in reviews)
    quads = jsonld.to_rdf(document, {**OPTIONS, "format": "application/n-quads"})
    assert quads.count(f"<{SCHEMA}Claim>") == len(allegations)


def test_the_claim_names_its_claimant_the_accused_and_whom_it_serves(analyst_store: OxigraphStore,
                                                                     export_sample: ExportSample) -> None:
    claims = claims_by_iri(analyst_store)
    claim = claims[export_sample.allegations[0]]
    assert ids(claim, "author") == {export_sample.actor("Mara Okonjo")}
    assert ids(claim, "about") == {export_sample.actor("Veldran intelligence service")}
    assert ids(claim, "mentions") == {export_sample.actor("Ridge Brigade")}
    assert claim[f"{SCHEMA}author"][0]["@type"] == [f"{SCHEMA}Person"]
    assert claim[f"{SCHEMA}about"][0]["@type"] == [f"{SCHEMA}GovernmentOrganization"]
    assert claim[f"{SCHEMA}text"][0]["@value"].startswith("the Veldran intelligence service armed")
    parties = select(analyst_store, """SELECT ?allegation ?claimant ?accused ?article WHERE {
        ?allegation nkg:claimant ?claimant ; nkg:accused ?accused ; nkg:inArticle ?article }""")
    for row in parties:
        found = claims[row["allegation"]]
        assert row["claimant"] in ids(found, "author") and row["accused"] in ids(found, "about")
        assert row["article"] in ids(found, "appearance")


def test_a_claim_in_the_outlet_s_own_voice_is_authored_by_the_outlet(analyst_store: OxigraphStore,
                                                                      export_sample: ExportSample) -> None:
    claim = claims_by_iri(analyst_store)[export_sample.extractions[0].allegations[1].iri]
    assert ids(claim, "author") == {export_sample.actor("Harbour Post")}
    assert claim[f"{SCHEMA}author"][0]["@type"] == [f"{SCHEMA}NewsMediaOrganization"]
    assert ids(claim, "about") == {export_sample.actor("Ridge Brigade")}
    assert ids(claim, "mentions") == {export_sample.actor("Mercy Harbour")}   # the target


def test_a_claim_made_in_three_articles_appears_in_each_and_first_in_the_earliest(analyst_store: OxigraphStore,
                                                                                   export_sample: ExportSample
                                                                                   ) -> None:
    claims = claims_by_iri(analyst_store)
    earliest = export_sample.articles[1]       # 2 December; the others are of 5 December and undated
    for allegation in export_sample.allegations:   # the clustered claim of each article
        claim = claims[allegation]
        appearances = claim[f"{SCHEMA}appearance"]
        assert [a["@id"] for a in appearances] == [earliest, export_sample.articles[0], export_sample.articles[2]]
        assert ids(claim, "firstAppearance") == {earliest}
        assert claim[f"{SCHEMA}datePublished"][0]["@value"] == "2024-12-02"
        assert appearances[0][f"{SCHEMA}url"] == [{"@id": "https://example.org/veldran-2"}]
        assert appearances[0][f"{SCHEMA}publisher"][0][f"{SCHEMA}name"] == [{"@value": "Harbour Post"}]


def test_one_allegation_is_a_document_of_its_own_and_an_unknown_one_is_none(analyst_store: OxigraphStore) -> None:
    allegation = select(analyst_store, "SELECT ?a WHERE { ?a a nkg:Allegation } LIMIT 1")[0]["a"]
    document = claimreview_document(analyst_store, allegation)
    assert document is not None and document["@type"] == "ClaimReview"
    assert [r[f"{SCHEMA}itemReviewed"][0]["@id"] for r in expanded_reviews(document)] == [allegation]
    assert claimreview_document(analyst_store, "http://127.0.0.1:8000/id/allegation/none") is None
    json.dumps(document)


def test_the_loader_serves_the_shipped_context_and_refuses_anything_else() -> None:
    for url in CONTEXT_URLS:
        assert schema_org_document_loader(url)["document"]["@context"]["@vocab"] == SCHEMA
    with pytest.raises(InputError, match="refusing to fetch"):
        schema_org_document_loader("https://example.org/context.jsonld")
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.jsonld", "name": "x"}, OPTIONS)
