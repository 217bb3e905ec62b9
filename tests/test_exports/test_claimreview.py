"""The ClaimReview export of a real store: JSON-LD that expands against schema.org's own context (shipped, loaded
through an offline document loader), saying who claims what, about whom, and where it appeared first."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyld import jsonld

from export_sample import SEED_DATE
from exports.claimreview import claimreview_document
from exports.rows import select
from exports.schemaorg_context import CONTEXT_URLS, schema_org_document_loader
from ingest.errors import InputError
from ingest.store import OxigraphStore

SCHEMA = "http://schema.org/"
OPTIONS = {"documentLoader": schema_org_document_loader}


def expanded_reviews(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in jsonld.expand(document, OPTIONS) if f"{SCHEMA}ClaimReview" in node.get("@type", [])]


def ids(node: dict[str, Any], prop: str) -> set[str]:
    return {value["@id"] for value in node.get(f"{SCHEMA}{prop}", [])}


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


def test_each_claim_names_its_claimants_the_accused_and_where_it_appeared(analyst_store: OxigraphStore) -> None:
    claims = {review[f"{SCHEMA}itemReviewed"][0]["@id"]: review[f"{SCHEMA}itemReviewed"][0]
              for review in expanded_reviews(claimreview_document(analyst_store) or {})}
    parties = select(analyst_store, """SELECT ?allegation ?claimant ?accused ?article WHERE {
        ?allegation nkg:claimant ?claimant ; nkg:accused ?accused ; nkg:inArticle ?article }""")
    assert parties
    for row in parties:
        claim = claims[row["allegation"]]
        assert row["claimant"] in ids(claim, "author")
        assert row["accused"] in ids(claim, "about")
        assert row["article"] in ids(claim, "appearance")
        assert ids(claim, "firstAppearance") <= ids(claim, "appearance")


def test_a_clustered_claim_appears_in_every_article_and_first_in_the_dated_one(analyst_store: OxigraphStore
                                                                                ) -> None:
    clustered = select(analyst_store, """SELECT ?allegation (COUNT(DISTINCT ?article) AS ?n) WHERE {
        ?allegation a nkg:Allegation . ?cluster nkg:hasMember ?allegation , ?other . ?other nkg:inArticle ?article
        } GROUP BY ?allegation""")
    across = [row["allegation"] for row in clustered if int(row["n"]) > 1]
    assert across, "the sample store should hold an allegation made in two articles"
    claims = {review[f"{SCHEMA}itemReviewed"][0]["@id"]: review[f"{SCHEMA}itemReviewed"][0]
              for review in expanded_reviews(claimreview_document(analyst_store) or {})}
    for allegation in across:
        appearances = claims[allegation][f"{SCHEMA}appearance"]
        assert len(appearances) > 1
        dated = [a for a in appearances if f"{SCHEMA}datePublished" in a]
        assert [a[f"{SCHEMA}datePublished"][0]["@value"] for a in dated] == [SEED_DATE.isoformat()]
        assert ids(claims[allegation], "firstAppearance") == {dated[0]["@id"]}
        assert claims[allegation][f"{SCHEMA}datePublished"][0]["@value"] == SEED_DATE.isoformat()


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
