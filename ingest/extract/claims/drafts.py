"""A claim as one stage of the claims reader finds it, before claims are merged into allegations."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.claims.acts import Act
from newskg.ingest.extract.claims.values import GENERIC
from newskg.ingest.model import Span


@dataclass(frozen=True)
class Draft:
    """A claim before claims are merged: who claims (statement n's speaker, or a note), against whom, what."""

    accused: tuple[str, ...]
    claim_type: str
    evidence: Span
    summary: str
    claimants: tuple[str, ...]
    claimant_note: str | None
    statement: int | None
    beneficiaries: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    implied: bool = False  # inferred from a denial: joins an explicit allegation when one exists
    wrongful: bool = False
    # "X rejected the claims": a denial naming no act, which answers an allegation stated before it if there is one
    answers_earlier: bool = False
    act: str | None = None  # the lemma of the act it names ("torture", "detain"), None for a charge naming none
    act_at: int | None = None  # the act's first token

    @classmethod
    def of_act(
        cls,
        act: Act | None,
        *,
        accused: tuple[str, ...],
        evidence: Span,
        summary: str,
        claimants: tuple[str, ...],
        claimant_note: str | None,
        statement: int | None,
        implied: bool = False,
        wrongful: bool = True,
    ) -> Draft:
        """A claim of an act (or of a wrong no act of the lexicon names): its type, who gained and who was harmed."""
        return cls(
            accused=accused,
            claim_type=act.event_type if act is not None else GENERIC,
            evidence=evidence,
            summary=summary,
            claimants=claimants,
            claimant_note=claimant_note,
            statement=statement,
            beneficiaries=act.beneficiaries if act is not None else (),
            targets=act.targets if act is not None else (),
            implied=implied,
            wrongful=wrongful,
            act=act.entry.lemma if act is not None else None,
            act_at=act.first if act is not None else None,
        )
