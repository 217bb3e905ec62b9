"""What full-text search indexes, read from any store that answers SPARQL: per article graph, the article (headline,
standfirst, text), its statements (the quoted words, under the speaker's name) and its allegations (the summary,
over the sentence it comes from), each with what the search can be narrowed by (its facets).

The store is only ever asked SPARQL SELECTs, so the same source feeds the index from the embedded store or from a
remote SPARQL service. Which graphs changed is told by signatures (see search_sync): a quick one from the extraction
run and text hash every pipeline write stamps on an article graph, and a full one over the indexed facts, which
also sees edits made by SPARQL Update or the Graph Store protocol.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Protocol

from newskg.exports.rows import Row, iri_values, local_name, select
from newskg.store.interface import Store

KINDS = ("article", "statement", "allegation")
BATCH = 200                         # graphs per extraction query
DATE_LENGTH = len("2024-01-31")

# graphs holding an article, with what a pipeline write changes: the extraction run and the text's hash
QUICK_SIGNATURES = """SELECT ?g (SAMPLE(?run) AS ?r) (SAMPLE(?hash) AS ?h) WHERE {
  GRAPH ?g { ?article a nkg:NewsArticle
             OPTIONAL { ?g <http://www.w3.org/ns/prov#wasGeneratedBy> ?run } OPTIONAL { ?article nkg:textHash ?hash } }
} GROUP BY ?g"""

# every indexed fact of a graph, folded into one hash; $graphs narrows it to some graphs (or is empty)
INDEXED_PREDICATES = ("nkg:text nkg:headline nkg:standfirst nkg:datePublished nkg:publisher nkg:summary nkg:status "
                      "nkg:evidence nkg:speaker nkg:stance nkg:cue nkg:claimant nkg:accused nkg:beneficiary "
                      "nkg:responseTo nkg:responseStance nkg:refersTo rdfs:label")
FULL_SIGNATURES = """SELECT ?g (COUNT(*) AS ?n) (MD5(GROUP_CONCAT(STR(?o); separator="\\u001f")) AS ?h) WHERE {
  $graphs
  GRAPH ?g { VALUES ?p { $predicates } ?s ?p ?o }
} GROUP BY ?g"""

ARTICLES = """SELECT ?g ?article ?headline ?label ?standfirst ?text ?date ?publisher WHERE {
  $graphs
  GRAPH ?g { ?article a nkg:NewsArticle
    OPTIONAL { ?article nkg:headline ?headline } OPTIONAL { ?article rdfs:label ?label }
    OPTIONAL { ?article nkg:standfirst ?standfirst } OPTIONAL { ?article nkg:text ?text }
    OPTIONAL { ?article nkg:datePublished ?date } OPTIONAL { ?article nkg:publisher ?publisher } }
}"""

STATEMENTS = """SELECT ?g ?statement ?exact ?cue ?speaker ?stance ?article WHERE {
  $graphs
  GRAPH ?g { VALUES ?type { nkg:Statement nkg:Reaction } ?statement a ?type ; nkg:evidence/nkg:exact ?exact
    OPTIONAL { ?statement nkg:inArticle ?article } OPTIONAL { ?statement nkg:cue ?cue }
    OPTIONAL { ?statement nkg:speaker ?speaker } OPTIONAL { ?statement nkg:stance ?stance } }
}"""

ALLEGATIONS = """SELECT ?g ?allegation ?summary ?label ?exact ?status ?article WHERE {
  $graphs
  GRAPH ?g { ?allegation a nkg:Allegation
    OPTIONAL { ?allegation nkg:summary ?summary } OPTIONAL { ?allegation rdfs:label ?label }
    OPTIONAL { ?allegation nkg:evidence/nkg:exact ?exact } OPTIONAL { ?allegation nkg:status ?status }
    OPTIONAL { ?allegation nkg:inArticle ?article } }
}"""

PARTIES = """SELECT DISTINCT ?g ?allegation ?actor WHERE {
  $graphs
  GRAPH ?g { VALUES ?role { nkg:claimant nkg:accused nkg:beneficiary } ?allegation ?role ?actor }
}"""

# the stances taken towards each allegation, from the Response nodes of the statements that answer it
RESPONSES = """SELECT DISTINCT ?g ?allegation ?stance WHERE {
  $graphs
  GRAPH ?g { ?statement nkg:hasResponse ?response . ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance }
}"""

MENTIONED = """SELECT DISTINCT ?g ?article ?actor WHERE {
  $graphs
  GRAPH ?g { ?mention nkg:refersTo ?actor ; nkg:inArticle ?article }
}"""

# in any graph (an actor is typed and named again in every article that names it): its kinds and its preferred name
ACTOR_TYPES = """SELECT DISTINCT ?actor ?type WHERE { $actors ?actor a ?type }"""
ACTOR_NAMES = """SELECT DISTINCT ?actor ?label WHERE { $actors ?actor skos:prefLabel ?label }"""
ACTOR_CLASSES = """SELECT DISTINCT ?class WHERE { ?class rdfs:subClassOf* nkg:Actor }"""


@dataclass(frozen=True)
class Document:
    iri: str
    kind: str                                   # one of KINDS
    title: str                                  # weighs more in ranking: headline, speaker, summary
    body: str
    article: str
    date: str                                   # YYYY-MM-DD of the article's publication, or ""
    facets: frozenset[tuple[str, str]]          # (outlet|actor|actor_type|stance|status, value)


@dataclass(frozen=True)
class GraphDocuments:
    graph: str
    documents: tuple[Document, ...]


class DocumentSource(Protocol):
    """Where the index is fed from: any store answering SPARQL SELECT."""

    def quick_signatures(self) -> dict[str, str]: ...
    def full_signatures(self, graphs: Iterable[str] | None = None) -> dict[str, str]: ...
    def documents(self, graphs: list[str]) -> list[GraphDocuments]: ...


@dataclass
class _Facts:
    """What one batch of graphs says, gathered by subject before documents are built."""

    speakers: dict[str, str] = field(default_factory=dict)
    parties: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    responses: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    mentioned: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, str] = field(default_factory=dict)


class SparqlDocumentSource:
    """Documents and signatures by SPARQL SELECT over the store (embedded, or remote through the same interface)."""

    def __init__(self, store: Store, id_base: str) -> None:
        self.store = store
        self.id_base = id_base

    def _select(self, body: str, graphs: Iterable[str] | None = None) -> list[Row]:
        restriction = iri_values("g", graphs) if graphs is not None else ""
        return select(self.store, body.replace("$graphs", restriction))

    def quick_signatures(self) -> dict[str, str]:
        return {row["g"]: f"{row.get('r', '')} {row.get('h', '')}" for row in self._select(QUICK_SIGNATURES)}

    def full_signatures(self, graphs: Iterable[str] | None = None) -> dict[str, str]:
        body = FULL_SIGNATURES.replace("$predicates", INDEXED_PREDICATES)
        found: dict[str, str] = {}
        for batch in _batches(list(graphs)) if graphs is not None else [None]:
            found.update({row["g"]: f"{row['n']} {row['h']}" for row in self._select(body, batch)})
        return found

    def documents(self, graphs: list[str]) -> list[GraphDocuments]:
        built: list[GraphDocuments] = []
        for batch in _batches(graphs):
            built.extend(self._documents(batch))
        return built

    def _documents(self, graphs: list[str]) -> list[GraphDocuments]:
        articles = _first_per(self._select(ARTICLES, graphs), "article")
        statements = _first_per(self._select(STATEMENTS, graphs), "statement")
        allegations = _first_per(self._select(ALLEGATIONS, graphs), "allegation")
        facts = _Facts()
        for row in self._select(PARTIES, graphs):
            facts.parties[row["allegation"]].add(row["actor"])
        for row in self._select(RESPONSES, graphs):
            facts.responses[row["allegation"]].add(local_name(row["stance"]))
        for row in self._select(MENTIONED, graphs):
            facts.mentioned[row["article"]].add(row["actor"])
        actors = {a for group in (facts.parties, facts.mentioned) for members in group.values() for a in members}
        actors |= {row["speaker"] for row in statements if "speaker" in row}
        actors |= {row["publisher"] for row in articles if "publisher" in row}
        self._describe_actors(sorted(actors), facts)

        by_graph: defaultdict[str, list[Document]] = defaultdict(list)
        article_facts = {row["article"]: row for row in articles}
        stances_in: defaultdict[str, set[str]] = defaultdict(set)
        statuses_in: defaultdict[str, set[str]] = defaultdict(set)
        for row in statements:
            by_graph[row["g"]].append(_statement(row, article_facts.get(row.get("article", ""), {}), facts))
            if "stance" in row and "article" in row:
                stances_in[row["article"]].add(local_name(row["stance"]))
        for row in allegations:
            by_graph[row["g"]].append(_allegation(row, article_facts.get(row.get("article", ""), {}), facts))
            if "status" in row and "article" in row:
                statuses_in[row["article"]].add(local_name(row["status"]))
        for row in articles:
            article = row["article"]
            extra = {("stance", s) for s in stances_in[article]} | {("status", s) for s in statuses_in[article]}
            by_graph[row["g"]].append(_article(row, facts, extra))
        return [GraphDocuments(graph, tuple(by_graph.get(graph, ()))) for graph in graphs]

    def _describe_actors(self, actors: list[str], facts: _Facts) -> None:
        classes = {row["class"] for row in select(self.store, ACTOR_CLASSES)}
        for batch in _batches(actors):
            values = iri_values("actor", batch)
            for row in select(self.store, ACTOR_TYPES.replace("$actors", values)):
                if row["type"] in classes:
                    facts.kinds[row["actor"]].add(local_name(row["type"]))
            for row in select(self.store, ACTOR_NAMES.replace("$actors", values)):
                facts.names.setdefault(row["actor"], row["label"])


def _actor_facets(actors: Iterable[str], facts: _Facts) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for actor in actors:
        found.add(("actor", actor))
        found |= {("actor_type", kind) for kind in facts.kinds.get(actor, ()) if kind != "Actor"}
    return found


def _where(article: Row) -> tuple[str, set[tuple[str, str]]]:
    """The date and outlet a document takes from its article."""
    outlet = {("outlet", article["publisher"])} if "publisher" in article else set()
    return article.get("date", "")[:DATE_LENGTH], outlet


def _article(row: Row, facts: _Facts, extra: set[tuple[str, str]]) -> Document:
    date, outlet = _where(row)
    title = row.get("headline") or row.get("label") or ""
    body = "\n\n".join(part for part in (row.get("standfirst", ""), row.get("text", "")) if part)
    facets = outlet | extra | _actor_facets(facts.mentioned.get(row["article"], ()), facts)
    return Document(row["article"], "article", title, body, row["article"], date, frozenset(facets))


def _statement(row: Row, article: Row, facts: _Facts) -> Document:
    date, outlet = _where(article)
    speaker = row.get("speaker", "")
    title = " ".join(part for part in (facts.names.get(speaker, ""), row.get("cue", "")) if part)
    facets = outlet | _actor_facets([speaker] if speaker else [], facts)
    if "stance" in row:
        facets.add(("stance", local_name(row["stance"])))
    return Document(row["statement"], "statement", title, row["exact"], row.get("article", ""), date,
                    frozenset(facets))


def _allegation(row: Row, article: Row, facts: _Facts) -> Document:
    date, outlet = _where(article)
    iri = row["allegation"]
    title = row.get("summary") or row.get("label") or ""
    facets = outlet | _actor_facets(facts.parties.get(iri, ()), facts)
    facets |= {("stance", stance) for stance in facts.responses.get(iri, ())}
    if "status" in row:
        facets.add(("status", local_name(row["status"])))
    return Document(iri, "allegation", title, row.get("exact", ""), row.get("article", ""), date, frozenset(facets))


def _first_per(rows: list[Row], key: str) -> list[Row]:
    """One row per subject (a second label or headline would repeat it)."""
    seen: dict[str, Row] = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


def _batches(items: list[str]) -> list[list[str]]:
    return [items[start:start + BATCH] for start in range(0, len(items), BATCH)]
