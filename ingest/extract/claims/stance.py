"""Each statement's stance towards each allegation it addresses — never towards every allegation of the article.

A statement addresses an allegation when it makes it; when its speaker is on the accused's side (the accused, its
lawyers or spokespeople, its own bodies) and it denies, evaluates, refers to or speaks of the act; or when it names
the accused together with the act, or refers to the allegation ("the charges", "the claims", "the report").
Its stance comes from, in order: making the allegation (supports); the reporting act (deny, dismiss, downplay,
confirm); what the content says of the claim ("baseless", "politically motivated", "only a small part"; restricting
words count only from the accused's side, where an admission of less is a denial); a denied act of the accused; the
speaker's side (an accuser supports). A side is evidence, not a verdict: an accused who confirms is confirming.
"""

from __future__ import annotations

from ingest.extract.actors.values import ActorSet
from ingest.extract.attribution.values import Attribution
from ingest.extract.claims.acts import ActReader
from ingest.extract.claims.merge import compatible
from ingest.extract.claims.stances import ASSESSES, NEUTRAL, SUPPORTS, contests
from ingest.extract.claims.values import Claim, StanceLink
from ingest.extract.lexicon.entries import Lexicon
from ingest.extract.text.model import TextModel

_REFERENCE_CLASSES = frozenset({"noun-accusing", "noun-rumour"})


def cue_stance_of(a: Attribution) -> str | None:
    """The stance the reporting act itself takes (accusing supports, denying denies...), None for a plain saying."""
    stance = a.cue_entry.stance if a.cue_entry else NEUTRAL
    return None if stance in (NEUTRAL, ASSESSES) else stance


class StanceReader:
    def __init__(
        self,
        model: TextModel,
        actors: ActorSet,
        lexicon: Lexicon,
        acts: ActReader,
        attributions: tuple[Attribution, ...],
    ) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.acts = acts
        self.attributions = attributions

    def camp(self, key: str) -> set[str]:
        """An actor with what it belongs to and what else belongs there: a Varenian official, Varenia, its
        intelligence service are one camp."""
        camp = {key}
        actor = self.actors.by_key.get(key)
        while actor is not None and actor.affiliation and actor.affiliation not in camp:
            camp.add(actor.affiliation)
            actor = self.actors.by_key.get(actor.affiliation)
        return camp

    def _side(self, speaker: str | None, keys: tuple[str, ...]) -> bool:
        """The speaker is one of keys, or of the same camp as one of them."""
        if speaker is None:
            return False
        mine = self.camp(speaker)
        return any(mine & self.camp(k) for k in keys)

    def _words(self, a: Attribution, accused_side: bool) -> str | None:
        """The stance of the evaluative words in the content, the class of highest precedence winning."""
        found = [
            match.entry
            for match in self.lexicon.stance_words.find(self.model, a.content_first, a.content_last, lenient=True)
            if accused_side or not match.entry.restrictive
        ]
        return min(found, key=lambda entry: entry.precedence).stance if found else None

    def _refers(self, a: Attribution) -> bool:
        """The content names an allegation or a document about it ("the allegations", "the charges", "the report",
        "the alleged assistance")."""
        words = self.lexicon.words
        for k in range(a.content_first, a.content_last + 1):
            token = self.model.tokens[k]
            if token.lemma in words.documents:
                return True
            if any(h.entry.certainty == "alleged" for h in self.lexicon.hedges.at(self.model, k, lenient=True)):
                return True
            if any(m.entry.cue_class in _REFERENCE_CLASSES for m in self.lexicon.cues.at(self.model, k, lenient=True)):
                return True
        return False

    def _negation(self, a: Attribution) -> bool:
        words = self.lexicon.words
        return any(words.is_("negation", t.norm) for t in self.model.tokens[a.content_first : a.content_last + 1])

    def _mentions(self, a: Attribution, keys: tuple[str, ...]) -> bool:
        return bool(set(self.acts.syntax.actor_keys_at(a.content_first, a.content_last)) & set(keys))

    def links(self, claims: list[Claim], broader: dict[str, str]) -> list[StanceLink]:
        links: list[StanceLink] = []
        for n, a in enumerate(self.attributions):
            speaker = a.speaker.actor_key if a.speaker else None
            cue_class = a.cue_entry.cue_class if a.cue_entry else None
            content_acts = [act for act in self.acts.find(a.content_first, a.content_last)]
            refers = self._refers(a)
            for c_index, claim in enumerate(claims):
                if n in claim.statements:
                    links.append(StanceLink(n, c_index, "supports"))
                    continue
                if claim.evidence.start > a.content.end and not refers:
                    continue  # a statement answers what was said before it, unless it names the claim
                accused_side = self._side(speaker, claim.accused)
                claimant_side = self._side(speaker, claim.claimants)
                act_match = any(
                    compatible(act.event_type, claim.claim_type, broader)
                    and (not act.accused or set(act.accused) & set(claim.accused))
                    for act in content_acts
                )
                negated = any(act.negated and set(act.accused) & set(claim.accused) for act in content_acts)
                mentions = self._mentions(a, claim.accused)
                cue_stance = cue_stance_of(a)
                contesting = cue_stance is not None and contests(cue_stance, self.lexicon.report_stances)
                doer_match = any(
                    compatible(act.event_type, claim.claim_type, broader) and set(act.accused) & set(claim.accused)
                    for act in content_acts
                )
                addressed = (
                    (
                        accused_side
                        and (
                            cue_stance is not None or refers or act_match or negated or self._words(a, True) is not None
                        )
                    )
                    or (mentions and (act_match or contesting))
                    or doer_match
                    or (refers and (accused_side or claimant_side or mentions))
                    or claimant_side
                )
                if not addressed:
                    continue
                negated = negated or (mentions or act_match) and self._negation(a)
                stance = self._stance(a, cue_stance, accused_side, claimant_side, negated)
                links.append(StanceLink(n, c_index, stance))
        return links

    def _stance(
        self, a: Attribution, cue_stance: str | None, accused_side: bool, claimant_side: bool, negated: bool
    ) -> str:
        words = self._words(a, accused_side)
        if cue_stance == "confirms" and accused_side and words in ("denies", "downplays"):
            return words
        if cue_stance is not None and not (cue_stance == "supports" and accused_side):
            return cue_stance
        if words is not None and not (words == "supports" and accused_side):
            return words
        if negated:
            return "denies" if accused_side else "downplays"
        if claimant_side:
            return "supports"
        if accused_side:
            return "denies"  # the accused's side answering: a denial unless it says otherwise
        if a.cue_entry is not None and a.cue_entry.cue_class == "assessing":
            return "assesses"
        return "neutral"

    def toward_central(self, n: int, main: int | None, claims: list[Claim], links: list[StanceLink]) -> str:
        """Statement n's stance toward the central allegation: its response to it; else, when it answers no other
        allegation, what its own words say (an accusation supports, a denial denies) — an article is mostly about
        its central allegation; else neutral."""
        if main is None:
            return "neutral"
        mine = {link.allegation: link.stance for link in links if link.statement == n}
        if main in mine:
            return mine[main]
        central_camp = set().union(*(self.camp(k) for k in claims[main].accused))
        related = [
            stance
            for allegation, stance in mine.items()
            if any(self.camp(k) & central_camp for k in claims[allegation].accused)
        ]
        if related:  # an allegation against the same camp ("Varenia's intelligence service" and Varenia)
            return next((s for s in related if s != "neutral"), related[0])
        if mine:
            return "neutral"
        a = self.attributions[n]
        speaker = a.speaker.actor_key if a.speaker else None
        accused_side = self._side(speaker, claims[main].accused)
        cue_stance = cue_stance_of(a)
        if cue_stance == SUPPORTS and accused_side:
            cue_stance = None
        return self._stance(
            a, cue_stance, accused_side, self._side(speaker, claims[main].claimants), accused_side and self._negation(a)
        )
