"""The article's publisher and authors as actors: from the registry where known, minted otherwise."""

from __future__ import annotations

from ingest.extract.actors.registry import Registry
from ingest.iris import IriMinter
from ingest.model import Actor, ArticleDoc


def _resolve(name: str, default_type: str, actors: list[Actor], registry: Registry, minter: IriMinter) -> Actor:
    entry = registry.resolve(name)
    if entry is not None:
        return Actor(iri=entry.iri, label=entry.label, type=entry.type, known=True)
    lowered = name.casefold()
    for actor in actors:
        if actor.label.casefold() == lowered or lowered in (a.casefold() for a in actor.aliases):
            return actor
    return Actor(iri=str(minter.actor(name)), label=name, type=default_type, known=False, confidence=0.9)


def metadata_actors(doc: ArticleDoc, actors: list[Actor], registry: Registry,
                    minter: IriMinter) -> tuple[Actor | None, list[Actor]]:
    publisher = _resolve(doc.publisher, "MediaOutlet", actors, registry, minter) if doc.publisher else None
    authors = [_resolve(name, "Person", actors, registry, minter) for name in doc.authors]
    return publisher, authors
