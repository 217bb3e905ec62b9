"""Service settings: declared once, frozen, read from the environment only at the edges."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from newskg.store.locator import is_remote

DEFAULT_BASE = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Settings:
    """Everything the service can be configured with.

    store_dir: where the on-disk pyoxigraph store lives.
    base_iri: the prefix every minted IRI starts with; by default the local server, so IRIs open in a browser.
    write_token: bearer token required for writes over HTTP (SPARQL Update, Graph Store writes, POST /articles).
    allow_open_writes: with no write_token, accept writes from anyone who reaches the port (local use only; the
        server says so loudly at start). Off, and no token: every write over HTTP is refused.
    query_timeout: seconds before a SPARQL query is stopped (its worker process is killed and replaced).
    max_results: rows or triples a query may return before it is refused with a clear error.
    max_body_bytes: largest request body or article file accepted, checked before any work starts.
    max_article_chars: longest article body extracted (a book-length text would hold a worker for minutes).
    fetch_timeout: seconds a fetch of an article page or feed (`newskg ingest URL`, `--feed URL`) may take in all.
    query_workers: processes answering SPARQL queries.
    allow_remote: let SERVICE and LOAD reach other hosts (off: no server-side request forgery).
    cors_origins: origins allowed by CORS; empty means CORS headers are not sent.
    dump_cache_dir: where the whole-dataset dumps are kept as files; None puts them beside the store, in
        <store_dir>.dumps/ (never inside the store's own directory).
    store_url: a remote store, ENGINE+http(s)://host:port[/path] (engines: oxigraph, virtuoso, fuseki, qlever, or
        sparql with the endpoints below); None uses the embedded store at store_dir. NEWSKG_STORE and --store take
        either a directory or such a URL.
    store_query_url, store_update_url, store_graph_store_url: explicit endpoints (for `sparql+...`, or to override
        an engine's usual ones).
    store_auth, store_user, store_password, store_token: credentials for the remote store (bearer, basic or
        digest; the engine's usual scheme when unset). Never printed or logged.
    store_timeout: seconds a request to the remote store may take (reads, writes); queries use query_timeout.
    store_version_poll: seconds between two looks at the remote store's version marker (caches expire then).
    queue_url: the task queue (redis://host:port/db); set, POST /articles enqueues instead of ingesting in-process.
    job_retries: times a queued article whose ingest failed for want of the store is tried again before it is
        kept as failed, with its error.
    job_timeout: seconds one queued article may take; a worker silent for longer (and a few seconds more) is
        taken for dead, and its article is delivered to another worker.
    search_index: the full-text search index (an SQLite file, rebuilt from the store when missing); None puts it
        beside the store, in <store_dir>.search/index.sqlite.
    cache_dir: where data derived from the lexicon, the actor registry and libraries' tables is kept between runs
        (ingest/derived_cache.py); None keeps nothing, so every start parses them again. From the environment:
        NEWSKG_CACHE_DIR, else $XDG_CACHE_HOME/newskg, else ~/.cache/newskg.
    """

    store_dir: Path = Path("data/store")
    base_iri: str = DEFAULT_BASE
    write_token: str | None = None
    allow_open_writes: bool = False
    query_timeout: float = 30.0
    max_results: int = 1_000_000
    max_body_bytes: int = 20 * 1024 * 1024
    max_article_chars: int = 500_000
    fetch_timeout: float = 20.0
    query_workers: int = 2
    allow_remote: bool = False
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    dump_cache_dir: Path | None = None
    store_url: str | None = None
    store_query_url: str | None = None
    store_update_url: str | None = None
    store_graph_store_url: str | None = None
    store_auth: str | None = None
    store_user: str | None = None
    store_password: str | None = field(default=None, repr=False)
    store_token: str | None = field(default=None, repr=False)
    store_timeout: float = 30.0
    store_version_poll: float = 1.0
    queue_url: str | None = field(default=None, repr=False)   # a Redis URL may carry a password
    job_retries: int = 2
    job_timeout: float = 300.0
    search_index: Path | None = None
    cache_dir: Path | None = None

    @property
    def store_locator(self) -> str | Path:
        """What names the store: the remote URL when one is set, else the directory."""
        return self.store_url or self.store_dir

    def with_store(self, locator: str | None) -> "Settings":
        """These settings with the store a --store option names (a directory or ENGINE+http(s)://...)."""
        if not locator:
            return self
        if is_remote(locator):
            return replace(self, store_url=locator)
        return replace(self, store_url=None, store_dir=Path(locator))

    def with_overrides(self, **changes: object) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def settings_from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from NEWSKG_* variables; called by the CLI and by create_app() with no settings."""
    env = os.environ if env is None else env
    defaults = Settings()
    base = env.get("NEWSKG_BASE_IRI", defaults.base_iri)
    store = env.get("NEWSKG_STORE", str(defaults.store_dir))
    remote = is_remote(store)
    return Settings(
        store_dir=defaults.store_dir if remote else Path(store),
        store_url=store if remote else None,
        store_query_url=env.get("NEWSKG_STORE_QUERY") or None,
        store_update_url=env.get("NEWSKG_STORE_UPDATE") or None,
        store_graph_store_url=env.get("NEWSKG_STORE_GRAPH_STORE") or None,
        store_auth=env.get("NEWSKG_STORE_AUTH") or None,
        store_user=env.get("NEWSKG_STORE_USER") or None,
        store_password=env.get("NEWSKG_STORE_PASSWORD") or None,
        store_token=env.get("NEWSKG_STORE_TOKEN") or None,
        store_timeout=float(env.get("NEWSKG_STORE_TIMEOUT", defaults.store_timeout)),
        store_version_poll=float(env.get("NEWSKG_STORE_VERSION_POLL", defaults.store_version_poll)),
        queue_url=env.get("NEWSKG_QUEUE") or None,
        job_retries=int(env.get("NEWSKG_JOB_RETRIES", defaults.job_retries)),
        job_timeout=float(env.get("NEWSKG_JOB_TIMEOUT", defaults.job_timeout)),
        base_iri=base if base.endswith("/") else base + "/",
        write_token=env.get("NEWSKG_WRITE_TOKEN") or None,
        allow_open_writes=_flag(env.get("NEWSKG_ALLOW_OPEN_WRITES")),
        query_timeout=float(env.get("NEWSKG_QUERY_TIMEOUT", defaults.query_timeout)),
        max_results=int(env.get("NEWSKG_MAX_RESULTS", defaults.max_results)),
        max_body_bytes=int(env.get("NEWSKG_MAX_BODY_BYTES", defaults.max_body_bytes)),
        max_article_chars=int(env.get("NEWSKG_MAX_ARTICLE_CHARS", defaults.max_article_chars)),
        fetch_timeout=float(env.get("NEWSKG_FETCH_TIMEOUT", defaults.fetch_timeout)),
        query_workers=int(env.get("NEWSKG_QUERY_WORKERS", defaults.query_workers)),
        allow_remote=_flag(env.get("NEWSKG_ALLOW_REMOTE")),
        cors_origins=tuple(o for o in env.get("NEWSKG_CORS_ORIGINS", "").split(",") if o),
        dump_cache_dir=Path(env["NEWSKG_DUMP_CACHE"]) if env.get("NEWSKG_DUMP_CACHE") else None,
        search_index=Path(env["NEWSKG_SEARCH_INDEX"]) if env.get("NEWSKG_SEARCH_INDEX") else None,
        cache_dir=_cache_dir(env),
    )


def _cache_dir(env: Mapping[str, str]) -> Path:
    if env.get("NEWSKG_CACHE_DIR"):
        return Path(env["NEWSKG_CACHE_DIR"])
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "newskg"
    return Path.home() / ".cache" / "newskg"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}
