"""A speaker's side lent to their neutral statements, negated denial wording, and conceded support (real lexicon)."""

from __future__ import annotations

from attribution_helpers import actor, by_content, lexicon, statements

from ingest.extract.stance import cue_stance, statement_stance


def test_a_speaker_who_accused_keeps_that_side_in_a_later_plain_statement() -> None:
    text = ("The watchdog Clean Rivers accused Ostmark Chemicals of dumping solvents into the lake. "
            "Clean Rivers said its divers collected barrels from the lakebed last spring.")
    found = statements(text, [actor(text, "Clean Rivers", "Organization"),
                              actor(text, "Ostmark Chemicals", "Organization")])
    assert by_content(found, "divers collected").stance == "supports"


def test_a_member_of_a_body_that_denied_denies_with_a_plain_statement() -> None:
    text = ("Ostmark Chemicals denied that it had ever dumped solvents. "
            "\"Our plant has passed every inspection for a decade,\" said Ilse Brandt.")
    company = actor(text, "Ostmark Chemicals", "Organization")
    found = statements(text, [company, actor(text, "Ilse Brandt", "Person", affiliation=company.iri)])
    assert by_content(found, "passed every inspection").stance == "denies"


def test_a_neutral_speaker_with_no_side_stays_neutral() -> None:
    text = ("Ostmark Chemicals denied that it had ever dumped solvents. "
            "The regional authority said it would publish water readings next month.")
    found = statements(text, [actor(text, "Ostmark Chemicals", "Organization"),
                              actor(text, "regional authority", "GovernmentBody")])
    assert by_content(found, "publish water readings").stance == "neutral"


def test_negated_downplaying_wording_supports() -> None:
    text = "This was not an isolated incident."
    assert cue_stance(text, 0, len(text), lexicon()) == "supports"
    plain = "This was an isolated incident."
    assert cue_stance(plain, 0, len(plain), lexicon()) == "downplays"


def test_support_followed_by_a_concession_is_an_assessment() -> None:
    text = "the evidence was credible, although the samples may have been mislabelled"
    assert statement_stance(None, text, 0, len(text), lexicon()) == "assesses"
    plain = "the evidence was credible"
    assert statement_stance(None, plain, 0, len(plain), lexicon()) == "supports"
