"""The home page: what the dataset holds. Its group-bys scan the store, so the result is kept until the store changes."""

from __future__ import annotations

from typing import Any

from api.generation_cache import GenerationCache
from api.page_queries import PageQueries
from ingest.store import OxigraphStore

COUNTS_BY_CLASS = """SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?type FILTER(STRSTARTS(STR(?type), STR(nkg:)))
} GROUP BY ?type ORDER BY DESC(?n) LIMIT 60"""

BY_PUBLISHER = """SELECT ?publisher (COUNT(DISTINCT ?article) AS ?n) (MAX(?date) AS ?latest) WHERE {
  ?article a nkg:NewsArticle .
  OPTIONAL { ?article nkg:publisher ?publisher }
  OPTIONAL { ?article nkg:datePublished ?date }
} GROUP BY ?publisher ORDER BY DESC(?n) LIMIT 30"""

LATEST_ARTICLES = """SELECT ?article ?date ?publisher WHERE {
  ?article a nkg:NewsArticle .
  OPTIONAL { ?article nkg:datePublished ?date }
  OPTIONAL { ?article nkg:publisher ?publisher }
} ORDER BY DESC(?date) ?article LIMIT 20"""

BY_MONTH = """SELECT ?month (COUNT(DISTINCT ?article) AS ?n) WHERE {
  ?article a nkg:NewsArticle ; nkg:datePublished ?date .
  BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?month ORDER BY DESC(?month) LIMIT 24"""

TOP_ACTORS = """SELECT ?actor (COUNT(DISTINCT ?mention) AS ?mentions) (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?mention nkg:refersTo ?actor ; nkg:inArticle ?article .
} GROUP BY ?actor ORDER BY DESC(?mentions) LIMIT 15"""

LATEST_ALLEGATIONS = """SELECT ?allegation ?date ?article WHERE {
  ?allegation a nkg:Allegation ; nkg:inArticle ?article .
  OPTIONAL { ?article nkg:datePublished ?date }
} ORDER BY DESC(?date) ?allegation LIMIT 15"""


class HomeSummary:
    """The home page's figures, recomputed after writes (see GenerationCache)."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self.cache: GenerationCache[tuple[dict[str, Any], list[str]]] = GenerationCache(store, self._compute, "home")

    def get(self) -> tuple[dict[str, Any], list[str]]:
        """The figures and the queries that produced them."""
        return self.cache.get()

    def _compute(self) -> tuple[dict[str, Any], list[str]]:
        queries = PageQueries(self.store)
        data: dict[str, Any] = {
            "counts": queries.select(COUNTS_BY_CLASS),
            "publishers": queries.select(BY_PUBLISHER),
            "months": queries.select(BY_MONTH),
            "articles": queries.select(LATEST_ARTICLES),
            "actors": queries.select(TOP_ACTORS),
            "allegations": queries.select(LATEST_ALLEGATIONS),
        }
        data["labels"] = queries.labels(_iris(data))
        return data, queries.log


def _iris(data: dict[str, Any]) -> list[Any]:
    return [value for rows in data.values() for row in rows for value in row.values()]
