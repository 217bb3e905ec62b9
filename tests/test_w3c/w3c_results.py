"""Expected results of the sparql11 suite, read with pyoxigraph and rdflib, and compared with what the server sent.

Solutions compare as multisets (as sequences when the query orders them) of bindings, with blank nodes matched by
a consistent renaming; graphs compare by isomorphism (rdflib.compare). Terms compare as RDF terms (the same lexical
form); with by_value=True, numbers and booleans of the same datatype compare by value instead: the suite's expected
results write computed numbers in XSD 1.0's canonical forms (2.0, 3.0E4), pyoxigraph in its own (2, 30000), and
pyoxigraph stores a boolean written 0 as false. The runner counts the tests that pass only so.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.compare import isomorphic
from rdflib.term import BNode, Node, URIRef

RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
RESULTS_FORMATS = {".srx": ox.QueryResultsFormat.XML, ".srj": ox.QueryResultsFormat.JSON,
                   ".tsv": ox.QueryResultsFormat.TSV, ".csv": ox.QueryResultsFormat.CSV}
XSD = "http://www.w3.org/2001/XMLSchema#"
VALUE_OF: dict[str, Callable[[str], object]] = {
    **{XSD + name: int for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger")},
    XSD + "decimal": Decimal, XSD + "double": float, XSD + "float": float,
    XSD + "boolean": lambda text: {"true": True, "1": True, "false": False, "0": False}[text.strip()],
}
RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}
Row = dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]


def rdf_graph(path: Path) -> Graph:
    """An RDF file of the suite, its relative IRIs resolved against the file itself."""
    return Graph().parse(path, format=RDFLIB_FORMATS[path.suffix], publicID=path.as_uri())


def expected_results(path: Path) -> bool | list[Row] | Graph:
    """A boolean (ASK), solutions (SELECT) or a graph (CONSTRUCT, DESCRIBE) from a results file of the suite."""
    if path.suffix in RESULTS_FORMATS:
        return _from_query_results(ox.parse_query_results(path=str(path), format=RESULTS_FORMATS[path.suffix]))
    graph = rdf_graph(path)
    result_set = graph.value(None, RDF.type, RS.ResultSet, any=False)
    return graph if result_set is None else _result_set(graph, result_set)


def actual_results(content: bytes, media_type: str) -> bool | list[Row] | Graph:
    if media_type == "application/sparql-results+json":
        return _from_query_results(ox.parse_query_results(content, ox.QueryResultsFormat.JSON))
    return Graph().parse(data=content, format="nt")


def _from_query_results(results: ox.QuerySolutions | ox.QueryBoolean) -> bool | list[Row]:
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    names = [variable.value for variable in results.variables]
    return [{name: solution[name] for name in names if solution[name] is not None} for solution in results]


def _result_set(graph: Graph, result_set: Node) -> bool | list[Row]:
    boolean = graph.value(result_set, RS.boolean)
    if boolean is not None:
        return bool(boolean.toPython())
    return [{str(graph.value(binding, RS.variable)): _term(graph.value(binding, RS.value))
             for binding in graph.objects(solution, RS.binding)}
            for solution in graph.objects(result_set, RS.solution)]


def _term(node: Node | None) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    assert isinstance(node, Literal), node
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)


def same_results(expected: bool | list[Row] | Graph, actual: bool | list[Row] | Graph, *, ordered: bool,
                 by_value: bool = False) -> bool:
    if isinstance(expected, Graph) or isinstance(actual, Graph):
        return isinstance(expected, Graph) and isinstance(actual, Graph) and isomorphic(expected, actual)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    return len(expected) == len(actual) and _match(expected, actual, {}, ordered, by_value)


def _match(expected: list[Row], actual: list[Row], blanks: dict[str, str], ordered: bool, by_value: bool) -> bool:
    """Whether the rows pair up one to one under one consistent renaming of blank nodes (backtracking)."""
    if not expected:
        return True
    first, rest = expected[0], expected[1:]
    candidates = [0] if ordered else range(len(actual))
    for index in candidates:
        renaming = _row_renaming(first, actual[index], blanks, by_value)
        if renaming is not None and _match(rest, actual[:index] + actual[index + 1:], renaming, ordered, by_value):
            return True
    return False


def _row_renaming(expected: Row, actual: Row, blanks: dict[str, str], by_value: bool) -> dict[str, str] | None:
    if expected.keys() != actual.keys():
        return None
    renaming = dict(blanks)
    for name, term in expected.items():
        if not _same_term(term, actual[name], renaming, by_value):
            return None
    return renaming


def _same_term(expected: object, actual: object, renaming: dict[str, str], by_value: bool) -> bool:
    if isinstance(expected, ox.BlankNode) and isinstance(actual, ox.BlankNode):
        bound = renaming.setdefault(expected.value, actual.value)
        return bound == actual.value and list(renaming.values()).count(actual.value) == 1
    if isinstance(expected, ox.Triple) and isinstance(actual, ox.Triple):
        return all(_same_term(e, a, renaming, by_value) for e, a in zip(_parts(expected), _parts(actual)))
    if by_value and isinstance(expected, ox.Literal) and isinstance(actual, ox.Literal):
        value = _value(expected)
        return expected == actual or (value is not None and value == _value(actual))
    return expected == actual


def _value(literal: ox.Literal) -> tuple[str, object] | None:
    convert = VALUE_OF.get(literal.datatype.value)
    try:
        return None if convert is None else (literal.datatype.value, convert(literal.value))
    except (KeyError, ValueError, InvalidOperation):
        return None


def _parts(triple: ox.Triple) -> Iterator[object]:
    yield triple.subject
    yield triple.predicate
    yield triple.object


def difference(expected: bool | list[Row] | Graph, actual: bool | list[Row] | Graph) -> str:
    """What only one side has, for a failure's message."""
    if isinstance(expected, list) and isinstance(actual, list):
        shown = [sorted(f"{k}={v}" for k, v in row.items()) for row in expected], \
            [sorted(f"{k}={v}" for k, v in row.items()) for row in actual]
        missing = [row for row in shown[0] if row not in shown[1]]
        extra = [row for row in shown[1] if row not in shown[0]]
        return f"{len(expected)} rows expected, {len(actual)} got; only expected: {missing[:5]}; only got: {extra[:5]}"
    if isinstance(expected, Graph) and isinstance(actual, Graph):
        return (f"{len(expected)} triples expected, {len(actual)} got; only expected: {list(expected - actual)[:5]}; "
                f"only got: {list(actual - expected)[:5]}")
    return f"expected {expected!r}, got {actual!r}"
