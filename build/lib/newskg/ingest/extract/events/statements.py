"""Dated statements as events: "Sudan's government on Wednesday accused the UAE ...", "a UN panel said in a report
last month ...". The act of accusing, denying or stating happened (the text reports it), so it is an event, typed with
the event-type scheme's speech acts (CAMEO 112 accuse, 016 deny responsibility, 010 make statement) and dated with the
statement's own time. What was alleged stays the allegation's content, never an event.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.values import ClaimsResult
from newskg.ingest.extract.events.dates import DateMention
from newskg.ingest.extract.events.timing import StatementTimes
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Event

DENYING = frozenset({"denies", "dismisses"})
PRIORITY = ("deny-responsibility", "accuse", "make-statement")
LABEL_WORDS = 8
CONFIDENCE = 0.6


@dataclass(frozen=True)
class StatementAct:
    """One dated statement read as a speech act (statement: the attribution's index)."""

    statement: int
    type: str
    speaker: str  # the speaker's IRI, else the words naming it
    date: DateMention
    participants: tuple[str, ...]


def act_type(n: int, attribution: Attribution, claims: ClaimsResult) -> str:
    """deny-responsibility for a denial or dismissal, accuse for a statement making an allegation, else
    make-statement."""
    stances = {r.stance for r in claims.responses if r.statement == n}
    if n < len(claims.central_stance):
        stances.add(claims.central_stance[n])
    if attribution.cue_entry is not None:
        stances.add(attribution.cue_entry.stance)
    if stances & DENYING:
        return "deny-responsibility"
    makes_allegation = any(n in c.statements for c in claims.allegations)
    if makes_allegation or (attribution.cue_entry is not None and attribution.cue_entry.allegation):
        return "accuse"
    return "make-statement"


def statement_acts(
    attributions: tuple[Attribution, ...],
    claims: ClaimsResult,
    times: StatementTimes,
    iris: dict[str, str],
    pronouns: Collection[str],
) -> list[StatementAct]:
    """The dated statements whose speaker the text names (an unresolved pronoun names no one)."""
    acts = []
    for n, a in enumerate(attributions):
        if a.speaker is None or (a.speaker.actor_key is None and name_key(a.speaker.label) in pronouns):
            continue
        date = times.time(a)
        if date is None:
            continue
        speaker = iris.get(a.speaker.actor_key, a.speaker.label) if a.speaker.actor_key else a.speaker.label
        kind = act_type(n, a, claims)
        accused = [iris[k] for c in claims.allegations if n in c.statements for k in c.accused if k in iris]
        named = [speaker] if a.speaker.actor_key in iris else []
        acts.append(
            StatementAct(
                statement=n, type=kind, speaker=speaker, date=date, participants=tuple(dict.fromkeys(named + accused))
            )
        )
    return acts


def _one_act_per_sentence(acts: list[StatementAct], attributions: tuple[Attribution, ...]) -> list[StatementAct]:
    """A speaker's statements in one sentence on one date are one act, of the most telling type ("accused X of C,
    saying ...": an accusation)."""
    chosen: dict[tuple[str, str | None, int], StatementAct] = {}
    for act in acts:
        key = (act.speaker, act.date.value, attributions[act.statement].sentence.start)
        held = chosen.get(key)
        if held is None:
            chosen[key] = act
            continue
        keep = act if PRIORITY.index(act.type) < PRIORITY.index(held.type) else held
        chosen[key] = replace(keep, participants=tuple(dict.fromkeys(held.participants + act.participants)))
    return sorted(chosen.values(), key=lambda a: a.statement)


def statement_events(
    acts: list[StatementAct],
    attributions: tuple[Attribution, ...],
    actors: ActorSet,
    article_key: str,
    minter: IriMinter,
) -> list[Event]:
    """One event per speaker, type and date (a statement told over several sentences is one act)."""
    by_key: dict[tuple[str, str, str | None], list[StatementAct]] = {}
    for act in _one_act_per_sentence(acts, attributions):
        by_key.setdefault((act.speaker, act.type, act.date.value), []).append(act)
    events = []
    for (_, kind, value), same in by_key.items():
        first = attributions[same[0].statement]
        words = first.content.text.split()
        content = " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")
        speaker = first.speaker
        name = (
            actors.by_key[speaker.actor_key].label
            if speaker and speaker.actor_key in actors.by_key
            else (speaker.label if speaker else "")
        )
        events.append(
            Event(
                iri=str(minter.event(article_key, f"{kind}|{first.content.start}")),
                label=f"{name} {first.cue.text if first.cue else 'said'}: {content}".strip(),
                type=kind,
                evidence=first.sentence,
                date=value,
                granularity=same[0].date.granularity,
                participants=list(dict.fromkeys(p for act in same for p in act.participants)),
                confidence=CONFIDENCE,
            )
        )
    return events
