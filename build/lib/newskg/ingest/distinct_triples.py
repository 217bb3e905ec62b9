"""Each triple of a dataset once: what a triple syntax (Turtle, N-Triples, RDF/XML) can hold of named graphs.

A triple held in several graphs (a label repeated by the articles that name an actor, say) would otherwise be written
once per graph. Remembering every triple would cost memory in proportion to the store, so the quads are read twice:
the first pass marks each triple's hash in a bit table of about 8 bytes a quad, and notes the hashes met more than
once; the second pass writes every triple whose hash was met once straight away, and remembers only the few others
(true repeats, and the rare hash collisions, which are then told apart exactly).
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

BITS_PER_QUAD = 64  # about 1.5 % of the quads become candidates by collision in the bit table
MIN_BITS = 1 << 16


def distinct_triples(quads: Callable[[], Iterable[ox.Quad]], expected_quads: int) -> Iterator[ox.Triple]:
    """The triples of quads() in their order, each once. quads() is called twice and must give the same quads;
    expected_quads sizes the bit table (an estimate: too low costs time, never correctness)."""
    bits = max(MIN_BITS, expected_quads * BITS_PER_QUAD)
    table = bytearray(bits // 8 + 1)
    candidates: set[int] = set()
    for quad in quads():
        key = hash(quad.triple)
        slot = key % bits
        if table[slot >> 3] & (1 << (slot & 7)):
            candidates.add(key)
        else:
            table[slot >> 3] |= 1 << (slot & 7)
    del table
    written: set[ox.Triple] = set()
    for quad in quads():
        triple = quad.triple
        if hash(triple) not in candidates:
            yield triple
        elif triple not in written:
            written.add(triple)
            yield triple


def count_distinct_triples(quads: Callable[[], Iterable[ox.Quad]], expected_quads: int) -> int:
    return sum(1 for _ in distinct_triples(quads, expected_quads))
