"""An in-house role with no organisation named beside it ("said chief executive Jane Doe", "a bank spokeswoman",
"senior executives") belongs to the organisation the text named last before it, in the same or the sentence before:
news names the company and then quotes its people."""

from __future__ import annotations

from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel

HOUSE_ROLE = "house-role"
BUSINESS_NOUN = "business-noun"
_OWNER_TYPES_EXCLUDED = ("Person", "MediaOutlet", "AnonymousSource", "ActorGroup")
_BUSINESS_OWNER = "Organization"  # "a company spokesperson" speaks for a company, not a ministry or a state
_SENTENCES_BACK = 1


def in_house(role: str | None, label: str, words: WordTables) -> bool:
    """The role or the description names a post inside an organisation."""
    return words.any_is(HOUSE_ROLE, role or label)


def business(label: str, words: WordTables) -> bool:
    """The description says the organisation is a business ("a company spokesperson", "the bank's managers")."""
    return words.any_is(BUSINESS_NOUN, label)


def owner_before(
    model: TextModel, first_token: int, organisations: list[tuple[int, str, str]], business_only: bool = False
) -> str | None:
    """The key of the organisation mentioned last before token first_token, no further back than the sentence
    before; only a business when business_only. organisations: (last token of a mention, key, type), any order."""
    sentence = model.tokens[first_token].sentence
    earlier = [
        (last, key)
        for last, key, kind in organisations
        if last < first_token
        and kind not in _OWNER_TYPES_EXCLUDED
        and (kind == _BUSINESS_OWNER or not business_only)
        and sentence - model.tokens[last].sentence <= _SENTENCES_BACK
    ]
    return max(earlier)[1] if earlier else None
