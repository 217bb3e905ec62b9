"""The home page: what the dataset holds. Its group-bys scan the store, so the result is kept until the store changes."""

from __future__ import annotations

from typing import Any

from newskg.api.allegation_lines import allegation_lines
from newskg.api.generation_cache import GenerationCache
from newskg.api.page_queries import PageQueries, as_int
from newskg.api.pages_resource import iris_in
from newskg.ingest.namespaces import NKG
from newskg.store.interface import Store

# What a reader counts: articles, the outlets that published them, the actors they name, what was said and alleged.
# Not internal classes (text selectors, extraction runs) or registry entries no article names.
COUNTS = """SELECT ?articles ?outlets ?actors ?statements ?allegations WHERE {
  { SELECT (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?article a nkg:NewsArticle } }
  { SELECT (COUNT(DISTINCT ?outlet) AS ?outlets) WHERE { ?article a nkg:NewsArticle ; nkg:publisher ?outlet } }
  { SELECT (COUNT(DISTINCT ?actor) AS ?actors) WHERE { ?mention nkg:refersTo ?actor } }
  { SELECT (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
      VALUES ?type { nkg:Statement nkg:Reaction } ?statement a ?type } }
  { SELECT (COUNT(DISTINCT ?allegation) AS ?allegations) WHERE { ?allegation a nkg:Allegation } }
}"""
# (the figure's name, what it counts: the term whose page lists examples)
FIGURES = (("articles", "articles", NKG.NewsArticle), ("outlets", "outlets", NKG.MediaOutlet),
           ("actors", "actors named in articles", NKG.Actor), ("statements", "statements", NKG.Statement),
           ("allegations", "allegations", NKG.Allegation))

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
} GROUP BY ?actor ORDER BY DESC(?mentions) DESC(?articles) ?actor LIMIT 15"""

LATEST_ALLEGATIONS = """SELECT ?allegation ?date ?article WHERE {
  ?allegation a nkg:Allegation ; nkg:inArticle ?article .
  OPTIONAL { ?article nkg:datePublished ?date }
} ORDER BY DESC(?date) ?allegation LIMIT 15"""


class HomeSummary:
    """The home page's figures, recomputed after writes (see GenerationCache)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: GenerationCache[tuple[dict[str, Any], list[str]]] = GenerationCache(store, self._compute, "home")

    def get(self) -> tuple[dict[str, Any], list[str]]:
        """The figures and the queries that produced them."""
        return self.cache.get()

    def _compute(self) -> tuple[dict[str, Any], list[str]]:
        queries = PageQueries(self.store)
        counts = queries.select(COUNTS)
        data: dict[str, Any] = {
            "counts": [{"label": label, "n": as_int(counts[0].get(name)) if counts else 0, "term": term}
                       for name, label, term in FIGURES],
            "publishers": queries.select(BY_PUBLISHER),
            "months": queries.select(BY_MONTH),
            "articles": queries.select(LATEST_ARTICLES),
            "actors": queries.select(TOP_ACTORS),
            "allegations": queries.select(LATEST_ALLEGATIONS),
        }
        data["lines"] = allegation_lines(queries, [row["allegation"] for row in data["allegations"]])
        data["labels"] = queries.labels(iris_in({key: value for key, value in data.items() if key != "counts"}))
        return data, queries.log
