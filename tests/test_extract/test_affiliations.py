"""Whom a person speaks for, from the role news gives them beside the name (issue 12): the organisation a role
phrase names, in each of the shapes appositions take. All texts are fiction written for the project."""

from __future__ import annotations

import pytest
from fiction import extract

OPENING = "Pellworth Paper Mill denied polluting the Arno river on Monday.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "A Pellworth spokesman, Kenji Tamura, said the mill met every standard.",
        "Kenji Tamura, Pellworth Paper Mill's director for West Africa, said the mill met every standard.",
        "Kenji Tamura, Pellworth Paper Mills' chairman and chief executive, said the mill met every standard.",
        "The general manager of Pellworth Paper Mill, Kenji Tamura, said the mill met every standard.",
        "The mill's chief engineer, Dr. Kenji Tamura, said the mill met every standard.",
    ],
)
def test_a_role_beside_a_name_ties_the_person_to_the_organisation_it_names(sentence: str) -> None:
    text = OPENING.replace("Paper Mill", "Paper Mills") if "Mills'" in sentence else OPENING
    read = extract(text + sentence)
    tamura = read.actor("Kenji Tamura")
    assert read.label(tamura.affiliation) in ("Pellworth Paper Mill", "Pellworth Paper Mills"), read.summary()


def test_a_news_agency_named_with_a_french_head_word_stays_an_outlet_and_no_one_s_employer() -> None:
    read = extract(
        "Norvik Rail Ltd denied bribing officials.\n\n"
        "In a statement to Agence France Presse, a company spokesperson said that the inquiry was baseless."
    )
    assert read.actor("Agence France Presse").type == "MediaOutlet", read.summary()
    spokesperson = read.actor("a company spokesperson")
    assert read.label(spokesperson.affiliation) == "Norvik Rail Ltd", read.summary()


def test_the_organisation_a_possessive_role_noun_names_is_no_person_whose_post_mentions_it() -> None:
    read = extract(
        "Kestrel Bay Medical Center denied hiding an outbreak.\n\n"
        "Hospital spokeswoman Ana Marr said the hospital had followed every rule. "
        "The hospital's chief medical officer, Dr. Piet Voss, said the patients were not sick."
    )
    assert read.label(read.actor("Piet Voss").affiliation) == "Kestrel Bay Medical Center", read.summary()


def test_a_public_body_s_post_is_not_held_at_the_business_named_before_it() -> None:
    read = extract(
        "Kestrel Bay Medical Center denied hiding an outbreak.\n\n"
        "A health department spokesman, Tomas Korlin, said the agency was reviewing the case."
    )
    assert read.actor("Tomas Korlin").affiliation is None, read.summary()


def test_a_state_institution_named_bare_belongs_to_the_state_the_story_just_named() -> None:
    read = extract(
        'Ostria on Friday rejected as "groundless" Valmora\'s charge that Ostrian hackers had attacked Valmoran '
        'government computers.\n\n"I can say that these accusations are groundless," Foreign Ministry spokesman Piet '
        "Voss told reporters."
    )
    assert read.label(read.actor("Foreign Ministry").affiliation) == "Ostria", read.summary()
