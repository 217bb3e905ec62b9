"""Events named in the text: type from the lexicon's event cues, dates, places, participants, one event per referent."""

from __future__ import annotations

from datetime import date

from attribution_helpers import MINTER, actor, doc, lexicon

from ingest.extract.events import find_events
from ingest.extract.registry import Registry, RegistryEntry
from ingest.model import Event

TEXT = ("The army's sudden offensive on Port Kessa, which began on Monday, has surprised observers. "
        "It recalled the 2019 invasion of Laren by Varenian troops.\n\n"
        "Officials said the offensive would continue. Attack drones were seen over the city, and "
        "the capture of Port Kessa could come within days. Fighters train for an offensive every spring.")


def _events(published: date | None = date(2024, 3, 14)) -> list[Event]:
    army = actor(TEXT, "army", "ArmedGroup")
    registry = Registry([RegistryEntry(iri=str(MINTER.place("Laren")), label="Laren", type="Place"),
                         RegistryEntry(iri=str(MINTER.actor("Varenia")), label="Varenia", type="State",
                                       demonyms=("Varenian",))])
    return find_events(doc(TEXT, published), [army], registry, lexicon(), MINTER)


def _by_type(events: list[Event], kind: str) -> Event:
    return next(e for e in events if e.type == kind)


def test_a_named_offensive_with_its_date_place_and_participant() -> None:
    offensive = _by_type(_events(), "military-offensive")
    assert offensive.date == "2024-03-11" and offensive.granularity == "day"
    assert [p.label for p in offensive.places] == ["Port Kessa"]
    assert offensive.participants == [str(MINTER.actor("army"))]
    assert TEXT[offensive.evidence.start:offensive.evidence.end] == offensive.evidence.text


def test_later_mentions_refer_back_and_generic_ones_are_no_events() -> None:
    events = _events()
    assert len([e for e in events if e.type == "military-offensive"]) == 1
    assert not any(e.type == "attack" for e in events)  # "Attack drones" is a kind of drone


def test_year_place_and_demonym_participant_from_the_registry() -> None:
    invasion = _by_type(_events(), "invasion")
    assert invasion.date == "2019" and invasion.granularity == "year"
    assert invasion.places[0].iri == str(MINTER.place("Laren"))
    assert str(MINTER.actor("Varenia")) in invasion.participants


def test_capture_is_its_own_event_type() -> None:
    capture = _by_type(_events(), "capture-territory")
    assert "Port Kessa" in capture.label


def test_without_a_publication_date_relative_dates_stay_empty() -> None:
    offensive = _by_type(_events(None), "military-offensive")
    assert offensive.date is None and offensive.granularity is None
