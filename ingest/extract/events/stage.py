"""The events stage (placeholder while it is ported to the text model)."""

from __future__ import annotations

from ingest.extract.actors import Registry
from ingest.extract.actors.values import ActorSet
from ingest.extract.attribution.values import Attribution
from ingest.extract.claims.values import ClaimsResult
from ingest.extract.lexicon.entries import Lexicon
from ingest.extract.text.model import TextModel
from ingest.iris import IriMinter
from ingest.model import ArticleDoc, Event


class EventFinder:
    def __init__(self, registry: Registry, lexicon: Lexicon, minter: IriMinter) -> None:
        self.registry = registry
        self.lexicon = lexicon
        self.minter = minter

    def find(self, doc: ArticleDoc, model: TextModel, actors: ActorSet, attributions: tuple[Attribution, ...],
             claims: ClaimsResult, iris: dict[str, str]) -> list[Event]:
        return []
