"""RDF terms between rdflib and pyoxigraph, RDF media types, and pyoxigraph triples → one SPARQL INSERT DATA."""

from __future__ import annotations

import hashlib
import re
from typing import Iterable, Iterator, Sequence, Union

import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Literal, Node, URIRef

from newskg.ingest.errors import QueryError, StoreError

GraphName = Union[ox.NamedNode, ox.DefaultGraph]


def rdf_format(media_type: str) -> ox.RdfFormat:
    found = ox.RdfFormat.from_media_type(media_type.split(";")[0].strip())
    if found is None:
        raise QueryError(f"unsupported RDF media type: {media_type}")
    return found

_SAFE_LABEL = re.compile(r"[A-Za-z0-9_]+")


def graph_term(name: str | GraphName) -> GraphName:
    if isinstance(name, (ox.NamedNode, ox.DefaultGraph)):
        return name
    try:
        return ox.NamedNode(str(name))
    except ValueError as error:
        raise StoreError(f"not a valid graph IRI: {name!r} ({error})") from error


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    try:
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(_blank_label(str(term)))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
    except ValueError as error:
        raise StoreError(f"cannot store term {term!r}: {error}") from error
    raise StoreError(f"cannot store a {type(term).__name__} as an RDF term: {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox(term: object) -> Node:
    """A pyoxigraph term as the rdflib term it stands for."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected RDF term {term!r}")


def rdflib_triples(triples: Iterable[ox.Triple | ox.Quad]) -> Iterator[tuple[Node, Node, Node]]:
    """pyoxigraph triples (or quads, whose graph is dropped) as rdflib triples; repeated terms converted once."""
    memo: dict[object, Node] = {}

    def term(value: object) -> Node:
        converted = memo.get(value)
        if converted is None:
            converted = memo[value] = from_ox(value)
        return converted

    for t in triples:
        yield term(t.subject), term(t.predicate), term(t.object)


def rdflib_graph(result: object) -> rdflib.Graph:
    """A CONSTRUCT/DESCRIBE result as an rdflib Graph (for small results: pages, validation, the reasoner)."""
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("construct_graph needs a CONSTRUCT or DESCRIBE query")
    graph = rdflib.Graph()
    graph.parse(data=result.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


class TermConverter:
    """to_ox with a memo: an article's graph names the same IRIs and predicates many times over."""

    def __init__(self) -> None:
        self._memo: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def term(self, node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        converted = self._memo.get(node)
        if converted is None:
            converted = self._memo[node] = to_ox(node)
        return converted

    def triple(self, triple: Sequence[Node]) -> ox.Triple:
        subject, predicate, obj = triple[:3]
        return ox.Triple(self.term(subject), self.term(predicate), self.term(obj))  # type: ignore[arg-type]


def with_fresh_blank_nodes(graph: GraphName, triples: Iterable[ox.Triple]) -> Iterator[ox.Quad]:
    """The triples as quads of graph, each blank node replaced by a new one: written outside SPARQL (which makes
    INSERT DATA's blank nodes fresh by itself), a label such as _:b0 would otherwise join the store's own _:b0."""
    fresh: dict[ox.BlankNode, ox.BlankNode] = {}

    def renamed(term: object) -> object:
        return fresh.setdefault(term, ox.BlankNode()) if isinstance(term, ox.BlankNode) else term

    for t in triples:
        yield ox.Quad(renamed(t.subject), t.predicate, renamed(t.object), graph)  # type: ignore[arg-type]


def insert_data_text(graph: GraphName, triples: Iterable[ox.Triple], *, blank_prefix: str) -> str:
    """`INSERT DATA { GRAPH <g> { ... } }`; blank node labels get a prefix so that graphs written together
    in one request never share a blank node by accident."""
    lines = [_triple_text(t, blank_prefix) for t in triples]
    if not lines:
        return ""
    body = "\n".join(lines)
    if isinstance(graph, ox.DefaultGraph):
        return f"INSERT DATA {{\n{body}\n}}"
    return f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


def _triple_text(triple: ox.Triple, blank_prefix: str) -> str:
    return " ".join(_term_text(t, blank_prefix) for t in (triple.subject, triple.predicate, triple.object)) + " ."


def _term_text(term: object, blank_prefix: str) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{blank_prefix}{term.value}"
    return str(term)


def _blank_label(label: str) -> str:
    return label if _SAFE_LABEL.fullmatch(label) else "h" + hashlib.sha1(label.encode("utf-8")).hexdigest()
