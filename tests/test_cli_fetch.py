"""`newskg ingest URL`, `newskg ingest --feed URL` and `newskg extract URL` against a real web server on 127.0.0.1:
pages and feed entries are fetched and ingested, and each fetch that fails is one failed input of the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from http_site import FIRST, SECOND, HttpSite

from newskg.ingest.cli import main


def test_pages_and_feeds_are_fetched_and_failures_are_counted(local_site: HttpSite, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_FETCH_TIMEOUT", "1")
    monkeypatch.setenv("NEWSKG_MAX_BODY_BYTES", "100000")
    store = tmp_path / "store"
    page, missing, slow, big = (local_site.page(FIRST.name), local_site.url + "missing", local_site.url + "slow",
                                local_site.url + "big")
    feed, not_a_feed = local_site.url + "feed.rss", local_site.url + "not-a-feed"
    code = main(["ingest", page, missing, slow, big, "--feed", feed, "--feed", not_a_feed, "--store", str(store),
                 "--json"])
    printed = json.loads(capsys.readouterr().out)
    outcomes = {o["source"]: o for o in printed}
    assert code == 1 and len(printed) == len(outcomes) == 6   # the page listed in the feed too is fetched once
    assert outcomes[missing]["message"] == f"{missing}: the server answered 404 Not Found"
    assert outcomes[slow]["message"] == f"{slow}: no answer within 1 s"
    assert outcomes[big]["message"] == f"{big}: too large (300000 bytes; the limit is 100000)"
    assert outcomes[not_a_feed]["message"] == f"{not_a_feed}: not an RSS or Atom feed with entries"
    assert {source for source, o in outcomes.items() if o["status"] == "accepted"} == {
        page, local_site.page(SECOND.name)}      # the page named, and the feed's two entries (one the same page)
    # a page that does not name its own address is known by the one it was fetched from
    assert main(["query", f"ASK {{ ?a <https://w3id.org/newskg/ontology/url> \"{page}\"^^"
                          "<http://www.w3.org/2001/XMLSchema#anyURI> }", "--format", "csv", "--store", str(store)]) == 0
    assert capsys.readouterr().out.split() == ["true"]


def test_an_atom_feed_validates_without_writing(local_site: HttpSite, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--feed", local_site.url + "feed.atom"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"accepted {local_site.page(FIRST.name)}: valid: ")
    assert out[-1] == "1 accepted, 0 rejected, 0 failed"


def test_extract_takes_an_address(local_site: HttpSite, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", local_site.url + "moved", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["article"]["text"] and report["actors"]
    assert main(["extract", local_site.url + "missing"]) == 2
    assert capsys.readouterr().err == f"newskg extract: {local_site.url}missing: the server answered 404 Not Found\n"
