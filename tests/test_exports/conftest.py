"""A store on disk holding the seeds and the fixture articles as the real pipeline takes them, and the three sample
articles of export_sample.py written as the pipeline writes an article: undated and dated articles, web addresses,
a claim made in three articles, its support and denials, anonymous sources, agencies, armed groups and a channel.
The tests' specific claims are about the sample (what extraction finds in the seeds changes as it is rebuilt); the
articles the pipeline accepted are exported and validated with everything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from export_sample import BASE, ExportSample, build_export_sample, export_sample_graphs
from newskg.ingest.iris import IriMinter
from newskg.ingest.outcome import Status
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.resources import PROJECT_ROOT, SEEDS_DIR
from newskg.ingest.service_graphs import registry_graph
from newskg.ingest.settings import Settings
from newskg.store.embedded import OxigraphStore, open_store
from newskg.ingest.validation import Validator

FIXTURE_ARTICLES = PROJECT_ROOT / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="session")
def export_sample() -> ExportSample:
    return build_export_sample(IriMinter(BASE))


@pytest.fixture(scope="session")
def analyst_store_dir(tmp_path_factory: pytest.TempPathFactory, export_sample: ExportSample) -> Path:
    directory = tmp_path_factory.mktemp("exports") / "store"
    store = open_store(directory)
    try:
        pipeline = Pipeline(Settings(store_dir=directory, base_iri=BASE), store)
        batch = pipeline.ingest_paths([SEEDS_DIR, FIXTURE_ARTICLES])
        assert batch.count(Status.ACCEPTED) >= 1, batch.summary()
        graphs: dict[str, Any] = export_sample_graphs(export_sample)
        validator = Validator.load(registry_graph(export_sample.minter))
        assert all(validator.validate(graph).conforms for graph in graphs.values())   # what the gate accepts
        store.replace_graphs(graphs)
    finally:
        store.close()
    return directory


@pytest.fixture
def analyst_store(analyst_store_dir: Path) -> Iterator[OxigraphStore]:
    store = open_store(analyst_store_dir)
    try:
        yield store
    finally:
        store.close()
