"""Fixtures the hardening tests share, each loaded once per module and store backend (a pipeline loads spaCy, the registry and the
shapes; a server does too, on its first POST):

hardening_pipeline -> Pipeline over its own on-disk store (service graphs written).
guarded_server -> LiveServer with writes behind a token and small limits: settings.write_token, max_body_bytes
    (256 KiB), max_results (50), query_timeout (2 s), one query worker; its pipeline is loaded and its service
    graphs written before any test sees it. Tests must not rely on what other tests wrote: compare before/after.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

import httpx
import pytest

from newskg.ingest.pipeline import Pipeline
from newskg.ingest.settings import Settings
from newskg.ingest.store_access import open_configured_store

WARM_UP_ARTICLE = """Harbour of Velmar reopens

Officials in Velmar said on Tuesday that the harbour would reopen to grain ships after a week of strikes.
"""


@pytest.fixture(scope="module")
def hardening_pipeline(tmp_path_factory: pytest.TempPathFactory,
                       module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[Pipeline]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("pipeline") / "store", **module_store_fields())
    store = open_configured_store(settings)
    pipeline = Pipeline(settings, store)
    pipeline.write_service_graphs()
    yield pipeline
    store.close()


@pytest.fixture(scope="module")
def guarded_server(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory,
                   module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[Any]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("guarded") / "store", write_token="hardening-token",
                        query_workers=1, query_timeout=2.0, max_results=50, max_body_bytes=256 * 1024,
                        **module_store_fields())
    with server_starter(settings) as live:
        warm_up = httpx.post(f"{live.url}articles", params={"dry_run": "true"}, content=WARM_UP_ARTICLE.encode(),
                             headers={"Content-Type": "text/plain", "Authorization": "Bearer hardening-token"},
                             timeout=120)
        assert warm_up.status_code == 200, warm_up.text
        yield live
