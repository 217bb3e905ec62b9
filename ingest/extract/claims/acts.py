"""Acts in a stretch of text and who plays which part in them, from syntax and voice, never from proximity alone:

    X supplied drones to Y        accused X (subject), beneficiary Y (after "to"/"for", or the indirect object)
    Y received drones from X      accused X (after "from"), beneficiary Y (subject)
    X tortured detainees          accused X, target the object
    detainees were tortured by X  accused X (after "by"), target the subject
    X's support for Y             accused X (possessor), beneficiary Y
An act's type comes from its word (acts.ttl), refined for a "give" act by what is handed over (drones → weapons); a
word no class lists is no act here (the claims stage falls back to "other wrongdoing" for accusations)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.extract.actors.coreference import Resolver
from ingest.extract.actors.values import ActorSet
from ingest.extract.lexicon.entries import ActEntry, Lexicon
from ingest.extract.text.model import TextModel

_GIVE_REACH = 6  # tokens after a give verb in which what is handed over is named


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


class ActReader:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.resolver = resolver

    # --- actors around an act -------------------------------------------------------------------------------
    def actor_keys_at(self, first: int, last: int) -> tuple[str, ...]:
        """Actors named in tokens first..last, pronouns resolved; coordinated names all count."""
        tokens = self.model.tokens
        keys: list[str] = []
        for i in range(first, last + 1):
            actor = self.actors.at(i)
            if actor is None and tokens[i].tag in ("PRP", "PRP$"):
                actor = self.resolver.pronoun(i)
            if actor is not None and actor.key not in keys:
                keys.append(actor.key)
        return tuple(keys)

    def _np_end(self, start: int, limit: int) -> int:
        tokens = self.model.tokens
        k = start
        while (
            k + 1 <= limit
            and tokens[k + 1].sentence == tokens[start].sentence
            and (
                self.actors.at(k + 1) is not None
                or tokens[k + 1].noun
                or tokens[k + 1].tag in ("JJ", "DT", "CD", "POS", "PRP$")
                or tokens[k + 1].text in ("'s", "’s")
                or tokens[k + 1].norm == "and"
                or tokens[k + 1].text == ","
                and k + 2 <= limit
                and self.actors.at(k + 2) is not None
            )
        ):
            k += 1
        return k

    def subject(self, verb: int, floor: int) -> tuple[tuple[str, ...], int | None]:
        """The actors of the subject before the verb (past auxiliaries, adverbs and a relative clause)."""
        tokens = self.model.tokens
        words = self.lexicon.words
        j = verb - 1
        while j >= floor and (
            tokens[j].tag in ("MD", "RB", "RBR", "TO")
            or words.is_("auxiliary", tokens[j].lemma)
            and tokens[j].verb
            or tokens[j].tag in ("WDT", "WP")
            and j > floor
        ):
            j -= 1
        if j < floor or tokens[j].text in ";:" or tokens[j].verb and not tokens[j].tag == "VBG":
            return (), None
        if tokens[verb].tag == "VBG" and tokens[j].tag in ("IN", "TO") or tokens[j].tag == "VBG":
            # "had a part in arming", "accused of providing": the doer is the governing clause's subject
            governing = next((k for k in range(j, floor - 1, -1) if tokens[k].verb and tokens[k].tag != "VBG"), None)
            return self.subject(governing, floor) if governing is not None else ((), None)
        start = j
        while (
            start - 1 >= floor
            and tokens[start - 1].text not in ",;:"
            and not tokens[start - 1].verb
            and tokens[start - 1].norm != "that"
            and not words.is_("subordinator", tokens[start - 1].norm)
        ):
            start -= 1
        if tokens[j].tag in ("WDT", "WP"):
            return (), None
        keys = self.actor_keys_at(start, j)
        return keys, start

    def after(self, start: int, limit: int, category: str) -> tuple[str, ...]:
        """Actors in the phrase after a preposition of the category (grammar.tsv: agent-, recipient-,
        source-preposition), from token start up to limit."""
        tokens = self.model.tokens
        words = self.lexicon.words
        for k in range(start, limit + 1):
            if tokens[k].text in ";." or tokens[k].verb and k > start:
                break
            if words.is_(category, tokens[k].norm):
                return self.actor_keys_at(k + 1, self._np_end(k + 1, limit))
        return ()

    def object(self, start: int, limit: int) -> tuple[str, ...]:
        """The actors of the object right after the verb ("tortured detainees", "helped the rebels")."""
        tokens = self.model.tokens
        if start > limit or tokens[start].tag in ("IN", "TO") or tokens[start].text in ",;.":
            return ()
        return self.actor_keys_at(start, self._np_end(start, limit))

    # --- the acts ---------------------------------------------------------------------------------------------
    def _modal(self, first: int, floor: int) -> bool:
        tokens = self.model.tokens
        return any(
            tokens[k].tag == "MD" and tokens[k].norm not in ("ca", "can") for k in range(max(floor, first - 3), first)
        )

    def _negated(self, first: int, floor: int) -> bool:
        words = self.lexicon.words
        tokens = self.model.tokens
        for k in range(first - 1, max(floor, first - 4) - 1, -1):
            if words.is_("negation", tokens[k].norm) or words.is_("negation", tokens[k].lemma):
                return True
            if not (tokens[k].tag in ("MD", "RB", "TO") or words.is_("auxiliary", tokens[k].lemma)):
                return False
        return False

    def _passive(self, first: int, floor: int) -> bool:
        tokens = self.model.tokens
        if tokens[first].tag != "VBN":
            return False
        for k in range(first - 1, max(floor, first - 4) - 1, -1):
            if tokens[k].lemma in ("be", "get"):
                return True
            if not tokens[k].tag.startswith("RB"):
                return False
        return False

    def _handed_over(self, start: int, limit: int) -> str | None:
        for k in range(start, min(start + _GIVE_REACH, limit + 1)):
            for match in self.lexicon.handed_over.at(self.model, k, lenient=True):
                return match.entry.event_type
        return None

    def find(self, first: int, last: int) -> list[Act]:
        """Every act in tokens first..last with its parts."""
        acts: list[Act] = []
        model = self.model
        tokens = model.tokens
        for match in self.lexicon.acts.find(model, first, last, lenient=True):
            entry = match.entry
            head = tokens[match.first]
            verbal = head.verb and entry.pos != "noun"
            if entry.pos == "verb" and not verbal:
                continue
            if entry.pos == "noun" and not tokens[match.last].noun:
                continue
            floor = model.sentence_of(match.first).first
            floor = max(floor, first)
            passive = verbal and self._passive(match.first, floor)
            event_type = entry.event_type
            if entry.act_class.startswith(("act-give", "act-receive")):
                event_type = self._handed_over(match.last + 1, last) or event_type
            accused: tuple[str, ...] = ()
            beneficiaries: tuple[str, ...] = ()
            targets: tuple[str, ...] = ()
            subject_first = None
            if verbal and passive:
                accused = self.after(match.last + 1, last, "agent-preposition")
                targets, subject_first = self.subject(match.first, floor)
            elif verbal:
                subject, subject_first = self.subject(match.first, floor)
                if entry.receives:
                    beneficiaries, accused = subject, self.after(match.last + 1, last, "source-preposition")
                else:
                    accused = subject
                    obj = self.object(match.last + 1, last)
                    to = self.after(match.last + 1, last, "recipient-preposition")
                    if entry.benefits:
                        beneficiaries = to or obj
                    else:
                        targets = obj
            else:
                accused = self._nominal_doer(match.first, floor, last)
                beneficiaries = self.after(match.last + 1, last, "recipient-preposition")
                if not accused and match.last + 1 <= last and tokens[match.last + 1].norm == "between":
                    accused, beneficiaries = beneficiaries[:1], beneficiaries[1:]  # "contacts between X and Y"
                if not accused:
                    accused = self.after(match.last + 1, last, "agent-preposition")
            accused = tuple(k for k in accused if k not in beneficiaries)
            acts.append(
                Act(
                    first=match.first,
                    last=match.last,
                    entry=entry,
                    event_type=event_type,
                    verbal=verbal,
                    passive=passive,
                    negated=self._negated(match.first, floor),
                    modal=self._modal(match.first, floor),
                    accused=accused,
                    beneficiaries=beneficiaries,
                    targets=targets,
                    subject_first=subject_first,
                )
            )
        return self._fold(acts)

    def _fold(self, acts: list[Act]) -> list[Act]:
        """'paid bribes', 'committed fraud', 'took part in the attack': a wrong named by a noun in a verb's clause
        is what the verb's subject is said to have done; the noun act takes the verb's parts and negation."""
        tokens = self.model.tokens
        folded: list[Act] = []
        for act in acts:
            if not act.verbal and not act.accused and act.entry.wrongful:
                verb = next(
                    (
                        v
                        for v in reversed(folded)
                        if v.verbal
                        and v.accused
                        and 0 < act.first - v.last <= 6
                        and not any(tokens[k].text in ",;" for k in range(v.last + 1, act.first))
                    ),
                    None,
                )
                if verb is not None:
                    folded.remove(verb)
                    act = Act(
                        first=verb.first,
                        last=act.last,
                        entry=act.entry,
                        event_type=act.event_type,
                        verbal=True,
                        passive=verb.passive,
                        negated=verb.negated,
                        modal=verb.modal,
                        accused=verb.accused,
                        beneficiaries=verb.beneficiaries,
                        targets=verb.targets,
                        subject_first=verb.subject_first,
                    )
            folded.append(act)
        return folded

    def _nominal_doer(self, noun: int, floor: int, last: int) -> tuple[str, ...]:
        """'the Front's support', "Varenia's alleged assistance", 'Varenian meddling': the actor the act is said of."""
        tokens = self.model.tokens
        j = noun - 1
        while j >= floor and (tokens[j].tag.startswith(("JJ", "RB", "VBN")) and self.actors.at(j) is None):
            j -= 1
        if j >= floor and tokens[j].text in ("'s", "’s", "'", "’"):
            return self.actor_keys_at(max(floor, j - 6), j - 1)[-1:]
        if j >= floor and self.actors.at(j) is not None:
            return (self.actors.at(j).key,)
        if j >= floor and j in self.actors.demonyms:
            return (self.actors.demonyms[j],)  # "Varenian assistance": the state, when the article names it
        if j >= floor and tokens[j].tag == "PRP$":
            actor = self.resolver.pronoun(j)
            return (actor.key,) if actor else ()
        return ()
