"""Known actors in text: every label and variant, spelling noise, capitals for governments, demonym collectives."""

from __future__ import annotations

import pytest

from ingest.extract.actors import find_actors
from ingest.extract.registry import Registry, RegistryEntry
from ingest.iris import IriMinter
from ingest.model import Actor, ArticleDoc

MINTER = IriMinter("https://example.org/")
BASE = MINTER.id_base


def _registry() -> Registry:
    return Registry([
        RegistryEntry(BASE + "actor/ruritania", "Ruritania", "State", demonyms=("Ruritanian",), metonyms=("Strelsau",)),
        RegistryEntry(BASE + "actor/us", "United States", "State", aliases=("US", "U.S."), demonyms=("American",)),
        RegistryEntry(BASE + "actor/front", "Hay'at al-Nasr", "ArmedGroup", aliases=("HAN", "Hayat al Nasr")),
        RegistryEntry(BASE + "actor/zenda", "Rudolf Rassendyll", "Person",
                      aliases=("Rudolf Rasendyll", "Rassendyll"), role="regent", affiliation=BASE + "actor/ruritania"),
        RegistryEntry(BASE + "actor/ruritanian-intelligence", "Ruritanian Intelligence Directorate", "IntelligenceAgency",
                      aliases=("Ruritanian intelligence",), affiliation=BASE + "actor/ruritania"),
        RegistryEntry(BASE + "place/strelsau", "Strelsau", "Place"),
        RegistryEntry(BASE + "place/zenda", "Zenda", "Place"),
    ])


def actors_in(text: str, registry: Registry | None = None) -> dict[str, Actor]:
    doc = ArticleDoc(key="test", text=text)
    actors = find_actors(doc, registry if registry is not None else _registry(), MINTER)
    for actor in actors:
        assert all(doc.text[m.start:m.end] == m.text for m in actor.mentions), actor
    return {a.label: a for a in actors}


@pytest.mark.parametrize("surface", ["Hay'at al-Nasr", "Hay’at al Nasr", "HAYAT AL-NASR", "Hayat al-Nasr", "HAN"])
def test_a_known_actor_is_found_by_every_variant_and_spelling(surface: str) -> None:
    actors = actors_in(f"Fighters of {surface} moved north, a commander said.")
    found = actors["Hay'at al-Nasr"]
    assert found.known and found.iri == BASE + "actor/front" and found.confidence == 1.0
    assert [m.text for m in found.mentions] == [surface]


def test_possessives_and_diacritics_do_not_hide_a_name() -> None:
    actors = actors_in("Ruritania’s envoy met Rudolf Rassendyll's aides. Rudolf Rasëndyll later left.")
    assert [m.text for m in actors["Ruritania"].mentions] == ["Ruritania"]
    assert [m.text for m in actors["Rudolf Rassendyll"].mentions] == ["Rudolf Rassendyll", "Rudolf Rasëndyll"]


def test_an_acronym_variant_needs_capitals() -> None:
    actors = actors_in("Let us see what the US decides.")
    assert [m.text for m in actors["United States"].mentions] == ["US"]


def test_a_capital_stands_for_its_government_but_stays_a_place_after_a_locative() -> None:
    actors = actors_in("Strelsau denied the report. Talks were held in Strelsau and delegates flew to Strelsau.")
    ruritania = actors["Ruritania"]
    assert [(m.text, m.start) for m in ruritania.mentions] == [("Strelsau", 0)]
    assert "Zenda" not in actors and "Strelsau" not in actors


def test_a_state_named_as_a_place_is_not_an_actor_mention() -> None:
    actors = actors_in("Smugglers bring parts from Ruritania, and rebels in northern Ruritania use them.")
    assert "Ruritania" not in actors


def test_places_are_never_actors() -> None:
    assert actors_in("Zenda fell on Monday. In March, Zenda was retaken.") == {}


def test_demonym_and_official_noun_make_a_collective_affiliated_with_the_state() -> None:
    actors = actors_in("Ruritanian officials have repeatedly accused the rebels. Ruritanian rebels disagree.")
    officials = actors["Ruritanian officials"]
    assert officials.type == "ActorGroup" and officials.affiliation == BASE + "actor/ruritania"
    assert officials.iri == str(MINTER.actor("Ruritanian officials"))
    rebels = actors["Ruritanian rebels"]
    assert rebels.type == "ActorGroup" and rebels.affiliation is None  # rebels do not act for their state


def test_demonym_intelligence_uses_the_registry_variant_when_listed() -> None:
    actors = actors_in("Ruritanian intelligence has leaked videos.")
    assert actors["Ruritanian Intelligence Directorate"].known


def test_demonym_intelligence_is_discovered_when_the_registry_lacks_it() -> None:
    actors = actors_in("American intelligence has leaked videos, and the American defence ministry agreed.")
    agency = actors["American intelligence"]
    assert agency.type == "IntelligenceAgency" and not agency.known and agency.affiliation == BASE + "actor/us"
    assert actors["American defence ministry"].type == "GovernmentBody"


def test_registry_role_and_affiliation_fill_in_where_the_text_is_silent() -> None:
    actors = actors_in("Rudolf Rassendyll arrived. Rassendyll spoke briefly.")
    regent = actors["Rudolf Rassendyll"]
    assert regent.role == "regent" and regent.affiliation == BASE + "actor/ruritania"
    assert [m.text for m in regent.mentions] == ["Rudolf Rassendyll", "Rassendyll"]


def test_the_text_gives_roles_and_affiliations_in_appositions() -> None:
    actors = actors_in("Rudolf Rassendyll, the head of Ruritanian intelligence, resigned.")
    regent = actors["Rudolf Rassendyll"]
    assert regent.role == "head" and regent.affiliation == BASE + "actor/ruritanian-intelligence"


def test_the_same_new_actor_in_two_articles_is_one_actor() -> None:
    text = "Anna Kowalska, a senior fellow at the Baltic Policy Institute, said so."
    first = find_actors(ArticleDoc(key="one", text=text), Registry.empty(), MINTER)
    second = find_actors(ArticleDoc(key="two", text="Prices rose. " + text), Registry.empty(), MINTER)
    assert {a.iri for a in first} == {a.iri for a in second}
    assert str(MINTER.actor("Baltic Policy Institute")) in {a.iri for a in first}


def test_anonymous_sources_are_kept_per_article_and_described() -> None:
    text = "A Ruritanian official, speaking on condition of anonymity, denied it. Later the official said more."
    actors = actors_in(text)
    source = actors["A Ruritanian official, speaking on condition of anonymity"]
    assert source.type == "AnonymousSource" and source.affiliation == BASE + "actor/ruritania"
    assert source.iri == str(MINTER.anonymous_source("test", source.label))
    assert [m.text for m in source.mentions] == [source.label, "the official"]


def test_a_role_noun_refers_back_only_when_unambiguous() -> None:
    text = ("A Ruritanian official and an American official met on Monday. The talks ended. "
            "The official said nothing.")
    actors = actors_in(text)
    sources = [a for a in actors.values() if a.type == "AnonymousSource"]
    assert len(sources) == 2
    assert all(len(a.mentions) == 1 for a in sources)  # two candidates in one sentence: no link
