"""The gate on the write path: a broken article graph is rejected by the pipeline and the store is left exactly as
it was (compared as a full N-Quads dump before and after), while the unbroken graph is written."""

from __future__ import annotations

import io
from typing import Any, Callable, Iterator

import pytest
from rdflib import Graph

from newskg.ingest.extract.read.page import read_file
from newskg.ingest.outcome import Status
from newskg.ingest.pipeline import Pipeline, PreparedArticle
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.settings import Settings
from newskg.ingest.store_access import open_configured_store
from newskg.store.interface import Store
from test_mutations import MUTATIONS, Mutation

pytestmark = [pytest.mark.slow, pytest.mark.backends]
SEED = SEEDS_DIR / "mee-ukraine-hts-aleppo.txt"


def dump(store: Store) -> list[str]:
    out = io.BytesIO()
    store.dump(out, "application/n-quads")
    return sorted(out.getvalue().decode("utf-8").splitlines())


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory,
         module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[tuple[Pipeline, PreparedArticle]]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("gate") / "store", **module_store_fields())
    store = open_configured_store(settings)
    pipeline = Pipeline(settings, store)
    batch = pipeline.ingest_paths([SEEDS_DIR])
    assert batch.ok, batch.summary()
    prepared = pipeline.prepare(read_file(SEED, None, 10_000_000))
    yield pipeline, prepared
    store.close()


def _broken(prepared: PreparedArticle, mutation: Mutation) -> PreparedArticle:
    graph = Graph()
    for triple in prepared.graph:
        graph.add(triple)
    mutation(graph)
    return PreparedArticle(prepared.extraction, prepared.graph_iri, graph)


@pytest.mark.parametrize(("mutation", "shape"), MUTATIONS, ids=[m.__name__ for m, _ in MUTATIONS])
def test_a_broken_graph_is_rejected_and_the_store_is_unchanged(
        gate: tuple[Pipeline, PreparedArticle], mutation: Mutation, shape: str) -> None:
    pipeline, prepared = gate
    assert pipeline.store is not None
    before = dump(pipeline.store)
    outcome = pipeline.commit(_broken(prepared, mutation), "mutated seed")
    assert outcome.status is Status.REJECTED
    assert shape.split(":", 1)[1] in outcome.report.to_text()
    assert dump(pipeline.store) == before


def test_the_unbroken_graph_passes_the_gate_and_rewriting_it_changes_nothing(
        gate: tuple[Pipeline, PreparedArticle]) -> None:
    pipeline, prepared = gate
    assert pipeline.store is not None
    before = dump(pipeline.store)
    outcome = pipeline.commit(prepared, "seed again")
    assert outcome.status is Status.ACCEPTED
    assert dump(pipeline.store) == before
