"""Every actor an article names: ArticleDoc + Registry -> [Actor], each with its mentions grounded in the text.

Stages, in order (each claims the words it reads): registry names and capitals (known.py), collectives and state
institutions (groups.py) with the names given them in apposition (appositive_names.py), anonymous sources (sources.py), names discovered without the registry (discovery.py), roles
from appositions (appositions.py), later mentions (coref.py); then near-duplicates merge (merge.py).
"""

from __future__ import annotations

from ingest.extract.appositions import add_roles
from ingest.extract.appositive_names import add_appositive_names
from ingest.extract.candidates import ANONYMOUS, KNOWN, Found
from ingest.extract.context import ArticleText
from ingest.extract.coref import add_later_mentions
from ingest.extract.discovery import add_discovered
from ingest.extract.groups import add_groups_and_institutions
from ingest.extract.known import add_known
from ingest.extract.merge import merge_near_duplicates
from ingest.extract.registry import Registry
from ingest.extract.sources import add_anonymous_sources
from ingest.iris import IriMinter
from ingest.model import Actor, ArticleDoc


def find_actors(doc: ArticleDoc, registry: Registry, minter: IriMinter) -> list[Actor]:
    article = ArticleText.build(doc, registry)
    add_known(article)
    add_groups_and_institutions(article)
    add_appositive_names(article)
    add_anonymous_sources(article)
    add_discovered(article)
    add_roles(article)
    add_later_mentions(article)
    merge_near_duplicates(article.found, article.vocabulary)
    return _actors(doc, article.found, minter)


def _iri(doc: ArticleDoc, first: Found, minter: IriMinter) -> str:
    if first.key.startswith(KNOWN):
        return first.key[len(KNOWN):]
    if first.key.startswith(ANONYMOUS):
        return str(minter.anonymous_source(doc.key, first.label))
    return str(minter.actor(first.label))


def _actors(doc: ArticleDoc, found: list[Found], minter: IriMinter) -> list[Actor]:
    by_key: dict[str, list[Found]] = {}
    for item in sorted(found, key=lambda f: (f.span.start, f.span.end)):
        by_key.setdefault(item.key, []).append(item)
    iris = {key: _iri(doc, _labelled(items), minter) for key, items in by_key.items()}
    actors: list[Actor] = []
    for key, items in by_key.items():
        first = _labelled(items)
        entry = first.entry
        role = next((f.role for f in items if f.role), None) or (entry.role if entry else None)
        affiliation_key = next((f.affiliation for f in items if f.affiliation and f.affiliation != key), None)
        affiliation = _affiliation_iri(affiliation_key, iris) or (entry.affiliation if entry else None)
        mentions = list({(f.span.start, f.span.end): f.span for f in items}.values())
        aliases = list(dict.fromkeys(m.text for m in mentions))
        actors.append(Actor(
            iri=iris[key], label=first.label, type=first.type, known=key.startswith(KNOWN), aliases=aliases,
            role=role, affiliation=affiliation, confidence=max(f.confidence for f in items),
            wikidata=entry.wikidata if entry else None, mentions=mentions,
        ))
    return actors


def _labelled(items: list[Found]) -> Found:
    """The mention whose label names the actor best: a registry label, else the longest name seen."""
    known = [f for f in items if f.entry is not None]
    if known:
        return known[0]
    return max(items, key=lambda f: (len(f.label), -f.span.start))


def _affiliation_iri(key: str | None, iris: dict[str, str]) -> str | None:
    if key is None:
        return None
    if key.startswith(KNOWN):
        return key[len(KNOWN):]
    return iris.get(key)
