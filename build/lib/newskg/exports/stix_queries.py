"""The SPARQL behind the STIX 2.1 export: articles, the actors they involve, allegations with their parties, and the
statements that take a stance on them. Every query of the export is here, so a change of the allegation model is
one module to adapt."""

from __future__ import annotations

from newskg.ingest.namespaces import STANCE

ARTICLES = """SELECT ?article ?label ?headline ?standfirst ?date ?url ?publisher WHERE {
  ?article a nkg:NewsArticle .
  OPTIONAL { ?article rdfs:label ?label }
  OPTIONAL { ?article nkg:headline ?headline }
  OPTIONAL { ?article nkg:standfirst ?standfirst }
  OPTIONAL { ?article nkg:datePublished ?date }
  OPTIONAL { ?article nkg:url ?url }
  OPTIONAL { ?article nkg:publisher ?publisher }
}"""

# every actor an article involves: named in it, publishing or writing it, speaking in it, or party to its claims
ACTORS_OF_ARTICLES = """SELECT DISTINCT ?article ?actor WHERE {
  { ?mention nkg:refersTo ?actor ; nkg:inArticle ?article }
  UNION { ?article nkg:publisher|nkg:author ?actor }
  UNION { ?statement nkg:speaker ?actor ; nkg:inArticle ?article }
  UNION { ?allegation nkg:claimant|nkg:accused|nkg:beneficiary|nkg:target ?actor ; nkg:inArticle ?article }
}"""

ALLEGATIONS = """SELECT ?allegation ?summary ?article ?exact ?status ?claimType ?confidence ?claimSource WHERE {
  ?allegation a nkg:Allegation .
  OPTIONAL { ?allegation nkg:claimSource ?claimSource }
  OPTIONAL { ?allegation nkg:summary ?summary }
  OPTIONAL { ?allegation nkg:inArticle ?article }
  OPTIONAL { ?allegation nkg:evidence/nkg:exact ?exact }
  OPTIONAL { ?allegation nkg:status ?status }
  OPTIONAL { ?allegation nkg:claimType ?claimType }
  OPTIONAL { ?allegation nkg:confidence ?confidence }
}"""

PARTIES = """SELECT DISTINCT ?allegation ?role ?actor WHERE {
  VALUES ?role { nkg:claimant nkg:accused nkg:beneficiary nkg:target }
  ?allegation a nkg:Allegation ; ?role ?actor .
}"""

# A statement bears on an allegation by a response to it (with its own stance), by supporting, contesting, answering
# or being about it, or by being in an article whose central allegation it is (its nkg:stance is towards that one).
STANCES = """SELECT DISTINCT ?statement ?allegation ?relation ?responseStance ?ownStance ?central ?answers ?speaker
       ?exact ?article WHERE {
  { ?statement nkg:hasResponse/nkg:responseTo ?allegation BIND("response" AS ?relation) }
  UNION { ?allegation nkg:supportedBy ?statement BIND("supportedBy" AS ?relation) }
  UNION { ?allegation nkg:contestedBy ?statement BIND("contestedBy" AS ?relation) }
  UNION { ?statement nkg:respondsTo ?allegation BIND("respondsTo" AS ?relation) }
  UNION { ?statement nkg:about ?allegation BIND("about" AS ?relation) }
  UNION { ?statement nkg:inArticle/nkg:centralAllegation ?allegation ; nkg:stance ?taken
          FILTER(?taken != <$neutral>) BIND("central" AS ?relation) }
  ?allegation a nkg:Allegation .
  OPTIONAL { ?statement nkg:hasResponse ?response . ?response nkg:responseTo ?allegation ;
             nkg:responseStance ?responseStance }
  OPTIONAL { ?statement nkg:stance ?ownStance }
  OPTIONAL { ?statement nkg:inArticle ?article OPTIONAL { ?article nkg:centralAllegation ?central } }
  BIND(EXISTS { ?statement nkg:hasResponse ?any } AS ?answers)
  OPTIONAL { ?statement nkg:speaker ?speaker }
  OPTIONAL { ?statement nkg:evidence/nkg:exact ?exact }
}""".replace("$neutral", str(STANCE.neutral))
