"""`newskg worker`: takes articles from the queue, extracts, validates and writes each to the shared store.

One article at a time per worker process, in the process itself (RQ's SimpleWorker: the pipeline, with the lexicon, the
registry and the shapes, is loaded once, not once per article). Start as many workers as there are cores, on as
many machines as needed; they share nothing but the queue and the store.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from rq import SimpleWorker, get_current_job
from rq.job import Job

from newskg.ingest.errors import NewskgError, StoreError
from newskg.ingest.jobs import ArticlePayload, article_queue, connect
from newskg.ingest.pipeline import Pipeline
from newskg.ingest.settings import Settings

WORKER_TTL = 20                 # seconds: an idle worker looks at the queue's upkeep at least every 5 s
SERVICE_GRAPHS_LOCK = "newskg:service-graphs"
DEAD_AFTER_MARGIN = 5           # a job unheard of for its time limit and this much longer: its worker is dead

_PIPELINE: Pipeline | None = None


class ArticleWorker(SimpleWorker):
    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        """A job runs in this process without heartbeats, and is stopped at its time limit: past that limit and
        a margin, it was abandoned (its worker died) and is delivered again. RQ's own margin is a minute."""
        return int(job.timeout or 300) + DEAD_AFTER_MARGIN


def run_worker(settings: Settings, queue_url: str, *, burst: bool = False) -> None:
    """Work until stopped (SIGINT/SIGTERM finish the current article first); burst: until the queue is empty."""
    global _PIPELINE
    from newskg.ingest.store_access import open_configured_store

    connection = connect(queue_url)
    store = open_configured_store(settings)
    try:
        _PIPELINE = Pipeline(settings, store)
        # workers starting together would each replace the ontology and registry graphs; two PUTs of one graph at
        # once are not serialised by every engine (Oxigraph's server can keep both bodies), so one at a time
        with connection.lock(SERVICE_GRAPHS_LOCK, timeout=300, blocking_timeout=300):
            _PIPELINE.write_service_graphs()
        worker = ArticleWorker([article_queue(connection)], connection=connection, worker_ttl=WORKER_TTL,
                               maintenance_interval=max(5, min(60, int(settings.job_timeout))))
        worker.work(burst=burst, logging_level="WARNING", with_scheduler=False)
    finally:
        _PIPELINE = None
        store.close()


def ingest_article(payload: ArticlePayload) -> dict[str, Any]:
    """The job: the article's outcome as JSON (accepted, rejected with its report, failed input). A failure to
    reach the store raises, so that the queue tries the article again."""
    job = get_current_job()
    assert job is not None and _PIPELINE is not None, "ingest_article runs in a `newskg worker`"
    job.meta["attempts"] = int(job.meta.get("attempts", 0)) + 1
    job.save_meta()
    source = str(job.meta.get("source") or payload.name)
    try:
        outcome = _ingest(_PIPELINE, payload, source)
    except NewskgError as error:
        _fail(job, str(error))
        raise
    if outcome.retryable:
        _fail(job, outcome.message)
        raise StoreError(outcome.message)
    return outcome.to_json()


def _ingest(pipeline: Pipeline, payload: ArticlePayload, source: str) -> Any:
    from newskg.ingest.extract.read import MetadataOverrides, sidecar_path

    if payload.base_iri != pipeline.settings.base_iri:
        raise NewskgError(f"this worker mints IRIs under {pipeline.settings.base_iri}, the job was sent for "
                          f"{payload.base_iri}: start workers with the same NEWSKG_BASE_IRI as the service")
    overrides = MetadataOverrides(**payload.overrides) if payload.overrides else None
    if payload.media_type is not None:
        outcome = pipeline.ingest_bytes(payload.data, source, payload.media_type, overrides)
    else:
        with tempfile.TemporaryDirectory(prefix="newskg-job-") as folder:
            path = Path(folder) / Path(payload.name).name    # the name keeps its suffix: it tells the format
            path.write_bytes(payload.data)
            if payload.sidecar is not None:
                sidecar_path(path).write_bytes(payload.sidecar)
            outcome = pipeline.ingest_file(path, overrides)
            outcome.message = outcome.message.replace(str(path), source)
    outcome.source = source
    return outcome


def _fail(job: Job, message: str) -> None:
    job.meta["error"] = message
    job.save_meta()
