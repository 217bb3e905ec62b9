"""Jinja2 rendering of the pages: autoescaping on, links to local pages, the RDF twins and the queries behind."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Literal, URIRef

from newskg.api.page_queries import PREFIXES, local_name_of
from newskg.ingest.iris import IriMinter
from newskg.ingest.term_pages import term_page

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
CHARTS_SCRIPT = Path(__file__).resolve().parent / "static" / "vendor" / "echarts" / "echarts.min.js"
# the RDF twins of every resource page: (suffix, media type, name shown)
RDF_ALTERNATES = [
    ("ttl", "text/turtle", "Turtle"),
    ("jsonld", "application/ld+json", "JSON-LD"),
    ("nt", "application/n-triples", "N-Triples"),
    ("rdf", "application/rdf+xml", "RDF/XML"),
]
# a named graph's twins are its content; quad formats would lose nothing but are left to the dataset dumps
GRAPH_ALTERNATES = RDF_ALTERNATES
WIKIDATA_PREFIX = "http://www.wikidata.org/entity/"


def sparql_link(query: str) -> str:
    return "/sparql?" + urlencode({"query": query})


def link_header(path: str, alternates: Iterable[tuple[str, str, str]]) -> str:
    links = [f'<{quote(path)}>; rel="alternate"; type="text/html"']
    links += [f'<{quote(path)}.{suffix}>; rel="alternate"; type="{media}"' for suffix, media, _ in alternates]
    return ", ".join(links)


class Renderer:
    def __init__(self, minter: IriMinter) -> None:
        self.minter = minter
        self.env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(href=self.href, short=self.short, sparql_link=sparql_link,
                                is_iri=lambda v: isinstance(v, URIRef), is_literal=lambda v: isinstance(v, Literal),
                                is_wikidata=lambda v: str(v).startswith(WIKIDATA_PREFIX),
                                charts_installed=CHARTS_SCRIPT.is_file)  # scripts/install_echarts.sh
        self.env.filters["local_name"] = local_name_of
        self.env.filters["clip"] = clip
        self.env.filters["when"] = when
        # rdflib terms never equal plain strings, and label dicts are keyed by plain strings
        self.env.filters["key"] = lambda value: str(value)
        # only web addresses from article metadata become links (never javascript: or data:)
        self.env.tests["web_url"] = lambda value: str(value).lower().startswith(("http://", "https://"))

    def href(self, iri: object) -> str:
        """Where a resource's page is on this server: minted IRIs and vocabulary terms by their path (ingest/iris.py,
        ingest/term_pages.py), any other by /resource?iri=."""
        text = str(iri)
        if self.minter.is_minted(text):
            return quote(self.minter.local_path(text))
        local = term_page(text)
        if local is not None:
            return quote(local, safe="/#")
        return "/resource?" + urlencode({"iri": text})

    def short(self, iri: object) -> str:
        """A compact name for an IRI with no label: nkg:Person, actor/nato."""
        text = str(iri)
        if self.minter.is_minted(text):
            return self.minter.local_path(text).removeprefix("/id/")
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return text

    def render(self, template: str, **values: Any) -> str:
        return self.env.get_template(template).render(**values)

    def page(self, template: str, *, status: int = 200, headers: dict[str, str] | None = None,
             **values: Any) -> HTMLResponse:
        return HTMLResponse(self.render(template, **values), status_code=status, headers=headers)


def clip(text: object, length: int = 300) -> str:
    value = " ".join(str(text).split())
    return value if len(value) <= length else value[: length - 1].rstrip() + "…"


_START_OF_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})T00:00:00")


def when(value: object, granularity: object = None) -> str:
    """A date as the data holds it (the start of its period, ingest/mapping.py) at the precision it is known:
    '2024-11-01T00:00:00' → '2024-11-01', or '2024-11' with granularity month, '2024' with year."""
    text = str(value)
    found = _START_OF_DAY.fullmatch(text)
    if found is None:
        return text
    year, month, day = found.groups()
    precision = local_name_of(granularity) if granularity else "day"
    return {"year": year, "month": f"{year}-{month}"}.get(precision, f"{year}-{month}-{day}")

