"""The SPARQL behind the ClaimReview export: allegations, their parties, and the articles each appears in (its own,
and those of the allegations clustered with it). $allegations is empty for the whole store, or a VALUES block."""

from __future__ import annotations

# an allegation no actor claims may be the outlet's own (nkg:claimSource): its publisher is then the author
ALLEGATIONS = """SELECT ?allegation ?summary ?exact ?claimSource ?outlet WHERE {
  $allegations
  ?allegation a nkg:Allegation .
  OPTIONAL { ?allegation nkg:claimSource ?claimSource }
  OPTIONAL { ?allegation nkg:inArticle/nkg:publisher ?outlet }
  OPTIONAL { ?allegation nkg:summary ?summary }
  OPTIONAL { ?allegation nkg:evidence/nkg:exact ?exact }
}"""

PARTIES = """SELECT DISTINCT ?allegation ?role ?actor WHERE {
  $allegations
  VALUES ?role { nkg:claimant nkg:accused nkg:beneficiary nkg:target }
  ?allegation a nkg:Allegation ; ?role ?actor .
}"""

APPEARANCES = """SELECT DISTINCT ?allegation ?article ?date ?url ?headline ?label ?publisher WHERE {
  $allegations
  ?allegation a nkg:Allegation .
  { ?allegation nkg:inArticle ?article }
  UNION { ?cluster nkg:hasMember ?allegation , ?other . ?other nkg:inArticle ?article }
  OPTIONAL { ?article nkg:datePublished ?date }
  OPTIONAL { ?article nkg:url ?url }
  OPTIONAL { ?article nkg:headline ?headline }
  OPTIONAL { ?article rdfs:label ?label }
  OPTIONAL { ?article nkg:publisher ?publisher }
}"""
