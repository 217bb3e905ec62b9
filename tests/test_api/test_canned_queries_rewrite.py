"""The canned queries were rewritten to run fast on a large store; on a small one they must answer exactly what the
straightforward versions (kept here as the reference) answer: same columns, same rows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions

from newskg.api.canned_queries import QUERY_DIR
from bench.corpus import write_corpus
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.settings import Settings
from newskg.store.embedded import OxigraphStore, open_store

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = """PREFIX nkg: <https://w3id.org/newskg/ontology/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX stance: <https://w3id.org/newskg/vocab/stance/>
"""
REFERENCE = {
    "allegations-by-claimant": """
SELECT DISTINCT ?claimantLabel ?summary ?accusedLabel ?headline ?date ?allegation WHERE {
  ?allegation a nkg:Allegation ; nkg:summary ?summary .
  { ?allegation nkg:claimant/rdfs:label ?claimantLabel }
  UNION { ?allegation nkg:claimSource/skos:prefLabel ?claimantLabel }
  OPTIONAL { ?allegation nkg:accused ?accused . ?accused rdfs:label ?accusedLabel }
  OPTIONAL { ?allegation nkg:inArticle ?article .
             OPTIONAL { ?article nkg:headline ?headline }
             OPTIONAL { ?article nkg:datePublished ?date } }
} ORDER BY ?claimantLabel DESC(?date) LIMIT 200""",
    "denied-or-downplayed": """
SELECT DISTINCT ?speakerLabel ?stance ?cue ?quote ?allegationSummary ?headline WHERE {
  VALUES ?stance { stance:denies stance:dismisses stance:downplays }
  ?statement nkg:hasResponse ?response ; nkg:evidence/nkg:exact ?quote .
  ?response nkg:responseStance ?stance ; nkg:responseTo ?allegation .
  OPTIONAL { ?statement nkg:speaker/rdfs:label ?speakerLabel }
  OPTIONAL { ?statement nkg:cue ?cue }
  OPTIONAL { ?allegation nkg:summary ?allegationSummary }
  OPTIONAL { ?statement nkg:inArticle/nkg:headline ?headline }
} ORDER BY ?speakerLabel LIMIT 200""",
    "statements-about-actor": """
SELECT DISTINCT ?actor ?speakerLabel ?stance ?allegationSummary ?quote ?headline WHERE {
  VALUES ?name { "NAME" }
  ?actor rdfs:label|skos:prefLabel|skos:altLabel ?name .
  { ?allegation nkg:claimant|nkg:accused|nkg:beneficiary|nkg:target ?actor .
    ?statement nkg:hasResponse ?response .
    ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance .
    OPTIONAL { ?allegation nkg:summary ?allegationSummary } }
  UNION {
    ?mention nkg:refersTo ?actor ; nkg:evidence ?mentionAt .
    ?mentionAt nkg:start ?mStart ; nkg:end ?mEnd ; nkg:source ?article .
    ?statement a ?statementType ; nkg:evidence ?quoteAt .
    VALUES ?statementType { nkg:Statement nkg:Reaction }
    ?quoteAt nkg:source ?article ; nkg:start ?qStart ; nkg:end ?qEnd .
    FILTER (?mStart >= ?qStart && ?mEnd <= ?qEnd)
    OPTIONAL { ?statement nkg:hasResponse ?response .
               ?response nkg:responseStance ?stance ; nkg:responseTo ?answered .
               OPTIONAL { ?answered nkg:summary ?allegationSummary } }
  }
  ?statement nkg:evidence/nkg:exact ?quote .
  OPTIONAL { ?statement nkg:speaker/rdfs:label ?speakerLabel }
  OPTIONAL { ?statement nkg:inArticle/nkg:headline ?headline }
} LIMIT 200""",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The seeds and a few generated articles: actors named in several article graphs, as on a large store."""
    work = tmp_path_factory.mktemp("canned")
    generated = write_corpus(work / "corpus", seed=7, count=2)
    settings = Settings(store_dir=work / "store")
    opened = open_store(settings.store_dir)
    batch = Pipeline(settings, opened).ingest_paths([ROOT / "seeds", *generated])
    assert batch.ok, batch.summary()
    yield opened
    opened.close()


def answer(store: OxigraphStore, text: str) -> tuple[list[str], Counter[tuple[str | None, ...]]]:
    result = store.query(text)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    rows = Counter(tuple(row[n].value if row[n] is not None else None for n in names) for row in result)
    return names, rows


def actor_names(store: OxigraphStore) -> list[str]:
    """Labels of actors that allegations name or mentions refer to: the ones the actor query can find."""
    result = store.query(PREFIXES + """SELECT DISTINCT ?name WHERE {
      { ?x nkg:claimant|nkg:accused|nkg:beneficiary ?actor } UNION { ?x nkg:refersTo ?actor }
      ?actor rdfs:label|skos:prefLabel|skos:altLabel ?name } ORDER BY ?name""")
    assert isinstance(result, QuerySolutions)
    return [row["name"].value for row in result]


@pytest.mark.parametrize("name", ["allegations-by-claimant", "denied-or-downplayed"])
def test_rewritten_query_answers_as_the_reference(store: OxigraphStore, name: str) -> None:
    fast = answer(store, (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    reference = answer(store, PREFIXES + REFERENCE[name])
    assert sum(reference[1].values()) < 200, "the store must be small enough for LIMIT not to cut"
    assert fast == reference
    assert fast[1]


def _unlimited(text: str) -> str:
    """The query without its final LIMIT: an actor named in many statements has more rows than the page holds, and
    an unordered query's first page is any page, so the two are compared whole."""
    head, _, tail = text.rpartition("LIMIT 200")
    assert head and not tail.strip(), "the query ends in LIMIT 200"
    return head


def test_statements_about_actor_answers_as_the_reference_for_every_actor(store: OxigraphStore) -> None:
    text = (QUERY_DIR / "statements-about-actor.rq").read_text(encoding="utf-8")
    assert text.count('VALUES ?name { "Ukraine" }') == 2
    names = actor_names(store)
    assert len(names) > 20
    found = 0
    for label in names:
        quoted = label.replace("\\", "\\\\").replace('"', '\\"')
        fast = answer(store, _unlimited(text.replace('"Ukraine"', f'"{quoted}"')))
        reference_text = REFERENCE["statements-about-actor"].replace('"NAME"', f'"{quoted}"')
        reference = answer(store, PREFIXES + _unlimited(reference_text))
        assert fast == reference, label
        found += bool(fast[1])
    assert found > 5
