"""Articles sent to a task queue (RQ over Redis) and what became of each: queued, running, accepted, rejected
(with its report) or failed (with its error).

A job carries the article itself (its bytes, and its X.meta.json sidecar when there is one), so a worker on another
machine needs no shared disk. Delivery is at least once: a worker that dies mid-article leaves its job to be
delivered again; that is safe, because an article's IRIs are deterministic and its graph is replaced whole. A job
that fails for want of the store is tried again `job_retries` times, then kept as failed with its error (requeue
it with `newskg jobs --requeue-failed` once the store is back); a rejected or unreadable article is a result, kept
with its report, and never retried.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import redis
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry

from newskg.ingest.errors import InputError, NewskgError, StoreError
from newskg.ingest.settings import Settings

QUEUE_NAME = "newskg-articles"
JOBS_KEY = "newskg:jobs"                 # sorted set: job id → enqueue time
BATCH_KEY = "newskg:batch:{}"            # list of the job ids of one batch
KEEP_SECONDS = 7 * 24 * 3600             # results, reports and errors are kept a week
STATES = ("queued", "running", "accepted", "rejected", "failed")


@dataclass(frozen=True)
class ArticlePayload:
    """What a worker needs to ingest one article, wherever it runs."""

    name: str                       # the file name (its suffix tells the format) or the request's name
    data: bytes
    base_iri: str                   # the enqueuer's: a worker minting under another base refuses the job
    sidecar: bytes | None = None    # X.meta.json beside a file
    media_type: str | None = None   # a request's Content-Type
    overrides: dict[str, Any] = field(default_factory=dict)   # MetadataOverrides fields


@dataclass(frozen=True)
class JobState:
    id: str
    source: str
    state: str                      # one of STATES
    message: str = ""
    outcome: dict[str, Any] | None = None   # the ingest outcome (accepted / rejected with report / failed input)
    attempts: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "source": self.source, "state": self.state, "message": self.message,
                                "attempts": self.attempts}
        if self.outcome is not None:
            data.update({k: v for k, v in self.outcome.items() if k not in ("status", "message", "source")})
        return data


def connect(queue_url: str) -> redis.Redis:
    try:
        connection = redis.Redis.from_url(queue_url, socket_connect_timeout=5)
        connection.ping()
    except (redis.RedisError, ValueError) as error:
        raise StoreError(f"the queue at {_shown(queue_url)} cannot be reached: {type(error).__name__}") from None
    return connection


def _shown(queue_url: str) -> str:
    """The queue URL without its password, for messages."""
    head, _, rest = queue_url.partition("://")
    return f"{head}://{rest.rsplit('@', 1)[-1]}"


def article_queue(connection: redis.Redis) -> Queue:
    return Queue(QUEUE_NAME, connection=connection)


def payload_of_file(path: Path, settings: Settings, overrides: dict[str, Any] | None = None) -> ArticlePayload:
    from newskg.ingest.extract.read import sidecar_path

    try:
        size = path.stat().st_size
        if size > settings.max_body_bytes:
            raise InputError(f"{path}: too large ({size} bytes; the limit is {settings.max_body_bytes})")
        data = path.read_bytes()
        sidecar = sidecar_path(path)
        meta = sidecar.read_bytes() if sidecar.is_file() else None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    return ArticlePayload(path.name, data, settings.base_iri, meta, None, overrides or {})


def enqueue(connection: redis.Redis, payload: ArticlePayload, settings: Settings, *, source: str,
            batch: str | None = None) -> str:
    job = article_queue(connection).enqueue(
        "newskg.ingest.job_worker.ingest_article", payload, job_timeout=int(settings.job_timeout),
        retry=Retry(max=settings.job_retries) if settings.job_retries > 0 else None,
        result_ttl=KEEP_SECONDS, failure_ttl=KEEP_SECONDS, ttl=KEEP_SECONDS,
        meta={"source": source, "batch": batch})
    with connection.pipeline() as pipe:
        pipe.zadd(JOBS_KEY, {job.id: time.time()})
        if batch:
            pipe.rpush(BATCH_KEY.format(batch), job.id)
            pipe.expire(BATCH_KEY.format(batch), KEEP_SECONDS)
        pipe.execute()
    return job.id


def job_state(connection: redis.Redis, job_id: str) -> JobState | None:
    try:
        job = Job.fetch(job_id, connection=connection)
    except NoSuchJobError:
        return None
    status = job.get_status(refresh=True)
    source = str(job.meta.get("source", job_id))
    attempts = int(job.meta.get("attempts", 0))
    if status in (JobStatus.QUEUED, JobStatus.DEFERRED, JobStatus.SCHEDULED):
        return JobState(job.id, source, "queued", "waiting for a worker", attempts=attempts)
    if status is JobStatus.STARTED:
        return JobState(job.id, source, "running", "a worker is ingesting it", attempts=attempts)
    if status is JobStatus.FINISHED:
        outcome = job.return_value()
        return JobState(job.id, source, str(outcome["status"]), str(outcome["message"]), outcome, attempts)
    error = job.meta.get("error") or _last_line(job)
    return JobState(job.id, source, "failed", f"{error} (after {attempts} attempt(s))", attempts=attempts)


def _last_line(job: Job) -> str:
    result = job.latest_result()
    text = (result.exc_string if result is not None else None) or "the job failed"
    return text.strip().splitlines()[-1]


def job_ids(connection: redis.Redis, batch: str | None = None) -> list[str]:
    if batch:
        return [i.decode() for i in connection.lrange(BATCH_KEY.format(batch), 0, -1)]
    return [i.decode() for i in connection.zrange(JOBS_KEY, 0, -1)]


def job_states(connection: redis.Redis, ids: Iterable[str]) -> list[JobState]:
    return [state for state in (job_state(connection, i) for i in ids) if state is not None]


def requeue_failed(connection: redis.Redis) -> list[str]:
    """Send the jobs kept as failed (the store was away) to the queue again."""
    registry = FailedJobRegistry(queue=article_queue(connection))
    ids = registry.get_job_ids()
    for job_id in ids:
        registry.requeue(job_id)
    return ids


def overrides_dict(title: str | None, publisher: str | None, authors: list[str] | None, when: date | None,
                   url: str | None) -> dict[str, Any]:
    return {k: v for k, v in {"title": title, "publisher": publisher, "authors": tuple(authors) if authors else None,
                              "date": when, "url": url}.items() if v is not None}


def wait_for(connection: redis.Redis, ids: list[str], *, poll: float = 0.2,
             timeout: float | None = None) -> list[JobState]:
    """Until every job has ended (accepted, rejected or failed); NewskgError past the timeout."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        states = job_states(connection, ids)
        if all(s.state not in ("queued", "running") for s in states):
            return states
        if deadline is not None and time.monotonic() > deadline:
            raise NewskgError(f"{sum(s.state in ('queued', 'running') for s in states)} job(s) still unfinished")
        time.sleep(poll)
