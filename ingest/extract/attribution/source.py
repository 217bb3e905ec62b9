"""Who a cue attributes to: the subject before a verb of saying (past auxiliaries, adverbs, appositions and relative
clauses), the subject after it ("…,” said the minister), the source of "according to", the possessor of a noun cue
("the ministry's statement that"); pronouns and role nouns resolved to an actor, else the words kept unresolved."""

from __future__ import annotations

from newskg.ingest.extract.actors.coreference import Resolver
from newskg.ingest.extract.actors.values import ANONYMOUS, COLLECTIVE, ActorSet
from newskg.ingest.extract.attribution.values import Speaker
from newskg.ingest.extract.attribution.verb_group import VerbGroup
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

_LONG_APPOSITION = 32  # "Dr. X, an infectious disease specialist at the Y who was not involved in …, said"
_MAX_APPOSITION = 16
_ABSOLUTE_REACH = 6  # tokens of the noun phrase between "with" and its participle ("with both countries accusing")


class SourceFinder:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.resolver = resolver
        self.verb_group = VerbGroup(model, lexicon)

    # --- the noun phrase at a token ---------------------------------------------------------------------------
    def _np_start(self, end: int) -> int:
        """First token of the noun phrase ending at token end."""
        tokens = self.model.tokens
        chunk = self.model.chunk_of(end)
        start = chunk.first if chunk is not None and chunk.kind == "NP" else end
        # "the company's spokesman", "Russian foreign ministry spokeswoman Maria Zakharova": join possessives
        while (
            start - 2 >= 0
            and tokens[start - 1].text in ("'s", "’s")
            and tokens[start - 1].sentence == tokens[end].sentence
        ):
            previous = self.model.chunk_of(start - 2)
            start = previous.first if previous is not None and previous.kind == "NP" else start - 2
        while start < end and tokens[start].text in (",", "(", "“", '"', "—"):
            start += 1
        return start

    def at(self, first: int, last: int) -> Speaker | None:
        """The speaker named by tokens first..last: the actor with a mention there (the last one, the head), a
        pronoun's antecedent, or the words themselves."""
        tokens = self.model.tokens
        if first > last:
            return None
        if all(self.is_time(k) or not tokens[k].is_word for k in range(first, last + 1)):
            return None
        for i in range(last, first - 1, -1):
            found = self.actors.mention_at(i)  # the speaker starts where its mention does ("two people familiar …")
            if found is not None:
                actor, start = found[0], min(first, found[1].first)
                return Speaker(actor_key=actor.key, label=actor.label, first=start, last=last)
        if first < last and tokens[last].tag == "PRP":
            return self.at(last, last)  # "which he", "if they": the pronoun is the subject
        if first == last and tokens[first].tag.startswith("PRP"):
            actor = self.resolver.pronoun(first)
            if actor is not None:
                return Speaker(actor_key=actor.key, label=actor.label, first=first, last=last)
            return Speaker(actor_key=None, label=tokens[first].text, first=first, last=last)
        words = self.lexicon.words
        start = first
        while start < last and (words.is_("definite", tokens[start].norm) or tokens[start].norm in ("a", "an")):
            start += 1
        label = self.model.span(start, last).text
        if not any(t.noun or t.tag.startswith("PRP") for t in tokens[first : last + 1]):
            return None
        return Speaker(actor_key=None, label=label, first=first, last=last)

    # --- before the verb --------------------------------------------------------------------------------------
    def _skip_back(self, j: int, floor: int) -> int:
        """From token j leftwards past auxiliaries, adverbs, an apposition or relative clause between commas."""
        tokens = self.model.tokens
        words = self.lexicon.words
        while j >= floor:
            token = tokens[j]
            modifier = self.verb_group.modifier_before(j, floor)  # "have both told", "went on to say"
            if modifier:
                j -= modifier
                continue
            if token.tag in ("MD", "RB", "RBR", "TO") or words.is_("auxiliary", token.lemma) and token.verb:
                j -= 1
                continue
            time = self.verb_group.time_phrase_start(j, floor)
            if time is not None:
                j = time - 1  # "on Monday", "last week", "Thursday morning"
                continue
            if token.text == ")":
                k = j
                while k >= floor and tokens[k].text != "(":
                    k -= 1
                j = k - 1
                continue
            if token.text == "," and j - 1 >= floor:
                k = j - 1
                while k >= floor and tokens[k].text != "," and j - k <= _LONG_APPOSITION:
                    k -= 1
                long_apposition = j - k > _MAX_APPOSITION
                relative = tokens[k + 1].tag in ("WP", "WP$") and tokens[k].text == ","  # ", who spoke on … press,"
                if long_apposition and not relative and not (
                    k - 1 >= floor and words.is_("article", tokens[k + 1].norm) and self._is_name(k - 1, k - 1)
                ):
                    return j - 1
                if k >= floor and tokens[k].text == "," and j - k <= _LONG_APPOSITION:
                    if self._is_name(k + 1, j - 1):
                        chained = self._place_apposition_before(k, floor)
                        if chained is not None:
                            j = chained  # "Ilse Marr, of Port Kell, Velsk-based Harlow Waste, said": Marr
                            continue
                        relative = self._relative_clause_start(k, floor)
                        if relative is None:
                            return j - 1  # "Varenia's envoy, Ada Moreno, told": the name is the subject
                        j = relative - 1  # "Jane Doe, whose father, John, died …, said": Jane Doe
                        continue
                    j = self._place_apposition_before(k, floor) or k - 1  # "X, a spokesman for Y, said" / "X, who …"
                    if j - 1 > floor and tokens[j].tag == "CD" and tokens[j - 1].text == ",":
                        j -= 2  # "Teodor Brask, 52, a former police officer, told": past the age too
                    if self._is_name(j, j) and (relative := self._relative_clause_start(j, floor)) is not None:
                        j = relative - 1  # "Jane Doe, whose father, John, died in May, said"
                    continue
                return j - 1
            return j
        return j

    def _place_apposition_before(self, comma: int, floor: int) -> int | None:
        """The last token of a person's name before ", of <place>," ending at comma, if there is one."""
        tokens = self.model.tokens
        k = comma - 1
        while k > floor and tokens[k].text != "," and comma - k <= 6:
            k -= 1
        if k <= floor or tokens[k].text != "," or tokens[k + 1].norm not in ("of", "from"):
            return None
        actor = self.actors.at(k - 1)
        return k - 1 if actor is not None and actor.type == "Person" else None

    def _relative_clause_start(self, i: int, floor: int) -> int | None:
        """The comma opening a relative clause ("…, whose father, John, …") that token i lies inside, if the clause
        starts within the apposition limit before i."""
        tokens = self.model.tokens
        for k in range(i - 1, max(floor, i - _MAX_APPOSITION) - 1, -1):
            if tokens[k].text == "," and k + 1 < len(tokens) and tokens[k + 1].tag in ("WP", "WP$"):
                return k
            if tokens[k].text in (";", ":") or tokens[k].verb and tokens[k].tag in ("VBD", "VBZ", "VBP"):
                return None
        return None

    def is_time(self, i: int) -> bool:
        return self.verb_group.is_time(i)

    def _is_name(self, first: int, last: int) -> bool:
        """Tokens first..last are (a title and) a person's or an organisation's name and nothing else."""
        actor = self.actors.at(last)
        if actor is None or actor.kind != "named":
            return False
        mention = next(m for m in actor.mentions if m.first <= last <= m.last)
        return mention.last == last and all(
            t.capitalised or not t.is_word for t in self.model.tokens[first : mention.first]
        )

    def coordinated(self, cue_first: int, floor: int) -> bool:
        """'… and added that', '…, but explained that': the verb shares the subject of the one before it."""
        tokens = self.model.tokens
        j = cue_first - 1
        while j >= floor and (
            tokens[j].tag in ("MD", "RB", "RBR")
            or self.lexicon.words.is_("auxiliary", tokens[j].lemma)
            and tokens[j].verb
        ):
            j -= 1
        return j >= floor and tokens[j].tag == "CC"

    def plausible(self, speaker: Speaker) -> bool:
        """Words that can speak: an actor, a pronoun, a role, a document, or a proper name."""
        if speaker.actor_key is not None:
            return True
        tokens = self.model.tokens
        head = tokens[speaker.last]
        words = self.lexicon.words
        return (
            head.tag.startswith("PRP")
            or head.proper
            or head.lemma in words.roles
            or head.lemma in words.documents
            or head.lemma in words.org_descriptors
            or head.lemma in words.media_nouns
            or head.norm in words.org_heads
            or head.lemma in words.state_institutions
        )

    def before(self, cue_first: int, floor: int) -> Speaker | None:
        """The subject of the verb at cue_first, searched no further left than token floor."""
        tokens = self.model.tokens
        j = self._skip_back(cue_first - 1, floor)
        if j < floor:
            return None
        token = tokens[j]
        noun_like = token.tag == "VBG" and j > floor and self.lexicon.words.is_("definite", tokens[j - 1].norm)
        if token.text in (",", ";", ":", "—", "–", "-") or token.text[:1] in "\"“”'’" or token.verb and not noun_like:
            return None
        if token.tag == "CC":
            return None
        start = self._np_start(j)
        if start - 2 >= floor and tokens[start - 1].norm == "by" and tokens[start - 2].tag == "VBN":
            return self.before(start - 2, floor)  # "a leaked memo seen by the Courier shows": the memo
        word_is = self.lexicon.words.is_
        while start - 2 >= floor and word_is("locative", tokens[start - 1].norm) and tokens[start - 2].noun:
            j = start - 2  # "villagers in western Ostria protested", "its ambassador in Velsk said"
            start = self._np_start(j)
        head = j
        member = self._member_before(j, floor)
        if member is not None:
            return member  # "Robert Kalu of the Centre for Arms Control said": Kalu, not the Centre
        # "the president of the local industry association": the head is the noun before "of"
        while (
            start - 2 >= floor
            and self.lexicon.words.is_("org-preposition", tokens[start - 1].norm)
            and tokens[start - 2].noun
            and self.actors.at(j) is None
        ):
            head = start - 2
            start = self._np_start(start - 2)
        if head != j:  # "a leaked audit of the port accuses": the audit, an actor of its own where it is one
            own = self.at(max(start, floor), head)
            if own is not None and own.actor_key is not None:
                return own
        group = self._group_holding(j, start, floor)
        if group is not None:
            return group  # "several inmates at the remand wing of Mile Two said": the inmates
        speaker = self.at(max(start, floor), j)
        if speaker is not None and speaker.actor_key is None and head != j:
            speaker = Speaker(actor_key=None, label=speaker.label, first=speaker.first, last=head)
        return speaker if speaker is not None and self.plausible(speaker) else None

    def _group_holding(self, last: int, start: int, floor: int) -> Speaker | None:
        """A group of people the phrases "of/at/in …" ending at the subject's last noun phrase describe."""
        tokens = self.model.tokens
        named = self.actors.mention_at(last)
        k = min(start, named[1].first) if named is not None else start
        while k - 2 >= floor and tokens[k - 1].tag == "IN" and tokens[k - 2].noun:
            head_end = k - 2
            k = self._np_start(head_end)
            group = self.actors.at(head_end)
            if group is not None and group.kind in (COLLECTIVE, ANONYMOUS):
                return self.at(max(k, floor), head_end)
        return None

    def _member_before(self, last: int, floor: int) -> Speaker | None:
        """A person or a role noun right before "of"/"at"/"for" and the organisation ending at token last ("Ida Sawyer
        of HRW", "a whistleblower at the bank"): the speaker is the member, the organisation only their affiliation."""
        tokens = self.model.tokens
        organisation = self.actors.at(last)
        if organisation is None:
            return None
        start = next(m.first for m in organisation.mentions if m.first <= last <= m.last)
        while start - 1 > floor and self.lexicon.words.is_("definite", tokens[start - 1].norm):
            start -= 1
        if start - 2 < floor or not self.lexicon.words.is_("member-preposition", tokens[start - 1].norm):
            return None
        if organisation.type == "Person" and tokens[start - 1].norm != "for":
            return None  # "a lawyer for Teodor Brask" speaks for him; "the wife of" …
        k = start - 2
        actor = self.actors.at(k)
        member_first = self._np_start(k)
        if actor is organisation or member_first > floor and tokens[member_first - 1].tag == "IN":
            return None  # "the lawyer for the mayor of Trenton": the mayor is not the subject
        if actor is not None and actor.type == "Person":
            return Speaker(actor_key=actor.key, label=actor.label, first=member_first, last=k)
        if actor is None and tokens[k].noun and tokens[k].lemma in self.lexicon.words.roles:
            named = self._named_before_apposition(member_first, floor)
            if named is not None:
                return named  # "Jane Doe, assistant general secretary of the union, …, asked": Jane Doe
            speaker = self.at(member_first, k)
            return speaker if speaker is not None and self.plausible(speaker) else None
        return None

    def _named_before_apposition(self, first: int, floor: int) -> Speaker | None:
        """The person named right before ", <role phrase starting at first>"."""
        tokens = self.model.tokens
        if first - 2 < floor or tokens[first - 1].text != ",":
            return None
        actor = self.actors.at(first - 2)
        if actor is None or actor.type != "Person" or not self._is_name(first - 2, first - 2):
            return None
        mention = next(m for m in actor.mentions if m.first <= first - 2 <= m.last)
        return Speaker(actor_key=actor.key, label=actor.label, first=mention.first, last=mention.last)

    def relative_antecedent(self, cue_first: int, floor: int) -> Speaker | None:
        """'The company that won the tender for the power station has denied …': the subject is the noun a relative
        clause describes, before "that", "which" or "who"."""
        tokens = self.model.tokens
        for k in range(cue_first - 1, floor, -1):
            if tokens[k].text in ",;:" or tokens[k].text[:1] in "\"“”":
                return None
            relative = tokens[k].tag in ("WDT", "WP") or tokens[k].norm == "that"
            before = k - 1
            if relative and tokens[before].text == ")":  # "the report by Human Rights Watch (HRW) that …"
                while before > floor and tokens[before].text != "(":
                    before -= 1
                before -= 1
            if relative and tokens[before].noun:
                head = before
                start = self._np_start(before)
                if start - 2 >= floor and tokens[start - 1].norm == "by" and tokens[start - 2].tag in ("NN", "NNS"):
                    head = start - 2  # "the latest report by X that": the report, whose author attribution finds
                    start = self._np_start(head)
                speaker = self.at(start, head)
                implausible = speaker is None or not self.plausible(speaker)
                if implausible and start - 2 >= floor and tokens[start - 1].tag == "IN":
                    head = start - 2  # "witnesses on two boats who returned": the witnesses
                    speaker = self.at(self._np_start(head), head) if tokens[head].noun else None
                return speaker if speaker is not None and self.plausible(speaker) else None
        return None

    def coordinated_subject(self, cue_first: int, floor: int) -> Speaker | None:
        """'police had investigated the claims and had dismissed them': the subject of the verb before the 'and'."""
        tokens = self.model.tokens
        j = cue_first - 1
        while j >= floor and tokens[j].tag != "CC":
            j -= 1
        for k in range(j - 1, floor - 1, -1):
            if (
                tokens[k].verb
                and tokens[k].tag not in ("VBG",)
                and not self.lexicon.words.is_("auxiliary", tokens[k].lemma)
            ):
                k0 = k
                while k0 - 1 >= floor and (
                    tokens[k0 - 1].tag in ("MD", "RB")
                    or self.lexicon.words.is_("auxiliary", tokens[k0 - 1].lemma)
                    and tokens[k0 - 1].verb
                ):
                    k0 -= 1
                return self.before(k0, floor)
        return None

    def participle_subject(self, cue_first: int, floor: int) -> Speaker | None:
        """Who does a participle's act: the noun phrase after "with" before it, else the sentence's subject."""
        return self.absolute_subject(cue_first, floor) or self.sentence_subject(floor, cue_first)

    def absolute_subject(self, cue_first: int, floor: int) -> Speaker | None:
        """'…, with both countries accusing each other': the noun phrase after "with" does the participle's act."""
        tokens = self.model.tokens
        for k in range(cue_first - 1, max(floor, cue_first - _ABSOLUTE_REACH) - 1, -1):
            if tokens[k].norm == "with":  # not "with immediate effect, citing …": words that cannot speak
                found = self.at(k + 1, cue_first - 1) if k + 1 < cue_first and tokens[cue_first - 1].noun else None
                return found if found is not None and self.plausible(found) else None
            if not (tokens[k].noun or tokens[k].tag in ("DT", "JJ", "CD", "CC", "POS")):
                return None
        return None

    def sentence_subject(self, sentence_first: int, before: int) -> Speaker | None:
        """The subject of the sentence's first verb (for ", alleging that ..." and ", adding ...")."""
        tokens = self.model.tokens
        for k in range(sentence_first, before):
            if tokens[k].quote >= 0:
                continue  # '"There is no truth to it," Busingye wrote, adding that …': the quotation's verbs are not
            if tokens[k].verb and not (tokens[k].tag in ("VBN", "VBG") and k == sentence_first):
                return self.before(k, sentence_first)
        return None

    # --- after the verb ---------------------------------------------------------------------------------------
    def after(self, cue_last: int, ceiling: int, inverted: bool = False) -> Speaker | None:
        """'…,” said the minister' / '…, says Jane Doe, a lawyer for the firm.': the subject after the verb; inverted
        (the content before the verb), none that a verb follows."""
        tokens = self.model.tokens
        i = cue_last + 1
        if i > ceiling or not (tokens[i].noun or tokens[i].tag.startswith(("DT", "PRP", "JJ", "NNP"))):
            return None
        end = i
        while (
            end + 1 <= ceiling
            and tokens[end + 1].text not in (",", ".", ";", ":", "—")
            and not tokens[end + 1].verb
            and tokens[end + 1].text[:1] not in '"“”'
        ):
            end += 1
        while end > i and tokens[end].tag in ("IN", "TO"):  # "accused by the union of hiding …": the union
            end -= 1
        if inverted and end + 1 <= ceiling and tokens[end + 1].tag in ("VBD", "VBZ", "VBP", "MD"):
            return None  # "staff, who spoke anonymously, said computer systems were offline": the content's subject
        return self.at(i, end)

    def possessor(self, noun_first: int) -> Speaker | None:
        """'the ministry's claims that', 'Moreno's suggestions that': the possessor of a noun cue."""
        tokens = self.model.tokens
        j, sentence = noun_first - 1, tokens[noun_first].sentence
        while j >= 0 and tokens[j].tag.startswith(("JJ", "RB", "VBN")) and tokens[j].sentence == sentence:
            j -= 1
        if j >= 1 and tokens[j].text in ("'s", "’s", "'", "’") and tokens[j].gap == "":
            return self.at(self._np_start(j - 1), j - 1)
        if j >= 0 and tokens[j].tag == "PRP$":
            actor = self.resolver.pronoun(j)
            return Speaker(actor_key=actor.key, label=actor.label, first=j, last=j) if actor else None
        return None
