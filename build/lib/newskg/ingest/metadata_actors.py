"""The article's publisher, authors and wire agency as actors, and the place of its dateline: from the registry where
known, minted otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.actors.registry import Registry
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Actor, ArticleDoc, Place


def _resolve(name: str, default_type: str, actors: list[Actor], registry: Registry, minter: IriMinter) -> Actor:
    entry = registry.resolve(name)
    if entry is not None:
        return Actor(iri=entry.iri, label=entry.label, type=entry.type, known=True)
    lowered = name.casefold()
    for actor in actors:
        if actor.label.casefold() == lowered or lowered in (a.casefold() for a in actor.aliases):
            return actor
    return Actor(iri=str(minter.actor(name)), label=name, type=default_type, known=False, confidence=0.9)


@dataclass(frozen=True)
class ArticleMetadata:
    publisher: Actor | None
    authors: list[Actor]
    agency: Actor | None  # the wire the story is credited to
    dateline: Place | None  # where it was filed from


def metadata_actors(doc: ArticleDoc, actors: list[Actor], registry: Registry, minter: IriMinter) -> ArticleMetadata:
    return ArticleMetadata(
        publisher=_resolve(doc.publisher, "MediaOutlet", actors, registry, minter) if doc.publisher else None,
        authors=[_resolve(name, "Person", actors, registry, minter) for name in doc.authors],
        agency=_resolve(doc.agency, "MediaOutlet", actors, registry, minter) if doc.agency else None,
        dateline=_place(doc.dateline, registry, minter) if doc.dateline else None,
    )


def _place(name: str, registry: Registry, minter: IriMinter) -> Place:
    """A registry place under its IRI; a state's name or any other place minted as a place (a state is an actor,
    never a place)."""
    entry = registry.resolve(name)
    if entry is not None and entry.is_place:
        return Place(iri=entry.iri, label=entry.label)
    return Place(iri=str(minter.place(name)), label=name)
