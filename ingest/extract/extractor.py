"""The extractor: runs the stages in order with what they need (registry, lexicon, IRI minter) loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.extract.actors import find_actors
from ingest.extract.allegations import find_allegations
from ingest.extract.attribution import find_statements
from ingest.extract.events import find_events
from ingest.extract.lexicon import Lexicon, load_lexicon
from ingest.extract.reading import MetadataOverrides, read_bytes, read_file
from ingest.extract.registry import Registry, load_registry
from ingest.iris import IriMinter
from ingest.model import ArticleDoc, Extraction


@dataclass
class Extractor:
    """Holds what every extraction needs (registry, lexicon, IRI minter), loaded once."""

    minter: IriMinter
    registry: Registry
    lexicon: Lexicon

    @classmethod
    def load(cls, minter: IriMinter, *, with_registry: bool = True) -> "Extractor":
        registry = load_registry(minter) if with_registry else Registry.empty()
        return cls(minter=minter, registry=registry, lexicon=load_lexicon())

    def extract(self, doc: ArticleDoc) -> Extraction:
        actors = find_actors(doc, self.registry, self.minter)
        statements = find_statements(doc, actors, self.lexicon, self.minter)
        allegations = find_allegations(doc, actors, statements, self.lexicon, self.minter)
        events = find_events(doc, actors, self.registry, self.lexicon, self.minter, statements, allegations)
        return Extraction(article=doc, actors=actors, statements=statements, allegations=allegations, events=events)

    def extract_file(self, path: Path, overrides: MetadataOverrides | None = None,
                     max_bytes: int = 20 * 1024 * 1024) -> Extraction:
        return self.extract(read_file(path, overrides, max_bytes))

    def extract_bytes(self, data: bytes, name: str, media_type: str | None = None,
                      overrides: MetadataOverrides | None = None, max_bytes: int = 20 * 1024 * 1024) -> Extraction:
        return self.extract(read_bytes(data, name, media_type, overrides, max_bytes))
