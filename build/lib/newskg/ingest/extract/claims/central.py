"""The central allegation: the one the headline or the lead states — its accused or its act named in the headline,
stated early, made by many statements."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.claims.values import Claim
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import TextModel

LEAD_SENTENCES = 3


def central(claims: list[Claim], model: TextModel, actors: ActorSet, title: str | None) -> int | None:
    if not claims:
        return None
    headline = f" {name_key(title or '')} "
    lead_end = model.sentences[min(LEAD_SENTENCES, len(model.sentences)) - 1].end if model.sentences else 0

    def score(n: int) -> float:
        claim = claims[n]
        names = [actors.by_key[k] for k in claim.accused if k in actors.by_key]
        in_title = any(
            f" {name_key(form)} " in headline
            for actor in names
            for form in [actor.label, *(m.span.text for m in actor.mentions)]
        )
        act_in_title = any(f" {w} " in headline for w in name_key(claim.summary).split()[1:] if len(w) > 4)
        lead = claim.evidence.start <= lead_end
        answers = len(claim.statements) + len(claim.claimants)
        return 3.0 * in_title + 1.0 * act_in_title + 2.0 * lead + 0.5 * answers - 0.0001 * claim.evidence.start

    return max(range(len(claims)), key=score)
