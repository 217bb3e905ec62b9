"""Service settings: declared once, frozen, read from the environment only at the edges."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

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

    def with_overrides(self, **changes: object) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def settings_from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from NEWSKG_* variables; called by the CLI and by create_app() with no settings."""
    env = os.environ if env is None else env
    defaults = Settings()
    base = env.get("NEWSKG_BASE_IRI", defaults.base_iri)
    return Settings(
        store_dir=Path(env.get("NEWSKG_STORE", str(defaults.store_dir))),
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
    )


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}
