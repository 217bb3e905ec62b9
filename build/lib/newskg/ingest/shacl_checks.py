"""SHACL core constraints as plain Python checks, each at least as strict as pyshacl's own evaluation of it.

A check takes a focus node and its value nodes and answers True only when pyshacl would report nothing for them;
False means "a violation, or not sure". The pre-check (ingest.shacl_precheck) relies on that one-sidedness: when a
check says False, pyshacl itself validates the graph and has the last word. Each check follows the code of the
pyshacl constraint component it stands for (pyshacl.constraints.core), and says False wherever that code would
raise or compare in a way not mirrored here (blank nodes in sh:lessThan, non-numeric ranges, sh:flags, ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date, datetime, time
from decimal import Decimal
from typing import Protocol

from pyshacl.constraints.core.string_based_constraints import StringBasedConstraintBase
from rdflib import RDF, RDFS, SH, XSD, BNode, Literal, URIRef
from rdflib.term import Node



class Lookups(Protocol):
    """What a check reads from the graph being validated (ingest.shacl_precheck.Lookups provides it)."""

    def objects(self, subject: Node, predicate: Node) -> Collection[Node]: ...

    def is_instance(self, node: Node, cls: Node) -> bool: ...


Check = Callable[[Lookups, Node, Collection[Node]], bool]

_NODE_KINDS: dict[Node, tuple[type, ...]] = {SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,), SH.BlankNodeOrIRI: (BNode, URIRef),
               SH.IRIOrLiteral: (URIRef, Literal), SH.BlankNodeOrLiteral: (BNode, Literal)}
# the value types pyshacl's DatatypeConstraintComponent._assert_actual_datatype insists on
_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float, XSD.decimal: Decimal,
    XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
_NUMERIC = frozenset({XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.int, XSD.long, XSD.short, XSD.byte,
                      XSD.nonNegativeInteger, XSD.nonPositiveInteger, XSD.positiveInteger, XSD.negativeInteger,
                      XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte})


def number(node: Node) -> int | Decimal | float | None:
    """The numeric value of a well-typed numeric literal (not a boolean), else None."""
    if isinstance(node, Literal) and node.datatype in _NUMERIC and node.ill_typed is not True:
        value = node.value
        if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
            return value
    return None


def min_count(bound: Node) -> Check | None:
    if not (isinstance(bound, Literal) and isinstance(bound.value, int)):
        return None
    least = bound.value
    return lambda _, focus, values: len(values) >= least


def max_count(bound: Node) -> Check | None:
    if not (isinstance(bound, Literal) and isinstance(bound.value, int)):
        return None
    most = bound.value
    return lambda _, focus, values: len(values) <= most


def node_kind(kind: Node) -> Check | None:
    allowed = _NODE_KINDS.get(kind)
    if allowed is None:
        return None
    return lambda _, focus, values: all(isinstance(v, allowed) for v in values)


def datatype(rule: Node) -> Check | None:
    if not isinstance(rule, URIRef) or rule in (RDFS.Literal, RDFS.Datatype):
        return None
    python_type = _PYTHON_TYPES.get(rule)
    plain_string, lang_string = rule == XSD.string, rule == RDF.langString

    def matches(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        if v.datatype == rule:
            if v.ill_typed is True:
                return False
        elif not ((plain_string and v.datatype is None and v.language is None) or (lang_string and v.language)):
            return False
        return python_type is None or isinstance(v.value, python_type)

    return lambda _, focus, values: all(matches(v) for v in values)


def class_(cls: Node) -> Check | None:
    return lambda lookups, focus, values: all(lookups.is_instance(v, cls) for v in values)


def in_(members: frozenset[Node]) -> Check:
    return lambda _, focus, values: all(v in members for v in values)


def min_length(bound: Node) -> Check | None:
    if not (isinstance(bound, Literal) and isinstance(bound.value, int)) or bound.value < 0:
        return None
    least = bound.value
    text = StringBasedConstraintBase.value_node_to_string
    return lambda _, focus, values: least == 0 or all(
        not isinstance(v, BNode) and len(text(v)) >= least for v in values)


def pattern(regex: Node) -> Check | None:
    if not isinstance(regex, Literal):
        return None
    compiled = re.compile(str(regex.value) if regex.value is not None and len(regex.value) > 1 else str(regex))
    text = StringBasedConstraintBase.value_node_to_string
    return lambda _, focus, values: all(
        not isinstance(v, BNode) and compiled.search(text(v)) is not None for v in values)


def value_range(bound: Node, holds: Callable[[int | Decimal | float, int | Decimal | float], bool]) -> Check | None:
    limit = number(bound)
    if limit is None:
        return None

    def within(v: Node) -> bool:
        value = number(v)
        return value is not None and holds(value, limit)

    return lambda _, focus, values: all(within(v) for v in values)


def equals(prop: Node) -> Check | None:
    if not isinstance(prop, URIRef):
        return None
    return lambda lookups, focus, values: set(values) == set(lookups.objects(focus, prop))


def disjoint(prop: Node) -> Check | None:
    if not isinstance(prop, URIRef):
        return None
    return lambda lookups, focus, values: set(values).isdisjoint(lookups.objects(focus, prop))


def less_than(prop: Node) -> Check | None:
    """Numbers only: other comparisons (strings, dates, blank nodes) are left to pyshacl."""
    if not isinstance(prop, URIRef):
        return None

    def holds(lookups: Lookups, focus: Node, values: Collection[Node]) -> bool:
        others = [number(o) for o in lookups.objects(focus, prop)]
        mine = [number(v) for v in values]
        if any(n is None for n in others) or any(n is None for n in mine):
            return False
        return all(a < b for a in mine for b in others)  # type: ignore[operator]

    return holds


def unique_lang(flag: Node) -> Check | None:
    if not (isinstance(flag, Literal) and isinstance(flag.value, bool)):
        return None
    if not flag.value:
        return lambda _, focus, values: True

    def unique(_: Lookups, focus: Node, values: Collection[Node]) -> bool:
        languages = [v.language.lower() for v in values if isinstance(v, Literal) and v.language]
        return len(languages) == len(set(languages))

    return unique


def all_of(checks: list[Check]) -> Check:
    """A node-shape member of sh:or, checked with the value node as its focus and only value node."""
    return lambda lookups, focus, values: all(check(lookups, v, (v,)) for v in values for check in checks)


def any_of(members: list[Check]) -> Check:
    """sh:or: every value node conforms to at least one member (as its own focus node)."""
    return lambda lookups, focus, values: all(any(m(lookups, v, (v,)) for m in members) for v in values)


# parameter → how to compile one value of it into a check (None: not mirrored, pyshacl evaluates it)
SIMPLE_PARAMETERS: dict[Node, Callable[[Node], Check | None]] = {
    SH.minCount: min_count, SH.maxCount: max_count, SH.nodeKind: node_kind, SH.datatype: datatype,
    SH["class"]: class_, SH.minLength: min_length, SH.pattern: pattern,
    SH.minInclusive: lambda b: value_range(b, lambda v, limit: v >= limit),
    SH.maxInclusive: lambda b: value_range(b, lambda v, limit: v <= limit),
    SH.minExclusive: lambda b: value_range(b, lambda v, limit: v > limit),
    SH.maxExclusive: lambda b: value_range(b, lambda v, limit: v < limit),
    SH.equals: equals, SH.disjoint: disjoint, SH.lessThan: less_than, SH.uniqueLang: unique_lang,
}
