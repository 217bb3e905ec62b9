"""The README's example query, over the ingested seeds: allegations against Ukraine/GUR, who made them, and who
denied or downplayed them — every answer traceable to an article and its words."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions

from newskg.ingest.pipeline import Pipeline
from newskg.ingest.settings import Settings
from newskg.store.embedded import OxigraphStore, open_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    settings = Settings(store_dir=tmp_path_factory.mktemp("examples") / "store")
    store = open_store(settings.store_dir)
    batch = Pipeline(settings, store).ingest_paths([ROOT / "seeds"])
    assert batch.ok, batch.summary()
    yield store
    store.close()


def rows(store: OxigraphStore, path: Path) -> list[dict[str, str]]:
    result = store.query(path.read_text(encoding="utf-8"))
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [{name: row[name].value for name in names if row[name] is not None} for row in result]


def test_allegations_against_ukraine_one_row_per_allegation_and_response(seeded: OxigraphStore) -> None:
    found = rows(seeded, ROOT / "examples" / "allegations-against.rq")
    assert found
    pairs = [(row["allegation"], row.get("response")) for row in found]
    assert len(pairs) == len(set(pairs))  # one row per allegation and response, never a cross product
    for row in found:
        assert row["article"].startswith("http://127.0.0.1:8000/id/article/")
        assert row["evidence"] and row["summary"]
        assert row.get("claimants") or row.get("claimSource")  # someone claims it, or the graph says no one is named
    contested = [row for row in found if "response" in row]
    assert contested, "the seeds carry statements contesting allegations against Ukraine"
    assert {row["stance"] for row in contested} <= {"denies", "dismisses", "downplays"}
    for row in contested:
        assert row["responseText"] in row["responseSentence"]  # the words are the article's own


@pytest.mark.parametrize("query", sorted((ROOT / "api" / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_every_canned_query_answers_on_the_seeds(seeded: OxigraphStore, query: Path) -> None:
    assert rows(seeded, query), f"{query.name} found nothing in the seeds"
