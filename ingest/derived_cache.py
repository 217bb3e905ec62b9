"""Data derived from data files, kept in a folder between runs: the parsed lexicon and actor registry, and tables built
from installed libraries' own data (GeoNames' place names, the tagger's lexicon, lemminflect's lemmas). Parsing them
takes longer than extracting an article, so `newskg extract` would otherwise spend most of its start on it.

An entry is found by its key: a hash of its name, its source files' bytes, the versions of the libraries it is built
from, any parameters, the code of newskg.ingest and Python's version. A changed data file, library or line of code
gives a new key, so a stale entry is never read; one whose bytes do not match the checksum stored with them is
rebuilt, never trusted. Entries are written to a temporary file and renamed into place, so concurrent processes may
build the same entry and none reads half of one. A folder that cannot be written only costs the time of building.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Generic, TypeVar

FORMAT = b"newskg derived cache 1\n"
KEEP_PER_NAME = 4  # entries of one name under other keys kept (another checkout, another version installed)
Value = TypeVar("Value")


CODE_SUFFIXES = (".py", ".json", ".toml")  # newskg.ingest's code and the rule data that ships beside it


@lru_cache(maxsize=1)
def _code_hash() -> bytes:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


class DerivedCache:
    """The entries kept in one folder (Settings.cache_dir)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, name: str, sources: Iterable[Path], libraries: Iterable[str], parameters: Iterable[str]) -> str:
        digest = hashlib.sha256(FORMAT + name.encode() + b"\0" + _code_hash())
        digest.update(f"{sys.version_info[0]}.{sys.version_info[1]}\0".encode())
        for library in sorted(libraries):
            digest.update(f"{library}=={_library_version(library)}\0".encode())
        for parameter in parameters:
            digest.update(parameter.encode() + b"\0")
        for source in sources:
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
        return digest.hexdigest()[:40]

    def entry(self, name: str, key: str) -> Path:
        return self.folder / f"{name}-{key}.pickle"

    def get(
        self,
        name: str,
        build: Callable[[], Value],
        *,
        sources: Iterable[Path] = (),
        libraries: Iterable[str] = (),
        parameters: Iterable[str] = (),
    ) -> Value:
        """The entry's value, read from the folder, or built (and written there) when it is missing or damaged."""
        try:
            path = self.entry(name, self.key(name, sources, libraries, parameters))
        except OSError:
            return build()  # a source that cannot be read: building says why
        found = _read(path)
        if found is not None:
            return found[0]  # type: ignore[no-any-return]
        value = build()
        if _write(path, value):
            self._prune(name, keep=path)
        return value

    def _prune(self, name: str, keep: Path) -> None:
        others = [p for p in self.folder.glob(f"{name}-*.pickle") if p != keep]
        try:
            others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for old in others[KEEP_PER_NAME - 1 :]:
                old.unlink()
        except OSError:
            pass  # another process pruned it first


def _read(path: Path) -> tuple[object] | None:
    """(value,) from an entry whose checksum holds, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, checksum, payload = data[: len(FORMAT)], data[len(FORMAT) : len(FORMAT) + 32], data[len(FORMAT) + 32 :]
    if header != FORMAT or hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return (pickle.loads(payload),)
    except Exception:  # a checksum that holds over bytes that do not unpickle: rebuilt like any damaged entry
        return None


def _write(path: Path, value: object) -> bool:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(FORMAT + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
        return True
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False


def derived_cache(folder: Path | None) -> DerivedCache | None:
    return DerivedCache(folder) if folder is not None else None


class ProcessTable(Generic[Value]):
    """A table built from installed libraries' data at most once per process. The first caller that passes a
    DerivedCache has it read from there (or built and stored there); any other builds it in memory. Where it came
    from never changes a value, only how long the first use takes."""

    def __init__(self, name: str, build: Callable[[], Value], *, libraries: Iterable[str] = ()) -> None:
        self.name = name
        self._build = build
        self.libraries = tuple(libraries)
        self._value: Value | None = None

    def get(self, cache: DerivedCache | None = None) -> Value:
        if self._value is None:
            if cache is None:
                self._value = self._build()
            else:
                self._value = cache.get(self.name, self._build, libraries=self.libraries)
        return self._value
