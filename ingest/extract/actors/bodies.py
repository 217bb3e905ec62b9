"""Bodies news names by their kind alone ("the police arrested him", "the regulator fined the bank") where no actor
named before is the one meant: an actor of their own, once role nouns have found what they refer back to."""

from __future__ import annotations

from collections.abc import Callable

from newskg.ingest.extract.actors import phrase_edges as edges
from newskg.ingest.extract.actors.described import DescribedCandidate
from newskg.ingest.extract.actors.values import DESCRIBED, ActorSet
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel

_PEOPLE = frozenset({"Person", "AnonymousSource", "ActorGroup"})
_MODIFIERS = 2  # adjectives between "the" and the noun ("the local police", "the financial regulator")


def unreferred_bodies(
    model: TextModel, actors: ActorSet, words: WordTables, speaks: Callable[[int], bool]
) -> list[DescribedCandidate]:
    """'the police', 'the regulator' acting or speaking, in no actor's mention (role anaphors joined first)."""
    tokens = model.tokens
    found: list[DescribedCandidate] = []
    for head, token in enumerate(tokens):
        role = words.roles.get(token.lemma)
        if role is None or not token.noun or token.proper or actors.at(head) is not None:
            continue
        bodies = sorted(role.classes - _PEOPLE)
        if not bodies or role.classes & _PEOPLE:
            continue
        first = head - 1
        while first >= 0 and head - first <= _MODIFIERS and tokens[first].tag.startswith("JJ"):
            first -= 1
        if first < 0 or tokens[first].norm != "the" or tokens[first].sentence != token.sentence:
            continue
        if head + 1 < len(tokens) and tokens[head + 1].noun and tokens[head + 1].sentence == token.sentence:
            continue  # "the police station": the noun modifies another
        if not (speaks(head) or edges.acts(model, head, words)):
            continue
        found.append(
            DescribedCandidate(
                first=first,
                last=head,
                label=model.span(first + 1, head).text,
                type=bodies[0],
                kind=DESCRIBED,
                head=head,
                plural=False,
            )
        )
    return found
