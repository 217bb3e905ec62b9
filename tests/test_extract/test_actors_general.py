"""General actor rules, each on a text of its own: states' institutions through the state's name or demonym, places
versus actors, companies, organisations found by their context, outlets, appositions and titles. Ported from
tests/test_ingest/test_actors_unseen.py (the real states there replaced by the fictional ones of fiction.py; the
scoring of evaluation/gold/unseen moved to `make score`). All texts are fiction written for the project."""

from __future__ import annotations

import pytest
from fiction import BASE, extract

ORGANISATION_TYPES = frozenset({"Organization", "GovernmentBody", "ThinkTank"})


def mentions(read, surface: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in read.actor(surface).mentions]


def test_a_state_its_seat_and_its_acronym_are_one_actor() -> None:
    read = extract("The Republic of Ostria rejected the charge. Velsk said Ostria had sent only aid.")
    assert mentions(read, "Ostria") == ["Republic of Ostria", "Velsk", "Ostria"]
    assert read.actor("Ostria").type == "State"


def test_a_states_army_and_ministries_are_found_through_its_name() -> None:
    read = extract("Ostria's army said the Valmoran foreign ministry lied, and Valmora's armed forces said the same.")
    army = read.actor("Ostria's army")
    assert army.type in ("ArmedGroup", "GovernmentBody") and army.affiliation == BASE + "actor/ostria"
    assert read.actor("Valmoran foreign ministry").affiliation == BASE + "actor/valmora"
    assert read.actor("Valmora's armed forces").affiliation == BASE + "actor/valmora"


@pytest.mark.parametrize("text", [
    "The deal went to a Velsk-based firm.",
    "Payments went through an Ostria-registered company.",
    "Observers in Ostria and Valmora were surprised.",
    "A Velsk court heard the case.",
])
def test_a_state_or_capital_used_as_a_place_is_no_actor(text: str) -> None:
    assert not [a for a in extract(text).extraction.actors if a.type == "State"]


def test_companies_by_legal_form_and_by_their_short_name() -> None:
    read = extract("Ormond Vale Mining Corp won the tender over Kestrel Holdings. Ormond Vale did not comment, "
                   "and Kestrel said it would appeal.")
    assert mentions(read, "Ormond Vale Mining Corp") == ["Ormond Vale Mining Corp", "Ormond Vale"]
    assert mentions(read, "Kestrel Holdings") == ["Kestrel Holdings", "Kestrel"]
    assert len(read.extraction.actors) == 2


@pytest.mark.parametrize(("text", "label", "kind"), [
    ("The campaign group Fair Harvest published the files.", "Fair Harvest", "Organization"),
    ("Mining rights went to state miner Korvex last year.", "Korvex", "Organization"),
    ("Votes went to the Green Dawn party, which won 6%.", "Green Dawn", "Organization"),
    ("Researchers at Talvik, the Velsk-based cybersecurity firm, agreed.", "Talvik", "Organization"),
    ("It was the work of a hacking group known as Frostbite.", "Frostbite", "Organization"),
    ("Prison Conditions Watch and Solace International both said so.", "Prison Conditions Watch", "Organization"),
    ("Prison Conditions Watch and Solace International both said so.", "Solace International", "Organization"),
    ("The Center for Water and Energy Studies said so.", "Center for Water and Energy Studies", "ThinkTank"),
    ("The Digital Rights Research Lab (DRRLab) tracked it.", "Digital Rights Research Lab", "ThinkTank"),
])
def test_organisations_are_found_by_their_context(text: str, label: str, kind: str) -> None:
    assert extract(text).actor(label).type == kind


@pytest.mark.parametrize(("text", "outlet"), [
    ("The minister told Dispatchwire that the talks had failed.", "Dispatchwire"),
    ("The files were first reported by Ledgerline, a financial news site.", "Ledgerline"),
])
def test_a_single_name_that_is_told_or_reports_is_an_outlet(text: str, outlet: str) -> None:
    assert extract(text).actor(outlet).type == "MediaOutlet"


@pytest.mark.parametrize("text", ["The minister told MPs that the talks had failed.",
                                  "The envoy told Ostrian public radio that the talks had failed."])
def test_plurals_and_nationalities_after_told_are_no_outlets(text: str) -> None:
    assert not [a for a in extract(text).extraction.actors if a.type == "MediaOutlet" and a.kind == "named"]


def test_things_that_speak_and_acronyms_used_as_nouns_are_organisations() -> None:
    read = extract("Vendara said it had removed the accounts. Quillon, which owns two apps, said little. "
                   "The agency is part of the OSB, not of the LNG terminal operator.")
    assert {"Vendara", "Quillon", "OSB"} <= {a.label for a in read.extraction.actors}
    assert read.find_actor("LNG") is None


def test_a_described_institution_takes_the_name_given_in_apposition() -> None:
    read = extract("Ostria's military intelligence agency, the DMI, was named. The DMI denied it.")
    agency = read.actor("DMI")
    assert [m.text for m in agency.mentions] == ["Ostria's military intelligence agency", "DMI", "DMI"]


def test_anonymous_sources_carry_their_qualifiers() -> None:
    read = extract("A senior Ostrian diplomat familiar with the discussions said no. A hospital IT manager, who did "
                   "not want to be named, told us more. Two people briefed on the findings agreed. The money "
                   "went to a relative of a senior official.")
    diplomat = read.actor("A senior Ostrian diplomat familiar with the discussions")
    assert diplomat.kind == "anonymous" and diplomat.affiliation == BASE + "actor/ostria"
    assert read.actor("A hospital IT manager, who did not want to be named").kind == "anonymous"
    assert read.actor("Two people briefed on the findings").kind == "anonymous"
    assert not [a.label for a in read.extraction.actors if "senior official" in a.label]


def test_titles_the_list_lacks_hyphenated_given_names_and_bylines() -> None:
    read = extract("Mines Minister Ada Lomba spoke. Lee Min-jun, an analyst at the Harbour Policy Institute, "
                   "agreed, and Lee said more.\n\nJo Brand, Security correspondent\n\nIt is a test.")
    assert read.actor("Ada Lomba").role == "Mines Minister"
    assert mentions(read, "Lee Min-jun") == ["Lee Min-jun", "Lee"]
    assert read.actor("Jo Brand").role == "Security correspondent"
    assert not [a for a in read.extraction.actors if a.type == "AnonymousSource"]


def test_an_unlisted_title_needs_a_full_name_and_industry_words_make_companies() -> None:
    read = extract("Patients at Coast General Hospital waited. Talbot Engineering said it had paid nothing.")
    assert not [a for a in read.extraction.actors if a.type == "Person"]
    assert read.actor("Talbot Engineering").type == "Organization"


def test_the_militia_never_refers_back_to_a_states_army() -> None:
    read = extract("The Union of River Defenders attacked a camp. Ostria's army said it repelled them, but the "
                   "militia said it held the town.")
    assert mentions(read, "Ostria's army") == ["Ostria's army"]


def test_a_sentence_without_words_does_not_disturb_role_phrases() -> None:
    # found by hypothesis: a "sentence" of only symbols used to shift the sentence numbering off the word index
    read = extract("Omar Haddad said it. 😀 !!! The regional governor, Anna Kovalenko, denied it.")
    assert read.actor("Anna Kovalenko").role == "regional governor"


def test_a_name_closing_a_described_apposition_is_the_person_not_an_anonymous_source() -> None:
    read = extract("A lawyer for the company, Jonathan Reed, said the memo was a draft.")
    assert read.actor("Jonathan Reed").type == "Person"
    assert not [a for a in read.extraction.actors if a.type == "AnonymousSource"]


def test_a_name_with_a_relative_clause_or_a_former_role_is_a_person() -> None:
    assert extract("Rachel Moore, who led the team until 2023, said she had warned them.").actor(
        "Rachel Moore").type == "Person"
    assert extract("Rachel Moore, a former officer, said it.").actor("Rachel Moore").role == "former officer"


def test_a_media_descriptor_across_a_comma_does_not_make_the_name_an_outlet() -> None:
    assert extract("The head of the agency, Maria Lopez, said so.").actor("Maria Lopez").type == "Person"
    assert all(a.type != "Person" for a in extract("He travelled by Air Ostria to Velsk.").extraction.actors)


def test_names_with_particles_and_role_back_references() -> None:
    read = extract("In Velsk, the bloc's fisheries commissioner, Pieter de Vries, met Valmoran officials. "
                   "The commissioner said progress was slow.")
    commissioner = read.actor("Pieter de Vries")
    assert commissioner.role == "fisheries commissioner"
    assert mentions(read, "Pieter de Vries") == ["Pieter de Vries", "The commissioner"]
    assert read.actor("Valmoran officials").type == "ActorGroup"


def test_a_patronymic_particle_joins_a_name() -> None:
    read = extract("Velsk Governor Mwangi wa Korlin has been accused of obstructing investigators.")
    assert read.actor("Mwangi wa Korlin").type == "Person", read.summary()


def test_an_organisation_before_a_role_noun_is_the_affiliation() -> None:
    read = extract('"This is a disaster," Harbour Watch campaigner Sofia Lind told The Velsk Courier.')
    assert read.actor("Sofia Lind").role == "campaigner"
    assert read.actor("Velsk Courier").type == "MediaOutlet"


def test_sources_described_by_whom_they_speak_for_and_how_they_know() -> None:
    read = extract("A spokesperson for the commission, who asked not to be named, said officials were studying it. "
                   "Two people familiar with the negotiations told Harbour News the talks stalled.")
    assert read.actor("A spokesperson for the commission, who asked not to be named").type == "AnonymousSource"
    assert read.actor("Two people familiar with the negotiations").type == "AnonymousSource"
    assert read.actor("Harbour News").type == "MediaOutlet"


def test_a_generic_people_noun_without_a_qualifier_is_no_source() -> None:
    actors = extract("A person was injured and two people fled.").extraction.actors
    assert not [a.label for a in actors if a.kind == "anonymous"]


def test_an_unnamed_body_that_speaks_is_an_organisation() -> None:
    read = extract("Velsk police beat the detained migrants, a local charity said on Monday.")
    charity = read.actor("a local charity")
    assert (charity.type, charity.kind) == ("Organization", "described"), read.summary()
    assert read.speaker("beat the detained migrants") == "a local charity", read.summary()


def test_a_body_described_in_the_lead_and_named_next_is_one_actor() -> None:
    read = extract(
        "Velsk police beat the detained migrants, a human rights watchdog said on Monday.\n\n"
        "Migrant Rights Watch accused the police of torture.\n\n"
        "The watchdog said the beatings went on for a week."
    )
    watch = read.actor("Migrant Rights Watch")
    assert "a human rights watchdog" in [m.text for m in watch.mentions], read.summary()
    assert read.speaker("beat the detained migrants") == "Migrant Rights Watch", read.summary()
    assert read.speaker("went on for a week") == "Migrant Rights Watch", read.summary()


def test_a_plural_noun_modifies_a_role_only_where_a_noun_phrase_can_start() -> None:
    read = extract(
        "The company sold location records to data brokers, a rights group said.\n\n"
        "It also claims contractors received kickbacks."
    )
    assert read.find_actor("data brokers") is not None, read.summary()
    assert read.actor("a rights group").type == "Organization", read.summary()
    assert read.statement("contractors received kickbacks").cue.text == "claims", read.summary()


def test_a_name_modifying_a_noun_is_no_antecedent_for_the_body_that_speaks_next() -> None:
    read = extract(
        "Migrant Rights Watch accused Velsk police of beating migrants.\n\n"
        "The watchdog said the migrants had tried to reach EU member Ostria.\n\n"
        "The group said the beatings went on for a week."
    )
    assert read.speaker("went on for a week") == "Migrant Rights Watch", read.summary()


def test_an_unnamed_source_s_qualifier_ends_before_a_subordinate_clause() -> None:
    read = extract(
        "A former Harlow data engineer, who asked not to be named because she had signed an agreement, said the "
        "company sold the records."
    )
    speaker = read.speaker("sold the records")
    assert speaker is not None and speaker.endswith("engineer, who asked not to be named"), read.summary()


def test_a_post_in_a_body_named_by_its_kind_is_a_described_person() -> None:
    read = extract("Harlow Rail paid no bribes to anyone, the company's spokesman said on Monday.")
    spokesman = read.actor("the company's spokesman")
    assert (spokesman.type, spokesman.kind) == ("Person", "described"), read.summary()
    assert read.speaker("paid no bribes") == "the company's spokesman", read.summary()


def test_a_common_word_in_a_lede_s_capitals_is_no_name_and_the_person_described_is_named_later() -> None:
    read = extract(
        "A SENIOR lecturer at Velsk University has been accused of plagiarising passages in his thesis.\n\n"
        "The university's rector, Ilse Marr, has asked for an inquiry.\n\n"
        "Teodor Brask, senior lecturer in the history department, has been accused by the Ostrian Academic "
        "Council of copying whole pages.\n\n"
        "THE OMBUDSMAN has also opened a case."
    )
    assert read.find_actor("SENIOR") is None, read.summary()
    brask = read.actor("Teodor Brask")
    assert "A SENIOR lecturer" in [m.text for m in brask.mentions], read.summary()
    assert read.find_actor("OMBUDSMAN") is not None, read.summary()


def test_a_river_named_head_first_is_a_place_and_a_hospital_named_after_a_mount_is_not() -> None:
    read = extract("Campaigners said Harlow Water dumped sewage into the River Wend. Staff at Mount Carel Hospital "
                   "agreed.")
    assert read.find_actor("River Wend") is None, read.summary()
    assert read.actor("Mount Carel Hospital").type == "Organization", read.summary()


def test_an_organisation_named_head_first_at_a_sentence_start_keeps_its_whole_name() -> None:
    read = extract(
        "Friends of the Wend said the river was dirty. Ministry of Defence officials said nothing. "
        "Committee to Protect Journalists said so."
    )
    for name in ("Friends of the Wend", "Ministry of Defence", "Committee to Protect Journalists"):
        assert read.find_actor(name) is not None, read.summary()


def test_utilities_and_railways_are_named_by_their_trade() -> None:
    read = extract("Greystone Water dumped sewage into the river. Harlow Rail and Velsk Power denied it.")
    for name in ("Greystone Water", "Harlow Rail", "Velsk Power"):
        assert read.actor(name).type == "Organization", read.summary()


def test_a_clipped_surname_is_the_person_and_a_given_name_english_knows_is_not() -> None:
    read = extract("Prosecutors in Velsk charged Tomas Blagovesky with fraud. They allege that Blagov sold the seat. "
                   "Mark Johnson said John had left the firm.")
    assert mentions(read, "Tomas Blagovesky") == ["Tomas Blagovesky", "Blagov"], read.summary()
    assert "John" not in mentions(read, "Mark Johnson")


def test_a_hyphenated_prefix_belongs_to_the_group_s_name() -> None:
    read = extract("Teodor Brask returned to Velsk after interviews with anti-corruption authorities, saying the "
                   "allegations against him were absurd.")
    assert "anti-corruption authorities" in {a.label for a in read.extraction.actors}, read.summary()


def test_a_word_opening_a_quoted_answer_is_no_name_however_often_it_recurs() -> None:
    read = extract("The mill has always complied with the rules, says its director Tomas Marr.\n\n"
                   "\u201dThere are many other mills nearby and they could not establish it was ours.\u201d\n\n"
                   "Legal battle?\n\n"
                   "\u201dYes, because they filed a case that was not correct.\u201d\n\n"
                   "So you are confident?\n\n"
                   "\u201dYes. There is no discharge at all.\u201d")
    labels = {a.label for a in read.extraction.actors}
    assert not labels & {"Yes", "There"}, read.summary()


def test_a_name_ending_in_state_is_a_region_unless_the_registry_knows_the_group() -> None:
    read = extract("Mara Voss said the army in North Darfur State killed 600 civilians. Islamic State claimed the "
                   "attack.")
    labels = {a.label: a.type for a in read.extraction.actors}
    assert "North Darfur State" not in labels and labels.get("Islamic State") == "ArmedGroup", read.summary()
    assert not read.extraction.allegations or all("North Darfur" not in a.summary for a in read.extraction.allegations)


def test_a_hyphenated_word_alone_is_no_person_s_full_name() -> None:
    read = extract("Ostria said Valmoran troops shelled Tarn-Kessar overnight. Lee Min-jun, a Velsk analyst, "
                   "said the claim was credible.")
    types = {a.label: a.type for a in read.extraction.actors}
    assert types.get("Tarn-Kessar") != "Person" and types.get("Lee Min-jun") == "Person", read.summary()


def test_a_direction_and_one_name_is_a_region_not_a_person() -> None:
    read = extract("North Tarnia and South Tarnia remain tense after the raids, Mara Voss said. North Harbour Shipping "
                   "Company denied moving the ore.")
    types = {a.label: a.type for a in read.extraction.actors}
    assert types.get("North Tarnia") != "Person" and types.get("South Tarnia") != "Person", read.summary()
    assert types.get("North Harbour Shipping Company") not in (None, "Person"), read.summary()


def test_a_bare_role_as_source_is_the_person_named_with_that_role_soon_after() -> None:
    read = extract("A senator has accused the Ostrian Ministry of Health of covering up a cyberattack.\n\n"
                   "Harlow Senator Tomas Marr told the Senate on Thursday that hackers had broken into the records "
                   "system.")
    assert mentions(read, "Tomas Marr") == ["A senator", "Tomas Marr"], read.summary()
    [charge] = read.against("Ostrian Ministry of Health")
    assert read.labels(charge.claimants) == {"Tomas Marr"}


def test_an_abbreviation_before_a_figure_is_no_name() -> None:
    read = extract("The estate managers would cut the daily wage by Rs. 100, the Dock Workers Union claimed.")
    assert "Rs" not in {a.label for a in read.extraction.actors}, read.summary()


@pytest.mark.parametrize(("text", "label"), [
    ("Anti-corruption prosecutors said the mayor of Velsk took bribes.", "Anti-corruption prosecutors"),
    ("A non-resident fellow at the Harlow Institute said the rebels had drones.", "A non-resident fellow"),
])
def test_a_word_glued_before_a_hyphen_stays_in_the_label(text: str, label: str) -> None:
    read = extract(text)
    assert label in {a.label for a in read.extraction.actors}, read.summary()


def test_a_platform_that_acts_is_a_company_and_one_posted_on_is_no_actor() -> None:
    read = extract("Facebook said on Tuesday it had removed accounts run from Ostria.\n\n"
                   "The accounts had posted on Instagram for months, Mara Voss said.")
    labels = {a.label: a.type for a in read.extraction.actors}
    assert labels.get("Facebook") == "Organization", read.summary()
    assert "Instagram" not in labels, read.summary()


def test_a_surname_in_a_heading_before_the_full_name_is_the_person() -> None:
    read = extract("Some users left, such as Piet Lund’s companies pulling their pages.\n\n"
                   "6:25 p.m. Notes show Voss expected resignation query\n\n"
                   "If his notes are any indication, Korlin chief executive Tomas Voss expected senators to ask "
                   "whether he’d resign. His notes acknowledge he’s made mistakes.")
    voss = read.actor("Tomas Voss")
    assert voss.type == "Person" and voss.label == "Tomas Voss", read.summary()
    assert read.statement("made mistakes").speaker_label == "Tomas Voss", read.summary()


def test_a_family_name_written_first_refers_back_to_the_person_named_in_full() -> None:
    read = extract("Ostria on Tuesday dismissed Valmora's charge that Ostrian hackers had attacked its computers.\n\n"
                   "\"These accusations are groundless,\" foreign ministry spokesman Ma Zhaoxu told reporters when "
                   "asked about comments by former adviser Piet Lund.\n\n"
                   "\"Ostria is firmly against hacking,\" Ma said.\n\n"
                   "He also claimed that Ostria itself was the biggest victim of hacking.")
    assert "Ma" not in {a.label for a in read.extraction.actors}, read.summary()
    assert read.statement("firmly against hacking").speaker_label == "Ma Zhaoxu", read.summary()
    assert read.statement("biggest victim").speaker_label == "Ma Zhaoxu", read.summary()


def test_a_name_headed_by_board_is_a_public_body() -> None:
    read = extract("The Velsk Pollution Control Board criticised the factory for dumping waste in the river.")
    assert read.actor("Velsk Pollution Control Board").type == "GovernmentBody", read.summary()


def test_a_nationality_word_before_a_name_the_text_also_uses_alone_is_no_part_of_it() -> None:
    read = extract("Valmora denied a report published by the Ostrian Harbour Times claiming that Valmora sent weapons. "
                   "The Harbour Times said the shipments began in May.")
    [outlet] = [a for a in read.extraction.actors if "Harbour Times" in a.label]
    assert outlet.label == "Harbour Times", read.summary()


def test_a_court_the_text_does_not_name_is_a_public_body_when_it_speaks() -> None:
    read = extract("Teodor Brask was charged with fraud. The court said the contract was void.")
    assert read.actor("court").type == "GovernmentBody", read.summary()
    assert read.statement("contract was void").speaker_label == "court", read.summary()


def test_a_body_the_text_does_not_name_speaks_past_a_phrase_of_place() -> None:
    read = extract("A federal court in Velsk ruled on Monday that Teodor Brask had defrauded investors.")
    assert read.actor("A federal court").type == "GovernmentBody", read.summary()
    [allegation] = read.against("Teodor Brask")
    assert read.labels(allegation.claimants) == {"A federal court"}, read.summary()


def test_the_government_is_the_one_state_an_article_names() -> None:
    text = ("Valmora has tightened its rules on arms exports after a sting. The government said on Tuesday that it had "
            "indicted 18 men who had allegedly agreed to sell weapons to a militia.")
    read = extract(text)
    assert read.speaker("it had indicted 18 men") == "Valmora", read.summary()
    read = extract(text.replace("Valmora has", "Valmora and Ostria have").replace("its rules", "their rules"))
    assert read.speaker("it had indicted 18 men") is None, read.summary()


def test_a_common_word_joined_by_and_to_a_name_ending_in_a_head_is_part_of_that_name() -> None:
    read = extract("The Economic and Financial Crimes Commission arraigned Teodor Brask on Monday. Officials of the "
                   "Securities and Exchange Commission said they had opened a review. Ostria and Valmora Commission "
                   "members met in Velsk.")
    assert read.find_actor("Economic and Financial Crimes Commission"), read.summary()
    assert read.find_actor("Securities and Exchange Commission"), read.summary()
    assert read.find_actor("Ostria") and read.find_actor("Valmora"), read.summary()
