"""The RDF and SPARQL-results formats newskg reads and writes: short name ↔ media type ↔ pyoxigraph format."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class RdfSyntax:
    name: str
    media_type: str
    suffix: str
    oxigraph: RdfFormat
    quads: bool


@dataclass(frozen=True)
class ResultsSyntax:
    name: str
    media_type: str
    suffix: str
    oxigraph: QueryResultsFormat


RDF_SYNTAXES = [
    RdfSyntax("turtle", "text/turtle", "ttl", RdfFormat.TURTLE, False),
    RdfSyntax("ntriples", "application/n-triples", "nt", RdfFormat.N_TRIPLES, False),
    RdfSyntax("nquads", "application/n-quads", "nq", RdfFormat.N_QUADS, True),
    RdfSyntax("trig", "application/trig", "trig", RdfFormat.TRIG, True),
    RdfSyntax("jsonld", "application/ld+json", "jsonld", RdfFormat.JSON_LD, True),
    RdfSyntax("rdfxml", "application/rdf+xml", "rdf", RdfFormat.RDF_XML, False),
]
RESULTS_SYNTAXES = [
    ResultsSyntax("json", "application/sparql-results+json", "srj", QueryResultsFormat.JSON),
    ResultsSyntax("xml", "application/sparql-results+xml", "srx", QueryResultsFormat.XML),
    ResultsSyntax("csv", "text/csv", "csv", QueryResultsFormat.CSV),
    ResultsSyntax("tsv", "text/tab-separated-values", "tsv", QueryResultsFormat.TSV),
]

RDF_BY_NAME = {s.name: s for s in RDF_SYNTAXES}
RESULTS_BY_NAME = {s.name: s for s in RESULTS_SYNTAXES}
RDF_BY_MEDIA_TYPE = {s.media_type: s for s in RDF_SYNTAXES}
RESULTS_BY_MEDIA_TYPE = {s.media_type: s for s in RESULTS_SYNTAXES}
