"""Article and statement pages: the stored text with mentions and statements highlighted and linked."""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup
from rdflib import URIRef

from newskg.api.allegation_lines import allegation_lines
from newskg.api.allegation_responses import addressed_by_statement, responses_of
from newskg.api.page_queries import PageQueries, Row, as_int, local_name_of
from newskg.api.pages_text import Highlight, highlighted_text

ARTICLE_FACTS = """SELECT ?p ?o WHERE {
  VALUES ?p { nkg:headline nkg:standfirst nkg:datePublished nkg:url nkg:language nkg:sourceFormat nkg:textHash
              nkg:publisher nkg:author nkg:datelinePlace nkg:reportStance nkg:centralAllegation }
  $article ?p ?o
} LIMIT 200"""

TEXT = "SELECT ?text WHERE { $article nkg:text ?text } LIMIT 1"

GRAPH_OF = "SELECT DISTINCT ?graph WHERE { GRAPH ?graph { $article a nkg:NewsArticle } } LIMIT 5"

MENTIONS = """SELECT ?mention ?actor ?start ?end WHERE {
  ?mention nkg:inArticle $article ; nkg:refersTo ?actor ; nkg:evidence ?selector .
  ?selector nkg:start ?start ; nkg:end ?end .
} LIMIT 5000"""

# the article's own items are found from the article (an index lookup), then their type is checked: starting
# from the type would scan every statement in the store
STATEMENTS = """SELECT DISTINCT ?statement ?speaker ?stance ?cue ?start ?end WHERE {
  ?statement nkg:inArticle $article ; nkg:evidence ?selector ; a ?type .
  FILTER(?type IN (nkg:Statement, nkg:Reaction))
  ?selector nkg:start ?start ; nkg:end ?end .
  OPTIONAL { ?statement nkg:speaker ?speaker }
  OPTIONAL { ?statement nkg:stance ?stance }
  OPTIONAL { ?statement nkg:cue ?cue }
} ORDER BY ?start LIMIT 2000"""

ALLEGATIONS = """SELECT DISTINCT ?allegation ?start WHERE {
  ?allegation nkg:inArticle $article ; a nkg:Allegation .
  OPTIONAL { ?allegation nkg:evidence/nkg:start ?start }
} ORDER BY ?start ?allegation LIMIT 1000"""

EVENTS = """SELECT DISTINCT ?event ?date ?granularity WHERE {
  ?event nkg:inArticle $article ; a nkg:Event .
  OPTIONAL { ?event nkg:date ?date OPTIONAL { ?event nkg:granularity ?granularity } }
} ORDER BY ?date ?event LIMIT 1000"""

# every statement's response to each allegation of the article
RESPONSES = """SELECT ?statement ?allegation ?stance WHERE {
  ?allegation nkg:inArticle $article ; a nkg:Allegation .
  ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance .
  ?statement nkg:hasResponse ?response .
} LIMIT 10000"""

CENTRAL = "SELECT ?central WHERE { $article nkg:centralAllegation ?central } LIMIT 1"

STATEMENT_FACTS = """SELECT ?p ?o WHERE {
  VALUES ?p { nkg:speaker nkg:cue nkg:stance nkg:certainty nkg:direct nkg:medium nkg:statementTime
              nkg:confidence nkg:speakerUnknown nkg:inArticle }
  $statement ?p ?o
} LIMIT 200"""

SELECTORS = """SELECT ?which ?start ?end ?exact WHERE {
  VALUES ?which { nkg:evidence nkg:context }
  $statement ?which ?selector .
  ?selector nkg:start ?start ; nkg:end ?end .
  OPTIONAL { ?selector nkg:exact ?exact }
} LIMIT 10"""

CLUSTERS_OF = "SELECT DISTINCT ?cluster WHERE { ?cluster nkg:hasMember $statement } LIMIT 20"

Href = Callable[[object], str]


def _int(value: object) -> int:
    return as_int(value, default=-1)


def _facts(rows: list[Row]) -> dict[str, list[Any]]:
    facts: dict[str, list[Any]] = {}
    for row in rows:
        facts.setdefault(local_name_of(row["p"]), []).append(row["o"])
    return facts


def _text(queries: PageQueries, article: str) -> str:
    rows = queries.select(TEXT, article=article)
    return str(rows[0]["text"]) if rows else ""


def article_page(queries: PageQueries, article: str, href: Href) -> dict[str, Any]:
    text = _text(queries, article)
    facts = _facts(queries.select(ARTICLE_FACTS, article=article))
    central = facts.get("centralAllegation", [None])[0]
    mentions = queries.select(MENTIONS, article=article)
    statements = queries.select(STATEMENTS, article=article)
    highlights = [Highlight(_int(r["start"]), _int(r["end"]), "mention", href(r["actor"]), title="")
                  for r in mentions]
    toward = "towards the central allegation" if central is not None else "(the article has no central allegation)"
    for row in statements:
        stance = local_name_of(row.get("stance"))
        highlights.append(Highlight(_int(row["start"]), _int(row["end"]), "statement", href(row["statement"]),
                                    title=f"{stance} {toward} ({row.get('cue', '')})", css=f"stance-{stance}",
                                    anchor="s-" + local_name_of(row["statement"])))
    actors = {str(r["actor"]): r["actor"] for r in mentions}
    allegations = [row["allegation"] for row in queries.select(ALLEGATIONS, article=article)]
    return {
        "facts": facts,
        "central": central,
        "text_html": highlighted_text(text, highlights),
        "text_length": len(text),
        "statements": statements,
        "addressed": addressed_by_statement(queries.select(RESPONSES, article=article)),
        "actors": list(actors.values()),
        "mention_counts": {key: sum(1 for r in mentions if str(r["actor"]) == key) for key in actors},
        "allegations": allegations,
        "lines": allegation_lines(queries, [central, *allegations]),
        "events": queries.select(EVENTS, article=article),
        "graphs": [r["graph"] for r in queries.select(GRAPH_OF, article=article)],
    }


def statement_page(queries: PageQueries, statement: str, href: Href) -> dict[str, Any]:
    facts = _facts(queries.select(STATEMENT_FACTS, statement=statement))
    selectors = {local_name_of(r["which"]): r for r in queries.select(SELECTORS, statement=statement)}
    evidence, context = selectors.get("evidence"), selectors.get("context")
    article = facts.get("inArticle", [None])[0]
    text = _text(queries, str(article)) if article is not None else ""
    stance = local_name_of(facts.get("stance", [None])[0])
    quote: Markup | None = None
    excerpt: Markup | None = None
    if evidence is not None:
        focus = Highlight(_int(evidence["start"]), _int(evidence["end"]), "focus", css=f"stance-{stance}",
                          anchor="quote")
        quote = highlighted_text(text, [focus])
        if context is not None:
            start, end = _int(context["start"]), _int(context["end"])
            start, end = min(start, focus.start), max(end, focus.end)
            shifted = Highlight(focus.start - start, focus.end - start, "focus", css=f"stance-{stance}")
            excerpt = highlighted_text(text[start:end], [shifted])
    central_rows = queries.select(CENTRAL, article=str(article)) if article is not None else []
    central = central_rows[0]["central"] if central_rows else None
    addressed = responses_of(queries, [URIRef(statement)]).get(statement, [])
    return {
        "facts": facts,
        "central": central,
        "addressed": addressed,
        "lines": allegation_lines(queries, [central, *(a.allegation for a in addressed)]),
        "stance": stance,
        "evidence": evidence,
        "article": article,
        "quote_html": quote,
        "excerpt_html": excerpt,
        "clusters": [r["cluster"] for r in queries.select(CLUSTERS_OF, statement=statement)],
    }
