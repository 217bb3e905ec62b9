"""Allegations from speech acts (issue 13, item 1): accusing acts in every voice, claims inside what sources say with an
open type and a fallback, denials that imply an allegation, unattributed claims, and roles (accused, beneficiary,
target) from syntax in active and passive voice. All texts are fiction written for the project (see fiction.py)."""

from __future__ import annotations

import pytest
from fiction import Read, extract

from newskg.ingest.model import Allegation

FALLBACK_TYPES = frozenset({"other-wrongdoing", "other-support"})
MILITARY_TYPES = frozenset({"supply-weapons", "provide-military-aid", "train-forces", "deploy-personnel",
                            "cooperate-militarily"})


def claimant_labels(read: Read, allegation: Allegation) -> set[str | None]:
    return read.labels(allegation.claimants)


def only_allegation_against(read: Read, surface: str) -> Allegation:
    found = read.against(surface)
    assert len(found) == 1, read.summary()
    return found[0]


# --- accusing acts, every voice ---------------------------------------------------------------------------------------
def test_prosecutors_charging_someone_claim_the_charge() -> None:
    read = extract("Prosecutors in Ardenne charged Teodor Brask with embezzling public funds.")
    charge = only_allegation_against(read, "Teodor Brask")
    assert charge.claim_type in ("embezzlement", "corruption")
    assert [label for label in claimant_labels(read, charge) if "prosecutors" in (label or "").lower()], read.summary()
    assert charge.claimant_note is None


def test_a_passive_charge_reported_by_prosecutors_is_their_claim() -> None:
    read = extract("Teodor Brask was charged with embezzling public funds, prosecutors said.")
    charge = only_allegation_against(read, "Teodor Brask")
    assert claimant_labels(read, charge) == {"prosecutors"}
    assert charge.claim_type in ("embezzlement", "corruption")


def test_a_passive_charge_without_an_agent_is_claimed_by_no_one_named() -> None:
    read = extract("Teodor Brask was charged on Monday with embezzling public funds.")
    charge = only_allegation_against(read, "Teodor Brask")
    assert charge.claimants == [] and charge.claimant_note == "unattributed"


def test_a_passive_accusation_with_an_agent_is_the_agents_claim() -> None:
    read = extract("Korlin Holdings was accused by the Harbour Rights Group of dumping waste into the canal.")
    dumping = only_allegation_against(read, "Korlin Holdings")
    assert claimant_labels(read, dumping) == {"Harbour Rights Group"}
    assert dumping.claim_type in ("pollution", "environmental-harm")


def test_accusing_someone_of_an_act_names_accused_beneficiary_and_type() -> None:
    read = extract("Ostria accused Valmora of supplying artillery shells to the Sable Brigade.")
    shells = only_allegation_against(read, "Valmora")
    assert claimant_labels(read, shells) == {"Ostria"}
    assert read.labels(shells.beneficiaries) == {"Sable Brigade"}
    assert shells.claim_type in ("supply-weapons", "provide-military-aid")


def test_blaming_someone_for_an_attack() -> None:
    read = extract("Ostria has blamed Valmora for the attack on the Kell dam.")
    attack = only_allegation_against(read, "Valmora")
    assert claimant_labels(read, attack) == {"Ostria"} and attack.claim_type in ("attack", "sabotage")


def test_a_lawsuit_claims_what_it_sues_for_never_a_wrong_type() -> None:
    read = extract("Mara Voss sued Korlin Holdings for breach of contract.")
    suit = only_allegation_against(read, "Korlin Holdings")
    assert claimant_labels(read, suit) == {"Mara Voss"}
    assert suit.claim_type == "other-wrongdoing"


def test_a_complaint_filed_by_a_party_is_that_partys_claim() -> None:
    read = extract("A complaint filed by the Dock Workers Union accuses Brannock Logistics of falsifying safety "
                   "records.")
    falsified = only_allegation_against(read, "Brannock Logistics")
    assert claimant_labels(read, falsified) == {"Dock Workers Union"}
    assert falsified.claim_type in ("fraud", "other-wrongdoing")


def test_an_indictment_speaks_for_the_prosecutors_who_filed_it() -> None:
    read = extract("Prosecutors in Velsk filed an indictment against Teodor Brask on Monday. "
                   "The indictment says Brask paid bribes to two port officials.")
    bribes = [a for a in read.against("Teodor Brask") if a.claim_type in ("bribery", "corruption")]
    assert bribes, read.summary()
    assert all(any("prosecutors" in (label or "").lower() for label in claimant_labels(read, a)) for a in bribes)


def test_investigators_saying_what_a_company_did_claim_it() -> None:
    read = extract("Investigators say Brannock Logistics falsified safety records.")
    falsified = only_allegation_against(read, "Brannock Logistics")
    assert claimant_labels(read, falsified) == {"Investigators"}


# --- claims inside what sources say -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "claimant", "accused", "types"), [
    ("Mara Voss said the Harrow Defence Agency had supplied drones to the Sable Brigade.",
     "Mara Voss", "Harrow Defence Agency", {"supply-weapons", "provide-military-aid"}),
    ("The Valmora Athletics Federation said the sprinter Ilse Moran had doped before the final.",
     "Valmora Athletics Federation", "Ilse Moran", {"doping"}),
    ("The Harbour Rights Group said Brannock Logistics had concealed an outbreak of cholera among its workers.",
     "Harbour Rights Group", "Brannock Logistics", {"cover-up"}),
    ("The Harbour Rights Group said Brannock Logistics had hacked the email accounts of the Dock Workers Union.",
     "Harbour Rights Group", "Brannock Logistics", {"cyberattack"}),
    ("The Harbour Rights Group said Brannock Logistics had sold customer data to advertisers.",
     "Harbour Rights Group", "Brannock Logistics", {"data-misuse", "other-wrongdoing"}),
    ("Mara Voss said Korlin Holdings had paid the mayor of Ardenne 40,000 crowns before the vote.",
     "Mara Voss", "Korlin Holdings", {"bribery", "corruption", "other-support", "other-wrongdoing"}),
    ("Mara Voss said election officials in Velsk had doctored the tallies.",
     "Mara Voss", "election officials", {"election-interference", "fraud", "other-wrongdoing"}),
    ("The Sable Brigade killed six villagers near Port Kell, residents said.",
     "residents", "Sable Brigade", {"killing", "attack"}),
])
def test_an_act_asserted_in_a_statement_is_the_speakers_claim(text: str, claimant: str, accused: str,
                                                                types: set[str]) -> None:
    read = extract(text)
    allegation = only_allegation_against(read, accused)
    assert claimant_labels(read, allegation) == {read.actor(claimant).label}
    assert allegation.claim_type in types


@pytest.mark.parametrize("text", [
    "The Harbour Rights Group said Brannock Logistics had sent letters to its workers.",
    "The Harbour Rights Group said Brannock Logistics had sold customer data to advertisers.",
    "The Harbour Rights Group said Brannock Logistics had shipped spoiled grain to Port Kell.",
])
def test_an_act_the_vocabulary_does_not_name_gets_a_fallback_never_a_wrong_type(text: str) -> None:
    read = extract(text)
    assert not [a.claim_type for a in read.extraction.allegations if a.claim_type in MILITARY_TYPES], read.summary()


def test_sending_letters_is_at_most_an_other_support_claim() -> None:
    read = extract("The Harbour Rights Group said Brannock Logistics had sent letters to its workers.")
    assert {a.claim_type for a in read.extraction.allegations} <= FALLBACK_TYPES


# --- denials imply allegations ----------------------------------------------------------------------------------------
def test_denying_an_act_implies_an_allegation_against_the_one_who_denies() -> None:
    read = extract("Korlin Holdings denied hiding anything from its auditors.")
    denial = read.statement("hiding anything")
    assert read.label(denial.speaker) == "Korlin Holdings"
    hidden = only_allegation_against(read, "Korlin Holdings")
    assert hidden.claim_type in ("cover-up", "other-wrongdoing")
    assert hidden.claimants == [] and hidden.claimant_note == "unattributed"
    assert read.stance(denial, hidden) == "denies"


def test_rejecting_the_accusations_implies_them() -> None:
    read = extract("Korlin Holdings rejected the accusations as baseless.")
    rejected = only_allegation_against(read, "Korlin Holdings")
    assert read.stance(read.statement("accusations"), rejected) == "denies"


def test_denying_taking_bribes_implies_a_bribery_allegation() -> None:
    read = extract("The mayor of Ardenne, Ines Falk, denied taking bribes from Korlin Holdings.")
    bribes = only_allegation_against(read, "Ines Falk")
    assert bribes.claim_type in ("bribery", "corruption")
    assert read.stance(read.statement("bribes"), bribes) == "denies"


# --- unattributed claims ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "accused"), [
    ("There are rumours that the mayor of Ardenne took bribes from Korlin Holdings.", "the mayor"),
    ("Reports say Korlin Holdings paid the mayor of Ardenne.", "Korlin Holdings"),
    ("There are indications that Brannock Logistics falsified its accounts.", "Brannock Logistics"),
    ("Mara Voss visited the harbour on Monday. There are rumours that the Kell Port Authority hid the accident.",
     "Kell Port Authority"),
])
def test_an_unattributed_claim_says_so_and_borrows_no_nearby_actor(text: str, accused: str) -> None:
    read = extract(text)
    allegation = read.allegation_against(accused)
    assert allegation.claimants == [] and allegation.claimant_note == "unattributed"


def test_an_unattributed_bribe_is_against_the_one_who_took_it() -> None:
    read = extract("There are rumours that the mayor of Ardenne took bribes from Korlin Holdings.")
    bribes = read.allegation_against("the mayor")
    assert bribes.claim_type in ("bribery", "corruption")
    assert "Korlin Holdings took bribes" not in bribes.summary


# --- roles from syntax ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mara Voss said the Sable Brigade received drones from the Harrow Defence Agency's operatives.",
    "Mara Voss said the Harrow Defence Agency had supplied drones to the Sable Brigade.",
    "Mara Voss said the Sable Brigade was supplied with drones by the Harrow Defence Agency.",
    "Mara Voss said the Harrow Defence Agency had provided the Sable Brigade with drones.",
])
def test_who_did_it_and_who_gained_come_from_syntax_in_every_voice(text: str) -> None:
    read = extract(text)
    [drones] = [a for a in read.extraction.allegations if a.claim_type in MILITARY_TYPES] or [None]
    assert drones is not None, read.summary()
    assert read.labels(drones.accused) == {"Harrow Defence Agency"}
    assert read.labels(drones.beneficiaries) == {"Sable Brigade"}
    assert claimant_labels(read, drones) == {"Mara Voss"}


def test_a_doer_named_only_in_the_subjects_modifier_is_the_first_modifiers() -> None:
    officials = extract("Mara Voss alleged that officials of the Ostrian army had supplied drones to the Kessar "
                        "rebels.")
    assert read_accused(officials) == [{"Ostrian army"}], officials.summary()
    share = extract("Mara Voss said that one third of the grants at the Harlow Games and the Valmora Cup had "
                    "funded the Kessar rebels.")
    assert not share.against("Harlow Games") and not share.against("Valmora Cup"), share.summary()


def test_a_past_tense_act_after_a_common_noun_with_a_bare_object_is_an_act() -> None:
    read = extract("Mara Voss said the Ostrian army supplied drones to the Kessar rebels.")
    assert read_accused(read) == [{"Ostrian army"}], read.summary()


def read_accused(read: Read) -> list[set[str | None]]:
    return [read.labels(a.accused) for a in read.extraction.allegations]


def test_the_one_harmed_is_the_target() -> None:
    read = extract("The Harbour Rights Group said Brannock Logistics had hacked the email accounts of the "
                   "Dock Workers Union.")
    hacking = only_allegation_against(read, "Brannock Logistics")
    assert read.labels(hacking.targets) == {"Dock Workers Union"}
    assert "Brannock Logistics" not in read.labels(hacking.targets)


def test_a_summary_is_a_whole_clause_with_the_accused_as_subject() -> None:
    read = extract("Ostria accused Valmora of supplying artillery shells to the Sable Brigade.")
    summary = only_allegation_against(read, "Valmora").summary
    assert summary.startswith("Valmora ") and "Sable Brigade" in summary and ":" not in summary


def test_the_same_allegation_in_two_articles_shares_a_cluster() -> None:
    one = extract("Ostria accused Valmora of supplying artillery shells to the Sable Brigade.")
    other = extract("Valmora has supplied artillery shells to the Sable Brigade for a year, Ostrian officials said "
                    "on Friday.")
    [first] = one.against("Valmora")
    [second] = other.against("Valmora") or [None]
    assert second is not None, other.summary()
    assert first.cluster is not None and first.cluster == second.cluster


def test_the_doer_owning_those_it_served_is_still_the_doer() -> None:
    read = extract("Teodor Brask alleged that Korlin Holdings gave banned steroids to its riders.")
    doping = only_allegation_against(read, "Korlin Holdings")
    assert doping.claim_type == "doping" and claimant_labels(read, doping) == {"Teodor Brask"}
    assert "Korlin Holdings" not in read.labels(doping.beneficiaries)


def test_a_member_for_a_body_speaks_and_the_body_is_accused() -> None:
    read = extract("A former doctor for Korlin Holdings has alleged that the firm gave its staff steroids.")
    doping = only_allegation_against(read, "Korlin Holdings")
    assert claimant_labels(read, doping) == {"A former doctor"}, read.summary()


@pytest.mark.parametrize(("text", "makers"), [
    ("Valmora rejected allegations by the Harbour Rights Group that its troops had tortured detainees.",
     {"Harbour Rights Group"}),
    ("Valmora rejected the Harbour Rights Group's allegations that its troops had tortured detainees.",
     {"Harbour Rights Group"}),
    ("Korlin Holdings denied claims made by the Dock Workers Union that it had withheld wages.",
     {"Dock Workers Union"}),
])
def test_a_denial_naming_who_made_the_claim_gives_the_allegation_its_claimants(text: str, makers: set[str]) -> None:
    read = extract(text)
    [allegation] = read.extraction.allegations
    assert claimant_labels(read, allegation) == makers and allegation.claimant_note is None, read.summary()


def test_a_denial_naming_no_maker_leaves_the_allegation_unattributed() -> None:
    read = extract("Valmora denied that its troops had tortured detainees.")
    [allegation] = read.extraction.allegations
    assert allegation.claimants == [] and allegation.claimant_note == "unattributed", read.summary()


def test_they_in_a_denial_is_the_plural_phrase_naming_the_denying_state() -> None:
    read = extract(
        "The Harbour Rights Group said the abuses were part of a campaign against the Tarnian civilian population. "
        "Valmoran federal authorities strongly rejected allegations they had deliberately targeted Tarnians."
    )
    [allegation] = read.extraction.allegations
    assert read.labels(allegation.accused) == {"Valmora"}, read.summary()


@pytest.mark.parametrize(("text", "accused", "kind"), [
    ("Mara Voss said Valmora is attempting to influence the outcome of the Ostrian election.", "Valmora",
     "election-interference"),
    ("Teodor Brask denied any involvement in match-fixing.", "Teodor Brask", "fraud"),
    ("Mara Voss said Teodor Brask had stabbed a guard.", "Teodor Brask", "attack"),
])
def test_acts_named_by_a_phrase_or_an_infinitive(text: str, accused: str, kind: str) -> None:
    read = extract(text)
    assert only_allegation_against(read, accused).claim_type == kind, read.summary()


def test_the_object_before_a_purpose_infinitive_is_not_its_doer() -> None:
    read = extract("Mara Voss said a player approached Korlin Holdings in 2008 to fix matches.")
    assert not read.against("Korlin Holdings"), read.summary()
    efforts = extract("Mara Voss is investigating alleged Valmoran efforts to sway the Ostrian election.")
    assert efforts.against("Valmora"), efforts.summary()


@pytest.mark.parametrize(("text", "not_accused"), [
    ("Valmora said it had found traces of Ostrian involvement, but did not provide evidence for this.", "Valmora"),
    ("Korlin Holdings denied bribery, saying an audit by the Velsk police had failed to find any evidence in support "
     "of the allegations.", "Velsk police"),
])
def test_handing_over_words_or_backing_a_claim_is_no_act(text: str, not_accused: str) -> None:
    read = extract(text)
    assert not [a for a in read.against(not_accused) if a.claim_type in FALLBACK_TYPES], read.summary()


def test_sharing_and_distributing_are_handing_over() -> None:
    read = extract("Mara Voss alleged that the Velsk Party had distributed cash to voters in Tarn.")
    assert only_allegation_against(read, "Velsk Party").claim_type in FALLBACK_TYPES, read.summary()
    denial = extract("Mara Voss accused the Velsk Party of vote buying. Tomas Marr, the Velsk Party's secretary, "
                     "said the Velsk Party was not sharing money.")
    assert denial.statement("was not sharing money").stance == "denies", denial.summary()

def test_an_act_told_as_yet_to_come_is_no_allegation() -> None:
    read = extract(
        "The Harlow Courier reported that Ostria sent drones to the Tarnian rebels.\n\n"
        "The Courier also highlighted repeated suggestions by the Ostrian defence minister, Piet Voss, that Ostria "
        "would attack its enemy Valmora abroad."
    )
    [allegation] = read.extraction.allegations
    assert read.labels(allegation.accused) == {"Ostria"} and allegation.claim_type != "attack", read.summary()


def test_calling_a_charge_a_witch_hunt_charges_its_makers_in_turn() -> None:
    read = extract("Prosecutors in Velsk charged Teodor Brask with fraud on Monday.\n\n"
                   "His lawyer, Ines Falk, said the case was a witch hunt.")
    [counter] = read.against("Prosecutors")
    assert read.labels(counter.claimants) == {"Ines Falk"} and counter.claim_type == "other-wrongdoing", read.summary()
    assert read.statement("witch hunt").stance == "dismisses", read.summary()


def test_a_body_named_in_the_words_of_bad_faith_is_the_one_charged() -> None:
    read = extract("An Ostrian Senate committee accused the mayor of Velsk, Piet Lund, of taking bribes.\n\n"
                   "Lund's lawyer, Ines Falk, labelled the investigation by the Ostrian Senate a kangaroo court.")
    [counter] = read.against("Ostrian Senate")
    assert read.labels(counter.claimants) == {"Ines Falk"}, read.summary()


def test_bad_faith_imputed_to_the_doer_of_an_act_told_is_no_counter_charge() -> None:
    read = extract("Local officials accused the Marr militia of killing twelve villagers near Port Kell.\n\n"
                   "A militia spokesman said the attack had been carried out by bandits trying to discredit the group.")
    assert not read.against("Local officials"), read.summary()


def test_one_under_investigation_for_a_wrong_is_accused_of_it() -> None:
    read = extract("Teodor Brask is under investigation for tax fraud, the Harlow Courier reported.")
    [allegation] = read.against("Teodor Brask")
    assert allegation.claim_type == "fraud", read.summary()


@pytest.mark.parametrize(("text", "kind"), [
    ("Teodor Brask has been indicted on bribery charges.", "bribery"),
    ("Teodor Brask faces fraud charges in Velsk.", "fraud"),
])
def test_the_wrong_a_charge_noun_is_named_by_types_the_allegation(text: str, kind: str) -> None:
    read = extract(text)
    [allegation] = read.against("Teodor Brask")
    assert allegation.claim_type == kind, read.summary()


def test_one_under_fire_from_a_body_for_a_deed_is_accused_by_it() -> None:
    read = extract("Korlin Holdings came under fire from the Harbour Workers Union for cutting wages.")
    [allegation] = read.against("Korlin Holdings")
    assert read.labels(allegation.claimants) == {"Harbour Workers Union"}, read.summary()


@pytest.mark.parametrize("doing", ["spent weeks concealing", "kept concealing", "spent three months hiding"])
def test_a_gerund_after_a_verb_of_keeping_on_or_spending_time_is_the_subject_s_act(doing: str) -> None:
    read = extract(f"Nurses at Kestrel Bay Medical Center say hospital managers {doing} an outbreak of a fungus.")
    [allegation] = read.against("hospital managers")
    assert read.labels(allegation.claimants) == {"Nurses"}, read.summary()


def test_meeting_a_duty_is_no_contact_with_anyone() -> None:
    read = extract("Kestrel Bay Medical Center met its reporting obligations, Tomas Korlin said.")
    assert not read.against("Kestrel Bay Medical Center"), read.summary()


def test_the_accusations_against_a_body_s_unnamed_managers_and_against_the_body_are_one_allegation() -> None:
    read = extract(
        "Nurses at Kestrel Bay Medical Center say hospital managers concealed an outbreak of a fungus.\n\n"
        "The Harlow Nurses Union accused Kestrel Bay Medical Center of putting its ratings ahead of patients' lives."
    )
    [allegation] = read.against("Kestrel Bay Medical Center")
    assert read.labels(allegation.claimants) == {"Nurses", "Harlow Nurses Union"}, read.summary()


def test_a_participle_after_its_subject_with_an_object_of_its_own_is_an_active_act() -> None:
    read = extract("Kestrel Bay Hospital alleges state health officials covered up an outbreak of a fungus in 2024.")
    [allegation] = read.against("state health officials")
    assert read.labels(allegation.claimants) == {"Kestrel Bay Hospital"}, read.summary()


def test_bodies_of_a_kind_named_only_by_a_modifier_and_their_kind_can_be_accused() -> None:
    read = extract("Officials in Velsk have warned that foreign governments are attempting to sway the election.")
    assert read.actor("foreign governments").type == "ActorGroup", read.summary()
    [allegation] = read.against("foreign governments")
    assert allegation.claim_type == "election-interference", read.summary()


def test_a_penalty_reaches_the_one_a_participle_after_a_comma_imposes_it_on() -> None:
    read = extract("Until now, the biggest penalty was 500,000 pounds, imposed on Korlin Holdings for its role in a "
                   "data scandal, the Velsk Courier reported.")
    assert read.against("Korlin Holdings"), read.summary()



def test_a_platform_a_penalty_is_imposed_on_is_an_actor_though_a_platform_is_no_speaker() -> None:
    read = extract("The regulator fined Korlin Holdings 2 million pounds for the breach. Until now, the biggest "
                   "penalty was 500,000 pounds, imposed on Instagram for its role in the Kestrel data scandal.")
    assert read.actor("Instagram").type == "Organization" and read.against("Instagram"), read.summary()


def test_a_wrong_an_agency_fights_is_not_the_charge() -> None:
    read = extract("Teodor Brask was also prosecuted by the anti-graft agency on a fresh charge bordering on alleged "
                   "money laundering.")
    [allegation] = read.against("Teodor Brask")
    assert allegation.claim_type == "money-laundering", read.summary()

def test_calling_the_case_a_scam_charges_its_makers_though_the_word_also_names_a_fraud() -> None:
    read = extract("Prosecutors in Velsk sued Teodor Brask for fraud on Monday.\n\n"
                   '"This case is a scam," Brask said during a break.')
    [counter] = read.against("Prosecutors")
    assert read.labels(counter.claimants) == {"Teodor Brask"}, read.summary()


def test_a_gerund_naming_a_post_is_no_legal_action() -> None:
    read = extract("Prosecuting counsel Ines Falk urged the court to grant an accelerated hearing.")
    assert not read.against("Ines Falk"), read.summary()


def test_the_client_a_possessive_names_is_not_the_possessor() -> None:
    read = extract("Teodor Brask was charged by the Velsk Fraud Office with laundering money.\n\n"
                   "After outlining the charges, prosecuting counsel Piet Voss urged the court to hear the case.\n\n"
                   "In response, the defence counsel told the court that three related cases were already pending, "
                   "making this the fourth charge being filed against his client.")
    assert not read.against("Piet Voss"), read.summary()


def test_instructing_someone_to_do_something_is_an_order_not_training() -> None:
    read = extract("Nurses said a senior ministry official instructed hospital managers in Velsk not to tell families.")
    assert all(a.claim_type != "train-forces" for a in read.extraction.allegations), read.summary()


def test_the_act_one_is_accused_of_is_the_object_s_even_inside_another_statement() -> None:
    read = extract('Valmora on Wednesday rejected as "groundless" Ostrian suggestions it was involved in the Tarnia '
                   "conflict, after Ostria's UN envoy accused Valmora of aiding rebels fighting the Tarnian "
                   "government.")
    assert not read.against("Ostria"), read.summary()


@pytest.mark.parametrize("frame", ["is said to have", "is believed to have", "is alleged to have"])
def test_one_said_to_have_done_a_wrong_is_accused_of_it_by_no_one_named(frame: str) -> None:
    read = extract(f"Teodor Brask {frame} bribed two port officials in Velsk.")
    [allegation] = read.against("Teodor Brask")
    assert allegation.claim_type == "bribery" and not allegation.claimants, read.summary()


def test_two_acts_of_one_kind_against_one_accused_are_two_allegations_and_one_act_told_twice_is_one() -> None:
    read = extract("The Harbour Rights Group accused Valmoran police of torturing detainees in Port Kell. The group "
                   "also said Valmoran police had abducted dozens of opposition activists.")
    assert sorted(a.summary for a in read.against("Valmoran police")) == [
        "Valmoran police abducted dozens of opposition activists",
        "Valmoran police tortured detainees in Port Kell",
    ], read.summary()
    read = extract("The Harbour Rights Group accused Valmoran police of torturing detainees in Port Kell. A former "
                   "detainee said Valmoran police had tortured him for days.")
    assert len(read.against("Valmoran police")) == 1, read.summary()


def test_one_word_the_lexicon_knows_as_two_acts_is_one_allegation() -> None:
    read = extract("According to local villagers, Korlin Holdings has been dumping its waste in the Marr river for the "
                   "past six months.")
    assert len(read.against("Korlin Holdings")) == 1, read.summary()


def test_overcharging_is_fraud() -> None:
    read = extract("An audit found that Korlin Holdings had overcharged the ministry.")
    assert read.against("Korlin Holdings")[0].claim_type == "fraud", read.summary()


def test_a_past_tense_after_a_pronoun_is_an_act_though_its_form_is_a_participle() -> None:
    read = extract("Korlin Holdings faces accusations from the Dock Workers Union that it withheld wages from 200 "
                   "dockers.")
    [allegation] = read.against("Korlin Holdings")
    assert read.labels(allegation.claimants) == {"Dock Workers Union"}, read.summary()


def test_each_verb_phrase_of_a_series_is_an_act_of_the_series_subject() -> None:
    read = extract("Prosecutors in Velsk allege that Teodor Brask sold the harbour licence, tortured detainees and "
                   "laundered money through Korlin Holdings.")
    assert {a.claim_type for a in read.against("Teodor Brask")} >= {"rights-abuse", "money-laundering"}, read.summary()


def test_a_wrong_named_as_the_object_of_a_verb_of_doing_is_the_subjects_act() -> None:
    read = extract("Prosecutors in Velsk allege that Teodor Brask engaged in pay-to-play corruption schemes.")
    assert [a.claim_type for a in read.against("Teodor Brask")] == ["corruption"], read.summary()
    read = extract("The Ostrian interior ministry said it was carrying aid for flood victims in Port Kell.")
    assert not read.extraction.allegations, read.summary()


def test_a_base_form_right_after_a_noun_is_a_noun_the_tagger_misread_not_an_act() -> None:
    read = extract("Prosecutors allege that Teodor Brask demanded the dismissal of two Velsk Courier editors in "
                   "exchange for state help with the sale of the harbour.")
    assert not read.find_actor("Velsk Courier") or not read.against("Velsk Courier"), read.summary()


def test_each_wrong_an_accusation_coordinates_is_an_allegation_but_not_a_wrong_of_a_clause_inside_it() -> None:
    read = extract("The Harbour Rights Group accused the Valmoran government of cracking down on political opponents "
                   "and extrajudicial killings over petty offences.")
    assert sorted(a.claim_type for a in read.against("Valmora")) == ["killing", "rights-abuse"], read.summary()
    read = extract("Ostria on Thursday accused Valmora of arming the separatist militants who attacked a passenger "
                   "train in Port Kell this week, killing 26 people.")
    assert "killing" not in {a.claim_type for a in read.against("Valmora")}, read.summary()


def test_what_an_agent_denies_their_principal_is_accused_of() -> None:
    read = extract("Mara Voss's agent Ana Marr denied the allegations.")
    assert read.against("Mara Voss") and not read.against("Ana Marr"), read.summary()


def test_a_wrong_alleged_with_no_doer_named_adds_its_claimant_to_the_one_allegation_of_its_kind() -> None:
    text = ("The Ostrian athletics federation was suspended on Friday after the Harbour Rights Group accused Ostria "
            "of doping its sprinters. A report by the Velsk Anti-Doping Office alleged \"state-sponsored doping\".")
    read = extract(text)
    [allegation] = read.against("Ostria")
    assert "Velsk Anti-Doping Office" in read.labels(allegation.claimants), read.summary()
    read = extract(text.replace("Ostria of doping its sprinters", "Ostria of torturing its sprinters"))
    assert all("Velsk Anti-Doping Office" not in read.labels(a.claimants) for a in read.extraction.allegations), (
        read.summary()
    )


def test_a_mock_execution_is_no_killing() -> None:
    read = extract("The Harbour Rights Group accused Valmora's military of using electric shocks and mock executions "
                   "to force confessions out of detainees.")
    assert "killing" not in {a.claim_type for a in read.extraction.allegations}, read.summary()


def test_a_receipt_is_titled_from_the_givers_side() -> None:
    read = extract("The Velsk Courier reported that the rebels had received about 150 drones from Valmoran army "
                   "officers last month.")
    [allegation] = read.extraction.allegations
    assert allegation.summary.endswith("provided about 150 drones to the rebels"), read.summary()
