"""What extraction produces: plain data, no RDF. mapping.py turns it into a graph, report.py into JSON.

Every offset counts Unicode code points into ArticleDoc.text, the exact stored text of the article body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """A stretch of the stored text: text == article.text[start:end]."""

    start: int
    end: int
    text: str


@dataclass
class ArticleDoc:
    """An article as read: its stored body text and its metadata.

    key: stable identity (hash of the URL, else of the text); the article's IRI and graph are minted from it.
    source_format: 'text', 'html' or 'json'.
    """

    key: str
    text: str
    title: str | None = None
    standfirst: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    date: date | None = None
    url: str | None = None
    dateline: str | None = None  # the place the story was filed from
    agency: str | None = None  # the wire agency a dateline or a credit names ("KYIV (AP) —")
    language: str = "en"
    source_format: str = "text"
    source_name: str | None = None


@dataclass
class Actor:
    """An actor the article names: from the registry (known) or discovered in the text.

    type: local name of an ontology class (Person, State, IntelligenceAgency, AnonymousSource, ...).
    affiliation: IRI of the actor it belongs to, where the text or registry gives it.
    """

    iri: str
    label: str
    type: str
    known: bool
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    confidence: float = 1.0
    wikidata: str | None = None
    mentions: list[Span] = field(default_factory=list)
    kind: str = "named"  # named, described, anonymous or collective


@dataclass
class Statement:
    """An attributed utterance. speaker None means the text does not say who (flagged, never guessed).

    stance: a concept of the stance scheme (supports, confirms, denies, dismisses, downplays, assesses, neutral).
    certainty: a concept of the certainty scheme, or None when not hedged.
    medium: IRI of the actor the statement was given to or published in ("told TASS").
    """

    iri: str
    speaker: str | None
    speaker_label: str | None
    cue: Span | None
    content: Span
    sentence: Span
    direct: bool
    stance: str = "neutral"
    certainty: str | None = None
    medium: str | None = None
    time: str | None = None
    about: list[str] = field(default_factory=list)
    cluster: str | None = None
    confidence: float = 0.8


@dataclass
class Allegation:
    """A claim that an actor did something. Its content is never asserted as fact.

    claim_type: a concept of the event-type scheme (e.g. provide-military-aid), or None.
    claimant_note: who claims it when no actor does: "unattributed" (rumours, reports, passive accusations) or
    "outlet" (the article's own voice).
    """

    iri: str
    summary: str
    evidence: Span
    claim_type: str | None = None
    claimants: list[str] = field(default_factory=list)
    accused: list[str] = field(default_factory=list)
    beneficiaries: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    claimant_note: str | None = None
    supported_by: list[str] = field(default_factory=list)
    contested_by: list[str] = field(default_factory=list)
    certainty: str | None = None
    cluster: str | None = None
    confidence: float = 0.7


@dataclass(frozen=True)
class Response:
    """A statement's stance towards one allegation it addresses (supports, confirms, denies, dismisses, downplays,
    assesses or neutral)."""

    statement: str
    allegation: str
    stance: str


@dataclass
class Place:
    iri: str
    label: str


@dataclass
class Event:
    """An event the text names or describes, with a date normalised against the publication date.

    date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; granularity: 'year', 'month' or 'day' accordingly.
    """

    iri: str
    label: str
    type: str
    evidence: Span
    date: str | None = None
    granularity: str | None = None
    places: list[Place] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    confidence: float = 0.7


@dataclass
class Extraction:
    article: ArticleDoc
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    allegations: list[Allegation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    central_allegation: str | None = None  # the allegation the headline or lead states
