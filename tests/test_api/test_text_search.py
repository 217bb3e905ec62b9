"""Full-text search over 200 generated articles ingested by the real pipeline, on a live server: ranking, phrases,
half-remembered quotes, filters, facets and paging, each checked against what the store itself holds (SPARQL)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Callable, Iterator

import httpx
import pytest

from newskg.exports.rows import select
from newskg.ingest.settings import Settings
from newskg.store.interface import Store

pytestmark = pytest.mark.slow
JSON = {"accept": "application/json"}


class Corpus:
    def __init__(self, url: str, store: Store) -> None:
        self.url = url
        self.store = store

    def search(self, **params: Any) -> dict[str, Any]:
        response = httpx.get(self.url + "search", params=params, headers=JSON, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()

    def rows(self, body: str) -> list[dict[str, str]]:
        return select(self.store, body)


@pytest.fixture(scope="module")
def corpus(corpus_store: Any, server_starter: Callable[..., Any]) -> Iterator[Corpus]:
    settings = Settings(store_dir=corpus_store.store_dir, query_timeout=20.0, query_workers=1)
    with server_starter(settings, corpus_store.app_factory) as server:
        yield Corpus(server.url, server.app.state.context.store)


def group(answer: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(g for g in answer["groups"] if g["kind"] == kind)


def text_of(hit: dict[str, Any]) -> str:
    return "".join(part["text"] for part in hit["snippet"])


def unique_quote(corpus: Corpus, words: int) -> tuple[str, str]:
    """A quoted statement of at least `words` words whose text no other statement has: (IRI, text)."""
    rows = corpus.rows("""SELECT ?exact (SAMPLE(?s) AS ?statement) (COUNT(?s) AS ?n) WHERE {
      ?s a nkg:Statement ; nkg:direct true ; nkg:evidence/nkg:exact ?exact } GROUP BY ?exact ORDER BY ?exact""")
    for row in rows:
        if row["n"] == "1" and len(row["exact"].split()) >= words and '"' not in row["exact"]:
            return row["statement"], row["exact"]
    raise AssertionError("no quote of that length is unique in the corpus")


def test_a_quote_searched_by_its_words_ranks_first(corpus: Corpus) -> None:
    statement, text = unique_quote(corpus, 10)
    statements = group(corpus.search(q=text), "statement")
    assert statements["hits"][0]["iri"] == statement
    assert statements["total"] >= 1


def test_an_article_searched_by_its_headline_ranks_first_among_articles(corpus: Corpus) -> None:
    rows = corpus.rows("""SELECT ?headline (SAMPLE(?a) AS ?article) (COUNT(?a) AS ?n) WHERE {
      ?a a nkg:NewsArticle ; nkg:headline ?headline } GROUP BY ?headline ORDER BY ?headline""")
    headline, article = next((r["headline"], r["article"]) for r in rows if r["n"] == "1")
    articles = group(corpus.search(q=headline), "article")
    assert articles["hits"][0]["iri"] == article
    assert any(part["match"] for part in articles["hits"][0]["title_marked"])   # the headline's words marked
    scores = [hit["score"] for hit in articles["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_a_phrase_finds_the_quote_it_is_part_of_as_typed(corpus: Corpus) -> None:
    statement, text = unique_quote(corpus, 10)
    words = text.split()
    fragment = " ".join(words[3:8])
    answer = corpus.search(q=f'"{fragment}"', kind="statement")
    assert answer["loosened"] is None
    hits = group(answer, "statement")["hits"]
    assert statement in [hit["iri"] for hit in hits]
    marked = " ".join(part["text"] for hit in hits for part in hit["snippet"] if part["match"]).lower()
    assert re.sub(r"\W+", " ", words[5]).strip().lower() in marked


def test_a_half_remembered_quote_is_found_with_a_wrong_word_and_a_missing_one(corpus: Corpus) -> None:
    statement, text = unique_quote(corpus, 12)
    words = text.split()
    misremembered = words[:4] + ["zeppelin"] + words[5:9] + words[10:]
    answer = corpus.search(q='"' + " ".join(misremembered) + '"')
    assert answer["loosened"] == "any word"
    assert group(answer, "statement")["hits"][0]["iri"] == statement


def test_outlet_filter_keeps_that_outlets_articles_only(corpus: Corpus) -> None:
    counted = corpus.rows("""SELECT ?outlet (COUNT(?a) AS ?n) WHERE { ?a a nkg:NewsArticle ; nkg:publisher ?outlet }
      GROUP BY ?outlet ORDER BY DESC(?n) ?outlet LIMIT 1""")[0]
    answer = corpus.search(kind="article", outlet=counted["outlet"])
    articles = group(answer, "article")
    assert articles["total"] == int(counted["n"])
    held = {r["a"] for r in corpus.rows(f"SELECT ?a WHERE {{ ?a nkg:publisher <{counted['outlet']}> }}")}
    assert {hit["iri"] for hit in articles["hits"]} <= held
    assert answer["facets"]["outlet"] == [{"value": counted["outlet"], "count": int(counted["n"]), "selected": True}]


def test_date_range_keeps_the_articles_published_in_it(corpus: Corpus) -> None:
    expected = corpus.rows("""SELECT (COUNT(?a) AS ?n) WHERE { ?a a nkg:NewsArticle ; nkg:datePublished ?d
      FILTER(STR(?d) >= "2024-01" && STR(?d) < "2024-04") }""")[0]["n"]
    answer = corpus.search(kind="article", **{"from": "2024-01", "to": "2024-03"})
    articles = group(answer, "article")
    assert articles["total"] == int(expected) > 0
    assert all("2024-01-01" <= hit["date"] <= "2024-03-31" for hit in articles["hits"])
    assert {f["value"] for f in answer["facets"]["date"]} <= {"2024-01", "2024-02", "2024-03"}  # by month in a year


def test_actor_filter_by_page_path_or_by_a_misspelt_name(corpus: Corpus) -> None:
    speaker = corpus.rows("""SELECT ?speaker (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s nkg:speaker ?speaker ;
      nkg:evidence/nkg:exact [] . ?speaker a nkg:Person } GROUP BY ?speaker ORDER BY DESC(?n) ?speaker LIMIT 1""")[0]
    path = speaker["speaker"].split("/id/", 1)[1]
    by_path = corpus.search(kind="statement", actor=path)
    assert group(by_path, "statement")["total"] == int(speaker["n"])
    name = corpus.rows(f"SELECT ?l WHERE {{ <{speaker['speaker']}> skos:prefLabel ?l }}")[0]["l"]
    misspelt = name[:-1] + ("a" if name[-1] != "a" else "e")
    by_name = corpus.search(kind="statement", actor=misspelt)
    assert by_name["filters"]["actor"] == speaker["speaker"]
    assert group(by_name, "statement")["total"] == int(speaker["n"])


def test_stance_filter_with_words(corpus: Corpus) -> None:
    answer = corpus.search(q="fiction", kind="statement", stance="dismisses")
    hits = group(answer, "statement")["hits"]
    assert hits
    stances = corpus.rows("SELECT ?s ?stance WHERE { ?s nkg:stance ?stance } ")
    stance_of = {r["s"]: r["stance"].rsplit("/", 1)[1] for r in stances}
    assert {stance_of[hit["iri"]] for hit in hits} == {"dismisses"}
    assert all("fiction" in text_of(hit).lower() for hit in hits)


def test_facets_count_what_the_store_holds(corpus: Corpus) -> None:
    answer = corpus.search(kind="allegation")
    statuses = {r["status"].rsplit("/", 1)[1]: int(r["n"]) for r in corpus.rows(
        "SELECT ?status (COUNT(?a) AS ?n) WHERE { ?a a nkg:Allegation ; nkg:status ?status } GROUP BY ?status")}
    assert {f["value"]: f["count"] for f in answer["facets"]["status"]} == statuses
    years = Counter(r["d"][:4] for r in corpus.rows(
        "SELECT ?a ?d WHERE { ?a a nkg:Allegation ; nkg:inArticle/nkg:datePublished ?d }"))
    assert {f["value"]: f["count"] for f in answer["facets"]["date"]} == dict(years)
    stances = {r["stance"].rsplit("/", 1)[1]: int(r["n"]) for r in corpus.rows(
        """SELECT ?stance (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?type { nkg:Statement nkg:Reaction }
           ?s a ?type ; nkg:stance ?stance ; nkg:evidence/nkg:exact [] } GROUP BY ?stance""")}
    assert {f["value"]: f["count"] for f in corpus.search(kind="statement")["facets"]["stance"]} == stances


def test_pages_of_one_kind_follow_each_other(corpus: Corpus) -> None:
    first = group(corpus.search(q="fiction", kind="statement"), "statement")
    second = group(corpus.search(q="fiction", kind="statement", page=2), "statement")
    assert first["total"] == second["total"] > 20 and first["pages"] >= 2
    assert len(first["hits"]) == 20
    assert not {h["iri"] for h in first["hits"]} & {h["iri"] for h in second["hits"]}
    last = group(corpus.search(q="fiction", kind="statement", page=first["pages"] + 1), "statement")
    assert last["hits"] == [] and last["total"] == first["total"]


def test_the_page_and_its_json_twin(corpus: Corpus) -> None:
    page = httpx.get(corpus.url + "search", params={"q": "pure fiction"}, timeout=60)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Accept" in page.headers["vary"].split(", ")
    assert "<mark>pure</mark>" in page.text and 'class="facet facet-outlet"' in page.text
    twin = httpx.get(corpus.url + "search", params={"q": "pure fiction", "format": "json"}, timeout=60)
    assert twin.headers["content-type"] == "application/json"
    assert twin.json()["groups"] == corpus.search(q="pure fiction")["groups"]


@pytest.mark.parametrize("params, named", [({"from": "last week"}, "from"), ({"kind": "people"}, "kind"),
                                           ({"sort": "random"}, "sort"), ({"actor": "Xqzv Wrmpt"}, "actor"),
                                           ({"outlet": "nobody"}, "outlet")])
def test_bad_parameters_are_400_naming_them(corpus: Corpus, params: dict[str, str], named: str) -> None:
    response = httpx.get(corpus.url + "search", params={"q": "fiction", **params}, headers=JSON, timeout=60)
    assert response.status_code == 400
    assert f"'{named}'" in response.json()["detail"]
