"""Known actors (the registry, with the fictional entries of fiction.py) in text: every label and variant, spelling
noise, capitals standing for governments, demonym collectives, roles and affiliations; anonymous sources kept per
article. Ported from tests/test_ingest/test_actors.py onto the rebuilt extractor. All texts are fiction."""

from __future__ import annotations

import pytest
from fiction import BASE, MINTER, extract, extractor

from newskg.ingest.model import ArticleDoc


def mentions(read, surface: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in read.actor(surface).mentions]


@pytest.mark.parametrize("surface", ["Liwa' al-Qamar", "Liwa’ al Qamar", "LIWA AL-QAMAR", "Liwa al-Qamar", "LAQ"])
def test_a_known_actor_is_found_by_every_variant_and_spelling(surface: str) -> None:
    read = extract(f"Fighters of {surface} moved north, a commander said.")
    found = read.actor("Liwa' al-Qamar")
    assert found.known and found.iri == BASE + "actor/liwa-al-qamar" and found.confidence == 1.0
    assert [m.text for m in found.mentions] == [surface]


def test_possessives_and_diacritics_do_not_hide_a_name() -> None:
    read = extract("Ostria’s envoy met Anselm Dravec's aides. Anselm Dravëc later left.")
    assert mentions(read, "Ostria") == ["Ostria"]
    assert mentions(read, "Anselm Dravec") == ["Anselm Dravec", "Anselm Dravëc"]


def test_an_acronym_variant_needs_capitals() -> None:
    read = extract("Let us see what the US decides.")
    assert mentions(read, "United States") == ["US"]


def test_a_capital_stands_for_its_government_but_stays_a_place_after_a_locative() -> None:
    read = extract("Velsk denied the report. Talks were held in Velsk and delegates flew to Velsk.")
    assert [(m.text, m.start) for m in read.actor("Ostria").mentions] == [("Velsk", 0)]
    assert read.find_actor("Port Kell") is None


def test_a_state_named_as_a_place_is_not_an_actor_mention() -> None:
    read = extract("Smugglers sell parts in Ostria, and rebels in northern Ostria use them.")
    assert read.find_actor("Ostria") is None


def test_places_are_never_actors() -> None:
    assert extract("Port Kell fell on Monday. In March, Port Kell was retaken.").extraction.actors == []


def test_demonym_and_official_noun_make_a_collective_affiliated_with_the_state() -> None:
    read = extract("Ostrian officials blame the rebels for the blockade. Ostrian rebels disagree.")
    officials = read.actor("Ostrian officials")
    assert officials.type == "ActorGroup" and officials.affiliation == BASE + "actor/ostria"
    assert officials.iri == str(MINTER.actor("Ostrian officials"))
    rebels = read.actor("Ostrian rebels")
    assert rebels.type == "ActorGroup" and rebels.affiliation is None  # rebels do not act for their state


def test_demonym_intelligence_uses_the_registry_variant_when_listed() -> None:
    assert extract("Ostrian intelligence published the intercepts.").actor("Ostrian Intelligence Directorate").known


def test_registry_role_and_affiliation_fill_in_where_the_text_is_silent() -> None:
    read = extract("Anselm Dravec arrived. Dravec spoke briefly.")
    regent = read.actor("Anselm Dravec")
    assert regent.role == "regent" and regent.affiliation == BASE + "actor/ostria"
    assert mentions(read, "Anselm Dravec") == ["Anselm Dravec", "Dravec"]


def test_the_text_gives_roles_and_affiliations_in_appositions() -> None:
    read = extract("Anselm Dravec, the head of Ostrian intelligence, resigned.")
    regent = read.actor("Anselm Dravec")
    assert regent.role == "head" and regent.affiliation == BASE + "actor/ostrian-intelligence"


def test_the_same_new_actor_in_two_articles_is_one_actor() -> None:
    text = "Anna Kowalska, a senior fellow at the Harbour Policy Institute, said so."
    first = extractor().extract(ArticleDoc(key="one", text=text))
    second = extractor().extract(ArticleDoc(key="two", text="Prices rose. " + text))
    assert {a.iri for a in first.actors} == {a.iri for a in second.actors}
    assert str(MINTER.actor("Harbour Policy Institute")) in {a.iri for a in first.actors}


def test_anonymous_sources_are_kept_per_article_and_described() -> None:
    read = extract("An Ostrian official, speaking on condition of anonymity, denied it. Later the official said more.")
    source = read.actor("An Ostrian official, speaking on condition of anonymity")
    assert source.type == "AnonymousSource" and source.kind == "anonymous"
    assert source.affiliation == BASE + "actor/ostria"
    assert source.iri == str(MINTER.anonymous_source("fiction", source.label))
    assert [m.text for m in source.mentions] == [source.label, "the official"]


def test_a_role_noun_refers_back_only_when_unambiguous() -> None:
    read = extract("An Ostrian official and a Valmoran official met on Monday. The talks ended. "
                   "The official said nothing.")
    sources = [a for a in read.extraction.actors if a.type == "AnonymousSource"]
    assert len(sources) == 2
    assert all(len(a.mentions) == 1 for a in sources)  # two candidates in one sentence: no link
