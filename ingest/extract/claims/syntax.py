"""The parts of a clause the claims stage reads roles from: the actors of a subject, an object, a phrase after a
preposition, and whether a verb is passive, negated or modal. Only the head of a phrase counts: in "the mayor of
Ardenne took bribes" the mayor took them, not Ardenne; in "hacked the accounts of the union" the union was harmed."""

from __future__ import annotations

from newskg.ingest.extract.actors.coreference import Resolver
from newskg.ingest.extract.actors.values import NAMED, ActorSet
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

_POSSESSIVE = ("'s", "’s")
_APPOSITION_REACH = 16  # tokens of an apposition between a name and its verb
_PASSIVE_REACH = 6  # tokens back to the auxiliary, past adverbs and coordinated participles
_NEGATION_REACH = 4  # tokens before a verb in which its negation stands ("did not ever supply")
_MODAL_REACH = 3
_CLAUSE_NEGATION_REACH = 6
_OWNER_REACH = 6  # tokens after "of" in which the owner of an object is named
_DASHES = ("-", "–", "—")
_CONJUNCT_VERBS = ("VBD", "VBZ", "VBP", "VBN")
_OBJECT_OPENERS = ("DT", "PRP$", "JJ", "CD", "PRP")  # tags opening the object of a verb
_PARENTHETICAL_REACH = 40  # tokens between the dashes around a list of names in apposition


class Syntax:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.resolver = resolver

    def actor_keys_at(self, first: int, last: int) -> tuple[str, ...]:
        """Actors named in tokens first..last, pronouns resolved; coordinated names all count."""
        tokens = self.model.tokens
        keys: list[str] = []
        for i in range(first, last + 1):
            actor = self.actors.at(i)
            if actor is None and tokens[i].tag in ("PRP", "PRP$") and not self._owns_a_person(i, last):
                actor = self.resolver.pronoun(i)
            if actor is not None and actor.key not in keys:
                keys.append(actor.key)
        return tuple(keys)

    def _owns_a_person(self, i: int, last: int) -> bool:
        """"his client", "her lawyer": the possessive names whose person it is, the person is someone else."""
        tokens = self.model.tokens
        role = self.lexicon.words.roles.get(tokens[i + 1].lemma) if tokens[i].tag == "PRP$" and i < last else None
        return role is not None and "Person" in role.classes

    def head_keys(self, first: int, last: int) -> tuple[str, ...]:
        """The actors of a noun phrase's head, before any prepositional modifier ("the mayor of Ardenne", "prosecutors
        in Velsk"): the modifier's actors count only when the head names none ("officials of the Ostrian army")."""
        tokens = self.model.tokens
        prepositions = [k for k in range(first + 1, last + 1) if tokens[k].tag == "IN" and self.actors.at(k) is None]
        if not prepositions:
            return self.actor_keys_at(first, last)
        head = self.actor_keys_at(first, prepositions[0] - 1)
        if head:
            return head
        # only the first modifier's: "a third of the medals at the Olympics" names no doer
        return self.actor_keys_at(prepositions[0] + 1, prepositions[1] - 1 if len(prepositions) > 1 else last)

    def _accused_object(self, verb: int, preposition: int, floor: int) -> tuple[str, ...]:
        """"accused Valmora of aiding rebels": the doer of the act is the accusing verb's object, not its subject."""
        accusing = any(m.entry.accuses_object for m in self.lexicon.cues.at(self.model, verb, lenient=True))
        return self.actor_keys_at(verb + 1, preposition - 1) if accusing and not self.passive(verb, floor) else ()

    def _aspect_governor(self, verb: int, j: int, floor: int) -> int | None:
        """The verb whose subject does what a gerund names: "kept hiding", "spent weeks hiding" (a stretch of time
        between them)."""
        tokens = self.model.tokens
        words = self.lexicon.words
        if tokens[verb].tag != "VBG" or j < floor:
            return None
        if tokens[j].noun and words.is_("time", tokens[j].lemma):
            j -= 1
            while j >= floor and tokens[j].tag in ("JJ", "CD", "DT"):
                j -= 1  # "spent several weeks", "spent three months"
        if j >= floor and tokens[j].verb and tokens[j].tag != "VBG" and words.is_("aspect-verb", tokens[j].lemma):
            return j
        return None

    def np_end(self, start: int, limit: int) -> int:
        """The last token of the noun phrase starting at start (start - 1 when no token is left before limit)."""
        tokens = self.model.tokens
        if start > limit:
            return start - 1
        k = start
        while (
            k + 1 <= limit
            and tokens[k + 1].sentence == tokens[start].sentence
            and (
                self.actors.at(k + 1) is not None
                or tokens[k + 1].noun
                or tokens[k + 1].tag in ("JJ", "DT", "CD", "POS", "PRP$")
                or tokens[k + 1].tag in ("VBG", "VBN")  # "the governing party", "the embattled minister"
                and k + 2 <= limit
                and (tokens[k + 2].noun or self.actors.at(k + 2) is not None)
                or tokens[k + 1].text in _POSSESSIVE
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
        if j >= floor and tokens[j].verb and j + 1 < verb and tokens[j + 1].tag == "TO":
            return self.subject(j, floor)  # "X tried to hide it", "X agreed to pay": the doer is the subject of "tried"
        if j > floor and tokens[j].tag == "CC" and tokens[verb].verb:
            # "the firm had withheld wages and did not pay overtime": the first conjunct's subject
            earlier = next((k for k in range(j - 1, floor - 1, -1) if tokens[k].tag in _CONJUNCT_VERBS), None)
            if earlier is not None and not any(t.text in ";:" for t in tokens[earlier:j]):
                return self.subject(earlier, floor)
        if j - 1 >= floor and tokens[j].text == ",":
            opening = self._apposition_opening(j, floor)
            if opening is not None:
                j = opening - 1  # "Rajat Gupta, a former Goldman Sachs director, was indicted": Gupta
            elif (earlier := self._series_verb(verb, j, floor)) is not None:
                return self.subject(earlier, floor)  # "X sold the seat, took bribes and …": X took them
        if j - 1 >= floor and tokens[j].text in _DASHES and tokens[j].gap:
            opening = next((k for k in range(j - 1, max(floor, j - _PARENTHETICAL_REACH) - 1, -1)
                            if tokens[k].text in _DASHES and tokens[k].gap), None)  # not "Cledwyn-Davies"
            if opening is not None:
                listed = self._listed_names(opening + 1, j - 1)
                if listed:
                    return listed, opening + 1  # "three directors - A, president; B, finance director - were held"
                j = opening - 1
        governing = self._aspect_governor(verb, j, floor)
        if governing is not None:
            return self.subject(governing, floor)  # "managers kept hiding it", "spent weeks concealing it"
        if j < floor or tokens[j].text in ";:" or tokens[j].verb and tokens[j].tag != "VBG":
            return (), None
        if tokens[verb].tag == "VBG" and tokens[j].tag in ("IN", "TO") or tokens[j].tag == "VBG":
            # "had a part in arming", "accused of providing": the doer is the governing clause's subject
            governing = next((k for k in range(j, floor - 1, -1) if tokens[k].verb and tokens[k].tag != "VBG"), None)
            if governing is None:
                return (), None
            accused = self._accused_object(governing, j, floor)
            return (accused, governing + 1) if accused else self.subject(governing, floor)
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
        if (
            verb >= 1
            and tokens[verb - 1].tag == "TO"
            and start - 1 >= floor
            and tokens[start - 1].verb
            and not words.is_("attempt-noun", tokens[j].lemma)
        ):
            return (), None  # "approached them in 2008 to fix matches": "them" is an object, not the doer
        if tokens[start].tag == "CC":  # "he, his sons and the firm's executives are accused": every conjunct
            start = self._conjuncts_start(start, floor)
        return self.head_keys(start, j), start

    def _listed_names(self, first: int, last: int) -> tuple[str, ...]:
        """The named actors that open each item of a list between dashes ("A, UK president; B, finance director;
        and C"), each item's role after its comma left out."""
        tokens = self.model.tokens
        keys: list[str] = []
        item_start = True
        for k in range(first, last + 1):
            if tokens[k].text == ";":
                item_start = True
                continue
            if item_start and tokens[k].norm == "and":
                continue
            actor = self.actors.at(k)
            if item_start and (actor is None or actor.kind != NAMED):
                return ()  # a parenthetical that is not a list of names
            if item_start and actor.key not in keys:
                keys.append(actor.key)
            item_start = False
        return tuple(keys)

    def _apposition_opening(self, closing: int, floor: int) -> int | None:
        """The comma opening an apposition or a relative clause that the comma at closing ends, right after a name
        ("X, a former director,", "X, who sat on the board,"), else None."""
        tokens = self.model.tokens
        words = self.lexicon.words
        k = closing - 1
        while k > floor and tokens[k].text not in ",;:" and closing - k <= _APPOSITION_REACH:
            k -= 1
        if k <= floor or tokens[k].text != ",":
            return None
        relative = tokens[k + 1].tag in ("WP", "WP$")  # "X, who also sat on the board of Y, was charged"
        finite = any(t.verb and t.tag != "VBN" for t in tokens[k + 1 : closing])
        if not (relative or words.is_("article", tokens[k + 1].norm) and not finite):
            return None
        named = self.actors.at(k - 1)
        return k if named is not None and named.kind == "named" else None

    def _series_verb(self, verb: int, comma: int, floor: int) -> int | None:
        """The verb before a series of verb phrases ("tried to sell the seat, demanded …, and engaged in …") whose
        comma-separated member starts at verb: the nearest finite verb of the same form before the comma, with words
        between and no clause boundary. A participle form with an object ("…, tortured detainees") is a member the
        tagger misread; not one after its noun ("the seat, vacated by …", "drones, made in Velsk")."""
        tokens = self.model.tokens
        words = self.lexicon.words
        form = tokens[verb].tag
        after = tokens[verb + 1] if verb + 1 < len(tokens) else None
        if form == "VBN":
            if after is None or not (after.noun or after.tag in _OBJECT_OPENERS):
                return None
        elif form not in ("VBD", "VBZ", "VBP") or after is not None and after.norm == "by":
            return None
        forms = ("VBD", "VBN") if form == "VBN" else (form,)
        for k in range(comma - 1, floor - 1, -1):
            if tokens[k].text in ";:" or tokens[k].norm == "that" or words.is_("subordinator", tokens[k].norm):
                return None
            if tokens[k].tag == "VBN" and tokens[k + 1].tag == "IN":
                continue  # "the seat vacated by …": a participle describing a noun
            if tokens[k].tag in forms:
                return k if k < comma - 1 else None  # "said, armed groups …": no phrase of its own before the comma
        return None

    def _conjuncts_start(self, last_conjunct: int, floor: int) -> int:
        """The first token of a list "A, B, and C" whose last conjunct ("and C") starts at last_conjunct: earlier
        conjuncts are comma-separated phrases with an actor and no verb."""
        tokens = self.model.tokens
        words = self.lexicon.words
        start = last_conjunct
        while start - 2 >= floor and tokens[start - 1].text == ",":
            first = start - 2
            while (
                first - 1 >= floor
                and tokens[first - 1].text not in ",;:"
                and not tokens[first - 1].verb
                and tokens[first - 1].tag not in ("WDT", "WP", "IN")
                and not words.is_("subordinator", tokens[first - 1].norm)
            ):
                first -= 1
            if any(t.verb for t in tokens[first : start - 1]) or not self.actor_keys_at(first, start - 2):
                break
            start = first
        return start

    def after(self, start: int, limit: int, category: str) -> tuple[str, ...]:
        """Actors in the phrase after a preposition of the category (grammar.tsv: agent-, recipient-,
        source-preposition), from token start up to limit."""
        tokens = self.model.tokens
        words = self.lexicon.words
        for k in range(start, limit + 1):
            # "war crimes (were) committed by X": the agent may stand past a participle and its auxiliary
            passing = category == "agent-preposition" and (
                tokens[k].tag == "VBN" or words.is_("auxiliary", tokens[k].lemma)
            )
            if tokens[k].text in ";." or tokens[k].verb and k > start and not passing:
                break
            if words.is_(category, tokens[k].norm):
                return self.head_keys(k + 1, self.phrase_end(k + 1, limit)) if k < limit else ()
        return ()

    def phrase_end(self, start: int, limit: int) -> int:
        """The end of the noun phrase at start with its "of" modifiers and a name in apposition ("the leader of
        the Wagner group, Yevgeny Prigozhin")."""
        tokens = self.model.tokens
        if start > limit:
            return limit
        end = self.np_end(start, limit)
        while end + 2 <= limit and tokens[end + 1].norm == "of" and tokens[end + 2].sentence == tokens[start].sentence:
            end = self.np_end(end + 2, limit)
        return end

    def object(self, start: int, limit: int) -> tuple[str, ...]:
        """The actors of the object right after the verb ("tortured detainees", "helped the rebels"); for an object
        that belongs to someone ("the accounts of the union", "the union's accounts"), its owner."""
        tokens = self.model.tokens
        if start > limit or tokens[start].tag in ("IN", "TO") or tokens[start].text in ",;.":
            return ()
        end = self.np_end(start, limit)
        head = self.actor_keys_at(start, end)
        owner_at = end + 1
        if owner_at <= limit and tokens[owner_at].norm == "of" and (head == () or self._thing(end)):
            owner = self.actor_keys_at(owner_at + 1, self.np_end(owner_at + 1, min(limit, owner_at + _OWNER_REACH)))
            if owner:
                return owner
        return head

    def _thing(self, head: int) -> bool:
        """The object's head is no named actor ("the email accounts", "members"): its owner is the one it concerns."""
        actor = self.actors.at(head)
        return actor is None or actor.kind != NAMED

    # --- the verb ----------------------------------------------------------------------------------------------
    def modal(self, first: int, floor: int) -> bool:
        """'would supply', 'could have paid', or in a conditional clause ("if he was going to copy it"): not told as
        done."""
        tokens = self.model.tokens
        if any(
            tokens[k].tag == "MD" and tokens[k].norm not in ("ca", "can")
            for k in range(max(floor, first - _MODAL_REACH), first)
        ):
            return True
        return self.conditional(first, floor)

    def conditional(self, first: int, floor: int) -> bool:
        """In a conditional clause ("if he was going to bribe them, …"): a supposition, told as done by no one."""
        tokens = self.model.tokens
        for k in range(first - 1, floor - 1, -1):
            if tokens[k].text in ",;:" or tokens[k].quote != tokens[first].quote:
                return False
            if self.lexicon.words.is_("conditional", tokens[k].norm):
                return True
        return False

    def negated(self, first: int, floor: int) -> bool:
        words = self.lexicon.words
        tokens = self.model.tokens
        for k in range(first - 1, max(floor, first - _NEGATION_REACH) - 1, -1):
            if words.is_("negation", tokens[k].norm) or words.is_("negation", tokens[k].lemma):
                return True
            if not (tokens[k].tag in ("MD", "RB", "TO") or words.is_("auxiliary", tokens[k].lemma)):
                return False
        return False

    def negated_in_clause(self, first: int, floor: int) -> bool:
        """A negation earlier in the clause of a wrong named by a noun or an adjective ("never offered anything
        illegal", "no bribery took place")."""
        words = self.lexicon.words
        tokens = self.model.tokens
        for k in range(first - 1, max(floor, first - _CLAUSE_NEGATION_REACH) - 1, -1):
            if not tokens[k].is_word or tokens[k].norm == "that" or words.is_("subordinator", tokens[k].norm):
                return False
            if words.is_("negation", tokens[k].norm) or words.is_("negation", tokens[k].lemma):
                return True
        return False

    def passive(self, first: int, floor: int) -> bool:
        tokens = self.model.tokens
        if tokens[first].tag != "VBN":
            return False
        for k in range(first - 1, max(floor, first - _PASSIVE_REACH) - 1, -1):
            if tokens[k].lemma in ("be", "get"):
                return True
            coordinated = tokens[k].tag in ("CC", "VBN") or tokens[k].text == ","  # "were kicked and beaten"
            if not (tokens[k].tag.startswith("RB") or coordinated):
                return False
        return False
