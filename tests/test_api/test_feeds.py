"""Atom feeds on a real server: parsed by feedparser, linked from the pages, stable entry ids, and following writes.
The store holds the hand-made sample (pages_sample.py: two dated articles, an allegation and its statements) and
takes new articles through the real pipeline."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import feedparser
import httpx
import pyoxigraph as ox
from pages_sample import Site, site  # noqa: F401  (fixture)

from newskg.ingest.namespaces import NKG

ATOM = "application/atom+xml"


def fetch(url: str) -> Any:
    response = httpx.get(url, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(ATOM)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def subjects(store: Any, sparql: str) -> set[str]:
    return {solution[0].value for solution in store.query(sparql, use_default_graph_as_union=True)}


class FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "alternate" and found.get("type") == ATOM:
            self.feeds.append(str(found["href"]))


def feeds_linked_from(url: str) -> list[str]:
    parser = FeedLinks()
    parser.feed(httpx.get(url, timeout=30).text)
    return parser.feeds


def test_the_store_feeds_hold_every_article_and_allegation(site: Site) -> None:
    articles = fetch(f"{site.url}feeds/articles.atom")
    assert {e.id for e in articles.entries} == subjects(
        site.store.oxigraph, f"SELECT ?a WHERE {{ ?a a <{NKG.NewsArticle}> }}")
    assert all(e.title and e.link.startswith(site.url) for e in articles.entries)
    assert articles.feed.links[0].rel == "self"
    allegations = fetch(f"{site.url}feeds/allegations.atom")
    sample = site.sample
    assert {e.id for e in allegations.entries} == {sample.allegation, sample.against_turkey, sample.in_second}
    assert allegations.entries[0].id == sample.in_second   # the newest article's
    entry = next(e for e in allegations.entries if e.id == sample.allegation)
    assert entry.author == "Alexander Lavrentiev"
    assert entry.summary.startswith("Alleged by Alexander Lavrentiev against Defence Intelligence of Ukraine;")
    assert "contested by 2 statements" in entry.summary
    assert httpx.get(entry.link).status_code == 200


def test_actor_feeds_hold_the_allegations_against_it_and_by_it_and_its_statements(site: Site) -> None:
    nkg = str(NKG)
    against = fetch(f"{site.url}feeds/actor/gur/allegations-against.atom")
    assert [e.id for e in against.entries] == [site.sample.in_second, site.sample.allegation]   # newest first
    assert against.feed.title == "newskg: allegations against Defence Intelligence of Ukraine"
    made = fetch(f"{site.url}feeds/actor/alexander-lavrentiev/allegations-by.atom")
    assert [e.id for e in made.entries] == [site.sample.allegation]
    said = fetch(f"{site.url}feeds/actor/alexander-lavrentiev/statements-by.atom")
    assert {e.id for e in said.entries} == subjects(
        site.store.oxigraph, f"SELECT ?s WHERE {{ ?s <{nkg}speaker> <{site.sample.lavrentiev}> }}")
    assert said.entries and all(e.author == "Alexander Lavrentiev" for e in said.entries)
    assert said.entries[0].tags[0].term == "supports"
    assert fetch(f"{site.url}feeds/actor/hts/allegations-against.atom").entries == []


def test_unknown_actors_and_feeds_are_404(site: Site) -> None:
    article = next(iter(subjects(site.store.oxigraph,
                                 f"SELECT ?a WHERE {{ ?a a <{NKG.NewsArticle}> }}")))
    for path in ("feeds/actor/nobody/allegations-against.atom", "feeds/actor/gur/colours.atom",
                 "feeds/place/aleppo/statements-by.atom",
                 f"feeds/actor/{article.rsplit('/', 1)[-1]}/statements-by.atom"):
        assert httpx.get(site.url + path).status_code == 404, path


def test_pages_link_their_feeds_and_every_link_is_a_valid_feed(site: Site) -> None:
    home = feeds_linked_from(site.url)
    assert {"/feeds/articles.atom", "/feeds/allegations.atom"} <= set(home)
    actor = feeds_linked_from(f"{site.url}id/actor/gur")
    assert {"/feeds/actor/gur/allegations-against.atom", "/feeds/actor/gur/allegations-by.atom",
            "/feeds/actor/gur/statements-by.atom"} <= set(actor)
    for link in set(home) | set(actor):
        fetch(site.url + link.lstrip("/"))


def test_entries_are_newest_first_and_never_link_a_hostile_address(site: Site) -> None:
    articles = fetch(f"{site.url}feeds/articles.atom")
    assert [e.id for e in articles.entries] == [site.sample.second_article, site.sample.first_article]
    assert articles.entries[0].updated.startswith("2024-12-03")
    links = [link.href for entry in articles.entries for link in entry.links]
    assert "https://example.org/first" in links
    assert not any(href.startswith("javascript:") for href in links)


def test_a_write_updates_the_feeds_and_keeps_the_ids_of_what_was_there(site: Site) -> None:
    url = f"{site.url}feeds/articles.atom"
    before = httpx.get(url)
    old_ids = [e.id for e in feedparser.parse(before.content).entries]
    assert httpx.get(url, headers={"If-None-Match": before.headers["etag"]}).status_code == 304
    text = ("Dam talks resume in Tavira\n\nBy Staff Writer\n\nPublished 5 March 2031\n\nNegotiators met in Tavira on "
            "Monday, officials said.\n\n\"The talks will go on,\" said Ines Okafor, the regional mediator.\n")
    written = httpx.post(f"{site.url}articles", params={"name": "tavira.txt"}, content=text.encode(),
                         headers={"Content-Type": "text/plain"}, timeout=120)
    assert written.status_code == 201, written.text
    after = httpx.get(url, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    feed = feedparser.parse(after.content)
    ids = [e.id for e in feed.entries]
    assert set(old_ids) < set(ids)
    new = [e for e in feed.entries if e.id not in old_ids]
    assert len(new) == 1 and new[0].title == "Dam talks resume in Tavira"
    assert ox.NamedNode(new[0].id)   # an IRI, the article's own
