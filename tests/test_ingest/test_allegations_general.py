"""Allegations outside the lexicon's first domain: wrongdoing of any kind, accusers the article has no actor for,
definite descriptions of the accused, claims against a body of the accused party, and general stance wording."""

from __future__ import annotations

from attribution_helpers import MINTER, actor, by_content, doc, lexicon, statements

from ingest.extract.allegations import find_allegations
from ingest.model import Actor, Allegation, Statement


def _run(story: str, actors: list[Actor]) -> tuple[list[Statement], list[Allegation]]:
    found = statements(story, actors)
    return found, find_allegations(doc(story), actors, found, lexicon(), MINTER)


def test_an_accusation_by_an_unnamed_group_is_claimed_by_the_named_group_that_backs_it() -> None:
    story = ("Residents have accused Tarnbrook Chemicals of illegally dumping toxic waste into the lake, a claim the "
             "company called \"nonsense\".\n\n"
             "The Ossin Lake Trust said its divers recorded discharges near the plant on 12 occasions.\n\n"
             "Tarnbrook Chemicals denied any wrongdoing.")
    actors = [actor(story, "Tarnbrook Chemicals", "Organization"), actor(story, "Ossin Lake Trust", "Organization")]
    found, allegations = _run(story, actors)
    trust = by_content(found, "its divers recorded discharges")
    denial = by_content(found, "any wrongdoing")
    assert trust.stance == "supports"
    assert allegations and all(a.accused == [actors[0].iri] for a in allegations)
    assert any(a.claimants == [actors[1].iri] and trust.iri in a.supported_by and denial.iri in a.contested_by
               for a in allegations)


def test_a_speakerless_accusation_nobody_backs_makes_no_allegation() -> None:
    story = "Residents have accused Tarnbrook Chemicals of illegally dumping toxic waste into the lake."
    _, allegations = _run(story, [actor(story, "Tarnbrook Chemicals", "Organization")])
    assert allegations == []


def test_the_bank_is_the_bank_the_article_named_not_its_spokesman() -> None:
    story = ("Harbour Savings Bank reported a loss on Monday. A bank spokesman said the figures were final.\n\n"
             "The consumer group Fair Pay accused the bank of concealing losses from investors.")
    bank = actor(story, "Harbour Savings Bank", "Organization")
    actors = [bank, actor(story, "A bank spokesman", "AnonymousSource"), actor(story, "Fair Pay", "Organization")]
    _, allegations = _run(story, actors)
    assert [a.accused for a in allegations] == [[bank.iri]]
    assert allegations[0].claim_type == "cover-up"


def test_the_militia_is_the_actor_introduced_as_a_militia() -> None:
    story = ("Villagers blame the Northern Front (NF), a militia based in the hills, for the raid.\n\n"
             "Army spokesman Ivo Maren accused the militia of torching homes. The Ardan army has "
             "deployed troops to the area.")
    front = actor(story, "Northern Front", "Organization", "NF")
    actors = [front, actor(story, "Ardan army", "ArmedGroup"), actor(story, "Ivo Maren", "Person")]
    _, allegations = _run(story, actors)
    torching = [a for a in allegations if actors[2].iri in a.claimants]
    assert torching and all(a.accused == [front.iri] for a in torching)


def test_a_claim_against_a_state_body_also_supports_the_allegation_against_the_state() -> None:
    story = ("Velmar accused Ostria of bribing election officials.\n\n"
             "Anna Brook, Velmar's interior minister, said Ostrian intelligence had paid bribes to the officials.")
    ostria = actor(story, "Ostria", "State")
    actors = [actor(story, "Velmar", "State"), ostria,
              actor(story, "Ostrian intelligence", "IntelligenceAgency", affiliation=ostria.iri),
              actor(story, "Anna Brook", "Person")]
    found, allegations = _run(story, actors)
    minister = by_content(found, "Ostrian intelligence had paid bribes")
    against_state = [a for a in allegations if a.accused == [ostria.iri]]
    assert against_state
    assert any(actors[3].iri in a.claimants and minister.iri in a.supported_by for a in against_state)


def test_general_wrongdoing_and_defence_wording_gives_the_stance() -> None:
    story = ("Marta Lind said the coaches knew exactly what was happening.\n\n"
             "Rider Tomas Berg said he had never been offered anything illegal.\n\n"
             "Kai Moss said only a small fraction of the records had been affected.\n\n"
             "Ella Park said the city's building firm had received contracts without a tender.")
    actors = [actor(story, name, "Person") for name in ("Marta Lind", "Tomas Berg", "Kai Moss", "Ella Park")]
    found = statements(story, actors)
    assert by_content(found, "knew exactly").stance == "supports"
    assert by_content(found, "anything illegal").stance == "denies"
    assert by_content(found, "small fraction").stance == "downplays"
    assert by_content(found, "without a tender").stance == "supports"


def test_a_third_party_pointing_at_the_accusers_earlier_similar_claims_contests() -> None:
    story = ("Velmar accused Ostria of funding the rebels.\n\n"
             "Ostria denied the accusation.\n\n"
             "Analyst Rosa Vey said Velmar had made similar claims before without providing evidence.")
    actors = [actor(story, "Velmar", "State"), actor(story, "Ostria", "State"), actor(story, "Rosa Vey", "Person")]
    found, allegations = _run(story, actors)
    analyst = by_content(found, "similar claims")
    assert analyst.stance == "downplays"
    assert allegations and all(analyst.iri in a.contested_by for a in allegations)
