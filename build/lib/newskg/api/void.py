"""/.well-known/void: a VoID + DCAT description of the dataset — size, classes, graphs, licence, SPARQL endpoint,
and every dump as void:dataDump and dcat:Distribution. Its statistics scan the store, so they are kept until the
next write."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from newskg.api.context import AppContext
from newskg.api.dataset_version import DatasetVersion
from newskg.api.dumps import DUMP_FORMATS, dump_path
from newskg.exports.formats import TOOL_FORMATS
from newskg.api.negotiation import choose
from newskg.api.openapi_responses import answer, errors
from newskg.api.generation_cache import GenerationCache
from newskg.api.page_queries import PageQueries, as_int
from newskg.api.pages_render import Renderer
from newskg.ingest.distinct_triples import count_distinct_triples
from newskg.ingest.namespaces import NKG, SCHEMA
from newskg.store.interface import Store

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
# The licence of the graph newskg builds (not of the articles it quotes); a deployment may need another.
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
GRAPHS_LISTED = 1000
MEDIA_TYPES = ("text/turtle", "text/html", "application/ld+json", "application/n-triples", "application/rdf+xml")
SERIALIZE_AS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
                "application/rdf+xml": "xml"}

# $dataset: the store's filter keeping ?g to the dataset's graphs (a remote engine keeps graphs of its own)
STATS = {
    "classes": "SELECT (COUNT(DISTINCT ?class) AS ?n) WHERE { GRAPH ?g { ?s a ?class } $dataset }",
    "subjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } $dataset }",
    "articles": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:NewsArticle }",
}
CLASS_PARTITIONS = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } $dataset }
GROUP BY ?class ORDER BY DESC(?n) LIMIT 200"""
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } $dataset } GROUP BY ?g"


class DatasetStatistics:
    """Size, classes and graphs of the store, recomputed after writes (see GenerationCache)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: GenerationCache[dict[str, Any]] = GenerationCache(store, self._compute, "void-statistics")

    def get(self) -> dict[str, Any]:
        return self.cache.get()

    def _compute(self) -> dict[str, Any]:
        """triples: distinct triples of the union of all graphs (what the Turtle and N-Triples dumps hold);
        quads: every graph's triples counted in each (what the N-Quads, TriG and JSON-LD dumps hold)."""
        queries = PageQueries(self.store)
        dataset = self.store.graph_filter("g")
        stats: dict[str, Any] = {name: queries.count(body.replace("$dataset", dataset))
                                 for name, body in STATS.items()}
        stats["partitions"] = [(r["class"], as_int(r["n"]))
                               for r in queries.select(CLASS_PARTITIONS.replace("$dataset", dataset))]
        stats["graphs"] = self.store.graph_names()
        stats["graph_sizes"] = {str(r["g"]): as_int(r["n"])
                                for r in queries.select(GRAPH_SIZES.replace("$dataset", dataset))}
        stats["quads"] = sum(stats["graph_sizes"].values()) + self.store.default_graph_size()
        stats["triples"] = count_distinct_triples(self.store.quads, stats["quads"])
        return stats


def void_graph(root: str, base_iri: str, stats: dict[str, Any], modified: Literal) -> Graph:
    """root: this server's URL, ending in '/'. base_iri: where minted IRIs start (they may differ)."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("sd", SD), ("nkg", NKG),
                       ("foaf", FOAF), ("schema", SCHEMA)):
        g.bind(prefix, ns)
    document, dataset = URIRef(root + ".well-known/void"), URIRef(root + ".well-known/void#dataset")
    g.add((document, RDF.type, VOID.DatasetDescription))
    g.add((document, DCTERMS.title, Literal("Description of the newskg dataset")))
    g.add((document, FOAF.primaryTopic, dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("newskg: who alleged what, about whom, and who contests it")))
    g.add((dataset, DCTERMS.description, Literal(
        "Actors, statements, allegations and events extracted from news articles, each grounded to the characters "
        "of the article it comes from; one named graph per article.")))
    g.add((dataset, DCTERMS.license, LICENCE))
    g.add((dataset, DCTERMS.modified, modified))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(root + "sparql")))
    g.add((dataset, VOID.uriSpace, Literal(base_iri + "id/")))
    g.add((dataset, VOID.rootResource, URIRef(root)))
    for vocabulary in (str(NKG), "https://schema.org/", "http://www.w3.org/2004/02/skos/core#",
                       "http://www.w3.org/ns/prov#"):
        g.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    g.add((dataset, VOID.triples, Literal(stats["triples"], datatype=XSD.integer)))
    g.add((dataset, VOID.classes, Literal(stats["classes"], datatype=XSD.integer)))
    g.add((dataset, VOID.distinctSubjects, Literal(stats["subjects"], datatype=XSD.integer)))
    g.add((dataset, VOID.documents, Literal(stats["articles"], datatype=XSD.integer)))
    graphs = stats["graphs"]
    g.add((dataset, RDFS.comment, Literal(
        f"{len(graphs)} named graphs: one per article, plus the ontology and the actor registry. void:triples counts "
        "the distinct triples of their union, which the Turtle and N-Triples dumps hold; each graph's void:triples "
        f"is on its void:subset, and the N-Quads, TriG and JSON-LD dumps hold {stats['quads']} quads (a triple "
        "once for each graph that holds it).")))
    for klass, entities in stats["partitions"]:
        partition = BNode()
        g.add((dataset, VOID.classPartition, partition))
        g.add((partition, VOID["class"], klass))
        g.add((partition, VOID.entities, Literal(entities, datatype=XSD.integer)))
    for name in graphs[:GRAPHS_LISTED]:
        g.add((dataset, VOID.subset, URIRef(name)))
        g.add((URIRef(name), RDF.type, SD.NamedGraph))
        g.add((URIRef(name), VOID.triples, Literal(stats["graph_sizes"].get(name, 0), datatype=XSD.integer)))
        if name.startswith(base_iri):
            g.add((URIRef(name), VOID.dataDump, URIRef(root + name[len(base_iri):] + ".ttl")))
    for fmt in DUMP_FORMATS:
        for gzipped in (False, True):
            url = URIRef(root + dump_path(fmt, gzipped).lstrip("/"))
            g.add((dataset, VOID.dataDump, url))
            distribution = _distribution(g, dataset, url, fmt.media_type, f"{fmt.name}{' (gzip)' if gzipped else ''}")
            if gzipped:
                g.add((distribution, DCAT.compressFormat, _media_type_iri("application/gzip")))
    for tool in TOOL_FORMATS:   # not RDF dumps of the dataset (no void:dataDump), but distributions of it
        distribution = _distribution(g, dataset, URIRef(root + dump_path(tool).lstrip("/")), tool.media_type,
                                     tool.title)
        g.add((distribution, DCTERMS.description, Literal(tool.description)))
    return g


def _media_type_iri(media_type: str) -> URIRef:
    return URIRef("https://www.iana.org/assignments/media-types/" + media_type.split(";")[0])


def _distribution(g: Graph, dataset: URIRef, url: URIRef, media_type: str, title: str) -> BNode:
    distribution = BNode()
    g.add((dataset, DCAT.distribution, distribution))
    g.add((distribution, RDF.type, DCAT.Distribution))
    g.add((distribution, DCAT.downloadURL, url))
    g.add((distribution, DCAT.mediaType, _media_type_iri(media_type)))
    g.add((distribution, DCTERMS.title, Literal(title)))
    g.add((distribution, DCTERMS.license, LICENCE))
    return distribution


def build_router(context: AppContext, renderer: Renderer) -> APIRouter:
    statistics = DatasetStatistics(context.store)
    dataset_version: DatasetVersion = context.services.setdefault("dataset_version", DatasetVersion(context.store))
    router = APIRouter(tags=["downloads"])

    @router.get("/.well-known/void", summary="VoID + DCAT description of the dataset (Turtle, JSON-LD, ... or HTML)",
                response_class=Response,
                responses={200: answer("the description", MEDIA_TYPES, ["ETag", "Last-Modified", "Vary"]),
                           304: answer("unchanged since the ETag the request names", headers=["ETag"]),
                           **errors(406)})
    def void(request: Request) -> Response:
        media = choose(request.headers.get("accept"), MEDIA_TYPES, format=request.query_params.get("format"))
        current = dataset_version.current()
        modified = Literal(_iso(current.modified), datatype=XSD.dateTime)
        graph = void_graph(str(request.base_url), context.minter.base, statistics.get(), modified)
        if media == "text/html":
            body = renderer.render("void.html", title="Dataset description", turtle=graph.serialize(format="turtle"),
                                   stats=statistics.get(), formats=DUMP_FORMATS, dump_path=dump_path)
        else:
            body = graph.serialize(format=SERIALIZE_AS[media])
        # the statistics may lag a write by a moment (see GenerationCache): the tag follows the content itself
        etag = '"' + hashlib.sha256(body.encode("utf-8")).hexdigest()[:20] + '"'
        headers = {"Vary": "Accept", "ETag": etag, "Last-Modified": current.last_modified}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""),
                        headers=headers)

    return router


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat().replace("+00:00", "Z")
