"""Stance per statement and allegation (issue 13, items 2 and 3): a response attaches only to the allegations it
addresses; sides, denial and evaluation words, concession and minimisation give its stance; the article's central
allegation is named and each statement has one stance toward it. Stories ported from tests/test_ingest
(test_allegations*.py, test_stance_sides.py, test_attribution_unseen.py) onto fictional names. All texts are fiction."""

from __future__ import annotations

import pytest
from fiction import REPORT_STANCE, Read, extract, extractor

from newskg.ingest.extract.claims.wording import Wording

DUMPING = (
    "Ostria's environment ministry accused Korlin Holdings on Tuesday of dumping chemical waste into the Kell "
    "river.\n\n"
    "“We have never released anything into the river,” Korlin Holdings said in a statement.\n\n"
    "Mara Voss, a chemist at the Harbour Policy Institute, said only a small part of the pollution could have come "
    "from the plant.\n\n"
    "The ministry said an inquiry would report in May.\n\n"
    "The company's lawyer, Ines Falk, said the accusations were politically motivated."
)
DUMPING_TITLE = "Ostria accuses Korlin Holdings of dumping waste in the Kell river"


def central_stances(read: Read) -> dict[str, str]:
    return {s.content.text[:24]: REPORT_STANCE[s.stance] for s in read.extraction.statements}


def test_the_central_allegation_is_the_one_the_headline_states() -> None:
    read = extract(DUMPING, title=DUMPING_TITLE)
    central = read.central
    assert central is not None and read.labels(central.accused) == {"Korlin Holdings"}
    assert central.claim_type in ("pollution", "environmental-harm")


def test_each_statement_has_its_stance_toward_the_central_allegation() -> None:
    read = extract(DUMPING, title=DUMPING_TITLE)
    expected = {"accusation": ("dumping chemical waste", "supports"), "denial": ("never released", "denies"),
                "minimising": ("only a small part", "downplays"), "timetable": ("inquiry would report", "neutral"),
                "dismissal": ("politically motivated", "denies")}
    found = {name: REPORT_STANCE[read.statement(fragment).stance] for name, (fragment, _) in expected.items()}
    assert found == {name: stance for name, (_, stance) in expected.items()}


def test_responses_to_the_central_allegation_match_the_statements_stances() -> None:
    read = extract(DUMPING, title=DUMPING_TITLE)
    central = read.central
    assert central is not None
    assert read.stance(read.statement("never released"), central) == "denies"
    assert read.stance(read.statement("only a small part"), central) == "downplays"
    assert read.stance(read.statement("politically motivated"), central) == "denies"
    assert read.stance(read.statement("inquiry would report"), central) in (None, "neutral")


SUPPLY = (
    "Ostria's foreign ministry accused Valmora of hosting Sable Brigade leaders and providing the brigade with fuel "
    "and vehicles.\n\n"
    "“We have never sold, donated or transferred any military equipment to the brigade,” Valmoran government "
    "spokesman Ivo Maren told reporters.\n\n"
    "Rosa Vey, a researcher at the Harbour Policy Institute, believes the accusations about Valmora are "
    "exaggerated.\n\n"
    "The ministry also claimed that Valmoran officials met Sable Brigade commanders in Ardenne."
)


def test_an_accusation_of_two_acts_gives_an_allegation_per_act_against_the_object() -> None:
    read = extract(SUPPLY)
    supply = [a for a in read.against("Valmora") if a.claim_type in ("supply-weapons", "provide-military-aid",
                                                                      "other-support")]
    assert len(supply) == 1, read.summary()
    assert read.labels(supply[0].beneficiaries) == {"Sable Brigade"}
    assert supply[0].summary.startswith("Valmora provided the brigade with fuel") or \
        supply[0].summary.startswith("Valmora provided the Sable Brigade with fuel")


def test_denials_and_downplaying_contest_the_allegation_and_the_accusation_supports_it() -> None:
    read = extract(SUPPLY)
    [supply] = [a for a in read.against("Valmora") if "fuel" in a.summary] or [None]
    assert supply is not None, read.summary()
    assert read.stance(read.statement("never sold"), supply) == "denies"
    assert read.stance(read.statement("exaggerated"), supply) == "downplays"
    assert read.stance(read.statement("providing the brigade"), supply) == "supports"


SUDAN_LIKE = (
    "Ostria's army-led government on Wednesday accused Valmora of supplying weapons to the paramilitary Sable "
    "Brigade, a charge the neighbouring state rejected as \"baseless\".\n\n"
    "The Valmoran foreign ministry said Valmora had provided only humanitarian aid to Ostrian civilians.\n\n"
    "A United Nations panel said in a report last month that the allegations were credible.\n\n"
    "The Sable Brigade denied receiving any foreign weapons."
)


def test_deniers_never_claim_and_the_beneficiarys_denial_contests() -> None:
    read = extract(SUDAN_LIKE)
    [weapons] = [a for a in read.against("Valmora") if a.claim_type in ("supply-weapons", "provide-military-aid")]
    assert read.labels(weapons.claimants) == {"Ostria"}
    assert "Sable Brigade" in read.labels(weapons.beneficiaries)
    assert read.stance(read.statement("only humanitarian aid"), weapons) == "denies"
    assert read.stance(read.statement("receiving any foreign weapons"), weapons) == "denies"
    assert read.stance(read.statement("baseless"), weapons) == "denies"
    assert read.label(read.statement("baseless").speaker) == "Valmora"
    assert read.stance(read.statement("credible"), weapons) == "supports"
    ministry = read.actor("Valmoran foreign ministry").iri
    assert not [a for a in read.extraction.allegations if ministry in a.claimants]


def test_characterising_an_accusation_rejects_it_and_shifting_the_blame_contests() -> None:
    read = extract("Valmora's government accused the Northern Front of attacking the village.\n\n"
                   "The Northern Front described the accusations as \"lies made up by our enemies\". "
                   "It claimed the attack had been carried out by bandits.")
    [attack] = [a for a in read.against("Northern Front") if a.claim_type in ("attack", "military-offensive")]
    assert read.labels(attack.claimants) == {"Valmora"}
    assert read.stance(read.statement("lies made up"), attack) == "denies"
    assert read.stance(read.statement("carried out by bandits"), attack) == "denies"


def test_a_third_party_pointing_at_the_accusers_earlier_similar_claims_contests() -> None:
    read = extract("Valmora accused Ostria of funding the Sable Brigade.\n\n"
                   "Ostria denied the accusation.\n\n"
                   "Analyst Rosa Vey said Valmora had made similar claims before without providing evidence.")
    funding = read.allegation_against("Ostria")
    assert read.stance(read.statement("similar claims"), funding) in ("downplays", "denies")


def test_an_accusers_later_plain_statement_keeps_its_side() -> None:
    read = extract("The watchdog Clean Rivers accused Ostmark Chemicals of dumping solvents into the lake. "
                   "Clean Rivers said its divers collected barrels from the lakebed last spring.")
    assert REPORT_STANCE[read.statement("divers collected").stance] == "supports"


def test_a_spokeswoman_of_the_accused_denies_with_a_plain_statement() -> None:
    read = extract("Clean Rivers accused Ostmark Chemicals of dumping solvents into the lake. "
                   "Ostmark Chemicals denied that it had ever dumped solvents. "
                   "\"Our plant has passed every inspection for a decade,\" said Ilse Brandt, a spokeswoman for "
                   "Ostmark Chemicals.")
    assert REPORT_STANCE[read.statement("passed every inspection").stance] == "denies"


def test_a_speaker_of_neither_side_saying_nothing_about_the_claim_is_neutral() -> None:
    read = extract("Clean Rivers accused Ostmark Chemicals of dumping solvents into the lake. "
                   "Ostmark Chemicals denied that it had ever dumped solvents. "
                   "The regional water authority said it would publish its readings next month.")
    assert REPORT_STANCE[read.statement("publish its readings").stance] == "neutral"


def test_negated_minimising_supports_and_plain_minimising_downplays() -> None:
    read = extract("Clean Rivers accused Ostmark Chemicals of dumping solvents into the lake.\n\n"
                   "Hanna Berg, a lake warden, said the spill was not an isolated incident.\n\n"
                   "Ilse Brandt, a spokeswoman for Ostmark Chemicals, said the spill was an isolated incident.")
    assert REPORT_STANCE[read.statement("not an isolated incident").stance] == "supports"
    assert REPORT_STANCE[read.statement("was an isolated incident").stance] == "downplays"


def test_support_followed_by_a_concession_is_an_assessment() -> None:
    read = extract("Clean Rivers accused Ostmark Chemicals of dumping solvents into the lake.\n\n"
                   "Analyst Rosa Vey said the evidence was credible, although the samples may have been mislabelled.")
    assert read.statement("evidence was credible").stance == "assesses"


def test_a_claim_against_a_states_body_also_supports_the_allegation_against_the_state() -> None:
    read = extract("Valmora accused Ostria of bribing election officials.\n\n"
                   "Anna Brook, Valmora's interior minister, said Ostrian intelligence had paid bribes to the "
                   "officials.")
    minister = read.statement("paid bribes")
    against_ostria = [a for a in read.against("Ostria") if a.claim_type in ("bribery", "corruption")]
    assert against_ostria, read.summary()
    assert any(read.stance(minister, a) == "supports" for a in against_ostria)


def test_every_allegation_against_a_company_with_its_backer_and_its_denial() -> None:
    read = extract("Residents have accused Tarnbrook Chemicals of illegally dumping toxic waste into the lake, a claim "
                   "the company called \"nonsense\".\n\n"
                   "The Ossin Lake Trust said its divers recorded discharges near the plant on 12 occasions.\n\n"
                   "Tarnbrook Chemicals denied any wrongdoing.")
    tarnbrook = read.actor("Tarnbrook Chemicals").iri
    assert read.extraction.allegations and all(a.accused == [tarnbrook] for a in read.extraction.allegations)
    central = read.central
    assert central is not None and "Residents" in read.labels(central.claimants)
    assert read.stance(read.statement("divers recorded"), central) == "supports"
    assert read.stance(read.statement("any wrongdoing"), central) == "denies"
    assert read.stance(read.statement("nonsense"), central) == "denies"


def test_the_bank_accused_is_the_bank_named_not_its_spokesman() -> None:
    read = extract("Harbour Savings Bank reported a loss on Monday. A bank spokesman said the figures were final.\n\n"
                   "The consumer group Fair Pay accused the bank of concealing losses from investors.")
    assert [read.labels(a.accused) for a in read.extraction.allegations] == [{"Harbour Savings Bank"}]
    assert read.extraction.allegations[0].claim_type == "cover-up"


def test_the_militia_is_the_actor_introduced_as_a_militia() -> None:
    read = extract("Villagers blame the Northern Front (NF), a militia based in the hills, for the raid.\n\n"
                   "Army spokesman Ivo Maren accused the militia of torching homes. The Valmoran army has "
                   "deployed troops to the area.")
    torching = [a for a in read.extraction.allegations if "Ivo Maren" in read.labels(a.claimants)]
    assert torching and all(read.labels(a.accused) == {"Northern Front"} for a in torching)


def test_knowing_denying_and_minimising_wording_give_the_stance() -> None:
    read = extract("The Valmora Cycling Federation accused the coaches of Team Ardenne of doping their riders.\n\n"
                   "Former rider Marta Lind said the coaches knew exactly what was happening.\n\n"
                   "Rider Tomas Berg said he had never been offered anything illegal.\n\n"
                   "Kai Moss, the team's doctor, said only a small fraction of the riders had ever used the drug.")
    assert REPORT_STANCE[read.statement("knew exactly").stance] == "supports"
    assert REPORT_STANCE[read.statement("anything illegal").stance] == "denies"
    assert REPORT_STANCE[read.statement("small fraction").stance] == "downplays"


def test_echoing_a_view_takes_the_stance_of_the_view_echoed() -> None:
    read = extract("Ostria accused Valmora of shelling Port Kell.\n\n"
                   "The Valmoran defence ministry downplayed the accusation.\n\n"
                   "Analyst Petra Holm echoed this view.")
    assert REPORT_STANCE[read.statement("the accusation").stance] == "downplays"
    assert REPORT_STANCE[read.statement("this view").stance] == "downplays"


def test_asking_to_withdraw_allegations_of_a_wrong_dismisses_them_and_claims_nothing() -> None:
    read = extract(
        "Teodor Brask, a lecturer at Velsk University, has been accused by the Ostrian Academic Council of "
        "plagiarising passages from published work.\n\n"
        "His union's secretary, Mara Voss, asked the council to withdraw allegations of plagiarism."
    )
    [allegation] = read.against("Teodor Brask")
    assert allegation.claim_type == "fraud", read.summary()
    assert read.labels(allegation.claimants) == {"Ostrian Academic Council"}, read.summary()
    assert read.statement("withdraw allegations").stance == "dismisses", read.summary()


def test_he_in_a_speaker_s_own_words_is_someone_else_and_a_conditional_act_is_not_told_as_done() -> None:
    read = extract(
        "Teodor Brask has been accused by the Ostrian Academic Council of plagiarising his thesis.\n\n"
        "\"It may not be good style,\" said Professor Ilse Marr, \"but he never plagiarised anything. If he was "
        "going to bribe the examiners, he would have done it openly.\""
    )
    assert not read.against("Ilse Marr"), read.summary()
    [allegation] = read.against("Teodor Brask")
    assert "Ilse Marr" not in read.labels(allegation.claimants), read.summary()


def test_a_denied_act_outweighs_a_backing_word_and_an_accuser_s_omission_backs_the_charge() -> None:
    read = extract(
        "Auditor Ilse Marr accused the Velsk Water Board of wasting public money on pumps.\n\n"
        "\"We have never sold, and will never sell, information about our customers,\" said Piet Lund, a "
        "Velsk resident.\n\n"
        "Marr said the board did not address the irregularities she had found."
    )
    assert read.statement("never sold").stance == "denies", read.summary()
    assert read.statement("did not address").stance == "supports", read.summary()


def test_a_former_insider_described_by_role_is_no_ally_of_the_body_accused() -> None:
    read = extract("Prosecutors in Velsk charged Korlin Holdings with hiding losses from investors. A former "
                   "accountant at Korlin Holdings said the books had been kept in two sets.")
    books = read.statement("the books had been kept")
    assert read.label(books.speaker) == "A former accountant"
    assert books.stance != "denies", read.summary()


def test_a_lawyer_for_the_accused_speaks_for_him_and_contests_the_charge() -> None:
    read = extract("Prosecutors in Velsk charged Teodor Brask with fraud. A lawyer for Teodor Brask said the charges "
                   "were baseless.")
    answer = read.statement("the charges were baseless")
    assert read.label(answer.speaker) == "A lawyer"
    assert answer.stance in ("denies", "dismisses"), read.summary()


def test_backing_the_same_wrong_charged_to_others_backs_the_central_allegation() -> None:
    read = extract(
        "Police in Velsk have charged Harbour Savings Bank with fraud over missing deposits.\n\n"
        "At a hearing on Monday, the prosecution said two accountants had defrauded pensioners of their savings "
        "between 2019 and 2023."
    )
    assert read.statement("two accountants had defrauded").stance == "supports", read.summary()


def test_one_who_denies_the_charge_denies_it_again_in_other_negating_words() -> None:
    read = extract(
        "Korlin Holdings paid bribes to officials in Velsk to win a port contract, according to leaked documents.\n\n"
        "Piet Lund, a port official named in the documents, denied receiving any payment from Korlin.\n\n"
        "\"I have never taken a single coin from anyone,\" Lund said.\n\n"
        "\"I will answer any questions the police have,\" he added."
    )
    assert read.statement("never taken a single coin").stance == "denies", read.summary()
    assert read.statement("answer any questions").stance == "neutral", read.summary()


def test_saying_the_help_was_not_needed_plays_it_down_and_needing_it_takes_no_side() -> None:
    read = extract(
        "Valmora accused Ostria of supplying rockets to the Tarnian rebels.\n\n"
        "Mara Voss, a Velsk analyst, said the rebels do not rely on Ostrian assistance to build rockets.\n\n"
        "Piet Lund, a Harlow historian, said the rebels need spare parts for their trucks."
    )
    assert read.statement("do not rely on").stance == "downplays", read.summary()
    assert read.statement("need spare parts").stance == "neutral", read.summary()


def test_a_source_that_only_plays_the_story_down_keeps_that_line() -> None:
    read = extract(
        "Valmora accused Ostria of supplying rockets to the Tarnian rebels.\n\n"
        "Mara Voss, a Velsk analyst, said the rebels do not rely on Ostrian assistance to build rockets.\n\n"
        "\"The rebels have been making their own rockets for ten years,\" Voss said."
    )
    assert read.statement("making their own rockets").stance == "downplays", read.summary()


def test_an_actor_the_headline_names_as_the_accuser_is_not_the_central_allegation_s_accused() -> None:
    read = extract(
        "Kestrel Bay Hospital alleges state health officials covered up a Legionnaires' outbreak in 2024.\n\n"
        "Prosecutors in Velsk are conducting a criminal investigation into Kestrel Bay Hospital, the Velsk Courier "
        "reported.",
        title="Kestrel Bay Hospital alleges state cover-up",
    )
    central = read.central
    assert central is not None and read.labels(central.claimants) == {"Kestrel Bay Hospital"}, read.summary()


def test_the_accused_side_putting_a_milder_account_in_place_of_the_charge_plays_it_down() -> None:
    read = extract(
        "Nurses at Kestrel Bay Medical Center accused the hospital of concealing an outbreak of a fungus.\n\n"
        "The hospital's chief medical officer, Dr. Piet Voss, said the patients were colonised rather than sick."
    )
    assert REPORT_STANCE[read.statement("colonised rather than").stance] == "downplays", read.summary()


def test_one_of_the_accusing_group_speaks_for_its_side() -> None:
    read = extract(
        "Nurses at Kestrel Bay Medical Center say hospital managers concealed an outbreak of a fungus.\n\n"
        '"We were handing families gowns and telling them it was nothing," one of the nurses said.'
    )
    assert REPORT_STANCE[read.statement("handing families gowns").stance] == "supports", read.summary()


def test_an_inquiry_that_failed_to_find_evidence_contests_the_charge() -> None:
    read = extract("Velsk prosecutors accused Korlin Holdings of bribing officials.\n\n"
                   "An independent auditor, Mara Voss, said an investigation by Ostrian police had failed to find "
                   "any evidence in support of the allegations.")
    assert REPORT_STANCE[read.statement("failed to find").stance] == "denies", read.summary()


def test_the_accused_side_telling_what_it_will_do_is_no_denial() -> None:
    read = extract(
        "Valmora accused Ostrian intelligence of bribing officials in Port Kell.\n\n"
        "Ostrian intelligence chief Piet Voss has repeatedly said Ostria would strike its enemies abroad."
    )
    assert REPORT_STANCE[read.statement("would strike").stance] == "neutral", read.summary()



def test_the_outlet_a_statement_was_given_to_is_not_what_its_speakers_pronouns_mean() -> None:
    read = extract(
        "Tarnia's envoy accused Valmora and the Kestrel Front of working together.\n\n"
        "Recently, an anonymous Valmoran official confirmed Valmora-Kestrel cooperation to the Harlow Courier, but "
        "explained that their engagements ultimately did little to steer outcomes in the militia's attack."
    )
    assert not read.against("Harlow Courier"), read.summary()


def test_the_accused_side_telling_what_its_partner_did_keeps_the_stance_of_its_own_words() -> None:
    read = extract(
        "Tarnian envoy Ilse Marr alleged that Valmora and the Kestrel Front were smuggling weapons together.\n\n"
        "Recently, an anonymous Valmoran official confirmed Valmora-Kestrel cooperation, but explained that their "
        "engagements ultimately did little to steer outcomes in the militia's attack."
    )
    assert read.statement("did little to").stance == "downplays", read.summary()


def test_a_document_saying_who_is_accused_by_no_one_named_makes_the_accusation_its_own() -> None:
    read = extract("Prosecutors arraigned Teodor Brask on Monday. According to the charge, Brask is accused of "
                   "unlawfully acquiring the estate.")
    assert read.statement("unlawfully acquiring").stance == "supports", read.summary()


def test_only_before_a_downplaying_word_plays_the_charge_down_rather_than_denying_it() -> None:
    read = extract("Velsk prosecutors accused Korlin Holdings of bribing officials in Port Kell.\n\n"
                   "Korlin Holdings said the payments were only a small part of its business in Port Kell.")
    assert read.statement("only a small part").stance == "downplays", read.summary()


@pytest.mark.parametrize("answer", [
    "Korlin Holdings said it was cooperating fully with the investigation.",
    "Korlin Holdings said it had launched an internal review.",
    "Korlin Holdings said it apologised to its customers for any inconvenience.",
])
def test_the_accused_side_telling_a_step_it_takes_in_answer_is_no_denial(answer: str) -> None:
    read = extract("Velsk prosecutors accused Korlin Holdings of bribing officials in Port Kell.\n\n" + answer)
    assert REPORT_STANCE[read.statement(answer.split(" said ")[1][:20]).stance] == "neutral", read.summary()


def test_an_evaluative_word_after_a_negating_prefix_is_another_word() -> None:
    model = extractor()._text_model("The office welcomed the decision to declare the federation non-compliant.")
    wording = Wording(model, extractor().lexicon)
    assert wording.stance(0, len(model.tokens) - 1, accused_side=False) is None
    model = extractor()._text_model("The federation said it was fully compliant.")
    assert Wording(model, extractor().lexicon).stance(0, len(model.tokens) - 1, accused_side=True) == "denies"


def test_an_evaluative_noun_modifying_another_noun_names_a_topic_not_a_verdict() -> None:
    read = extract("The Harbour Rights Group accused Valmora of meddling in the Ostrian election. Korlin Media said "
                   "on Thursday it had taken down a dozen disinformation networks run from Valmora.")
    assert read.statement("taken down").stance != "dismisses", read.summary()
