"""A speaker's side in the article's dispute, lent to their statements whose own words take no side.

An accused party's spokesman saying "every one of our riders passed every test" or a whistleblower adding "people's
passport scans were sitting on a public server" names no claim act and no denial word, yet plainly contests or backs
the claim: which side the speaker is on is what the rest of their statements, or those of the body they speak for
(their affiliation), show; and the party accused ("X accused Y of ..."), its members and its own bodies ("Y's foreign
ministry") are on the contesting side whatever they concede. Only a side shown without contradiction is lent, and only
to statements still neutral and unhedged; hedged statements, assessments and statements with a stance of their own
keep theirs.
"""

from __future__ import annotations

from ingest.model import Actor, Statement

_SIDE = {"supports": "claim", "confirms": "claim", "denies": "contest", "dismisses": "contest", "downplays": "contest"}
_LENT = {"claim": "supports", "contest": "denies"}
# people speak for the body they belong to; a body affiliated with a state (its central bank) speaks for itself
_SPEAKS_FOR_BODY = frozenset({"Person", "AnonymousSource"})
_ACCUSED_WITHIN = 60  # characters from the start of an accusation's content where its object is named


def _sides(statements: list[Statement]) -> dict[str, set[str]]:
    sides: dict[str, set[str]] = {}
    for statement in statements:
        side = _SIDE.get(statement.stance)
        if statement.speaker and side:
            sides.setdefault(statement.speaker, set()).add(side)
    return sides


def _side_of(iri: str, sides: dict[str, set[str]], affiliation: dict[str, str]) -> str | None:
    """The speaker's own side, else that of the body they belong to (followed up a short chain)."""
    seen: set[str] = set()
    current: str | None = iri
    while current and current not in seen:
        seen.add(current)
        found = sides.get(current, set())
        if found:
            return next(iter(found)) if len(found) == 1 else None
        current = affiliation.get(current)
    return None


def _accused(statements: list[Statement], actors: list[Actor]) -> list[Actor]:
    """Actors named at the head of an accusation's content ("accused [the government of X] of shipping ...")."""
    heads = [(s.content.start, s.content.start + _ACCUSED_WITHIN) for s in statements
             if s.stance in {"supports", "confirms"} and s.cue and s.cue.text.lower().startswith("accus")]
    return [a for a in actors if any(start <= m.start < end for m in a.mentions for start, end in heads)]


def _on_accused_side(statement: Statement, actor: Actor | None, accused: list[Actor]) -> bool:
    """The accused itself, a member of it, or one of its own bodies or allies named by possessive ("Y's ministry")."""
    label = (actor.label if actor else statement.speaker_label or "").lower()
    return any(statement.speaker == a.iri or (actor is not None and actor.affiliation == a.iri) or
               label.startswith((a.label.lower() + "'s ", a.label.lower() + "’s ")) for a in accused)


def lend_sides(statements: list[Statement], actors: list[Actor]) -> None:
    """Give each neutral statement of a speaker with one clear side the stance of that side (in place)."""
    sides = _sides(statements)
    affiliation = {a.iri: a.affiliation for a in actors if a.affiliation}
    by_iri = {a.iri: a for a in actors}
    accused = _accused(statements, actors)
    for statement in statements:
        if statement.stance != "neutral" or statement.certainty or not (statement.speaker or statement.speaker_label):
            continue
        own = sides.get(statement.speaker or "", set())
        speaker = by_iri.get(statement.speaker or "")
        if len(own) == 1:
            side: str | None = next(iter(own))
        elif _on_accused_side(statement, speaker, accused):
            side = "contest"
        elif speaker is not None and speaker.type in _SPEAKS_FOR_BODY:
            side = _side_of(speaker.iri, sides, affiliation)
        else:
            side = None
        if side:
            statement.stance = _LENT[side]
