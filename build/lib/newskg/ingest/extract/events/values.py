"""What the events stage works with: event-noun mentions and the places and parties in their phrases."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.events.dates import DateMention
from newskg.ingest.model import Span


@dataclass(frozen=True)
class PlaceRef:
    iri: str
    label: str


@dataclass(frozen=True)
class Parties:
    """Places and actors named in an event's phrase. participants: actor IRIs in text order; possessor: the IRI of
    the actor whose event it is ("the army's offensive")."""

    places: tuple[PlaceRef, ...] = ()
    participants: tuple[str, ...] = ()
    possessor: str | None = None


@dataclass(frozen=True)
class EventMention:
    """An event noun in its phrase ("the army's sudden offensive on Port Kessa").

    head: the token of the event noun; first..last: the phrase's tokens; own: the phrase says something of its own
    (a place, a party, a date, a name), so it can be an event by itself; without it, it refers back ("the offensive").
    """

    type: str
    head: int
    first: int
    last: int
    span: Span
    label: str
    parties: Parties
    date: DateMention | None
    own: bool
