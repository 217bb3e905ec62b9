"""Drafts → allegations: the same act against the same accused (or the organisation its unnamed managers belong to),
said by several sources, is one allegation with several claimants and pieces of evidence; a denial's implied
allegation joins the explicit one it answers. Two acts of one kind, each named by its own word ("tortured detainees",
"abducted activists"), are two allegations; a charge naming no act joins either."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from newskg.ingest.extract.claims.drafts import Draft
from newskg.ingest.extract.claims.values import GENERIC, VAGUE, Claim
from newskg.ingest.model import Span


def compatible(a: str, b: str, broader: dict[str, str]) -> bool:
    """Same type, one of them vague, or one narrower than the other (bribery within corruption)."""
    if a == b or a in VAGUE or b in VAGUE:
        return True

    def ancestors(t: str) -> set[str]:
        seen = set()
        while t in broader and t not in seen:
            seen.add(t)
            t = broader[t]
        return seen | {t}

    return b in ancestors(a) or a in ancestors(b)


def _specific(a: str, b: str, broader: dict[str, str]) -> str:
    if a in VAGUE:
        return b
    if b in VAGUE:
        return a
    return a if b in _ancestors_of(a, broader) else b


def _ancestors_of(t: str, broader: dict[str, str]) -> set[str]:
    seen: set[str] = set()
    while t in broader and t not in seen:
        seen.add(t)
        t = broader[t]
    return seen


@dataclass
class _Building:
    accused: list[str]
    claim_type: str
    evidence: Span
    summary: str
    claimants: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    beneficiaries: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    implied_only: bool = True
    first_stated: int = -1
    acts: set[str] = field(default_factory=set)
    act_tokens: set[int] = field(default_factory=set)

    def take(self, draft: Draft, broader: dict[str, str]) -> None:
        self.claim_type = _specific(self.claim_type, draft.claim_type, broader)
        for target, values in (
            (self.accused, draft.accused),
            (self.claimants, draft.claimants),
            (self.beneficiaries, draft.beneficiaries),
            (self.targets, draft.targets),
        ):
            target.extend(v for v in values if v not in target)
        if draft.claimant_note and draft.claimant_note not in self.notes and not draft.implied:
            self.notes.append(draft.claimant_note)
        if draft.statement is not None and draft.statement not in self.statements:
            self.statements.append(draft.statement)
        if self.implied_only and not draft.implied:
            self.evidence, self.summary, self.implied_only = draft.evidence, draft.summary, False
        if self.first_stated < 0 or draft.evidence.start < self.first_stated:
            self.first_stated = draft.evidence.start
        if draft.act is not None and not draft.implied:
            self.acts.add(draft.act)
        if draft.act_at is not None:
            self.act_tokens.add(draft.act_at)

    def other_act(self, draft: Draft) -> bool:
        """Both name an act, different ones, of a specific kind: "tortured detainees" and "detained opponents" are two
        allegations against one accused, though both are abuses."""
        named = draft.act is not None and not draft.implied and bool(self.acts)
        other = draft.act not in self.acts and draft.act_at not in self.act_tokens  # "dumping": the verb, the noun
        return named and other and VAGUE.isdisjoint({draft.claim_type, self.claim_type})

    def claim(self) -> Claim:
        claimants = [c for c in self.claimants if c not in self.accused]  # no one accuses themselves
        note = None if claimants else (self.notes[0] if self.notes else "unattributed")
        return Claim(
            accused=tuple(self.accused),
            claim_type=self.claim_type,
            evidence=self.evidence,
            summary=self.summary,
            claimants=tuple(claimants),
            claimant_note=note,
            beneficiaries=tuple(b for b in self.beneficiaries if b not in self.accused),
            targets=tuple(self.targets),
            statements=tuple(self.statements),
            confidence=0.6 if self.implied_only else 0.75,
            first_stated=self.first_stated,
        )


def _with_owners(claim: Claim, owners: dict[str, str]) -> Claim:
    """An unnamed group inside an organisation ("senior executives", "hospital managers") is accused together with
    the organisation, the party an analyst can name. While merging, the owner only widens the match (an accusation
    against the organisation joins one against its managers), so an allegation names the organisation once."""
    added = tuple(
        dict.fromkeys(
            owners[k]
            for k in claim.accused
            if k in owners and owners[k] not in claim.accused and owners[k] not in claim.claimants
        )
    )
    return replace(claim, accused=claim.accused + added) if added else claim


def _owned(accused: list[str], owners: dict[str, str]) -> list[str]:
    return accused + [owners[k] for k in accused if k in owners]


def merge(
    drafts: list[Draft],
    broader: dict[str, str],
    owners: dict[str, str] | None = None,
    same_names: dict[str, set[str]] | None = None,
) -> list[Claim]:
    """same_names: actors that are one by their names ("Halden" and "Halden Labs"): an allegation against either is
    the same allegation."""
    names = same_names or {}

    def overlap(one: list[str] | tuple[str, ...], other: tuple[str, ...]) -> bool:
        widened = set(one).union(*(names.get(k, set()) for k in one))
        return bool(widened & set(other))

    building: list[_Building] = []
    ordered = sorted(drafts, key=lambda d: (d.implied, d.evidence.start))
    unowned = [d for d in ordered if not d.accused]
    for draft in (d for d in ordered if d.accused):
        same = next(
            (
                b
                for b in building
                if overlap(_owned(b.accused, owners or {}), draft.accused)
                and compatible(b.claim_type, draft.claim_type, broader)
                and not b.other_act(draft)
            ),
            None,
        )
        if same is None and draft.implied:  # the organisation denies what its managers are accused of, too
            same = next((b for b in building if overlap(_owned(b.accused, owners or {}), draft.accused)), None)
        if same is None and draft.answers_earlier and any(
            not b.implied_only and b.evidence.start < draft.evidence.start for b in building
        ):
            continue  # "the tribunal rejected the claims": it answers the allegation stated before, accused of none
        if same is None:
            same = _Building(
                accused=list(draft.accused), claim_type=draft.claim_type, evidence=draft.evidence, summary=draft.summary
            )
            building.append(same)
        same.take(draft, broader)
    for draft in unowned:  # "a report that alleged state-sponsored doping": the one doping allegation's claimant too
        kind = [b for b in building if not b.implied_only and _specific_match(b.claim_type, draft.claim_type, broader)]
        if len(kind) == 1:
            kind[0].take(draft, broader)
    return [_with_owners(b.claim(), owners or {}) for b in sorted(building, key=lambda b: b.evidence.start)]


def _specific_match(one: str, other: str, broader: dict[str, str]) -> bool:
    """Kinds of one specific wrong (neither vague nor the fallback), one within the other."""
    return VAGUE.isdisjoint({one, other}) and GENERIC not in (one, other) and compatible(one, other, broader)
