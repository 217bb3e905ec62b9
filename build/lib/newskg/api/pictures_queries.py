"""The SPARQL behind the pictures. $scope binds ?allegation (every allegation, or those an actor is party to), $limit
cuts a list, $allegations and $actors are VALUES blocks; $actor and $allegation are IRIs (PageQueries fills them)."""

from __future__ import annotations

EVERY_ALLEGATION = ""
ACTOR_IS_PARTY = "{ ?allegation nkg:claimant $actor } UNION { ?allegation nkg:accused $actor }"

# who accuses whom: the newest allegations with a claimant and an accused, one edge per pair of them
EDGES = """SELECT ?allegation ?claimant ?accused ?status ?date WHERE {
  { SELECT DISTINCT ?allegation ?date WHERE {
      $scope
      ?allegation nkg:claimant [] ; nkg:accused [] .
      OPTIONAL { ?allegation nkg:inArticle ?article OPTIONAL { ?article nkg:datePublished ?date } }
    } ORDER BY DESC(?date) ?allegation LIMIT $limit }
  ?allegation nkg:claimant ?claimant ; nkg:accused ?accused .
  OPTIONAL { ?allegation nkg:status ?status }
}"""

COUNT_EDGES = """SELECT (COUNT(DISTINCT ?allegation) AS ?n) WHERE {
  $scope
  ?allegation nkg:claimant [] ; nkg:accused [] .
}"""

# how many statements answer each allegation, by stance: its Response nodes
RESPONSES = """SELECT ?allegation ?stance (COUNT(DISTINCT ?response) AS ?n) WHERE {
  $allegations
  ?statement nkg:hasResponse ?response . ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance .
} GROUP BY ?allegation ?stance"""

# each actor's kinds with their depth below nkg:Actor: the deepest is the most specific
ACTOR_KINDS = """SELECT ?actor ?type (COUNT(DISTINCT ?super) AS ?depth) WHERE {
  $actors
  ?actor a ?type . ?type rdfs:subClassOf* ?super . ?super rdfs:subClassOf* nkg:Actor .
} GROUP BY ?actor ?type"""

# an actor's allegations and statements by the date of the article that reports them
ACTOR_TIMELINE = """SELECT ?item ?lane ?date ?article ?publisher WHERE {
  { SELECT ?item ?lane ?date ?article WHERE {
      { ?item nkg:claimant $actor BIND("alleged" AS ?lane) }
      UNION { ?item nkg:accused $actor BIND("accused" AS ?lane) }
      UNION { ?item nkg:speaker $actor BIND("said" AS ?lane) }
      ?item nkg:inArticle ?article . ?article nkg:datePublished ?date .
    } ORDER BY DESC(?date) ?item LIMIT $limit }
  OPTIONAL { ?article nkg:publisher ?publisher }
}"""

# an allegation and the same allegation in other articles (the members of its clusters), by outlet and date
APPEARANCES = """SELECT DISTINCT ?member ?article ?date ?publisher WHERE {
  { BIND($allegation AS ?member) } UNION { ?cluster nkg:hasMember $allegation , ?member }
  ?member nkg:inArticle ?article .
  OPTIONAL { ?article nkg:datePublished ?date }
  OPTIONAL { ?article nkg:publisher ?publisher }
} LIMIT $limit"""
