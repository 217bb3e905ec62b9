"""The pictures in a real browser (Debian's headless Chromium) over 200 generated articles: the network of who
accuses whom for the whole store and around an actor, an actor's timeline and an allegation's appearances across
outlets; drawn from files the service serves itself (nothing fetched from elsewhere), clickable through to the
allegation, and a plain list without JavaScript. Screenshots go to tests/artifacts/pictures-*.png."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator
from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from newskg.ingest.settings import Settings
from test_browse import ARTIFACTS, browser  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NETWORK = "figure.picture-network"
TIMELINE = "figure.picture-timeline"

# the pixel position (in the page) of the middle of the network's edge that stands clearest of every other node, label
# and edge, and where that edge leads; a timeline's first point and where it leads
EDGE_MIDDLE = """figure => {
  const element = figure.querySelector('.chart');
  const chart = echarts.getInstanceByDom(element);
  const pixel = point => chart.convertToPixel({seriesIndex: 0}, point);
  const graph = chart.getModel().getSeriesByIndex(0).getGraph();
  const curve = edge => {
    const [a, b, control] = edge.getLayout();
    const c = control || [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    return Array.from({length: 21}, (_, i) => i / 20).map(t => pixel([
      (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t ** 2 * b[0],
      (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t ** 2 * b[1]]));
  };
  const curves = graph.edges.map(curve);
  const nodes = graph.nodes.map(node => pixel(node.getLayout()));
  const labelled = graph.nodes.map(node => node.getModel().get(['label', 'show']));
  let best = null;
  graph.edges.forEach((edge, index) => {
    const [x, y] = curves[index][10];
    let clearance = Infinity;
    nodes.forEach(([nx, ny], n) => {
      clearance = Math.min(clearance, Math.hypot(nx - x, ny - y) - 20);
      if (labelled[n] && x > nx && x < nx + 160) { clearance = Math.min(clearance, Math.abs(ny - y) - 10); }
    });
    curves.forEach((other, o) => {
      if (o !== index) { other.forEach(([px, py]) => { clearance = Math.min(clearance, Math.hypot(px - x, py - y)); }); }
    });
    if (!best || clearance > best.clearance) { best = {clearance, x, y, href: edge.getModel().option.href}; }
  });
  const box = element.getBoundingClientRect();
  return {x: box.left + best.x, y: box.top + best.y, href: best.href, clearance: best.clearance};
}"""
FIRST_POINT = """figure => {
  const element = figure.querySelector('.chart');
  const chart = echarts.getInstanceByDom(element);
  const option = chart.getOption();
  const index = option.series.findIndex(s => s.data.length);
  const point = option.series[index].data[0];
  const [x, y] = chart.convertToPixel({seriesIndex: index}, point.value);
  const box = element.getBoundingClientRect();
  return {x: box.left + x, y: box.top + y, href: point.href};
}"""


@pytest.fixture(scope="module")
def site(corpus_store: Any, server_starter: Callable[..., Any]) -> Iterator[str]:
    settings = Settings(store_dir=corpus_store.store_dir, query_timeout=20.0, query_workers=1)
    with server_starter(settings, corpus_store.app_factory) as server:
        yield server.url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlparse(request.url).hostname not in {"127.0.0.1", None} and not request.url.startswith("data:")
            else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert elsewhere == [], "the page fetched from outside the service"
    assert errors == [], "the page's scripts failed"


def shot(page: Page, name: str, selector: str | None = None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = page.locator(selector).first if selector else page
    target.screenshot(path=str(ARTIFACTS / f"pictures-{name}.png"))


def drawn(page: Page, figure: str) -> None:
    expect(page.locator(f"{figure} .chart[data-drawn=true]").first).to_be_visible()
    assert page.locator(f"{figure} .chart svg path").count() > 10
    expect(page.locator(f"{figure} details.as-list").first).not_to_have_attribute("open", "")


def busiest_actor(site: str) -> str:
    network = httpx.get(site + "network", headers={"accept": "application/json"}, timeout=60).json()
    return max(network["nodes"], key=lambda node: node["allegations"])["href"]


def test_the_whole_stores_network_is_drawn_by_the_service_own_copy_of_echarts(site: str, page: Page) -> None:
    page.goto(site + "network")
    drawn(page, NETWORK)
    scripts = [str(s.get_attribute("src")) for s in page.locator("script[src]").all()]
    assert "/static/vendor/echarts/echarts.min.js" in scripts and all(s.startswith("/static/") for s in scripts)
    assert httpx.get(site + "static/vendor/echarts/echarts.min.js", timeout=60).status_code == 200
    shot(page, "network-store", NETWORK)


def sparse_actor(site: str) -> str:
    """An actor party to a few allegations, whose network has room between its arrows."""
    network = httpx.get(site + "network", headers={"accept": "application/json"}, timeout=60).json()
    for node in sorted((n for n in network["nodes"] if 4 <= n["allegations"] <= 10),
                       key=lambda node: (node["allegations"], node["href"])):
        around = httpx.get(site + "network", params={"actor": node["href"]}, headers={"accept": "application/json"},
                           timeout=60).json()
        if 4 <= len(around["edges"]) <= 12:
            return str(node["href"])
    raise AssertionError("no actor is party to between 4 and 12 allegations")


def test_an_arrow_of_the_network_opens_its_allegation(site: str, page: Page) -> None:
    page.goto(site.rstrip("/") + sparse_actor(site))
    drawn(page, NETWORK)
    shot(page, "network-actor", NETWORK)
    edge = page.locator(NETWORK).first.evaluate(EDGE_MIDDLE)
    assert edge["href"].startswith("/id/allegation/") and edge["clearance"] > 4, edge
    page.mouse.click(edge["x"], edge["y"])
    page.wait_for_url(re.compile(r"/id/allegation/"))
    assert urlparse(page.url).path == edge["href"]


def test_an_actors_timeline_is_drawn_and_its_points_open(site: str, page: Page) -> None:
    page.goto(site.rstrip("/") + busiest_actor(site))
    drawn(page, TIMELINE)
    lanes = page.locator(f"{TIMELINE} .chart svg text").all_text_contents()
    assert {"Alleged", "Accused of", "Said"} & set(lanes)
    shot(page, "timeline-actor", TIMELINE)
    point = page.locator(TIMELINE).first.evaluate(FIRST_POINT)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(re.compile(r"/id/(allegation|statement)/"))
    assert urlparse(page.url).path == point["href"]


def test_an_allegations_appearances_across_outlets(site: str, page: Page) -> None:
    response = httpx.get(site + "sparql", timeout=60, headers={"accept": "application/sparql-results+json"}, params={
        "query": """PREFIX nkg: <https://w3id.org/newskg/ontology/>
        SELECT ?member (COUNT(DISTINCT ?publisher) AS ?outlets) WHERE { ?cluster nkg:hasMember ?member , ?other .
          ?member a nkg:Allegation . ?other nkg:inArticle/nkg:publisher ?publisher }
        GROUP BY ?member ORDER BY DESC(?outlets) ?member LIMIT 1"""})
    best = response.json()["results"]["bindings"][0]
    assert int(best["outlets"]["value"]) >= 3
    page.goto(site.rstrip("/") + urlparse(best["member"]["value"]).path)
    drawn(page, TIMELINE)
    outlets = [t for t in page.locator(f"{TIMELINE} .chart svg text").all_text_contents() if t.strip()]
    listed = page.locator(f"{TIMELINE} .timeline-list .badge").all_text_contents()
    assert sum(1 for lane in set(listed) if lane in outlets) >= 3, (outlets, listed)
    shot(page, "timeline-allegation", TIMELINE)


def test_without_javascript_each_picture_is_a_list(site: str, browser: Browser) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site.rstrip("/") + busiest_actor(site))
        expect(page.locator(f"{NETWORK} .chart")).to_be_hidden()
        rows = page.locator(f"{NETWORK} table.network-list tbody tr")
        assert rows.count() > 0
        expect(rows.first.locator("a.allegation")).to_be_visible()
        assert page.locator(f"{TIMELINE} .timeline-list li").count() > 0
        shot(page, "no-javascript", "#pictures")
        href = str(rows.first.locator("a.allegation").get_attribute("href"))
        rows.first.locator("a.allegation").click()
        page.wait_for_url(re.compile(re.escape(href) + "$"))
    finally:
        context.close()
