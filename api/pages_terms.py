"""The pages of newskg's vocabulary terms: /ontology/{name}, /vocab/{scheme}/{name}, /shapes (ingest/term_pages.py maps
each term IRI to its path). HTML for browsers; the term's RDF by Accept or a .ttl/.jsonld/.nt/.rdf suffix.

Each page documents the term from the files that define it (api/term_index.py) and shows how the data in the store
uses it: a few instances of a class, statements with a property, things that take a concept as a value.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from rdflib.term import Node

from newskg.api.context import AppContext
from newskg.api.openapi_responses import answer, errors
from newskg.api.page_queries import PREFIXES, PageQueries, Row, values_block
from newskg.api.pages_deref import RESOURCE_MEDIA_TYPES, Wanted, representation_headers, triples_rdf, wanted
from newskg.api.pages_render import RDF_ALTERNATES, Renderer
from newskg.api.term_index import TermDoc, TermIndex
from newskg.ingest.namespaces import LEXICON, SHAPES_NS, VOCAB_BASE
from newskg.store.terms import TermConverter
from newskg.ingest.term_pages import SHAPES_PAGE, term_iri, term_page

EXAMPLES = 6
COUNT_UP_TO = 1000
TERM_PREFIXES = {**PREFIXES, "nkgsh": SHAPES_NS, "vocab": VOCAB_BASE, "lex": str(LEXICON)}
# how the data uses a term, outside the graph of the ontology itself ($ontology)
CLASS_USE = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a ?type } FILTER(?g != $ontology) $types } LIMIT $limit"
PROPERTY_USE = "SELECT ?s ?o WHERE { GRAPH ?g { ?s $term ?o } FILTER(?g != $ontology) } LIMIT $limit"
VALUE_USE = "SELECT ?s ?p WHERE { GRAPH ?g { ?s ?p $term } FILTER(?g != $ontology) } LIMIT $limit"
NOT_FOUND = answer("no such term: a page for browsers, plain text otherwise", ["text/html", "text/plain"])


class TermPages:
    def __init__(self, context: AppContext) -> None:
        self.store = context.store
        self.ontology_graph = str(context.minter.graph("ontology"))
        self.renderer = Renderer(context.minter)
        self._index: TermIndex | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> TermIndex:
        """Read from the files on first use (a third of a second), then kept: the files do not change under a server."""
        with self._lock:
            if self._index is None:
                self._index = TermIndex.load()
            return self._index

    def term(self, request: Request, path: str) -> Response:
        want = wanted(request, path, RESOURCE_MEDIA_TYPES)
        iri = term_iri(want.path)
        if iri in self.index.version_iris():
            return RedirectResponse(term_page(iri.rsplit("/", 1)[0]) or "/ontology", status_code=303)
        if iri in (VOCAB_BASE, VOCAB_BASE.rstrip("/")):
            return self._vocabularies(want)
        if iri is None or iri not in self.index:
            return self.not_found(request, iri or path)
        if not want.html:
            return self._rdf(self.index.description(iri), want)
        doc = self.index.doc(iri)
        assert doc is not None
        queries = PageQueries(self.store)
        usage = self._usage(queries, doc)
        labels = self._labels(queries, doc, usage)
        return self.renderer.page("term.html", headers=representation_headers(want, RDF_ALTERNATES),
                                  title=doc.label, iri=iri, doc=doc, usage=usage, labels=labels,
                                  queries=queries.log, rdf_links=_rdf_links(want.path), shapes_page=SHAPES_PAGE)

    def shapes(self, request: Request, path: str) -> Response:
        want = wanted(request, path, RESOURCE_MEDIA_TYPES)
        if want.path != SHAPES_PAGE:
            return self.not_found(request, path)
        if not want.html:
            return self._rdf(self.index.shapes.graph, want)
        notes = self.index.shapes.all()
        labels = self.index.labels(node for note in notes for node in (*note.targets, *note.path))
        return self.renderer.page("shapes.html", headers=representation_headers(want, RDF_ALTERNATES),
                                  title="Shapes", notes=notes, labels=labels, queries=[],
                                  rdf_links=_rdf_links(SHAPES_PAGE))

    def not_found(self, request: Request, what: str) -> Response:
        accept = request.headers.get("accept") or ""
        if "text/html" in accept or "*/*" in accept or not accept:
            return self.renderer.page("not_found.html", status=404, what=what, title="Not found", queries=[])
        return Response(f"Not found: {what}\n", status_code=404, media_type="text/plain")

    # --- parts ---------------------------------------------------------------------------------------------------
    def _vocabularies(self, want: Wanted) -> Response:
        schemes = self.index.schemes()
        if not want.html:
            return self._rdf([t for scheme in schemes for t in self.index.description(str(scheme))], want)
        doc = TermDoc(VOCAB_BASE, "Vocabularies", "Controlled vocabularies and the lexicon",
                      "The SKOS concept schemes the data takes its values from (stance, certainty, event types, "
                      "date granularity, allegation status) and the lexicon of cue words the extractor reads.", (), (),
                      members=(("Concept schemes", tuple(schemes)),))
        return self.renderer.page("term.html", headers=representation_headers(want, RDF_ALTERNATES),
                                  title=doc.label, iri=VOCAB_BASE, doc=doc, usage=None,
                                  labels=self.index.labels(schemes), queries=[], rdf_links=_rdf_links(want.path),
                                  shapes_page=SHAPES_PAGE)

    @staticmethod
    def _rdf(triples: Iterable[tuple[Node, Node, Node]], want: Wanted) -> Response:
        converter = TermConverter()
        return triples_rdf([converter.triple(t) for t in triples], want, TERM_PREFIXES)

    def _usage(self, queries: PageQueries, doc: TermDoc) -> dict[str, Any] | None:
        """How the store's data uses the term: how many uses (up to COUNT_UP_TO) and a few of them."""
        kind = doc.kind.split(",")[0]
        if kind == "Class":
            body = CLASS_USE.replace("$types", values_block("type", doc.instance_types))
            columns = ("s",)
        elif kind.endswith("property") or kind == "Property":
            body, columns = PROPERTY_USE, ("s", "o")
        elif kind == "Concept":
            body, columns = VALUE_USE, ("s", "p")
        else:
            return None
        examples = queries.select(body.replace("$limit", str(EXAMPLES)), term=doc.iri, ontology=self.ontology_graph)
        count = queries.count(
            "SELECT (COUNT(*) AS ?n) WHERE { " + body.replace("$limit", str(COUNT_UP_TO + 1)) + " }",
            term=doc.iri, ontology=self.ontology_graph) if examples else 0
        return {"rows": examples, "columns": columns, "count": count, "more": count > COUNT_UP_TO}

    def _labels(self, queries: PageQueries, doc: TermDoc, usage: dict[str, Any] | None) -> dict[str, str]:
        terms: list[Node | str] = [doc.iri, *(part for _, values in doc.relations for value in values
                                               for part in value if type(part) is not str),
                                   *(m for _, members in doc.members for m in members),
                                   *(n for note in doc.shapes for n in (*note.targets, *note.path)),
                                   *(p for p, _ in doc.other), *(v for _, values in doc.other for v in values)]
        rows: list[Row] = usage["rows"] if usage else []
        return {**queries.labels(value for row in rows for value in row.values()), **self.index.labels(terms)}


def _rdf_links(path: str) -> list[tuple[str, str]]:
    return [(name, f"{path}.{suffix}") for suffix, _, name in RDF_ALTERNATES]


def build_router(context: AppContext) -> APIRouter:
    pages = TermPages(context)
    context.services["term_pages"] = pages
    router = APIRouter(tags=["vocabulary"])
    responses: dict[int | str, dict[str, Any]] = {
        200: answer("the term's page or its description in RDF", RESOURCE_MEDIA_TYPES, ["Link", "Vary"]),
        303: answer("an ontology version IRI: see the ontology", headers=["Location"]),
        404: NOT_FOUND, **errors(406)}

    def ontology(request: Request) -> Response:
        return pages.term(request, request.url.path)

    def ontology_term(request: Request, name: str) -> Response:
        return pages.term(request, f"/ontology/{name}")

    def vocabulary_term(request: Request, rest: str) -> Response:
        return pages.term(request, f"/vocab/{rest}")

    def shapes(request: Request) -> Response:
        return pages.shapes(request, request.url.path)

    for method in ("GET", "HEAD"):
        lower = method.lower()
        for path, handler, summary in (
                ("/ontology", ontology, "The newskg ontology: its classes and properties"),
                ("/ontology.{suffix}", ontology, "The newskg ontology in one RDF format"),
                ("/ontology/{name}", ontology_term, "A class or property of the ontology"),
                ("/vocab", ontology, "The controlled vocabularies and the lexicon"),
                ("/vocab.{suffix}", ontology, "The controlled vocabularies and the lexicon in one RDF format"),
                ("/vocab/{rest:path}", vocabulary_term, "A concept scheme, concept or lexicon entry"),
                ("/shapes", shapes, "The SHACL shapes every article graph must conform to"),
                ("/shapes.{suffix}", shapes, "The SHACL shapes in one RDF format")):
            router.add_api_route(path, handler, methods=[method], response_class=Response, summary=summary,
                                 operation_id=f"{lower}_{path.strip('/').replace('/', '_').replace('.', '_')}"
                                              .replace("{", "").replace("}", "").replace(":path", ""),
                                 responses=responses)
    return router
