"""The graphs the service keeps beside the articles: the ontology (with its SKOS schemes) and the actor registry."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from rdflib import DCTERMS, OWL, Graph, Literal, URIRef

from newskg.ingest.iris import IriMinter
from newskg.ingest.namespaces import ONTOLOGY_IRI
from newskg.ingest.resources import REGISTRY_FILES, ontology_files
from newskg.store.interface import Store


@lru_cache(maxsize=1)
def _ontology_graph() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def ontology_graph() -> Graph:
    """The ontology and its concept schemes (a fresh copy; callers may add to it)."""
    copy = Graph()
    for triple in _ontology_graph():
        copy.add(triple)
    return copy


def ontology_version() -> str:
    version = _ontology_graph().value(URIRef(ONTOLOGY_IRI), OWL.versionInfo)
    return str(version) if version is not None else "unversioned"


def registry_graph(minter: IriMinter) -> Graph:
    """The registry of known actors, its relative IRIs resolved under this deployment's base."""
    graph = Graph()
    for path in REGISTRY_FILES:
        graph.parse(path, format="turtle", publicID=minter.id_base)
    return graph


def service_graphs(minter: IriMinter) -> dict[str, Graph]:
    return {minter.graph("ontology"): ontology_graph(), minter.graph("registry"): registry_graph(minter)}


def _fingerprint(files: list[Path], minter: IriMinter) -> str:
    """Of the source files and the base IRI they are resolved against: cheap, and changes when either does."""
    digest = hashlib.sha256(minter.base.encode("utf-8"))
    for path in files:
        digest.update(path.read_bytes())
    return "sha256:" + digest.hexdigest()


def write_service_graphs(store: Store, minter: IriMinter) -> None:
    """Make the store's ontology and registry graphs those of the files, so a store serves the ontology and registry
    of the code that opened it. A graph already up to date is left alone (rewriting would mint new blank nodes)."""
    stale: dict[str, Graph] = {}
    sources = {minter.graph("ontology"): (ontology_files(), ontology_graph),
               minter.graph("registry"): (list(REGISTRY_FILES), lambda: registry_graph(minter))}
    for name, (files, load) in sources.items():
        fingerprint = Literal(_fingerprint(files, minter))
        if not store.query(f"ASK {{ GRAPH <{name}> {{ <{name}> <{DCTERMS.identifier}> {fingerprint.n3()} }} }}"):
            graph = load()
            graph.add((name, DCTERMS.identifier, fingerprint))
            stale[name] = graph
    if stale:
        store.replace_graphs(stale)
