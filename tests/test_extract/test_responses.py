"""How answers to an allegation are read (issue 13): what a denial implies, whom a response answers and with which
stance. All texts are fiction written for the project."""

from __future__ import annotations

from fiction import extract


def test_denying_a_thing_implies_no_allegation_against_the_one_denying() -> None:
    read = extract(
        "Opposition leader Ana Kovec said the Harlow Group was denying \"objective facts\" about the floods.\n\n"
        "Mayor Piet Lund denied hiding the damage reports."
    )
    assert not read.against("Harlow Group"), read.summary()
    assert read.against("Piet Lund"), read.summary()


def test_they_after_according_to_is_the_source_not_the_subject_of_what_it_said() -> None:
    read = extract(
        "Residents of Marlow have protested for a week.\n\n"
        "According to local farmers, the chemical factories have been dumping waste in the river for months. "
        "They claim that factory managers hid the waste under gravel after the protests began."
    )
    assert read.speaker("factory managers hid the waste") == "local farmers", read.summary()


def test_factories_named_by_their_head_noun_are_the_group_named_in_full() -> None:
    read = extract(
        "Residents allege that chemical factories are flouting pollution norms.\n\n"
        "According to local farmers, the factories have been dumping their waste in the river for months.\n\n"
        "Locals allege that seven more chemical factories in the area are still dumping waste illegally.\n\n"
        "\"We have shut three factories,\" the district collector said."
    )
    assert read.against("chemical factories"), read.summary()
    assert read.statement("dumping their waste").stance == "supports", read.summary()


def test_the_subject_before_a_place_in_a_locative_phrase_speaks_not_the_place() -> None:
    read = extract(
        "More than 100 villagers in western Karthana protested last week, alleging that chemical factories are "
        "flouting pollution norms."
    )
    assert read.speaker("flouting pollution norms") == "100 villagers", read.summary()
    [allegation] = read.against("chemical factories")
    assert read.labels(allegation.claimants) == {"100 villagers"}, read.summary()


def test_the_opposition_is_a_group_that_speaks() -> None:
    read = extract(
        "Voters in Karthana chose a new parliament on Sunday.\n\n"
        "The opposition boycotted the vote, saying that the ballot had been rigged."
    )
    assert read.speaker("the ballot had been rigged") == "opposition", read.summary()


def test_inmates_speak_and_coordinated_participles_keep_the_doer_after_by() -> None:
    read = extract(
        "The ombudsman published its report on the Harl prison on Monday.\n\n"
        "Several inmates said that they were kicked and beaten by guards."
    )
    assert read.speaker("kicked and beaten") == "Several inmates", read.summary()
    [allegation] = read.against("guards")
    assert read.labels(allegation.claimants) == {"Several inmates"}, read.summary()


def test_reported_speech_inside_a_reports_quotation_is_a_statement_of_its_own() -> None:
    read = extract(
        "The ombudsman published its report on the Harl prison on Monday.\n\n"
        "\u201cSeveral inmates said they were beaten by guards,\u201d the report disclosed.\n\n"
        "\u201cThe inspectors said the cells were clean,\u201d the governor, Rolf Amsel, said."
    )
    speakers = {read.label(s.speaker) for s in read.find_statements("they were beaten by guards")}
    assert "Several inmates" in speakers, read.summary()
    assert [s.content.text for s in read.find_statements("the cells were clean")] == [
        "The inspectors said the cells were clean"
    ], read.summary()


def test_the_n_year_old_is_the_person_named_before() -> None:
    read = extract(
        "Prosecutors in Harl have alleged that the footballer Marco Vela owes millions in unpaid taxes.\n\n"
        "They have accused the 32-year-old of using a shell company to hide income from image rights."
    )
    vela = read.actor("Marco Vela")
    assert any(m.text == "the 32-year-old" for m in vela.mentions), read.summary()
    assert read.against("Marco Vela"), read.summary()


def test_declaring_an_amount_is_no_statement() -> None:
    read = extract(
        "Prosecutors in Harl opened a case against Marco Vela.\n\n"
        "Prosecutors have claimed that Vela declared 11 million of earnings but actually kept 30 million more.\n\n"
        "Marco Vela declared his savings to the tax office."
    )
    assert not read.find_statements("his savings"), read.summary()


def test_an_allegation_only_a_denial_implies_is_claimed_by_those_who_back_it() -> None:
    read = extract(
        "The general manager of Harl Paper Mill, Ivo Brenner, has denied that the company's plant is dumping "
        "industrial wastewater into the Arno river.\n\n"
        "Brenner was reacting to a report issued by the Harl Environment Agency after an inspection of the plant. "
        "The report stated that the plant was dumping white and viscous wastewater into the river."
    )
    [allegation] = read.against("Harl Paper Mill")
    assert read.labels(allegation.claimants) == {"Harl Environment Agency"}, read.summary()


PAPER_MILL = (
    "The general manager of Harl Paper Mill, Ivo Brenner, has denied that the company's plant is dumping "
    "industrial wastewater into the Río Arno.\n\n"
    "Brenner was reacting to a report issued by the Autoridad Nacional del Agua (Anag) after an inspection of the "
    "plant. The report stated that the water being discharged from the plant was \"white and viscous\".\n\n"
    "The company also faced a fine for releasing sewage sludge from its plant in Curundu."
)


def test_names_that_put_the_head_first_and_their_short_form_in_brackets() -> None:
    read = extract(PAPER_MILL)
    agency = read.actor("Autoridad Nacional del Agua")
    assert agency.type == "GovernmentBody" and "Anag" in {m.text for m in agency.mentions}, read.summary()
    assert read.find_actor("Río Arno") is None, read.summary()


def test_a_fine_for_a_deed_accuses_the_one_fined_and_a_denial_before_it_still_answers_it() -> None:
    read = extract(PAPER_MILL)
    [allegation] = read.against("Harl Paper Mill")
    assert read.labels(allegation.claimants) == {"Autoridad Nacional del Agua"}, read.summary()
    denial = read.statement("is dumping industrial wastewater")
    assert read.stance(denial, allegation) == "denies", read.summary()


def test_a_plea_in_court_and_an_announced_seizure_are_no_statements() -> None:
    read = extract(
        "Mayor Ivo Brenner was charged with taking bribes on Monday.\n\n"
        "He pleaded not guilty to the charges.\n\n"
        "Customs officials have announced the seizure of half a ton of ivory."
    )
    assert not read.find_statements("not guilty"), read.summary()
    assert not read.find_statements("the seizure of half a ton"), read.summary()


def test_dates_after_a_passive_and_a_rate_per_cent_are_no_statements() -> None:
    read = extract(
        "The Harl data office fined Norvik Air for a breach of customer data.\n\n"
        "The incident was disclosed on September 6, 2018, and October 25, 2018.\n\n"
        "The office said the fine amounts to 1.5 per cent of turnover, less than the possible maximum of 4 per cent."
    )
    assert not read.find_statements("October 25"), read.summary()
    assert [s.content.text[:14] for s in read.find_statements("possible maximum")] == ["the fine amoun"], read.summary()


def test_an_authority_flagging_someone_for_a_deed_accuses_them() -> None:
    read = extract(
        "The Harl Ethics Commission wants two candidates barred from the election.\n\n"
        "The Harl Ethics Commission flagged Ivo Brenner for using another person's identity card."
    )
    [allegation] = read.against("Ivo Brenner")
    assert read.labels(allegation.claimants) == {"Harl Ethics Commission"}, read.summary()


def test_a_body_named_by_its_kind_alone_is_an_actor_when_no_one_named_before_is_meant() -> None:
    read = extract(
        "Ivo Brenner runs a chemical plant in Harl.\n\n"
        "The police arrested Ivo Brenner on suspicion of dumping waste in the river."
    )
    [allegation] = read.against("Ivo Brenner")
    assert read.labels(allegation.claimants) == {"police"}, read.summary()
    named = extract(
        "The Harl Water Authority opened an inquiry into Ivo Brenner's plant.\n\n"
        "The authority fined Ivo Brenner for dumping waste in the river."
    )
    authority = named.actor("Harl Water Authority")
    assert "The authority" in {m.text for m in authority.mentions}, named.summary()
    assert [a.label for a in named.extraction.actors if "authority" in a.label.lower()] == ["Harl Water Authority"]


def test_a_denial_by_a_company_s_short_name_joins_the_allegation_against_its_full_name() -> None:
    read = extract(
        "Researchers at the Privacy Lab accused Halden Labs of selling its users' location data to brokers.\n\n"
        "Halden denied selling personal data."
    )
    allegations = read.against("Halden Labs") + read.against("Halden")
    assert len({a.iri for a in allegations}) == 1, read.summary()


def test_a_law_s_name_is_no_act() -> None:
    read = extract("Prosecutors in Harl said the payments by Norvik Rail may have broken the UK Bribery Act.")
    assert not read.against("United Kingdom"), read.summary()


def test_a_statement_backing_the_central_allegation_is_among_its_supporters() -> None:
    read = extract(
        "Prosecutors in Velsk charged the mayor Piet Lund with taking bribes from a road builder.\n\n"
        "A builder, Ana Kovec, told the court she had paid Lund 40,000 euros in bribes.\n\n"
        "\"He came to the site every Friday with an empty bag,\" Kovec said.",
        title="Velsk mayor charged with taking bribes",
    )
    central = read.central
    assert central is not None, read.summary()
    detail = read.statement("empty bag")
    assert detail.stance == "supports", read.summary()
    assert read.stance(detail, central) == "supports", read.summary()
    assert detail.iri in central.supported_by, read.summary()


def test_a_report_that_a_body_suspected_someone_accuses_the_suspect_not_the_body() -> None:
    read = extract(
        "Harlow Rail has denied that it paid bribes to officials in Velsk.\n\n"
        "The denial follows reports that the Velsk Audit Office suspected the company of bribing officials to win "
        "contracts."
    )
    assert not read.against("Velsk Audit Office"), read.summary()
    assert read.against("Harlow Rail"), read.summary()


def test_a_wrong_naming_the_manner_of_a_clause_is_its_subject_s_doing() -> None:
    read = extract(
        "In her annual report, auditor Ilse Marr said the Velsk Water Board bought pumps worth 3 million euros "
        "from a single supplier last year in breach of the procurement rules."
    )
    [allegation] = read.against("Velsk Water Board")
    assert read.labels(allegation.claimants) == {"Ilse Marr"}, read.summary()


def test_rejecting_the_claims_answers_the_allegation_stated_before_and_accuses_no_one_new() -> None:
    read = extract(
        "The opposition Harlow Party on Tuesday accused the ruling Ostrian Alliance of doctoring vote tallies.\n\n"
        "The Supreme Electoral Tribunal rejected the claims on Wednesday.\n\n"
        "Alliance candidate Piet Lund dismissed the accusations as \"the tantrum of a bad loser\"."
    )
    assert read.against("Ostrian Alliance"), read.summary()
    assert not read.against("Supreme Electoral Tribunal"), read.summary()
    assert not read.against("Piet Lund"), read.summary()


def test_an_omission_a_body_found_implies_no_denial_by_the_one_who_found_it() -> None:
    read = extract(
        "The Labour Department launched an investigation into Harlow Gloves and found that the firm had withheld "
        "its workers' wages and did not pay overtime."
    )
    assert not read.against("Labour Department"), read.summary()


def test_a_denial_of_paying_bribes_implies_a_bribery_allegation() -> None:
    read = extract("Harlow Rail Ltd denied paying bribes to officials in Velsk.")
    [allegation] = read.against("Harlow Rail Ltd")
    assert allegation.claim_type == "bribery", read.summary()
