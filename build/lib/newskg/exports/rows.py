"""SELECT results as rows of plain strings: what the exports need from the store, and nothing more."""

from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from newskg.ingest.namespaces import NKG
from newskg.store.interface import Store

PREFIXES = f"""PREFIX nkg: <{NKG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
Row = dict[str, str]


def iri_values(variable: str, iris: Iterable[str]) -> str:
    """`VALUES ?variable { <a> <b> }`; pyoxigraph refuses anything that is not an IRI, so nothing can break out."""
    return "VALUES ?" + variable + " { " + " ".join(str(ox.NamedNode(iri)) for iri in iris) + " }"


def select(store: Store, body: str) -> list[Row]:
    """Rows of a SELECT (the prefixes above are declared for it); unbound variables are left out of a row."""
    result = store.query(PREFIXES + body)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("select() needs a SELECT query")
    names = [variable.value for variable in result.variables]
    rows: list[Row] = []
    for solution in result:
        row: Row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        rows.append(row)
    return rows


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its '#' or last '/': nkg:claimant → 'claimant'."""
    return iri.rstrip("/").replace("#", "/").rsplit("/", 1)[-1]
