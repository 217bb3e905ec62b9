"""The real extractor for the extraction tests, with a few fictional actors added to the real registry, and lookups
that fail with a message showing what was extracted.

Every text in tests/test_extract is FICTION written for the project: the people (Mara Voss, Teodor Brask, ...), the
companies, groups and outlets, the states Ostria and Valmora and their towns are invented; no sentence is taken from
a published article or from the seed articles.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from newskg.ingest.extract import Extractor
from newskg.ingest.extract.actors import ActorFinder, Registry, RegistryEntry
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Extraction, Statement

MINTER = IriMinter("http://127.0.0.1:8000/")
BASE = MINTER.id_base

# fictional states and their towns, as the registry lists real ones (ontology/states.ttl)
FICTIONAL_REGISTRY = (
    RegistryEntry(BASE + "actor/ostria", "Ostria", "State", aliases=("Republic of Ostria",), demonyms=("Ostrian",),
                  metonyms=("Velsk",)),
    RegistryEntry(BASE + "actor/valmora", "Valmora", "State", demonyms=("Valmoran",), metonyms=("Ardenne",)),
    RegistryEntry(BASE + "actor/liwa-al-qamar", "Liwa' al-Qamar", "ArmedGroup", aliases=("LAQ", "Liwa al Qamar")),
    RegistryEntry(BASE + "actor/anselm-dravec", "Anselm Dravec", "Person", aliases=("Anselm Dravek", "Dravec"),
                  role="regent", affiliation=BASE + "actor/ostria"),
    RegistryEntry(BASE + "actor/ostrian-intelligence", "Ostrian Intelligence Directorate", "IntelligenceAgency",
                  aliases=("Ostrian intelligence",), affiliation=BASE + "actor/ostria"),
    RegistryEntry(BASE + "place/velsk", "Velsk", "Place"),
    RegistryEntry(BASE + "place/ardenne", "Ardenne", "Place"),
    RegistryEntry(BASE + "place/port-kell", "Port Kell", "Place"),
)

# report values of the stance scheme (evaluation/real/CONVENTIONS.md)
REPORT_STANCE = {"supports": "supports", "confirms": "supports", "denies": "denies", "dismisses": "denies",
                 "downplays": "downplays", "assesses": "neutral", "neutral": "neutral"}


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    real = Extractor.load(MINTER)
    registry = Registry([*real.registry.entries, *FICTIONAL_REGISTRY])
    return replace(real, registry=registry, actor_finder=ActorFinder(registry, real.lexicon))


@dataclass(frozen=True)
class Read:
    """An extraction with lookups by what the text says."""

    extraction: Extraction

    @property
    def text(self) -> str:
        return self.extraction.article.text

    def summary(self) -> str:
        label = self.label
        lines = [f"actor {a.label!r} {a.type}/{a.kind} {[m.text for m in a.mentions]}" for a in self.extraction.actors]
        lines += [f"statement by {label(s.speaker)!r} ({s.speaker_label!r}) cue {s.cue.text if s.cue else None!r}: "
                  f"{s.content.text!r} [{s.stance}]" for s in self.extraction.statements]
        lines += [f"allegation {a.claim_type} by {[label(c) for c in a.claimants]} {a.claimant_note or ''} against "
                  f"{[label(c) for c in a.accused]} for {[label(c) for c in a.beneficiaries]}: {a.summary!r}"
                  for a in self.extraction.allegations]
        return "\n".join(lines)

    # actors
    def find_actor(self, surface: str) -> Actor | None:
        return next((a for a in self.extraction.actors if a.label == surface), None) or next(
            (a for a in self.extraction.actors if any(m.text == surface for m in a.mentions)), None)

    def actor(self, surface: str) -> Actor:
        found = self.find_actor(surface)
        assert found is not None, f"no actor {surface!r}:\n{self.summary()}"
        return found

    def label(self, iri: str | None) -> str | None:
        return next((a.label for a in self.extraction.actors if a.iri == iri), iri)

    def labels(self, iris: list[str]) -> set[str | None]:
        return {self.label(i) for i in iris}

    # statements
    def find_statements(self, fragment: str) -> list[Statement]:
        return [s for s in self.extraction.statements if fragment in s.content.text]

    def statement(self, fragment: str) -> Statement:
        found = self.find_statements(fragment)
        assert found, f"no statement with {fragment!r}:\n{self.summary()}"
        return found[0]

    def speaker(self, fragment: str) -> str | None:
        """The label of the actor who says the statement with this fragment (None: no actor)."""
        return self.label(self.statement(fragment).speaker)

    def stance(self, statement: Statement, allegation: Allegation) -> str | None:
        """The statement's stance toward the allegation, as a report value; None when it does not respond to it."""
        for r in self.extraction.responses:
            if r.statement == statement.iri and r.allegation == allegation.iri:
                return REPORT_STANCE[r.stance]
        return None

    # allegations
    def against(self, surface: str) -> list[Allegation]:
        actor = self.actor(surface)
        return [a for a in self.extraction.allegations if actor.iri in a.accused]

    def allegation_against(self, surface: str) -> Allegation:
        found = self.against(surface)
        assert found, f"no allegation against {surface!r}:\n{self.summary()}"
        return found[0]

    @property
    def central(self) -> Allegation | None:
        return next((a for a in self.extraction.allegations if a.iri == self.extraction.central_allegation), None)


def extract(text: str, title: str | None = None, published: date | None = None) -> Read:
    doc = ArticleDoc(key="fiction", text=text, title=title, date=published)
    extraction = extractor().extract(doc)
    for actor in extraction.actors:
        assert all(text[m.start:m.end] == m.text for m in actor.mentions), actor
    for statement in extraction.statements:
        assert text[statement.content.start:statement.content.end] == statement.content.text, statement
    return Read(extraction)
