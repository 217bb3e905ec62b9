"""Which version of the dataset the store holds, for ETag and Last-Modified of dumps and the VoID description.

The tag is the store's version (store.version): for the embedded store its write count joined with a token of
its opening, so two runs never hand out the same tag for different content; for a remote store the version marker
every writer rewrites, so every server over that store hands out the same tag for the same content. Last-Modified is the time the
generation was first seen to change; before any write it is the newest file time of the on-disk store.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from typing import Mapping

from newskg.store.interface import Store


@dataclass(frozen=True)
class Version:
    tag: str            # opaque, changes with every write
    modified: float     # seconds since the epoch, whole seconds (HTTP dates have no fractions)

    def etag(self, variant: str) -> str:
        return f'"{self.tag}-{variant}"'

    @property
    def last_modified(self) -> str:
        return formatdate(self.modified, usegmt=True)

    def not_modified(self, headers: Mapping[str, str], variant: str) -> bool:
        """True when the client's conditional headers show it already has this version (RFC 9110 §13)."""
        if_none_match = headers.get("if-none-match")
        if if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return "*" in tags or self.etag(variant) in tags
        if_modified_since = headers.get("if-modified-since")
        if if_modified_since:
            try:
                return parsedate_to_datetime(if_modified_since).timestamp() >= self.modified
            except (TypeError, ValueError):
                return False
        return False


class DatasetVersion:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._generation = store.generation
        self._modified = float(int(_newest_file_time(store) or time.time()))

    def current(self) -> Version:
        with self._lock:
            generation = self.store.generation
            if generation != self._generation:
                self._generation = generation
                self._modified = float(int(time.time()))
            return Version(self.store.version, self._modified)


def _newest_file_time(store: Store) -> float | None:
    path = getattr(store, "path", None)  # the embedded store's directory; a remote store has none
    if path is None or not path.is_dir():
        return None
    times = [p.stat().st_mtime for p in path.iterdir() if p.is_file()]
    return max(times) if times else None
