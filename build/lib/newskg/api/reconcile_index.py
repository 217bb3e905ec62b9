"""The actors as the reconciliation service sees them: their kinds, every name they go by, their roles,
affiliations and same-as links, and how often articles name them. Built with a few queries per version of the store
(see GenerationCache), so that matching a batch of names is work in memory.

Names are folded as extraction folds them (ingest.extract.text.folding.name_key: case, diacritics, apostrophes,
hyphens, a leading "the"), after transliteration to Latin letters (anyascii: "Сергей Лавров" → "Sergey
Lavrov").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from anyascii import anyascii

from newskg.api.generation_cache import GenerationCache
from newskg.api.reconcile_queries import ACTOR_CLASSES, ACTOR_FACTS, ACTOR_NAMES, MENTION_FORMS
from newskg.exports.rows import local_name, select
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.iris import IriMinter
from newskg.ingest.namespaces import NKG
from newskg.store.interface import Store

ONTOLOGY = str(NKG)
MENTION_WEIGHT = 0.95   # a name an article used counts a little less than a label the graph gives


def fold(text: str) -> str:
    return name_key(anyascii(text))


@dataclass(frozen=True)
class ActorClass:
    id: str                         # local name: "IntelligenceAgency"
    name: str                       # its label: "intelligence agency"
    description: str
    within: frozenset[str]          # itself and every class above it


@dataclass
class ActorEntry:
    iri: str
    id: str                                             # the path under /id/: "actor/nato"
    types: set[str] = field(default_factory=set)        # asserted kinds (local names)
    preferred: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)        # every label, variant and (capitalised) mention form
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)  # IRIs
    same_as: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def name(self) -> str:
        names = sorted(self.preferred) or sorted(self.names, key=lambda n: (len(n), n))
        return names[0] if names else self.id


@dataclass
class ReconcileIndex:
    classes: dict[str, ActorClass]
    entries: list[ActorEntry]
    by_id: dict[str, ActorEntry]
    by_iri: dict[str, ActorEntry]
    variants: list[str]             # folded names, parallel to owners and weights
    owners: list[int]               # the entry each variant belongs to
    weights: list[float]

    @property
    def position(self) -> dict[str, int]:
        """id → the entry's place in entries"""
        return self._positions

    def __post_init__(self) -> None:
        self._positions = {entry.id: n for n, entry in enumerate(self.entries)}

    def kinds_of(self, entry: ActorEntry) -> set[str]:
        """Every class the entry falls under, its asserted kinds included."""
        return {kind for asserted in entry.types for kind in self.classes[asserted].within} if entry.types else set()

    def most_specific(self, entry: ActorEntry) -> list[ActorClass]:
        """The asserted kinds no other asserted kind falls under (an intelligence agency, not also a body)."""
        above = {kind for asserted in entry.types for kind in self.classes[asserted].within if kind != asserted}
        return [self.classes[kind] for kind in sorted(entry.types - above)]


def build_index(store: Store, minter: IriMinter) -> ReconcileIndex:
    within: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    comments: dict[str, str] = {}
    for row in select(store, ACTOR_CLASSES):
        kind = row["class"][len(ONTOLOGY):]
        within[kind].add(row["super"][len(ONTOLOGY):])
        labels.setdefault(kind, row.get("label", kind))
        comments.setdefault(kind, row.get("comment", ""))
    classes = {kind: ActorClass(kind, labels[kind], comments[kind], frozenset(supers))
               for kind, supers in within.items()}

    by_iri: dict[str, ActorEntry] = {}
    variants: dict[tuple[str, str], float] = {}     # (iri, folded name) → weight
    for row in select(store, ACTOR_NAMES):
        iri = row["actor"]
        if not minter.is_minted(iri):
            continue
        entry = by_iri.get(iri) or by_iri.setdefault(iri, ActorEntry(iri, minter.local_path(iri).removeprefix("/id/")))
        entry.types.add(row["type"][len(ONTOLOGY):])
        entry.names.add(row["name"])
        if row["kind"] == "pref":
            entry.preferred.add(row["name"])
        variants[(iri, fold(row["name"]))] = 1.0
    for row in select(store, MENTION_FORMS):
        entry = by_iri.get(row["actor"])
        if entry is None:
            continue
        entry.mentions += int(row["n"])
        form = " ".join(row["form"].split())
        if _names(form):
            entry.names.add(form)
            variants.setdefault((entry.iri, fold(form)), MENTION_WEIGHT)
    for row in select(store, ACTOR_FACTS):
        entry = by_iri.get(row["actor"])
        if entry is not None:
            {"role": entry.roles, "affiliation": entry.affiliations, "sameAs": entry.same_as}[
                local_name(row["p"])].add(row["o"])
    entries = sorted(by_iri.values(), key=lambda e: e.id)
    position = {entry.iri: n for n, entry in enumerate(entries)}
    kept = [(key, weight) for key, weight in sorted(variants.items()) if key[1]]
    return ReconcileIndex(classes, entries, {e.id: e for e in entries}, by_iri,
                          [name for (_, name), _ in kept], [position[iri] for (iri, _), _ in kept],
                          [weight for _, weight in kept])


def _names(form: str) -> bool:
    """A mention names its actor when a word after any leading article is capitalised: "the Daily Courier" and
    "Minister Okonjo" name; "the group", "a source" and "The minister" (at the start of a sentence) describe."""
    words = form.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return any(c.isupper() for word in words for c in word)


class ReconcileIndexCache:
    """The index of the store's current version, rebuilt after writes (in the background when that is slow)."""

    def __init__(self, store: Store, minter: IriMinter) -> None:
        self.cache: GenerationCache[ReconcileIndex] = GenerationCache(store, lambda: build_index(store, minter),
                                                                      "reconcile-index")

    def get(self) -> ReconcileIndex:
        return self.cache.get()
