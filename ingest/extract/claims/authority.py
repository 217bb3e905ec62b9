"""Who brings a legal action the article narrates without naming its author ("X was charged with fraud", "a fine
for the breach"): the prosecuting or investigating authority the article names (prosecutors, the police, an
anti-corruption commission, a regulator), the one nearest to the sentence; none when the article names none."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.lexicon.words import WordTables

LEGAL_AUTHORITY = "legal-authority"


def acting_authority(actors: ActorSet, words: WordTables, accused: tuple[str, ...], token: int) -> tuple[str, ...]:
    """The key of the authority whose mention is nearest to token, never one of the accused."""
    nearest: tuple[int, str] | None = None
    for actor in actors.actors:
        if actor.key in accused or actor.type == "Person":
            continue
        if not words.any_is(LEGAL_AUTHORITY, actor.label):
            continue
        distance = min(abs(m.first - token) for m in actor.mentions)
        if nearest is None or distance < nearest[0]:
            nearest = (distance, actor.key)
    return (nearest[1],) if nearest else ()
