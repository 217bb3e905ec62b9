"""The extractor: the stages in order, each a function of the text model and earlier stages' results.

    read → text model → actors → attribution → claims → events → output (the extraction model)

What every article needs (registry, lexicon, name matcher, IRI minter) is loaded once per Extractor, from a
DerivedCache when one is given (ingest/derived_cache.py), as are the tables built from libraries' data.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from newskg.ingest.derived_cache import DerivedCache
from newskg.ingest.extract.actors import ActorFinder, Registry, load_registry
from newskg.ingest.extract.actors.coreference import Resolver
from newskg.ingest.extract.actors.places import WORLD_PLACES
from newskg.ingest.extract.attribution import find_statements
from newskg.ingest.extract.claims import find_claims
from newskg.ingest.extract.events import EventFinder
from newskg.ingest.extract.lexicon import Lexicon, load_lexicon
from newskg.ingest.extract.output import actor_iris, build_extraction
from newskg.ingest.extract.read import MetadataOverrides, read_bytes, read_file
from newskg.ingest.extract.read.dateline import opening_dateline_end
from newskg.ingest.extract.text.lemmas import LEMMA_TABLES
from newskg.ingest.extract.text.tagger import TAGGER_WORDS
from newskg.ingest.extract.text import build_text_model
from newskg.ingest.extract.text.model import TextModel
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import ArticleDoc, Extraction

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
Result = TypeVar("Result")


class _Clock:
    """Adds each stage's seconds to a dict when one is given (make bench reports them), else just runs it."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def time(self, stage: str, run: Callable[..., Result], *args: Any) -> Result:
        if self.timings is None:
            return run(*args)
        started = time.perf_counter()
        result = run(*args)
        self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - started
        return result


@dataclass
class Extractor:
    minter: IriMinter
    registry: Registry
    lexicon: Lexicon
    actor_finder: ActorFinder
    event_finder: EventFinder

    @classmethod
    def load(cls, minter: IriMinter, *, with_registry: bool = True, cache: DerivedCache | None = None) -> "Extractor":
        registry = load_registry(minter, cache=cache) if with_registry else Registry.empty()
        lexicon = load_lexicon(cache=cache)
        if cache is not None:
            for table in (WORLD_PLACES, LEMMA_TABLES, TAGGER_WORDS):
                table.get(cache)  # now, from the cache, rather than built in memory at its first use
        return cls(
            minter=minter,
            registry=registry,
            lexicon=lexicon,
            actor_finder=ActorFinder(registry, lexicon),
            event_finder=EventFinder(registry, lexicon, minter),
        )

    def extract(self, doc: ArticleDoc, timings: dict[str, float] | None = None) -> Extraction:
        """The extraction of one article; timings, when given, gets each stage's seconds added to it."""
        clock = _Clock(timings)
        model = clock.time("text model", self._text_model, doc.text)
        actors = clock.time("actors", self.actor_finder.find, model)
        attributions = clock.time(
            "attribution",
            find_statements,
            model,
            actors,
            self.lexicon,
            Resolver(model, actors, self.lexicon),
        )
        claims = clock.time("claims", find_claims, model, actors, attributions, self.lexicon, doc)
        events = clock.time(
            "events",
            self.event_finder.find,
            doc,
            model,
            actors,
            attributions,
            claims,
            actor_iris(doc, actors, self.minter),
        )
        return clock.time(
            "output",
            build_extraction,
            doc,
            actors,
            attributions,
            claims,
            events,
            self.minter,
            self.lexicon.report_stances,
        )

    @staticmethod
    def _text_model(text: str) -> TextModel:
        return build_text_model(text, dateline_end=opening_dateline_end(text))

    def extract_file(
        self,
        path: Path,
        overrides: MetadataOverrides | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Extraction:
        return self.extract(read_file(path, overrides, max_bytes))

    def extract_bytes(
        self,
        data: bytes,
        name: str,
        media_type: str | None = None,
        overrides: MetadataOverrides | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Extraction:
        return self.extract(read_bytes(data, name, media_type, overrides, max_bytes))
