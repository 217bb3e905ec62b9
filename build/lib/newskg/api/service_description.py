"""The SPARQL 1.1 Service Description (sd:) returned by GET /sparql without a query, in any RDF format."""

from __future__ import annotations

import pyoxigraph as ox

from newskg.ingest.settings import Settings

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")

RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML")
INPUT_FORMATS = ("Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML")


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def description_triples(endpoint: str, settings: Settings) -> list[ox.Triple]:
    service = ox.NamedNode(endpoint + "#service")
    dataset, default_graph = ox.BlankNode("dataset"), ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("feature"), _sd("EmptyGraphs")),
        ox.Triple(service, DCTERMS_TITLE, ox.Literal("newskg SPARQL 1.1 endpoint")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _sd("Graph")),
    ]
    if settings.allow_remote:
        triples.append(ox.Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    triples += [ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMATS]
    triples += [ox.Triple(service, _sd("inputFormat"), ox.NamedNode(FORMATS + f)) for f in INPUT_FORMATS]
    return triples


def service_description(endpoint: str, settings: Settings, media_type: str) -> bytes:
    fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
    return ox.serialize(description_triples(endpoint, settings), format=fmt,
                        prefixes={"sd": SD, "formats": FORMATS} if fmt == ox.RdfFormat.TURTLE else None) or b""
