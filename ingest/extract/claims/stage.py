"""The claims stage (placeholder while its parts are built): no allegations yet."""

from __future__ import annotations

from ingest.extract.actors.values import ActorSet
from ingest.extract.attribution.values import Attribution
from ingest.extract.claims.values import ClaimsResult
from ingest.extract.lexicon.entries import Lexicon
from ingest.extract.text.model import TextModel
from ingest.model import ArticleDoc


def find_claims(model: TextModel, actors: ActorSet, attributions: tuple[Attribution, ...], lexicon: Lexicon,
                doc: ArticleDoc) -> ClaimsResult:
    return ClaimsResult.empty(len(attributions))
