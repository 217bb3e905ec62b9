"""In a real browser (Debian's headless Chromium, driven by Playwright): from the home page to the sentence.

Home → search "Lavrentyev" (and "Lavrentiev") → the actor → an allegation he made or answered → a statement
contesting it → the article, with the quote highlighted. Home → an article → its central allegation
→ the responses to it by stance → the same allegation across outlets. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from newskg.ingest.outcome import Status
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.resources import SEEDS_DIR
from newskg.ingest.settings import Settings

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CONTESTING = {"denies", "dismisses", "downplays"}   # the stance scheme's ways of contesting a claim


@pytest.fixture(scope="module")
def seeded_url(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server whose store holds the two seed articles, ingested by the real pipeline."""
    settings = Settings(store_dir=tmp_path_factory.mktemp("browse") / "store", query_timeout=10.0, query_workers=1)
    with server_starter(settings) as server:
        context = server.app.state.context
        result = Pipeline(server.settings, context.store).ingest_paths([SEEDS_DIR])
        assert result.count(Status.ACCEPTED) == 2, result.summary()
        yield server.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_browser.sh (make browser)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"browse-{name}.png"), full_page=True)


def search_and_open_actor(page: Page, base: str, query: str) -> str:
    """Types the query into the home page's search box; returns the first result's link."""
    page.goto(base)
    page.fill("form.search.big input[name=q]", query)
    page.click("form.search.big button")
    page.wait_for_url(re.compile(r"/search\?q="))
    first = page.locator("ol.hits li a").first
    expect(first).to_contain_text(re.compile("Lavrent", re.IGNORECASE))
    return str(first.get_attribute("href"))


def contested_allegation(page: Page, base: str, allegation_links: list[str]) -> str | None:
    """The first allegation someone denies, dismisses or downplays: its contesting side is not empty."""
    for link in allegation_links:
        page.goto(base.rstrip("/") + link)
        if page.locator(".side.contesting .statement-card").count():
            return link
    return None


def test_from_search_to_the_highlighted_quote(browser: Browser, seeded_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        actor = search_and_open_actor(page, seeded_url, "Lavrentyev")
        shot(page, "1-search")
        assert search_and_open_actor(page, seeded_url, "Lavrentiev") == actor  # the other spelling: same actor

        page.goto(seeded_url.rstrip("/") + actor)
        expect(page.locator("h1")).to_contain_text("Lavrentiev")
        expect(page.locator("section.names")).to_contain_text("Lavrentyev")
        shot(page, "2-actor")
        made = [str(a.get_attribute("href")) for a in page.locator("#made ul.claims li a.act").all()]
        answered = [str(a.get_attribute("href")) for a in page.locator("#statements .addressed-allegation > a").all()]
        assert made or answered, "the actor page lists no allegation he made or answered"

        allegation = contested_allegation(page, seeded_url, made + answered)
        assert allegation, "no allegation he made or answered is shown with a statement contesting it"
        shot(page, "3-allegation")
        contesting = page.locator(".side.contesting .statement-card").first
        stance = contesting.locator(".who .stance").inner_text()
        assert stance in CONTESTING, stance

        contesting.locator(".quote a").click()
        page.wait_for_url(re.compile(r"/id/statement/"))
        focus = page.locator(".article-text mark#quote")
        expect(focus).to_be_visible()
        quoted = focus.inner_text()
        shot(page, "4-statement")

        statement_key = page.url.rstrip("/").rsplit("/", 1)[1]
        page.locator("dd a[href*='/id/article/']").first.click()
        page.wait_for_url(re.compile(r"/id/article/"))
        highlighted = page.locator(f"mark#s-{statement_key}")
        expect(highlighted).to_be_visible()
        assert quoted.startswith(highlighted.inner_text().strip())  # the quote's first piece is highlighted
        shot(page, "5-article")
    finally:
        page.close()


def test_from_an_article_to_its_central_allegation_and_across_outlets(browser: Browser, seeded_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(seeded_url)
        lines = page.locator(".allegation-line")
        assert lines.count() > 0
        for line in lines.all():   # "claimant → accused: act", never an empty claimant
            assert line.locator(".claimants").inner_text().strip(), line.inner_text()
            assert line.locator(".accused").inner_text().strip(), line.inner_text()
            assert line.locator("a.act").inner_text().strip(), line.inner_text()

        page.locator("ul.articles a").first.click()
        page.wait_for_url(re.compile(r"/id/article/"))
        central = page.locator("section.central .allegation-line a.act")
        expect(central).to_be_visible()
        expect(page.locator("ul.allegations .badge.central")).to_have_count(1)
        shot(page, "6-article-central")

        central.click()
        page.wait_for_url(re.compile(r"/id/allegation/"))
        expect(page.locator("p.central-note")).to_be_visible()
        cards = page.locator("#matrix .stance-group .statement-card")
        assert cards.count() > 0
        for card in cards.all():   # under the stance of its response, with the statement's words highlighted
            group = card.locator("xpath=ancestor::section[@data-stance]").get_attribute("data-stance")
            assert card.locator(".who .stance").inner_text() == group
            expect(card.locator(".quote mark").first).to_be_visible()
        shot(page, "7-allegation-by-stance")

        page.locator("#elsewhere a[href*='/id/cluster/']").first.click()
        page.wait_for_url(re.compile(r"/id/cluster/"))
        version = page.locator("#versions .version").first
        expect(version.locator(".allegation-line")).to_be_visible()
        expect(version.locator("[data-stance]").first).to_be_visible()
        shot(page, "8-cluster-side-by-side")
    finally:
        page.close()


def test_pages_are_readable_on_a_phone(browser: Browser, seeded_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page.goto(seeded_url)
        allegation = str(page.locator(".allegation-line a.act").first.get_attribute("href"))
        page.goto(seeded_url.rstrip("/") + allegation)
        cluster = str(page.locator("#elsewhere a[href*='/id/cluster/']").first.get_attribute("href"))
        for name, path in (("home", "/"), ("allegation", allegation), ("cluster", cluster)):
            page.goto(seeded_url.rstrip("/") + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390 + 1, f"the {name} page scrolls sideways on a phone ({width}px)"
            shot(page, f"phone-{name}")
    finally:
        page.close()
