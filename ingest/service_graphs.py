"""The graphs the service keeps beside the articles: the ontology (with its SKOS schemes) and the actor registry."""

from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, Graph, URIRef

from ingest.iris import IriMinter
from ingest.namespaces import ONTOLOGY_IRI
from ingest.resources import REGISTRY_FILE, ontology_files


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
    graph.parse(REGISTRY_FILE, format="turtle", publicID=minter.id_base)
    return graph


def service_graphs(minter: IriMinter) -> dict[str, Graph]:
    return {minter.graph("ontology"): ontology_graph(), minter.graph("registry"): registry_graph(minter)}
