"""Attribution, stance, allegations and events on shapes the seeds do not have (hand-made articles, real lexicon), and
the held-out gold articles of evaluation/gold/unseen scored end to end."""

from __future__ import annotations

from datetime import date

from attribution_helpers import MINTER, actor, by_content, doc, lexicon, statements

from evaluation.score_unseen import UNSEEN_DIR
from evaluation.score_statements import count_statements, figures
from ingest.extract.allegations import find_allegations
from ingest.extract.events import find_events
from ingest.extract.extractor import Extractor
from ingest.extract.registry import Registry
from ingest.resources import PROJECT_ROOT

WEDNESDAY = date(2025, 3, 12)
SUDAN = (
    "Sudan's army-led government on Wednesday accused the United Arab Emirates of supplying weapons to the "
    "paramilitary Rapid Support Forces, a charge the Gulf state rejected as \"baseless\".\n\n"
    "The Emirati foreign ministry said the UAE had provided only humanitarian aid to Sudanese civilians.\n\n"
    "A United Nations panel said in a report last month that the allegations were credible.\n\n"
    "The RSF denied receiving any foreign weapons."
)


def _sudan() -> tuple[list, list, dict[str, str]]:
    uae_iri = str(MINTER.actor("United Arab Emirates"))
    actors = [
        actor(SUDAN, "Sudan", "State"),
        actor(SUDAN, "United Arab Emirates", "State", "UAE"),
        actor(SUDAN, "Rapid Support Forces", "ArmedGroup", "RSF"),
        actor(SUDAN, "Emirati foreign ministry", "GovernmentBody", affiliation=uae_iri),
        actor(SUDAN, "United Nations", "Organization"),
    ]
    found = statements(SUDAN, actors, WEDNESDAY)
    allegations = find_allegations(doc(SUDAN, WEDNESDAY), actors, found, lexicon(), MINTER)
    return found, allegations, {a.label: a.iri for a in actors}


def test_a_response_inside_the_accusing_sentence_is_a_statement_of_its_own() -> None:
    found, _, iri = _sudan()
    accusation = by_content(found, "of supplying weapons")
    assert accusation.speaker == iri["Sudan"] and accusation.stance == "supports"
    assert accusation.content.text.endswith("paramilitary Rapid Support Forces")
    rejection = by_content(found, "baseless")
    assert rejection.content.text == "baseless" and rejection.direct
    assert rejection.speaker == iri["United Arab Emirates"]  # "the Gulf state": the one the sentence accuses
    assert rejection.stance == "dismisses"


def test_deniers_never_claim_and_the_beneficiary_s_denial_contests() -> None:
    found, allegations, iri = _sudan()
    weapons = next(a for a in allegations if iri["United Arab Emirates"] in a.accused)
    assert weapons.claimants == [iri["Sudan"]]
    assert iri["Rapid Support Forces"] in weapons.beneficiaries
    restricted = by_content(found, "only humanitarian aid")
    assert restricted.stance == "denies"  # the accused side admits only something else
    beneficiary = by_content(found, "receiving any foreign weapons")
    assert beneficiary.iri in weapons.contested_by and restricted.iri in weapons.contested_by
    assert by_content(found, "baseless").iri in weapons.contested_by
    assert iri["Emirati foreign ministry"] not in {c for a in allegations for c in a.claimants}


def test_dated_statements_are_events_resolved_against_the_publication_date() -> None:
    found, allegations, iri = _sudan()
    actors = [actor(SUDAN, "Sudan", "State"), actor(SUDAN, "United Nations", "Organization")]
    events = find_events(doc(SUDAN, WEDNESDAY), actors, Registry.empty(), lexicon(), MINTER, found, allegations)
    by_type = {(e.type, e.date) for e in events}
    assert ("accuse", "2025-03-12") in by_type  # "on Wednesday" in Wednesday's paper is that day, not a week back
    report = next(e for e in events if e.date == "2025-02")  # "last month"
    assert report.granularity == "month" and "United Nations panel" in report.label


def test_names_in_appositions_and_pronouns_resolve_to_the_latest_speaker() -> None:
    text = ("Congo's army spokesman, Lt Col Jean-Pierre Kabeya, accused the militia of targeting civilians.\n\n"
            "Peter Otieno, who lectures at the Pwani Institute of Technology, said the samples appeared genuine. "
            "“The data is real,” he said.")
    institute = actor(text, "Pwani Institute of Technology", "ThinkTank")
    found = statements(text, [institute])
    assert by_content(found, "the militia of targeting").speaker_label == "Jean-Pierre Kabeya"
    assert by_content(found, "samples appeared").speaker_label == "Peter Otieno"
    quote = by_content(found, "The data is real")
    assert quote.speaker_label == "Peter Otieno" and quote.speaker is None
    assert by_content(found, "samples appeared").stance == "supports"


def test_a_passive_accusation_has_no_source_and_documents_speak_as_written() -> None:
    text = ("A militia has been accused of carrying out the massacre, but it denies any involvement.\n\n"
            "A leaked memo seen by the Sentinel shows that executives approved the payments.")
    sentinel = actor(text, "Sentinel", "MediaOutlet")
    found = statements(text, [sentinel])
    passive = by_content(found, "carrying out the massacre")
    assert passive.speaker is None and passive.content.text == "carrying out the massacre"
    assert by_content(found, "any involvement").stance == "denies"
    memo = by_content(found, "executives approved")
    assert memo.speaker is None and memo.speaker_label == "A leaked memo seen by the Sentinel"


def test_characterising_an_accusation_rejects_it_and_shifting_the_blame_contests() -> None:
    text = ("Kenya's government accused the Northern Front of attacking the village.\n\n"
            "The Northern Front described the accusations as \"lies made up by our enemies\". "
            "It claimed the attack had been carried out by bandits.")
    actors = [actor(text, "Kenya", "State"), actor(text, "Northern Front", "ArmedGroup", "It")]
    found = statements(text, actors)
    allegations = find_allegations(doc(text), actors, found, lexicon(), MINTER)
    assert by_content(found, "lies made up").stance in {"dismisses", "denies"}
    shifted = by_content(found, "carried out by bandits")
    assert shifted.stance == "denies"
    attack = next(a for a in allegations if a.claim_type == "attack")
    assert shifted.iri in attack.contested_by and attack.claimants == [actors[0].iri]


def test_the_held_out_articles_meet_the_statement_targets() -> None:
    """The first held-out set (attr-*): the figures the rules were developed to; a regression guard."""
    import json

    extractor = Extractor.load(MINTER)
    total = None
    for path in sorted(UNSEEN_DIR.glob("attr-*.statements.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        extraction = extractor.extract_file(PROJECT_ROOT / gold["article"])
        counts = count_statements(gold, extraction.article.text, extraction.actors, extraction.statements)
        if total is None:
            total = counts
        else:
            total.add(counts)
    assert total is not None and total.gold >= 70
    values = figures(total)
    assert values["speaker_f1"] >= 0.90 and values["content_overlap_f1"] >= 0.90
    assert values["stance_accuracy"] >= 0.85
