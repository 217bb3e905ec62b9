"""The quick pre-check of the core shapes (ingest.shacl_precheck) never vouches for what pyshacl would reject.

Reference: plain pyshacl.validate over the core shapes, on the article's graph plus its validation context. On
every shape's violating example and every mutation of real article graphs, each shape pyshacl finds violated is
flagged by the pre-check too; on the conforming ones the pre-check vouches, so validation takes the quick road.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import SH, Graph
from rdflib.term import Node

from newskg.ingest.extract.read.page import read_file
from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.resources import SEEDS_DIR, SHAPES_DIR
from newskg.ingest.settings import Settings
from newskg.ingest.shacl_precheck import CorePrecheck
from newskg.ingest.shapes_graph import core_shapes, load_shapes_graph
from shapes_sample import sample_graph
from test_mutations import MUTATIONS, SOURCES

CASES = Path(__file__).parent / "cases"
SHAPE_FILES = sorted(p.stem for p in SHAPES_DIR.glob("*.ttl") if p.stem != "shapes")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(), None)


@pytest.fixture(scope="module")
def core() -> Graph:
    return core_shapes(load_shapes_graph())


@pytest.fixture(scope="module")
def precheck(core: Graph) -> CorePrecheck:
    return CorePrecheck(pyshacl.ShapesGraph(IndexedGraph([*core, *pyshacl.ShapesGraph.system_triples], like=core)))


def _verdicts(data: Graph, pipeline: Pipeline, core: Graph, precheck: CorePrecheck) -> tuple[set[Node], set[Node]]:
    """(shapes plain pyshacl finds violated, shapes the pre-check flags), on the graph with its validation context."""
    extra = pipeline.validator.context.extra_triples(data)
    plain = Graph()
    for triple in [*data, *extra]:
        plain.add(triple)
    conforms, report, _ = pyshacl.validate(plain, shacl_graph=core, inference="none")
    violated = set(report.objects(None, SH.sourceShape))
    assert bool(conforms) == (not violated)
    return violated, set(precheck.flagged_shapes(IndexedGraph([*data, *extra])))


def _case(stem: str, kind: str) -> Graph:
    graph = Graph().parse(CASES / "base.ttl")
    return graph.parse(CASES / f"{stem}-{kind}.ttl")


@pytest.mark.parametrize("stem", SHAPE_FILES)
def test_every_shape_violated_in_an_example_is_flagged(stem: str, pipeline: Pipeline, core: Graph,
                                                       precheck: CorePrecheck) -> None:
    violated, flagged = _verdicts(_case(stem, "invalid"), pipeline, core, precheck)
    assert violated <= flagged


@pytest.mark.parametrize("stem", SHAPE_FILES)
def test_conforming_examples_are_vouched_for(stem: str, pipeline: Pipeline, core: Graph,
                                             precheck: CorePrecheck) -> None:
    violated, flagged = _verdicts(_case(stem, "valid"), pipeline, core, precheck)
    assert not violated and not flagged


@pytest.fixture(scope="module")
def graphs(pipeline: Pipeline) -> dict[str, Graph]:
    found = {"sample": sample_graph(2)}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        found[path.name] = pipeline.prepare(read_file(path)).graph
    return found


@pytest.mark.parametrize("source", SOURCES)
def test_every_mutation_pyshacl_rejects_is_flagged(source: str, graphs: dict[str, Graph], pipeline: Pipeline,
                                                   core: Graph, precheck: CorePrecheck) -> None:
    violated, flagged = _verdicts(graphs[source], pipeline, core, precheck)
    assert not violated and not flagged
    checked = 0
    for mutation, _ in MUTATIONS:
        broken = Graph()
        for triple in graphs[source]:
            broken.add(triple)
        try:
            mutation(broken)
        except pytest.skip.Exception:
            continue
        violated, flagged = _verdicts(broken, pipeline, core, precheck)
        assert violated <= flagged, mutation.__name__
        checked += 1
    assert checked >= 12
