"""Keeps the full-text index in step with the store, whatever wrote to it: POST /articles, `newskg ingest` (while
the server was stopped: the index on disk is compared with the store when the server starts), the Graph Store
protocol, SPARQL Update, or another process writing to a remote store.

The store counts its writes (store.generation); when the count has moved, the index compares signatures:
- the quick pass (one row per article graph: its extraction run and text hash) finds the graphs that are new, gone
  or written again by the pipeline, and re-indexes those at once, before the search that noticed runs;
- the full pass (a hash of every indexed fact of every article graph) finds the edits that keep the run, made by
  SPARQL Update or the Graph Store protocol. It scans the indexed facts of the whole store, so, as GenerationCache
  does, it runs before the search while it is cheap, and in the background (the search says so) once it is not.
A signature is read before the documents it vouches for, so a write in between shows as a change next time.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Iterable

from newskg.api.generation_cache import CHEAP_SECONDS
from newskg.api.search_documents import DocumentSource
from newskg.api.search_index import SearchIndex
from newskg.store.interface import Store

log = logging.getLogger("newskg.api")
REINDEX_BATCH = 100     # graphs per transaction: a first build of a big store becomes searchable as it goes


class SearchSync:
    def __init__(self, store: Store, index: SearchIndex, source: DocumentSource) -> None:
        self.store = store
        self.index = index
        self.source = source
        self._lock = threading.Lock()
        self._quick_generation = -1
        self._full_generation = -1
        self._full_seconds = 0.0
        self._full_running = False

    def bring_up_to_date(self) -> bool:
        """Re-index what the store changed; True when the index is known to hold every write, False while a full
        pass still runs in the background."""
        generation = self.store.generation
        with self._lock:
            if generation != self._quick_generation:
                if self._quick_pass():   # every graph re-indexed (a first build): their full signatures are new
                    self._full_generation = generation
                self._quick_generation = generation
            if generation == self._full_generation:
                return True
            if self._full_seconds < CHEAP_SECONDS and not self._full_running:
                self._full_pass_locked(generation)
                return self._full_generation == generation
            if not self._full_running:
                self._full_running = True
                threading.Thread(target=self._full_pass_in_background, name="newskg-search-sync",
                                 daemon=True).start()
            return False

    # --- the passes --------------------------------------------------------------------------------------
    def _quick_pass(self) -> bool:
        """True when it re-indexed every article graph there is."""
        quick = self.source.quick_signatures()
        held = self.index.signatures()
        gone = sorted(held.keys() - quick.keys())
        if gone:
            self.index.remove(gone)
        changed = sorted(graph for graph, signature in quick.items() if held.get(graph, ("",))[0] != signature)
        self._reindex(changed, quick)
        return bool(changed) and len(changed) == len(quick)

    def _full_pass_locked(self, generation: int) -> None:
        started = time.perf_counter()
        self._apply_full(self.source.full_signatures())
        self._full_seconds = time.perf_counter() - started
        self._full_generation = generation

    def _full_pass_in_background(self) -> None:
        try:
            generation = self.store.generation
            started = time.perf_counter()
            full = self.source.full_signatures()     # the long scan, while searches go on
            with self._lock:
                self._apply_full(full)
                self._full_seconds = time.perf_counter() - started
                self._full_generation = generation
        except Exception:  # the store closed under it, or a query failed: the next search tries again
            log.exception("bringing the search index up to date failed")
        finally:
            with self._lock:
                self._full_running = False

    def _apply_full(self, full: dict[str, str]) -> None:
        held = self.index.signatures()
        changed = sorted(graph for graph, (_, signature) in held.items() if graph in full and full[graph] != signature)
        if changed:
            quick = self.source.quick_signatures()
            self._reindex([graph for graph in changed if graph in quick], quick)

    def _reindex(self, graphs: Iterable[str], quick: dict[str, str]) -> None:
        pending = list(graphs)
        for start in range(0, len(pending), REINDEX_BATCH):
            batch = pending[start:start + REINDEX_BATCH]
            full = self.source.full_signatures(batch)
            contents = self.source.documents(batch)
            self.index.replace(contents, {graph: (quick[graph], full.get(graph, "")) for graph in batch})
