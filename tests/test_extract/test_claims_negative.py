"""The negative tests of issue 13 ("Done when"), each on a text written for the project (fiction, see fiction.py):
a negated accusation, a rebuttal, a motive explanation, a third party's denial of its own role, a passive accusation,
a document as claimant — each extracted right."""

from __future__ import annotations

import pytest
from fiction import extract


@pytest.mark.parametrize("text", [
    "Mara Voss did not accuse Korlin Holdings of bribery.",
    "The audit does not accuse Brannock Logistics of any wrongdoing.",
    "Mara Voss has never claimed that Korlin Holdings paid the mayor.",
])
def test_a_negated_accusation_makes_no_allegation(text: str) -> None:
    read = extract(text)
    assert read.extraction.allegations == [], read.summary()
    assert read.extraction.statements == []


REBUTTAL = ("Prosecutors in Velsk accused Teodor Brask of hiding money in offshore accounts.\n\n"
            "Even after searching his house and his office, they did not allege that he had hidden any cash, "
            "his lawyer Ines Falk said.")


def test_a_rebuttal_contests_the_charge_and_claims_nothing() -> None:
    read = extract(REBUTTAL)
    charge = read.allegation_against("Teodor Brask")
    rebuttal = read.statement("did not allege")
    assert read.label(rebuttal.speaker) == "Ines Falk"
    assert read.stance(rebuttal, charge) == "denies"
    assert rebuttal.stance in ("denies", "dismisses")
    lawyer = read.actor("Ines Falk").iri
    assert not [a for a in read.extraction.allegations if lawyer in a.claimants], read.summary()


def test_a_rebuttal_leaves_the_prosecutors_as_claimants() -> None:
    read = extract(REBUTTAL)
    charge = read.allegation_against("Teodor Brask")
    assert any("prosecutors" in (label or "").lower() for label in read.labels(charge.claimants)), read.summary()


MOTIVE = ("Ostria accused Valmora of supplying drones to the Sable Brigade.\n\n"
          "Valmora's help for the brigade is part of a wider push to gain influence along the river, "
          "said Rhea Kant, an analyst at the Harbour Policy Institute.")


def test_a_motive_explanation_is_not_a_denial() -> None:
    read = extract(MOTIVE)
    drones = read.allegation_against("Valmora")
    motive = read.statement("wider push")
    assert read.label(motive.speaker) == "Rhea Kant"
    assert read.stance(motive, drones) in (None, "supports", "neutral")
    assert motive.stance not in ("denies", "dismisses", "downplays")


THIRD_PARTY = ("Ostria accused Valmora of supplying drones to the Sable Brigade. Ostrian officials also said "
               "Korlin Holdings had shipped the drones through Port Kell.\n\n"
               "Korlin Holdings denied that it had shipped any weapons.")


def test_a_third_partys_denial_of_its_own_role_answers_only_the_allegation_against_it() -> None:
    read = extract(THIRD_PARTY)
    denial = read.statement("shipped any weapons")
    against_valmora = read.allegation_against("Valmora")
    against_korlin = read.allegation_against("Korlin Holdings")
    assert read.stance(denial, against_korlin) == "denies"
    assert read.stance(denial, against_valmora) is None
    assert denial.stance == "neutral"  # the central allegation is Valmora's supply


def test_the_third_partys_role_is_claimed_by_those_who_said_it() -> None:
    read = extract(THIRD_PARTY)
    [against_korlin] = read.against("Korlin Holdings")
    assert "Ostrian officials" in read.labels(against_korlin.claimants), read.summary()


@pytest.mark.parametrize(("text", "claimants", "note"), [
    ("The Sable Brigade has been accused of shelling villages near Port Kell.", set(), "unattributed"),
    ("The Sable Brigade has been accused by Ostria of shelling villages near Port Kell.", {"Ostria"}, None),
    ("Villages near Port Kell were shelled by the Sable Brigade, Ostria said.", {"Ostria"}, None),
])
def test_a_passive_accusation_accuses_its_subject(text: str, claimants: set[str], note: str | None) -> None:
    read = extract(text)
    [shelling] = read.against("Sable Brigade") or [None]
    assert shelling is not None, read.summary()
    assert shelling.claim_type in ("attack", "military-offensive", "killing")
    assert read.labels(shelling.claimants) == claimants and shelling.claimant_note == note
    assert not [a for a in read.extraction.allegations if read.actor("Sable Brigade").iri in a.claimants]


def test_a_document_filed_by_a_party_claims_for_that_party() -> None:
    read = extract("A lawsuit filed by the Dock Workers Union accuses Brannock Logistics of falsifying safety records.")
    [falsified] = read.against("Brannock Logistics")
    assert read.labels(falsified.claimants) == {"Dock Workers Union"} and falsified.claimant_note is None


def test_a_document_no_party_is_named_for_is_itself_the_claimant() -> None:
    read = extract("A leaked audit of the port accuses Brannock Logistics of falsifying safety records.")
    [falsified] = read.against("Brannock Logistics")
    [claimant] = [a for a in read.extraction.actors if a.iri in falsified.claimants] or [None]
    assert claimant is not None and "audit" in claimant.label.lower() and claimant.kind == "described", read.summary()
