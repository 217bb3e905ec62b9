"""Allegations the article relays in its own sentences rather than as someone's words: legal action against an
accused ("X was charged with bribery", "police arrested X over the leak", "a lawsuit against X"), and wrongs it
reports as only alleged ("X allegedly paid bribes"). The claimant is the authority acting, or says no one is named."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.acts import ActReader
from newskg.ingest.extract.claims.authority import acting_authority
from newskg.ingest.extract.claims.drafts import Draft
from newskg.ingest.extract.claims.summary import clause, fallback
from newskg.ingest.extract.claims.values import GENERIC, UNATTRIBUTED
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Sentence, TextModel

_CHARGE_NOUN_CLASS = "noun-accusing"
_HEDGE_REACH = 3
_TARGET_REACH = 14  # "against its former managing director and chief executive officer, Lee Son Hong"
_PENALTY_REACH = 9  # tokens from a penalty to the one it falls on ("the biggest fine ever imposed on X")


class NarrativeClaims:
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
        self.quoted = {i for a in attributions for i in range(a.content_first, a.content_last + 1)}
        # the speaker of the statement each quoted token belongs to: a penalty someone reports is theirs to claim
        self.reporter = {
            i: a.speaker.actor_key
            for a in attributions
            if a.speaker is not None and a.speaker.actor_key is not None
            for i in range(a.content_first, a.content_last + 1)
        }
        self.cues = {model.token_at(a.cue.start) for a in attributions if a.cue is not None}

    def _label(self, keys: tuple[str, ...]) -> str:
        return " and ".join(self.actors.by_key[k].label for k in keys if k in self.actors.by_key) or "someone"

    def _authority(self, accused: tuple[str, ...], token: int) -> tuple[str, ...]:
        return acting_authority(self.actors, self.lexicon.words, accused, token)

    def _charge(self, start: int, last: int) -> tuple[str, int | None]:
        for act in self.acts.find(start, last):
            if act.entry.wrongful:
                return act.event_type, act.first
        return GENERIC, None

    def _names_a_post(self, first: int, last: int) -> bool:
        """"prosecuting counsel", "the investigating magistrate": a gerund naming a post, no action taken."""
        tokens = self.model.tokens
        before = tokens[first - 1] if first > 0 else None
        return (
            tokens[first].tag == "VBG"
            and last + 1 < len(tokens)
            and tokens[last + 1].lemma in self.lexicon.words.roles
            and (before is None or not (before.verb or before.tag in ("IN", "TO")))
        )

    def legal_actions(self, sentence: Sentence) -> list[Draft]:
        """Legal action ("prosecutors charged X with C", "X was indicted") and accusations no statement carries ("X
        has been accused of C", "X was accused by Y of C"): the accused is the object, or the passive subject."""
        model = self.model
        tokens = model.tokens
        syntax = self.acts.syntax
        drafts: list[Draft] = []
        taken: set[int] = set()
        verbs = [*self.lexicon.legal_actions.find(model, sentence.first, sentence.last)]
        verbs += [
            m
            for m in self.lexicon.cues.find(model, sentence.first, sentence.last)
            if m.entry.accuses_object and m.first not in self.cues
        ]
        for match in sorted(verbs, key=lambda m: m.first):
            if not tokens[match.first].verb or match.first in taken or self._names_a_post(match.first, match.last):
                continue
            passive = syntax.passive(match.first, sentence.first)
            if match.first in self.quoted and not (passive and match.first not in self.cues):
                continue  # a legal action inside a statement is its speaker's claim, unless told in the passive
            taken.add(match.first)
            subject, _ = syntax.subject(match.first, sentence.first)
            if passive:
                accused = subject
                claimants = syntax.after(match.last + 1, sentence.last, "agent-preposition")
            else:
                accused = syntax.object(match.last + 1, sentence.last)
                claimants = subject
            accused = tuple(k for k in accused if k not in claimants)
            if not accused or syntax.negated(match.first, sentence.first):
                continue
            claimants = claimants or self._authority(accused, match.first)
            act = self.acts.charge(accused, match.last + 1, sentence.last)
            label = self._label(accused)
            drafts.append(
                Draft.of_act(
                    act,
                    accused=accused,
                    evidence=model.span(sentence.first, sentence.last),
                    summary=clause(model, act, label, sentence.last)
                    if act is not None
                    else fallback(model, label, match.first, sentence.last),
                    claimants=claimants,
                    claimant_note=None if claimants else UNATTRIBUTED,
                    statement=None,
                )
            )
        drafts += self._against(sentence)
        return drafts

    def _against(self, sentence: Sentence) -> list[Draft]:
        """'charges against X', 'a lawsuit against X', 'accusations against X of C'."""
        model = self.model
        tokens = model.tokens
        drafts = []
        for match in self.lexicon.cues.find(model, sentence.first, sentence.last, lenient=True):
            if match.entry.cue_class != _CHARGE_NOUN_CLASS or not tokens[match.last].noun or match.first in self.quoted:
                continue
            k = match.last + 1
            if k > sentence.last or not self.lexicon.words.is_("against-preposition", tokens[k].norm):
                continue
            accused = self.acts.syntax.actor_keys_at(k + 1, min(k + 6, sentence.last))[:1]
            if not accused:
                continue
            claim_type, _ = self._charge(k + 1, sentence.last)
            verb = next((j for j in range(match.first - 1, sentence.first - 1, -1) if tokens[j].verb), None)
            claimants = self.acts.syntax.subject(verb, sentence.first)[0] if verb is not None else ()
            claimants = tuple(c for c in claimants if c not in accused)
            drafts.append(self._narrated(sentence, accused, claim_type, match.first, claimants))
        return drafts

    def _narrated(
        self, sentence: Sentence, accused: tuple[str, ...], claim_type: str, first: int, claimants: tuple[str, ...]
    ) -> Draft:
        """A wrong the article's own narration names (a legal action, a penalty), from token first to the sentence's
        end; brought by the authority the article names when no one in the sentence brings it, else unattributed."""
        claimants = claimants or self._authority(accused, first)
        return Draft(
            accused=accused,
            claim_type=claim_type,
            evidence=self.model.span(sentence.first, sentence.last),
            summary=fallback(self.model, self._label(accused), first, sentence.last),
            claimants=claimants,
            claimant_note=None if claimants else UNATTRIBUTED,
            statement=None,
            wrongful=True,
        )

    def penalties(self, sentence: Sentence) -> list[Draft]:
        """'BA faces a record fine for the breach', 'a fine imposed on Facebook for its role', 'a criminal
        investigation into the hospital', 'received harsh criticism from the board': the one penalised or
        investigated is accused of what follows 'for', 'over' or 'of'."""
        model = self.model
        tokens = model.tokens
        words = self.lexicon.words
        drafts = []
        for match in self.lexicon.penalties.find(model, sentence.first, sentence.last):
            accused: tuple[str, ...] = ()
            for k in range(match.last + 1, min(match.last + _PENALTY_REACH, sentence.last + 1)):
                if words.is_("target-preposition", tokens[k].norm):
                    if k + 1 > sentence.last or tokens[k + 1].tag == "VBG":
                        break  # no one named after it, or the act itself ("a fine for releasing sludge")
                    syntax = self.acts.syntax
                    end = syntax.phrase_end(k + 1, min(k + _TARGET_REACH, sentence.last))
                    accused = syntax.head_keys(k + 1, end)[:2]
                    break
                auxiliary = words.is_("auxiliary", tokens[k].lemma) or tokens[k].tag == "MD"
                participle_next = tokens[k].text == "," and k < sentence.last and tokens[k + 1].tag == "VBN"
                finite = tokens[k].verb and tokens[k].tag != "VBN" and not auxiliary
                if tokens[k].text in ",;" and not participle_next or finite:
                    # "charges were filed against X", "a fine of £5m, imposed on X" reach X; "a fine, which X paid" not
                    break
            verb = next(
                (j for j in range(match.first - 1, max(sentence.first, match.first - 6) - 1, -1) if tokens[j].verb),
                None,
            )
            claimants: tuple[str, ...] = ()
            if verb is not None:
                subject, _ = self.acts.syntax.subject(verb, sentence.first)
                under = tokens[match.first - 1].norm == "under"  # "X is under investigation for …"
                if (under or words.is_("undergo-verb", tokens[verb].lemma)) and not accused:
                    accused = subject
                    claimants = self.acts.syntax.after(match.last + 1, sentence.last, "source-preposition")
                elif not self.acts.syntax.passive(verb, sentence.first):
                    claimants = subject
            if not claimants:
                claimants = self.acts.syntax.after(match.last + 1, sentence.last, "agent-preposition")
            reporter = self.reporter.get(match.first)
            if not claimants and reporter is not None and reporter not in accused:
                claimants = (reporter,)  # "X faces a record fine for the breach, the regulator said"
            accused = tuple(k for k in accused if k not in claimants)
            if not accused:
                continue
            claim_type, _ = self._charge(match.last + 1, sentence.last)
            if claim_type == GENERIC:  # "faces bribery charges"
                claim_type = self.acts.named_in_charge(max(sentence.first, match.first - 2), match.last) or GENERIC
            drafts.append(self._narrated(sentence, accused, claim_type, match.first, claimants))
        return drafts

    def attributed(self, sentence: Sentence) -> list[Draft]:
        """'campaigns which have been attributed to Iran and Russia', 'the attack was blamed on the group'."""
        model = self.model
        tokens = model.tokens
        drafts = []
        for match in self.lexicon.attributing.find(model, sentence.first, sentence.last):
            if match.first in self.quoted or not self.acts.syntax.passive(match.first, sentence.first):
                continue
            k = match.last + 1
            if k > sentence.last or not (
                self.lexicon.words.is_("recipient-preposition", tokens[k].norm)
                or self.lexicon.words.is_("target-preposition", tokens[k].norm)
            ):
                continue
            accused = self.acts.syntax.actor_keys_at(k + 1, min(k + 8, sentence.last))
            if not accused:
                continue
            claim_type, _ = self._charge(sentence.first, match.first - 1)
            drafts.append(
                Draft(
                    accused=accused,
                    claim_type=claim_type,
                    evidence=model.span(sentence.first, sentence.last),
                    summary=fallback(model, self._label(accused), sentence.first, sentence.last),
                    claimants=(),
                    claimant_note=UNATTRIBUTED,
                    statement=None,
                    wrongful=True,
                )
            )
        return drafts

    def hedged(self, sentence: Sentence) -> list[Draft]:
        """'X allegedly paid bribes': a wrong the article reports as alleged, with no one named for it."""
        model = self.model
        drafts = []
        for act in self.acts.find(sentence.first, sentence.last):
            if not act.entry.wrongful or not act.accused or act.first in self.quoted:
                continue
            # "allegedly paid", or "alleged Russian efforts to sway": the hedge before the act or before its doer
            starts = {act.first} | ({act.subject_first} if act.subject_first is not None else set())
            hedged = any(
                self.lexicon.hedges.at(model, k, lenient=True)
                for start in starts
                for k in range(max(sentence.first, start - _HEDGE_REACH), start)
            )
            if hedged:
                drafts.append(
                    Draft.of_act(
                        act,
                        accused=act.accused,
                        evidence=model.span(sentence.first, sentence.last),
                        summary=clause(model, act, self._label(act.accused), sentence.last),
                        claimants=(),
                        claimant_note=UNATTRIBUTED,
                        statement=None,
                    )
                )
        return drafts
