"""store.sparql_text: keywords outside strings, IRIs, comments and names; the protocol's USING clauses."""

from __future__ import annotations

import pyoxigraph as ox

from newskg.store.sparql_text import (names_dataset, query_form, remote_operations, with_using_clauses,
                                without_silent_remote_operations)


def test_from_is_seen_only_as_a_keyword() -> None:
    assert names_dataset("SELECT * FROM <http://g> { ?s ?p ?o }")
    assert names_dataset("select * from named <http://g> { graph ?g { ?s ?p ?o } }")
    assert not names_dataset('SELECT * { ?s ?p "FROM" } # FROM in a comment')
    assert not names_dataset("PREFIX from: <http://x/> SELECT ?from { ?from from:p <http://x/FROM> }")


def test_remote_operations() -> None:
    assert remote_operations("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }") == ["SERVICE"]
    assert remote_operations("load <http://x/data.ttl>") == ["LOAD"]
    assert remote_operations("SELECT * { ?s ?p 'SERVICE' . ?s ?p \"\"\"LOAD\nx\"\"\"@en }") == []
    assert remote_operations("SELECT * { ?s <http://x/SERVICE> ?o . ?s ?p \"x\"@load }") == []


def test_query_form() -> None:
    assert query_form("PREFIX ex: <http://x/> # SELECT\nCONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s { ?s ?p ?o } } }") == "CONSTRUCT"
    assert query_form("ask {}") == "ASK"
    assert query_form("nonsense") is None


def test_using_clauses_go_before_each_where_of_a_modify() -> None:
    store = ox.Store()
    store.update("INSERT DATA { GRAPH <urn:g1> { <urn:a> <urn:p> 1 } GRAPH <urn:g2> { <urn:b> <urn:p> 2 } }")
    update = ("INSERT { GRAPH <urn:out> { ?s <urn:seen> ?o } } WHERE { ?s <urn:p> ?o } ;\n"
              "DELETE WHERE { GRAPH <urn:nothing> { ?s ?p ?o } }")
    rewritten = with_using_clauses(update, ["urn:g1"], [])
    assert rewritten.count("USING <urn:g1>") == 1
    store.update(rewritten)
    seen = {str(q.subject.value) for q in store.quads_for_pattern(None, ox.NamedNode("urn:seen"), None, None)}
    assert seen == {"urn:a"}
    assert with_using_clauses(update, [], []) == update


def test_silent_remote_operations_become_what_their_failure_gives() -> None:
    query = ("SELECT * { ?s ?p ?o . SERVICE SILENT <http://x/sparql> { ?s ?q ?r { ?a ?b ?c } } "
             "OPTIONAL { service silent ?endpoint { } } SERVICE <http://y/sparql> { ?s ?p 'SERVICE SILENT' } }")
    assert without_silent_remote_operations(query) == (
        "SELECT * { ?s ?p ?o . {} OPTIONAL { {} } SERVICE <http://y/sparql> { ?s ?p 'SERVICE SILENT' } }")
    update = "LOAD SILENT <http://x/a> ; LOAD SILENT ex:b INTO GRAPH <urn:g> ; LOAD <http://x/c>"
    assert without_silent_remote_operations(update) == "INSERT DATA {} ; INSERT DATA {} ; LOAD <http://x/c>"
    store = ox.Store()
    store.update(without_silent_remote_operations("PREFIX ex: <http://x/> " + update.rsplit(";", 1)[0]))
    assert len(store) == 0 and list(store.named_graphs()) == []
