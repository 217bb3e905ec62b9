"""Discovery on a whole article of a story no rule was written for (data/trade-dispute.txt, fiction written for the
project: a trade dispute quoting ministers, an anonymous diplomat, a think-tank fellow, an academic, newspapers and an
account), without a registry and with the real one. Ported from tests/test_ingest/test_actors_discovery.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fiction import MINTER, Read

from newskg.ingest.extract import Extractor
from newskg.ingest.extract.actors import ActorFinder, Registry
from newskg.ingest.model import Actor, ArticleDoc

ARTICLE = Path(__file__).parent / "data" / "trade-dispute.txt"

EXPECTED = {  # label: (type, kinds, role, affiliation label, surface forms)
    "Helena Marques": ("Person", "named", "Trade Minister", None, ["Helena Marques", "Marques"]),
    "World Trade Organization": ("Organization", "named", None, None, ["World Trade Organization"]),
    "Brazilian economy ministry": ("GovernmentBody", "named described", None, None, ["Brazilian economy ministry"]),
    "Brazilian officials": ("ActorGroup", "collective", None, None, ["Brazilian officials"]),
    "A European diplomat familiar with the talks": (
        "AnonymousSource", "anonymous", None, None, ["A European diplomat familiar with the talks", "the diplomat"]),
    "Lisbon Gazette": ("MediaOutlet", "named", None, None, ["Lisbon Gazette"]),
    "Rafael Costa": ("Person", "named", "senior fellow", "Atlantic Trade Institute", ["Rafael Costa", "Costa"]),
    "Atlantic Trade Institute": ("ThinkTank", "named", None, None, ["Atlantic Trade Institute"]),
    "O Jornal": ("MediaOutlet", "named", None, None, ["O Jornal"]),
    "Portuguese Steel Association": ("Organization", "named", None, None, ["Portuguese Steel Association"]),
    # "Its president, Ana Ribeiro": "its" is the association named in the sentence before
    "Ana Ribeiro": ("Person", "named", "president", "Portuguese Steel Association", ["Ana Ribeiro"]),
    "Paulo Mendes": ("Person", "named", "economist", "University of Coimbra", ["Paulo Mendes"]),
    "University of Coimbra": ("AcademicInstitution", "named", None, None, ["University of Coimbra"]),
    "Siderurgia Watch": ("SocialMediaAccount", "named", "Telegram channel", None, ["Siderurgia Watch"]),
    "Tiago Alves": ("Person", "named", "Foreign Minister", None, ["Tiago Alves"]),
}
# with the full registry (ontology/states.ttl), the WTO is known and Brazil's collectives speak for Brazil
KNOWN_IN_FULL_REGISTRY = {"World Trade Organization": MINTER.id_base + "actor/wto"}
AFFILIATED_IN_FULL_REGISTRY = {"Brazilian economy ministry": MINTER.id_base + "actor/brazil",
                               "Brazilian officials": MINTER.id_base + "actor/brazil"}


@pytest.fixture(scope="module", params=["empty", "full"])
def registry_mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def actors(registry_mode: str) -> dict[str, Actor]:
    extractor = Extractor.load(MINTER)
    if registry_mode == "empty":
        extractor = replace(extractor, registry=Registry.empty(),
                            actor_finder=ActorFinder(Registry.empty(), extractor.lexicon))
    read = Read(extractor.extract(ArticleDoc(key="trade", text=ARTICLE.read_text(encoding="utf-8"))))
    return {a.label: a for a in read.extraction.actors}


def test_discovery_finds_exactly_the_actors_the_article_names(actors: dict[str, Actor]) -> None:
    assert set(actors) == set(EXPECTED)


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_each_discovered_actor_has_its_type_kind_role_affiliation_and_mentions(
        actors: dict[str, Actor], label: str, registry_mode: str) -> None:
    kind, kinds, role, affiliation, surfaces = EXPECTED[label]
    assert label in actors, sorted(actors)
    actor = actors[label]
    assert (actor.type, actor.role, [m.text for m in actor.mentions]) == (kind, role, surfaces)
    assert actor.kind in kinds.split()
    full = registry_mode == "full"
    expected_affiliation = actors[affiliation].iri if affiliation else None
    if full and label in AFFILIATED_IN_FULL_REGISTRY:
        expected_affiliation = AFFILIATED_IN_FULL_REGISTRY[label]
    assert actor.affiliation == expected_affiliation
    if full and label in KNOWN_IN_FULL_REGISTRY:
        assert actor.known and actor.iri == KNOWN_IN_FULL_REGISTRY[label]
    else:
        assert not actor.known and 0.5 <= actor.confidence < 1.0


def test_places_months_weekdays_and_technology_are_not_actors(actors: dict[str, Actor]) -> None:
    names = {m.text for a in actors.values() for m in a.mentions}
    assert not names & {"Portugal", "Geneva", "October", "August", "Wednesday", "Tuesday", "LNG", "FPV", "On"}


def test_new_actors_are_named_by_their_canonical_name_and_sources_by_article(actors: dict[str, Actor]) -> None:
    assert actors["Rafael Costa"].iri == str(MINTER.actor("Rafael Costa"))
    diplomat = actors["A European diplomat familiar with the talks"]
    assert diplomat.iri == str(MINTER.anonymous_source("trade", diplomat.label))
