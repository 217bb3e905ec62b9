"""The events stage: events the article names (event nouns, merged per referent) and the dated statements it reports
(speech acts), each with a date normalised against the publication date, places and participants."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.actors import Registry
from newskg.ingest.extract.actors.known import KnownNameMatcher
from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.values import ClaimsResult
from newskg.ingest.extract.events.dates import DateIndex, DateMention, DateReader
from newskg.ingest.extract.events.merge import build_event, group, related
from newskg.ingest.extract.events.nouns import NounReader
from newskg.ingest.extract.events.places import PlaceReader
from newskg.ingest.extract.events.statements import statement_acts, statement_events
from newskg.ingest.extract.events.timing import StatementTimes
from newskg.ingest.extract.events.values import EventMention
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import ArticleDoc, Event, Span


@dataclass(frozen=True)
class EventsResult:
    events: tuple[Event, ...]
    statement_times: tuple[str | None, ...]  # per statement: when it was made ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD')


def _value(mention: DateMention | None) -> str | None:
    return mention.value if mention is not None else None


class EventFinder:
    """Holds what every article's events stage needs (the date grammar, the registry's name matcher), built once."""

    def __init__(self, registry: Registry, lexicon: Lexicon, minter: IriMinter) -> None:
        self.registry = registry
        self.lexicon = lexicon
        self.minter = minter
        self.dates = DateReader(lexicon.words)
        self.matcher = KnownNameMatcher(registry.entries)

    def find(
        self,
        doc: ArticleDoc,
        model: TextModel,
        actors: ActorSet,
        attributions: tuple[Attribution, ...],
        claims: ClaimsResult,
        iris: dict[str, str],
    ) -> EventsResult:
        dates = DateIndex(self.dates, model.text, doc.date)
        places = PlaceReader(model, actors, self.matcher, self.lexicon.words, iris, self.minter)
        times = StatementTimes(model, attributions, dates, self.lexicon.words)
        acts = statement_acts(attributions, claims, times, iris, self.lexicon.pronouns)
        spoken = [(attributions[a.statement].sentence, a.type, a.date.value) for a in acts]
        mentions = [
            m
            for m in NounReader(model, actors, self.lexicon, dates, places).mentions()
            if not self._told_as_statement(m, spoken)
        ]
        named = [build_event(g, doc.key, self.minter) for g in group(mentions, self.lexicon.event_types)]
        statement_times = tuple(_value(times.time(a)) for a in attributions)
        return EventsResult(
            tuple(named + statement_events(acts, attributions, actors, doc.key, self.minter)), statement_times
        )

    def _told_as_statement(self, mention: EventMention, spoken: list[tuple[Span, str, str | None]]) -> bool:
        """'X said in a report last week': the report is the statement's act, already an event."""
        return mention.date is not None and any(
            sentence.start <= mention.span.start < sentence.end
            and value == mention.date.value
            and related(kind, mention.type, self.lexicon.event_types)
            for sentence, kind, value in spoken
        )
