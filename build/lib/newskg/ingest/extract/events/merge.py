"""Event-noun mentions → events: mentions of one referent merged, each event built once.

A mention with something of its own joins the latest event of its type that nothing conflicts with (places, dates,
possessor); a mention with nothing of its own ("the offensive") refers to the most mentioned event of a related type
(one is the other or lies under it). An event made only of such mentions is dropped: nothing says which event it is.
"""

from __future__ import annotations

from newskg.ingest.extract.events.nouns import lineage
from newskg.ingest.extract.events.values import EventMention
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Event, Place


def related(first: str, second: str, broader: dict[str, str]) -> bool:
    return first in lineage(second, broader) or second in lineage(first, broader)


def _conflict(first: EventMention, second: EventMention) -> bool:
    a, b = first.parties, second.parties
    return bool(
        (a.places and b.places and not {p.iri for p in a.places} & {p.iri for p in b.places})
        or (first.date and second.date and first.date.value != second.date.value)
        or (a.possessor and b.possessor and a.possessor != b.possessor)
    )


def group(mentions: list[EventMention], broader: dict[str, str]) -> list[tuple[EventMention, ...]]:
    groups: list[list[EventMention]] = []
    for mention in mentions:
        if mention.own:
            target = next(
                (
                    g
                    for g in reversed(groups)
                    if g[0].type == mention.type and not any(_conflict(m, mention) for m in g)
                ),
                None,
            )
        else:
            referents = [g for g in groups if related(g[0].type, mention.type, broader)]
            target = max(referents, key=len) if referents else None
        if target is None:
            groups.append([mention])
        else:
            target.append(mention)
    return [tuple(g) for g in groups if any(m.own for m in g)]


def build_event(mentions: tuple[EventMention, ...], article_key: str, minter: IriMinter) -> Event:
    first = mentions[0]
    places = {p.iri: p for m in mentions for p in m.parties.places}
    participants = list(dict.fromkeys(p for m in mentions for p in m.parties.participants))
    date = next((m.date for m in mentions if m.date), None)
    named = max(mentions, key=lambda m: (m.own, len(m.parties.places) + len(m.parties.participants), -m.span.start))
    return Event(
        iri=str(minter.event(article_key, f"{first.type}|{first.span.start}")),
        label=named.label,
        type=first.type,
        evidence=first.span,
        date=date.value if date else None,
        granularity=date.granularity if date else None,
        places=[Place(p.iri, p.label) for p in places.values()],
        participants=participants,
    )
