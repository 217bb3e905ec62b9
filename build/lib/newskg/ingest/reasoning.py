"""OWL consistency of the ontology and data: HermiT (through owlready2) in an isolated world, with readable problems.

HermiT says only whether the whole is consistent. When it is not, the problems are named by checking the usual causes
directly on the RDF (disjoint types, a second value of a functional property, a literal outside its property's
datatype, one link under two disjoint properties); HermiT's verdict is authoritative, the naming is best effort.
"""

from __future__ import annotations

import io
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations

from owlready2 import OwlReadyInconsistentOntologyError, OwlReadyJavaError, World, sync_reasoner_hermit
from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from newskg.ingest.errors import ReasonerError
from newskg.ingest.namespaces import NKG
from newskg.ingest.resources import ontology_files

# The ontology IRI owlready2 files the loaded triples under; the triples keep their own IRIs.
_SCRATCH_ONTOLOGY = "https://w3id.org/newskg/check/scratch#"

_NUMERIC = {XSD.decimal, XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger,
            XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt,
            XSD.unsignedShort, XSD.unsignedByte, OWL.real, OWL.rational}
_INTEGRAL = _NUMERIC - {XSD.decimal, OWL.real, OWL.rational}
_NON_NEGATIVE = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.unsignedLong, XSD.unsignedInt,
                 XSD.unsignedShort, XSD.unsignedByte}
_STRINGS = {XSD.string, XSD.normalizedString, XSD.token, XSD.language, XSD.Name, XSD.NCName, XSD.NMTOKEN}
# Ranges whose literals are named here when HermiT finds a mismatch (all in the OWL 2 datatype map, as HermiT requires).
_CHECKED = _NUMERIC | _STRINGS | {XSD.boolean, XSD.anyURI, XSD.double, XSD.float, XSD.dateTime}

# The OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps) with RDF 1.1's rdf:langString: HermiT
# refuses any other datatype (xsd:date, xsd:gYear ...), in a range or on a literal.
OWL2_DATATYPES = _NUMERIC | _STRINGS | {XSD.double, XSD.float, XSD.boolean, XSD.hexBinary, XSD.base64Binary,
                                        XSD.anyURI, XSD.dateTime, XSD.dateTimeStamp, RDF.PlainLiteral,
                                        RDF.XMLLiteral, RDFS.Literal, RDF.langString}
_SHOWN_OUTSIDE_THE_MAP = 10


@dataclass(frozen=True)
class ConsistencyReport:
    """consistent: HermiT found no contradiction and every class can have members. problems: readable sentences."""

    consistent: bool
    problems: list[str]
    seconds: float


def ontology_graph() -> Graph:
    """The ontology proper with its SKOS schemes, as one graph."""
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def check_consistency(graphs: Iterable[Graph]) -> ConsistencyReport:
    """Run HermiT over the union of the graphs (pass the ontology graph along with the data)."""
    started = time.perf_counter()
    merged = Graph()
    for graph in graphs:
        for triple in graph.triples((None, None, None)):
            merged.add(triple)
    outside = _outside_the_datatype_map(merged)
    if outside:
        return ConsistencyReport(False, outside, time.perf_counter() - started)
    try:
        unsatisfiable = _hermit_unsatisfiable_classes(merged)
    except OwlReadyInconsistentOntologyError:
        problems = explain_inconsistency(merged) or [
            "HermiT found the data inconsistent with the ontology, but not through a disjoint-type clash, a repeated "
            "functional value, a datatype mismatch or a disjoint-property clash; check cardinality and "
            "functional-object-property axioms (two different values that cannot be the same thing)."
        ]
        return ConsistencyReport(False, problems, time.perf_counter() - started)
    problems = [f"class {_short(iri)} can have no members (it is unsatisfiable)" for iri in unsatisfiable]
    return ConsistencyReport(not problems, problems, time.perf_counter() - started)


def _outside_the_datatype_map(graph: Graph) -> list[str]:
    """Literals and ranges HermiT would refuse to reason over, named (the first few of each datatype)."""
    found: dict[Node, list[str]] = defaultdict(list)
    for subject, prop, value in graph:
        if isinstance(value, Literal) and value.datatype is not None and value.datatype not in OWL2_DATATYPES:
            found[value.datatype].append(f"{_describe(graph, subject)} has {_short(prop)} {value.n3()}")
        elif prop == RDFS.range and str(value).startswith(str(XSD)) and value not in OWL2_DATATYPES:
            found[value].append(f"{_short(subject)} has the range {_short(value)}")
    problems = []
    for datatype, uses in sorted(found.items()):
        more = f" (and {len(uses) - _SHOWN_OUTSIDE_THE_MAP} more)" if len(uses) > _SHOWN_OUTSIDE_THE_MAP else ""
        problems.append(f"{_short(datatype)} is outside the OWL 2 datatype map, so HermiT cannot reason over: "
                        + "; ".join(sorted(uses)[:_SHOWN_OUTSIDE_THE_MAP]) + more)
    return problems


def _hermit_unsatisfiable_classes(graph: Graph) -> list[str]:
    """Raises OwlReadyInconsistentOntologyError when inconsistent; else the IRIs of classes equivalent to owl:Nothing."""
    world = World()
    try:
        ntriples = graph.serialize(format="nt", encoding="utf-8")
        world.get_ontology(_SCRATCH_ONTOLOGY).load(fileobj=io.BytesIO(ntriples), format="ntriples")
        # strict: the ontology and the data use only datatypes of the OWL 2 datatype map (dates are xsd:dateTime)
        sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        return sorted(cls.iri for cls in world.inconsistent_classes() if cls.iri != str(OWL.Nothing))
    except OwlReadyJavaError as err:
        raise ReasonerError(f"the OWL reasoner (HermiT) failed to run: {err}") from err
    finally:
        world.close()


def explain_inconsistency(graph: Graph) -> list[str]:
    """Name the individuals behind an inconsistency, by checking its usual causes on the RDF itself."""
    return [*_disjoint_type_clashes(graph), *_repeated_functional_values(graph), *_datatype_mismatches(graph),
            *_disjoint_property_clashes(graph), *_excluded_by_value(graph)]


# ---- disjoint types ----------------------------------------------------------------------------------------------

def _disjoint_type_clashes(graph: Graph) -> Iterator[str]:
    superclasses = _superclass_closure(graph)
    disjoint = _disjoint_pairs(graph)
    for individual, reasons in _named_types(graph).items():
        types: dict[Node, str] = {}
        for cls, reason in reasons.items():
            for sup in superclasses.get(cls, {cls}):
                types.setdefault(sup, f"{reason}" if sup == cls else f"{reason}, a kind of {_short(sup)}")
        for a, b in combinations(sorted(types, key=str), 2):
            if frozenset((a, b)) in disjoint:
                yield (f"{_describe(graph, individual)} is both {_short(a)} ({types[a]}) and {_short(b)} ({types[b]}), "
                       "which are disjoint classes")


def _named_types(graph: Graph) -> dict[Node, dict[Node, str]]:
    """For each individual, its named classes with why: declared, or implied by a property's domain or range."""
    classes = _declared(graph, OWL.Class) | _declared(graph, RDFS.Class)
    types: dict[Node, dict[Node, str]] = defaultdict(dict)
    for individual, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef) and cls in classes:
            types[individual].setdefault(cls, "declared type")
    for prop, domain in graph.subject_objects(RDFS.domain):
        if isinstance(domain, URIRef):
            for subject in graph.subjects(prop, None):
                types[subject].setdefault(domain, f"subject of {_short(prop)}")
    for prop in _declared(graph, OWL.ObjectProperty):
        for rng in graph.objects(prop, RDFS.range):
            if isinstance(rng, URIRef):
                for obj in graph.objects(None, prop):
                    types[obj].setdefault(rng, f"value of {_short(prop)}")
    return types


def _superclass_closure(graph: Graph) -> dict[Node, set[Node]]:
    direct: dict[Node, set[Node]] = defaultdict(set)
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sup, URIRef):
            direct[sub].add(sup)
    for a, b in graph.subject_objects(OWL.equivalentClass):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            direct[a].add(b)
            direct[b].add(a)
    closure: dict[Node, set[Node]] = {}
    for cls in list(direct):
        seen, todo = {cls}, [cls]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = seen
    return closure


def _disjoint_pairs(graph: Graph) -> set[frozenset[Node]]:
    pairs = {frozenset(pair) for pair in graph.subject_objects(OWL.disjointWith)}
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in graph.objects(group, OWL.members):
            pairs.update(frozenset(pair) for pair in combinations(Collection(graph, members), 2))
    return pairs


# ---- functional properties, datatypes, disjoint properties -------------------------------------------------------

def _repeated_functional_values(graph: Graph) -> Iterator[str]:
    for prop in _declared(graph, OWL.FunctionalProperty) & _declared(graph, OWL.DatatypeProperty):
        values: dict[Node, set[object]] = defaultdict(set)
        for subject, value in graph.subject_objects(prop):
            values[subject].add(value.value if isinstance(value, Literal) and value.value is not None else str(value))
        for subject, distinct in values.items():
            if len(distinct) > 1:
                shown = ", ".join(sorted(repr(v) for v in distinct))
                yield f"{_describe(graph, subject)} has {len(distinct)} values for {_short(prop)} ({shown}) but may have one"


def _datatype_mismatches(graph: Graph) -> Iterator[str]:
    for prop in _declared(graph, OWL.DatatypeProperty):
        for rng in graph.objects(prop, RDFS.range):
            datatype, low, high = _datatype_of(graph, rng)
            if datatype not in _CHECKED:
                continue
            for subject, value in graph.subject_objects(prop):
                why = _literal_misfit(value, datatype, low, high)
                if why:
                    yield f"{_describe(graph, subject)} has {_short(prop)} {value.n3()}: {why}"


def _datatype_of(graph: Graph, rng: Node) -> tuple[Node | None, Decimal | None, Decimal | None]:
    if isinstance(rng, URIRef):
        return rng, None, None
    base = graph.value(rng, OWL.onDatatype)
    low = high = None
    for facets in graph.objects(rng, OWL.withRestrictions):
        for facet in Collection(graph, facets):
            if (lit := graph.value(facet, XSD.minInclusive)) is not None:
                low = _as_decimal(lit)
            if (lit := graph.value(facet, XSD.maxInclusive)) is not None:
                high = _as_decimal(lit)
    return base, low, high


def _literal_misfit(value: Node, datatype: Node, low: Decimal | None, high: Decimal | None) -> str | None:
    expected = _short(datatype)
    if not isinstance(value, Literal):
        return f"not a literal, but the property takes {expected}"
    actual = value.datatype or (RDF.langString if value.language else XSD.string)
    if datatype in _NUMERIC:
        number = _as_decimal(value) if actual in _NUMERIC else None
        if number is None:
            return f"the property takes {expected} (a decimal number), not {_short(actual)}"
        if datatype in _INTEGRAL and number != number.to_integral_value():
            return f"the property takes {expected}, a whole number"
        if (datatype in _NON_NEGATIVE and number < 0) or (low is not None and number < low) or (
                high is not None and number > high):
            return f"outside the range the property allows ({expected} from {low or 0} to {high or 'any'})"
        return None
    if datatype in _STRINGS:
        return None if actual in _STRINGS else f"the property takes a plain {expected}, not {_short(actual)}"
    return None if actual == datatype else f"the property takes {expected}, not {_short(actual)}"


def _disjoint_property_clashes(graph: Graph) -> Iterator[str]:
    for p, q in graph.subject_objects(OWL.propertyDisjointWith):
        for subject, obj in graph.subject_objects(p):
            if (subject, q, obj) in graph:
                yield (f"{_describe(graph, subject)} links {_describe(graph, obj)} by both {_short(p)} and "
                       f"{_short(q)}, which exclude each other")


def _excluded_by_value(graph: Graph) -> Iterator[str]:
    """Axioms of the form (p value v) subClassOf not (q some Thing): e.g. speakerUnknown true excludes a speaker."""
    for condition, excluded in graph.subject_objects(RDFS.subClassOf):
        flag, value = graph.value(condition, OWL.onProperty), graph.value(condition, OWL.hasValue)
        forbidden = graph.value(graph.value(excluded, OWL.complementOf), OWL.onProperty)
        if flag is None or value is None or forbidden is None:
            continue
        for subject in graph.subjects(flag, value):
            if graph.value(subject, forbidden) is not None:
                yield (f"{_describe(graph, subject)} has {_short(flag)} {value} and also {_short(forbidden)}, "
                       "which exclude each other")


# ---- naming --------------------------------------------------------------------------------------------------------

def _declared(graph: Graph, kind: URIRef) -> set[Node]:
    return set(graph.subjects(RDF.type, kind))


def _as_decimal(value: Literal) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


_PREFIXES = {str(NKG): "nkg:", str(SKOS): "skos:", str(XSD): "xsd:", str(RDF): "rdf:", str(OWL): "owl:",
             "https://schema.org/": "schema:", "http://www.w3.org/ns/prov#": "prov:"}


def _short(iri: Node) -> str:
    for namespace, prefix in _PREFIXES.items():
        if str(iri).startswith(namespace):
            return prefix + str(iri)[len(namespace):]
    return f"<{iri}>"


def _describe(graph: Graph, node: Node) -> str:
    shown = "a blank node" if isinstance(node, BNode) else f"<{node}>"
    for prop in (SKOS.prefLabel, RDFS.label, NKG.exact):
        label = graph.value(node, prop)
        if label is not None:
            return f'{shown} ("{label}")'
    return shown
