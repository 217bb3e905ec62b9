"""Counter-charges. Whoever calls a charge a scam, a witch hunt or politically motivated (the accused's side, mostly)
says its makers acted in bad faith: an allegation of its own, by the speaker, against the body its words name
("called the Senate inquiry a kangaroo court"), else against those who made the charge it answers; one allegation per
accused, with each speaker who makes it."""

from __future__ import annotations

from dataclasses import replace

from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.acts import ActReader
from newskg.ingest.extract.claims.sides import Sides
from newskg.ingest.extract.claims.stances import CONTESTING, SUPPORTS
from newskg.ingest.extract.claims.summary import fallback
from newskg.ingest.extract.claims.values import GENERIC, Claim, StanceLink
from newskg.ingest.extract.claims.wording import Wording
from newskg.ingest.extract.text.model import TextModel


class CounterCharges:
    def __init__(self, model: TextModel, sides: Sides, acts: ActReader, wording: Wording) -> None:
        self.model = model
        self.sides = sides
        self.acts = acts
        self.wording = wording

    def add(
        self, attributions: tuple[Attribution, ...], claims: list[Claim], links: list[StanceLink]
    ) -> tuple[list[Claim], list[StanceLink]]:
        """The claims and links with each statement's counter-charge added, joined to an allegation of a wrong no act
        names against the same actors when there is one (the speaker becomes one of its claimants)."""
        claims, links = list(claims), list(links)
        for n, a in enumerate(attributions):
            speaker = a.speaker.actor_key if a.speaker is not None else None
            if speaker is None or not self._impugns(a):
                continue
            answered = [
                claims[link.allegation]
                for link in links
                if link.statement == n
                and link.stance in CONTESTING
                and not self.sides.side(speaker, claims[link.allegation].claimants)
            ]
            accused = self._accused(speaker, a, answered)
            if not accused:
                continue
            same = next(
                (c for c, claim in enumerate(claims) if claim.claim_type == GENERIC and {*claim.accused} & {*accused}),
                None,
            )
            if same is None:
                claims.append(
                    Claim(
                        accused=accused,
                        claim_type=GENERIC,
                        evidence=a.content,
                        summary=fallback(self.model, self._label(accused), a.content_first, a.content_last),
                        claimants=(speaker,),
                        statements=(n,),
                    )
                )
                same = len(claims) - 1
            elif n not in claims[same].statements:
                joined = claims[same]
                claimants = joined.claimants if speaker in joined.claimants else (*joined.claimants, speaker)
                claims[same] = replace(joined, claimants=claimants, statements=(*joined.statements, n))
            links.append(StanceLink(n, same, SUPPORTS))
        return claims, links

    def _impugns(self, a: Attribution) -> bool:
        """Bad faith imputed to the claim itself, not to the doer of an act told instead ("the attack was carried out
        by bandits trying to discredit the group" tells who did it)."""
        impugning = self.wording.impugning(a.content_first, a.content_last)
        acts = self.acts.find(a.content_first, a.content_last)
        told = any(not act.negated and act.first not in impugning for act in acts)  # "a scam" names no act done
        return bool(impugning) and not told

    def _accused(self, speaker: str, a: Attribution, answered: list[Claim]) -> tuple[str, ...]:
        if not answered:
            return ()
        named = [
            k
            for k in self.acts.syntax.actor_keys_at(a.content_first, a.content_last)
            if not self.sides.side(speaker, (k,)) and not any(self.sides.side(k, claim.accused) for claim in answered)
        ]
        makers = [k for claim in answered for k in claim.claimants if not self.sides.side(speaker, (k,))]
        return tuple(dict.fromkeys(named or makers))

    def _label(self, keys: tuple[str, ...]) -> str:
        return " and ".join(self.sides.actors.by_key[k].label for k in keys if k in self.sides.actors.by_key)
