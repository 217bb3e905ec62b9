"""The README's example query, over the ingested seeds: allegations against Ukraine/GUR, who made them, and who
denied or downplayed them — every answer traceable to an article and its words."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions

from ingest.pipeline import Pipeline
from ingest.settings import Settings
from ingest.store import OxigraphStore, open_store

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


def test_allegations_against_ukraine_with_claimants_and_contesting_statements(seeded: OxigraphStore) -> None:
    found = rows(seeded, ROOT / "examples" / "allegations-against.rq")
    assert found
    by_accused = {row["accused"] for row in found}
    assert {"Ukraine", "Defence Intelligence of Ukraine"} <= by_accused
    gur = [row for row in found if row["accused"] == "Defence Intelligence of Ukraine"]
    assert any("Lavrent" in row.get("claimants", "") for row in gur)
    contested = [row for row in found if "response" in row]
    assert {row["stance"] for row in contested} <= {"denies", "dismisses", "downplays"}
    assert any(row["stance"] == "downplays" and "official" in row.get("responder", "").lower() for row in contested)
    articles = {row["responseArticle"] for row in contested}
    assert len(articles) == 2  # both outlets carry contesting statements
    for row in contested:
        # the words are the article's own: the quoted response sits inside its sentence
        assert row["responseText"] in row["responseSentence"]
    for row in found:
        assert row["article"].startswith("http://127.0.0.1:8000/id/article/")
        assert row["evidence"]


@pytest.mark.parametrize("query", sorted((ROOT / "api" / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_every_canned_query_answers_on_the_seeds(seeded: OxigraphStore, query: Path) -> None:
    assert rows(seeded, query), f"{query.name} found nothing in the seeds"
