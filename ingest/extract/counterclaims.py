"""What the accused side says about the acts it is accused of: an admission restricted to something else ("we provided
only humanitarian aid") denies; an admission without restriction is no claim against anyone; saying that someone else
did it ("the attack was carried out by bandits") shifts the blame and so contests the allegation."""

from __future__ import annotations

from ingest.extract.claims import Claim
from ingest.extract.lexicon import Lexicon
from ingest.model import Allegation, Statement


def accused_side_stance(text: str, statement: Statement, lexicon: Lexicon) -> str:
    """The stance of the accused (or an actor of its side) asserting its own act."""
    if lexicon.restrictive_re.search(text, statement.content.start, statement.content.end):
        return "denies"
    cue = lexicon.reporting_cue(statement.cue.text) if statement.cue else None
    return statement.stance if cue is not None and cue.stance in {"supports", "confirms"} else "neutral"


def shifts_blame(claims: list[Claim], allegation: Allegation, accused_side: set[str], lexicon: Lexicon) -> bool:
    """Whether the claims say an act of the allegation's kind (or of no known kind) was done by someone not accused."""
    for claim in claims:
        if claim.negated:
            continue
        doers = {r.actor.iri for r in claim.accused}
        same_kind = claim.claim_type is None or allegation.claim_type is None or \
            lexicon.related_types(claim.claim_type, allegation.claim_type)
        if same_kind and not doers & accused_side:
            return True
    return False
