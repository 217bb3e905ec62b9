"""The SPARQL behind the Atom feeds, every query in one module. Each picks the newest entries by the date their
article was published (undated ones last) and is cut at $limit; $actor is an actor's IRI for the per-actor feeds."""

from __future__ import annotations

ARTICLES = """SELECT ?article ?label ?headline ?standfirst ?date ?url ?publisher WHERE {
  { SELECT ?article ?date WHERE {
      ?article a nkg:NewsArticle . OPTIONAL { ?article nkg:datePublished ?date }
    } ORDER BY DESC(?date) ?article LIMIT $limit }
  OPTIONAL { ?article rdfs:label ?label }
  OPTIONAL { ?article nkg:headline ?headline }
  OPTIONAL { ?article nkg:standfirst ?standfirst }
  OPTIONAL { ?article nkg:url ?url }
  OPTIONAL { ?article nkg:publisher ?publisher }
}"""

# $selection binds ?allegation: every allegation, or those where the actor has a role
ALLEGATIONS = """SELECT ?allegation ?summary ?status ?claimType ?claimSource ?article ?date ?headline ?publisher
       (COUNT(DISTINCT ?contest) AS ?contested) WHERE {
  { SELECT ?allegation ?article ?date WHERE {
      $selection
      ?allegation a nkg:Allegation .
      OPTIONAL { ?allegation nkg:inArticle ?article OPTIONAL { ?article nkg:datePublished ?date } }
    } ORDER BY DESC(?date) ?allegation LIMIT $limit }
  OPTIONAL { ?allegation nkg:summary ?summary }
  OPTIONAL { ?allegation nkg:status ?status }
  OPTIONAL { ?allegation nkg:claimType ?claimType }
  OPTIONAL { ?allegation nkg:claimSource ?claimSource }
  OPTIONAL { ?article nkg:headline ?headline }
  OPTIONAL { ?article nkg:publisher ?publisher }
  OPTIONAL { { ?allegation nkg:contestedBy ?contest } UNION { ?contest nkg:respondsTo ?allegation } }
} GROUP BY ?allegation ?summary ?status ?claimType ?claimSource ?article ?date ?headline ?publisher"""

EVERY_ALLEGATION = ""
ACCUSING = "?allegation nkg:accused $actor ."
MADE_BY = "?allegation nkg:claimant $actor ."

PARTIES = """SELECT DISTINCT ?allegation ?role ?actor WHERE {
  $allegations
  VALUES ?role { nkg:claimant nkg:accused }
  ?allegation ?role ?actor .
}"""

STATEMENTS_BY = """SELECT ?statement ?label ?cue ?exact ?stance ?article ?date ?headline WHERE {
  { SELECT ?statement ?article ?date WHERE {
      ?statement nkg:speaker $actor .
      OPTIONAL { ?statement nkg:inArticle ?article OPTIONAL { ?article nkg:datePublished ?date } }
    } ORDER BY DESC(?date) ?statement LIMIT $limit }
  OPTIONAL { ?statement rdfs:label ?label }
  OPTIONAL { ?statement nkg:cue ?cue }
  OPTIONAL { ?statement nkg:evidence/nkg:exact ?exact }
  OPTIONAL { ?statement nkg:stance ?stance }
  OPTIONAL { ?article nkg:headline ?headline }
}"""

IS_ACTOR = "ASK { $actor a ?kind . ?kind rdfs:subClassOf* nkg:Actor }"
