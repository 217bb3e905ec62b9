"""What stands beside a reporting frame: the quotation closing just before it or opening just after it, the outlet
the words were given to ("told the Daily Courier", "confirmed the payments to the Courier"), where the words
start after an addressee ("told reporters that"), and a quotation joined to reported words ("…, and “Q”")."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.content import trim
from newskg.ingest.extract.attribution.cue import QUOTE_MARKS, CueHit
from newskg.ingest.extract.attribution.quotations import clause_goes_on, is_title
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.text.model import Quote, Sentence, TextModel

MEDIUM_TYPES = frozenset({"MediaOutlet", "SocialMediaAccount"})
_ADVERBIAL_BEFORE_THAT = 5  # tokens of a time or place between a verb of saying and "that" ("on Thursday that")


class FrameParts:
    def __init__(self, model: TextModel, actors: ActorSet, consumed: set[int]) -> None:
        self.model = model
        self.actors = actors
        self.consumed = consumed  # the finder's quotations already attributed: never offered again

    def quote_closing_before(self, position: int, sentence: Sentence) -> Quote | None:
        """A quotation whose closing mark comes before token position with no verb between (the subject and its
        titles may stand between: '"…," Varenia's envoy to the UN Petr Lind said')."""
        tokens = self.model.tokens
        k = position - 1
        while k >= sentence.first and k >= position - 14 and tokens[k].text[:1] not in QUOTE_MARKS:
            if tokens[k].verb and not tokens[k].tag == "VBN" or tokens[k].text in ".;:":
                return None
            k -= 1
        while k >= sentence.first and tokens[k].text in (",", "—", "–"):
            k -= 1
        if k < sentence.first or tokens[k].text[:1] not in QUOTE_MARKS:
            return None
        for quote in self.model.quotes:
            if (
                quote.first >= 0
                and quote.terminated
                and quote.last < k
                and self.model.tokens[quote.last].end <= tokens[k].start
                and tokens[k].start < quote.close <= tokens[k].end
                and quote.index not in self.consumed
                and not is_title(self.model, quote)  # 'speaking on the set of "The Early Show" Tuesday, X denied'
            ):
                return quote
        return None

    def quote_opening_after(self, position: int, sentence: Sentence) -> Quote | None:
        tokens = self.model.tokens
        k = position
        reach = min(k + _ADVERBIAL_BEFORE_THAT, sentence.last)
        that = next((j for j in range(k, reach + 1) if tokens[j].norm == "that"), None)
        if that is not None and all(t.tag in ("IN", "DT", "CD", "NNP", "NN", "RB", ",") for t in tokens[k:that]):
            k = that  # 'reported on Thursday that "…"': past the time it was said
        while k <= sentence.last and (tokens[k].text in (":", ",") or tokens[k].norm == "that"):
            k += 1
        if k > sentence.last or tokens[k].text[:1] not in QUOTE_MARKS:
            return None
        after_that = k > position and tokens[k - 1].norm == "that"
        for quote in self.model.quotes:
            if quote.open == tokens[k].start and quote.index not in self.consumed:
                if after_that and clause_goes_on(self.model, quote, sentence):
                    return None  # 'noted that "usual contacts" between them were …': the quote is inside a clause
                return quote
        return None

    def medium(self, first: int, last: int) -> str | None:
        for actor, mention in self.actors.within(first, last):
            if actor.type in MEDIUM_TYPES:
                return actor.key
        return None

    def medium_at_end(self, content: tuple[int, int], medium: str | None) -> tuple[tuple[int, int], str | None]:
        """'confirmed the payments to the Daily Courier': the outlet the words were given to is no content."""
        tokens = self.model.tokens
        first, last = content
        actor = self.actors.at(last)
        if actor is None or actor.type not in MEDIUM_TYPES:
            return content, medium
        mention = next(m for m in actor.mentions if m.first <= last <= m.last)
        k = mention.first - 1
        if k > first and tokens[k].norm == "the":
            k -= 1
        if k > first and tokens[k].norm in ("to", "in"):
            trimmed = trim(self.model, first, k - 1)
            if trimmed is not None:
                return trimmed, actor.key
        return content, medium

    def after_addressee(self, cue: CueHit, limit: int) -> int:
        tokens = self.model.tokens
        k = cue.last + 1
        while (
            k <= limit
            and tokens[k].text not in (":", ",")
            and tokens[k].text[:1] not in QUOTE_MARKS
            and tokens[k].norm != "that"
            and k - cue.last <= 8
        ):
            k += 1
        return k

    def quotation_joined(self, content: tuple[int, int]) -> Quote | None:
        """A quotation closing reported content after "and" ("…, and “Q”"): words quoted on their own."""
        tokens = self.model.tokens
        first, last = content
        for quote in self.model.quotes:
            opening = quote.first - 1  # the opening mark's token
            if (
                quote.first >= 0
                and first + 2 < opening - 1
                and quote.last <= last <= quote.last + 2
                and tokens[opening - 1].tag == "CC"
                and tokens[opening].text[:1] in QUOTE_MARKS
            ):
                return quote
        return None


def clause_start(
    model: TextModel, found: list[Attribution], position: int, sentence: Sentence, relaying: bool = False
) -> int:
    """Where the words before a frame at position start: the sentence start, or just after an earlier frame's end;
    a participle's, a passive's or a sourceless frame is inside them ("Papers alleging C are a smear, the envoy said",
    "It is the first time a journalist has been accused of treason, said X")."""
    start = sentence.first
    for earlier in found:
        if (
            earlier.sentence.start == sentence.start
            and earlier.content_last < position
            and earlier.content_last >= start
            and not earlier.direct
            and not _nested(model, earlier)
            and not (relaying and _relayed(model, earlier, position))
        ):
            start = max(start, earlier.content_last + 1)
    return start


def _nested(model: TextModel, earlier: Attribution) -> bool:
    if earlier.cue is None:
        return False
    return earlier.passive or earlier.speaker is None or model.tokens[model.token_at(earlier.cue.start)].tag == "VBG"


def _relayed(model: TextModel, earlier: Attribution, position: int) -> bool:
    """'Witnesses said that police beat them, the group said': a whole framed clause right before the frame is what
    the frame's source relays (relaying: the source is no outlet; "X said C, the BBC reported" is the outlet's
    report of X's words)."""
    return (
        earlier.cue is not None
        and earlier.content_last + 2 == position
        and model.tokens[position - 1].text == ","
        and model.token_at(earlier.cue.start) < earlier.content_first
    )
