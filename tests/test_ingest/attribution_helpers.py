"""Hand-made articles and actors for the attribution, allegation and event tests (no registry, no discovery)."""

from __future__ import annotations

import re
from datetime import date

from ingest.extract.attribution import find_statements
from ingest.extract.lexicon import Lexicon, load_lexicon
from ingest.iris import IriMinter
from ingest.model import Actor, ArticleDoc, Span, Statement

MINTER = IriMinter("http://127.0.0.1:8000/")


def lexicon() -> Lexicon:
    return load_lexicon()


def doc(text: str, published: date | None = None) -> ArticleDoc:
    return ArticleDoc(key="test", text=text, date=published)


def actor(text: str, label: str, kind: str, *surfaces: str, affiliation: str | None = None,
          role: str | None = None) -> Actor:
    """An actor with a mention at every whole-word occurrence of its label and the given surface forms."""
    mentions: list[Span] = []
    for surface in (label, *surfaces):
        for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            if not any(m.start <= match.start() < m.end for m in mentions):
                mentions.append(Span(match.start(), match.end(), match.group(0)))
    return Actor(iri=str(MINTER.actor(label)), label=label, type=kind, known=False, role=role,
                 affiliation=affiliation, mentions=sorted(mentions, key=lambda m: m.start))


def statements(text: str, actors: list[Actor], published: date | None = None) -> list[Statement]:
    return find_statements(doc(text, published), actors, lexicon(), MINTER)


def by_content(found: list[Statement], fragment: str) -> Statement:
    matches = [s for s in found if fragment in s.content.text]
    assert matches, f"no statement with {fragment!r} in {[s.content.text for s in found]}"
    return matches[0]
