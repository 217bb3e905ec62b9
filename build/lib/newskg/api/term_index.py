"""The documentation of newskg's vocabulary terms, read from the files that define them.

Classes and properties of the ontology (ontology/newskg.ttl), concepts and schemes of the controlled vocabularies
(ontology/vocabularies.ttl) and the lexicon's entries and properties (ontology/lexicon/): for each, what a reader
needs — label, definition, super- and subclasses, domain and range, scheme and broader concepts — and which shapes of
shapes/ constrain it (api/term_shapes.py). Where each term's page is comes from ingest/term_pages.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from newskg.api.term_shapes import ShapeNote, ShapeNotes
from newskg.ingest.namespaces import ONTOLOGY_IRI
from newskg.ingest.resources import lexicon_files, ontology_files, shape_files
from newskg.ingest.term_pages import term_page

# A value shown on a page: IRIs (linked) and words, in order; "nkg:speaker some nkg:Actor" is three parts.
Expression = tuple[Node | str, ...]

KINDS = ((OWL.Ontology, "Ontology"), (SKOS.ConceptScheme, "Concept scheme"), (SKOS.Concept, "Concept"),
         (OWL.Class, "Class"), (RDFS.Class, "Class"), (OWL.ObjectProperty, "Object property"),
         (OWL.DatatypeProperty, "Datatype property"), (OWL.AnnotationProperty, "Annotation property"),
         (RDF.Property, "Property"))
CHARACTERISTICS = ((OWL.FunctionalProperty, "functional"), (OWL.InverseFunctionalProperty, "inverse functional"),
                   (OWL.TransitiveProperty, "transitive"), (OWL.SymmetricProperty, "symmetric"),
                   (OWL.AsymmetricProperty, "asymmetric"), (OWL.IrreflexiveProperty, "irreflexive"))
# (heading, property, whether the term is its subject): what the page lists under each heading
RELATIONS = (
    ("Subclass of", RDFS.subClassOf, True), ("Subclasses", RDFS.subClassOf, False),
    ("Equivalent to", OWL.equivalentClass, True), ("Disjoint with", OWL.disjointWith, True),
    ("Disjoint with", OWL.disjointWith, False),
    ("Subproperty of", RDFS.subPropertyOf, True), ("Subproperties", RDFS.subPropertyOf, False),
    ("Domain", RDFS.domain, True), ("Range", RDFS.range, True), ("Inverse of", OWL.inverseOf, True),
    ("Excludes", OWL.propertyDisjointWith, True), ("Excludes", OWL.propertyDisjointWith, False),
    ("Properties with this domain", RDFS.domain, False), ("Properties with this range", RDFS.range, False),
    ("In scheme", SKOS.inScheme, True), ("Top concept of", SKOS.topConceptOf, True),
    ("Broader", SKOS.broader, True), ("Narrower", SKOS.narrower, True), ("Narrower", SKOS.broader, False),
    ("Related", SKOS.related, True), ("Exact match", SKOS.exactMatch, True), ("Close match", SKOS.closeMatch, True),
    ("Notation", SKOS.notation, True), ("Also called", SKOS.altLabel, True), ("Example", SKOS.example, True),
    ("See also", RDFS.seeAlso, True),
)
_SHOWN_ELSEWHERE = {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.definition, RDFS.comment, SKOS.scopeNote,
                    OWL.versionInfo} | {prop for _, prop, forward in RELATIONS if forward}
MEMBER_GROUPS = {"Class": "Classes", "Object property": "Object properties", "Datatype property": "Datatype properties",
                 "Annotation property": "Annotation properties", "Property": "Properties"}


@dataclass(frozen=True)
class TermDoc:
    """What a term's page shows (the examples of use come from the store, at request time)."""

    iri: str
    kind: str                                        # "Class", "Concept", ... with characteristics: "Object property, functional"
    label: str
    definition: str | None
    notes: tuple[str, ...]
    relations: tuple[tuple[str, tuple[Expression, ...]], ...]
    members: tuple[tuple[str, tuple[URIRef, ...]], ...] = ()   # an ontology's terms, a scheme's concepts
    shapes: tuple[ShapeNote, ...] = ()
    instance_types: tuple[str, ...] = ()             # a class and its subclasses: what its instances are typed
    other: tuple[tuple[URIRef, tuple[Node, ...]], ...] = field(default=())   # statements no heading shows


class TermIndex:
    """Every term in newskg's namespaces that the vocabulary files declare, with its documentation and RDF."""

    def __init__(self, vocabulary: Graph, shapes: Graph) -> None:
        self.graph = vocabulary
        self.shapes = ShapeNotes(shapes, vocabulary)
        self._terms = {str(s): s for s in set(vocabulary.subjects(RDF.type, None))
                       if isinstance(s, URIRef) and term_page(str(s)) is not None}

    @classmethod
    def load(cls) -> "TermIndex":
        vocabulary, shapes = Graph(), Graph()
        for path in [*ontology_files(), *lexicon_files()]:
            vocabulary.parse(path, format="turtle")
        for path in shape_files():
            shapes.parse(path, format="turtle")
        return cls(vocabulary, shapes)

    def __contains__(self, iri: str) -> bool:
        return iri in self._terms

    def terms(self) -> list[str]:
        return sorted(self._terms)

    def version_iris(self) -> set[str]:
        return {str(v) for v in self.graph.objects(URIRef(ONTOLOGY_IRI), OWL.versionIRI)}

    def label(self, iri: Node) -> str | None:
        for prop in (SKOS.prefLabel, RDFS.label):
            values = sorted(self.graph.objects(iri, prop), key=lambda v: (getattr(v, "language", None) != "en", v))
            if values:
                return str(values[0])
        return None

    def labels(self, iris: Iterable[Node | str]) -> dict[str, str]:
        found = {str(i): self.label(URIRef(str(i))) for i in iris}
        return {iri: label for iri, label in found.items() if label}

    def schemes(self) -> list[URIRef]:
        return sorted(s for s in self.graph.subjects(RDF.type, SKOS.ConceptScheme) if str(s) in self._terms)

    def doc(self, iri: str) -> TermDoc | None:
        term = self._terms.get(iri)
        if term is None:
            return None
        types = set(self.graph.objects(term, RDF.type))
        kind = next((name for cls, name in KINDS if cls in types), "Term")
        kind = ", ".join([kind, *(name for cls, name in CHARACTERISTICS if cls in types)])
        definition = self._first(term, SKOS.definition) or self._first(term, RDFS.comment)
        notes = tuple(str(n) for prop in (RDFS.comment, SKOS.scopeNote) for n in self.graph.objects(term, prop)
                      if str(n) != definition)
        classes = self._subclasses(term) if kind.startswith("Class") else []
        return TermDoc(iri, kind, self.label(term) or iri.rsplit("/", 1)[-1], definition, notes,
                       self._relations(term), self._members(term, types), tuple(self.shapes.for_term(term)),
                       tuple(str(c) for c in classes), self._other(term))

    def description(self, iri: str) -> Graph:
        """The term's RDF: its own statements with their blank nodes; for an ontology or scheme, its members' too."""
        term = URIRef(iri)
        described = Graph()
        for prefix, namespace in self.graph.namespaces():
            described.bind(prefix, namespace)
        todo: list[Node] = [term, *(m for _, members in self._members(term, set(self.graph.objects(term, RDF.type)))
                                   for m in members)]
        seen: set[Node] = set()
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for triple in self.graph.triples((node, None, None)):
                described.add(triple)
                if isinstance(triple[2], BNode):
                    todo.append(triple[2])
        return described

    # --- the parts of a page ------------------------------------------------------------------------------------
    def _first(self, term: Node, prop: URIRef) -> str | None:
        values = sorted(self.graph.objects(term, prop), key=lambda v: (getattr(v, "language", None) != "en", v))
        return str(values[0]) if values else None

    def _relations(self, term: URIRef) -> tuple[tuple[str, tuple[Expression, ...]], ...]:
        found: dict[str, dict[Expression, None]] = defaultdict(dict)
        for heading, prop, forward in RELATIONS:
            values = self.graph.objects(term, prop) if forward else self.graph.subjects(prop, term)
            for value in values:
                for expression in self._expressions(value):
                    found[heading][expression] = None
        for group in self.graph.subjects(RDF.type, OWL.AllDisjointClasses):
            members = [m for list_ in self.graph.objects(group, OWL.members) for m in Collection(self.graph, list_)]
            if term in members:
                found["Disjoint with"].update({(m,): None for m in members if m != term})
        order = list(dict.fromkeys(heading for heading, _, _ in RELATIONS))
        return tuple((heading, tuple(sorted(found[heading], key=str))) for heading in order if found.get(heading))

    def _expressions(self, value: Node) -> list[Expression]:
        """An IRI or literal as it is; a union as its members; a restriction or datatype in words."""
        if not isinstance(value, BNode):
            return [(value,)]
        union = self.graph.value(value, OWL.unionOf)
        if union is not None:
            return [(member,) for member in Collection(self.graph, union)]
        on_property = self.graph.value(value, OWL.onProperty)
        if on_property is not None:
            for prop, words in ((OWL.someValuesFrom, " some "), (OWL.allValuesFrom, " only "),
                                (OWL.hasValue, " has the value ")):
                filler = self.graph.value(value, prop)
                if filler is not None:
                    return [(on_property, words, filler if not isinstance(filler, BNode) else "a class expression")]
        complement = self.graph.value(value, OWL.complementOf)
        if complement is not None:
            return [("not: ", *part) for part in self._expressions(complement)]
        datatype = self.graph.value(value, OWL.onDatatype)
        if datatype is not None:
            facets = [f"{self._facet_word(p)} {o}" for list_ in self.graph.objects(value, OWL.withRestrictions)
                      for facet in Collection(self.graph, list_) for p, o in self.graph.predicate_objects(facet)]
            return [(datatype, " " + ", ".join(sorted(facets)))]
        return [("an anonymous class expression (see the RDF)",)]

    @staticmethod
    def _facet_word(facet: Node) -> str:
        return {"minInclusive": "≥", "maxInclusive": "≤", "minExclusive": ">", "maxExclusive": "<"}.get(
            str(facet).rsplit("#", 1)[-1], str(facet).rsplit("#", 1)[-1])

    def _members(self, term: URIRef, types: set[Node]) -> tuple[tuple[str, tuple[URIRef, ...]], ...]:
        if OWL.Ontology in types:
            namespace = str(term) + "/"
            grouped: dict[str, list[URIRef]] = defaultdict(list)
            for iri, node in self._terms.items():
                if iri.startswith(namespace):
                    kinds = set(self.graph.objects(node, RDF.type))
                    grouped[next((name for cls, name in KINDS if cls in kinds), "Property")].append(node)
            return tuple((heading, tuple(sorted(grouped[group], key=lambda t: (self.label(t) or str(t)).lower())))
                         for group, heading in MEMBER_GROUPS.items() if grouped.get(group))
        if SKOS.ConceptScheme in types:
            concepts = {c for c in self.graph.subjects(SKOS.inScheme, term) if isinstance(c, URIRef)}
            return (("Concepts", tuple(sorted(concepts, key=lambda c: (self.label(c) or str(c)).lower()))),) \
                if concepts else ()
        return ()

    def _subclasses(self, term: URIRef) -> list[URIRef]:
        return [c for c in self.graph.transitive_subjects(RDFS.subClassOf, term) if isinstance(c, URIRef)]

    def _other(self, term: URIRef) -> tuple[tuple[URIRef, tuple[Node, ...]], ...]:
        other: dict[URIRef, list[Node]] = defaultdict(list)
        for prop, value in self.graph.predicate_objects(term):
            if prop not in _SHOWN_ELSEWHERE and isinstance(prop, URIRef) and not isinstance(value, BNode):
                other[prop].append(value)
        return tuple((prop, tuple(sorted(values, key=str))) for prop, values in sorted(other.items()))
