"""The SPARQL-based constraints (sh:sparql) of the shapes, evaluated once per graph instead of once per focus node.

pyshacl runs an sh:select query once for every focus node and parses the query text each time (about 28 ms a parse
with rdflib here), and rdflib's SPARQL engine costs about 0.2 ms per solution: over the 100-200 text selectors of an
article that is seconds. Here each query runs once, with $this left free, on pyoxigraph (an in-memory store holding
only the triples whose predicates the queries use), and the solutions are kept for the focus nodes of the shape's
targets. That is the same result as pre-binding $this, because every query mentions $this in a triple pattern of its
top-level group (a test compares the results with pyshacl's own evaluation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from newskg.store.terms import TermConverter, from_ox

_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")
_PROJECTS_THIS = re.compile(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?[^{]*[?$]this\b", re.IGNORECASE)


@dataclass(frozen=True)
class SparqlResult:
    """One solution of a SPARQL constraint, as the validation result it stands for."""

    shape: URIRef
    focus: Node
    value: Node | None
    path: Node | None
    message: str
    severity: URIRef


@dataclass(frozen=True)
class SparqlConstraint:
    shape: URIRef
    target_classes: tuple[URIRef, ...]
    target_subjects_of: tuple[URIRef, ...]
    target_nodes: tuple[Node, ...]
    query: str
    messages: tuple[str, ...]
    severity: URIRef
    predicates: frozenset[URIRef] | None   # None: the query may touch any predicate

    def focus_nodes(self, graph: Graph) -> set[Node]:
        """SHACL targets: instances of the target classes (through rdfs:subClassOf in the data), subjects, nodes."""
        found: set[Node] = set(self.target_nodes)
        for cls in self.target_classes:
            for sub in graph.transitive_subjects(RDFS.subClassOf, cls):
                found.update(graph.subjects(RDF.type, sub))
        for prop in self.target_subjects_of:
            found.update(graph.subjects(prop, None))
        return found


def sparql_constraints(shapes: Graph) -> list[SparqlConstraint]:
    """Every active sh:sparql constraint of the shapes graph. Raises ValueError for a query this runner cannot batch."""
    constraints = []
    for shape, node in shapes.subject_objects(SH.sparql):
        if shapes.value(node, SH.deactivated) == Literal(True) or shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        select = str(shapes.value(node, SH.select))
        if not _PROJECTS_THIS.search(select):
            raise ValueError(f"the sh:select of {shape} must project $this to be evaluated per graph")
        query = _prefix_declarations(shapes, node) + select
        messages = tuple(str(m) for m in shapes.objects(node, SH.message)) or tuple(
            str(m) for m in shapes.objects(shape, SH.message))
        constraints.append(SparqlConstraint(
            shape=URIRef(str(shape)),
            target_classes=tuple(URIRef(str(c)) for c in shapes.objects(shape, SH.targetClass)),
            target_subjects_of=tuple(URIRef(str(p)) for p in shapes.objects(shape, SH.targetSubjectsOf)),
            target_nodes=tuple(shapes.objects(shape, SH.targetNode)),
            query=query,
            messages=messages,
            severity=URIRef(str(shapes.value(shape, SH.severity) or SH.Violation)),
            predicates=_predicates(query),
        ))
    return sorted(constraints, key=lambda c: str(c.shape))


def _prefix_declarations(shapes: Graph, constraint: Node) -> str:
    lines = []
    for ontology in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(ontology, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _predicates(query: str) -> frozenset[URIRef] | None:
    """The IRIs used as predicates in the query's triple patterns; None if some predicate is a variable or a path."""
    found: set[URIRef] = set()

    def walk(part: object) -> bool:
        if isinstance(part, CompValue):
            if part.name == "BGP":
                for _, predicate, _ in part["triples"]:
                    iris = _path_iris(predicate)
                    if iris is None:
                        return False
                    found.update(iris)
            return all(walk(value) for value in part.values())
        if isinstance(part, (list, tuple)):
            return all(walk(item) for item in part)
        return True

    return frozenset(found) if walk(prepareQuery(query).algebra) else None


def _path_iris(predicate: object) -> set[URIRef] | None:
    """The IRIs a predicate or property path can follow; None for a variable or a negated path (any predicate)."""
    if isinstance(predicate, URIRef):
        return {predicate}
    if isinstance(predicate, (SequencePath, AlternativePath)):
        parts = [_path_iris(arg) for arg in predicate.args]
    elif isinstance(predicate, MulPath):
        parts = [_path_iris(predicate.path)]
    elif isinstance(predicate, InvPath):
        parts = [_path_iris(predicate.arg)]
    else:
        return None
    if any(part is None for part in parts):
        return None
    return set().union(*parts)  # type: ignore[arg-type]


class SparqlConstraintRunner:
    """Evaluates the shapes' SPARQL constraints over one graph at a time."""

    def __init__(self, constraints: list[SparqlConstraint]) -> None:
        self.constraints = constraints
        predicates: set[URIRef] = set()
        self._all_predicates = False
        for constraint in constraints:
            if constraint.predicates is None:
                self._all_predicates = True
            else:
                predicates |= constraint.predicates
        self._predicates = frozenset(predicates)

    def run(self, graph: Graph) -> list[SparqlResult]:
        if not self.constraints:
            return []
        store = ox.Store()
        store.extend(self._quads(graph))
        results: list[SparqlResult] = []
        for constraint in self.constraints:
            focus_nodes = constraint.focus_nodes(graph)
            if focus_nodes:
                results.extend(self._evaluate(store, constraint, focus_nodes))
        return results

    def _quads(self, graph: Graph) -> Iterator[ox.Quad]:
        term = TermConverter().term
        triples: Iterable[tuple[Node, Node, Node]]
        if self._all_predicates:
            triples = graph.triples((None, None, None))
        else:
            triples = (t for p in self._predicates for t in graph.triples((None, p, None)))
        for s, p, o in triples:
            yield ox.Quad(term(s), term(p), term(o))  # type: ignore[arg-type]

    def _evaluate(self, store: ox.Store, constraint: SparqlConstraint,
                  focus_nodes: set[Node]) -> Iterator[SparqlResult]:
        solutions = store.query(constraint.query)
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        seen: set[tuple[Node, Node | None, Node | None]] = set()
        for solution in solutions:
            bound = {name: from_ox(solution[name]) for name in names if solution[name] is not None}
            focus = bound.get("this")
            if focus is None or focus not in focus_nodes:
                continue
            key = (focus, bound.get("value"), bound.get("path"))
            if key in seen:
                continue
            seen.add(key)
            for message in constraint.messages or ("SPARQL constraint violated",):
                yield SparqlResult(constraint.shape, focus, bound.get("value"), bound.get("path"),
                                   _fill(message, bound), constraint.severity)


def _fill(message: str, bound: dict[str, Node]) -> str:
    """sh:message templates: {?var} and {$var} are replaced by the solution's binding."""
    return _PLACEHOLDER.sub(lambda m: str(bound.get(m.group(1), m.group(0))), message)

