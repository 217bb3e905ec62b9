"""Dereferenceable IRIs: every minted IRI answers HTML or RDF by Accept (q-values) or suffix, with Vary and Link."""

from __future__ import annotations

import httpx
import pytest
from pages_sample import Site, seeded_site, site  # noqa: F401  (fixtures)
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from newskg.api.page_queries import PageQueries

RDF_PARSERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
               "application/rdf+xml": "xml"}
SUFFIXES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
            "rdf": "application/rdf+xml"}


def minted_iris(site: Site) -> tuple[list[str], list[str]]:
    """Every minted IRI in the store (subjects and objects), and every named graph."""
    rows = PageQueries(site.store).select("""SELECT DISTINCT ?iri WHERE {
        { ?iri ?p ?o } UNION { ?s ?p ?iri } FILTER(isIRI(?iri) && STRSTARTS(STR(?iri), STR($base))) }""",
                                          base=site.sample.minter.base)
    iris = sorted(str(r["iri"]) for r in rows if "/graph/" not in str(r["iri"]))
    graphs = [g for g in site.store.graph_names() if site.sample.minter.is_minted(g)]
    return iris, graphs


def parse(response: httpx.Response, media_type: str) -> Graph:
    assert response.headers["content-type"].split(";")[0] == media_type
    return Graph().parse(data=response.content, format=RDF_PARSERS[media_type])


@pytest.mark.parametrize("media_type", sorted(RDF_PARSERS))
def test_accept_chooses_the_rdf_syntax(site: Site, media_type: str) -> None:
    iri = site.sample.lavrentiev
    response = httpx.get(iri, headers={"accept": media_type})
    assert response.status_code == 200
    graph = parse(response, media_type)
    assert (URIRef(iri), None, None) in graph
    assert response.headers["vary"].lower().startswith("accept")


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_a_suffix_beats_accept(site: Site, suffix: str) -> None:
    iri = site.sample.allegation
    response = httpx.get(f"{iri}.{suffix}", headers={"accept": "text/html"})
    assert response.status_code == 200
    graph = parse(response, SUFFIXES[suffix])
    assert (URIRef(iri), None, None) in graph and (None, None, URIRef(iri)) in graph  # both directions


def test_q_values_are_honoured(site: Site) -> None:
    iri = site.sample.denial
    response = httpx.get(iri, headers={"accept": "text/html;q=0.5, application/n-triples;q=0.9, text/turtle;q=0.1"})
    assert response.headers["content-type"].startswith("application/n-triples")
    browser = httpx.get(iri, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.headers["content-type"].startswith("text/html")
    assert httpx.get(iri, headers={"accept": "image/png"}).status_code == 406


def test_link_header_names_every_alternate(site: Site) -> None:
    path = site.path(site.sample.first_article)
    response = httpx.get(site.sample.first_article, headers={"accept": "text/turtle"})
    link = response.headers["link"]
    for suffix, media_type in SUFFIXES.items():
        assert f'<{path}.{suffix}>; rel="alternate"; type="{media_type}"' in link
    assert f'<{path}>; rel="alternate"; type="text/html"' in link


def test_a_graph_iri_gives_the_graph_content(site: Site) -> None:
    graph_iri = str(site.sample.minter.article_graph(site.sample.first.article.key))
    response = httpx.get(graph_iri, headers={"accept": "text/turtle"})
    assert response.status_code == 200
    stored = site.store.construct_graph(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    assert isomorphic(parse(response, "text/turtle"), stored)
    page = httpx.get(graph_iri, headers={"accept": "text/html"})
    assert page.status_code == 200 and f"{site.path(graph_iri)}.ttl" in page.text


def test_head_answers_like_get_without_a_body(site: Site) -> None:
    response = httpx.head(site.sample.lavrentiev, headers={"accept": "text/turtle"})
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"].startswith("text/turtle")


def test_unknown_iri_is_404_in_every_representation(site: Site) -> None:
    unknown = site.sample.minter.base + "id/actor/nobody-at-all"
    assert httpx.get(unknown, headers={"accept": "text/turtle"}).status_code == 404
    assert httpx.get(unknown + ".ttl").status_code == 404
    assert httpx.get(unknown, headers={"accept": "text/html"}).status_code == 404


def walk_every_minted_iri(site: Site) -> int:
    """GET each minted IRI as HTML and as Turtle: 200, and the Turtle parses and holds the resource."""
    iris, graphs = minted_iris(site)
    with httpx.Client() as client:
        for iri in iris:
            html = client.get(iri, headers={"accept": "text/html"})
            assert html.status_code == 200, iri
            turtle = client.get(iri, headers={"accept": "text/turtle"})
            assert turtle.status_code == 200, iri
            graph = Graph().parse(data=turtle.content, format="turtle")
            assert (URIRef(iri), None, None) in graph or (None, None, URIRef(iri)) in graph, iri
        for graph_iri in graphs:
            assert client.get(graph_iri, headers={"accept": "text/html"}).status_code == 200, graph_iri
            turtle = client.get(graph_iri, headers={"accept": "text/turtle"})
            assert turtle.status_code == 200 and len(Graph().parse(data=turtle.content, format="turtle")) > 0
    return len(iris) + len(graphs)


def test_every_minted_iri_of_the_sample_dereferences(site: Site) -> None:
    assert walk_every_minted_iri(site) > 50


@pytest.mark.slow
def test_every_minted_iri_of_the_seeds_dereferences(seeded_site: Site) -> None:
    iris, graphs = minted_iris(seeded_site)
    assert len(graphs) == 4 and any("/id/statement/" in iri for iri in iris)
    assert walk_every_minted_iri(seeded_site) == len(iris) + len(graphs)
