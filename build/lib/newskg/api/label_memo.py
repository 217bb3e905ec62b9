"""Labels by IRI for one version of the store, shared by every page request.

Pages show the same actors, articles and statements again and again, and an actor's label is repeated in every
article graph that mentions it, so looking labels up is one of a page's dearest queries. The memo is emptied
whenever the store has been written to (its generation changed), so a page never shows a label the store no longer
holds; what was looked up while a write happened is not kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from newskg.store.interface import Store

MAX_ENTRIES = 200_000   # about 40 MB of IRIs and labels at the most; the memo starts afresh beyond it


class LabelMemo:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[int, int] | None = None
        self._labels: dict[str, str | None] = {}

    def labels(self, store: Store, iris: Iterable[str],
               look_up: Callable[[list[str]], dict[str, str]]) -> dict[str, str]:
        """The labels of iris (those that have one), asking look_up only for the IRIs not seen in this version."""
        key = (id(store), store.generation)
        wanted = list(iris)
        with self._lock:
            if key != self._key or len(self._labels) > MAX_ENTRIES:
                self._key, self._labels = key, {}
            known = {iri: self._labels[iri] for iri in wanted if iri in self._labels}
        missing = [iri for iri in wanted if iri not in known]
        fresh = look_up(missing) if missing else {}
        with self._lock:
            if self._key == key and store.generation == key[1]:
                self._labels.update({iri: fresh.get(iri) for iri in missing})
        return {iri: label for iri, label in (known | fresh).items() if label is not None}


SHARED = LabelMemo()
