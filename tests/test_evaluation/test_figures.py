"""The extractor's figures on the committed gold sets (the seeds, and the texts written for the project) stay at
least where they were recorded (evaluation/recorded.json, written by `python -m evaluation.score --set seeds --set
project --json evaluation/recorded.json`): a change that loses extraction quality fails here, one that gains it
passes and should be recorded. The real articles (dev, test) are other publishers' texts, not in the repository, so
they are scored by `make score` only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import sets
from evaluation.metrics import one_to_one, count
from evaluation.score import figures, score_set
from newskg.ingest.extract import Extractor
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import ArticleDoc, Extraction
from newskg.ingest.resources import PROJECT_ROOT

RECORDED = json.loads((PROJECT_ROOT / "evaluation" / "recorded.json").read_text(encoding="utf-8"))
MARGIN = 0.02  # one or two items on a set of a few hundred; more than that is a regression


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load(IriMinter("http://127.0.0.1:8000/"))


@pytest.mark.parametrize("name", ["seeds", "project"])
def test_figures_hold_on_the_committed_sets(extractor: Extractor, name: str) -> None:
    counts, articles, missing = score_set(name, extractor, verbose=False)
    assert not missing and articles == RECORDED[name]["articles"]
    now = figures(counts)
    fallen = {
        figure: (round(value, 3), RECORDED[name][figure])
        for figure, value in now.items()
        if value is not None and RECORDED[name][figure] is not None and value < RECORDED[name][figure] - MARGIN
    }
    assert not fallen, f"{name}: figures below the recorded ones (now, recorded): {fallen}"


def test_the_scorer_gives_nothing_for_an_empty_extraction() -> None:
    article = sets.project()[0]
    empty = Extraction(article=ArticleDoc(key=article.name, text=Path(article.path).read_text(encoding="utf-8")))
    scored = figures(count(article, empty))
    assert scored["statement_recall"] == 0.0
    assert all(value in (None, 0.0) for name, value in scored.items() if name.endswith("recall"))


def test_an_extracted_allegation_stands_for_one_gold_allegation_at_most() -> None:
    assert len(one_to_one({"A1": [0], "A2": [0]})) == 1  # one merged allegation finds one of two
    assert one_to_one({"A1": [0, 1], "A2": [0]}) == {"A1": 1, "A2": 0}  # the largest pairing, not the first
