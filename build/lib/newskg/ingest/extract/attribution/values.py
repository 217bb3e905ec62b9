"""What attribution produces: statements as values (who, cue, what), before stance and allegations are weighed."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.lexicon.entries import Cue
from newskg.ingest.model import Span


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to: an actor of the article (actor_key), or words that name no actor the
    article has (actor_key None, label the words as written)."""

    actor_key: str | None
    label: str
    first: int  # tokens of the words that name the speaker here ("he", "the minister", "Naidenov")
    last: int


@dataclass(frozen=True)
class Attribution:
    """One attributed statement.

    speaker None: the text gives no source ("rumours that ...", "it is understood that ...").
    cue_entry: the lexicon's reporting cue (None for a quotation continued without a cue).
    medium_key: the actor the statement was given to or published in ("told Reuters").
    passive: the reporting verb is passive ("X was accused of ...", "is said to").
    """

    speaker: Speaker | None
    cue: Span | None
    cue_entry: Cue | None
    content: Span
    content_first: int
    content_last: int
    sentence: Span
    direct: bool
    medium_key: str | None = None
    passive: bool = False
    certainty: str | None = None
    accused_key: str | None = None  # the object of an accusing cue ("accused X of ...")
