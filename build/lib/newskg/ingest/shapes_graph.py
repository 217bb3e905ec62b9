"""The shapes of shapes/*.ttl as one graph, split into what pyshacl checks and what runs per graph (sh:sparql),
and their check against the W3C SHACL-for-SHACL shapes (shipped inside pyshacl, never fetched)."""

from __future__ import annotations

from importlib import resources

import pyshacl
from rdflib import RDF, SH, Graph, URIRef
from rdflib.term import Node

from newskg.ingest.resources import shape_files

# constraint parameters of SHACL core: a shape with none of these left after removing sh:sparql checks nothing
_CORE_PARAMETERS = {SH[name] for name in (
    "class", "datatype", "nodeKind", "minCount", "maxCount", "minExclusive", "minInclusive", "maxExclusive",
    "maxInclusive", "minLength", "maxLength", "pattern", "languageIn", "uniqueLang", "equals", "disjoint",
    "lessThan", "lessThanOrEquals", "not", "and", "or", "xone", "node", "property", "qualifiedValueShape",
    "closed", "hasValue", "in")}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def load_shapes_graph() -> Graph:
    graph = Graph()
    for path in shape_files():
        graph.parse(path, format="turtle")
    return graph


def core_shapes(shapes: Graph) -> Graph:
    """The shapes without their sh:sparql constraints; shapes left with no constraint lose their targets too."""
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    sparql_shapes = set(shapes.subjects(SH.sparql, None))
    idle = {s for s in sparql_shapes if not any((s, p, None) in shapes for p in _CORE_PARAMETERS)}
    for s, p, o in shapes:
        if p == SH.sparql or (s in idle and p in _TARGETS):
            continue
        core.add((s, p, o))
    return core


def shacl_shacl_graph() -> Graph:
    """The W3C SHACL-for-SHACL shapes graph, as bundled with pyshacl."""
    graph = Graph()
    source = resources.files(pyshacl).joinpath("assets", "shacl-shacl.ttl")
    graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return graph


def check_shapes_graph(shapes: Graph) -> tuple[bool, str]:
    """(conforms, report text) of the shapes graph against SHACL-for-SHACL."""
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=shacl_shacl_graph(), inplace=False)
    return bool(conforms), str(text)


def named_shapes(shapes: Graph) -> list[Node]:
    """Every shape with an IRI: node shapes, property shapes, and anything with a target."""
    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    for target in _TARGETS:
        found |= set(shapes.subjects(target, None))
    return sorted((s for s in found if isinstance(s, URIRef)), key=str)
