"""What the claims stage produces: allegations (who claims that whom did what), each statement's responses to them,
and the article's central allegation."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.model import Span

UNATTRIBUTED = "unattributed"
OUTLET = "outlet"
GENERIC = "other-wrongdoing"  # the type of a wrong no act word names
VAGUE = frozenset({GENERIC, "legal-action", "other-support"})  # types any more specific one may refine


@dataclass(frozen=True)
class Claim:
    """One allegation. claimants/accused/beneficiaries/targets are actor keys; claimant_note says who claims it when
    no actor does (UNATTRIBUTED or OUTLET); statements: the attributions that make it (indexes)."""

    accused: tuple[str, ...]
    claim_type: str
    evidence: Span
    summary: str
    claimants: tuple[str, ...] = ()
    claimant_note: str | None = None
    beneficiaries: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    statements: tuple[int, ...] = ()
    certainty: str | None = None
    confidence: float = 0.7
    first_stated: int = -1  # offset of the earliest words stating it, a denial's too (-1: the evidence's)

    @property
    def stated_from(self) -> int:
        return self.first_stated if self.first_stated >= 0 else self.evidence.start

    @property
    def discriminator(self) -> str:
        return f"{self.claim_type}|{','.join(sorted(self.accused))}|{self.evidence.start}"

    @property
    def fingerprint(self) -> str:
        return "|".join([self.claim_type, ",".join(sorted(self.accused)), ",".join(sorted(self.beneficiaries))])


@dataclass(frozen=True)
class StanceLink:
    statement: int  # index of the attribution
    allegation: int  # index of the claim
    stance: str


@dataclass(frozen=True)
class ClaimsResult:
    allegations: tuple[Claim, ...]
    responses: tuple[StanceLink, ...]
    central: int | None
    central_stance: tuple[str, ...]  # per statement: its stance toward the central allegation
    certainty: tuple[str | None, ...]  # per statement
    quote_fingerprints: tuple[str, ...]  # per statement ("" for reported statements)

    @classmethod
    def empty(cls, statements: int) -> ClaimsResult:
        return cls(
            allegations=(),
            responses=(),
            central=None,
            central_stance=("neutral",) * statements,
            certainty=(None,) * statements,
            quote_fingerprints=("",) * statements,
        )
