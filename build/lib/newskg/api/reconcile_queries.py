"""The SPARQL behind the reconciliation service: every query it runs, in one module, so that a change of the model
is one place to adapt. The index queries scan the store once per version of it; the rest are bounded lookups of the
few entities a request names ($actors is a VALUES block)."""

from __future__ import annotations

# the kinds of actor: nkg:Actor and its subclasses, each with what it falls under (itself included)
ACTOR_CLASSES = """SELECT ?class ?super ?label ?comment WHERE {
  ?class rdfs:subClassOf* nkg:Actor .
  ?class rdfs:subClassOf* ?super . ?super rdfs:subClassOf* nkg:Actor .
  OPTIONAL { ?class rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en") || LANG(?label) = "") }
  OPTIONAL { ?class rdfs:comment ?comment FILTER(LANGMATCHES(LANG(?comment), "en") || LANG(?comment) = "") }
}"""

# every actor and the names it goes by: preferred and alternative labels, and labels from articles (demonyms and
# metonyms are left out: "Ukrainian" or "the Kremlin" in a spreadsheet is not the name of a state)
ACTOR_NAMES = """SELECT DISTINCT ?actor ?type ?kind ?name WHERE {
  ?type rdfs:subClassOf* nkg:Actor .
  ?actor a ?type .
  { ?actor skos:prefLabel ?name BIND("pref" AS ?kind) }
  UNION { ?actor skos:altLabel ?name BIND("alt" AS ?kind) }
  UNION { ?actor rdfs:label ?name BIND("label" AS ?kind) }
}"""

# how articles wrote each actor's name, and how often
MENTION_FORMS = """SELECT ?actor ?form (COUNT(?mention) AS ?n) WHERE {
  ?mention nkg:refersTo ?actor ; nkg:evidence/nkg:exact ?form .
} GROUP BY ?actor ?form"""

# the properties offered for matching and extension
ACTOR_FACTS = """SELECT DISTINCT ?actor ?p ?o WHERE {
  VALUES ?p { nkg:role nkg:affiliation owl:sameAs }
  ?actor ?p ?o .
}"""

# bounded lookups for previews and data extension
COUNTS = """SELECT ?actor ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  $actors
  { ?x nkg:claimant ?actor BIND("allegations_made" AS ?what) }
  UNION { ?x nkg:accused ?actor BIND("allegations_against" AS ?what) }
  UNION { ?x nkg:speaker ?actor BIND("statements" AS ?what) }
  UNION { ?m nkg:refersTo ?actor ; nkg:inArticle ?x BIND("articles" AS ?what) }
} GROUP BY ?actor ?what"""
