"""The actor registry (ontology/actors.ttl, ontology/states.ttl): loading, and resolving names insensitive to spelling
noise. Ported from tests/test_ingest/test_registry.py and test_actors_unseen.py onto ingest.extract.actors.registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.actors import Registry, RegistryEntry, load_registry
from newskg.ingest.iris import IriMinter

MINTER = IriMinter("https://example.org/")
BASE = MINTER.id_base


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(MINTER)


def test_relative_iris_resolve_under_the_minters_base(registry: Registry) -> None:
    assert registry.entries
    assert all(e.iri.startswith(MINTER.id_base) for e in registry.entries)
    hts = registry.resolve("HTS")
    assert hts is not None and hts.iri == MINTER.id_base + "actor/hts" and hts.type == "ArmedGroup"


@pytest.mark.parametrize("variant", [
    "Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham", "HAY’AT TAHRIR AL-SHAM", "hayat tahrir al-sham's",
])
def test_resolve_ignores_case_apostrophes_hyphens_and_possessives(registry: Registry, variant: str) -> None:
    assert registry.resolve(variant) == registry.resolve("HTS")


@pytest.mark.parametrize(("one", "other"), [
    ("al-Qaeda", "al Qaeda"), ("Türkiye", "Turkey"), ("Russia’s", "Russia"),
    ("the Washington Post", "Washington Post"),
])
def test_variants_listed_in_the_registry_resolve_to_one_actor(registry: Registry, one: str, other: str) -> None:
    assert registry.resolve(one) is not None
    assert registry.resolve(one) == registry.resolve(other)


def test_states_carry_demonyms_and_capitals(registry: Registry) -> None:
    ukraine = registry.resolve("Ukraine")
    assert ukraine is not None and ukraine.type == "State"
    assert "Ukrainian" in ukraine.demonyms and "Kyiv" in ukraine.metonyms


def test_a_name_shared_by_an_actor_and_a_place_resolves_to_the_actor(registry: Registry) -> None:
    syria = registry.resolve("Syria")
    assert syria is not None and syria.type == "State"
    assert any(e.is_place and e.label == "Idlib" for e in registry.entries)


def test_every_sovereign_state_is_known_with_its_short_names_demonyms_and_seat(registry: Registry) -> None:
    assert len([e for e in registry.entries if e.type == "State"]) >= 195
    uae = registry.resolve("UAE")
    assert uae is not None and uae == registry.resolve("United Arab Emirates")
    assert "Emirati" in uae.demonyms and "Abu Dhabi" in uae.metonyms
    assert registry.resolve("DRC") == registry.resolve("Democratic Republic of the Congo") == registry.resolve("Congo")
    assert registry.resolve("Britain") == registry.resolve("UK")
    assert "Downing Street" in registry.resolve("United Kingdom").metonyms  # type: ignore[union-attr]
    assert "Brussels" in registry.resolve("EU").metonyms  # type: ignore[union-attr]
    assert registry.resolve("IAEA").affiliation == BASE + "actor/united-nations"  # type: ignore[union-attr]


def test_unknown_names_resolve_to_nothing(registry: Registry) -> None:
    assert registry.resolve("Harbour Policy Institute") is None
    assert Registry.empty().resolve("HTS") is None


def test_a_registry_file_of_ones_own_is_read_with_roles_affiliations_and_wikidata(tmp_path: Path) -> None:
    path = tmp_path / "actors.ttl"
    path.write_text("""
@prefix nkg: <https://w3id.org/newskg/ontology/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<actor/acme-bank> a nkg:Organization ; skos:prefLabel "Acme Bank"@en ; skos:altLabel "ACB"@en ; nkg:known true .
<actor/jo-doe> a nkg:Person ; skos:prefLabel "Jo Doe"@en ; nkg:role "chief economist" ;
    nkg:affiliation <actor/acme-bank> ; owl:sameAs <http://www.wikidata.org/entity/Q1> .
<place/atlantis> a nkg:Place ; skos:prefLabel "Atlantis"@en .
""", encoding="utf-8")
    registry = load_registry(MINTER, path)
    assert registry.resolve("JO DOE") == RegistryEntry(
        iri=BASE + "actor/jo-doe", label="Jo Doe", type="Person", role="chief economist",
        affiliation=BASE + "actor/acme-bank", wikidata="http://www.wikidata.org/entity/Q1")
    assert registry.resolve("ACB") == registry.by_iri(BASE + "actor/acme-bank")
    atlantis = registry.resolve("Atlantis")
    assert atlantis is not None and atlantis.is_place


def test_an_unreadable_registry_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(NewskgError, match="actor registry"):
        load_registry(MINTER, path)
