"""Speakers in the longer sentence shapes of real reporting (issue 12): a long apposition with a relative clause
between the name and the verb, a second reporting verb joined by "but", a pronoun at the end of a phrase. All texts are
fiction written for the project."""

from __future__ import annotations

from fiction import extract

SPECIALIST = (
    "Harbour General Hospital reported a cluster of fungal infections in March.\n\n"
    "Dr. Amara Lindqvist, an infectious disease specialist at the Northgate Institute of Public Health who was not "
    "involved in the patients' care, said a delay of several weeks in reporting would be \"hard to justify\", but "
    "cautioned that fungal outbreaks were often recognised late."
)


def test_a_long_apposition_with_a_relative_clause_leaves_the_name_as_the_speaker() -> None:
    read = extract(SPECIALIST)
    assert read.speaker("hard to justify") == "Amara Lindqvist", read.summary()


def test_a_reporting_verb_after_but_keeps_the_speaker_of_the_statement_before_it() -> None:
    read = extract(SPECIALIST)
    assert read.speaker("fungal outbreaks were often recognised late") == "Amara Lindqvist", read.summary()


def test_a_pronoun_closing_a_relative_phrase_is_the_speaker_it_refers_to() -> None:
    read = extract(
        "Voters in Harl went to the polls on Tuesday.\n\n"
        "The member of parliament for Harl, Samuel Ode who described himself as a lead organiser said he handed "
        "out money which he said came from his savings."
    )
    speakers = {s.speaker_label for s in read.find_statements("came from his savings")}
    assert speakers == {"Samuel Ode"}, read.summary()


INTERVIEW = (
    "Harl Viscose rejects the pollution charges\n\n"
    "The company has always complied with the rules, says Chief Sustainability Officer Mira Holm.\n\n"
    "The plant in Nagda was criticised by the state pollution board in 2017.\n\n"
    "\u201dThere are many other plants nearby and they could not establish that the pollution came from ours.\u201d\n\n"
    "But does the board not point to your plant as the source?\n\n"
    "\u201dThey filed a case that was not correct. We have told the authorities about the trucks.\u201d\n\n"
    "Do you release any water at all?\n\n"
    "\u201dNo, we do not release any water from the Nagda plant.\u201d"
)


def test_a_person_s_post_before_the_name_is_the_role_not_the_name() -> None:
    read = extract(INTERVIEW)
    assert read.speaker("always complied with the rules") == "Mira Holm", read.summary()


def test_answers_in_a_question_and_answer_interview_are_the_interviewee_s_words() -> None:
    read = extract(INTERVIEW)
    for answer in ("many other plants nearby", "filed a case that was not correct", "do not release any water"):
        assert read.speaker(answer) == "Mira Holm", read.summary()


def test_every_conjunct_of_a_listed_subject_is_accused() -> None:
    read = extract(
        "Mayor Ivo Brenner is on trial in Harl.\n\n"
        "Brenner is back in court for the second day of the trial, in which he, his deputy Lena Marsh, and "
        "Harl Holdings executives are accused by Attorney General Petra Lind of engaging in a scheme of fraud."
    )
    [allegation] = read.against("Ivo Brenner")
    assert {"Ivo Brenner", "Lena Marsh", "Harl Holdings"} <= read.labels(allegation.accused), read.summary()


def test_a_pronoun_saying_a_quotation_does_not_refer_to_a_name_inside_it() -> None:
    read = extract(
        "Governor Anne Wairimu has accused the Ethics Commission(EAC) of targeting her.\n\n"
        "\u201cWere it not for the courts, the EAC on behalf of their Harambee House masters would have hanged some of "
        "us without a trial\u201d she said in her tweet."
    )
    assert read.speaker("Were it not for the courts") == "Anne Wairimu", read.summary()


def test_a_name_before_a_role_apposition_and_a_relative_clause_is_the_speaker() -> None:
    read = extract(
        "A lecturer at Harl University was accused of plagiarism.\n\n"
        "But Mira Holm, assistant general secretary of the Association of University Teachers, which is "
        "representing the lecturer, this week asked the panel to withdraw the allegations."
    )
    assert read.speaker("the panel to withdraw the allegations") == "Mira Holm", read.summary()


def test_a_quotation_right_after_a_sentence_about_one_person_is_that_person_s() -> None:
    read = extract(
        "The Harl ambassador, Ivo Brenner, said the documents were baseless.\n\n"
        "\u201cSuch actions are unacceptable,\u201d he said.\n\n"
        "Writing on Telegram, foreign ministry spokesperson Petra Lind also took aim at the documents. "
        "\u201cThere are passages of simply invented history in them,\u201d"
    )
    assert read.speaker("passages of simply invented history") == "Petra Lind", read.summary()


def test_an_apposition_or_relative_clause_before_a_passive_charge_leaves_the_name_accused() -> None:
    read = extract(
        "Ravi Menon, a former Harl Capital Group director, was indicted Wednesday by a federal grand jury on "
        "charges of securities fraud.\n\n"
        "Mr. Menon, who also sat on the board of Norvik Foods, was charged with five counts of securities fraud."
    )
    menon = read.actor("Ravi Menon")
    assert menon.type == "Person" and read.label(menon.affiliation) == "Harl Capital Group", read.summary()
    assert not read.against("Harl Capital Group") and not read.against("Norvik Foods"), read.summary()
    [allegation] = read.against("Ravi Menon")
    assert read.labels(allegation.claimants) == {"a federal grand jury"}, read.summary()


def test_a_first_name_that_is_also_a_word_for_a_law_is_a_person_s_name() -> None:
    read = extract(
        "Human Rights Watch accused the coast guard of pushing migrant boats back.\n\n"
        "\u201cPeople who flee by boat do so when they are truly desperate,\u201d Human Rights Watch official Bill "
        "Frelick said.\n\n"
        "\u201cThey have a right to have their claims for protection considered,\u201d he added.\n\n"
        "The Convention Against Torture binds every member state."
    )
    assert read.speaker("They have a right") == "Bill Frelick", read.summary()
    assert read.find_actor("Convention Against Torture") is None, read.summary()


def test_capitalised_common_words_before_a_thing_name_no_one_but_before_a_team_an_outlet() -> None:
    read = extract(
        "Harl Viscose denied polluting the river.\n\n"
        "Today the plant has a Zero Liquid discharge system, the company said.\n\n"
        "Three men sharing money dispersed when the Daily Graphic team got close."
    )
    assert read.find_actor("Zero Liquid") is None, read.summary()
    assert read.find_actor("Daily Graphic") is not None, read.summary()


def test_a_quotation_joined_to_reported_words_is_a_statement_of_its_own() -> None:
    read = extract(
        "Norvik Rail denied bribing officials.\n\n"
        "A company spokesperson said that the inquiry was baseless, and \u201cNorvik does not tolerate any "
        "corruption\u201d."
    )
    assert read.statement("the inquiry was baseless").content.text == "the inquiry was baseless", read.summary()
    assert read.statement("does not tolerate").direct, read.summary()


def test_party_functionaries_and_a_person_s_notes_speak() -> None:
    read = extract(
        "Voters in Harl went to the polls on Tuesday.\n\n"
        "The Harl Democratic Congress party functionaries have accused the People's Party of buying votes.\n\n"
        "Mayor Ivo Brenner will testify today. His notes acknowledge he has made mistakes and say the city will "
        "recover."
    )
    assert read.speaker("of buying votes") == "party functionaries", read.summary()
    assert read.statement("he has made mistakes").content.text == "he has made mistakes", read.summary()


def test_a_weapon_s_acronym_in_the_plural_is_no_actor() -> None:
    read = extract("Prosecutors said the sellers offered to supply RPGs and IEDs to the buyers.")
    assert read.find_actor("RPGs") is None and read.find_actor("IEDs") is None, read.summary()


def test_only_a_head_word_written_as_its_language_writes_it_makes_a_place() -> None:
    read = extract(
        "The Sierra Club said the river was poisoned.\n\n"
        "Villagers said the Río Tapia turned white in May."
    )
    assert read.find_actor("Sierra Club") is not None, read.summary()
    assert read.find_actor("Río Tapia") is None, read.summary()


def test_names_listed_between_dashes_are_the_ones_arrested() -> None:
    read = extract(
        "Last year three managers of the firm - Ilse Marr, Velsk director; Tomas Brandt, finance director; and "
        "Ewa Holm-Lind, legal director - were arrested on suspicion of bribery and money laundering."
    )
    [allegation] = read.extraction.allegations
    assert read.labels(allegation.accused) == {"Ilse Marr", "Tomas Brandt", "Ewa Holm-Lind"}, read.summary()


def test_a_verb_coordinated_without_a_subject_takes_the_first_conjunct_s() -> None:
    read = extract(
        "Auditors said that Harlow Rail had inflated its invoices and paid bribes to two officials in Velsk."
    )
    [allegation] = read.against("Harlow Rail")
    assert read.labels(allegation.claimants) == {"Auditors"}, read.summary()
    assert not read.against("Auditors"), read.summary()
