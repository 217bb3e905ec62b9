"""Acts in a stretch of text and who plays which part in them, from syntax and voice, never from proximity alone:

    X supplied drones to Y        accused X (subject), beneficiary Y (after "to"/"for", or the indirect object)
    Y received drones from X      accused X (after "from"), beneficiary Y (subject)
    X tortured detainees          accused X, target the object
    detainees were tortured by X  accused X (after "by"), target the subject
    X's support for Y             accused X (possessor), beneficiary Y
An act's type comes from its word (acts.ttl), refined for a "give" act by what is handed over (drones → weapons); a
word no class lists is no act here (the claims stage falls back to "other wrongdoing" for accusations)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newskg.ingest.extract.claims.nominal import HYPHENS, NominalDoers
from newskg.ingest.extract.claims.syntax import Syntax
from newskg.ingest.extract.claims.values import VAGUE
from newskg.ingest.extract.lexicon.entries import ActEntry, Lexicon
from newskg.ingest.extract.text.model import TextModel

_GIVE_REACH = 6  # tokens after a give verb in which what is handed over is named
_CLAIM_REACH = 4  # tokens after "support of/for" in which the claim it backs is named ("of the allegations")
CLAIM_NOUNS = frozenset({"noun-accusing", "noun-rumour"})  # cue classes of nouns that name a claim


def is_claim_noun(model: TextModel, lexicon: Lexicon, k: int) -> bool:
    """Token k is a word naming a claim ("allegations", "charges", "rumours")."""
    return any(m.entry.cue_class in CLAIM_NOUNS for m in lexicon.cues.at(model, k, lenient=True))


@dataclass(frozen=True)
class Act:
    first: int
    last: int
    entry: ActEntry
    event_type: str
    verbal: bool
    passive: bool
    negated: bool
    modal: bool  # "will", "could", "would": not something said to have happened
    accused: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    subject_first: int | None = None  # where the clause naming the accused starts
    attempted: bool = False  # "efforts to sway the vote", "tried to hide it": an attempt, not the act done
    claimed: bool = False  # "allegations of plagiarism", "his alleged crime": named as claimed, not told as done
    hypothetical: bool = False  # in a conditional clause ("if he was going to bribe them"): supposed, not told


class ActReader:
    def __init__(self, model: TextModel, lexicon: Lexicon, syntax: Syntax) -> None:
        self.model = model
        self.actors = syntax.actors
        self.lexicon = lexicon
        self.syntax = syntax
        self.doers = NominalDoers(model, lexicon, syntax)

    def _handed_over(self, start: int, limit: int) -> str | None:
        for k in range(start, min(start + _GIVE_REACH, limit + 1)):
            for match in self.lexicon.handed_over.at(self.model, k, lenient=True):
                return match.entry.event_type
        return None

    def _modifier(self, first: int, last: int) -> bool:
        """A participle before a noun it describes ("armed agents", "a rigged vote") names no act by itself."""
        tokens = self.model.tokens
        if tokens[first].tag != "VBN" or last + 1 >= len(tokens) or not tokens[last + 1].noun:
            return False
        if first > 0 and (tokens[first - 1].tag == "CC" or tokens[first - 1].text == ","):
            floor = self.model.sentence_of(first).first
            # "had inflated invoices and paid bribes", "sold the seat, tortured detainees": a verb
            return not self.syntax.subject(first, floor)[0]
        before = tokens[first - 1] if first > 0 else None
        # "it withheld wages": after a pronoun the participle's form is a past tense
        return before is None or not (before.verb or before.tag.startswith("RB") or before.tag == "PRP")

    def _base_after_noun(self, first: int) -> bool:
        """A verb's base form right after a noun has no subject to agree with ("for state help"), where a verb of
        the clause would be a present or past tense ("states help", "the state helped")."""
        tokens = self.model.tokens
        return tokens[first].tag == "VB" and first > 0 and tokens[first - 1].tag in ("NN", "NNS", "NNP")

    def _names_a_claim(self, last: int) -> bool:
        """The act word describes a claim rather than an act ("fabricated allegations", "bribery charges"), or
        backs one ("evidence in support of the allegations")."""
        tokens = self.model.tokens
        after = last + 1
        if after < len(tokens) and tokens[after].tag == "IN" and not tokens[last].verb:
            after = next((k for k in range(after + 1, min(after + _CLAIM_REACH, len(tokens))) if tokens[k].noun), after)
        if after >= len(tokens) or not tokens[after].noun:
            return False
        return is_claim_noun(self.model, self.lexicon, after)

    def named_in_charge(self, first: int, last: int) -> str | None:
        """The type of the wrong a claim noun's modifier names ("bribery charges", "fraud allegations")."""
        for match in self.lexicon.acts.find(self.model, first, last, lenient=True):
            if match.entry.wrongful and self._names_a_claim(match.last):
                return match.entry.event_type
        return None

    def _object_is(self, match_last: int, limit: int, category: str) -> bool:
        """The first noun after the act word is one of a category's words."""
        tokens = self.model.tokens
        for k in range(match_last + 1, min(match_last + _GIVE_REACH, limit + 1)):
            if tokens[k].noun:
                return self.lexicon.words.is_(category, tokens[k].lemma)
        return False

    def _reduced_passive(self, first: int, last: int, floor: int) -> bool:
        """'nine people killed in the strike', 'weapons supplied by X': a participle right after its noun; not one
        with an object of its own ("officials covered up an outbreak": a past tense)."""
        tokens = self.model.tokens
        before = first - 1
        return (
            tokens[first].tag == "VBN"
            and before >= floor
            and (tokens[before].noun or self.actors.at(before) is not None)
            and not (last + 1 < len(tokens) and tokens[last + 1].tag in ("DT", "PRP$"))
        )

    def _in_a_law_s_name(self, first: int, last: int) -> bool:
        """Capitalised words of an act ending right before a word that names a law ("Bribery Act")."""
        tokens = self.model.tokens
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        return (
            tokens[first].capitalised
            and following is not None
            and following.capitalised
            and following.norm in self.lexicon.words.not_actor_heads
        )

    def find(self, first: int, last: int) -> list[Act]:
        """Every act in tokens first..last with its parts."""
        acts: list[Act] = []
        model = self.model
        tokens = model.tokens
        syntax = self.syntax
        for match in self.lexicon.acts.find(model, first, last, lenient=True):
            entry = match.entry
            head = tokens[match.first]
            verbal = head.verb and entry.pos != "noun"
            if verbal and self._base_after_noun(match.first):
                verbal = False  # "in exchange for state help with the sale": a noun the tagger read as a verb
            if entry.pos == "verb" and not verbal or verbal and self._modifier(match.first, match.last):
                continue
            if self.actors.at(match.first) is not None or self._names_a_claim(match.last):
                continue  # "the Serious Fraud Office", "fabricated allegations": no act
            if self._in_a_law_s_name(match.first, match.last) or self._opposed(match.first):
                continue  # "the UK Bribery Act": a law's name; "the anti-graft agency": what is fought
            if match.first > 0 and self.lexicon.words.is_("unreal-modifier", tokens[match.first - 1].norm):
                continue  # "mock executions": a pretence of the act, not the act
            if entry.pos == "noun" and not tokens[match.last].noun:
                continue
            floor = max(model.sentence_of(match.first).first, first)
            passive = verbal and (
                syntax.passive(match.first, floor) or self._reduced_passive(match.first, match.last, floor)
            )
            event_type = entry.event_type
            if entry.act_class == "act-contact" and verbal and self._object_is(match.last, last, "met-object"):
                continue  # "met its reporting obligations": a duty fulfilled, no one met
            if entry.act_class.startswith(("act-give", "act-receive")):
                if self._object_is(match.last, last, "told-object"):
                    continue  # "did not provide evidence for this", "gave an interview": words, no support
                event_type = self._handed_over(match.last + 1, last) or event_type
            accused: tuple[str, ...] = ()
            beneficiaries: tuple[str, ...] = ()
            targets: tuple[str, ...] = ()
            subject_first = None
            after = match.last + 1
            if verbal and passive:
                # "the brigade was supplied with drones by X": X did it, the subject gained (or was harmed)
                accused = syntax.after(after, last, "agent-preposition")
                subject, subject_first = syntax.subject(match.first, floor)
                if entry.benefits:
                    beneficiaries = subject or syntax.after(after, last, "recipient-preposition")
                elif entry.receives:
                    beneficiaries, accused = subject, accused or syntax.after(after, last, "source-preposition")
                else:
                    targets = subject
            elif verbal:
                subject, subject_first = syntax.subject(match.first, floor)
                if entry.receives:
                    beneficiaries, accused = subject, syntax.after(after, last, "source-preposition")
                else:
                    accused = subject
                    obj = syntax.object(after, last)
                    if entry.benefits:
                        beneficiaries = syntax.after(after, last, "recipient-preposition") or obj
                    else:
                        targets = obj
            else:
                accused = self.doers.owner(match.first, floor)
                beneficiaries = syntax.after(after, last, "recipient-preposition")
                if not accused and after <= last and tokens[after].norm == "between":
                    accused, beneficiaries = beneficiaries[:1], beneficiaries[1:]  # "contacts between X and Y"
                if not accused:
                    accused = syntax.after(after, last, "agent-preposition")
                if not accused:
                    accused = self.doers.manner(match.first, match.last, floor)
                if not accused and entry.wrongful:
                    accused = self.doers.perpetrator(match.first, floor)
            if accused and set(accused) <= set(beneficiaries):
                # "gave steroids to its riders": the doer owns the ones served, it is not served itself
                beneficiaries = tuple(k for k in beneficiaries if k not in accused)
            accused = tuple(k for k in accused if k not in beneficiaries)
            acts.append(
                Act(
                    first=match.first,
                    last=match.last,
                    entry=entry,
                    event_type=event_type,
                    verbal=verbal,
                    passive=passive,
                    negated=syntax.negated(match.first, floor)
                    or (entry.wrongful or not verbal)
                    and syntax.negated_in_clause(match.first, floor),
                    modal=syntax.modal(match.first, floor),
                    hypothetical=syntax.conditional(match.first, floor),
                    accused=accused,
                    beneficiaries=beneficiaries,
                    targets=targets,
                    subject_first=subject_first,
                    attempted=verbal and self._attempted(match.first),
                    claimed=self._claimed(match.first, floor),
                )
            )
        return self._fold(acts)

    def doing(self, act: Act, doer: tuple[str, ...], limit: int) -> Act:
        """The act with its doer given from outside ("accused X of supplying drones to Y", "X denied taking bribes"):
        what follows it names who gained or was harmed when the act did not say already."""
        syntax = self.syntax
        after = act.last + 1
        beneficiaries = () if act.entry.receives else act.beneficiaries
        targets = act.targets
        if not beneficiaries and not targets:
            if act.entry.benefits:
                beneficiaries = syntax.after(after, limit, "recipient-preposition") or syntax.object(after, limit)
            elif act.entry.wrongful:
                targets = syntax.object(after, limit)
        return replace(
            act,
            accused=doer,
            beneficiaries=tuple(k for k in beneficiaries if k not in doer),
            targets=tuple(k for k in targets if k not in doer),
        )

    def _opposed(self, first: int) -> bool:
        """'anti-graft', 'counter-terrorism': the wrong after the prefix is what is fought."""
        tokens = self.model.tokens
        return (
            first >= 2
            and tokens[first - 1].text in HYPHENS
            and not tokens[first - 1].gap
            and self.lexicon.words.is_("opposing-prefix", tokens[first - 2].norm)
        )

    def charge(self, doer: tuple[str, ...], first: int, last: int) -> Act | None:
        """The act an accusation or a legal action names after its object ("accused X of supplying drones to Y",
        "charged X with bribery", "sued X for breach of contract"), done by the doer; None when it names none."""
        acts = [act for act in self.find(first, last) if not act.negated]
        act = next(
            (a for a in acts if a.entry.wrongful and a.event_type not in VAGUE),
            next((a for a in acts if a.entry.wrongful), acts[0] if acts else None),
        )
        return self.doing(act, doer, last) if act is not None else None

    def coordinated_charges(self, charged: Act, first: int, last: int) -> list[Act]:
        """The other wrongs a charge names coordinated with the one charged ("accused X of cracking down on opponents
        and extrajudicial killings"), each done by the same doer; not a wrong in a clause of purpose ("of supplying
        drones to Y to attack Z", "of arming militants who attacked a train, killing 26")."""
        tokens = self.model.tokens
        others = []
        for act in self.find(first, last):
            if act.first <= charged.last or act.negated or not act.entry.wrongful:
                continue
            if act.entry.lemma == charged.entry.lemma or any(o.entry.lemma == act.entry.lemma for o in others):
                continue
            k = act.first - 1
            while k > charged.last and tokens[k].tag in ("JJ", "DT", "RB", "PRP$"):
                k -= 1
            subordinate = any(t.tag in ("WDT", "WP", "VBD", "VBZ", "VBP", "TO") for t in tokens[charged.last + 1 : k])
            listed = tokens[k].text == "," and tokens[act.first].tag == tokens[charged.first].tag  # "of A, B and C"
            if (tokens[k].tag == "CC" or listed) and not subordinate:
                others.append(self.doing(act, charged.accused, last))
        return others

    def _fold(self, acts: list[Act]) -> list[Act]:
        """'paid bribes', 'committed fraud', 'took part in the attack': a wrong named by a noun in a verb's clause
        is what the verb's subject is said to have done; the noun act takes the verb's parts and negation. A wrong
        received ("took bribes from Y") is the receiver's, and the giver gained by it."""
        tokens = self.model.tokens
        folded: list[Act] = []
        for act in acts:
            if not act.verbal and not act.accused and act.entry.wrongful:
                verb = next(
                    (
                        v
                        for v in reversed(folded)
                        if v.verbal
                        and (v.accused or v.entry.receives and v.beneficiaries)
                        and 0 < act.first - v.last <= 6
                        and not any(tokens[k].text in ",;" for k in range(v.last + 1, act.first))
                    ),
                    None,
                )
                if verb is not None:
                    folded.remove(verb)
                    accused, beneficiaries = verb.accused, verb.beneficiaries
                    if verb.entry.receives:
                        accused, beneficiaries = verb.beneficiaries, verb.accused
                    act = replace(
                        verb,
                        last=act.last,
                        entry=act.entry,
                        event_type=act.event_type,
                        accused=accused,
                        beneficiaries=beneficiaries,
                    )
            folded.append(act)
        return folded

    def _claimed(self, first: int, floor: int) -> bool:
        """The act follows a hedge ("alleged", "reportedly") or a claim noun and "of" ("allegations of bribery")."""
        model = self.model
        if any(self.lexicon.hedges.at(model, k, lenient=True) for k in range(max(floor, first - 2), first)):
            return True
        return (
            first - 2 >= floor
            and model.tokens[first - 1].norm == "of"
            and is_claim_noun(model, self.lexicon, first - 2)
        )

    def _attempted(self, first: int) -> bool:
        """The act follows "to" after a word of trying ("efforts to sway", "attempting to hide", "tried to bribe")."""
        tokens = self.model.tokens
        words = self.lexicon.words
        return (
            first >= 2
            and tokens[first - 1].tag == "TO"
            and any(words.is_(kind, tokens[first - 2].lemma) for kind in ("attempt-noun", "attempt-verb"))
        )
