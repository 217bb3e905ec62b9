"""Search over labels and variants: normalisation and fuzzy matching of names."""

from __future__ import annotations

import pytest

from newskg.api.pages_search import LabelIndex, normalise


@pytest.mark.parametrize("raw, expected", [
    ("Hay’at Tahrir al-Sham", "hayat tahrir al sham"),
    ("Hay'at Tahrir al Sham", "hayat tahrir al sham"),
    ("Türkiye", "turkiye"),
    ("  AL-QAEDA ", "al qaeda"),
    ("Kyiv's", "kyivs"),
])
def test_normalise_folds_case_diacritics_apostrophes_and_hyphens(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.fixture
def index() -> LabelIndex:
    index = LabelIndex()
    index.add("http://x/id/actor/lavrentiev", "Alexander Lavrentiev", "actor")
    index.add("http://x/id/actor/lavrov", "Sergey Lavrov", "actor")
    index.add("http://x/id/actor/hts", "Hay'at Tahrir al-Sham", "actor")
    index.add("http://x/id/actor/hts", "HTS", "actor")
    index.add("http://x/id/actor/gru", "GRU", "actor")
    index.add("http://x/id/place/turkey", "Türkiye", "place")
    index.add("http://x/id/article/a", "Has Ukraine helped the rebels?", "article")
    return index


def test_a_spelling_variant_finds_the_actor_and_not_a_similar_name(index: LabelIndex) -> None:
    hits = index.search("Lavrentyev")
    assert [h.iri for h in hits] == ["http://x/id/actor/lavrentiev"]


def test_the_other_spelling_and_a_misspelling_find_the_same_actor(index: LabelIndex) -> None:
    assert index.search("lavrentiev")[0].iri == "http://x/id/actor/lavrentiev"
    assert index.search("Alexandr Lavrentjev")[0].iri == "http://x/id/actor/lavrentiev"


def test_apostrophes_hyphens_and_diacritics_do_not_matter(index: LabelIndex) -> None:
    assert index.search("Hayat Tahrir al Sham")[0].iri == "http://x/id/actor/hts"
    assert index.search("hay’at tahrir")[0].iri == "http://x/id/actor/hts"
    assert index.search("turkiye")[0].iri == "http://x/id/place/turkey"


def test_short_names_match_exactly_only(index: LabelIndex) -> None:
    assert [h.iri for h in index.search("gru")] == ["http://x/id/actor/gru"]
    assert [h.iri for h in index.search("hts")] == ["http://x/id/actor/hts"]


def test_one_result_per_resource_with_the_best_matching_variant(index: LabelIndex) -> None:
    hits = index.search("hts")
    assert len(hits) == 1 and hits[0].label == "HTS"


def test_every_query_word_must_match(index: LabelIndex) -> None:
    assert index.search("Lavrentiev rebels") == []
    assert index.search("   ") == []
