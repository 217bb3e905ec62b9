"""Epithets news gives a person it has named: "the 32-year-old", "the 45-year-old striker" refer back to the person
named last before them."""

from __future__ import annotations

from newskg.ingest.extract.actors.coreference import RoleAnaphor
from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel

_BACK = 4000  # characters within which an epithet looks for the person it refers to
_PERSON = "Person"


def _age_end(model: TextModel, i: int, words: WordTables) -> int | None:
    """The last token of "the N-year-old" starting at token i (with the noun after it, if any), else None."""
    tokens = model.tokens
    shape = tokens[i + 1 : i + 6]
    if len(shape) < 5 or tokens[i].norm != "the":
        return None
    number, dash, unit, dash2, old = shape
    if not (
        number.tag == "CD"
        and dash.text == dash2.text == "-"
        and words.is_("age-unit", unit.lemma)
        and words.is_("age-word", old.norm)
    ):
        return None
    last = i + 5
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and following.sentence == old.sentence and following.noun and not following.proper:
        last += 1  # "the 45-year-old striker"
    return last


def age_epithets(model: TextModel, actors: ActorSet, words: WordTables) -> list[RoleAnaphor]:
    found: list[RoleAnaphor] = []
    tokens = model.tokens
    for i in range(len(tokens)):
        last = _age_end(model, i, words)
        if last is None or any(actors.at(k) is not None for k in range(i, last + 1)):
            continue
        for actor, mention in actors.mentions_before(i):
            if tokens[i].start - mention.span.end > _BACK:
                break
            if actor.type == _PERSON and not actor.plural:
                found.append(RoleAnaphor(i, last, actor.key))
                break
    return found
