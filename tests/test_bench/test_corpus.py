"""The benchmark corpus is reproducible, distinct and realistic: length, actors, quotes, clutter, three formats."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import GeneratedArticle, generate_article, write_corpus

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = 60


@pytest.fixture(scope="module")
def articles() -> list[GeneratedArticle]:
    return [generate_article(7, i) for i in range(SAMPLE)]


def test_same_seed_same_article_and_other_seed_another() -> None:
    assert generate_article(7, 3) == generate_article(7, 3)
    assert generate_article(7, 3).content != generate_article(8, 3).content


def test_articles_are_distinct(articles: list[GeneratedArticle]) -> None:
    assert len({a.body_text for a in articles}) == SAMPLE
    assert len({a.title for a in articles}) > SAMPLE // 3
    sentences = Counter(s for a in articles for s in re.split(r"(?<=[.”])\s+", a.body_text))
    most_common_share = sentences.most_common(1)[0][1] / SAMPLE
    assert most_common_share < 0.5, "no sentence may be boilerplate in most articles"


def test_realistic_length_and_density(articles: list[GeneratedArticle]) -> None:
    for article in articles:
        assert 600 <= article.body_words <= 1500, (article.name, article.body_words)
        assert len(article.actors) >= 8, article.actors
        assert len(article.quotes) >= 4
        assert re.search(r"\b(accused|alleged|claimed|charged|asserted)\b", article.body_text)
        assert re.search(r"\b(denied|rejected|dismissed|refuted|downplayed|played down|questioned)\b", article.body_text)
        assert re.search(r"\b(\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)|last (week|month)|on \w+day|in (early|mid-|late))", article.body_text)
    kinds = " ".join(a.body_text for a in articles)
    for marker in ("speaking on condition of anonymity", "told", "According to", "a senior fellow at"):
        assert marker in kinds
    quotes_over_two_sentences = [q for a in articles for q in a.quotes if re.search(r"[.!?] [A-Z“]", q)]
    assert quotes_over_two_sentences, "some direct quotes run over several sentences"


def test_every_format_and_clutter_around_the_body(articles: list[GeneratedArticle]) -> None:
    formats = Counter(a.fmt for a in articles)
    assert formats["text"] > formats["html"] > 0 and formats["json"] > 0
    for article in articles:
        if article.fmt == "text":
            for paragraph in article.body_text.split("\n\n"):
                assert paragraph in article.content
            assert any(line in article.content for line in article.clutter)
            assert re.search(r"Read More|Read more|READ MORE|Related:|Also read:", article.content)
            assert re.search(r"newsletter|Sign up|Subscribe", article.content, re.IGNORECASE)
            assert re.search(r"\((?:[A-Z][\w ]+/)?[A-Z][\w ]+\)|Top image credit", article.content), "a photo credit"
        elif article.fmt == "json":
            record = json.loads(article.content)
            assert {"url", "title", "published", "authors", "publisher"} <= record.keys()
            assert ("text" in record) != ("html" in record)
        else:
            assert article.content.startswith("<!DOCTYPE html>") and "<article>" in article.content
            assert 'property="article:published_time"' in article.content


def test_write_corpus(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", seed=7, count=5)
    assert [p.name for p in paths] == [generate_article(7, i).name for i in range(5)]
    assert paths[2].read_text(encoding="utf-8") == generate_article(7, 2).content


def test_no_seed_article_names_in_the_generator() -> None:
    seed_names = re.compile(r"arpacik|mardasov|rybar|lavrent|nebenzia|budanov|soylu|shaheen|falcon|quincy|tahrir|"
                            r"aleppo|idlib|ukrain|russia|syria|turk|kyiv|moscow|ankara|middle east eye|tass\b",
                            re.IGNORECASE)
    offenders = [p.name for p in (ROOT / "bench").rglob("*") if p.suffix in {".py", ".toml"}
                 and seed_names.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
