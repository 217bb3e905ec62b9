"""Who speaks: the subject of a reporting verb, and pronouns or role nouns ("he", "the official", "the account")
resolved to the nearest compatible actor named before them. What cannot be resolved stays unresolved (iri None) with
the words as written, never a guess."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.actor_index import ActorIndex, MentionRef
from ingest.extract.lexicon import Lexicon
from ingest.model import Actor, Span

# words that may stand between a subject and its verb ("Varenian officials have repeatedly accused")
_FILLER = frozenset(
    "have has had also did does do would will was were is are been being once again further then later now first "
    "already often even still too earlier likewise yesterday today tonight separately previously recently repeatedly "
    "publicly openly reportedly allegedly himself herself itself themselves who which not never".split())
_NOT_ADVERBS = frozenset("family ally rally assembly daily anomaly monopoly supply italy july".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may june "
                        "july august september october november december week month year weekend".split())
_TIME_LEADS = frozenset("on in last this earlier late early".split())
_PREPOSITIONS = frozenset("of for in at from to with by on against between into about over near under than "
                          "toward towards across among within via like".split())
_DETERMINERS = r"(?:the|this|that|these|those)"
_INDEFINITE = r"(?:a|an|one|two|three|four|several|many|some|other|most|few|various|numerous|multiple)"
_LEADING_CONNECTIVE = re.compile(r"\s*(?:(?:although|though|while|whereas|as|but|and|however|indeed|if|when|because|since|"
                                 r"so|yet|meanwhile|instead|still)\b[\s,]*)*", re.IGNORECASE)
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+")
_LEADING_NAME = re.compile(r"\s*((?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)(?=\s*(?:[,.;:]|$))")
_MONTH_OR_DAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
_WORD = re.compile(r"[\w'’.-]+")
# a clause also starts after a dateline ("KHARTOUM, March 12 (Newswire) - ") or a dash
_CLAUSE_BREAK = re.compile(r"[,;:)]|\s[-–—]\s|[–—]")
_TITLE = (r"(?:(?:Lt|Lieut|Col|Gen|Maj|Capt|Cpt|Sgt|Adm|Brig|Cmdr|Dr|Prof|Mr|Mrs|Ms|Rev|Sheikh|Sir|Dame|Judge|Justice)"
          r"\.?\s+)")
_PERSON_NAME = re.compile(rf"{_TITLE}*([A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|le|la)[\s-])?"
                          rf"[A-Z][\w'’-]+){{1,3}})")
_PARTITIVE = re.compile(r"\b(?:one|two|three|some|several|many|most|each|both|all|none|neither|either)\s+of\s+"
                        r"(?:them|those|these|us)$", re.IGNORECASE)
_STATE_HEAD = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?([\w-]+)$")
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)(?!\w)")
ROLE_WINDOW = 3000  # characters back in which a role noun looks for its antecedent


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as found: iri None when the text names no actor the article has (then label is the words)."""

    iri: str | None
    label: str
    span: Span
    members: tuple[str, ...] = ()  # every actor of a compound subject ("officials, including X, and Y")


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _strip_fillers(text: str, start: int, end: int, index: ActorIndex) -> int:
    """The end of the subject once adverbs, auxiliaries and time phrases before the verb are removed."""
    while True:
        stripped = text[start:end].rstrip()
        end = start + len(stripped)
        match = re.search(r"([\w'’-]+)$", stripped)
        if not match:
            return end
        word = match.group(1).lower()
        word_start = start + match.start(1)
        if index.covering(word_start, end):
            return end
        filler = word in _FILLER or (word.endswith("ly") and len(word) > 5 and word not in _NOT_ADVERBS)
        if word in _TIME_WORDS:
            before = re.search(r"([\w'’-]+)\s+$", text[start:word_start])
            if before and before.group(1).lower() in _TIME_LEADS:
                word_start = start + before.start(1)
            filler = True
        if not filler:
            return end
        end = word_start


def _previous_word(text: str, offset: int, floor: int) -> str:
    match = re.search(r"([\w'’-]+)[\s\"“]*$", text[floor:offset])
    return match.group(1).lower() if match else ""


class SpeakerFinder:
    def __init__(self, text: str, index: ActorIndex, lexicon: Lexicon) -> None:
        self.text = text
        self.index = index
        self.lexicon = lexicon

    def _embedded(self, ref: MentionRef, floor: int) -> bool:
        """A mention inside a prepositional phrase or used as a possessive modifier is not a subject."""
        previous = _previous_word(self.text, ref.start, floor)
        if previous in {"the", "a", "an"}:
            previous = _previous_word(self.text, ref.start - len(previous) - 1, floor)
        return previous in _PREPOSITIONS or bool(_POSSESSIVE.match(self.text[ref.end:ref.end + 3]))

    def _from_mention(self, ref: MentionRef, members: list[MentionRef] | None = None) -> SpeakerRef:
        iris = tuple(dict.fromkeys(m.actor.iri for m in (members or [ref])))
        return SpeakerRef(ref.actor.iri, ref.actor.label, _span(self.text, ref.start, ref.end), iris)

    def _subjects(self, start: int, end: int) -> list[MentionRef]:
        return [m for m in self.index.outermost_within(start, end) if not self._embedded(m, start)]

    def _members(self, refs: list[MentionRef]) -> list[MentionRef]:
        """Coordinated subjects; a mention modifying the next ("Daily Star columnist Jane Roe",
        "the government-affiliated newspaper Al-Sabah") is not one of them."""
        kept = []
        for j, ref in enumerate(refs):
            gap = self.text[ref.end:refs[j + 1].start] if j + 1 < len(refs) else ","
            if re.search(r",|\band\b", gap) or len(_WORD.findall(gap)) > 3:
                kept.append(ref)
        return kept

    def before(self, clause_start: int, verb_start: int) -> SpeakerRef | None:
        """The subject of a verb, looking left from it to the clause start."""
        text = self.text
        end = _strip_fillers(text, clause_start, verb_start, self.index)
        if end <= clause_start:
            return None
        if text[end - 1] == ",":
            return self._apposed_subject(clause_start, end - 1)
        state = self._state_government(clause_start, end)
        if state:
            return state
        subjects = self._subjects(clause_start, end)
        last = subjects[-1] if subjects else None
        if last and not text[last.end:end].strip(" )]’'\""):
            boundary = max(text.rfind(",", clause_start, last.start), clause_start)
            return self._from_mention(last, self._members([m for m in subjects if m.start >= boundary]))
        reference = self.reference_ending(clause_start, end)
        if reference:
            return reference
        if last and text.count(",", last.end, end) == 0 and len(_WORD.findall(text[last.end:end])) <= 6:
            return self._from_mention(last)
        return self._unresolved_name(clause_start, end) or self._unresolved_group(clause_start, end)

    def _state_government(self, floor: int, end: int) -> SpeakerRef | None:
        """"Moldova's government", "Sudan's army-led government": a state's government speaks for the state."""
        head = _STATE_HEAD.search(self.text, floor, end)
        if head is None or not head.group(1).lower() in self.lexicon.state_heads:
            return None
        ref = self.index.covering(head.start() - 1, head.start())
        if ref is None or ref.actor.type != "State" or ref.start < floor:
            return None
        return SpeakerRef(ref.actor.iri, ref.actor.label, _span(self.text, ref.start, end), (ref.actor.iri,))

    def _person_name(self, start: int, end: int) -> SpeakerRef | None:
        """A stretch that is only a person's name, with titles ("Lt Col Jean-Pierre Kabeya"), as actor or as written."""
        stretch = self.text[start:end]
        lead = len(stretch) - len(stretch.lstrip(" ()\"“"))
        stretch = stretch.strip(" ()\"“”")
        name = _PERSON_NAME.fullmatch(stretch)
        if not name or _MONTH_OR_DAY.match(name.group(1).split()[-1]):
            return None
        name_start = start + lead + name.start(1)
        name_end = name_start + len(name.group(1))
        inside = self.index.outermost_within(name_start, name_end)
        ref = self.index.covering(name_start, name_end) or (inside[0] if inside else None)
        if ref and ref.start <= name_start + 1 and ref.end >= name_end - 1:
            return self._from_mention(ref)
        if any(r.actor.type != "Person" for r in self.index.within(name_start, name_end)):
            return None
        return SpeakerRef(None, name.group(1), _span(self.text, name_start, name_end))

    def _unresolved_name(self, floor: int, end: int) -> SpeakerRef | None:
        """'Transport Minister Jane Roe accused ...' when the article has no actor for her: her name, as written."""
        name = _TRAILING_NAME.search(self.text, floor, end)
        if not name or name.end() != end:
            return None
        words = name.group(0).split()
        at_clause_start = not self.text[floor:name.start()].strip(" ,;:")
        previous = _previous_word(self.text, name.start(), floor)
        if previous == "the":
            previous = _previous_word(self.text, self.text.rfind("the", floor, name.start()), floor)
        if _MONTH_OR_DAY.match(words[-1]) or previous in _PREPOSITIONS:
            return None  # "a memo seen by the Sentinel shows": a name after a preposition is not the subject
        if len(words) == 1:
            return self._surname(name.start(), name.end(), at_clause_start)
        return SpeakerRef(None, name.group(0), _span(self.text, name.start(), name.end()))

    def _surname(self, start: int, end: int, at_clause_start: bool) -> SpeakerRef | None:
        """'"...," Guo said': one name word stands for the person named in full before (the actor, if the article
        has one; else the word as written, when the full name was in the text); a lone capitalised word at the clause
        start that names no one seen before is no speaker."""
        word = self.text[start:end]
        people = {ref.actor.iri: ref.actor for ref in self.index.before(start) if ref.actor.type == "Person"
                  and word in re.findall(r"[\w'’-]+", ref.actor.label)}
        if len(people) == 1:
            actor = next(iter(people.values()))
            return SpeakerRef(actor.iri, actor.label, _span(self.text, start, end), (actor.iri,))
        named_before = re.search(rf"[A-Z][\w'’-]+\s+{re.escape(word)}\b|\b{re.escape(word)}\s+[A-Z][\w'’-]+",
                                 self.text[:start])
        if at_clause_start and not named_before:
            return None
        return SpeakerRef(None, word, _span(self.text, start, end))

    def _apposed_subject(self, clause_start: int, comma: int) -> SpeakerRef | None:
        """'S, an apposition, said': the leftmost subject-like mention followed by a comma; 'the group's spokesman,
        Jane Roe, said': the name; 'Jane Roe, who heads the union, said' with no actor for her: the name as written."""
        text = self.text
        lead = _LEADING_CONNECTIVE.match(text, clause_start, comma)
        first_start = lead.end() if lead else clause_start
        first_comma = text.find(",", first_start, comma + 1)
        last_comma = text.rfind(",", first_start, comma)
        if last_comma != -1 and self.lexicon.role_re.search(text, first_start, last_comma):
            named = self._person_name(last_comma + 1, comma)
            if named:
                return named
        first = self._first_segment_subject(first_start, first_comma)
        if first:
            return first
        subjects = self._subjects(clause_start, comma)
        for i, ref in enumerate(subjects):
            if self.text[ref.end:comma + 1].lstrip(" )]’'\"").startswith(","):
                return self._from_mention(ref, [ref] + self._members(subjects[i + 1:]))
        first_comma = self.text.find(",", clause_start, comma + 1)
        while first_comma != -1:
            reference = self.reference_ending(clause_start, first_comma)
            if reference:
                return reference
            first_comma = self.text.find(",", first_comma + 1, comma + 1)
        return None

    def _first_segment_subject(self, start: int, comma: int) -> SpeakerRef | None:
        """The subject standing alone before an apposition: a mention, a reference, a name or a described group."""
        subjects = self._subjects(start, comma)
        if subjects and not self.text[start:subjects[0].start].strip(" (\"“") and \
                not self.text[subjects[-1].end:comma].strip(" )]’'\""):
            return None  # a mention-led subject: the general rule below keeps its coordinated members
        return self.reference_ending(start, comma) or self._person_name(start, comma) or \
            self._described_group(start, comma)

    def _described_group(self, start: int, end: int) -> SpeakerRef | None:
        """'Two former employees', 'Hospital staff': a noun phrase at the clause start headed by a role noun."""
        role = None
        for match in self.lexicon.role_re.finditer(self.text, start, end):
            role = match
        if role is None or self.text[role.end():end].strip() or len(_WORD.findall(self.text[start:end])) > 6:
            return None
        return SpeakerRef(None, self.text[start:end].strip(), _span(self.text, start, end))

    def after(self, verb_end: int, limit: int) -> SpeakerRef | None:
        """The subject of an inverted frame ('said the source', 'said Dr. Jane Doe, a scholar at ...')."""
        text = self.text
        match = re.match(r"\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Sen|Rep)\.?\s+)?", text[verb_end:limit])
        start = verb_end + (match.end() if match else 0)
        for ref in self.index.outermost_within(verb_end, min(limit, start + 80)):
            if not text[verb_end:ref.start].strip(" ,") or ref.start <= start + 2:
                return self._from_mention(ref)
            break
        words = re.match(rf"\s*((?:{_DETERMINERS}|{_INDEFINITE})\s+(?:[\w’'-]+\s+){{0,3}}?[\w-]+|he|she|they|it)\b",
                         text[verb_end:limit], re.IGNORECASE)
        if words:
            return self.reference_ending(verb_end + words.start(1), verb_end + words.end(1))
        name = _LEADING_NAME.match(text, verb_end, limit)
        if name:
            return SpeakerRef(None, name.group(1), _span(text, name.start(1), name.end(1)))
        bare = re.match(r"\s*((?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s*(?=[,.;:]|$)", text[verb_end:limit])
        if bare and self.lexicon.role_re.search(text, verb_end + bare.start(1), verb_end + bare.end(1)):
            start, end = verb_end + bare.start(1), verb_end + bare.end(1)
            return SpeakerRef(None, text[start:end], _span(text, start, end))  # "according to aid groups"
        return None

    def reference_ending(self, floor: int, end: int) -> SpeakerRef | None:
        """A pronoun or a definite role noun phrase ending at `end`, resolved to its antecedent."""
        text = self.text
        ref = self.index.covering(end - 1, end)
        if ref and ref.start >= floor and not self._embedded(ref, floor):
            return self._from_mention(ref)
        partitive = _PARTITIVE.search(text, floor, end)
        if partitive and partitive.end() == end:
            return SpeakerRef(None, partitive.group(0), _span(text, partitive.start(), end))
        pronoun = re.search(r"\b(\w+)$", text[floor:end])
        if pronoun:
            entry = self.lexicon.role(pronoun.group(1))
            if entry and entry.pronoun:
                start = floor + pronoun.start(1)
                return self._resolve(start, end, entry.types, (), pronoun.group(1), require_label=False)
        role = self.lexicon.role_re.search(text, max(floor, end - 40), end)
        while role and role.end() != end:
            role = self.lexicon.role_re.search(text, role.start() + 1, end)
        if not role:
            return None
        phrase = re.search(rf"\b({_DETERMINERS}|{_INDEFINITE})\s+((?:[\w’'-]+\s+){{0,3}}?)$",
                           text[max(floor, role.start() - 60):role.start()], re.IGNORECASE)
        if not phrase:
            return None
        np_start = max(floor, role.start() - 60) + phrase.start(1)
        entry = self.lexicon.role(role.group(0))
        if entry is None:
            return None
        if phrase.group(1).lower() in {"the", "this", "that", "these", "those"}:
            modifiers = tuple(w for w in phrase.group(2).split() if w[:1].isupper())
            resolved = self._resolve(np_start, end, entry.types, modifiers, role.group(0), require_label=True)
            if resolved.iri:
                return resolved
        return SpeakerRef(None, text[np_start:end], _span(text, np_start, end))

    def _unresolved_group(self, clause_start: int, end: int) -> SpeakerRef | None:
        """'Many observers in Turkey believe': the text names a source the article has no actor for."""
        role = None
        for match in self.lexicon.role_re.finditer(self.text, clause_start, end):
            role = match
        if role is None or any(c in self.text[role.end():end] for c in ",;:"):
            return None
        breaks = list(_CLAUSE_BREAK.finditer(self.text, clause_start, role.start()))
        start = max(breaks[-1].end() if breaks else clause_start, clause_start)
        lead = _LEADING_CONNECTIVE.match(self.text, start, end)
        start = lead.end() if lead else start
        return SpeakerRef(None, self.text[start:end], _span(self.text, start, end))

    def _resolve(self, start: int, end: int, types: frozenset[str], modifiers: tuple[str, ...], noun: str,
                 require_label: bool) -> SpeakerRef:
        """The nearest actor named before `start` that the pronoun or role noun can refer to."""
        phrase = _span(self.text, start, end)
        noun_stem = noun.lower().rstrip("s")
        candidates = [m for m in self.index.before(start) if start - m.end <= ROLE_WINDOW]
        passes = [True, False] if require_label else [False]
        for by_label in passes:
            for ref in candidates:
                actor = ref.actor
                if modifiers and not all(_names(actor, mod) for mod in modifiers):
                    continue
                if by_label and _names(actor, noun_stem):
                    return SpeakerRef(actor.iri, actor.label, phrase, (actor.iri,))
                if not by_label and actor.type in types:
                    return SpeakerRef(actor.iri, actor.label, phrase, (actor.iri,))
        return SpeakerRef(None, phrase.text, phrase)


def _names(actor: Actor, word: str) -> bool:
    """Whether the actor's label, role or aliases contain the word (or its plural)."""
    haystack = " ".join([actor.label, actor.role or "", *actor.aliases]).lower()
    return re.search(rf"\b{re.escape(word.lower())}s?\b", haystack) is not None
