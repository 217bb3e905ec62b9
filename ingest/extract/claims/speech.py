"""Allegations from what sources say: accusing acts ("X accused Y of …", "Y was charged with …"), acts asserted in
a statement's content ("the Courier reported that Varenia sent rockets to the rebels"), and denials, which imply the
allegation they deny ("X denied any wrongdoing"). A claim's claimant is its speaker, or for a denial those it names as
making the claim ("denied allegations by Y"), or says that no one is named."""

from __future__ import annotations

from dataclasses import replace

from newskg.ingest.extract.actors.values import NAMED, ActorRecord, ActorSet
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.acts import Act, ActReader
from newskg.ingest.extract.claims.authority import acting_authority
from newskg.ingest.extract.claims.drafts import Draft
from newskg.ingest.extract.claims.summary import clause, fallback
from newskg.ingest.extract.claims.syntax import Syntax
from newskg.ingest.extract.claims.wording import claim_makers, refers_to_claim
from newskg.ingest.extract.claims.values import GENERIC, UNATTRIBUTED, VAGUE
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

ACCUSING = frozenset({"accusing", "accusing-object", "noun-accusing", "noun-rumour"})
DENYING = frozenset({"denying", "dismissing", "noun-denying"})


class SpeechClaims:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, acts: ActReader) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.acts = acts

    def _label(self, keys: tuple[str, ...]) -> str:
        labels = [self.actors.by_key[k].label for k in keys if k in self.actors.by_key]
        return " and ".join(labels) if labels else "someone"

    def _claimants(self, a: Attribution) -> tuple[tuple[str, ...], str | None]:
        if a.speaker is not None and a.speaker.actor_key is not None:
            return (a.speaker.actor_key,), None
        if a.speaker is None:
            framing = self._framing_source(a)
            if framing:
                return framing, None
        return (), UNATTRIBUTED

    def _framing_source(self, a: Attribution) -> tuple[str, ...]:
        """'X was charged with C, prosecutors said': a sourceless statement inside a sentence that a reporting frame
        after it attributes is that frame's source's."""
        model = self.model
        sentence = model.sentence_of(a.content_first)
        start = a.content_last + 1
        if start > sentence.last or model.tokens[start].text != ",":
            return ()
        for match in self.lexicon.cues.find(model, start + 1, sentence.last):
            if match.entry.pos == "verb" and model.tokens[match.first].verb:
                keys, _ = self.acts.syntax.subject(match.first, start + 1)
                return keys or self.acts.syntax.object(match.last + 1, sentence.last)
        return ()

    def _charge(self, a: Attribution) -> Act | None:
        """The act an accusation names: the first act after 'of/for/with/over' (or anywhere in the content)."""
        acts = self.acts.find(a.content_first, a.content_last)
        return acts[0] if acts else None

    def from_statement(self, n: int, a: Attribution) -> list[Draft]:
        entry = a.cue_entry
        cue_class = entry.cue_class if entry else None
        claimants, note = self._claimants(a)
        drafts: list[Draft] = []
        if entry is not None and entry.accuses_object:
            drafts += self._accusation(n, a, claimants, note)
        elif cue_class in DENYING:
            drafts += self._denial(n, a)
        else:
            drafts += self._asserted(n, a, claimants, note, cue_class)
        return drafts

    def _accusation(self, n: int, a: Attribution, claimants: tuple[str, ...], note: str | None) -> list[Draft]:
        """'X accused Y of C' (Y is the object), 'Y was accused of C' (Y is the subject of the passive). When the
        speaker names no actor of the article, the accusing verb's subject does ("prosecutors in Velsk accused")."""
        model = self.model
        syntax = self.acts.syntax
        cue_first = model.token_at(a.cue.start) if a.cue else a.content_first
        cue_last = model.token_at(a.cue.end - 1) if a.cue else a.content_first - 1
        floor = model.sentence_of(cue_first).first
        if not a.passive and self._reciprocal(cue_last + 1):
            return self._mutual(n, a, cue_first, floor)
        if a.passive:
            accused, _ = syntax.subject(cue_first, floor)
        else:
            accused = (a.accused_key,) if a.accused_key else syntax.object(cue_last + 1, a.content_last)
            if not claimants and a.cue is not None and not a.passive:
                subject, start = syntax.subject(cue_first, floor)
                # a pronoun the statement's own source left unnamed ("the government said it had indicted …")
                pronoun = a.speaker is not None and start is not None and model.tokens[start].tag == "PRP"
                if subject and not pronoun:
                    claimants, note = subject, None
        accused = tuple(k for k in accused if k not in claimants)
        if not accused:
            return []
        if not claimants and a.passive and self.lexicon.legal_actions.at(model, cue_first):
            claimants = acting_authority(self.actors, self.lexicon.words, accused, cue_first)  # "X was charged"
            note = None if claimants else note
        act = self.acts.charge(accused, a.content_first, a.content_last)
        label = self._label(accused)
        summary = (
            clause(model, act, label, a.content_last)
            if act is not None
            else fallback(model, label, self._after_object(a, cue_last), a.content_last)
        )
        draft = Draft.of_act(
            act,
            accused=accused,
            evidence=a.content,
            summary=summary,
            claimants=claimants,
            claimant_note=note,
            statement=n,
        )
        named = self.acts.named_in_charge(a.content_first, a.content_last) if act is None else None
        if act is None:
            return [replace(draft, claim_type=named) if named else draft]  # "indicted on bribery charges"
        others = [
            replace(draft, claim_type=other.event_type, summary=clause(model, other, label, a.content_last),
                    beneficiaries=other.beneficiaries, targets=other.targets, act=other.entry.lemma,
                    act_at=other.first)
            for other in self.acts.coordinated_charges(act, a.content_first, a.content_last)
        ]
        return [draft, *others]

    def _reciprocal(self, i: int) -> bool:
        """'accused each other', 'accuse one another'."""
        tokens = self.model.tokens
        return i + 1 < len(tokens) and self.lexicon.words.is_("reciprocal", f"{tokens[i].norm} {tokens[i + 1].norm}")

    def _mutual(self, n: int, a: Attribution, cue_first: int, floor: int) -> list[Draft]:
        """'X and Y accused each other of C', 'both countries accusing each other': an allegation each way between
        the parties the subject coordinates, else the two actors named last before the verb."""
        parties, _ = self.acts.syntax.subject(cue_first, floor)
        if len(parties) < 2:
            start = self.model.sentences[max(0, self.model.tokens[cue_first].sentence - 1)].first
            recent = [
                actor.key
                for actor, mention in self.actors.mentions_before(cue_first)
                if mention.first >= start and actor.kind == NAMED and actor.type != "Person"
            ]
            parties = tuple(dict.fromkeys(recent))[:2][::-1]  # in the order the text names them
        if len(parties) != 2:
            return []
        act = next(iter(self.acts.find(a.content_first, a.content_last)), None)
        charge = a.content_first + 2  # past "each other"
        if charge <= a.content_last and self.lexicon.words.is_("charge-preposition", self.model.tokens[charge].norm):
            charge += 1  # "… of violating the truce": violating the truce
        drafts = []
        for claimant, accused in (parties, parties[::-1]):
            label = self._label((accused,))
            drafts.append(
                Draft(
                    accused=(accused,),
                    claim_type=act.event_type if act is not None else GENERIC,
                    evidence=a.content,
                    summary=fallback(self.model, label, min(charge, a.content_last), a.content_last),
                    claimants=(claimant,),
                    claimant_note=None,
                    statement=n,
                    wrongful=True,
                )
            )
        return drafts

    def _after_object(self, a: Attribution, cue_last: int) -> int:
        """Where the charge starts in an accusation's content: after the accused named as its object."""
        start = max(a.content_first, cue_last + 1)
        end = self.acts.syntax.np_end(start, a.content_last)
        return end + 1 if end < a.content_last and self.actors.at(end) is not None else start

    def _asserted(
        self, n: int, a: Attribution, claimants: tuple[str, ...], note: str | None, cue_class: str | None
    ) -> list[Draft]:
        """Acts the content asserts of an actor: a claim by the speaker about that actor. A wrong is a claim
        whatever the verb of saying; other acts (sending, training, meeting) count where the saying is itself an
        accusation, a report of what was found, or no one is named for it."""
        drafts = []
        reporter = claimants and self.actors.by_key[claimants[0]].type == "MediaOutlet"
        accusing = (
            cue_class in ACCUSING
            or cue_class == "revealing"
            or note == UNATTRIBUTED
            or a.certainty == "alleged"
            or reporter
        )
        embedded = self._embedded_report(a)
        doer = self._hearsay_subject(a)
        for act in self.acts.find(a.content_first, a.content_last):
            if not act.accused and doer:
                act = self.acts.doing(act, doer, a.content_last)  # "X is said to have paid them": X paid them
            if embedded is not None and act.first > embedded:
                continue  # "says rumours that X did it resemble …": the speaker reports a report, not the act
            if act.claimed or self._hedged(act.first, a.content_first):
                continue  # "X's alleged assistance", "allegations of plagiarism": named as claimed, not claimed
            if not act.accused and accusing and act.entry.wrongful and not (act.negated or act.hypothetical):
                drafts.append(self._unowned(n, a, act, claimants, note))  # joins the one allegation of its kind
                continue
            if not act.accused or act.hypothetical or act.modal:
                continue
            if act.negated:
                if act.entry.wrongful or not self._other_camp(claimants, act.accused):
                    drafts += self._negated_act(n, a, act)
                continue  # "the department found that the firm did not pay overtime": an omission told, no denial
            # a vague act (support, help) is a claim about another camp where it says whom it served
            specific = act.event_type not in VAGUE or bool(act.beneficiaries) or not act.verbal
            if not (act.entry.wrongful or accusing or specific and self._other_camp(claimants, act.accused)):
                continue
            # the outlet the words were given to ("told the Post that …") is who reports, not who is accused
            accused = tuple(k for k in act.accused if k not in claimants and k != a.medium_key)
            if not accused:
                continue
            label = self._label(accused)
            summary = clause(self.model, act, label, a.content_last)
            drafts.append(
                Draft.of_act(
                    act,
                    accused=accused,
                    evidence=a.content,
                    summary=summary,
                    claimants=claimants,
                    claimant_note=note,
                    statement=n,
                    wrongful=act.entry.wrongful,
                )
            )
        return drafts

    def _unowned(self, n: int, a: Attribution, act: Act, claimants: tuple[str, ...], note: str | None) -> Draft:
        """'a report that alleged "state-sponsored doping"': a wrong alleged with no doer named."""
        return Draft.of_act(
            act,
            accused=(),
            evidence=a.content,
            summary=clause(self.model, act, "someone", a.content_last),
            claimants=claimants,
            claimant_note=note,
            statement=n,
        )

    def _hearsay_subject(self, a: Attribution) -> tuple[str, ...]:
        """The subject of a passive of hearsay ("Teodor Brask is said to have …"): the doer of what follows."""
        if not a.passive or a.cue is None or a.cue_entry is None:
            return ()
        if not self.lexicon.words.is_("hearsay-passive", a.cue_entry.lemma):
            return ()
        cue_first = self.model.token_at(a.cue.start)
        return self.acts.syntax.subject(cue_first, self.model.sentence_of(cue_first).first)[0]

    def _hedged(self, first: int, floor: int) -> bool:
        return any(self.lexicon.hedges.at(self.model, k, lenient=True) for k in range(max(floor, first - 2), first))

    def _embedded_report(self, a: Attribution) -> int | None:
        """The token of a report or rumour noun inside the content ("rumours of …", "reports that …"), or of a
        negated reporting verb ("they did not allege that …") or an accusing one, if any: the acts after it are not the
        speaker's claim."""
        return embedded_report(self.model, self.lexicon, self.acts.syntax, a.content_first, a.content_last)

    def _other_camp(self, claimants: tuple[str, ...], accused: tuple[str, ...]) -> bool:
        """What a speaker says another actor did is a claim about it (what it says of its own side is not)."""

        def camp(key: str) -> set[str]:
            found, actor = {key}, self.actors.by_key.get(key)
            while actor is not None and actor.affiliation and actor.affiliation not in found:
                found.add(actor.affiliation)
                actor = self.actors.by_key.get(actor.affiliation)
            return found

        mine = set().union(*(camp(k) for k in claimants)) if claimants else set()
        return bool(claimants) and not any(camp(k) & mine for k in accused)

    def _negated_act(self, n: int, a: Attribution, act: Act) -> list[Draft]:
        """'We did not supply weapons': the speaker denies an act, which implies someone alleges it."""
        return [self._implied(a, act)]

    def _makers(self, a: Attribution) -> tuple[str, ...]:
        """Who the denial says made the claim it answers ("denied allegations by the union that …")."""
        first = self.model.token_at(a.cue.start) if a.cue is not None else a.content_first
        return claim_makers(self.model, self.lexicon, self.acts.syntax, min(first, a.content_first), a.content_last)

    def _implied(self, a: Attribution, act: Act) -> Draft:
        """The allegation a denial of the act implies: by those the denial names as making it, else unattributed;
        joining an explicit one when there is one."""
        makers = self._makers(a)
        return Draft.of_act(
            act,
            accused=act.accused,
            evidence=a.content,
            summary=clause(self.model, act, self._label(act.accused), a.content_last),
            claimants=makers,
            claimant_note=None if makers else UNATTRIBUTED,
            statement=None,
            implied=True,
            wrongful=act.entry.wrongful,
        )

    def _principal(self, key: str) -> str:
        """Whom a denial answers for: a spokesperson's or a lawyer's principal, else the speaker."""
        actor = self.actors.by_key.get(key)
        if actor is not None and actor.affiliation in self.actors.by_key and _speaks_for(actor, self.lexicon):
            return actor.affiliation
        return key

    def _denies_a_deed(self, a: Attribution) -> bool:
        """What is denied is something done or a claim ("denied hiding anything", "denied the allegations"), not a
        thing ("was denying objective facts")."""
        tokens = self.model.tokens[a.content_first : a.content_last + 1]
        return (
            any(t.verb for t in tokens)
            or bool(self.acts.find(a.content_first, a.content_last))  # "any involvement", "wrongdoing"
            or refers_to_claim(self.model, self.lexicon, a.content_first, a.content_last)
        )

    def _denial(self, n: int, a: Attribution) -> list[Draft]:
        """'X denied C': an allegation against the subject of C's act, else against X itself."""
        acts = [act for act in self.acts.find(a.content_first, a.content_last) if act.accused]
        drafts = []
        for act in acts:
            drafts.append(self._implied(a, act))
        if drafts or a.speaker is None or a.speaker.actor_key is None or not self._denies_a_deed(a):
            return drafts
        denied = self.acts.find(a.content_first, a.content_last)
        act = next((x for x in denied if x.entry.wrongful), next(iter(denied), None))  # "paying bribes": bribery
        accused = (self._principal(a.speaker.actor_key),)
        label = self._label(accused)
        summary = fallback(self.model, label, a.content_first, a.content_last)
        makers = self._makers(a)
        return [
            Draft(
                accused=accused,
                claim_type=act.event_type if act else GENERIC,
                evidence=a.content,
                summary=summary,
                claimants=makers,
                claimant_note=None if makers else UNATTRIBUTED,
                statement=None,
                implied=True,
                wrongful=True,
                answers_earlier=act is None,
            )
        ]


def _speaks_for(actor: ActorRecord, lexicon: Lexicon) -> bool:
    return lexicon.words.any_is("speaks-for", actor.role or actor.label)


def embedded_report(model: TextModel, lexicon: Lexicon, syntax: Syntax, first: int, last: int) -> int | None:
    tokens = model.tokens
    for k in range(first, last + 1):
        for m in lexicon.cues.at(model, k, lenient=True):
            if m.entry.cue_class in ACCUSING and m.entry.pos == "noun" and tokens[k].noun:
                return k
            if m.entry.pos == "verb" and tokens[k].verb and (syntax.negated(k, first) or m.entry.accuses_object):
                return k  # "reports that the regulator suspected the firm of bribing": the regulator's claim
    return None
