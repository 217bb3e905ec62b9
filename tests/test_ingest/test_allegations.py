"""Allegations: who claims which actor did what for whom, and which statements support or contest each claim."""

from __future__ import annotations

from functools import lru_cache

from attribution_helpers import MINTER, actor, doc, lexicon, statements

from ingest.extract.allegations import find_allegations
from ingest.extract.extractor import Extractor
from ingest.model import Allegation, Extraction, Statement
from ingest.resources import SEEDS_DIR

STORY = (
    "Sudan's foreign ministry accused Kenya of hosting RSF leaders and providing the group with fuel and vehicles.\n\n"
    "\"We have never sold, donated or transferred any military equipment to the RSF,\" government spokesman "
    "Isaac Mwaura told reporters.\n\n"
    "Amina Yusuf, a researcher, believes the accusations about Kenya are exaggerated.\n\n"
    "The ministry also claimed that Kenyan officials met RSF commanders in Nairobi."
)


def _story() -> tuple[list[Statement], list[Allegation], dict[str, str]]:
    actors = [
        actor(STORY, "Sudan's foreign ministry", "GovernmentBody", "The ministry"),
        actor(STORY, "Kenya", "State"),
        actor(STORY, "Rapid Support Forces", "ArmedGroup", "RSF", "the group"),
        actor(STORY, "Isaac Mwaura", "Person"),
        actor(STORY, "Amina Yusuf", "Person"),
        actor(STORY, "Kenyan officials", "ActorGroup", affiliation=str(MINTER.actor("Kenya"))),
    ]
    found = statements(STORY, actors)
    allegations = find_allegations(doc(STORY), actors, found, lexicon(), MINTER)
    return found, allegations, {a.label: a.iri for a in actors}


def test_accused_of_gives_one_allegation_per_act_against_the_object() -> None:
    _, allegations, iri = _story()
    fuel = [a for a in allegations if a.claim_type == "supply-weapons"]
    assert len(fuel) == 1
    assert fuel[0].accused == [iri["Kenya"]]
    assert fuel[0].claimants == [iri["Sudan's foreign ministry"]]
    assert iri["Rapid Support Forces"] in fuel[0].beneficiaries
    assert fuel[0].summary.startswith("Kenya provided the group with fuel")
    assert STORY[fuel[0].evidence.start:fuel[0].evidence.end] == fuel[0].evidence.text
    assert fuel[0].cluster == str(MINTER.cluster("allegation", f"supply-weapons|{iri['Kenya']}|"
                                                 f"{iri['Rapid Support Forces']}"))


def test_denials_and_downplaying_contest_the_allegation_and_fill_about() -> None:
    found, allegations, _ = _story()
    fuel = next(a for a in allegations if a.claim_type == "supply-weapons")
    denial = next(s for s in found if "never sold" in s.content.text)
    downplay = next(s for s in found if "exaggerated" in s.content.text)
    assert denial.stance == "denies" and downplay.stance == "downplays"
    assert denial.iri in fuel.contested_by and downplay.iri in fuel.contested_by
    assert fuel.iri in denial.about
    accusation = next(s for s in found if s.cue is not None and s.cue.text == "accused")
    assert accusation.iri in fuel.supported_by and fuel.iri in accusation.about


def test_a_group_accused_also_implicates_its_affiliation() -> None:
    _, allegations, iri = _story()
    meeting = next(a for a in allegations if "Kenyan officials" in a.summary)
    assert iri["Kenyan officials"] in meeting.accused and iri["Kenya"] in meeting.accused


@lru_cache(maxsize=1)
def _seeds() -> dict[str, Extraction]:
    extractor = Extractor.load(MINTER)
    return {p.stem: extractor.extract_file(p) for p in sorted(SEEDS_DIR.glob("*.txt"))}


def _labels(extraction: Extraction, iris: list[str]) -> set[str]:
    by_iri = {a.iri: a for a in extraction.actors}
    return {by_iri[i].label for i in iris if i in by_iri}


def test_seed_allegations_have_claimants_accused_and_contesters() -> None:
    for extraction in _seeds().values():
        assert extraction.allegations
        for allegation in extraction.allegations:
            assert allegation.claimants and allegation.accused and allegation.summary
            text = extraction.article.text
            assert text[allegation.evidence.start:allegation.evidence.end] == allegation.evidence.text
        assert any(a.contested_by for a in extraction.allegations)


def test_the_same_allegation_in_two_articles_shares_a_cluster() -> None:
    clusters = [{(a.claim_type, a.cluster) for a in e.allegations} for e in _seeds().values()]
    shared = clusters[0] & clusters[1]
    assert any(claim_type == "deploy-personnel" for claim_type, _ in shared)


def test_a_rumour_without_a_source_makes_no_allegation_and_alleged_acts_are_no_events() -> None:
    extraction = _seeds()["mee-ukraine-hts-aleppo"]
    rumour = next(s for s in extraction.statements if s.cue is not None and s.cue.text == "rumours")
    assert rumour.speaker is None and rumour.certainty == "alleged"
    content = rumour.content
    assert not any(content.start <= a.evidence.start < content.end for a in extraction.allegations)
    alleged_types = {a.claim_type for a in extraction.allegations}
    assert not alleged_types & {e.type for e in extraction.events}


def test_the_drone_allegation_against_ukraine_is_contested_by_the_turkish_source() -> None:
    extraction = _seeds()["mee-ukraine-hts-aleppo"]
    drones = next(a for a in extraction.allegations if a.claim_type == "supply-weapons")
    assert "Ukraine" in _labels(extraction, drones.accused)
    contesters = {s.speaker_label for s in extraction.statements if s.iri in drones.contested_by}
    assert any("Turkish source" in (label or "") for label in contesters)
