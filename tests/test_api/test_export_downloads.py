"""The exports for analysts' tools as downloads of a real server: listed on /dumps and in VoID, served like the RDF
dumps (gzip, ETag), rebuilt after a write; one allegation's ClaimReview linked from its page."""

from __future__ import annotations

import gzip

import httpx
from pages_sample import Site, site  # noqa: F401  (fixture)
from pyld import jsonld
from rdflib import Graph
from rdflib.namespace import DCAT
from stix2validator import ValidationOptions, validate_instance

from newskg.exports.schemaorg_context import schema_org_document_loader

STIX = "dumps/newskg.stix.json"
CLAIMREVIEW = "dumps/newskg.claimreview.jsonld"


def test_the_downloads_page_and_void_list_both_exports(site: Site) -> None:
    page = httpx.get(f"{site.url}dumps").text
    assert f'href="/{STIX}"' in page and f'href="/{CLAIMREVIEW}"' in page
    void = Graph().parse(data=httpx.get(f"{site.url}.well-known/void", headers={"accept": "text/turtle"}).text,
                         format="turtle")
    urls = {str(url) for url in void.objects(None, DCAT.downloadURL)}
    assert {site.url + STIX, site.url + CLAIMREVIEW} <= urls
    media = {str(m) for m in void.objects(None, DCAT.mediaType)}
    assert "https://www.iana.org/assignments/media-types/application/stix+json" in media


def test_the_stix_download_is_a_valid_bundle_and_gzips_and_revalidates(site: Site) -> None:
    response = httpx.get(site.url + STIX, timeout=60)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/stix+json")
    results = validate_instance(response.json(), ValidationOptions(version="2.1", enforce_refs=True))
    assert results.is_valid, [str(e) for e in results.errors][:5]
    zipped = httpx.get(site.url + STIX + ".gz", timeout=60)
    assert gzip.decompress(zipped.content) == response.content
    assert httpx.get(site.url + STIX, headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_an_allegation_page_links_its_claimreview(site: Site) -> None:
    allegation = site.sample.allegation
    key = allegation.rsplit("/", 1)[-1]
    page = httpx.get(site.url + f"id/allegation/{key}").text
    link = f"/dumps/claimreview/{key}.jsonld"
    assert f'href="{link}"' in page
    response = httpx.get(site.url + link.lstrip("/"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    expanded = jsonld.expand(response.json(), {"documentLoader": schema_org_document_loader})
    claim = expanded[0]["http://schema.org/itemReviewed"][0]
    assert claim["@id"] == allegation
    assert claim["http://schema.org/author"][0]["@id"] == site.sample.lavrentiev
    assert httpx.get(site.url + "dumps/claimreview/nothing-here.jsonld").status_code == 404
    assert httpx.get(site.url + "dumps/ontology/newskg.ttl").status_code == 200   # the data files still answer


def test_a_write_rebuilds_the_exports(site: Site) -> None:
    before = httpx.get(site.url + CLAIMREVIEW, timeout=60)
    text = ("Ministry denies bribery claim\n\nPublished 2 February 2031\n\nThe opposition accused the Ministry of "
            "Transport of taking bribes from builders, a claim the ministry denied on Monday.\n")
    written = httpx.post(f"{site.url}articles", params={"name": "bribes.txt"}, content=text.encode(),
                         headers={"Content-Type": "text/plain"}, timeout=120)
    assert written.status_code == 201, written.text
    after = httpx.get(site.url + CLAIMREVIEW, headers={"If-None-Match": before.headers["etag"]}, timeout=60)
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    stix = httpx.get(site.url + STIX, timeout=60).json()
    names = {o.get("name") for o in stix["objects"] if o["type"] == "report"}
    assert "Ministry denies bribery claim" in names
