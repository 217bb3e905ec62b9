"""Dates are held as the start of their period (xsd:dateTime, an OWL 2 datatype) and shown at the precision they are
known; term IRIs are compared whole (slash IRIs: no '#' to split on)."""

from __future__ import annotations

import pytest
from pages_sample import Site, site  # noqa: F401  (fixture)
from test_pages import get_page

from newskg.api.pages_render import when
from newskg.ingest.namespaces import GRANULARITY


@pytest.mark.parametrize(("value", "granularity", "shown"), [
    ("2024-11-30T00:00:00", None, "2024-11-30"), ("2024-11-01T00:00:00", GRANULARITY.month, "2024-11"),
    ("2024-01-01T00:00:00", GRANULARITY.year, "2024"), ("2024-11-30T00:00:00", GRANULARITY.day, "2024-11-30"),
    ("in early December", None, "in early December"), ("2024-11-30T10:15:00", None, "2024-11-30T10:15:00")])
def test_a_date_is_shown_at_its_precision(value: str, granularity: object, shown: str) -> None:
    assert when(value, granularity) == shown


def test_pages_show_publication_and_event_dates_as_dates(site: Site) -> None:
    home = get_page(site, "/")
    assert "2024-12-03" in home.text and "T00:00:00" not in home.text
    article = get_page(site, site.path(site.sample.first_article))
    assert "Published 2024-12-02" in article.text
    hts = next(actor.iri for actor in site.sample.first.actors if actor.label == "HTS")
    actor = get_page(site, site.path(hts))
    assert "2024-11-30" in actor.text and "2024-11-30T00:00:00" not in actor.text.split("All properties")[0]


def test_an_actor_page_shows_its_role_and_affiliation_from_the_registry(site: Site) -> None:
    page = get_page(site, "/id/actor/alexander-lavrentiev")
    assert "Russia's presidential envoy for Syria" in page.text
    assert "/id/actor/russia" in page.hrefs()
