"""The actor registry (ontology/actors.ttl and ontology/states.ttl): known actors and places with their names,
variants, demonyms and capitals, loaded once and indexed by folded name (see text/folding.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from newskg.ingest.derived_cache import DerivedCache
from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.iris import IriMinter
from newskg.ingest.namespaces import NKG
from newskg.ingest.resources import REGISTRY_FILES

PLACE = "Place"
STATE = "State"
_NKG_PREFIX = str(NKG._NS)


@dataclass(frozen=True)
class RegistryEntry:
    """A known actor or place. type is the local name of its nkg class ("State", "Person", ..., "Place")."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    @property
    def is_place(self) -> bool:
        return self.type == PLACE


@dataclass
class Registry:
    entries: list[RegistryEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_name: dict[str, RegistryEntry] = {}
        self._by_iri: dict[str, RegistryEntry] = {}
        # actors before places, so a name shared by both (a capital as a place) never hides an actor's label
        for entry in sorted(self.entries, key=lambda e: e.is_place):
            self._by_iri[entry.iri] = entry
            for name in entry.names:
                self._by_name.setdefault(name_key(name), entry)

    @classmethod
    def empty(cls) -> "Registry":
        return cls([])

    def resolve(self, name: str) -> RegistryEntry | None:
        """The entry one of whose labels or variants equals the name, once both are folded."""
        return self._by_name.get(name_key(name))

    def by_iri(self, iri: str) -> RegistryEntry | None:
        return self._by_iri.get(iri)


def _type_of(graph: Graph, subject: URIRef) -> str | None:
    kinds = sorted(
        str(o)[len(_NKG_PREFIX) :] for o in graph.objects(subject, RDF.type) if str(o).startswith(_NKG_PREFIX)
    )
    # a subject typed with a class and its superclass keeps the more specific one
    specific = [k for k in kinds if k not in {"Actor", "Organization"}]
    chosen = specific or kinds
    return chosen[0] if chosen else None


def _texts(graph: Graph, subject: URIRef, predicate: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)))


def _one(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    values = sorted(str(o) for o in graph.objects(subject, predicate))
    return values[0] if values else None


def load_registry(
    minter: IriMinter, paths: Path | Sequence[Path] = REGISTRY_FILES, cache: DerivedCache | None = None
) -> Registry:
    """Parse the registry file(s) into one graph; relative IRIs (<actor/acme>) resolve against the minter's id base.
    With a cache, the parsed registry is read from there when it holds one for these files and this id base."""
    files = [paths] if isinstance(paths, Path) else list(paths)
    if cache is None:
        return _parse(minter, files)
    return cache.get("registry", lambda: _parse(minter, files), sources=files, libraries=("rdflib",),
                     parameters=(minter.id_base,))


def _parse(minter: IriMinter, files: list[Path]) -> Registry:
    graph = Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle", publicID=minter.id_base)
        except (OSError, SyntaxError, ValueError) as error:
            raise NewskgError(f"cannot read the actor registry {path}: {error}") from error
    entries: list[RegistryEntry] = []
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None)), key=str):
        if not isinstance(subject, URIRef):
            continue
        kind = _type_of(graph, subject)
        label = _one(graph, subject, SKOS.prefLabel)
        if kind is None or label is None:
            continue
        wikidata = [str(o) for o in graph.objects(subject, OWL.sameAs) if "wikidata.org" in str(o)]
        entries.append(
            RegistryEntry(
                iri=str(subject),
                label=label,
                type=kind,
                aliases=_texts(graph, subject, SKOS.altLabel) + _texts(graph, subject, SKOS.hiddenLabel),
                demonyms=_texts(graph, subject, NKG.demonym),
                metonyms=_texts(graph, subject, NKG.metonym),
                role=_one(graph, subject, NKG.role),
                affiliation=_one(graph, subject, NKG.affiliation),
                wikidata=wikidata[0] if wikidata else None,
            )
        )
    return Registry(entries)
