"""A value computed from the whole store (home page figures, the label index, dataset statistics), kept until
the store changes.

Such values scan the store: milliseconds on a small one, seconds at millions of triples. After a write, a cheap
value is recomputed at once; an expensive one is served stale while a background thread recomputes it, so no
request waits seconds for it (and a batch of writes costs one recomputation at a time, not one per write).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable, Generic, TypeVar

from newskg.store.interface import Store

T = TypeVar("T")
log = logging.getLogger("newskg.api")
CHEAP_SECONDS = 0.5


class GenerationCache(Generic[T]):
    def __init__(self, store: Store, compute: Callable[[], T], name: str) -> None:
        self.store = store
        self.compute = compute
        self.name = name
        self._lock = threading.Lock()
        self._value: T | None = None
        self._generation = -1
        self._seconds = 0.0
        self._refreshing = False

    def get(self) -> T:
        with self._lock:
            generation = self.store.generation
            if self._value is not None and generation == self._generation:
                return self._value
            if self._value is None or self._seconds < CHEAP_SECONDS:
                self._run(generation)
                assert self._value is not None
                return self._value
            if not self._refreshing:
                self._refreshing = True
                threading.Thread(target=self._refresh, name=f"newskg-{self.name}", daemon=True).start()
            return self._value

    @property
    def stale(self) -> bool:
        return self._generation != self.store.generation

    def _run(self, generation: int) -> None:
        started = time.perf_counter()
        value = self.compute()
        self._seconds = time.perf_counter() - started
        self._value, self._generation = value, generation

    def _refresh(self) -> None:
        try:
            generation = self.store.generation
            started = time.perf_counter()
            value = self.compute()
            with self._lock:
                self._seconds = time.perf_counter() - started
                self._value, self._generation = value, generation
        except Exception:  # a failed refresh keeps the old value; the next request tries again
            log.exception("recomputing %s failed", self.name)
        finally:
            with self._lock:
                self._refreshing = False
