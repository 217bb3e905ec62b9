"""The reconciliation service over HTTP on a real server: queries shaped as OpenRefine sends them (a `queries` form
field holding a batch), by GET and POST, with JSONP. The store holds the actor registry and the hand-made sample
(pages_sample.py), and takes a new article through the real pipeline; the names asked for are the registry's, so
what is tested is the matching, not what extraction happens to find in the seeds."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import httpx
import pytest
from pages_sample import Site, site  # noqa: F401  (fixture)

from newskg.ingest.namespaces import NKG

OPENREFINE_FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}


def reconcile(site: Site, batch: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(f"{site.url}reconcile", data={"queries": json.dumps(batch)}, headers=OPENREFINE_FORM,
                          timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == "*"
    return response.json()


def best(results: dict[str, Any], key: str) -> dict[str, Any]:
    candidates = results[key]["result"]
    assert candidates, f"no candidate for {key}"
    return candidates[0]


def test_the_manifest_describes_the_service_and_every_url_it_names_answers(site: Site) -> None:
    manifest = httpx.get(f"{site.url}reconcile").json()
    assert "0.2" in manifest["versions"]
    assert manifest["identifierSpace"] == f"{site.url}id/"
    assert manifest["schemaSpace"] == str(NKG)
    assert {"Person", "Organization", "State", "IntelligenceAgency", "AnonymousSource"} <= \
        {t["id"] for t in manifest["defaultTypes"]}
    for template in (manifest["view"]["url"], manifest["preview"]["url"]):
        assert "{{id}}" in template
        assert httpx.get(template.replace("{{id}}", "actor/gur")).status_code == 200
    for kind, prefix in (("entity", "Budanov"), ("type", "state"), ("property", "affil")):
        service = manifest["suggest"][kind]
        found = httpx.get(service["service_url"] + service["service_path"], params={"prefix": prefix}).json()
        assert found["result"], kind
    proposal = manifest["extend"]["propose_properties"]
    proposed = httpx.get(proposal["service_url"] + proposal["service_path"], params={"type": "Person"}).json()
    assert {"affiliation", "role"} <= {p["id"] for p in proposed["properties"]}


def test_an_openrefine_batch_matches_names_variants_diacritics_and_transliterations(site: Site) -> None:
    results = reconcile(site, {
        "q0": {"query": "Alexander Lavrentyev", "type": "Person", "type_strict": "should"},   # the other spelling
        "q1": {"query": "Kyrylo Budánov", "type": "Person", "type_strict": "should"},         # a stray diacritic
        "q2": {"query": "Кирилл Буданов", "type": "Person", "type_strict": "should"},         # Russian Cyrillic
        "q3": {"query": "Türkiye", "type": "State", "type_strict": "should"},                 # a registry variant
        "q4": {"query": "Hayat Tahrir al Sham", "type_strict": "should"},                     # apostrophes and hyphens
        "q5": {"query": "Oleksandr Lavrentiev", "type": "Person"},                            # a transliteration
    })
    expected = {"q0": "actor/alexander-lavrentiev", "q1": "actor/kyrylo-budanov", "q2": "actor/kyrylo-budanov",
                "q3": "actor/turkey", "q4": "actor/hts", "q5": "actor/alexander-lavrentiev"}
    for key, actor in expected.items():
        top = best(results, key)
        assert top["id"] == actor, (key, top)
        assert top["match"] is True and top["score"] >= 90, (key, top)
    assert {"id": "Person", "name": "person"} in best(results, "q0")["type"]
    assert best(results, "q2")["features"][0]["id"] == "name"


def test_the_type_filter_keeps_other_kinds_out(site: Site) -> None:
    results = reconcile(site, {"state": {"query": "Ukraine", "type": "State"},
                                      "person": {"query": "Ukraine", "type": "Person"},
                                      "agency": {"query": "Ukraine", "type": ["IntelligenceAgency"]},
                                      "organisation": {"query": "Defence Intelligence of Ukraine",
                                                       "type": "Organization"}})
    assert best(results, "state")["id"] == "actor/ukraine" and best(results, "state")["match"]
    assert all(c["id"] != "actor/ukraine" for c in results["person"]["result"])
    assert all(t["id"] == "IntelligenceAgency" for c in results["agency"]["result"] for t in c["type"])
    assert best(results, "organisation")["id"] == "actor/gur"   # a subclass of the type asked for


def test_close_namesakes_are_candidates_but_not_a_match(site: Site) -> None:
    candidates = reconcile(site, {"q": {"query": "Armed Forces", "limit": 10}})["q"]["result"]
    assert {"actor/armed-forces-of-ukraine", "actor/russian-armed-forces"} <= \
        {c["id"] for c in candidates}
    assert not any(c["match"] for c in candidates)
    scores = [c["score"] for c in candidates]
    assert scores == sorted(scores, reverse=True)


def test_properties_refine_the_score_and_can_stand_alone(site: Site) -> None:
    results = reconcile(site, {
        "name": {"query": "Defence Intelligence"},
        "with": {"query": "Defence Intelligence", "properties": [{"pid": "affiliation", "v": "Ukraine"}]},
        "against": {"query": "Defence Intelligence", "properties": [{"pid": "affiliation", "v": "Brazil"}]},
        "wikidata": {"properties": [{"pid": "wikidata", "v": "Q212"}]},
        "reconciled": {"properties": [{"pid": "affiliation", "v": {"id": "actor/ukraine", "name": "Ukraine"}}],
                       "limit": 20},
    })
    alone, helped, hindered = (best(results, key) for key in ("name", "with", "against"))
    assert alone["id"] == helped["id"] == "actor/gur"
    assert helped["score"] > alone["score"] > hindered["score"]
    assert helped["match"] and not hindered["match"]
    assert {"id": "affiliation", "value": 100.0} in helped["features"]
    assert best(results, "wikidata")["id"] == "actor/ukraine"
    assert "actor/gur" in {c["id"] for c in results["reconciled"]["result"]}


def test_an_identifier_as_the_query_finds_its_entity(site: Site) -> None:
    results = reconcile(site, {"q": {"query": "actor/gur"}})
    assert best(results, "q")["id"] == "actor/gur" and best(results, "q")["match"]


def test_get_answers_as_post_does_and_jsonp_wraps_the_answer(site: Site) -> None:
    batch = json.dumps({"q0": {"query": "Kyrylo Budanov"}})
    posted = httpx.post(f"{site.url}reconcile", data={"queries": batch}).json()
    got = httpx.get(f"{site.url}reconcile", params={"queries": batch}).json()
    assert got == posted
    wrapped = httpx.get(f"{site.url}reconcile", params={"queries": batch, "callback": "jsonp42"})
    assert wrapped.headers["content-type"].startswith("application/javascript")
    call = re.fullmatch(r"/\*\*/jsonp42\((.*)\);", wrapped.text, re.DOTALL)
    assert call and json.loads(call.group(1)) == posted
    manifest = httpx.get(f"{site.url}reconcile", params={"callback": "cb.manifest"})
    assert manifest.text.startswith("/**/cb.manifest(")


def test_preview_is_a_small_page_a_client_may_frame(site: Site) -> None:
    response = httpx.get(f"{site.url}reconcile/preview", params={"id": "actor/gur"})
    assert response.status_code == 200
    assert "Defence Intelligence of Ukraine" in response.text and "Affiliated with Ukraine" in response.text
    assert "x-frame-options" not in response.headers
    assert "frame-ancestors *" in response.headers["content-security-policy"]
    assert httpx.get(f"{site.url}reconcile/preview", params={"id": "actor/nobody"}).status_code == 404


def test_suggest_completes_prefixes_of_entities_types_and_properties(site: Site) -> None:
    def suggest(kind: str, **params: Any) -> list[dict[str, Any]]:
        response = httpx.get(f"{site.url}reconcile/suggest/{kind}", params=params)
        assert response.status_code == 200, response.text
        return response.json()["result"]

    lavr = [entity["id"] for entity in suggest("entity", prefix="Lavr")]
    assert {"actor/alexander-lavrentiev", "actor/sergey-lavrov"} <= set(lavr)
    assert all("notable" in entity and entity["name"] for entity in suggest("entity", prefix="Lavr"))
    assert [e["id"] for e in suggest("entity", prefix="Ukr", type="State")][0] == "actor/ukraine"
    assert all(t["id"] == "State" for e in suggest("entity", prefix="Ukr", type="State") for t in e["notable"])
    first_page = [e["id"] for e in suggest("entity", prefix="a")]
    assert len(first_page) == 10
    assert [e["id"] for e in suggest("entity", prefix="a", cursor=5)][:5] == first_page[5:]   # the cursor skips
    assert suggest("entity", prefix="Budanvo")[0]["id"] == "actor/kyrylo-budanov"   # a typo still finds him
    assert [t["id"] for t in suggest("type", prefix="intel")] == ["IntelligenceAgency"]
    assert "affiliation" in [p["id"] for p in suggest("property", prefix="affil")]


def test_data_extension_fetches_properties_of_reconciled_actors(site: Site) -> None:
    """On the hand-made sample, whose two allegations accuse the agency (the seeds' extraction may find none)."""
    query = {"ids": ["actor/gur", "actor/ukraine", "actor/nobody"],
             "properties": [{"id": "affiliation"}, {"id": "wikidata"}, {"id": "allegations_against"},
                            {"id": "kind"}]}
    response = httpx.post(f"{site.url}reconcile", data={"extend": json.dumps(query)})
    assert response.status_code == 200, response.text
    extension = response.json()
    assert [column["id"] for column in extension["meta"]] == ["affiliation", "wikidata", "allegations_against", "kind"]
    gur, ukraine, nobody = (extension["rows"][i] for i in query["ids"])
    assert gur["affiliation"] == [{"id": "actor/ukraine", "name": "Ukraine"}]
    assert ukraine["wikidata"] == [{"str": "Q212"}]
    assert gur["allegations_against"] == [{"int": 2}] and ukraine["allegations_against"] == [{"int": 0}]
    assert gur["kind"] == [{"str": "intelligence agency"}]
    assert all(values == [] for values in nobody.values())


@pytest.mark.parametrize(("field", "value", "complaint"), [
    ("queries", "{not json", "not valid JSON"),
    ("queries", "[1, 2]", "JSON object"),
    ("queries", json.dumps({f"q{n}": {"query": "x"} for n in range(101)}), "at most 100"),
    ("queries", json.dumps({"q": {"query": "x", "colour": "red"}}), "unknown fields"),
    ("queries", json.dumps({"q": {"query": "x", "limit": 0}}), "limit"),
    ("queries", json.dumps({"q": {"query": "x", "type": "Planet"}}), "unknown type 'Planet'"),
    ("queries", json.dumps({"q": {"query": "x", "properties": [{"pid": "colour", "v": "red"}]}}), "unknown property"),
    ("queries", json.dumps({"q": {"query": "  "}}), "non-empty"),
    ("extend", json.dumps({"ids": ["actor/gur"], "properties": [{"id": "colour"}]}), "unknown property"),
    ("extend", "{}", "ids"),
])
def test_bad_input_is_a_400_that_names_what_is_wrong(site: Site, field: str, value: str, complaint: str
                                                     ) -> None:
    response = httpx.post(f"{site.url}reconcile", data={field: value})
    assert response.status_code == 400
    assert complaint in response.text
    assert response.headers["access-control-allow-origin"] == "*"


def test_a_written_article_is_reconciled_after_the_write(site: Site) -> None:
    """The index follows writes: at once when it is cheap to build, else (GenerationCache) as soon as its background
    rebuild lands, which on a busy machine may take a moment even for a small store."""
    text = ("Harbour of Velmar reopens after strikes\n\nOfficials in Velmar said on Tuesday that the harbour would "
            "reopen.\n\n\"We will not let the harbour close again,\" said Ottilie Brandvold, the regional governor, "
            "speaking to reporters.\n")
    query = {"q": {"query": "Ottilie Brandvold", "type": "Person"}}
    assert not any(c["match"] for c in reconcile(site, query)["q"]["result"])
    written = httpx.post(f"{site.url}articles", params={"name": "velmar.txt"}, content=text.encode(),
                         headers={"Content-Type": "text/plain"}, timeout=120)
    assert written.status_code == 201, written.text
    deadline = time.monotonic() + 30
    while not (found := reconcile(site, query)["q"]["result"]) or not found[0]["match"]:
        assert time.monotonic() < deadline, f"the index never took the new article in: {found}"
        time.sleep(0.1)
    assert found[0]["name"] == "Ottilie Brandvold"
