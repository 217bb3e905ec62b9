"""ingest.distinct_triples: each triple once, in order, whatever the bit table's collisions; the store's triple dumps."""

from __future__ import annotations

import io

import pyoxigraph as ox

from newskg.ingest.distinct_triples import count_distinct_triples, distinct_triples
from newskg.store.embedded import OxigraphStore


def quads(count: int, graphs: int) -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"urn:x:s{i % count}"), ox.NamedNode("urn:x:p"), ox.Literal(i % count),
                    ox.NamedNode(f"urn:x:g{i % graphs}")) for i in range(count * 3)]


def test_each_triple_once_in_first_seen_order_even_with_a_crowded_bit_table() -> None:
    data = quads(60_000, 7)  # 180k quads in the smallest table (65,536 bits): most slots collide
    triples = list(distinct_triples(lambda: data, expected_quads=0))
    assert len(triples) == 60_000 == len(set(triples))
    assert triples[:3] == [q.triple for q in data[:3]]
    assert count_distinct_triples(lambda: data, expected_quads=len(data)) == 60_000


def test_blank_nodes_of_different_graphs_stay_apart() -> None:
    shared, other = ox.BlankNode("b1"), ox.BlankNode("b2")
    data = [ox.Quad(shared, ox.NamedNode("urn:x:p"), ox.Literal(1), ox.NamedNode("urn:x:g1")),
            ox.Quad(shared, ox.NamedNode("urn:x:p"), ox.Literal(1), ox.NamedNode("urn:x:g2")),
            ox.Quad(other, ox.NamedNode("urn:x:p"), ox.Literal(1), ox.NamedNode("urn:x:g2"))]
    assert list(distinct_triples(lambda: data, 3)) == [data[0].triple, data[2].triple]


def test_the_stores_triple_dumps_hold_each_triple_once_and_json_ld_keeps_graphs() -> None:
    store = OxigraphStore(None)
    store.oxigraph.extend(quads(50, 3))
    turtle, json_ld = io.BytesIO(), io.BytesIO()
    store.dump(turtle, "text/turtle")
    store.dump(json_ld, "application/ld+json")
    assert len(list(ox.parse(turtle.getvalue(), ox.RdfFormat.TURTLE))) == 50
    assert set(ox.parse(json_ld.getvalue(), ox.RdfFormat.JSON_LD)) == set(quads(50, 3))
