"""Vocabulary terms dereference on the running service: every class, property and concept has a page and its RDF,
the mapping from term IRI to page is explicit, and no page sends a reader off the service to follow a term."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import httpx
import pytest
from pages_sample import Site, site  # noqa: F401  (fixture)
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from test_pages import HTML, Page, get_page

from newskg.api.term_index import TermIndex
from newskg.ingest.namespaces import NKG, ONTOLOGY_IRI, SHAPES_NS, STANCE, VOCAB_BASE
from newskg.ingest.resources import ontology_files
from newskg.ingest.term_pages import SHAPES_PAGE, TERM_SPACES, term_iri, term_page

TURTLE = {"accept": "text/turtle"}


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex.load()


def test_the_mapping_from_term_iri_to_page_is_explicit() -> None:
    assert term_page(str(NKG.Allegation)) == "/ontology/Allegation"
    assert term_page(ONTOLOGY_IRI) == "/ontology"
    assert term_page(str(STANCE.denies)) == "/vocab/stance/denies"
    assert term_page(VOCAB_BASE + "stance") == "/vocab/stance"
    assert term_page(VOCAB_BASE + "lexicon/saying") == "/vocab/lexicon/saying"
    assert term_page(SHAPES_NS + "Event-date") == "/shapes#Event-date"
    assert term_page("https://schema.org/Person") is None
    assert term_page(ONTOLOGY_IRI + "-other/Thing") is None     # a longer name is not in the namespace
    assert term_iri("/ontology/Allegation") == str(NKG.Allegation)
    assert term_iri("/id/actor/gur") is None


def test_the_ontology_terms_are_under_a_persistent_namespace() -> None:
    assert ONTOLOGY_IRI == "https://w3id.org/newskg/ontology" and str(NKG.Allegation).startswith(ONTOLOGY_IRI + "/")


def test_every_term_maps_to_its_own_page_and_back(index: TermIndex) -> None:
    terms = index.terms()
    assert len(terms) > 200
    pages = {term_page(iri): iri for iri in terms}
    assert len(pages) == len(terms), "two terms share a page"
    for page, iri in pages.items():
        assert page is not None and term_iri(page) == iri


def test_every_term_the_ontology_and_vocabularies_declare_is_indexed(index: TermIndex) -> None:
    declared = Graph()
    for path in ontology_files():
        declared.parse(path)
    ours = {str(s) for s in declared.subjects(RDF.type, None) if term_page(str(s)) is not None}
    assert ours and ours <= set(index.terms())
    assert {str(NKG.Allegation), str(NKG.stance), str(STANCE.denies), VOCAB_BASE + "lexicon/saying"} <= set(index.terms())


def test_every_term_the_stored_data_uses_has_a_page(site: Site, index: TermIndex) -> None:
    """Predicates, classes and values of every graph of a store holding two articles mapped as ingest maps them."""
    used: set[str] = set()
    for row in site.store.query("SELECT DISTINCT ?t WHERE { GRAPH ?g { { ?s ?t ?o } UNION { ?s a ?t } "
                                       "UNION { ?s ?p ?t FILTER(isIRI(?t)) } } }"):
        used.add(row["t"].value)
    ours = {iri for iri in used if term_page(iri) is not None}
    assert str(NKG.Reaction) in ours and str(STANCE.denies) in ours and str(NKG.inArticle) in ours
    listings = index.version_iris() | {VOCAB_BASE}    # the ontology's version, the list of the vocabularies
    assert not sorted(ours - set(index.terms()) - listings)
    for iri in sorted(ours - index.version_iris()):
        response = httpx.get(site.url.rstrip("/") + str(term_page(iri)), headers=HTML)
        assert response.status_code == 200, iri


def test_every_term_page_answers_html_and_its_rdf(site: Site, index: TermIndex) -> None:
    with httpx.Client(base_url=site.url) as client:
        for iri in index.terms():
            path = str(term_page(iri))
            page = client.get(path, headers=HTML)
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), path
            rdf = client.get(path, headers=TURTLE)
            assert rdf.status_code == 200 and rdf.headers["content-type"].startswith("text/turtle"), path
            assert (URIRef(iri), RDF.type, None) in Graph().parse(data=rdf.text, format="turtle"), path


def test_a_class_page_documents_the_class_its_shapes_and_its_use(site: Site) -> None:
    page = get_page(site, "/ontology/Person")
    assert "person" in page.text and "A named individual human being." in page.text
    assert {"/ontology/Actor", "/ontology/ActorGroup", "/ontology/author"} <= page.hrefs()  # super, disjoint, range of
    assert "/shapes#ActorShape" in page.hrefs() and "/shapes#NewsArticle-author" in page.hrefs()
    assert "In the data" in page.text and any(href.startswith("/id/actor/") for href in page.hrefs())


def test_a_property_page_shows_domain_range_and_shapes(site: Site) -> None:
    page = get_page(site, "/ontology/date")
    assert {"/ontology/Event", "/resource?iri=http%3A%2F%2Fwww.w3.org%2F2001%2FXMLSchema%23dateTime"} <= page.hrefs()
    assert {"/shapes#Event-date", "/shapes#Event-date-granularity"} <= page.hrefs()
    confidence = get_page(site, "/ontology/confidence")
    assert "≤ 1.0" in confidence.text and "≥ 0.0" in confidence.text     # the datatype restriction, in words


def test_a_concept_page_shows_its_scheme_the_shapes_allowing_it_and_who_takes_it(site: Site) -> None:
    page = get_page(site, "/vocab/stance/denies")
    assert "/vocab/stance" in page.hrefs() and "/shapes#Statement-stance" in page.hrefs()
    assert any(href.startswith("/id/statement/") for href in page.hrefs())   # the denial in the sample
    scheme = get_page(site, "/vocab/stance")
    assert {"/vocab/stance/denies", "/vocab/stance/supports"} <= scheme.hrefs()
    lexicon_entry = get_page(site, "/vocab/lexicon/saying")
    assert "point out" in lexicon_entry.text and "/vocab/lexicon/reporting-cues" in lexicon_entry.hrefs()


def test_the_ontology_page_lists_every_class_and_property(site: Site, index: TermIndex) -> None:
    page = get_page(site, "/ontology")
    expected = {str(term_page(iri)) for iri in index.terms() if iri.startswith(ONTOLOGY_IRI + "/")}
    assert expected <= page.hrefs()
    vocabularies = get_page(site, "/vocab")
    assert {"/vocab/stance", "/vocab/event-type", "/vocab/lexicon/reporting-cues"} <= vocabularies.hrefs()


def test_term_rdf_by_accept_and_by_suffix(site: Site, index: TermIndex) -> None:
    base = site.url.rstrip("/")
    by_accept = httpx.get(base + "/ontology/Allegation", headers=TURTLE)
    assert by_accept.headers["vary"] == "Accept" and "/ontology/Allegation.jsonld" in by_accept.headers["link"]
    graph = Graph().parse(data=by_accept.text, format="turtle")
    assert (NKG.Allegation, RDF.type, OWL.Class) in graph
    assert (NKG.Allegation, RDFS.label, Literal("allegation", lang="en")) in graph
    assert set(graph) == set(index.description(str(NKG.Allegation)))
    by_suffix = httpx.get(base + "/vocab/stance/denies.jsonld")
    assert by_suffix.headers["content-type"].startswith("application/ld+json")
    assert (STANCE.denies, SKOS.inScheme, URIRef(VOCAB_BASE + "stance")) in Graph().parse(data=by_suffix.text,
                                                                                          format="json-ld")
    whole = Graph().parse(data=httpx.get(base + "/ontology.ttl").text, format="turtle")
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in whole and (NKG.Person, RDF.type, OWL.Class) in whole
    shapes = Graph().parse(data=httpx.get(base + "/shapes", headers=TURTLE).text, format="turtle")
    assert (URIRef(SHAPES_NS + "Event-date"), None, None) in shapes


def test_a_term_iri_given_to_resource_and_the_version_iri_redirect_to_the_page(site: Site) -> None:
    base = site.url.rstrip("/")
    response = httpx.get(base + "/resource", params={"iri": str(NKG.Person)}, headers=HTML)
    assert response.status_code == 303 and response.headers["location"] == "/ontology/Person"
    version = httpx.get(base + "/ontology/0.1.0", headers=HTML)
    assert version.status_code == 303 and version.headers["location"] == "/ontology"


@pytest.mark.parametrize("path", ["/ontology/NoSuchClass", "/vocab/stance/furious", "/vocab/nothing",
                                  "/ontology/Allegation.exe", "/shapes.exe"])
def test_an_unknown_term_is_a_404(site: Site, path: str) -> None:
    response = httpx.get(site.url.rstrip("/") + path, headers=HTML)
    assert response.status_code == 404 and "Not found" in response.text
    assert httpx.get(site.url.rstrip("/") + path, headers=TURTLE).status_code == 404


def test_the_shapes_page_has_an_anchor_for_every_shape(site: Site, index: TermIndex) -> None:
    response = httpx.get(site.url.rstrip("/") + "/shapes", headers=HTML)
    for note in index.shapes.all():
        assert f'id="{note.name}"' in response.text


def test_following_links_never_leaves_the_service_for_a_term(site: Site) -> None:
    """From the home page, every page one or two links away: a term is always linked to its local page, and every
    local term page a link names opens."""
    start = ["/", "/ontology/Allegation", "/vocab/stance/denies"]
    seen: set[str] = set()
    todo = deque((path, 0) for path in start)
    term_links: set[str] = set()
    with httpx.Client(base_url=site.url) as client:
        while todo:
            path, depth = todo.popleft()
            if path in seen or len(seen) > 150:
                continue
            seen.add(path)
            response = client.get(path, headers=HTML)
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            for href in Page(response.text).hrefs():
                assert not href.startswith(("https://w3id.org/", "https://newskg.org/")), (path, href)
                if href.startswith("/resource?"):
                    assert "w3id.org%2Fnewskg" not in href and "newskg.org%2F" not in href, (path, href)
                local = href.split("#")[0]
                if local.startswith(("/ontology", "/vocab", "/shapes")):
                    term_links.add(local)
                if depth < 2 and local.startswith(("/id/", "/ontology/", "/vocab/")) and "." not in local[-7:]:
                    todo.append((local, depth + 1))
        assert len(term_links) > 20
        for href in sorted(term_links):
            assert client.get(href, headers=HTML).status_code == 200, href


def test_the_w3id_redirect_rules_cover_every_term_page() -> None:
    """docs/w3id/.htaccess (to register at w3id.org) sends each term namespace to the same paths as this service."""
    rules = (Path(__file__).resolve().parents[2] / "docs" / "w3id" / ".htaccess").read_text(encoding="utf-8")
    found = re.search(r"^RewriteRule \^\(([\w|]+)\)\(/\.\*\)\?\$ (\S+)\$1\$2 \[R=303,L\]$", rules, re.MULTILINE)
    assert found is not None
    assert {path.strip("/") for _, path in TERM_SPACES} | {SHAPES_PAGE.strip("/")} <= set(found.group(1).split("|"))
