"""Presets for the SPARQL 1.1 services newskg runs on: where each engine keeps its query, update and Graph Store
endpoints, and what else differs between them (how the union default graph is asked for, which graphs are the
engine's own, how the whole dataset is downloaded, which authentication its write endpoints use).

Tested here: oxigraph (PyPI `oxigraph`, `oxigraph serve`) and virtuoso (Debian's Virtuoso Open Source 7.2).
Documented targets of the same protocols, not run by the tests: fuseki (Apache Jena, TDB2) and qlever.
`sparql` is any other service: its endpoints come from settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EnginePreset:
    name: str
    query_path: str                     # appended to the store URL's path
    update_path: str
    graph_store_path: str | None        # Graph Store Protocol (?graph=IRI, ?default); None: writes use Update
    dataset_path: str | None = None     # GET with Accept: application/n-quads answers the whole dataset
    union_parameter: str | None = None  # a query parameter that makes the default graph the union of all graphs
    update_field: str = "update"        # the form field an update travels in
    default_auth: str | None = None     # the scheme its write endpoints expect, when credentials are given
    timeout_parameter: str | None = None   # a query parameter giving the engine a time limit (milliseconds)
    own_graph_prefixes: tuple[str, ...] = field(default_factory=tuple)  # the engine's graphs, not the dataset's
    graph_list_query: str = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    register_graphs: bool = False       # a graph written through the Graph Store must be CREATEd to be DROPpable


PRESETS: dict[str, EnginePreset] = {
    "oxigraph": EnginePreset(
        "oxigraph", query_path="/query", update_path="/update", graph_store_path="/store", dataset_path="/store",
        union_parameter="union-default-graph", graph_list_query="SELECT ?g WHERE { GRAPH ?g { } }"),
    # Virtuoso: its default graph already is the union of all graphs (its own included); updates and Graph Store
    # writes need an account with the SPARQL_UPDATE role, through the digest-protected endpoints
    "virtuoso": EnginePreset(
        "virtuoso", query_path="/sparql", update_path="/sparql-auth", graph_store_path="/sparql-graph-crud-auth",
        update_field="query", default_auth="digest", timeout_parameter="timeout", register_graphs=True,
        own_graph_prefixes=("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/",
                            "http://www.w3.org/2002/07/owl", "http://localhost:8890/", "virtrdf:")),
    # Fuseki: the URL names the dataset (fuseki+http://host:3030/newskg); the union default graph is a setting of
    # the TDB2 dataset (tdb2:unionDefaultGraph true), not a request parameter
    "fuseki": EnginePreset(
        "fuseki", query_path="/query", update_path="/update", graph_store_path="/data", dataset_path="",
        default_auth="basic"),
    # QLever: one endpoint for query and update; writes need its access token (bearer); no Graph Store writes in
    # the releases documented here, so a graph is replaced by one DROP + INSERT DATA update
    "qlever": EnginePreset(
        "qlever", query_path="", update_path="", graph_store_path=None, default_auth="bearer"),
    "sparql": EnginePreset("sparql", query_path="", update_path="", graph_store_path=None),
}
