"""People inside organisations, as news writes them (issues 12 and 13): a member named before "of/at ORG" speaks, not
the organisation; an in-house post with no organisation beside it belongs to the one named just before; a
whistleblower or unnamed former insiders speak against their own body; legal actions the article narrates are
brought by the authority it names. All texts are fiction written for the project."""

from __future__ import annotations

from fiction import REPORT_STANCE, extract

BANK = (
    "Harrow Mutual Bank faces questions over a data leak.\n\n"
    "A whistleblower at Harrow Mutual Bank has claimed that senior executives concealed the leak for three months.\n\n"
    "\"We were told to keep it quiet until the results were out,\" the whistleblower said.\n\n"
    "Harrow Mutual Bank admitted that an incident had taken place.\n\n"
    "\"There was no cover-up,\" said chief executive Lena Marsh.\n\n"
    "Analyst Tomas Reyd of the Kestrel Research Group said the leak was serious."
)


def test_a_member_before_of_or_at_an_organisation_is_the_speaker() -> None:
    read = extract(BANK)
    assert read.speaker("the leak was serious") == "Tomas Reyd"
    assert read.speaker("concealed the leak") not in ("Harrow Mutual Bank", None)


def test_an_in_house_post_belongs_to_the_organisation_named_just_before() -> None:
    read = extract(BANK)
    marsh = read.actor("Lena Marsh")
    assert read.label(marsh.affiliation) == "Harrow Mutual Bank", read.summary()


def test_a_whistleblower_supports_and_the_chief_executive_denies() -> None:
    read = extract(BANK, title="Bank hid data leak, whistleblower claims")
    against_bank = read.against("Harrow Mutual Bank")
    assert against_bank, read.summary()
    assert REPORT_STANCE[read.statement("keep it quiet").stance] == "supports", read.summary()
    assert REPORT_STANCE[read.statement("There was no cover-up").stance] == "denies", read.summary()


def test_a_past_tense_verb_after_a_plural_noun_is_read_as_an_act() -> None:
    read = extract("A whistleblower said that managers hid the inspection files from the regulator.")
    [allegation] = read.extraction.allegations or [None]
    assert allegation is not None and allegation.claim_type == "cover-up", read.summary()


def test_charges_filed_against_someone_are_brought_by_the_authority_the_article_names() -> None:
    read = extract(
        "The Ostrian Anti-Corruption Commission has ordered that charges be filed against Teodor Brask.\n\n"
        "Brask was charged with taking bribes from a road builder."
    )
    allegations = read.against("Teodor Brask")
    assert allegations, read.summary()
    assert all(read.labels(a.claimants) == {"Ostrian Anti-Corruption Commission"} for a in allegations), read.summary()


def test_prosecutors_filing_charges_are_the_claimant() -> None:
    read = extract("Prosecutors filed charges against Teodor Brask on Monday.")
    [allegation] = read.against("Teodor Brask")
    assert read.labels(allegation.claimants) == {"Prosecutors"}, read.summary()


def test_no_one_says_what_no_one_said() -> None:
    read = extract("Mara Voss said no one at the plant had mentioned the leak. Nobody told the families about it.")
    assert [s.content.text for s in read.extraction.statements] == ["no one at the plant had mentioned the leak"]


def test_a_name_inside_a_relative_clause_is_not_the_speaker() -> None:
    read = extract("Ines Falk, whose brother, Piet, died in the flood, said the warnings came too late.")
    assert read.speaker("the warnings came too late") == "Ines Falk"


def test_quoted_as_saying_gives_the_quoted_source() -> None:
    read = extract("The Velsk Courier quoted investigators as saying that Teodor Brask had passed files to Valmora.")
    assert read.statement("passed files").speaker_label == "investigators", read.summary()


def test_a_quotation_inside_a_reported_clause_is_part_of_the_clause_and_the_next_quotation_continues_it() -> None:
    read = extract(
        'Mara Voss noted that "routine contacts" between the two agencies "were dressed up as an alliance".\n\n'
        '"Of course the agencies talk to each other, but that is all there is to it."'
    )
    contents = [s.content.text for s in read.extraction.statements]
    assert contents[0].startswith('"routine contacts" between the two agencies'), read.summary()
    assert "routine contacts" not in contents[1:], read.summary()
    assert read.speaker("Of course the agencies talk") == "Mara Voss", read.summary()


def test_a_progressive_after_been_is_a_verb() -> None:
    read = extract("Mara Voss said Valmoran officers had been teaching Sable Brigade fighters to fly drones.")
    assert any(a.claim_type == "train-forces" for a in read.extraction.allegations), read.summary()


def test_an_official_telling_of_the_act_as_done_supports_the_allegation() -> None:
    read = extract(
        "Korlin Holdings denied that its plant was dumping waste into the Kell river.\n\n"
        "The environment agency said the water being discharged from the plant was thick and grey, and that the "
        "plant was polluting the river."
    )
    central = read.central
    assert central is not None, read.summary()
    assert read.stance(read.statement("polluting the river"), central) == "supports", read.summary()


def test_a_penalty_a_regulator_reports_is_its_allegation() -> None:
    read = extract("Korlin Holdings is facing a record fine for the leak, the Information Commissioner's Office said.")
    assert read.find_actor("Information Commissioner's Office") is not None, read.summary()
    [allegation] = read.against("Korlin Holdings")
    assert read.labels(allegation.claimants) == {"Information Commissioner's Office"}, read.summary()


def test_a_legal_action_reaches_the_one_it_is_against_past_a_time_phrase() -> None:
    read = extract("Korlin Holdings initiated legal action earlier this month against its former director, Teodor Brask.")
    assert read.against("Teodor Brask"), read.summary()


def test_the_report_says_is_said_by_who_presented_the_report() -> None:
    read = extract(
        "Abuses in the border region amount to war crimes, the Kell Rights Centre has charged in a new report.\n\n"
        "The abuses are \"part of a systematic campaign against civilians in Ardenne,\" the report says."
    )
    assert read.speaker("part of a systematic campaign") == "Kell Rights Centre", read.summary()


def test_adding_after_a_quotation_takes_the_subject_outside_the_quotation() -> None:
    read = extract('"There is no truth to the report," Teodor Brask wrote, adding that: "The ministry will be cleared."')
    assert read.speaker("The ministry will be cleared") == "Teodor Brask", read.summary()


def test_a_concession_taken_back_downplays() -> None:
    read = extract(
        "Korlin Holdings was accused of leaking customer records.\n\n"
        "Korlin Holdings said about 3,000 accounts were affected, but the stolen data did not include card numbers."
    )
    assert REPORT_STANCE[read.statement("3,000 accounts were affected").stance] == "downplays", read.summary()


def test_a_nationality_before_a_noun_of_support_names_its_state_as_the_doer() -> None:
    read = extract("Valmora's defence ministry said it had found traces of Ostrian involvement in the raid.")
    assert read.against("Ostria"), read.summary()


def test_a_wrong_committed_by_someone_accuses_them() -> None:
    read = extract(
        "Mara Voss said she had collected evidence of war crimes committed by the commander of the Sable Brigade, "
        "Teodor Brask."
    )
    assert read.against("Teodor Brask"), read.summary()


def test_the_agent_of_a_wrong_or_an_accusation_is_an_actor() -> None:
    read = extract(
        "The killings were perpetrated by security officials from the border region, the Kell Rights Centre said.\n\n"
        "Teodor Brask has been accused by critics of nepotism."
    )
    assert read.against("security officials"), read.summary()
    [nepotism] = read.against("Teodor Brask")
    assert read.labels(nepotism.claimants) == {"critics"}, read.summary()
    assert read.statement("nepotism").content.text == "nepotism", read.summary()


def test_an_accused_named_after_a_participle_modifier_is_found() -> None:
    read = extract("The Kell Rights Centre accused the ruling Unity Party of doctoring vote tallies.")
    [allegation] = read.against("Unity Party")
    assert allegation.claim_type in ("fraud", "election-interference"), read.summary()


def test_forging_an_alliance_and_a_doctor_are_no_fraud() -> None:
    read = extract("The two states forged an alliance, Mara Voss said. A doctor at the clinic said the talks went well.")
    assert not read.extraction.allegations, read.summary()


def test_a_spokeswoman_denying_answers_for_her_ministry() -> None:
    read = extract(
        "A senator accused the Ministry of Health of covering up a cyberattack.\n\n"
        "Ministry of Health spokeswoman Grace Wanjiru rejected the claims."
    )
    wanjiru = read.actor("Grace Wanjiru")
    assert read.label(wanjiru.affiliation) == "Ministry of Health", read.summary()
    assert not read.against("Grace Wanjiru"), read.summary()
    [cover_up] = read.against("Ministry of Health")
    assert read.stance(read.statement("the claims"), cover_up) == "denies", read.summary()


def test_a_quoted_title_is_no_statement() -> None:
    read = extract(
        'The ministry published a paper headlined "Five Persistent Smuggling Routes Through Ostria." '
        '"These routes carry most of the arms," the ministry said.'
    )
    assert [s.content.text for s in read.extraction.statements] == ["These routes carry most of the arms"], \
        read.summary()


def test_he_said_prefers_the_subject_to_the_one_told() -> None:
    read = extract(
        "On Monday, a senior inspector told Teodor Brask that the files were lost.\n\n"
        "\"Nobody answered my letters for a year,\" he said."
    )
    assert read.statement("Nobody answered").speaker_label != "Teodor Brask", read.summary()


def test_alleged_efforts_of_a_state_are_an_unattributed_allegation_against_it() -> None:
    read = extract("The companies removed the accounts amid alleged Ostrian efforts to sway the Valmoran election.")
    [allegation] = read.against("Ostria")
    assert allegation.claimant_note == "unattributed" and not allegation.claimants, read.summary()


def test_accusing_each_other_makes_an_allegation_each_way() -> None:
    read = extract(
        "A truce between Ostria and Valmora looked fragile on Sunday, with both countries accusing each other of "
        "shelling border villages."
    )
    [by_ostria] = read.against("Valmora")
    [by_valmora] = read.against("Ostria")
    assert read.labels(by_ostria.claimants) == {"Ostria"} and read.labels(by_valmora.claimants) == {"Valmora"}
    assert by_ostria.summary.endswith("shelling border villages"), read.summary()


def test_a_source_that_backs_the_story_backs_it_in_its_other_statements() -> None:
    read = extract(
        "Mara Voss accused Korlin Holdings of dumping waste into the Kell river.\n\n"
        "\"We counted the barrels every night for a month,\" Voss said."
    )
    assert REPORT_STANCE[read.statement("We counted the barrels").stance] == "supports", read.summary()


def test_an_organisation_shortened_to_its_first_words_is_the_same_actor() -> None:
    read = extract(
        "Nurses at Harwick Regional Medical Center said the outbreak was hidden.\n\n"
        "Harwick Regional denied that it had hidden anything. Harwick said it followed the rules."
    )
    centre = read.actor("Harwick Regional Medical Center")
    assert {m.text for m in centre.mentions} >= {"Harwick Regional", "Harwick"}, read.summary()
    assert read.against("Harwick Regional Medical Center"), read.summary()


def test_the_accused_playing_the_story_down_while_accusing_another_still_plays_it_down() -> None:
    read = extract(
        "Ostria accused Valmora of supplying drones to the Sable Brigade.\n\n"
        "A Valmoran official said the deliveries were minor, and that Ostrian officers had trained the brigade."
    )
    central = read.central
    assert central is not None and read.labels(central.accused) == {"Valmora"}, read.summary()
    assert REPORT_STANCE[read.statement("the deliveries were minor").stance] == "downplays", read.summary()


def test_an_attempt_is_told_as_an_attempt_by_whoever_tried() -> None:
    read = extract(
        "Mara Voss said Korlin Holdings tried to hide the leak.\n\n"
        "The accounts were removed amid alleged Ostrian efforts to sway the Valmoran election."
    )
    [hiding] = read.against("Korlin Holdings")
    assert hiding.summary == "Korlin Holdings tried to hide the leak", read.summary()
    [swaying] = read.against("Ostria")
    assert swaying.summary.startswith("Ostria tried to sway the Valmoran election"), read.summary()


def test_a_sentence_ending_on_a_preposition_breaks_nothing() -> None:
    for text in (
        "Ministry of Health spokeswoman said a record fine charges were filed against",
        "Analyst Mara Voss of the Kell Rights Centre said Valmoran officers had been teaching none of",
        "Dr. fine alleging that 's assistant general secretary of the",
        "by a former Harl Group director, and Don Jr., and assistant general secretary of the",
    ):
        extract(text)  # no IndexError: a phrase after the last token is empty


def test_a_defence_lawyer_with_no_client_named_stands_with_the_defendant() -> None:
    read = extract(
        "Prosecutors charged Teodor Brask with taking bribes from a road builder.\n\n"
        "\"Show me the money that Teodor Brask received,\" said defense attorney Ines Falk. \"Where is the evidence?\""
    )
    assert REPORT_STANCE[read.statement("Show me the money").stance] == "denies", read.summary()
