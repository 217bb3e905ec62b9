"""Graph → ValidationReport: the gate every article's graph passes before it is written.

The core shapes (shapes/*.ttl) are checked on a read-only indexed snapshot of the article's graph plus the few
ontology and registry triples it needs (ingest.validation_context, ingest.indexed_graph): first by a quick check that
only ever vouches for a conforming graph (ingest.shacl_precheck), and by pyshacl whenever it does not, so that every
report of a violation is pyshacl's. The SPARQL-based constraints run once per graph on pyoxigraph
(ingest.shacl_sparql). Shapes, ontology and registry are loaded once, in Validator.load(); pyshacl's shapes are
harvested once, over an indexed snapshot of the shapes graph.
"""

from __future__ import annotations

import logging

import pyshacl
from pyshacl.graph_abstraction import DataGraph
from rdflib import RDF, SH, BNode, Graph, Literal

from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.resources import ontology_files
from newskg.ingest.shacl_precheck import CorePrecheck
from newskg.ingest.shacl_report import ValidationReport, Violation, violations_from
from newskg.ingest.shacl_sparql import SparqlConstraintRunner, SparqlResult, sparql_constraints
from newskg.ingest.shapes_graph import core_shapes, load_shapes_graph
from newskg.ingest.validation_context import ValidationContext

__all__ = ["Validator", "ValidationReport", "Violation"]

_LOGGER = logging.getLogger("newskg.validation")
_PYSHACL_OPTIONS = {"inplace": True, "inference": "none", "advanced": False, "abort_on_first": False,
                    "allow_infos": False, "allow_warnings": False}


class Validator:
    """Loads shapes, ontology and registry once; validate() is then called for each article's graph."""

    def __init__(self, shapes: Graph, context: ValidationContext) -> None:
        self.shapes = shapes
        self.context = context
        core = core_shapes(shapes)
        self._core = IndexedGraph([*core, *pyshacl.ShapesGraph.system_triples], like=core)
        self._harvested = pyshacl.ShapesGraph(self._core, logger=_LOGGER)
        self._harvested.shapes  # harvest the shapes now, once, not on every validation
        self._precheck = CorePrecheck(self._harvested)
        self._conforming, conforms = self._core_report(IndexedGraph([]))   # pyshacl's report of no violation
        assert conforms
        self._sparql = SparqlConstraintRunner(sparql_constraints(shapes))

    @classmethod
    def load(cls, registry_graph: Graph | None = None) -> "Validator":
        """registry_graph: the actor registry, so that actors known only from it count as actors."""
        ontology = Graph()
        for path in ontology_files():
            ontology.parse(path, format="turtle")
        return cls(load_shapes_graph(), ValidationContext.load(ontology, registry_graph))

    def validate(self, data: Graph) -> ValidationReport:
        """Validate one article's graph. The graph is left exactly as it was given."""
        snapshot = self.context.snapshot(data)
        if self._precheck.conforms(snapshot):
            report, conforms = fresh_copy(self._conforming), True
        else:
            report, conforms = self._core_report(snapshot)
        sparql_results = self._sparql.run(snapshot)
        add_sparql_results(report, sparql_results)
        conforms = conforms and not sparql_results
        violations = violations_from(report, snapshot)
        return ValidationReport(conforms, violations, report)

    def _core_report(self, data: Graph) -> tuple[Graph, bool]:
        options = dict(_PYSHACL_OPTIONS, logger=_LOGGER)
        validator = pyshacl.Validator(DataGraph.from_rdflib(data), shacl_graph=self._core, options=options)
        validator.shacl_graph = self._harvested
        conforms, report, _ = validator.run()
        return report, bool(conforms)


def fresh_copy(graph: Graph) -> Graph:
    """The graph with its prefixes, its blank nodes renamed (so that two reports never share a node)."""
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    renamed: dict[BNode, BNode] = {}
    for triple in graph:
        copy.add(tuple(renamed.setdefault(t, BNode()) if isinstance(t, BNode) else t  # type: ignore[arg-type]
                       for t in triple))
    return copy


def add_sparql_results(report: Graph, results: list[SparqlResult]) -> None:
    """Write SPARQL-constraint results into the sh:ValidationReport as pyshacl would have."""
    if not results:
        return
    root = report.value(None, RDF.type, SH.ValidationReport, any=False)
    if root is None:
        root = BNode()
        report.add((root, RDF.type, SH.ValidationReport))
    report.set((root, SH.conforms, Literal(False)))
    for result in results:
        node = BNode()
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, result.focus))
        report.add((node, SH.sourceShape, result.shape))
        report.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        report.add((node, SH.resultSeverity, result.severity))
        report.add((node, SH.resultMessage, Literal(result.message)))
        if result.value is not None:
            report.add((node, SH.value, result.value))
        if result.path is not None:
            report.add((node, SH.resultPath, result.path))
