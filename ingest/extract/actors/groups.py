"""An actor while the actor stage gathers it: its mentions, and what is learnt of it (role, affiliation, gender) as
later rules run; the stage returns frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field

from newskg.ingest.extract.actors.registry import RegistryEntry
from newskg.ingest.extract.actors.values import (
    KNOWN_PREFIX,
    NAMED,
    ActorRecord,
    Mention,
)
from newskg.ingest.extract.text.model import TextModel


@dataclass
class Group:
    """Mentions gathered for one actor while the stage runs."""

    key: str
    label: str
    type: str
    kind: str
    confidence: float
    registry_iri: str | None = None
    wikidata: str | None = None
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    plural: bool = False
    document: bool = False
    described: bool = False  # found by its description ("Ostria's military intelligence agency"), not its name
    mentions: list[Mention] = field(default_factory=list)

    def add(self, model: TextModel, first: int, last: int) -> None:
        if all((m.first, m.last) != (first, last) for m in self.mentions):
            self.mentions.append(Mention(first, last, model.span(first, last)))

    def record(self) -> ActorRecord:
        mentions = tuple(sorted(self.mentions, key=lambda m: m.first))
        return ActorRecord(
            key=self.key,
            label=self.label,
            type=self.type,
            kind=self.kind,
            mentions=mentions,
            registry_iri=self.registry_iri,
            role=self.role,
            affiliation=self.affiliation,
            confidence=self.confidence,
            wikidata=self.wikidata,
            gender=self.gender,
            plural=self.plural,
            document=self.document,
        )


def known_group(entry: RegistryEntry, *, confidence: float) -> Group:
    """A registry actor's group, made where the text names it otherwise than by its name (a nationality, "the
    Valmoran government")."""
    return Group(
        key=KNOWN_PREFIX + entry.iri,
        label=entry.label,
        type=entry.type,
        kind=NAMED,
        confidence=confidence,
        registry_iri=entry.iri,
        wikidata=entry.wikidata,
    )
