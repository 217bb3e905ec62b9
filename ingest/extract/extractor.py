"""The extractor: the stages in order, each a function of the text model and earlier stages' results.

    read → text model → actors → attribution → claims → events → output (the extraction model)

What every article needs (registry, lexicon, name matcher, IRI minter) is loaded once per Extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.extract.actors import ActorFinder, Registry, load_registry
from ingest.extract.actors.coreference import Resolver
from ingest.extract.attribution import find_statements
from ingest.extract.claims import find_claims
from ingest.extract.events import EventFinder
from ingest.extract.lexicon import Lexicon, load_lexicon
from ingest.extract.output import actor_iris, build_extraction
from ingest.extract.read import MetadataOverrides, read_bytes, read_file
from ingest.extract.text import build_text_model
from ingest.iris import IriMinter
from ingest.model import ArticleDoc, Extraction

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Extractor:
    minter: IriMinter
    registry: Registry
    lexicon: Lexicon
    actor_finder: ActorFinder
    event_finder: EventFinder

    @classmethod
    def load(cls, minter: IriMinter, *, with_registry: bool = True) -> "Extractor":
        registry = load_registry(minter) if with_registry else Registry.empty()
        lexicon = load_lexicon()
        return cls(minter=minter, registry=registry, lexicon=lexicon, actor_finder=ActorFinder(registry, lexicon),
                   event_finder=EventFinder(registry, lexicon, minter))

    def extract(self, doc: ArticleDoc) -> Extraction:
        model = build_text_model(doc.text)
        actors = self.actor_finder.find(model)
        attributions = find_statements(model, actors, self.lexicon, Resolver(model, actors, self.lexicon))
        claims = find_claims(model, actors, attributions, self.lexicon, doc)
        events = self.event_finder.find(doc, model, actors, attributions, claims, actor_iris(doc, actors, self.minter))
        return build_extraction(doc, actors, attributions, claims, events, self.minter)

    def extract_file(self, path: Path, overrides: MetadataOverrides | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
        return self.extract(read_file(path, overrides, max_bytes))

    def extract_bytes(self, data: bytes, name: str, media_type: str | None = None,
                      overrides: MetadataOverrides | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
        return self.extract(read_bytes(data, name, media_type, overrides, max_bytes))
