"""Events the text names or describes ("the capture of the port", "the army's spring offensive", "the president's
ouster", "the 2019 invasion"), typed by the lexicon's event cues, with a date normalised against the publication date, places
and participants.

A cue noun names one event when its noun phrase is definite or possessive or carries a name or a year, or when an
"of/on/against X" follows; a bare or indefinite one ("an offensive", "attacks") names a kind. Mentions are merged into
one event when they have the same type and nothing conflicts (places, dates, participants); a mention with nothing
specific of its own ("the offensive") refers to the most mentioned event of a related type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.actor_index import ActorIndex
from ingest.extract.segments import article_dates, article_sentences
from ingest.extract.lexicon import Lexicon, PhraseMatch
from ingest.extract.normalise import name_key
from ingest.extract.registry import Registry, RegistryEntry
from ingest.extract.statement_events import statement_events
from ingest.iris import IriMinter
from ingest.model import Actor, Allegation, ArticleDoc, Event, Place, Span, Statement

_DETERMINERS = frozenset("the this that its their his her our these those".split())
_MODIFIER_SUFFIXES = ("ing", "ed", "al", "ive", "ful", "ous", "ic", "ary", "ent", "ant", "ble", "est", "ern", "ian",
                      "ese", "ish", "-scale", "-day", "-month", "-year")
_MODIFIER_WORDS = frozenset("surprise rebel military latest recent last next major new sudden ground air drone counter "
                            "joint cross-border full-scale first second third final big large huge deadly".split())
_COMPOUND_HEADS = frozenset("drone drones helicopter helicopters aircraft vehicle vehicles plane planes jet jets forces "
                            "troops group groups unit units capability capabilities room rooms line lines".split())
_TAIL = re.compile(r"\s+(?:of|on|against|in|by)\s+(?:the\s+)?[^,.;:()]{1,60}?(?=[,.;:()]|\s+(?:which|that|who|and|"
                   r"has|have|had|is|was|were|are|with|to|as|for|over|after|before|since|in)\b|$)")
_CAPITALISED = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_DEMONYM_LIKE = re.compile(r"(?:ian|ese|ish|i)$|-")
_MONTHS_DAYS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
DATE_WINDOW = 120  # characters after an event's phrase in which its date may be given ("..., which ... in August")


@dataclass
class _Mention:
    type: str
    span: Span
    label: str
    specific: bool
    places: dict[str, Place] = field(default_factory=dict)
    participants: list[str] = field(default_factory=list)
    date: tuple[str, str] | None = None
    possessor: str | None = None  # "the army's spring offensive": whose event it is


def _places_by_name(registry: Registry) -> dict[str, RegistryEntry]:
    return {name_key(n): e for e in registry.entries if e.is_place for n in e.names}


class _EventReader:
    def __init__(self, doc: ArticleDoc, actors: list[Actor], registry: Registry, lexicon: Lexicon,
                 minter: IriMinter) -> None:
        self.doc = doc
        self.text = doc.text
        self.index = ActorIndex(actors)
        self.registry = registry
        self.places = _places_by_name(registry)
        self.demonyms = {name_key(d): e for e in registry.entries if not e.is_place for d in e.demonyms}
        self.lexicon = lexicon
        self.minter = minter

    def _phrase_start(self, floor: int, cue_start: int) -> tuple[int, bool]:
        """Walk left over the cue's modifiers; (start, whether a determiner, possessive, name or year was seen)."""
        start, specific = cue_start, False
        for word in reversed(list(re.finditer(r"[\w’'-]+", self.text[floor:cue_start]))):
            token = word.group(0)
            gap = self.text[floor + word.end():start]
            if gap.strip():
                break
            lower = token.lower()
            if lower in _DETERMINERS:
                return floor + word.start(), True
            if lower in {"a", "an"}:
                return floor + word.start(), specific
            if re.search(r"(?:’s|'s|s’|s')$", token) or token[:1].isupper() or re.fullmatch(r"(?:19|20)\d\d", token):
                specific = True
            elif not (lower.endswith(_MODIFIER_SUFFIXES) or lower in _MODIFIER_WORDS):
                break
            start = floor + word.start()
        return start, specific

    def _places_and_parties(self, start: int, end: int, cue_start: int) -> tuple[dict[str, Place], list[str], str | None]:
        """Places named in the phrase, actors the registry knows by name or demonym that the mentions missed
        ("the 2019 Varenian invasion"), and the possessor among them ("Varenia's northern offensive")."""
        places: dict[str, Place] = {}
        parties: list[str] = []
        possessor = None
        for match in _CAPITALISED.finditer(self.text, start, end):
            name = match.group(0)
            overlapping = any(r.start < match.end() and match.start() < r.end
                              for r in self.index.within(max(0, match.start() - 80), match.end() + 80))
            if overlapping or _MONTHS_DAYS.match(name):
                continue
            locative = re.search(r"\b(?:in|at|near|of|on)\s+(?:the\s+)?$", self.text[start:match.start()])
            place = self.places.get(name_key(name))
            actor = self.registry.resolve(name) or self.demonyms.get(name_key(name))
            if actor and not actor.is_place and not (locative and place):
                parties.append(actor.iri)
                if re.match(r"(?:'s|’s|'|’)(?!\w)", self.text[match.end():match.end() + 2]):
                    possessor = actor.iri
                continue
            if place:
                places[place.iri] = Place(place.iri, place.label)
            elif not _DEMONYM_LIKE.search(name) and (not self.text[match.end():cue_start].strip() or locative):
                iri = str(self.minter.place(name))
                places[iri] = Place(iri, name)
        return places, parties, possessor

    def mentions(self) -> list[_Mention]:
        found: list[_Mention] = []
        for sentence in article_sentences(self.text):
            for match in self.lexicon.event_re.finditer(self.text, sentence.start, sentence.end):
                mention = self._mention(sentence, match)
                if mention:
                    found.append(mention)
        return found

    def _mention(self, sentence: Span, match: PhraseMatch) -> _Mention | None:
        text = self.text
        following = re.match(r"\s+([\w-]+)", text[match.end():sentence.end])
        if following and following.group(1).lower() in _COMPOUND_HEADS:
            return None
        start, specific = self._phrase_start(sentence.start, match.start())
        tail = _TAIL.match(text, match.end(), sentence.end)
        end = tail.end() if tail and tail.group(0).split()[0] in {"of", "on", "against"} else match.end()
        if end > match.end() and _CAPITALISED.search(text, match.end(), end):
            specific = True
        dated = [d for d in article_dates(text, self.doc.date).within(start, min(sentence.end, end + DATE_WINDOW))
                 if d.value]
        if re.match(r"(?:an?)\s", text[start:match.start()]) and dated:
            specific = True  # "an attack on a village ... last week": a dated event is one event
        if not specific or (start == match.start() and re.search(r"\bto\s*$", text[sentence.start:start])):
            return None
        place_end = tail.end() if tail else end
        places, parties, named_possessor = self._places_and_parties(start, place_end, match.start())
        participants = [r.actor.iri for r in self.index.outermost_within(start, end) if r.actor.type != "MediaOutlet"]
        participants += [p for p in parties if p not in participants]
        window_end = min(sentence.end, end + DATE_WINDOW)
        dates = [d for d in article_dates(text, self.doc.date).within(start, window_end) if d.value]
        label = re.sub(r"^(?:the|this|that)\s+", "", text[start:end], flags=re.IGNORECASE)
        possessor = next((r.actor.iri for r in self.index.outermost_within(start, match.start())
                          if re.match(r"(?:'s|’s|'|’)(?!\w)", text[r.end:r.end + 2])), named_possessor)
        return _Mention(self.lexicon.event_cues[" ".join(match.group(0).lower().split())], Span(start, end, text[start:end]),
                        label, bool(places or participants or dates or re.search(r"[A-Z0-9]", label)), places,
                        participants, (dates[0].value, dates[0].granularity) if dates and dates[0].value and
                        dates[0].granularity else None,
                        possessor)


def _conflict(first: _Mention, second: _Mention) -> bool:
    return bool((first.places and second.places and not set(first.places) & set(second.places)) or
                (first.date and second.date and first.date != second.date) or
                (first.possessor and second.possessor and first.possessor != second.possessor))


def _merge(mentions: list[_Mention], lexicon: Lexicon) -> list[list[_Mention]]:
    groups: list[list[_Mention]] = []
    for mention in mentions:
        target = None
        if mention.specific:
            target = next((g for g in reversed(groups) if g[0].type == mention.type and
                           not any(_conflict(m, mention) for m in g)), None)
        else:
            related = [g for g in groups if lexicon.related_types(g[0].type, mention.type)]
            target = max(related, key=len) if related else None
        if target is None:
            groups.append([mention])
        else:
            target.append(mention)
    return groups


def find_events(doc: ArticleDoc, actors: list[Actor], registry: Registry, lexicon: Lexicon, minter: IriMinter,
                statements: list[Statement] | None = None, allegations: list[Allegation] | None = None) -> list[Event]:
    """Events the text names, then (given the article's statements) its dated accusations, denials and statements."""
    reader = _EventReader(doc, actors, registry, lexicon, minter)
    events: list[Event] = []
    for group in _merge(reader.mentions(), lexicon):
        first = group[0]
        if not any(m.specific for m in group):
            continue
        places: dict[str, Place] = {}
        participants: list[str] = []
        for mention in group:
            places.update(mention.places)
            participants.extend(p for p in mention.participants if p not in participants)
        date = next((m.date for m in group if m.date), None)
        named = max(group, key=lambda m: (m.specific, len(m.places) + len(m.participants), -m.span.start))
        events.append(Event(
            iri=str(minter.event(doc.key, f"{first.type}|{first.span.start}")),
            label=named.label, type=first.type, evidence=first.span,
            date=date[0] if date else None, granularity=date[1] if date else None,
            places=list(places.values()), participants=participants,
        ))
    return events + statement_events(doc, actors, statements or [], allegations or [], lexicon, minter)
