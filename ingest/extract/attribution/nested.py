"""Reported speech inside a report's quotation: a statement of its own."""

from __future__ import annotations

from typing import Protocol

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.cue import CueHit, find_cues
from newskg.ingest.extract.attribution.values import Attribution, Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Sentence, TextModel


class Finder(Protocol):
    """What of the statement finder this needs (frames.StatementFinder)."""

    model: TextModel
    actors: ActorSet
    lexicon: Lexicon
    found: list[Attribution]

    def in_name(self, i: int) -> bool: ...

    def content_limit(self, cues: list[CueHit], n: int, sentence: Sentence) -> int: ...

    def verb_frame(
        self, cue: CueHit, sentence: Sentence, limit: int, previous_speaker: Speaker | None, nested: bool = False
    ) -> None: ...


def reported_inside_quotations(finder: Finder) -> None:
    """Reported speech inside a report's quotation ('"Several inmates said they were beaten," the report
    disclosed'): a statement of its own when its speaker is named inside the quotation and says a clause. A
    person's quoted words are their own account, not a relay of others'."""
    for attribution in list(finder.found):
        quote = next((q for q in finder.model.quotes if q.content == attribution.content), None)
        speaker = attribution.speaker
        relayer = finder.actors.by_key.get(speaker.actor_key) if speaker and speaker.actor_key else None
        if quote is None or not attribution.direct or quote.first < 0 or speaker is None:
            continue
        if relayer is not None and relayer.type in ("Person", "AnonymousSource") and not relayer.document:
            continue
        for sentence in finder.model.sentences:
            first, last = max(sentence.first, quote.first), min(sentence.last, quote.last)
            if first > last:
                continue
            inner = Sentence(
                index=sentence.index,
                first=first,
                last=last,
                start=finder.model.tokens[first].start,
                end=finder.model.tokens[last].end,
                paragraph=sentence.paragraph,
            )
            cues = find_cues(finder.model, first, last, finder.lexicon, finder.in_name, quote=quote.index)
            for n, cue in enumerate(cues):
                if cue.entry.pos == "verb" and not cue.participle and not cue.passive:
                    finder.verb_frame(cue, inner, finder.content_limit(cues, n, inner), None, nested=True)
