"""Which SHACL shapes of shapes/ constrain a vocabulary term, and how: the shapes part of a term's page.

A class is constrained by the shapes that target it or one of its superclasses and by those that require values to
be of it; a property by the shapes whose path goes through it or that target its subjects; a concept by the shapes
that list it among the allowed values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rdflib import RDFS, SH, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from newskg.ingest.shapes_graph import named_shapes


@dataclass(frozen=True)
class ShapeNote:
    iri: str
    name: str               # the shape's local name, e.g. Event-date
    how: str                # why it concerns the term: "applies to every nkg:Event", "its path", ...
    comment: str | None
    message: str | None
    targets: tuple[Node, ...]
    path: tuple[Node, ...]  # the property path's properties, in order


class ShapeNotes:
    def __init__(self, shapes: Graph, vocabulary: Graph) -> None:
        self.graph = shapes
        self.vocabulary = vocabulary
        self.notes = {str(shape): self._note(shape) for shape in named_shapes(shapes)}

    def all(self) -> list[ShapeNote]:
        return sorted(self.notes.values(), key=lambda note: note.name)

    def for_term(self, term: URIRef) -> list[ShapeNote]:
        superclasses = set(self.vocabulary.transitive_objects(term, RDFS.subClassOf)) - {term}
        found = []
        for shape in named_shapes(self.graph):
            reasons = self._reasons(shape, term, superclasses)
            if reasons:
                found.append(replace(self.notes[str(shape)], how="; ".join(reasons)))
        return sorted(found, key=lambda note: note.name)

    def _reasons(self, shape: Node, term: URIRef, superclasses: set[Node]) -> list[str]:
        graph = self.graph
        reasons = []
        targets = set(graph.objects(shape, SH.targetClass))
        if term in targets:
            reasons.append("applies to every instance")
        elif targets & superclasses:
            reasons.append("applies to every instance (through a superclass)")
        if (shape, SH["class"], term) in graph:
            reasons.append("requires values to be instances")
        if term in self._path(shape):
            reasons.append("constrains the values of this property")
        if (shape, SH.targetSubjectsOf, term) in graph:
            reasons.append("applies to everything that has this property")
        allowed = [v for list_ in graph.objects(shape, SH["in"]) for v in Collection(graph, list_)]
        if term in allowed or (shape, SH.hasValue, term) in graph:
            reasons.append("allows this value")
        return reasons

    def _path(self, shape: Node) -> tuple[Node, ...]:
        path = self.graph.value(shape, SH.path)
        if path is None:
            return ()
        if isinstance(path, BNode):
            if self.graph.value(path, SH.inversePath) is not None:
                return (self.graph.value(path, SH.inversePath),)  # type: ignore[return-value]
            return tuple(Collection(self.graph, path))
        return (path,)

    def _note(self, shape: Node) -> ShapeNote:
        text = str(shape)
        comment, message = self.graph.value(shape, RDFS.comment), self.graph.value(shape, SH.message)
        targets = tuple(sorted({t for prop in (SH.targetClass, SH.targetSubjectsOf, SH.targetNode)
                                for t in self.graph.objects(shape, prop)}, key=str))
        return ShapeNote(text, text.rsplit("#", 1)[-1], "", str(comment) if comment else None,
                         str(message) if message else None, targets, self._path(shape))
