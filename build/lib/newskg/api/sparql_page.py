"""The HTML query page at /sparql: YASGUI when installed, a plain form otherwise, with the canned examples."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from newskg.api.canned_queries import load_canned_queries
from newskg.ingest.settings import Settings

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATE_DIR = Path(__file__).parent / "templates"
PLAIN_FORM_FORMATS = (("json", "JSON (SPARQL results or JSON-LD)"), ("xml", "XML (SPARQL results or RDF/XML)"),
                      ("csv", "CSV"), ("tsv", "TSV"), ("turtle", "Turtle"), ("ntriples", "N-Triples"))


class QueryPage:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._environment = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]))
        self._examples = load_canned_queries()

    @staticmethod
    def yasgui_installed() -> bool:
        return (STATIC_DIR / "yasgui" / "yasgui.min.js").is_file()

    def render(self, endpoint: str, query: str = "") -> str:
        return self._environment.get_template("sparql.html").render(
            endpoint=endpoint, action="/sparql", home="/", static="/static/", yasgui=self.yasgui_installed(),
            examples=self._examples, query=query or (self._examples[0].text if self._examples else ""),
            formats=PLAIN_FORM_FORMATS, timeout=f"{self._settings.query_timeout:g}",
            max_results=f"{self._settings.max_results:,}")
