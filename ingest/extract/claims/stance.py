"""Each statement's stance towards each allegation it addresses — never towards every allegation of the article.

A statement addresses an allegation when it makes it; when its speaker is on the accused's side (the accused, its
lawyers or spokespeople, its own bodies) and it denies, evaluates, negates, refers to or speaks of the act; when its
speaker is on the claimant's side; when it names the accused (or the claimant) together with the act, a judgement or
a reference to the claim; or, naming no one the article accuses, when it refers to a claim ("the accusations", "such
claims") or judges or negates an act of the same kind: then it answers the central allegation (or, before the central
one is stated, the latest one). A statement that echoes another ("echoed this view") takes that one's stances.
Its stance comes from, in order: making the allegation (supports); the reporting act (deny, dismiss, downplay,
confirm); what the content says of the claim (wording.py); a denied act; the speaker's side (an accuser supports).
A side is evidence, not a verdict: an accused who confirms is confirming.
"""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.acts import Act, ActReader
from newskg.ingest.extract.claims.merge import VAGUE, compatible
from newskg.ingest.extract.claims.sides import Sides
from newskg.ingest.extract.claims.stances import ASSESSES, DENIES, DISMISSES, DOWNPLAYS, NEUTRAL, SUPPORTS
from newskg.ingest.extract.claims.values import Claim, StanceLink
from newskg.ingest.extract.claims.wording import Wording, refers_to_claim
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

ECHOING = "echoing"


def cue_stance_of(a: Attribution) -> str | None:
    """The stance the reporting act itself takes (accusing supports, denying denies...), None for a plain saying."""
    stance = a.cue_entry.stance if a.cue_entry else NEUTRAL
    return None if stance in (NEUTRAL, ASSESSES) else stance


@dataclass(frozen=True)
class _Reading:
    """What one statement's content holds, read once."""

    speaker: str | None
    acts: tuple[Act, ...]
    named: frozenset[str]  # actors named in the content, with their camps
    refers: bool
    negation: bool
    cue_stance: str | None
    future: bool  # "will cooperate with the inquiry": what is yet to happen takes no side by itself
    no_answer: bool  # the accused's side telling what it will do or a step it takes ("is cooperating")
    makes: bool  # the statement makes an allegation of its own
    unsaid: bool  # "they did not allege that he hid cash": a negated report, a rebuttal of what follows
    accused_in_it: frozenset[str]  # "according to the charge, X is accused of C": X's camp, accused by the speaker


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
        self.sides = Sides(actors, lexicon.words)
        self.wording = Wording(model, lexicon)

    def _refers(self, a: Attribution) -> bool:
        return refers_to_claim(self.model, self.lexicon, a.content_first, a.content_last)

    def _read(self, a: Attribution, makes: bool) -> _Reading:
        tokens = self.model.tokens
        named = self.acts.syntax.actor_keys_at(a.content_first, a.content_last)
        return _Reading(
            speaker=a.speaker.actor_key if a.speaker else None,
            acts=tuple(self.acts.find(a.content_first, a.content_last)),
            named=frozenset().union(*(self.sides.camp(k) for k in named)) if named else frozenset(),
            refers=self._refers(a),
            negation=self.negates(a),
            cue_stance=cue_stance_of(a),
            future=self._future(a),
            no_answer=self._no_answer(a),
            makes=makes,
            unsaid=any(
                m.entry.pos == "verb" and tokens[m.first].verb and self.acts.syntax.negated(m.first, a.content_first)
                for m in self.lexicon.cues.find(self.model, a.content_first, a.content_last, lenient=True)
            ),
            accused_in_it=self._accused_in_it(a),
        )

    def _accused_in_it(self, a: Attribution) -> frozenset[str]:
        """The camps of those the content says are accused, by no one it names ("X is accused of C", "X was charged
        with C"): the speaker's own accusation, as a charge sheet or an indictment words it."""
        syntax = self.acts.syntax
        found: set[str] = set()
        for m in self.lexicon.cues.find(self.model, a.content_first, a.content_last, lenient=True):
            k = m.first
            if not (m.entry.accuses_object and self.model.tokens[k].verb and syntax.passive(k, a.content_first)):
                continue
            if syntax.negated(k, a.content_first) or syntax.after(m.last + 1, a.content_last, "agent-preposition"):
                continue
            for key in syntax.subject(k, a.content_first)[0]:
                found |= self.sides.camp(key)
        return frozenset(found)

    def negates(self, a: Attribution) -> bool:
        """The statement's content has a negation."""
        content = self.model.tokens[a.content_first : a.content_last + 1]
        return any(self.lexicon.words.is_("negation", t.norm) for t in content)

    def _words(self, a: Attribution, accused_side: bool) -> str | None:
        return self.wording.stance(a.content_first, a.content_last, accused_side)

    def referent(self, n: int, claims: list[Claim], central: int | None) -> int | None:
        """The allegation a statement naming no accused answers: the central one once stated, else the latest one
        stated before it."""
        a = self.attributions[n]
        before = [c for c, claim in enumerate(claims) if claim.stated_from <= a.content.end]
        if central is not None and central in before:
            return central
        return before[-1] if before else central

    def links(self, claims: list[Claim], broader: dict[str, str], central: int | None) -> list[StanceLink]:
        links: list[StanceLink] = []
        for n, a in enumerate(self.attributions):
            if a.cue_entry is not None and a.cue_entry.cue_class == ECHOING:
                links += self._echo(n, links)
                continue
            reading = self._read(a, any(n in claim.statements for claim in claims))
            accused_anywhere = any(reading.named & self.sides.camps(claim.accused) for claim in claims)
            referent = self.referent(n, claims, central)
            for c, claim in enumerate(claims):
                if n in claim.statements:
                    links.append(StanceLink(n, c, SUPPORTS))
                    continue
                stance = self._response(a, reading, claim, broader, c == referent and not accused_anywhere)
                if stance is not None:
                    links.append(StanceLink(n, c, stance))
        return links

    def _echo(self, n: int, links: list[StanceLink]) -> list[StanceLink]:
        """'X echoed this view': the stances of the statement before it."""
        earlier = [link for link in links if link.statement == n - 1]
        return [StanceLink(n, link.allegation, link.stance) for link in earlier]

    def _response(
        self, a: Attribution, reading: _Reading, claim: Claim, broader: dict[str, str], unanchored: bool
    ) -> str | None:
        """The statement's stance towards one allegation, None when it does not address it."""
        sides = self.sides
        accused = sides.camps(claim.accused)
        kind = [act for act in reading.acts if compatible(act.event_type, claim.claim_type, broader)]
        by_accused = [act for act in kind if sides.camps(act.accused) & accused and not act.negated]
        if claim.stated_from > a.content.end and not reading.refers and not by_accused:
            return None  # a statement answers what was said before it, unless it names the claim or the act
        accused_side = sides.side(reading.speaker, claim.accused)
        claimant_side = sides.side(reading.speaker, claim.claimants) and not accused_side
        same_kind = [act for act in kind if act.event_type not in VAGUE]
        by_others = [act for act in reading.acts if act.accused and not sides.camps(act.accused) & accused]
        negated = any(
            act.negated
            and (not act.accused or sides.camps(act.accused) & accused)
            and (act.entry.wrongful or act in same_kind or bool(sides.camps(act.accused) & accused))
            for act in kind
        )
        words = self._words(a, accused_side)
        named = bool(reading.named & (accused | sides.camps(claim.claimants)))
        contesting = reading.cue_stance is not None and reading.cue_stance != SUPPORTS
        if reading.makes:  # making an allegation of its own, it answers another only by contesting it
            addressed = bool(by_accused) or (accused_side or named) and (contesting or negated)
        else:
            addressed = (
                claimant_side
                or bool(by_accused)
                or accused_side
                and (contesting or reading.refers or bool(kind) or reading.negation or words is not None)
                or named
                and (bool(kind) or reading.refers or words is not None or reading.cue_stance is not None)
                or bool(reading.accused_in_it & accused)
                or unanchored
                and not by_others
                and (reading.refers or bool(same_kind) or negated or words is not None and bool(kind))
            )
        if not addressed:
            return None
        negated = negated or accused_side and reading.negation or reading.unsaid and bool(kind)
        # a witness, an official or a report telling of the act as done bears the allegation out
        tells = (
            not accused_side
            and not reading.future
            and not negated
            and (
                bool(by_accused)
                or any(not x.negated and not x.claimed for x in same_kind)
                or bool(reading.accused_in_it & accused)
            )
        )
        return self._stance(
            a,
            reading.cue_stance,
            accused_side and not reading.no_answer,
            claimant_side and not reading.future,
            negated,
            tells=tells,
        )

    def _stance(
        self,
        a: Attribution,
        cue_stance: str | None,
        accused_side: bool,
        claimant_side: bool,
        negated: bool,
        *,
        tells: bool = False,
    ) -> str:
        words = self._words(a, accused_side)
        if cue_stance == "confirms" and accused_side and words in (DENIES, DOWNPLAYS):
            return words
        if cue_stance is None and self._concedes_then_limits(a):
            return DOWNPLAYS  # "some transactions were affected, but no card numbers were taken"
        if cue_stance is not None and not (cue_stance == SUPPORTS and accused_side):
            return cue_stance
        if words is not None and not (words == SUPPORTS and (accused_side or negated)):
            return words  # a backing word does not outweigh a denied act ("never sold information")
        if negated and not claimant_side:
            return DENIES  # an accuser's "the department did not address the matter" tells of an omission
        if claimant_side or tells:
            return SUPPORTS
        if accused_side:
            return DENIES  # the accused's side answering: a denial unless it says otherwise
        if a.cue_entry is not None and a.cue_entry.cue_class == "assessing":
            return ASSESSES
        return NEUTRAL

    def _concedes_then_limits(self, a: Attribution) -> bool:
        """'A, but not B' / 'A, but only B': the content grants something, then a "but" or "however" inside it
        takes most of it back with a negation or a restricting word."""
        tokens = self.model.tokens
        words = self.lexicon.words
        first, last = a.content_first, a.content_last
        turn = next((k for k in range(first + 2, last) if words.is_("turning", tokens[k].norm)), None)
        if turn is None:
            return False
        granted = tokens[first:turn]
        if not any(t.verb for t in granted) or any(words.is_("negation", t.norm) for t in granted):
            return False
        if any(words.is_("negation", t.norm) for t in tokens[turn + 1 : last + 1]):
            return True
        return any(
            m.entry.restrictive or m.entry.stance == DOWNPLAYS
            for m in self.lexicon.stance_words.find(self.model, turn + 1, last, lenient=True)
        )

    def toward_central(self, n: int, main: int | None, claims: list[Claim], links: list[StanceLink]) -> str:
        """Statement n's stance toward the central allegation: its response to it; else, when it answers no other
        allegation, what its own words say (an accusation supports, a denial denies) — an article is mostly about
        its central allegation; else neutral."""
        if main is None:
            return NEUTRAL
        mine = {link.allegation: link.stance for link in links if link.statement == n}
        if main in mine:
            return mine[main]
        a = self.attributions[n]
        speaker = a.speaker.actor_key if a.speaker else None
        accused_side = self.sides.side(speaker, claims[main].accused)
        central_camp = self.sides.camps(claims[main].accused)
        related = [
            stance
            for allegation, stance in mine.items()
            if self.sides.camps(claims[allegation].accused) & central_camp
            # the accused's side telling what its partner did ("their engagements did little") is no backing
            and not (accused_side and n in claims[allegation].statements)
        ]
        if related:  # an allegation against the same camp ("Varenia's intelligence service" and Varenia)
            return next((s for s in related if s != NEUTRAL), related[0])
        backs_same_kind = any(
            stance == SUPPORTS and claims[allegation].claim_type == claims[main].claim_type
            for allegation, stance in mine.items()
        )
        if backs_same_kind and claims[main].claim_type not in VAGUE and not accused_side:
            return SUPPORTS  # the same wrong charged to others the text names apart ("the defendants diverted …")
        if mine:
            # answering other allegations; the accused's side playing the story down in its own words still does
            words = self._words(a, accused_side) if accused_side else None
            return words if words in (DENIES, DISMISSES, DOWNPLAYS) else NEUTRAL
        cue_stance = cue_stance_of(a)
        if cue_stance == SUPPORTS and accused_side:
            cue_stance = None
        negation = accused_side and self.negates(a)
        answering = accused_side and not self._no_answer(a)  # "Ostria would strike its enemy": no answer to a charge
        stance = self._stance(a, cue_stance, answering, self.sides.side(speaker, claims[main].claimants), negation)
        if stance == NEUTRAL and not accused_side and self._tells_of_wrongdoing(a):
            return SUPPORTS  # a witness or an official telling of the wrong done bears it out
        return stance

    def _future(self, a: Attribution) -> bool:
        """The content tells of what is yet to happen ("will cooperate", "would strike")."""
        content = self.model.tokens[a.content_first : a.content_last + 1]
        return any(self.lexicon.words.is_("future-modal", t.norm) and t.verb for t in content)

    def _no_answer(self, a: Attribution) -> bool:
        """The accused's side telling of what it will do, or of a step it takes in answer that takes no side by
        itself ("is cooperating fully with the investigation", "has launched a review"): no denial."""
        content = self.model.tokens[a.content_first : a.content_last + 1]
        words = self.lexicon.words
        procedure = any(words.is_("procedure-word", t.lemma) for t in content)
        return self._future(a) or procedure and not any(words.is_("negation", t.norm) for t in content)

    def _tells_of_wrongdoing(self, a: Attribution) -> bool:
        """The content tells of a wrong as done (an act of the lexicon, not negated, not yet to come)."""
        if self._future(a):
            return False
        return any(not act.negated for act in self.acts.find(a.content_first, a.content_last))
