"""A read-only rdflib Graph over plain dict indexes, for graphs that are read many times and never changed.

pyshacl looks up the data graph (and its own shapes graph) tens of thousands of times per validation, each time
through rdflib's context-aware Memory store, which spends most of that time on context bookkeeping that a single
graph does not need. IndexedGraph holds a snapshot of the triples in plain dicts, so that a lookup is a dict access
or two. Every Graph method that reads (objects, subjects, value, items, transitive_*, len, in, iteration, property
paths) goes through triples() and so through the indexes. Adding a new triple raises, and so does SPARQL (the
snapshot's triples are not in an rdflib store).
"""

from __future__ import annotations

from collections.abc import Collection, Generator, Iterable, Iterator
from typing import Any, NoReturn

from rdflib import Graph
from rdflib.paths import Path
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


class IndexedGraph(Graph):
    """A frozen snapshot of the given triples (duplicates kept once), with the namespace bindings of `like`.

    Two nested indexes, subject → predicate → objects and predicate → object → subjects, answer every pattern with
    a bound subject or predicate; the object index (for patterns binding only the object) is built on first use.
    (rdflib terms hash slowly, so each triple is hashed into as few dicts as will do.)
    """

    def __init__(self, triples: Iterable[Triple], like: Graph | None = None) -> None:
        super().__init__()
        if like is not None:
            self.namespace_manager = like.namespace_manager
        self._spo: dict[Node, dict[Node, dict[Node, None]]] = {}
        self._pos: dict[Node, dict[Node, list[Node]]] = {}
        self._osp: dict[Node, list[Triple]] | None = None
        self._size = 0
        spo, pos = self._spo, self._pos
        for s, p, o in triples:
            objects = spo.setdefault(s, {}).setdefault(p, {})
            if o in objects:
                continue
            objects[o] = None
            pos.setdefault(p, {}).setdefault(o, []).append(s)
            self._size += 1

    def triples(self, triple: Any) -> Generator[Any, None, None]:  # type: ignore[override]
        s, p, o = triple
        if isinstance(p, Path):
            for s_, o_ in p.eval(self, s, o):
                yield s_, p, o_
            return
        yield from self._matching(s, p, o)

    def _matching(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        if s is not None:
            by_predicate = self._spo.get(s)
            if by_predicate is None:
                return
            if p is not None:
                objects = by_predicate.get(p)
                if objects is None:
                    return
                if o is None:
                    for o_ in objects:
                        yield s, p, o_
                elif o in objects:
                    yield s, p, o
                return
            for p_, objects in by_predicate.items():
                if o is None:
                    for o_ in objects:
                        yield s, p_, o_
                elif o in objects:
                    yield s, p_, o
        elif p is not None:
            by_object = self._pos.get(p)
            if by_object is None:
                return
            if o is not None:
                for s_ in by_object.get(o, ()):
                    yield s_, p, o
                return
            for o_, subjects in by_object.items():
                for s_ in subjects:
                    yield s_, p, o_
        elif o is not None:
            yield from self._object_index().get(o, ())
        else:
            for s_, by_predicate in self._spo.items():
                for p_, objects in by_predicate.items():
                    for o_ in objects:
                        yield s_, p_, o_

    def objects_of(self, s: Node, p: Node) -> Collection[Node]:
        """The objects of (s, p, ?), without duplicates: the quickest lookup there is."""
        by_predicate = self._spo.get(s)
        if by_predicate is None:
            return ()
        return by_predicate.get(p, {}).keys()

    def subjects_of(self, p: Node, o: Node) -> Collection[Node]:
        """The subjects of (?, p, o), without duplicates."""
        by_object = self._pos.get(p)
        if by_object is None:
            return ()
        return by_object.get(o, ())

    def _object_index(self) -> dict[Node, list[Triple]]:
        if self._osp is None:   # built aside and then published whole: readers in other threads see all or none
            index: dict[Node, list[Triple]] = {}
            for triple in self._matching(None, None, None):
                index.setdefault(triple[2], []).append(triple)
            self._osp = index
        return self._osp

    def __len__(self) -> int:
        return self._size

    def __contains__(self, triple: Any) -> bool:
        for _ in self.triples(triple):
            return True
        return False

    def add(self, triple: Any) -> "IndexedGraph":  # type: ignore[override]
        """Adding a triple already held is allowed (it changes nothing: pyshacl re-adds its system triples)."""
        if None in triple or triple not in self:
            raise TypeError("an IndexedGraph is read-only")
        return self

    def addN(self, quads: Any) -> NoReturn:  # type: ignore[override]  # noqa: N802
        raise TypeError("an IndexedGraph is read-only")

    def remove(self, triple: Any) -> NoReturn:  # type: ignore[override]
        raise TypeError("an IndexedGraph is read-only")

    def query(self, *args: Any, **kwargs: Any) -> NoReturn:  # type: ignore[override]
        raise TypeError("an IndexedGraph cannot run SPARQL: its triples are not in an rdflib store")
