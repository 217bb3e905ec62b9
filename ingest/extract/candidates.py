"""What the actor stages hand each other: mentions found in the text, grouped later into Actors by key."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.extract.registry import RegistryEntry
from ingest.model import Span

KNOWN = "known:"  # key prefix: a registry actor, followed by its IRI
NEW = "new:"  # a discovered named actor, followed by its folded canonical name
ANONYMOUS = "anon:"  # an anonymous source, followed by its folded description


@dataclass(frozen=True)
class Named:
    """What discovery made of a name run: its words, label, class and how sure it is."""

    words: range
    label: str
    type: str
    confidence: float
    role: str | None = None
    affiliation: str | None = None


@dataclass
class Found:
    """One mention of an actor. key groups mentions of the same actor; affiliation is another actor's key."""

    key: str
    label: str
    type: str
    span: Span
    tokens: range
    confidence: float
    entry: RegistryEntry | None = None
    role: str | None = None
    affiliation: str | None = None

    @property
    def known(self) -> bool:
        return self.key.startswith(KNOWN)


def known_key(entry: RegistryEntry) -> str:
    return KNOWN + entry.iri
