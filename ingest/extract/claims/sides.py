"""Camps: an actor with what it belongs to and what else belongs there — a Varenian official, Varenia and its
intelligence service are one camp; so are a name and its short form ("Clean Rivers" and "Rivers") when the actor
stage kept them apart."""

from __future__ import annotations

from functools import cached_property

from newskg.ingest.extract.actors.values import NAMED, ActorSet
from newskg.ingest.extract.text.folding import name_key

PERSON = "Person"


class Sides:
    def __init__(
        self,
        actors: ActorSet,
        dissenting: frozenset[str] = frozenset(),
        former: frozenset[str] = frozenset(),
        defence: frozenset[str] = frozenset(),
    ) -> None:
        self.actors = actors
        self.defence = defence  # "defense attorney", "the defence": for the accused in person
        self.dissenting = dissenting  # "a whistleblower at the bank" speaks against the bank, not for it
        self.former = former  # "two former employees", unnamed, speak as outsiders

    def _defends(self, key: str) -> bool:
        """A defence lawyer with no client named ("defense attorney Mark Davis", "the defence") stands with whoever
        is accused in person."""
        actor = self.actors.by_key.get(key)
        if actor is None or actor.affiliation is not None:
            return False
        return any(w in self.defence for w in name_key(actor.role or actor.label).split())

    def _dissents(self, key: str) -> bool:
        """A whistleblower, or an unnamed former insider ("two former employees"), speaks against the body."""
        actor = self.actors.by_key.get(key)
        if actor is None:
            return False
        words = name_key(actor.role or actor.label).split()
        return any(w in self.dissenting for w in words) or actor.kind != NAMED and any(w in self.former for w in words)

    @cached_property
    def _short_forms(self) -> dict[str, set[str]]:
        """Named actors whose name is the start or the end of another's, word for word."""
        named = [(a.key, name_key(a.label).split()) for a in self.actors.actors if a.kind == NAMED]
        pairs: dict[str, set[str]] = {}
        for key, words in named:
            for other, longer in named:
                if (
                    other != key
                    and 0 < len(words) < len(longer)
                    and words in (longer[: len(words)], longer[-len(words) :])
                ):
                    pairs.setdefault(key, set()).add(other)
                    pairs.setdefault(other, set()).add(key)
        return pairs

    def camp(self, key: str) -> set[str]:
        camp = {key}
        todo = [key]
        while todo:
            current = todo.pop()
            actor = self.actors.by_key.get(current)
            related = set(self._short_forms.get(current, ()))
            if actor is not None and actor.affiliation and not self._dissents(current):
                related.add(actor.affiliation)
            for other in related - camp:
                camp.add(other)
                todo.append(other)
        return camp

    def camps(self, keys: tuple[str, ...] | frozenset[str]) -> set[str]:
        return set().union(*(self.camp(k) for k in keys)) if keys else set()

    def side(self, speaker: str | None, keys: tuple[str, ...]) -> bool:
        """The speaker is one of keys, or of the same camp as one of them. A person's camp is the person and those
        who speak for them (their lawyer, their spokesman), not everyone of their state: a state's police accusing
        one of its citizens is no ally of theirs."""
        if speaker is None:
            return False
        mine = self.camp(speaker)
        defends = self._defends(speaker)
        for key in keys:
            actor = self.actors.by_key.get(key)
            if actor is not None and actor.type == PERSON:
                if key in mine or speaker in self.camp(key) or defends:
                    return True  # "defense attorney Mark Davis": the one on trial's side, named or not
            elif mine & self.camp(key):
                return True
        return False
