"""The one place IRIs (and the page URLs that open them) are minted. Deterministic: same input, same IRI."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef


def digest(*parts: str, length: int = 16) -> str:
    """A short stable hex key for the given parts."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def slugify(name: str) -> str:
    """ASCII, lowercase, hyphenated: 'Jaysh al-'Izza' -> 'jaysh-al-izza'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"['\u2019`]", "", ascii_name.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return slug[:80] or digest(name, length=12)


@dataclass(frozen=True)
class IriMinter:
    """Mints every IRI under one configurable base (default: the local server, so IRIs open in a browser)."""

    base: str

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")

    @property
    def id_base(self) -> str:
        """Relative IRIs in ontology/actors.ttl are resolved against this."""
        return self.base + "id/"

    def _id(self, kind: str, key: str) -> URIRef:
        return URIRef(f"{self.base}id/{kind}/{key}")

    # articles and their graphs
    @staticmethod
    def article_key(url: str | None, text: str) -> str:
        return digest("url", url) if url else digest("text", text)

    def article(self, article_key: str) -> URIRef:
        return self._id("article", article_key)

    def article_graph(self, article_key: str) -> URIRef:
        return URIRef(f"{self.base}graph/article/{article_key}")

    def graph(self, name: str) -> URIRef:
        """Service graphs: 'ontology', 'registry'."""
        return URIRef(f"{self.base}graph/{name}")

    # things extracted from one article: keyed by article and offsets, so re-ingest mints the same IRIs
    def mention(self, article_key: str, start: int, end: int) -> URIRef:
        return self._id("mention", f"{article_key}-{start}-{end}")

    def selector(self, article_key: str, start: int, end: int) -> URIRef:
        return self._id("selector", f"{article_key}-{start}-{end}")

    def statement(self, article_key: str, start: int, end: int) -> URIRef:
        return self._id("statement", f"{article_key}-{start}-{end}")

    def response(self, article_key: str, statement: str, allegation: str) -> URIRef:
        return self._id("response", f"{article_key}-{digest(statement, allegation, length=12)}")

    def allegation(self, article_key: str, discriminator: str) -> URIRef:
        return self._id("allegation", f"{article_key}-{digest(discriminator, length=10)}")

    def event(self, article_key: str, discriminator: str) -> URIRef:
        return self._id("event", f"{article_key}-{digest(discriminator, length=10)}")

    def run(self, article_key: str, text_hash: str, software: str) -> URIRef:
        return self._id("run", digest(article_key, text_hash, software))

    # things shared across articles: keyed by their names, so two articles naming one actor mint one IRI
    def actor(self, name: str) -> URIRef:
        return self._id("actor", slugify(name))

    def anonymous_source(self, article_key: str, description: str) -> URIRef:
        return self._id("source", f"{article_key}-{slugify(description)[:48]}")

    def place(self, name: str) -> URIRef:
        return self._id("place", slugify(name))

    def cluster(self, kind: str, fingerprint: str) -> URIRef:
        return self._id("cluster", f"{kind}-{digest(fingerprint, length=16)}")

    # reverse: which IRIs are ours, and where their pages are
    def is_minted(self, iri: str) -> bool:
        return iri.startswith(self.base + "id/") or iri.startswith(self.base + "graph/")

    def local_path(self, iri: str) -> str:
        """The server path of a minted IRI (its page), e.g. '/id/actor/nato'."""
        if not iri.startswith(self.base):
            raise ValueError(f"{iri} is not under {self.base}")
        return "/" + iri[len(self.base):]

    def iri_for_path(self, path: str) -> URIRef:
        return URIRef(self.base + path.lstrip("/"))
