"""Actors as news names them (issue 12, item 6): anonymous and collective sources; companies, NGOs, parties, clubs,
courts and unions; organisations named only by an acronym; documents and bodies that speak, resolved to the party
behind them; and what is not an actor (drugs, products, weapons, department acronyms, adjectives, datelines).
All texts are fiction written for the project (see fiction.py)."""

from __future__ import annotations

import pytest
from fiction import BASE, Read, extract, extractor

from newskg.ingest.extract import read_bytes

ORGANISATION_TYPES = frozenset({"Organization", "GovernmentBody", "ThinkTank", "MediaOutlet", "ArmedGroup",
                                "IntelligenceAgency", "AcademicInstitution"})


@pytest.mark.parametrize(("text", "surface", "kinds", "types"), [
    ("People briefed on the matter said the merger talks had collapsed.", "People briefed on the matter",
     {"anonymous"}, {"AnonymousSource"}),
    ("Diplomatic sources said the envoy would not return to Velsk.", "Diplomatic sources",
     {"anonymous"}, {"AnonymousSource"}),
    ("Senior ministry officials said the figures were wrong.", "Senior ministry officials",
     {"anonymous", "collective"}, {"AnonymousSource", "ActorGroup"}),
    ("Industry insiders said prices would rise before the winter.", "Industry insiders",
     {"anonymous"}, {"AnonymousSource"}),
    ("An eyewitness said the truck left the depot at dawn.", "An eyewitness", {"anonymous"}, {"AnonymousSource"}),
    ("Two eyewitnesses told reporters the truck left the depot at dawn.", "Two eyewitnesses",
     {"anonymous", "collective"}, {"AnonymousSource", "ActorGroup"}),
    ("Residents said the water in the canal had turned brown.", "Residents", {"collective"}, {"ActorGroup"}),
    ("Investigators said the fire at the depot was started deliberately.", "Investigators",
     {"collective", "anonymous"}, {"ActorGroup", "AnonymousSource"}),
])
def test_unnamed_sources_are_actors_and_speak(text: str, surface: str, kinds: set[str], types: set[str]) -> None:
    read = extract(text)
    source = read.actor(surface)
    assert [m.text for m in source.mentions] == [surface]
    assert source.kind in kinds and source.type in types
    [statement] = read.extraction.statements
    assert statement.speaker == source.iri


@pytest.mark.parametrize(("text", "surface"), [
    ("Korlin Holdings said its profits fell by a third.", "Korlin Holdings"),  # company
    ("Talvane, a shipping company, said its fleet was safe.", "Talvane"),
    ("The Green Harbour Trust, a charity, said it would appeal.", "Green Harbour Trust"),  # NGO
    ("The rights group Open Cell Watch said prisoners in Velsk were beaten.", "Open Cell Watch"),
    ("The Unity Reform Party said it had won six seats in Ardenne.", "Unity Reform Party"),  # party
    ("FC Dravik said the striker had signed a new contract.", "FC Dravik"),  # club
    ("The Valmora Supreme Court said the contract was void.", "Valmora Supreme Court"),  # court
    ("The Union of Dock Workers said the strike would go on.", "Union of Dock Workers"),  # union
    ("The Dock Workers' Union said the strike would go on.", "Dock Workers' Union"),
])
def test_organisations_of_every_kind_are_named_actors(text: str, surface: str) -> None:
    read = extract(text)
    organisation = read.actor(surface)
    assert organisation.kind == "named" and organisation.type in ORGANISATION_TYPES
    assert not [a.label for a in read.extraction.actors if a.type == "Person"]
    assert read.extraction.statements[0].speaker == organisation.iri


@pytest.mark.parametrize(("text", "acronym"), [
    ("The NDRF said it had found no evidence. Later the NDRF said the inquiry was closed.", "NDRF"),
    ("KVX, a logistics firm, said its trucks were delayed at the border.", "KVX"),
    ("Talks with the port operator collapsed after the ZPK walked out.", "ZPK"),
])
def test_an_organisation_named_only_by_its_acronym_is_an_actor(text: str, acronym: str) -> None:
    organisation = extract(text).actor(acronym)
    assert organisation.kind == "named" and organisation.type in ORGANISATION_TYPES
    assert all(m.text == acronym for m in organisation.mentions)


def test_a_document_filed_by_a_named_party_speaks_for_that_party() -> None:
    read = extract("The complaint filed by Tessa Grune says the landlord ignored repeated warnings.")
    assert read.speaker("ignored repeated warnings") == "Tessa Grune"


def test_the_ministry_refers_back_to_the_ministry_named_before() -> None:
    read = extract("The Ostrian interior ministry said the protest in Velsk was illegal. "
                   "The ministry said forty protesters were detained.")
    ministry = read.actor("Ostrian interior ministry")
    assert ministry.type == "GovernmentBody" and ministry.affiliation == BASE + "actor/ostria"
    assert read.speaker("protest in Velsk") == read.speaker("forty protesters") == ministry.label


def test_the_firm_refers_back_to_the_company_named_before() -> None:
    read = extract("Brannock Logistics fired its driver on Monday. The firm said the dismissal was lawful.")
    assert read.speaker("dismissal was lawful") == "Brannock Logistics"


def test_a_ruling_speaks_for_the_court_that_gave_it() -> None:
    read = extract("The Valmora Supreme Court ruled on Monday that the contract was void. "
                   "The ruling said the transport ministry had ignored the tender law.")
    assert read.speaker("ignored the tender law") == "Valmora Supreme Court"
    court = read.actor("Valmora Supreme Court")
    assert "the transport ministry" not in [m.text for m in court.mentions]


def test_an_audit_speaks_for_the_auditor_not_for_the_audited() -> None:
    read = extract("The state auditor's office examined the accounts of Brannock Logistics. "
                   "The audit found that the firm had falsified safety records.")
    speaker = read.speaker("falsified safety records")
    assert speaker is not None and "auditor" in speaker.lower()


def test_a_document_no_party_is_named_for_is_a_described_actor() -> None:
    read = extract("The audit found that Brannock Logistics had falsified safety records.")
    statement = read.statement("falsified safety records")
    audit = next((a for a in read.extraction.actors if a.iri == statement.speaker), None)
    assert audit is not None, read.summary()
    assert audit.kind == "described" and "audit" in audit.label.lower() and audit.type == "Organization"


@pytest.mark.parametrize(("text", "not_actor"), [
    ("Halvorsen Pharma recalled Velocorin, a blood thinner, after patients fell ill. "
     "Velocorin had been on sale since 2019.", "Velocorin"),  # a medicine
    ("The army fired a Kestrel-9 missile at the depot. Kestrel-9 missiles cost two million each.", "Kestrel-9"),
    ("The unit flew FPV drones over the lines. FPV pilots trained for weeks.", "FPV"),
    ("The Lumo X2 phone sold out in a day, and the Lumo X2 will return in May.", "Lumo X2"),  # a product
    ("HR and IT staff were told to stay home, the company said.", "HR"),
    ("HR and IT staff were told to stay home, the company said.", "IT"),
])
def test_drugs_products_weapons_and_departments_are_not_actors(text: str, not_actor: str) -> None:
    read = extract(text)
    assert not [a.label for a in read.extraction.actors
                if any(not_actor in m.text for m in a.mentions)], read.summary()


def test_an_adjective_is_not_an_actor() -> None:
    read = extract("Mara Voss paid an official visit to Port Kell on Monday.")
    assert [a.label for a in read.extraction.actors] == ["Mara Voss"]


DATELINE_STORY = ("ARDENNE, Valmora (Reuters) - Police in the northern town made four arrests on Friday, "
                  "a spokeswoman said.\n\nThe port will stay closed until Monday, she said.")


def test_a_dateline_names_a_place_not_an_actor() -> None:
    read = extract(DATELINE_STORY)
    dateline_end = DATELINE_STORY.index(" - ")
    assert not [(a.label, m.text) for a in read.extraction.actors for m in a.mentions if m.start < dateline_end]


def test_a_dateline_read_from_a_page_names_a_place_and_the_body_its_actors() -> None:
    doc = read_bytes(("Port closes after clashes\n\n" + DATELINE_STORY).encode(), "story.txt")
    assert doc.dateline is not None and doc.dateline.lower() == "ardenne"
    read = Read(extractor().extract(doc))
    assert not [a.label for a in read.extraction.actors if a.label in ("Valmora", "ARDENNE", "Ardenne")]
    assert read.actor("a spokeswoman").kind == "anonymous"


def test_a_capital_in_a_dateline_is_a_place_and_in_the_body_its_government() -> None:
    text = "ARDENNE (Reuters) - Police made four arrests on Friday.\n\nArdenne denied any role in the unrest."
    read = extract(text)
    valmora = read.actor("Valmora")
    assert [m.start for m in valmora.mentions] == [text.index("Ardenne denied")]


def test_a_person_after_a_preposition_and_a_title_is_a_weaker_antecedent_than_the_one_acted_on() -> None:
    read = extract("Prosecutors in Velsk arraigned former bank governor Teodor Brask before Justice Ines Falk of the "
                   "Velsk High Court over 75 houses recovered from him during investigations into his alleged fraud.")
    assert not read.against("Ines Falk"), read.summary()
    assert read.against("Teodor Brask"), read.summary()
