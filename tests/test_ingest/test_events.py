"""Events: event nouns typed by the lexicon's events scheme, dates, places, participants, one event per referent; and
dated statements as speech acts (accuse, deny responsibility, make statement). Every stage runs for real."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from newskg.ingest.extract import Extractor
from newskg.ingest.extract.actors import ActorFinder, Registry, RegistryEntry
from newskg.ingest.extract.events import EventFinder
from newskg.ingest.extract.lexicon import Lexicon, load_lexicon
from newskg.ingest.extract.lexicon.entries import EventWord
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import ArticleDoc, Event, Extraction
from newskg.ingest.namespaces import EVENT_TYPE, LEXICON
from newskg.ingest.resources import LEXICON_DIR, VOCABULARIES_FILE

MINTER = IriMinter("http://127.0.0.1:8000/")
TEXT = ("The Northern Brigade's sudden offensive in Port Kessa, which began on Monday, has surprised observers. "
        "It recalled the 2019 invasion of Laren by Varenian troops.\n\n"
        "Officials said the offensive would continue. Attack drones were seen over the city, and "
        "the capture of Port Kessa could come within days. Fighters train for an offensive every spring.")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    registry = Registry([RegistryEntry(iri=str(MINTER.place("Laren")), label="Laren", type="Place"),
                         RegistryEntry(iri=str(MINTER.actor("Varenia")), label="Varenia", type="State",
                                       demonyms=("Varenian",)),
                         RegistryEntry(iri=str(MINTER.actor("Russia")), label="Russia", type="State"),
                         RegistryEntry(iri=str(MINTER.actor("Moldova")), label="Moldova", type="State")])
    lexicon = load_lexicon()
    return Extractor(minter=MINTER, registry=registry, lexicon=lexicon, actor_finder=ActorFinder(registry, lexicon),
                     event_finder=EventFinder(registry, lexicon, MINTER))


def _extract(extractor: Extractor, text: str, published: date | None = date(2024, 3, 14)) -> Extraction:
    extraction = extractor.extract(ArticleDoc(key="test", text=text, date=published))
    for event in extraction.events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    return extraction


def _by_type(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} event in {[(e.type, e.label) for e in events]}"
    return found[0]


def test_a_named_offensive_with_its_date_place_and_participant(extractor: Extractor) -> None:
    extraction = _extract(extractor, TEXT)
    offensive = _by_type(extraction.events, "military-offensive")
    assert offensive.date == "2024-03-11" and offensive.granularity == "day"
    assert [p.label for p in offensive.places] == ["Port Kessa"]
    brigade = next(a for a in extraction.actors if a.label == "Northern Brigade")
    assert offensive.participants == [brigade.iri]
    assert offensive.iri == str(MINTER.event("test", f"military-offensive|{offensive.evidence.start}"))


def test_later_mentions_refer_back_and_generic_ones_are_no_events(extractor: Extractor) -> None:
    events = _extract(extractor, TEXT).events
    # "the offensive" refers back; "an offensive every spring" is a kind of event
    assert len([e for e in events if e.type == "military-offensive"]) == 1
    assert not any(e.type == "attack" for e in events)  # "Attack drones" is a kind of drone


def test_year_place_and_demonym_participant_from_the_registry(extractor: Extractor) -> None:
    invasion = _by_type(_extract(extractor, TEXT).events, "invasion")
    assert invasion.date == "2019" and invasion.granularity == "year"
    assert invasion.places[0].iri == str(MINTER.place("Laren"))
    assert str(MINTER.actor("Varenia")) in invasion.participants


def test_capture_is_its_own_event_type(extractor: Extractor) -> None:
    capture = _by_type(_extract(extractor, TEXT).events, "capture-territory")
    assert "Port Kessa" in capture.label


def test_without_a_publication_date_relative_dates_stay_empty(extractor: Extractor) -> None:
    offensive = _by_type(_extract(extractor, TEXT, None).events, "military-offensive")
    assert offensive.date is None and offensive.granularity is None


def test_plurals_verbs_and_names_are_no_events(extractor: Extractor) -> None:
    text = ("Rebels attacked the town on Monday. Attacks continued for weeks and they will attack again. "
            "The Serious Fraud Office said on Tuesday that it would not comment.")
    assert [e.type for e in _extract(extractor, text).events if e.type != "make-statement"] == []


def test_an_indefinite_event_is_one_event_when_the_sentence_dates_it(extractor: Extractor) -> None:
    text = "At least 43 civilians were killed in an attack on a village in Ituri province on Tuesday."
    attack = _by_type(_extract(extractor, text).events, "attack")
    assert attack.date == "2024-03-12"
    assert attack.label.startswith("attack on a village")


def test_a_date_in_another_clause_is_not_the_events(extractor: Extractor) -> None:
    text = "The doctor made an accusation that the team flatly rejected on Friday."
    assert not any(e.type == "accuse" and e.date == "2024-03-08" for e in _extract(extractor, text).events)


def test_documents_are_events_only_when_dated(extractor: Extractor) -> None:
    text = ("The report found serious problems at the mine. Inspectors repeated the findings in a study published "
            "on Tuesday by the Safe Ground Initiative.")
    events = _extract(extractor, text).events
    assert [(e.type, e.label, e.date) for e in events] == [("make-statement", "study", "2024-03-12")]


def test_a_dated_accusation_and_a_dated_denial_are_speech_acts(extractor: Extractor) -> None:
    text = ("CHISINAU, March 14 (Newswire) - Moldova's government on Tuesday accused Russia of bribing voters "
            "in the local elections.\n\n"
            "Russia's foreign ministry on Wednesday denied that it had paid anyone.")
    extraction = _extract(extractor, text)
    events, russia = extraction.events, str(MINTER.actor("Russia"))
    accuser, denier = (next(s.speaker for s in extraction.statements if s.cue and s.cue.text == cue)
                       for cue in ("accused", "denied"))
    accusation = _by_type(events, "accuse")
    assert accusation.date == "2024-03-12"  # the weekday by the cue, not the dateline's date
    assert accusation.granularity == "day" and accusation.confidence == 0.6
    assert accuser and accusation.participants == [accuser, russia]  # the speaker, then the accused
    denial = _by_type(events, "deny-responsibility")
    assert denier and (denial.date, denial.participants) == ("2024-03-13", [denier])


def test_a_statement_is_dated_by_its_own_frame_only(extractor: Extractor) -> None:
    text = ("Denise Harlow, whose father died in the unit on March 2, said no one had mentioned the fungus.\n\n"
            "Election observers are due to publish their assessment later this month.\n\n"
            "Mayor Anna Berg said on Monday that the budget was balanced.")
    events = _extract(extractor, text).events
    assert [(e.type, e.date) for e in events] == [("make-statement", "2024-03-11")]


def test_one_act_per_sentence(extractor: Extractor) -> None:
    text = ("The Tidewater Nurses Association on Monday accused hospital managers of hiding an outbreak, saying "
            "staff had been told to keep quiet.")
    speech = [e for e in _extract(extractor, text).events if e.type in ("accuse", "make-statement")]
    assert [(e.type, e.date) for e in speech] == [("accuse", "2024-03-11")]


def test_the_events_scheme_names_only_known_event_types() -> None:
    lexicon = load_lexicon()
    scheme = URIRef(str(EVENT_TYPE).rstrip("/"))
    vocabularies = Graph().parse(VOCABULARIES_FILE, format="turtle")
    known = {str(s).rsplit("/", 1)[-1] for s in vocabularies.subjects(SKOS.inScheme, scheme)}
    assert lexicon.event_words.lookup("offensive")[0].event_type == "military-offensive"
    assert lexicon.event_words.lookup("class action")[0].event_type == "legal-action"
    assert all(entry.event_type in known for entry in _every_entry(lexicon))


def _every_entry(lexicon: Lexicon) -> list[EventWord]:
    graph = Graph().parse(LEXICON_DIR / "events.ttl", format="turtle")
    lemmas = {str(o) for o in graph.objects(None, LEXICON.lemma)}
    entries = [entry for lemma in lemmas for entry in lexicon.event_words.lookup(lemma)]
    assert len(entries) >= len(lemmas)
    return entries
