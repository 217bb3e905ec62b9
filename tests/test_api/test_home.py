"""The home page counts what a reader cares about, hides what is empty, and has one search box; the query page wears
the site's header."""

from __future__ import annotations

import re
from typing import Any, Callable

import httpx
from pages_sample import Site, site  # noqa: F401  (fixture)
from test_pages import HTML, Page, get_page

from newskg.ingest.outcome import Status
from newskg.ingest.pipeline import Pipeline

UNDATED = """Officials in Velmar said on Monday that the northern port would reopen to grain ships.

"We will not let the port close again," the harbour master, Anna Kovalenko, told reporters.

The ministry denied that foreign inspectors had been turned away, calling the reports "invented".
"""


def counts(page_html: str) -> dict[str, int]:
    section = page_html.split("What the dataset holds", 1)[1].split("</table>", 1)[0]
    return {label: int(n.replace(",", "")) for label, n in
            re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th><td class="num">([\d,]+)</td>', section)}


def test_home_counts_articles_outlets_actors_statements_and_allegations(site: Site) -> None:
    html = httpx.get(site.url, headers=HTML).text
    figures = counts(html)
    assert list(figures) == ["articles", "outlets", "actors named in articles", "statements", "allegations"]
    expected = {
        "articles": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:NewsArticle }",
        "outlets": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a a nkg:NewsArticle ; nkg:publisher ?p }",
        "actors named in articles": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?m nkg:refersTo ?x }",
        "statements": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { { ?s a nkg:Statement } UNION { ?s a nkg:Reaction } }",
        "allegations": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:Allegation }",
    }
    for label, body in expected.items():
        rows = list(site.store.query("PREFIX nkg: <https://w3id.org/newskg/ontology/> " + body))  # type: ignore[call-overload]
        assert figures[label] == int(rows[0]["n"].value), label
    assert figures["articles"] == 2 and all(figures.values())


def test_every_page_has_one_search_box(site: Site) -> None:
    for path in ["/", "/search?q=Ukraine", "/id/actor/alexander-lavrentiev", "/ontology/Allegation", "/dumps"]:
        html = httpx.get(site.url.rstrip("/") + path, headers=HTML).text
        assert html.count('role="search"') == 1, path


def test_an_empty_store_shows_no_empty_sections(live_server: Callable[..., Any]) -> None:
    server = live_server()
    html = httpx.get(server.url, headers=HTML).text
    assert "The store holds no articles yet" in html
    for heading in ("By month", "Most-mentioned actors", "Latest allegations", "Articles by publisher"):
        assert heading not in html


def test_undated_articles_leave_no_by_month_heading(live_server: Callable[..., Any], tmp_path: Any) -> None:
    server = live_server()
    article = tmp_path / "velmar.txt"
    article.write_text(UNDATED, encoding="utf-8")
    context = server.app.state.context
    batch = Pipeline(server.settings, context.store).ingest_paths([article])
    assert batch.count(Status.ACCEPTED) == 1, batch.summary()
    page = get_page(server, "/")  # the figures are brought up to date in the background after the write
    assert "Articles by publisher" in page.text and "By month" not in page.text


def test_the_query_page_shares_the_site_header(site: Site) -> None:
    header = re.compile(r'<header class="site">.*?</header>', re.DOTALL)

    def header_of(path: str) -> str:
        found = header.search(httpx.get(site.url.rstrip("/") + path, headers=HTML).text)
        assert found is not None, path
        return " ".join(found.group(0).split())

    assert header_of("/sparql") == header_of("/dumps")
    query_page = Page(httpx.get(site.url.rstrip("/") + "/sparql", headers=HTML).text)
    assert {"/", "/sparql", "/dumps", "/.well-known/void", "/ontology"} <= query_page.hrefs()
