"""Camps: an actor with what it belongs to and what else belongs there — a Varenian official, Varenia and its
intelligence service are one camp; so are a name and its short form ("Clean Rivers" and "Rivers") when the actor
stage kept them apart."""

from __future__ import annotations

from functools import cached_property

from newskg.ingest.extract.actors.values import ANONYMOUS, COLLECTIVE, NAMED, ActorSet
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.folding import name_key

PERSON = "Person"


class Sides:
    def __init__(self, actors: ActorSet, words: WordTables | None = None) -> None:
        self.actors = actors
        self.words = words

    def _described(self, category: str, unnamed_only: bool = False) -> frozenset[str]:
        """The actors whose role or label has a word of the category."""
        if self.words is None:
            return frozenset()
        return frozenset(
            a.key
            for a in self.actors.actors
            if (self.words.any_is(category, a.label) or a.role and self.words.any_is(category, a.role))
            and not (unnamed_only and a.kind == NAMED)
        )

    @cached_property
    def _defenders(self) -> frozenset[str]:
        """Defence lawyers with no client named ("defense attorney Mark Davis", "the defence"): they stand with
        whoever is accused in person."""
        return frozenset(k for k in self._described("defence") if self.actors.by_key[k].affiliation is None)

    @cached_property
    def _dissenters(self) -> frozenset[str]:
        """A whistleblower, or an unnamed former insider ("two former employees"): they speak against the body they
        belong to, not for it."""
        return self._described("dissenting") | self._described("former", unnamed_only=True)

    @property
    def same_names(self) -> dict[str, set[str]]:
        """Actors the actor stage kept apart that are one by their names ("Halden" and "Halden Labs")."""
        return self._short_forms

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
        for key, other in self._collective_heads():
            pairs.setdefault(key, set()).add(other)
            pairs.setdefault(other, set()).add(key)
        return pairs

    def _collective_heads(self) -> list[tuple[str, str]]:
        """A group named by its head noun alone and the one group whose name ends in it ("the factories" after
        "chemical factories"); none when several do ("officials" after "US officials" and "Russian officials").
        Groups named alike but for their number are one ("Nurses", "three nurses", "one of the nurses")."""
        collective = [
            (a.key, self._counted_out(a.label))
            for a in self.actors.actors
            if a.kind == COLLECTIVE or a.kind == ANONYMOUS and a.plural
        ]
        pairs = []
        for key, words in collective:
            longer = [
                (o, tuple(more))
                for o, more in collective
                if o != key and len(more) > len(words) and more[-len(words) :] == words
            ]
            if words and len({more for _, more in longer}) == 1:
                pairs += [(key, other) for other, _ in longer]
            pairs += [(key, other) for other, same in collective if other != key and words and same == words]
        return pairs

    def _counted_out(self, label: str) -> list[str]:
        """The name's words without numbers and quantifiers ("seven more chemical factories" → chemical factories)."""
        words = self.words
        return [
            w
            for w in name_key(label).split()
            if not w.isdigit()
            and not (words is not None and (words.is_("quantifier", w) or words.is_("definite", w)))
        ]

    def camp(self, key: str) -> set[str]:
        camp = {key}
        todo = [key]
        while todo:
            current = todo.pop()
            actor = self.actors.by_key.get(current)
            related = set(self._short_forms.get(current, ()))
            if actor is not None and actor.affiliation and current not in self._dissenters:
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
        defends = speaker in self._defenders
        for key in keys:
            actor = self.actors.by_key.get(key)
            if actor is not None and actor.type == PERSON:
                if key in mine or speaker in self.camp(key) or defends:
                    return True  # "defense attorney Mark Davis": the one on trial's side, named or not
            elif mine & self.camp(key):
                return True
        return False
