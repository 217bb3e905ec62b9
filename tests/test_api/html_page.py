"""Pages parsed into a tree (lxml) for the tests that look at their structure: allegation lines, stance groups."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from lxml import html as lxml_html
from lxml.html import HtmlElement

HTML = {"accept": "text/html"}


def fetch(url: str) -> HtmlElement:
    response = httpx.get(url, headers=HTML)
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    return lxml_html.fromstring(response.text)


def with_class(name: str, tag: str = "*") -> str:
    """An XPath step for elements whose class attribute holds `name`."""
    return f"{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def find(root: HtmlElement, path: str) -> list[HtmlElement]:
    return list(root.xpath(path))


def one(root: HtmlElement, path: str) -> HtmlElement:
    found = find(root, path)
    assert len(found) == 1, (path, len(found))
    return found[0]


def words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def hrefs(element: HtmlElement) -> set[str]:
    return {str(a.get("href")) for a in element.iter("a")}


@dataclass(frozen=True)
class Line:
    """One "claimants → accused: act" line as a page shows it."""

    claimants: str
    claimant_links: frozenset[str]
    accused_links: frozenset[str]
    act: str
    act_link: str


def allegation_lines(root: HtmlElement) -> list[Line]:
    lines = []
    for line in find(root, ".//" + with_class("allegation-line", "span")):
        claimants = one(line, with_class("claimants", "span"))
        accused = one(line, with_class("accused", "span"))
        act = one(line, with_class("act", "a"))
        lines.append(Line(words(claimants), frozenset(hrefs(claimants)), frozenset(hrefs(accused)), words(act),
                          str(act.get("href"))))
    return lines


def line_of(root: HtmlElement, act_link: str) -> Line:
    found = [line for line in allegation_lines(root) if line.act_link == act_link]
    assert found, f"no allegation line links to {act_link}"
    return found[0]
