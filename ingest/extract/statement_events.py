"""Dated statements as events: "Sudan's government on Wednesday accused the UAE ...", "a UN panel said in a report
last month ...". The act of accusing, denying or stating happened (the text reports it), so it is an event, typed
with the event-type scheme's speech acts (CAMEO 112 accuse, 016 deny responsibility, 010 make statement) and dated
with the statement's own time. What was alleged stays the allegation's content, never an event.
"""

from __future__ import annotations

from ingest.extract.lexicon import Lexicon
from ingest.iris import IriMinter
from ingest.model import Actor, Allegation, ArticleDoc, Event, Statement

_GRANULARITY = {4: "year", 7: "month", 10: "day"}
_LABEL_WORDS = 8


def _type(statement: Statement, lexicon: Lexicon) -> str:
    cue = lexicon.reporting_cue(statement.cue.text) if statement.cue else None
    if statement.stance in {"denies", "dismisses"}:
        return "deny-responsibility"
    if (cue and cue.allegation) or (statement.stance in {"supports", "confirms"} and statement.about):
        return "accuse"
    return "make-statement"


def statement_events(doc: ArticleDoc, actors: list[Actor], statements: list[Statement],
                     allegations: list[Allegation], lexicon: Lexicon, minter: IriMinter) -> list[Event]:
    """One event per dated statement whose speaker the text names (one per speaker, type and date)."""
    labels = {a.iri: a.label for a in actors}
    by_iri = {a.iri: a for a in allegations}
    events: dict[tuple[str, str, str], Event] = {}
    for statement in sorted(statements, key=lambda s: s.content.start):
        speaker = statement.speaker or statement.speaker_label
        if not statement.time or not speaker or len(statement.time) not in _GRANULARITY:
            continue
        kind = _type(statement, lexicon)
        key = (speaker, kind, statement.time)
        accused = [iri for a in statement.about if a in by_iri for iri in by_iri[a].accused] if kind == "accuse" else []
        participants = list(dict.fromkeys([statement.speaker, *accused] if statement.speaker else accused))
        if key in events:
            events[key].participants = list(dict.fromkeys(events[key].participants + participants))
            continue
        cue = statement.cue.text if statement.cue else "said"
        words = statement.content.text.split()
        content = " ".join(words[:_LABEL_WORDS]) + (" …" if len(words) > _LABEL_WORDS else "")
        events[key] = Event(
            iri=str(minter.event(doc.key, f"{kind}|{statement.content.start}")),
            label=f"{labels.get(statement.speaker or '', statement.speaker_label or '')} {cue}: {content}".strip(),
            type=kind, evidence=statement.sentence, date=statement.time,
            granularity=_GRANULARITY[len(statement.time)], participants=participants, confidence=0.6)
    return list(events.values())
