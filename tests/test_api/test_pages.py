"""The HTML pages on a live server: what each shows, what it links to, and that article text is always escaped."""

from __future__ import annotations

import time

from html.parser import HTMLParser
from typing import Any, Callable
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from pages_sample import QUOTE, SCRIPT, Site, seeded_site, site  # noqa: F401  (fixtures)
from rdflib import RDFS, Graph, Literal

from newskg.ingest.namespaces import NKG

pytestmark = pytest.mark.backends

HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


class Page(HTMLParser):
    """The parts of a page the tests look at: links, marks, scripts, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []   # (href, text)
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self.scripts = 0
        self.text_parts: list[str] = []
        self._open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag in {"a", "mark"}:
            self._open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"a", "mark"} and self._open and self._open[-1][0] == tag:
            _, attrs, parts = self._open.pop()
            text = "".join(parts)
            if tag == "a":
                self.links.append((attrs.get("href") or "", text))
            else:
                self.marks.append((attrs, text))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)
        for _, _, parts in self._open:
            parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def hrefs(self) -> set[str]:
        return {href for href, _ in self.links}


REFRESHING = ("these figures are being brought up to date", "The index is catching up with the latest writes")
REFRESH_WAIT_SECONDS = 30


def get_page(site: Site, path: str) -> Page:
    """The page as a reader sees it once the store's figures are current: the home page and search are served stale,
    with a note, while a slow recomputation after a write runs in the background (api/generation_cache.py), so it is
    asked again until the note is gone."""
    deadline = time.monotonic() + REFRESH_WAIT_SECONDS
    while True:
        response = httpx.get(site.url.rstrip("/") + path, headers=HTML)
        assert response.status_code == 200, (path, response.status_code, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        if not any(note in response.text for note in REFRESHING) or time.monotonic() > deadline:
            return Page(response.text)
        time.sleep(0.2)


def search_json(site: Site, query: str) -> dict[str, Any]:
    """The search's JSON once its indexes have caught up with the last write (it says so: "complete")."""
    deadline = time.monotonic() + REFRESH_WAIT_SECONDS
    while True:
        response = httpx.get(site.url + "search", params={"q": query}, headers={"accept": "application/json"})
        assert response.status_code == 200, response.text[:500]
        answer: dict[str, Any] = response.json()
        if answer["complete"] or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def test_home_shows_what_the_dataset_holds(site: Site) -> None:
    page = get_page(site, "/")
    assert "articles" in page.text and "allegations" in page.text
    assert "Alexander Lavrentiev" in page.text                   # most-mentioned actors
    assert "Ukraine's GUR specialists operate in Idlib" in page.text  # latest allegations
    assert "Middle East Eye" in page.text and "Example Courier" in page.text  # by publisher
    assert {"/.well-known/void", "/dumps", "/sparql"} <= page.hrefs()
    assert any(href.startswith("/sparql?query=") for href in page.hrefs())


@pytest.mark.parametrize("query", ["Lavrentyev", "Lavrentiev", "alexandr lavrentjev"])
def test_search_finds_the_actor_under_any_spelling(site: Site, query: str) -> None:
    page = get_page(site, f"/search?q={query}")
    first_href, first_text = page.links[[h for h, _ in page.links].index(site.path(site.sample.lavrentiev))]
    assert first_text == "Alexander Lavrentiev"


@pytest.mark.parametrize("query", ["Lavrentyev", "Lavrentiev"])
def test_search_over_the_seeds_finds_the_envoy_under_both_spellings(seeded_site: Site, query: str) -> None:
    first = search_json(seeded_site, query)["results"][0]
    assert first["iri"] == seeded_site.sample.lavrentiev and first["kind"] == "actor"


def test_search_results_have_a_json_twin(site: Site) -> None:
    assert search_json(site, "Lavrentyev")["results"][0]["iri"] == site.sample.lavrentiev


def test_actor_page_shows_names_claims_statements_and_responses(site: Site) -> None:
    page = get_page(site, site.path(site.sample.lavrentiev))
    assert "Lavrentyev" in page.text and "Russia's presidential envoy for Syria" in page.text
    assert "Allegations it made (1)" in page.text
    assert site.path(site.sample.allegation) in page.hrefs()
    # who responded to its statement: the denial and the downplaying reaction
    assert {site.path(site.sample.denial), site.path(site.sample.downplaying)} <= page.hrefs()
    assert "denies" in page.text and "downplays" in page.text
    assert site.path(site.sample.first_article) in page.hrefs()  # mentions per article


def test_allegation_page_puts_contesting_and_supporting_statements_side_by_side(site: Site) -> None:
    response = httpx.get(site.url.rstrip("/") + site.path(site.sample.allegation), headers=HTML)
    html = response.text
    contesting = html[html.index('class="side contesting"'):]
    supporting = html[html.index('class="side supporting"'):html.index('class="side contesting"')]
    assert site.path(site.sample.denial) in contesting and site.path(site.sample.downplaying) in contesting
    assert site.path(site.sample.denial) not in supporting
    assert "specialists from the GUR were operating in Idlib" in supporting
    page = Page(html)
    assert "Defence Intelligence" in page.text or "GUR" in page.text      # accused
    assert "Claimed by" in page.text and "Alexander Lavrentiev" in page.text


def test_statement_page_highlights_the_quote_inside_the_article_text(site: Site) -> None:
    page = get_page(site, site.path(site.sample.downplaying))
    quoted = [text for attrs, text in page.marks if attrs.get("id") == "quote"]
    assert quoted == [QUOTE]
    assert "Middle East Eye" in page.text                  # the rest of the article is around it
    assert site.path(site.sample.first_article) in page.hrefs()
    assert "downplays" in page.text


def test_article_page_highlights_statements_and_links_mentions(site: Site) -> None:
    page = get_page(site, site.path(site.sample.first_article))
    # a statement is cut into pieces where mentions start and end; in document order they spell it out
    statement_text = "".join(text for attrs, text in page.marks if "statement" in (attrs.get("class") or ""))
    assert QUOTE in statement_text and "HTS relies on Ukrainian assistance" in statement_text
    anchors = {attrs.get("id") for attrs, _ in page.marks}
    assert {"s-" + s.iri.rsplit("/", 1)[1] for s in site.sample.first.statements} <= anchors
    assert (site.path(site.sample.lavrentiev), "Alexander Lavrentiev") in page.links
    graph = site.sample.minter.article_graph(site.sample.first.article.key)
    assert site.path(str(graph)) + ".ttl" in page.hrefs()


def test_article_text_with_html_and_script_is_shown_as_text(site: Site) -> None:
    for path in [site.path(site.sample.second_article), "/search?q=Kyiv", "/"]:
        response = httpx.get(site.url.rstrip("/") + path, headers=HTML)
        assert "<script>" not in response.text and "<b>markup</b>" not in response.text
        assert Page(response.text).scripts == 0
    page = get_page(site, site.path(site.sample.second_article))
    assert SCRIPT in page.text and "<b>markup</b>" in page.text
    assert not any(href.lower().startswith("javascript:") for href in page.hrefs())
    assert "javascript:alert('pwned')" in page.text  # the article's URL, shown as text


def test_quote_cluster_page_lists_the_quote_in_both_articles(site: Site) -> None:
    statements = site.sample.second.statements
    cluster = statements[0].cluster
    assert cluster is not None
    page = get_page(site, site.path(cluster))
    assert {site.path(site.sample.downplaying), site.path(statements[0].iri)} <= page.hrefs()
    assert "Middle East Eye" in page.text and "Example Courier" in page.text


def test_every_resource_page_links_to_its_rdf_and_its_sparql(site: Site) -> None:
    path = site.path(site.sample.allegation)
    page = get_page(site, path)
    assert {f"{path}.ttl", f"{path}.jsonld", f"{path}.nt", f"{path}.rdf"} <= page.hrefs()
    queries = [parse_qs(urlparse(h).query)["query"][0] for h in page.hrefs() if h.startswith("/sparql?query=")]
    assert any(site.sample.allegation in q and "CONSTRUCT" in q for q in queries)


def test_any_other_resource_shows_properties_and_incoming_links(site: Site) -> None:
    page = get_page(site, "/resource?iri=https%3A%2F%2Fschema.org%2FClaim")   # not minted, not a newskg term
    assert "All properties" in page.text
    assert "/ontology/Allegation" in page.hrefs()      # nkg:Allegation is a subclass of schema:Claim: it links here


def test_unknown_iri_gets_a_404_page(site: Site) -> None:
    for path in ["/id/actor/no-such-actor", "/id/actor/bad%20key", "/graph/article/nothing-here"]:
        response = httpx.get(site.url.rstrip("/") + path, headers=HTML)
        assert response.status_code == 404
        assert "Not found" in response.text and response.headers["content-type"].startswith("text/html")


def test_a_minted_iri_asked_through_resource_redirects_to_its_page(site: Site) -> None:
    response = httpx.get(site.url + "resource", params={"iri": site.sample.lavrentiev}, headers=HTML)
    assert response.status_code == 303 and response.headers["location"] == site.path(site.sample.lavrentiev)


def test_incoming_links_are_counted_and_paged(live_server: Callable[..., Any]) -> None:
    server = live_server(query_workers=1)
    minter, store = server.app.state.context.minter, server.app.state.context.store
    actor = minter.actor("Somebody Quoted Often")
    graph = Graph()
    graph.add((actor, RDFS.label, Literal("Somebody Quoted Often")))
    for number in range(45):
        graph.add((minter.statement("paging", number, number + 1), NKG.speaker, actor))
    store.replace_graph(str(minter.graph("paging-test")), graph)
    url = server.url.rstrip("/") + minter.local_path(actor)

    def incoming_section(params: dict[str, str]) -> Page:
        html = httpx.get(url, params=params, headers=HTML).text
        return Page(html[html.index('id="properties"'):])

    first = incoming_section({})
    assert "speaker (45)" in first.text and "Page 1 of 3" in first.text
    listed = {href for href in first.hrefs() if "/id/statement/" in href}
    assert len(listed) == 20
    last_page = incoming_section({"incoming": str(NKG.speaker), "page": "3"})
    assert "Page 3 of 3" in last_page.text
    last = {href for href in last_page.hrefs() if "/id/statement/" in href}
    assert len(last) == 5 and not last & listed


def test_the_queries_behind_a_page_run_on_the_sparql_endpoint(site: Site) -> None:
    page = get_page(site, site.path(site.sample.lavrentiev))
    queries = [parse_qs(urlparse(h).query)["query"][0] for h in page.hrefs() if h.startswith("/sparql?query=")]
    assert len(queries) >= 10
    accept = "application/sparql-results+json, text/turtle;q=0.9"  # SELECTs as results, the CONSTRUCT as Turtle
    for query in queries:
        response = httpx.get(site.url + "sparql", params={"query": query}, headers={"accept": accept})
        assert response.status_code == 200, (query, response.text[:300])
