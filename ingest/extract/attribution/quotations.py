"""Quotations that are not statements of their own: a title in title case, a quotation inside a reported clause, a
quotation nested in a longer statement of the same speaker."""

from __future__ import annotations

from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.text.model import Quote, Sentence, TextModel

_SHORT_WORD = 3  # "vs.", "on", "the" stay lower case in a title
_TITLE_WORDS = 2
_TITLE_SHARE = 0.8


def is_title(model: TextModel, quote: Quote) -> bool:
    """A quotation in title case ("Fact vs. Fiction: Disinformation on Ukraine") names a headline, a report or a
    campaign; what people say is written in sentence case."""
    words = [t for t in model.tokens[quote.first : quote.last + 1] if t.is_word and len(t.text) > _SHORT_WORD]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return len(words) >= _TITLE_WORDS and capitalised >= _TITLE_SHARE * len(words)


def clause_goes_on(model: TextModel, quote: Quote, sentence: Sentence) -> bool:
    """Words of the same clause follow the quotation's closing mark."""
    tokens = model.tokens
    after = quote.last + 1
    while after <= sentence.last and tokens[after].start < quote.close:
        after += 1  # the closing mark
    return quote.terminated and after <= sentence.last and tokens[after].is_word


def quoted_within(quote: Attribution, found: list[Attribution]) -> bool:
    """'X noted that "usual contacts" between A and B were …': a quotation inside a longer statement of the same
    speaker is part of that statement, not one of its own."""
    if not quote.direct or quote.speaker is None:
        return False
    return any(
        other is not quote
        and other.speaker is not None
        and (other.speaker.actor_key, other.speaker.label) == (quote.speaker.actor_key, quote.speaker.label)
        and other.content.start <= quote.content.start
        and quote.content.end <= other.content.end
        and other.content.end - other.content.start > quote.content.end - quote.content.start
        for other in found
    )


def sourceless_within(inner: Attribution, found: list[Attribution]) -> bool:
    """'It is the first time a journalist has been accused of treason, said X': a report with no source inside a
    statement that has one is part of that statement's words."""
    if inner.speaker is not None:
        return False
    return any(
        other is not inner
        and other.speaker is not None
        and other.content.start <= inner.content.start
        and inner.content.end <= other.content.end
        for other in found
    )
