"""Whole-dataset dumps as files: written once per version of the store, then served from disk.

The first request for a dump after a write builds it; later requests get the file (sendfile-like streaming, Range,
Content-Length) at disk speed. One scan of the store per version: the N-Quads file comes from pyoxigraph's Rust
dump, which reads one snapshot; every other syntax is converted from that file (parsing a file is several times
faster than reading the store), and a .gz from its plain file. So all the files of one version hold the same
snapshot. TriG and JSON-LD keep the named graphs; Turtle and N-Triples hold their union, each triple once.

Files are named by the dataset version's tag (it changes with every write and with every opening of the store),
written under a temporary name and renamed into place, so a reader never sees half a file. One lock per file: two
first requests build it once. The files of earlier runs are removed at startup (what the store held then is not
known), and a file two versions old is removed when a newer one is in place (the previous one is kept for
responses that picked it just before the newer one appeared).
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
import threading
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterator, Mapping

import pyoxigraph as ox

from newskg.ingest.distinct_triples import distinct_triples
from newskg.store.interface import Store

BASE_SUFFIX = "nq"
PREFIX = "newskg-"
BUILDING_PREFIX = ".building-"
GZIP_LEVEL = 5
COPY_CHUNK = 1 << 20
KEPT_VERSIONS = 2
FILE_MODE = 0o644
MIN_BYTES_PER_QUAD = 40  # an N-Quads line is rarely shorter: the file's size bounds its number of quads


def default_cache_dir(store_dir: Path, *, remote: bool = False) -> Path:
    """Beside the embedded store, never inside it: <store_dir>.dumps/. Over a remote store, a folder of this
    server's own (several servers on one machine must not clear each other's files at startup)."""
    if remote:
        return Path(tempfile.mkdtemp(prefix="newskg-dumps-"))
    return store_dir.with_name(store_dir.name + ".dumps")


class DumpCache:
    def __init__(self, store: Store, directory: Path, formats: dict[str, ox.RdfFormat],
                 builders: Mapping[str, Callable[[Path], None]] | None = None) -> None:
        """formats: file suffix → syntax, for every dump on offer. builders: file suffix → a function that writes
        that file from the store (the exports for analysts' tools), for files that are not an RDF syntax."""
        self.store = store
        self.directory = directory
        self.formats = formats
        self.builders = dict(builders or {})
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._locks_lock = threading.Lock()
        self._kept: defaultdict[str, list[Path]] = defaultdict(list)
        directory.mkdir(parents=True, exist_ok=True)
        for path in self._own_files():
            path.unlink(missing_ok=True)

    def path(self, suffix: str, gzipped: bool, tag: str) -> Path:
        return self.directory / f"{PREFIX}{tag}.{suffix}{'.gz' if gzipped else ''}"

    def cached(self, suffix: str, gzipped: bool, tag: str) -> Path | None:
        path = self.path(suffix, gzipped, tag)
        return path if path.is_file() else None

    def get(self, suffix: str, gzipped: bool, tag: str) -> Path:
        """The dump file of version `tag`, built now if it is not there yet. Call it with the tag read before the
        call: the build's snapshot is then at least as new as the tag (a write in between gives the next tag)."""
        path = self.path(suffix, gzipped, tag)
        if path.is_file():
            return path
        with self._lock_for(path.name):
            if not path.is_file():  # another request may have built it while this one waited
                self._build(suffix, gzipped, tag, path)
                self._supersede(path, f"{suffix}{'.gz' if gzipped else ''}")
        return path

    def _build(self, suffix: str, gzipped: bool, tag: str, path: Path) -> None:
        with _Temporary(self.directory, path) as building:
            if gzipped:
                _gzip(self.get(suffix, False, tag), building)
            elif suffix in self.builders:
                self.builders[suffix](building)
            elif suffix == BASE_SUFFIX:
                self.store.dump(building, "application/n-quads")
            else:
                _convert(self.get(BASE_SUFFIX, False, tag), building, self.formats[suffix])

    def _lock_for(self, name: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks[name]

    def _supersede(self, path: Path, variant: str) -> None:
        with self._locks_lock:
            kept = self._kept[variant]
            kept.append(path)
            old, self._kept[variant] = kept[:-KEPT_VERSIONS], kept[-KEPT_VERSIONS:]
            for name in [p.name for p in old]:
                self._locks.pop(name, None)
        for stale in old:
            stale.unlink(missing_ok=True)

    def _own_files(self) -> Iterator[Path]:
        for path in self.directory.iterdir():
            if path.is_file() and path.name.startswith((PREFIX, BUILDING_PREFIX)):
                yield path


class _Temporary:
    """A temporary file beside `path`, renamed onto it when the block succeeds and removed when it fails."""

    def __init__(self, directory: Path, path: Path) -> None:
        handle, name = tempfile.mkstemp(dir=directory, prefix=BUILDING_PREFIX, suffix=path.name)
        os.close(handle)
        self.building = Path(name)
        self.path = path

    def __enter__(self) -> Path:
        return self.building

    def __exit__(self, error_type: object, *_: object) -> None:
        if error_type is None:
            self.building.chmod(FILE_MODE)  # mkstemp makes it private; a dump is public data
            os.replace(self.building, self.path)
        else:
            self.building.unlink(missing_ok=True)


def _gzip(source: Path, target: Path) -> None:
    with source.open("rb") as plain, target.open("wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as compressed:
        shutil.copyfileobj(plain, compressed, COPY_CHUNK)


def _convert(nquads: Path, target: Path, fmt: ox.RdfFormat) -> None:
    """Re-serialise the N-Quads file: a syntax with named graphs (TriG, JSON-LD) keeps them; one without gets the
    union of the graphs, each triple once."""
    def quads() -> Iterator[ox.Quad]:
        return ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)

    if fmt.supports_datasets:
        ox.serialize(quads(), str(target), fmt)
    else:
        expected = nquads.stat().st_size // MIN_BYTES_PER_QUAD
        ox.serialize(distinct_triples(quads, expected), str(target), fmt)
