"""When a statement was made: the date in its own frame, nearest its cue.

The frame is the statement's sentence outside every statement's content, after the statement before it in the
sentence ("X on Wednesday accused Y of C, a charge Z rejected": Wednesday is X's; "CITY, March 11 (Agency) - X on
Tuesday accused": Tuesday, nearer the cue). A date governed by another verb is not the statement's ("Harlow, whose
father died on Dec. 28, said"); a content that is a noun phrase, not a clause, carries the act's own date ("rejected
the claims on Wednesday", not "recalled the 2019 invasion").
"""

from __future__ import annotations

from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.events.dates import DateIndex, DateMention
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel
from newskg.ingest.model import Span

FINITE_TAGS = ("VBD", "VBZ", "VBP")
CLAUSE_MARKS = frozenset({",", ";", "(", ")", "—", "–"})


class StatementTimes:
    def __init__(
        self, model: TextModel, attributions: tuple[Attribution, ...], dates: DateIndex, words: WordTables
    ) -> None:
        self.model = model
        self.attributions = attributions
        self.dates = dates
        self.words = words

    def time(self, attribution: Attribution) -> DateMention | None:
        if self._not_yet(attribution):
            return None
        contents = [(a.content.start, a.content.end) for a in self.attributions if a.sentence == attribution.sentence]
        content = attribution.content
        cue = attribution.cue or content
        own_start = max(
            [attribution.sentence.start] + [end for _, end in contents if end <= min(cue.start, content.start)]
        )
        found = [
            m
            for start, end in [(own_start, content.start), (content.end, attribution.sentence.end)]
            for m in self.dates.within(start, end)
            if not any(s <= m.span.start and m.span.end <= e for s, e in contents)
        ]
        if not attribution.direct and not self._is_clause(attribution):
            found += [m for m in self.dates.within(content.start, content.end) if self._ends(m, attribution)]
        found = [m for m in found if m.value and not self._other_verb_before(min(own_start, cue.start), m, cue)]
        return min(found, key=lambda m: max(m.span.start - cue.end, cue.start - m.span.end), default=None)

    def _not_yet(self, attribution: Attribution) -> bool:
        """'are due to publish', 'will soon announce': an act still to come has no date of its own yet."""
        cue = self.model.tokens_within(attribution.cue.start, attribution.cue.end) if attribution.cue else range(0)
        i = cue[0] - 1 if cue else -1
        if i >= 0 and self.model.tokens[i].tag.startswith("RB"):
            i -= 1  # an adverb between: "will soon announce"
        return i >= 0 and self.model.same_sentence(i, cue[0]) and self.model.tokens[i].tag in ("TO", "MD")

    def _ends(self, mention: DateMention, attribution: Attribution) -> bool:
        last = self.model.tokens[attribution.content_last]
        return mention.span.end >= (last.end if last.is_word else last.start)

    def _is_clause(self, attribution: Attribution) -> bool:
        return any(self.model.tokens[i].verb for i in range(attribution.content_first, attribution.content_last + 1))

    def _finite(self, i: int) -> bool:
        token = self.model.tokens[i]
        return token.tag in FINITE_TAGS and not self.words.is_("auxiliary", token.lemma)

    def _other_verb_before(self, start: int, mention: DateMention, cue: Span) -> bool:
        """A verb other than the cue governs the date: the last full verb before it in the same stretch between
        commas ("Harlow, whose father died on Dec. 28, said"; not "X, which represents nurses, on Monday accused")."""
        for i in reversed(self.model.tokens_within(start, mention.span.start)):
            if self.model.tokens[i].text in CLAUSE_MARKS:
                return False
            if self._finite(i):
                token = self.model.tokens[i]
                return not (cue.start <= token.start and token.end <= cue.end)
        return False
