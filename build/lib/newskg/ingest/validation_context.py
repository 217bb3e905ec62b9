"""What an article's graph needs from outside itself to be validated, and nothing more.

- The ontology's class hierarchy (rdfs:subClassOf between newskg classes): SHACL finds the instances of a target
  class, and checks sh:class, through rdfs:subClassOf in the data graph, so these triples make a State an Actor
  and a Reaction a Statement without RDFS inference over the whole graph (which would cost several times more).
- Its disjoint classes, each pair once as owl:disjointWith (owl:AllDisjointClasses spelled out), which the shape
  nkgsh:DisjointClassesShape reads: SHACL forbids VALUES in a SPARQL constraint, so the pairs come from the data.
- For the known actors the article points at (speaker, accused, medium, affiliation, ...), their types and names
  from the registry, so that "the speaker is an actor" holds for an actor typed only in the registry graph.

They go, with the article's triples, into the read-only indexed snapshot that is validated (snapshot()): the
article's graph itself is never changed.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import chain, combinations
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.namespaces import NKG

Triple = tuple[Node, Node, Node]

# properties whose values are actors, possibly known only from the registry
ACTOR_VALUED = (NKG.speaker, NKG.medium, NKG.claimant, NKG.accused, NKG.beneficiary, NKG.participant,
                NKG.affiliation, NKG.refersTo, NKG.publisher, NKG.author)
_REGISTRY_FACTS = (RDF.type, RDFS.label, SKOS.prefLabel)


@dataclass
class ValidationContext:
    ontology_axioms: list[Triple]
    registry_facts: dict[Node, list[Triple]] = field(default_factory=dict)

    @classmethod
    def load(cls, ontology: Graph, registry: Graph | None = None) -> "ValidationContext":
        namespace = str(NKG)
        axioms = [(sub, RDFS.subClassOf, sup) for sub, sup in ontology.subject_objects(RDFS.subClassOf)
                  if isinstance(sub, URIRef) and isinstance(sup, URIRef)
                  and str(sub).startswith(namespace) and str(sup).startswith(namespace)]
        axioms += [(a, OWL.disjointWith, b) for a, b in sorted(disjoint_pairs(ontology))]
        facts: dict[Node, list[Triple]] = defaultdict(list)
        if registry is not None:
            for actor, cls_ in registry.subject_objects(RDF.type):
                if isinstance(actor, URIRef) and str(cls_).startswith(namespace):
                    facts[actor].append((actor, RDF.type, cls_))
            for actor in list(facts):
                for prop in _REGISTRY_FACTS[1:]:
                    facts[actor].extend((actor, prop, label) for label in registry.objects(actor, prop))
        return cls(sorted(axioms), dict(facts))

    def extra_triples(self, data: Graph) -> list[Triple]:
        extra = list(self.ontology_axioms)
        if self.registry_facts:
            referenced = {o for prop in ACTOR_VALUED for o in data.objects(None, prop)}
            for actor in referenced:
                extra.extend(self.registry_facts.get(actor, ()))
        return extra

    def snapshot(self, data: Graph) -> IndexedGraph:
        """The article's triples and the extra ones, as one read-only indexed graph (data is not changed)."""
        return IndexedGraph(chain(data, self.extra_triples(data)), like=data)


def disjoint_pairs(ontology: Graph) -> set[tuple[URIRef, URIRef]]:
    """Every pair of disjoint named classes, each once, in IRI order."""
    pairs: set[tuple[Node, Node]] = set(ontology.subject_objects(OWL.disjointWith))
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = ontology.value(group, OWL.members)
        if members is not None:
            pairs.update(combinations(Collection(ontology, members), 2))
    return {tuple(sorted((a, b), key=str)) for a, b in pairs  # type: ignore[misc]
            if isinstance(a, URIRef) and isinstance(b, URIRef)}
