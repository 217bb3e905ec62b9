"""The SPARQL behind the pages, run in-process on the store; every query is bounded and recorded for its page.

Each page keeps the list of queries it ran (PageQueries.log), so that it can link to /sparql with each of them.
IRIs enter a query only through `$name` placeholders, checked to be IRIs (no way to close the brackets).
"""

from __future__ import annotations

import re
from string import Template
from typing import Iterable

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import BNode, Node

from newskg.api import label_memo
from newskg.ingest.namespaces import NKG
from newskg.store.interface import Store

PREFIXES = {
    "nkg": str(NKG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "stance": "https://w3id.org/newskg/vocab/stance/",
}
_IRI = re.compile(r"[^<>\"{}|^`\\\x00-\x20]+")
LABEL_PATH = "skos:prefLabel|rdfs:label"
Row = dict[str, Node]


def sparql_iri(iri: str) -> str:
    """`<iri>` for a query; refuses anything that could break out of the brackets."""
    if not _IRI.fullmatch(iri) or ":" not in iri:
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def values_block(variable: str, iris: Iterable[str]) -> str:
    return "VALUES ?" + variable + " { " + " ".join(sparql_iri(i) for i in iris) + " }"


def to_rdflib(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected term {term!r}")


def as_int(term: object, default: int = 0) -> int:
    """The integer value of a literal such as a COUNT; `default` for anything else."""
    try:
        return int(term.toPython()) if isinstance(term, Literal) else default
    except (TypeError, ValueError):
        return default


def local_name_of(term: object | None) -> str:
    """'https://w3id.org/newskg/vocab/stance/denies' → 'denies'; '' for None."""
    if term is None:
        return ""
    text = str(term)
    for separator in ("#", "/"):
        tail = text.rsplit(separator, 1)[-1]
        if separator in text and tail:
            return tail
    return text


def _prologue(text: str) -> str:
    """Only the prefixes the query uses, so the /sparql links stay short and readable."""
    used = [name for name in PREFIXES if f"{name}:" in text]
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in used)


class PageQueries:
    """Runs one page's queries and remembers their text."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.log: list[str] = []

    def text(self, body: str, **iris: str) -> str:
        filled = Template(body).substitute({name: sparql_iri(iri) for name, iri in iris.items()})
        return _prologue(filled) + filled.strip() + "\n"

    def select(self, body: str, **iris: str) -> list[Row]:
        """Rows of a SELECT, listed among the queries shown on the page."""
        query = self.text(body, **iris)
        self.log.append(query)
        return self._rows(query)

    def _rows(self, query: str) -> list[Row]:
        result = self.store.query(query)
        assert isinstance(result, ox.QuerySolutions), "select() needs a SELECT query"
        names = [v.value for v in result.variables]
        rows: list[Row] = []
        converted: dict[object, Node] = {}   # the same IRIs and concepts come back row after row
        for solution in result:
            row: Row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    term = converted.get(value)
                    if term is None:
                        term = converted[value] = to_rdflib(value)
                    row[name] = term
            rows.append(row)
        return rows

    def ask(self, body: str, **iris: str) -> bool:
        result = self.store.query(self.text(body, **iris))
        assert isinstance(result, ox.QueryBoolean), "ask() needs an ASK query"
        return bool(result)

    def count(self, body: str, **iris: str) -> int:
        """`body` selects ?n; a missing row counts as 0."""
        rows = self.select(body, **iris)
        return as_int(rows[0].get("n")) if rows else 0

    def construct(self, body: str, **iris: str) -> ox.QueryTriples:
        result = self.store.query(self.text(body, **iris))
        assert isinstance(result, ox.QueryTriples), "construct() needs a CONSTRUCT query"
        return result

    def labels(self, iris: Iterable[Node | str]) -> dict[str, str]:
        """Preferred label of each IRI that has one: skos:prefLabel first, then rdfs:label (or the quoted text)."""
        wanted = sorted({str(i) for i in iris if isinstance(i, URIRef) or type(i) is str})
        return label_memo.SHARED.labels(self.store, wanted, self._look_up_labels)

    def _look_up_labels(self, wanted: list[str]) -> dict[str, str]:
        preferred: dict[str, str] = {}
        plain: dict[str, str] = {}
        for start in range(0, len(wanted), 400):
            body = ("SELECT DISTINCT ?s ?kind ?label WHERE { " + values_block("s", wanted[start:start + 400]) +
                    " { ?s skos:prefLabel ?label BIND(1 AS ?kind) } UNION { ?s rdfs:label ?label BIND(2 AS ?kind) } }")
            for row in self._rows(self.text(body)):
                target = preferred if str(row["kind"]) == "1" else plain
                target.setdefault(str(row["s"]), str(row["label"]))
        found = plain | preferred
        return found | self._quoted_text([iri for iri in wanted if iri not in found])

    def _quoted_text(self, iris: list[str]) -> dict[str, str]:
        """Mentions and text selectors have no label: they are shown by the text they point at."""
        quoted: dict[str, str] = {}
        for start in range(0, len(iris), 400):
            body = ("SELECT DISTINCT ?s ?exact WHERE { " + values_block("s", iris[start:start + 400]) +
                    " { ?s nkg:exact ?exact } UNION { ?s nkg:evidence/nkg:exact ?exact } }")
            for row in self._rows(self.text(body)):
                text = " ".join(str(row["exact"]).split())
                quoted.setdefault(str(row["s"]), "“" + (text if len(text) <= 80 else text[:79] + "…") + "”")
        return quoted


# --- queries shared by every resource page -----------------------------------------------------------------
EXISTS = "ASK { { $s ?p ?o } UNION { ?x ?q $s } }"

TYPES = "SELECT DISTINCT ?type WHERE { $s a ?type } LIMIT 50"

OUTGOING = "SELECT DISTINCT ?p ?o WHERE { $s ?p ?o } LIMIT 1000"

INCOMING_COUNTS = """SELECT ?p (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x ?p $s }
GROUP BY ?p ORDER BY DESC(?n) LIMIT 50"""

INCOMING_PAGE = """SELECT DISTINCT ?x WHERE { ?x $p $s } LIMIT $limit OFFSET $offset"""

DESCRIBE = """CONSTRUCT { $s ?p ?o . ?x ?q $s . }
WHERE { { SELECT DISTINCT ?p ?o WHERE { $s ?p ?o } LIMIT 10000 }
        UNION { SELECT DISTINCT ?x ?q WHERE { ?x ?q $s } LIMIT 2000 } }"""

GRAPH_SIZE = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH $g { ?s ?p ?o } }"

GRAPH_TYPES = """SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH $g { ?s a ?type } }
GROUP BY ?type ORDER BY DESC(?n) LIMIT 50"""

GRAPH_PROVENANCE = """SELECT ?p ?o WHERE { GRAPH $g { $g ?p ?o } } LIMIT 50"""


def incoming_page(queries: PageQueries, subject: str, prop: str, limit: int, offset: int) -> list[Row]:
    body = INCOMING_PAGE.replace("$limit", str(int(limit))).replace("$offset", str(int(offset)))
    return queries.select(body, s=subject, p=prop)
