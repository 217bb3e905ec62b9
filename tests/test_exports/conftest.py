"""A store on disk holding the seeds and the fixture articles, ingested by the real pipeline: undated and dated
articles, web addresses, allegations clustered across articles, anonymous sources, agencies and armed groups.
One seed is given a date (as `newskg ingest --date` would), the other is left undated, so that a claim made in
both has a first appearance to find."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from export_sample import BASE, DATED_SEED, SEED_DATE
from ingest.extract.reading import MetadataOverrides
from ingest.outcome import Status
from ingest.pipeline import Pipeline
from ingest.resources import PROJECT_ROOT, SEEDS_DIR
from ingest.settings import Settings
from ingest.store import OxigraphStore, open_store

FIXTURE_ARTICLES = PROJECT_ROOT / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="session")
def analyst_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("exports") / "store"
    store = open_store(directory)
    try:
        pipeline = Pipeline(Settings(store_dir=directory, base_iri=BASE), store)
        dated = pipeline.ingest_paths([SEEDS_DIR / DATED_SEED], MetadataOverrides(date=SEED_DATE))
        rest = pipeline.ingest_paths([p for p in sorted(SEEDS_DIR.iterdir()) if p.name != DATED_SEED] +
                                     [FIXTURE_ARTICLES])
        assert dated.count(Status.ACCEPTED) == 1 and rest.count(Status.ACCEPTED) >= 7, rest.summary()
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
