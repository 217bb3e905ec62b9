"""Where the W3C SPARQL 1.1 test suites are, and the query, update and syntax tests of the sparql11 suite.

The suites are not copied into this repository: they are read at run time from the folder the environment variable
W3C_SPARQL11 names (`make conformance W3C_DIR=...` sets it), by default ../shared/w3c-sparql11 beside the
repository, where every session and CI checkout of this workplace has them. Elsewhere, put the `sparql/sparql11`
folder of github.com/w3c/rdf-tests (commit ad541a5) as suite/ under a folder of your choice and point W3C_SPARQL11
at it (the protocol/, graph-store-protocol/ and service-description/ folders are its folders of those names).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

ENVIRONMENT_VARIABLE = "W3C_SPARQL11"
DEFAULT_LOCATION = Path(__file__).resolve().parents[2].parent / "shared" / "w3c-sparql11"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
# what each kind of entry is called in reports, and whether its text is an update
KINDS = {MF.QueryEvaluationTest: "query evaluation", MF.UpdateEvaluationTest: "update evaluation",
         MF.CSVResultFormatTest: "query evaluation",
         MF.PositiveSyntaxTest11: "syntax", MF.NegativeSyntaxTest11: "syntax",
         MF.PositiveUpdateSyntaxTest11: "syntax", MF.NegativeUpdateSyntaxTest11: "syntax"}
UPDATE_SYNTAX = {MF.PositiveUpdateSyntaxTest11, MF.NegativeUpdateSyntaxTest11}
NEGATIVE_SYNTAX = {MF.NegativeSyntaxTest11, MF.NegativeUpdateSyntaxTest11}
OUT_OF_SCOPE = {"entailment"}  # entailment regimes: newskg evaluates queries under simple entailment only


class SuiteMissing(Exception):
    """The W3C suites are not where W3C_SPARQL11 (or the default ../shared/w3c-sparql11) says."""


def suite_root() -> Path:
    """The folder holding suite/, protocol/, graph-store-protocol/ and service-description/."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    root = Path(configured).expanduser() if configured else DEFAULT_LOCATION
    if not (root / "suite" / "manifest-all.ttl").is_file() or not (root / "protocol" / "manifest.ttl").is_file():
        raise SuiteMissing(
            f"the W3C SPARQL 1.1 test suites are not at {root} (no suite/manifest-all.ttl or protocol/manifest.ttl). "
            f"Set {ENVIRONMENT_VARIABLE} to the folder that holds them (see tests/test_w3c/w3c_suite.py); they are "
            "read from there, never copied into the repository.")
    return root


def suite_root_or_fail() -> Path:
    """suite_root() for test modules: a clear collection error, not a traceback, when the suites are absent; a skip
    with the same message where the run says they are optional (make test sets W3C_OPTIONAL=1 so that a checkout
    without ../shared still tests everything else; make conformance never does)."""
    try:
        return suite_root()
    except SuiteMissing as missing:
        problem = str(missing)
    if os.environ.get("W3C_OPTIONAL") == "1":
        pytest.skip(problem, allow_module_level=True)
    pytest.fail(problem, pytrace=False)  # outside the except block: one message, no chained traceback


@dataclass(frozen=True)
class NamedData:
    file: Path
    graph: str  # the graph's IRI: the file's IRI for queries, its rdfs:label for updates


@dataclass(frozen=True)
class SuiteTest:
    id: str  # "<folder>/<entry>", e.g. "aggregates/agg01"
    kind: str  # "query evaluation", "update evaluation" or "syntax"
    type: str  # the manifest's test type, e.g. "QueryEvaluationTest"
    text: Path  # the query or the update
    is_update: bool
    negative: bool = False
    data: tuple[Path, ...] = ()
    graph_data: tuple[NamedData, ...] = ()
    result: Path | None = None  # results file (queries)
    result_data: tuple[Path, ...] = ()  # expected default graph (updates)
    result_graph_data: tuple[NamedData, ...] = field(default=())  # expected named graphs (updates)
    uses_service: bool = False


def load_suite(root: Path) -> list[SuiteTest]:
    """Every query evaluation, update evaluation and syntax test of suite/manifest-all.ttl, entailment excepted."""
    suite = root / "suite"
    top = Graph().parse(suite / "manifest-all.ttl", publicID=(suite / "manifest-all.ttl").as_uri())
    tests: list[SuiteTest] = []
    for included in top.objects(URIRef((suite / "manifest-all.ttl").as_uri()), MF.include):
        for manifest in Collection(top, included):
            path = Path(str(manifest).removeprefix("file://"))
            if path.parent.name not in OUT_OF_SCOPE:
                tests += _manifest_tests(path)
    return tests


def _manifest_tests(path: Path) -> list[SuiteTest]:
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    tests = []
    for entries in graph.objects(URIRef(path.as_uri()), MF.entries):
        for entry in Collection(graph, entries):
            kind = graph.value(entry, RDF.type)
            if kind in KINDS:
                tests.append(_test(graph, entry, kind, f"{path.parent.name}/{str(entry).rsplit('#', 1)[-1]}"))
    return tests


def _file(node: Node | None) -> Path:
    return Path(str(node).removeprefix("file://"))


def _named(graph: Graph, nodes: list[Node], *, labelled: bool) -> tuple[NamedData, ...]:
    if not labelled:  # query tests name a graph by its file
        return tuple(NamedData(_file(node), str(node)) for node in nodes)
    return tuple(NamedData(_file(graph.value(node, UT.graph)), str(graph.value(node, RDFS.label))) for node in nodes)


def _test(graph: Graph, entry: Node, kind: Node, test_id: str) -> SuiteTest:
    action = graph.value(entry, MF.action)
    result = graph.value(entry, MF.result)
    name = str(kind).rsplit("#", 1)[-1]
    if kind not in (MF.QueryEvaluationTest, MF.UpdateEvaluationTest, MF.CSVResultFormatTest):
        return SuiteTest(test_id, KINDS[kind], name, _file(action), is_update=kind in UPDATE_SYNTAX,
                         negative=kind in NEGATIVE_SYNTAX)
    if kind == MF.UpdateEvaluationTest:
        return SuiteTest(
            test_id, KINDS[kind], name, _file(graph.value(action, UT.request)), is_update=True,
            data=tuple(_file(d) for d in graph.objects(action, UT.data)),
            graph_data=_named(graph, list(graph.objects(action, UT.graphData)), labelled=True),
            result_data=tuple(_file(d) for d in graph.objects(result, UT.data)),
            result_graph_data=_named(graph, list(graph.objects(result, UT.graphData)), labelled=True))
    return SuiteTest(
        test_id, KINDS[kind], name, _file(graph.value(action, QT.query)), is_update=False,
        data=tuple(_file(d) for d in graph.objects(action, QT.data)),
        graph_data=_named(graph, list(graph.objects(action, QT.graphData)), labelled=False),
        result=_file(result) if result is not None else None,
        uses_service=(action, QT.serviceData, None) in graph)
