"""The SPARQL engines compared, behind one call: run a query, get SPARQL JSON results back (bytes), and the rows
those results hold, so each engine's answer can be checked against the others'."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import httpx
import pyoxigraph as ox

from bench.http_load import JSON_RESULTS, get_ok

Row = tuple[tuple[str, str], ...]
LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*$", re.IGNORECASE)


@dataclass
class Engine:
    name: str
    run: Callable[[str], bytes]      # query text → SPARQL JSON results
    timeout: float = 120.0           # seconds one call may take (HTTP engines raise httpx.TimeoutException)
    restart: Callable[[], None] | None = None
    skip_after: str | None = None    # name of an engine whose timeout means this one would not finish either


def http_engine(name: str, sparql_url: str, client: httpx.Client, timeout: float = 120.0,
                restart: Callable[[], None] | None = None) -> Engine:
    return Engine(name, lambda query: get_ok(client, sparql_url, {"query": query}, JSON_RESULTS, timeout),
                  timeout, restart)


def in_process_engine(store_dir: Path) -> tuple[Engine, ox.Store]:
    """pyoxigraph in this process, on a read-only copy of the same store, union of graphs as default graph."""
    store = ox.Store.read_only(str(store_dir))

    def run(query: str) -> bytes:
        result = store.query(query, use_default_graph_as_union=True)
        return result.serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]

    return Engine("pyoxigraph in-process", run), store


def rows(results: bytes) -> Counter[Row]:
    """The solutions as a multiset of (variable, value) tuples; ASK gives one row with its boolean."""
    data = json.loads(results)
    if "boolean" in data:
        return Counter([(("boolean", str(data["boolean"]).lower()),)])
    solutions = data["results"]["bindings"]
    return Counter(tuple(sorted((var, _value(term)) for var, term in row.items())) for row in solutions)


def _value(term: dict[str, str]) -> str:
    value = term["value"]
    if term["type"] == "literal" or term["type"] == "typed-literal":
        datatype = term.get("datatype", "")
        if datatype.endswith(("#integer", "#decimal", "#double")):
            try:
                return str(float(value))
            except ValueError:
                return value
        return value + ("@" + term["xml:lang"] if "xml:lang" in term else "")
    return ("_:" if term["type"] == "bnode" else "") + value


GROUP_BY = re.compile(r"GROUP\s+BY\s+((?:\?\w+\s*)+)", re.IGNORECASE)


def _empty_group_row(query: str, other: Counter[Row]) -> bool:
    """The one row some engines give for a grouped aggregate with nothing to group: no group key bound in it."""
    grouped = GROUP_BY.search(query)
    if grouped is None or sum(other.values()) != 1:
        return False
    keys = {name.lstrip("?") for name in grouped.group(1).split()}
    [row] = list(other)
    return not any(name in keys for name, _ in row)


def same_answer(query: str, reference: Counter[Row], other: Counter[Row]) -> tuple[bool, str]:
    """Equal solutions; when the query is cut by LIMIT and hit it, ties may differ, so equal counts suffice."""
    limit = LIMIT.search(query.strip())
    truncated = limit is not None and sum(reference.values()) >= int(limit.group(1))
    if truncated:
        ok = sum(reference.values()) == sum(other.values())
        return ok, f"{sum(other.values())} rows (LIMIT reached: row count compared)"
    if not reference and _empty_group_row(query, other):
        return True, "1 rows (an aggregate over no solutions: no row by SPARQL 1.1 §11, one by rdflib)"
    if any(k for row in reference for k, v in row if v.startswith("_:")):
        ok = sum(reference.values()) == sum(other.values())
        return ok, f"{sum(other.values())} rows (blank nodes: row count compared)"
    return reference == other, f"{sum(other.values())} rows"
