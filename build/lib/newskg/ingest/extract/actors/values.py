"""What the actor stage produces: every actor an article names, each with its mentions as token ranges and spans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newskg.ingest.model import Span

NAMED, DESCRIBED, ANONYMOUS, COLLECTIVE = (
    "named",
    "described",
    "anonymous",
    "collective",
)
KNOWN_PREFIX = "known:"  # the key of a registry actor: the prefix and its registry IRI


@dataclass(frozen=True)
class Mention:
    first: int  # token index
    last: int  # token index, inclusive
    span: Span


@dataclass(frozen=True)
class ActorRecord:
    """One actor of the article.

    key: its identity within the article ("known:<iri>" for a registry actor, "name:<folded name>",
    "source:<folded description>", ...); type: the local name of its ontology class; kind: named, described,
    anonymous or collective; affiliation: the key of the actor it belongs to; gender: "male"/"female" when the text
    tells (an honorific, a pronoun), for pronoun resolution.
    """

    key: str
    label: str
    type: str
    kind: str
    mentions: tuple[Mention, ...]
    registry_iri: str | None = None
    role: str | None = None
    affiliation: str | None = None
    confidence: float = 0.8
    wikidata: str | None = None
    gender: str | None = None
    plural: bool = False
    document: bool = False  # a document speaking ("the audit found"): an actor only where no party stands behind it

    @property
    def known(self) -> bool:
        return self.registry_iri is not None

    @property
    def first_token(self) -> int:
        return self.mentions[0].first


@dataclass(frozen=True)
class ActorSet:
    """The article's actors, and which actor each token's mention belongs to."""

    actors: tuple[ActorRecord, ...]
    token_count: int
    demonym_tokens: tuple[tuple[int, str], ...] = ()  # (token of a nationality word, its state's key)

    @cached_property
    def _at(self) -> tuple[int, ...]:
        at = [-1] * self.token_count
        # the innermost mention owns a token: "Ostria" inside "Ostria's army" stays the state's
        nested = sorted(
            ((number, mention) for number, actor in enumerate(self.actors) for mention in actor.mentions),
            key=lambda pair: pair[1].first - pair[1].last,
        )
        for number, mention in nested:
            for i in range(mention.first, mention.last + 1):
                at[i] = number
        return tuple(at)

    @cached_property
    def demonyms(self) -> dict[int, str]:
        return dict(self.demonym_tokens)

    @cached_property
    def by_key(self) -> dict[str, ActorRecord]:
        return {a.key: a for a in self.actors}

    def at(self, i: int) -> ActorRecord | None:
        number = self._at[i] if 0 <= i < self.token_count else -1
        return self.actors[number] if number >= 0 else None

    def mention_at(self, i: int) -> tuple[ActorRecord, Mention] | None:
        actor = self.at(i)
        if actor is None:
            return None
        return actor, min(
            (m for m in actor.mentions if m.first <= i <= m.last),
            key=lambda m: m.last - m.first,
        )

    def within(self, first: int, last: int) -> list[tuple[ActorRecord, Mention]]:
        """Mentions lying wholly inside tokens first..last, in text order."""
        found = [(a, m) for a in self.actors for m in a.mentions if first <= m.first and m.last <= last]
        return sorted(found, key=lambda pair: pair[1].first)

    def mentions_before(self, i: int) -> list[tuple[ActorRecord, Mention]]:
        """Every mention ending before token i, nearest first."""
        found = [(a, m) for a in self.actors for m in a.mentions if m.last < i]
        return sorted(found, key=lambda pair: pair[1].first, reverse=True)
