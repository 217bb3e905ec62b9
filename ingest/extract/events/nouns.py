"""Event nouns in their phrases: "the army's sudden offensive on Port Kessa", "Tuesday's attack", "the 2019 invasion
of Laren", "a report published on Monday".

An event noun (lexicon scheme events) counts when it heads a noun phrase in its base form: not a modifier ("attack
drones"), not a verb ("will attack"), not a plural (a plural names a kind of event). Its phrase names one event when it
is definite or possessive, or holds a name or a year; an indefinite one ("an attack on a village") only when the
sentence dates it. Nouns of speech acts and legal steps (types under make-statement or accuse) count only when dated:
undated, "the report" is a document, not an event.
"""

from __future__ import annotations

import re

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.events.dates import DateIndex
from newskg.ingest.extract.events.places import PlaceReader
from newskg.ingest.extract.events.values import EventMention
from newskg.ingest.extract.lexicon.entries import EventWord, Lexicon
from newskg.ingest.extract.lexicon.matcher import Match, entry_words
from newskg.ingest.extract.text.model import TextModel, Token

SPEECH_ACTS = ("make-statement", "accuse")  # event types whose nouns name an event only when dated
MODIFIER_TAGS = ("JJ", "NN", "CD", "VBN", "VBG")
PHRASE_TAGS = ("DT", "PRP$", "POS", *MODIFIER_TAGS)
VERB_BEFORE_TAGS = ("MD", "TO", "PRP")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
JOINERS = frozenset("-‑–")
LEFT_REACH = 8  # tokens an event noun's modifiers may reach to its left
TAIL_HOPS = 3  # prepositional phrases an event noun may carry ("the attack on a village in a province of a country")
DATE_REACH = 20  # tokens after the phrase in which the sentence may date it ("..., which began on Monday")
_YEAR = re.compile(r"(?:19|20)\d\d")


def lineage(event_type: str, broader: dict[str, str]) -> list[str]:
    """The type and every broader type above it (supply-weapons, provide-military-aid, provide-aid)."""
    chain = [event_type]
    while chain[-1] in broader and broader[chain[-1]] not in chain:
        chain.append(broader[chain[-1]])
    return chain


class NounReader:
    def __init__(
        self, model: TextModel, actors: ActorSet, lexicon: Lexicon, dates: DateIndex, places: PlaceReader
    ) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.words = lexicon.words
        self.dates = dates
        self.places = places
        self.dated_tokens = {i for d in dates.mentions for i in model.tokens_within(d.span.start, d.span.end)}

    def mentions(self) -> list[EventMention]:
        matches = [m for m in self.lexicon.event_words.find(self.model, lenient=True) if self._heads_a_phrase(m)]
        found = []
        for n, match in enumerate(matches):
            following = matches[n + 1].first if n + 1 < len(matches) else len(self.model.tokens)
            mention = self._mention(match, following)
            if mention is not None:
                found.append(mention)
        return found

    def _mention(self, match: Match[EventWord], following: int) -> EventMention | None:
        tokens, head = self.model.tokens, match.last
        first, definite = self._phrase_start(match.first)
        last = self._tail_end(head)
        sentence = self.model.sentence_of(head)
        reach = self._date_reach(last, min(sentence.last, last + DATE_REACH, following - 1))
        date = next((d for d in self.dates.within(tokens[first].start, tokens[reach].end) if d.value), None)
        named = any(self._names(tokens[i]) for i in range(first, last + 1) if i != head and i not in self.dated_tokens)
        dated_in_phrase = any(i in self.dated_tokens for i in range(first, head))
        speech = any(t in SPEECH_ACTS for t in lineage(match.entry.event_type, self.lexicon.event_types))
        if (speech and date is None) or not (definite or named or dated_in_phrase or date is not None):
            return None
        parties = self.places.read(first, last, head)
        span = self.model.span(first, last)
        label_first = first + 1 if tokens[first].tag in ("DT", "PRP$") and first < head else first
        label = self.model.span(label_first, last).text
        own = bool(parties.places or parties.participants or date or named or re.search(r"[A-Z0-9]", label))
        return EventMention(
            type=match.entry.event_type,
            head=head,
            first=first,
            last=last,
            span=span,
            label=label,
            parties=parties,
            date=date,
            own=own,
        )

    def _heads_a_phrase(self, match: Match[EventWord]) -> bool:
        tokens = self.model.tokens
        head = tokens[match.last]
        if head.norm != entry_words(match.entry.lemma)[-1]:
            return False  # inflected: a plural, or a verb ("attacked")
        if any(self.actors.at(i) is not None for i in range(match.first, match.last + 1)):
            return False  # part of an actor's name: "the Serious Fraud Office"
        after = tokens[match.last + 1] if match.last + 1 < len(tokens) else None
        if (
            after is not None
            and after.sentence == head.sentence
            and match.last + 1 not in self.dated_tokens
            and (after.tag in ("NN", "NNS") or (head.capitalised and after.capitalised and after.proper))
        ):
            return False  # a modifier ("attack drones") or part of a name ("the Bribery Act")
        if match.first == 0 or tokens[match.first - 1].sentence != head.sentence:
            return True
        before = tokens[match.first - 1]
        return not (
            before.tag in VERB_BEFORE_TAGS
            or self.words.is_("auxiliary", before.lemma)
            or self.words.is_("negation", before.norm)
        )

    def _date_reach(self, last: int, limit: int) -> int:
        """How far after the phrase a date may still be its own: up to a clause with another subject ("an accusation
        the team rejected on Friday"); a relative clause or a participle still speaks of it ("which began on
        Monday", "a report published on Monday")."""
        tokens = self.model.tokens
        for i in range(last + 1, limit + 1):
            if tokens[i].tag in FINITE_TAGS and not self.words.is_("relative", tokens[i - 1].norm):
                return i - 1
        return max(limit, last)

    def _names(self, token: Token) -> bool:
        return (token.proper and token.capitalised and not token.line_start) or bool(
            token.tag == "CD" and _YEAR.fullmatch(token.text)
        )

    def _phrase_start(self, first: int) -> tuple[int, bool]:
        """Walk left over the noun's modifiers: (the phrase's first token, whether it is definite or possessive)."""
        tokens = self.model.tokens
        start, i = first, first - 1
        while i >= 0 and first - i <= LEFT_REACH and tokens[i].sentence == tokens[first].sentence:
            token = tokens[i]
            if token.tag == "PRP$" or (
                self.words.is_("determiner", token.norm) and not self.words.is_("indefinite", token.norm)
            ):
                return i, True
            if token.tag == "DT":
                return i, False  # "an", "every", "no": not one event by itself
            if token.tag == "POS":
                return self._phrase_start_before_possessive(i)
            if not (token.tag.startswith(MODIFIER_TAGS) or (token.text in JOINERS and token.gap == "")):
                break
            start, i = i, i - 1
        return start, False

    def _phrase_start_before_possessive(self, i: int) -> tuple[int, bool]:
        start, _ = self._phrase_start(i)
        return start, True

    def _in_noun_phrase(self, token: Token) -> bool:
        return (
            token.tag.startswith(PHRASE_TAGS)
            or (token.text in JOINERS and token.gap == "")
            or self.words.is_("locative", token.norm)
        )  # "in north-eastern Congo": the tagger's adverb "north"

    def _tail_end(self, head: int) -> int:
        """The last token of the prepositional phrases the noun carries ("of Laren by Varenian troops")."""
        tokens, end = self.model.tokens, head
        j = head + 1
        for _ in range(TAIL_HOPS):
            if (
                j >= len(tokens)
                or not tokens[j].sentence == tokens[head].sentence
                or not self.words.is_("event-tail", tokens[j].norm)
            ):
                break
            k = j + 1
            while (
                k < len(tokens)
                and tokens[k].sentence == tokens[head].sentence
                and k - j <= LEFT_REACH
                and k not in self.dated_tokens
                and self._in_noun_phrase(tokens[k])
            ):
                k += 1
            if k == j + 1:
                break
            end, j = k - 1, k
        return end
