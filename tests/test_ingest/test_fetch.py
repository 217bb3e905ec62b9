"""ingest.fetch against a real web server on 127.0.0.1: pages and feeds come back whole, and every way a fetch fails
is a FetchError that names the address and the reason."""

from __future__ import annotations

import socket

import pytest
from http_site import FIRST, SECOND, HttpSite

from newskg.ingest.errors import FetchError
from newskg.ingest.fetch import FetchLimits, feed_links, fetch, is_url

LIMITS = FetchLimits(max_bytes=100_000, seconds=1.0)


def test_a_page_comes_back_with_its_media_type(local_site: HttpSite) -> None:
    page = fetch(local_site.page(FIRST.name), LIMITS)
    assert page.data == FIRST.read_bytes() and page.media_type == "text/plain"
    assert page.url == local_site.page(FIRST.name)


def test_redirects_are_followed_and_the_final_address_kept(local_site: HttpSite) -> None:
    assert fetch(local_site.url + "moved", LIMITS).url == local_site.page(FIRST.name)


def test_rss_and_atom_feeds_give_their_article_links(local_site: HttpSite) -> None:
    assert feed_links(local_site.url + "feed.rss", LIMITS) == [local_site.page(FIRST.name),
                                                               local_site.page(SECOND.name)]
    assert feed_links(local_site.url + "feed.atom", LIMITS) == [local_site.page(FIRST.name)]   # relative, resolved


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(("path", "reason"), [
    ("missing", "the server answered 404 Not Found"),
    ("slow", "no answer within 1 s"),
    ("big", "too large (300000 bytes; the limit is 100000)"),
    ("big-undeclared", "too large (more than 100000 bytes)"),
    ("loop", "more than 5 redirects"),
])
def test_each_failure_names_the_address_and_why(local_site: HttpSite, path: str, reason: str) -> None:
    url = local_site.url + path
    with pytest.raises(FetchError) as caught:
        fetch(url, LIMITS)
    assert str(caught.value) == f"{url}: {reason}"


def test_nothing_listening_and_not_a_feed_are_clear_errors(local_site: HttpSite) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/news"
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/news: cannot fetch \(Connection refused\)$"):
        fetch(url, LIMITS)
    with pytest.raises(FetchError, match=r"/not-a-feed: not an RSS or Atom feed with entries"):
        feed_links(local_site.url + "not-a-feed", LIMITS)


@pytest.mark.parametrize(("text", "answer"), [("https://example.org/a", True), ("http://127.0.0.1:8/x", True),
                                              ("ftp://example.org/a", False), ("seeds/a.txt", False),
                                              ("https:/collapsed", False)])
def test_what_counts_as_an_address(text: str, answer: bool) -> None:
    assert is_url(text) is answer
    if not answer:
        with pytest.raises(FetchError, match="not an http:// or https:// address"):
            fetch(text, LIMITS)
