"""Statements: each attribution shape on small hand-made articles (real lexicon, hand-made actors)."""

from __future__ import annotations

from datetime import date

import pytest

from attribution_helpers import MINTER, actor, by_content, statements


def test_quote_then_speaker_said() -> None:
    text = "“We will not leave the city,” Maria Okafor said on Monday."
    okafor = actor(text, "Maria Okafor", "Person")
    [found] = statements(text, [okafor], date(2023, 5, 10))
    assert found.speaker == okafor.iri
    assert found.content.text == "We will not leave the city"
    assert text[found.content.start:found.content.end] == found.content.text
    assert found.cue is not None and found.cue.text == "said"
    assert found.direct
    assert found.time == "2023-05-08"
    assert found.iri == str(MINTER.statement("test", found.content.start, found.content.end))


def test_quote_then_said_speaker_with_apposition() -> None:
    text = "“The port is closed,” said Jonas Weber, a spokesman for the Harbour Authority."
    weber = actor(text, "Jonas Weber", "Person")
    authority = actor(text, "Harbour Authority", "GovernmentBody")
    [found] = statements(text, [weber, authority])
    assert found.speaker == weber.iri and found.direct


def test_speaker_told_outlet_colon_quote_gives_medium() -> None:
    text = "Ahmed Saleh told Reuters: “Nobody has paid us for months.”"
    saleh = actor(text, "Ahmed Saleh", "Person")
    reuters = actor(text, "Reuters", "MediaOutlet")
    [found] = statements(text, [saleh, reuters])
    assert found.speaker == saleh.iri
    assert found.medium == reuters.iri
    assert found.content.text == "Nobody has paid us for months."


@pytest.mark.parametrize("verb, stance", [
    ("said", "neutral"), ("claimed", "supports"), ("alleged", "supports"), ("believes", "assesses"),
    ("noted", "neutral"), ("denied", "denies"), ("confirmed", "confirms"), ("complained", "supports"),
    ("mused", "assesses"), ("posited", "assesses"), ("dismissed", "dismisses"),
])
def test_speaker_verb_that_content(verb: str, stance: str) -> None:
    text = f"The Interior Ministry {verb} that the convoy had been stopped at the border."
    ministry = actor(text, "Interior Ministry", "GovernmentBody")
    [found] = statements(text, [ministry])
    assert found.speaker == ministry.iri
    assert found.cue is not None and found.cue.text == verb
    assert found.content.text == "the convoy had been stopped at the border"
    assert not found.direct
    assert found.stance == stance


def test_according_to_speaker() -> None:
    text = "According to the Coast Guard, 40 people were rescued overnight."
    guard = actor(text, "Coast Guard", "GovernmentBody")
    [found] = statements(text, [guard])
    assert found.speaker == guard.iri
    assert found.cue is not None and found.cue.text == "According to"
    assert found.content.text == "40 people were rescued overnight"


def test_accused_object_of_content_supports() -> None:
    text = "Officials in Baku have repeatedly accused Yerevan of shelling villages near the border."
    baku = actor(text, "Officials in Baku", "ActorGroup")
    yerevan = actor(text, "Armenia", "State", "Yerevan")
    [found] = statements(text, [baku, yerevan])
    assert found.speaker == baku.iri
    assert found.content.text.startswith("Yerevan of shelling")
    assert found.stance == "supports"


def test_content_before_pronoun_frame_resolves_to_the_last_person() -> None:
    text = ("Lena Fischer, a researcher at the Baltic Institute, studies the region. "
            "The sanctions were never enforced, she said.")
    fischer = actor(text, "Lena Fischer", "Person")
    institute = actor(text, "Baltic Institute", "ThinkTank")
    found = by_content(statements(text, [fischer, institute]), "sanctions")
    assert found.speaker == fischer.iri
    assert found.content.text == "The sanctions were never enforced"


def test_role_noun_resolves_to_the_nearest_compatible_actor() -> None:
    text = ("A senior diplomat, speaking on condition of anonymity, confirmed the talks. "
            "“We met twice in Oslo,” the diplomat said.")
    diplomat = actor(text, "A senior diplomat", "AnonymousSource")
    found = by_content(statements(text, [diplomat]), "Oslo")
    assert found.speaker == diplomat.iri


def test_an_unresolvable_reference_stays_empty_never_guessed() -> None:
    text = "“The vote was rigged,” the spokesman said."
    found = statements(text, [])
    assert len(found) == 1
    assert found[0].speaker is None
    assert found[0].speaker_label == "the spokesman"


def test_quote_continuing_in_the_next_paragraph_keeps_the_speaker() -> None:
    text = ("“The first shipment arrived in March,” Tomas Varga said.\n\n"
            "“A second one followed in April, and nobody asked questions.”\n\n"
            "The ministry did not respond.")
    varga = actor(text, "Tomas Varga", "Person")
    found = statements(text, [varga])
    second = by_content(found, "second one")
    assert second.speaker == varga.iri and second.direct
    assert second.cue is not None and second.cue.text == "said"
    assert second.content.text == "A second one followed in April, and nobody asked questions."


def test_quote_left_open_at_paragraph_end_continues() -> None:
    text = ("Tomas Varga told the court: “The first shipment arrived in March.\n\n"
            "“A second one followed in April.”")
    varga = actor(text, "Tomas Varga", "Person")
    found = statements(text, [varga])
    assert {s.speaker for s in found} == {varga.iri}
    assert [s.content.text for s in found] == ["The first shipment arrived in March.", "A second one followed in April."]


def test_a_scare_quote_is_no_statement() -> None:
    text = "The drones, known as “kamikaze” drones, were cheap."
    assert statements(text, []) == []


def test_participle_and_coordinated_verbs_keep_the_speaker_and_split_the_content() -> None:
    text = ("Columnist Ravi Menon mused that the deal was doomed, writing that both sides "
            "wanted out. The minister confirmed the talks to the Daily Star, but explained that no date was set.")
    menon = actor(text, "Ravi Menon", "Person")
    minister = actor(text, "The minister", "Person")
    star = actor(text, "Daily Star", "MediaOutlet")
    found = statements(text, [menon, minister, star])
    assert by_content(found, "doomed").content.text == "the deal was doomed"
    assert by_content(found, "both sides").speaker == menon.iri
    confirmed = by_content(found, "the talks")
    assert confirmed.content.text == "the talks" and confirmed.medium == star.iri
    assert by_content(found, "no date").speaker == minister.iri


def test_possessive_nominal_cue_and_sourceless_rumour() -> None:
    text = ("The raid has sparked rumours that the militia was tipped off. "
            "The report cited General Ortiz's repeated claims that the army had lost control.")
    ortiz = actor(text, "General Ortiz", "Person")
    found = statements(text, [ortiz])
    rumour = by_content(found, "tipped off")
    assert rumour.speaker is None and rumour.certainty == "alleged"
    assert by_content(found, "lost control").speaker == ortiz.iri


def test_hedged_content_gets_a_certainty_and_content_cues_outrank_the_verb() -> None:
    text = "The general claimed the army's role was minimal. “We might have sent a few advisers,” he said."
    general = actor(text, "The general", "Person")
    found = statements(text, [general])
    assert by_content(found, "role was minimal").stance == "downplays"
    hedged = by_content(found, "advisers")
    assert hedged.certainty == "possible" and hedged.speaker == general.iri


def test_same_quote_with_an_editorial_insertion_gets_one_cluster() -> None:
    first = statements("“We never saw the money for this project,” Ana Ruiz said.",
                       [actor("“We never saw the money for this project,” Ana Ruiz said.", "Ana Ruiz", "Person")])
    text = "“We never saw the money for [the bridge] project,” Ana Ruiz told the paper."
    second = statements(text, [actor(text, "Ana Ruiz", "Person")])
    assert first[0].cluster is not None and first[0].cluster == second[0].cluster


def test_echo_takes_the_stance_of_what_it_echoes() -> None:
    text = ("The defence ministry downplayed the report. "
            "Analyst Petra Holm echoed this view.")
    ministry = actor(text, "defence ministry", "GovernmentBody")
    holm = actor(text, "Petra Holm", "Person")
    found = statements(text, [ministry, holm])
    assert by_content(found, "this view").stance == "downplays"


def test_a_named_speaker_the_article_has_no_actor_for_keeps_the_name_without_an_iri() -> None:
    text = "Transport Minister Jane Roe accused the union of holding the economy hostage. According to Roe, it cost €2m."
    found = statements(text, [])
    accusation = by_content(found, "holding the economy")
    assert accusation.speaker is None and accusation.speaker_label == "Transport Minister Jane Roe"
    assert by_content(found, "cost").speaker_label == "Roe"
