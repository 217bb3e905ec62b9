"""The lexicon's entries as values, and the Lexicon that holds them with their matchers."""

from __future__ import annotations

from dataclasses import dataclass, field

from newskg.ingest.extract.lexicon.matcher import LemmaMatcher
from newskg.ingest.extract.lexicon.words import WordTables


@dataclass(frozen=True)
class Cue:
    """A reporting cue. cue_class: the local name of its class (saying, telling, accusing, denying, ...);
    pos: 'verb', 'noun' or 'phrase'; stance: a stance concept's local name."""

    lemma: str
    cue_class: str
    pos: str
    stance: str
    certainty: str | None = None
    allegation: bool = False
    addressee: bool = False
    accuses_object: bool = False
    characterises: bool = False
    clause_only: bool = False  # the object attributes only as a clause or a quotation ("published its accounts")


@dataclass(frozen=True)
class ActEntry:
    """An act an allegation can name. event_type: an event-type concept's local name."""

    lemma: str
    act_class: str
    pos: str
    event_type: str
    wrongful: bool = False
    receives: bool = False
    accuses_object: bool = False
    benefits: bool = False


@dataclass(frozen=True)
class EventWord:
    """A noun naming an event (lexicon scheme events). event_type: an event-type concept's local name."""

    lemma: str
    pos: str
    event_type: str


@dataclass(frozen=True)
class StanceWord:
    lemma: str
    stance: str
    restrictive: bool = False
    pos: str = "phrase"
    precedence: int = 9
    impugns_motive: bool = False  # "a witch hunt": the claim's makers acted in bad faith
    only_negated: bool = False  # "the militia did not need outside help": a stance only when negated


@dataclass(frozen=True)
class Hedge:
    lemma: str
    certainty: str
    pos: str = "phrase"


@dataclass(frozen=True)
class Pronoun:
    lemma: str
    number: str
    types: frozenset[str]
    gender: str | None = None
    first_person: bool = False


@dataclass(frozen=True)
class Lexicon:
    cues: LemmaMatcher[Cue]
    acts: LemmaMatcher[ActEntry]
    legal_actions: LemmaMatcher[ActEntry]
    penalties: LemmaMatcher[ActEntry]
    attributing: LemmaMatcher[ActEntry]
    handed_over: LemmaMatcher[ActEntry]
    stance_words: LemmaMatcher[StanceWord]
    hedges: LemmaMatcher[Hedge]
    pronouns: dict[str, Pronoun]
    words: WordTables
    event_types: dict[str, str] = field(default_factory=dict)  # event-type local name -> its broader one
    report_stances: dict[str, str] = field(default_factory=dict)  # stance local name -> its report stance
    event_words: LemmaMatcher[EventWord] = field(default_factory=lambda: LemmaMatcher(()))
