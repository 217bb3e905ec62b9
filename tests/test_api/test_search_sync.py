"""The search index follows the store, whoever writes to it: POST /articles (new and replaced), SPARQL Update, the
Graph Store protocol, and `newskg ingest` run while the server was stopped."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from typing import Any, Callable

import httpx
import pytest

from newskg.api.search_index import SearchIndex, default_index_path
from newskg.ingest.cli import main
from newskg.ingest.resources import SEEDS_DIR

QIOSK = (SEEDS_DIR / "qiosk-ukraine-helping-hts.txt").read_text(encoding="utf-8")
MEE = SEEDS_DIR / "mee-ukraine-hts-aleppo.txt"
PHRASE = "150 first-person-view drones"


def search(url: str, q: str, kind: str = "article") -> list[str]:
    """The hits that have the words as typed (none when the search had to loosen them to find anything)."""
    response = httpx.get(url + "search", params={"q": q, "kind": kind}, headers={"accept": "application/json"},
                         timeout=60)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["complete"] is True
    if answer["loosened"]:
        return []
    return [hit["iri"] for group in answer["groups"] for hit in group["hits"]]


def post_article(url: str, text: str) -> None:
    response = httpx.post(url + "articles", params={"name": "qiosk.txt", "url": "https://example.org/qiosk"},
                          content=text.encode(), headers={"Content-Type": "text/plain"}, timeout=180)
    assert response.status_code == 201, response.text


@pytest.mark.backends
def test_search_follows_posts_replacements_updates_and_deletes(live_server: Callable[..., Any]) -> None:
    server = live_server(allow_open_writes=True)
    assert search(server.url, f'"{PHRASE}"') == []

    post_article(server.url, QIOSK)
    found = search(server.url, f'"{PHRASE}"')
    assert len(found) == 1
    article = found[0]

    post_article(server.url, QIOSK.replace(PHRASE, "150 marmalade-flavoured drones"))   # the same URL: replaced
    assert search(server.url, f'"{PHRASE}"') == []
    assert search(server.url, "marmalade") == [article]

    update = f"""PREFIX nkg: <https://w3id.org/newskg/ontology/>
    DELETE {{ GRAPH ?g {{ <{article}> nkg:headline ?old }} }} INSERT {{ GRAPH ?g {{ <{article}> nkg:headline "Quokka diplomacy" }} }}
    WHERE {{ GRAPH ?g {{ <{article}> nkg:headline ?old }} }}"""
    assert httpx.post(server.url + "sparql", data={"update": update}, timeout=60).status_code in {200, 204}
    assert search(server.url, "quokka") == [article]          # an edit that keeps the extraction run

    graph = article.replace("/id/article/", "/graph/article/")
    assert httpx.delete(server.url + "rdf-graph-store", params={"graph": graph}, timeout=60).status_code == 204
    assert search(server.url, "marmalade") == [] and search(server.url, "quokka") == []
    assert search(server.url, "drones", kind="statement") == []


def test_search_catches_up_with_what_the_cli_ingested_while_the_server_was_stopped(
        tmp_path: Any, make_settings: Callable[..., Any], server_starter: Callable[..., Any]) -> None:
    settings = make_settings()

    def ingest(path: str) -> None:
        with redirect_stdout(io.StringIO()):
            assert main(["--store", str(settings.store_dir), "ingest", path]) == 0

    ingest(str(MEE))
    with server_starter(settings) as server:
        assert len(search(server.url, "Lavrentyev envoy")) == 1
        assert search(server.url, f'"{PHRASE}"') == []
    ingest(str(SEEDS_DIR / "qiosk-ukraine-helping-hts.txt"))
    with server_starter(settings) as server:
        assert len(search(server.url, f'"{PHRASE}"')) == 1
        assert len(search(server.url, "Lavrentyev envoy")) == 1
    index = SearchIndex(default_index_path(settings.store_dir))   # kept on disk beside the store, between runs
    try:
        assert len(index.signatures()) == 2
    finally:
        index.close()
