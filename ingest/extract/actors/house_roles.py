"""An in-house role with no organisation named beside it ("said chief executive Jane Doe", "a bank spokeswoman",
"senior executives") belongs to the organisation the text named last before it, in the same or the sentence before:
news names the company and then quotes its people."""

from __future__ import annotations

from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import TextModel

HOUSE_ROLE = "house-role"
_OWNER_TYPES_EXCLUDED = ("Person", "MediaOutlet", "AnonymousSource", "ActorGroup")
_SENTENCES_BACK = 1


def in_house(role: str | None, label: str, words: WordTables) -> bool:
    """The role or the description names a post inside an organisation."""
    return any(words.is_(HOUSE_ROLE, w) for w in name_key(role or label).split())


def owner_before(
    model: TextModel, first_token: int, organisations: list[tuple[int, str, str]]
) -> str | None:
    """The key of the organisation mentioned last before token first_token, no further back than the sentence
    before. organisations: (last token of a mention, key, type), in any order."""
    sentence = model.tokens[first_token].sentence
    earlier = [
        (last, key)
        for last, key, kind in organisations
        if last < first_token
        and kind not in _OWNER_TYPES_EXCLUDED
        and sentence - model.tokens[last].sentence <= _SENTENCES_BACK
    ]
    return max(earlier)[1] if earlier else None
