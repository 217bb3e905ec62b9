"""The full-text index: SQLite FTS5 (Python's own sqlite3), one file beside the store.

Why FTS5: it ships with Python (no new dependency, no service), ranks by BM25 with a weight per column, cuts
highlighted snippets, matches phrases and prefixes, folds case and diacritics and stems English words (the porter
and unicode61 tokenizers), and keeps the documents' facets in ordinary tables of the same database, so a filter, a
facet count and the match are one SQL query, and replacing an article's documents is one transaction. Readers
never wait for the writer (write-ahead log). tantivy would rank as well and match fuzzily, but is one more native
package and keeps the facets in a second place.

Each article graph's documents are replaced whole, with the graph's signatures (search_sync decides when).

The index is fed only through search_documents.DocumentSource (SPARQL SELECTs), so it works as it is over a remote
SPARQL store too, one index file per server. Where a remote engine has a text index of its own (Fuseki's jena-text
on Lucene, GraphDB's Lucene connector, Virtuoso's bif:contains, QLever's ql:contains-word), a search that asks the
engine would spare the copy but not the facets, which would become SPARQL group-bys on every search.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Iterable, Iterator

from newskg.api.search_documents import Document, GraphDocuments

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY, quick TEXT NOT NULL, full TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, graph TEXT NOT NULL, iri TEXT NOT NULL, kind TEXT NOT NULL,
                                article TEXT NOT NULL, date TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_graph ON docs(graph);
CREATE INDEX IF NOT EXISTS docs_kind_date ON docs(kind, date);
CREATE TABLE IF NOT EXISTS facets(doc INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facets_value ON facets(name, value, doc);
CREATE INDEX IF NOT EXISTS facets_doc ON facets(doc);
CREATE VIRTUAL TABLE IF NOT EXISTS text USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2');
"""
# the snippet markers: control characters, which indexed text never holds (they are replaced by spaces)
MARK_START, MARK_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def default_index_path(store_dir: Path, *, remote: bool = False) -> Path:
    """Beside the embedded store, never inside it: <store_dir>.search/index.sqlite. Over a remote store, in a folder
    of this server's own (several servers may share one remote store, each with its index), built at startup."""
    if remote:
        return Path(tempfile.mkdtemp(prefix="newskg-search-")) / "index.sqlite"
    return store_dir.with_name(store_dir.name + ".search") / "index.sqlite"


class SearchIndex:
    """One writer (the sync, under its lock); any number of readers, each query on a connection of its own."""

    def __init__(self, path: Path, *, temporary: bool = False) -> None:
        """temporary: the index's folder is removed when it is closed."""
        self.path = path
        self.temporary = temporary
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = self._connect()
        self._lock = threading.Lock()
        if self._writer.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self._writer.close()
            path.unlink(missing_ok=True)          # an index of another layout is rebuilt from the store
            self._writer = self._connect()
            self._writer.executescript(SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
        self._writer.execute("PRAGMA journal_mode = WAL")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    def reader(self) -> sqlite3.Connection:
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        return connection

    # --- what is indexed ---------------------------------------------------------------------------------
    def signatures(self) -> dict[str, tuple[str, str]]:
        """graph → (quick signature, full signature) of what the index holds for it."""
        with self._lock:
            rows = self._writer.execute("SELECT graph, quick, full FROM graphs").fetchall()
        return {graph: (quick, full) for graph, quick, full in rows}

    def document_count(self) -> int:
        with self._lock:
            return int(self._writer.execute("SELECT COUNT(*) FROM docs").fetchone()[0])

    # --- writes ------------------------------------------------------------------------------------------
    def replace(self, contents: Iterable[GraphDocuments], signatures: dict[str, tuple[str, str]]) -> None:
        """Replace the documents of each graph (and its signatures), all in one transaction."""
        with self._lock, _transaction(self._writer) as cursor:
            for content in contents:
                _delete_graph(cursor, content.graph)
                for document in content.documents:
                    _insert(cursor, content.graph, document)
                quick, full = signatures[content.graph]
                cursor.execute("INSERT INTO graphs(graph, quick, full) VALUES (?, ?, ?)", (content.graph, quick, full))

    def set_full_signatures(self, signatures: dict[str, str]) -> None:
        """Record graphs' full signatures where the content indexed is already theirs."""
        with self._lock, _transaction(self._writer) as cursor:
            cursor.executemany("UPDATE graphs SET full = ? WHERE graph = ?",
                               [(full, graph) for graph, full in signatures.items()])

    def remove(self, graphs: Iterable[str]) -> None:
        with self._lock, _transaction(self._writer) as cursor:
            for graph in graphs:
                _delete_graph(cursor, graph)

    def close(self) -> None:
        with self._lock:
            self._writer.close()
        if self.temporary:
            shutil.rmtree(self.path.parent, ignore_errors=True)


class _transaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Cursor:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection.cursor()

    def __exit__(self, error_type: object, *_: object) -> None:
        self.connection.execute("COMMIT" if error_type is None else "ROLLBACK")


def _delete_graph(cursor: sqlite3.Cursor, graph: str) -> None:
    ids = [row[0] for row in cursor.execute("SELECT id FROM docs WHERE graph = ?", (graph,))]
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        cursor.execute(f"DELETE FROM text WHERE rowid IN ({marks})", chunk)
        cursor.execute(f"DELETE FROM facets WHERE doc IN ({marks})", chunk)
    cursor.execute("DELETE FROM docs WHERE graph = ?", (graph,))
    cursor.execute("DELETE FROM graphs WHERE graph = ?", (graph,))


def _insert(cursor: sqlite3.Cursor, graph: str, document: Document) -> None:
    cursor.execute("INSERT INTO docs(graph, iri, kind, article, date) VALUES (?, ?, ?, ?, ?)",
                   (graph, document.iri, document.kind, document.article, document.date))
    doc = cursor.lastrowid
    cursor.execute("INSERT INTO text(rowid, title, body) VALUES (?, ?, ?)",
                   (doc, _CONTROL.sub(" ", document.title), _CONTROL.sub(" ", document.body)))
    cursor.executemany("INSERT INTO facets(doc, name, value) VALUES (?, ?, ?)",
                       [(doc, name, value) for name, value in sorted(document.facets)])


def _chunks(items: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
