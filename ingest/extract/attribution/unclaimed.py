"""Who speaks a quotation no cue claims, where the text says so without a verb of saying: the actor of a sentence
closing with a colon before it, the one named person of the sentence just before it, or, in an interview written as
questions and answers, the interviewee."""

from __future__ import annotations

from functools import cached_property

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.cue import QUOTE_MARKS
from newskg.ingest.extract.attribution.values import Attribution, Speaker
from newskg.ingest.extract.text.model import Quote, TextModel

_FINITE = ("VBD", "VBZ", "VBP", "MD")
_INTERVIEW_QUESTIONS = 2  # question paragraphs that make a text an interview


class UnclaimedQuotations:
    def __init__(self, model: TextModel, actors: ActorSet) -> None:
        self.model = model
        self.actors = actors

    def speaker(self, quote: Quote, previous: Attribution | None, found: list[Attribution]) -> Speaker | None:
        """The speaker the text gives the quotation, None when it gives none (the previous speaker may go on).
        previous: the statement just before it (same or previous paragraph); found: every statement so far."""
        introduced = self._introduced_by_colon(quote)  # "Mara Voss was blunt about the port: “…”"
        if introduced is not None:
            return introduced
        introducer = self._person_introducing(quote, previous)
        if introducer is not None:  # "… Maria Zakharova also took aim at the documents. “There are passages …"
            return introducer
        if previous is None or previous.speaker is None or not previous.direct:
            return self._interviewee(quote, found)
        return None

    def _introduced_by_colon(self, quote: Quote) -> Speaker | None:
        """A quotation after a colon closing a sentence whose subject is an actor: that actor's words."""
        tokens = self.model.tokens
        k = quote.first - 2  # the opening mark stands between
        if k < 1 or tokens[k].text != ":":
            return None
        sentence = self.model.sentence_of(k)
        if tokens[sentence.first].quote >= 0:
            return None
        actor = self.actors.at(sentence.first)
        mention = self.actors.mention_at(sentence.first)
        if actor is None or mention is None:
            return None
        after = mention[1].last + 1
        if after >= k or not tokens[after].verb:
            return None
        return Speaker(actor_key=actor.key, label=actor.label, first=mention[1].first, last=mention[1].last)

    def _person_introducing(self, quote: Quote, previous: Attribution | None) -> Speaker | None:
        """A quotation opening right after a sentence of the same paragraph that is about one named person, its
        subject, other than the one quoted last: that person's words ("X also took aim at the documents. “…”")."""
        model = self.model
        tokens = model.tokens
        k = quote.first - 2  # the opening mark stands between
        if k < 0 or tokens[k].paragraph != tokens[quote.first].paragraph or tokens[k].text not in (".", "!"):
            return None
        sentence = model.sentence_of(k)
        people = {
            a.key: (a, m)
            for a, m in self.actors.within(sentence.first, sentence.last)
            if a.type == "Person" and a.kind == "named"
        }
        if len(people) != 1:
            return None
        actor, mention = next(iter(people.values()))
        verb = next((i for i in range(mention.last + 1, sentence.last + 1) if tokens[i].verb), None)
        before_verb = not any(tokens[i].tag in _FINITE for i in range(sentence.first, mention.first))
        if verb is None or not before_verb or tokens[k].quote >= 0:
            return None
        if previous is not None and previous.speaker is not None and previous.speaker.actor_key == actor.key:
            return None  # the same speaker goes on anyway
        return Speaker(actor_key=actor.key, label=actor.label, first=mention.first, last=mention.last)

    @cached_property
    def _interview(self) -> bool:
        """The text is written as questions and answers: enough paragraphs are questions outside quotation marks."""
        questions = [
            p
            for p in self.model.paragraphs
            if p.text.rstrip().endswith("?") and p.text.lstrip()[:1] not in QUOTE_MARKS
        ]
        return len(questions) >= _INTERVIEW_QUESTIONS

    def _interviewee(self, quote: Quote, found: list[Attribution]) -> Speaker | None:
        """In an interview written as questions and answers (at least two paragraphs that are questions, no
        quotation marks), a paragraph that is one quotation is the interviewee's answer: the person named last as
        a speaker before it."""
        model = self.model
        para = model.paragraphs[model.tokens[quote.first].paragraph]
        if quote.open > para.start or model.text[quote.close : para.end].strip():
            return None
        if not self._interview:
            return None
        for earlier in sorted(found, key=lambda a: a.content.start, reverse=True):
            speaker = earlier.speaker
            actor = self.actors.by_key.get(speaker.actor_key) if speaker and speaker.actor_key else None
            if earlier.content.start < quote.open and actor is not None and actor.type == "Person":
                return speaker
        return None
