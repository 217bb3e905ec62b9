"""The command line's queue commands, kept apart from ingest/cli.py:

    newskg ingest --queue URL [--wait] PATHS     enqueue each article (a worker ingests it)
    newskg worker --queue URL [--burst]          ingest queued articles into the store (--store / $NEWSKG_STORE)
    newskg jobs --queue URL [--batch ID] [ID..]  each job's state; --requeue-failed sends failed ones again
"""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Callable

from newskg.ingest.errors import NewskgError
from newskg.ingest.settings import Settings

EXIT_OK, EXIT_PROBLEM = 0, 1


def add_ingest_options(ingest: argparse.ArgumentParser) -> None:
    group = ingest.add_argument_group("through a task queue (workers ingest; see `newskg worker`)")
    group.add_argument("--queue", metavar="URL", help="enqueue the articles on this queue (redis://host:port/db) "
                                                      "instead of ingesting them here")
    group.add_argument("--wait", action="store_true", help="with --queue: wait until every article has ended and "
                                                           "print the outcomes")


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """command(name, help=..., description=...) adds a command that takes the global options (--store ...)."""
    worker = command("worker", help="ingest articles from the task queue into the store",
                                 description="Take articles from the queue, extract, validate and write each to the "
                                             "store (--store). Stop with Ctrl-C: the article in hand is finished.")
    worker.add_argument("--queue", metavar="URL", help="redis://host:port/db (default: $NEWSKG_QUEUE)")
    worker.add_argument("--burst", action="store_true", help="stop when the queue is empty")

    jobs = command("jobs", help="the state of queued articles",
                               description="Each job: queued, running, accepted, rejected (with its report) or "
                                           "failed (with its error). Exit 1 when any shown job was rejected or failed.")
    jobs.add_argument("ids", nargs="*", metavar="ID", help="only these jobs")
    jobs.add_argument("--queue", metavar="URL", help="redis://host:port/db (default: $NEWSKG_QUEUE)")
    jobs.add_argument("--batch", metavar="ID", help="only the jobs of this batch (printed by ingest --queue)")
    jobs.add_argument("--json", action="store_true", help="print the jobs as JSON")
    jobs.add_argument("--requeue-failed", action="store_true", help="send the failed jobs to the queue again")


def queue_url(args: argparse.Namespace, settings: Settings) -> str:
    url = getattr(args, "queue", None) or settings.queue_url
    if not url:
        raise NewskgError("name the queue: --queue redis://host:port/db or NEWSKG_QUEUE")
    return url


def cmd_enqueue(args: argparse.Namespace, settings: Settings, print_line: Callable[[str], None]) -> int:
    from newskg.ingest import jobs
    from newskg.ingest.fetch import is_url
    from newskg.ingest.inputs import collect_inputs

    if args.feed or any(is_url(text) for text in args.inputs):
        raise NewskgError("--queue takes files and folders; fetch pages and feeds without it (or save them first)")
    inputs = collect_inputs(Path(text) for text in args.inputs)
    if inputs.empty or inputs.missing:
        raise NewskgError(inputs.describe_empty(args.inputs) if inputs.empty else
                          f"no such file or folder: {', '.join(map(str, inputs.missing))}")
    connection = jobs.connect(queue_url(args, settings))
    overrides = jobs.overrides_dict(args.title, args.publisher, args.author,
                                    date.fromisoformat(args.date) if args.date else None, args.url)
    batch = uuid.uuid4().hex[:12]
    ids: list[str] = []
    for path in inputs.articles:
        payload = jobs.payload_of_file(path, settings, overrides)
        ids.append(jobs.enqueue(connection, payload, settings, source=str(path), batch=batch))
        if not args.json:
            print_line(f"queued   {path}: job {ids[-1]}")
    if not args.wait:
        if args.json:
            print_line(json.dumps({"batch": batch, "jobs": ids}))
        else:
            print_line(f"batch {batch}: {len(ids)} article(s) queued; follow with `newskg jobs --batch {batch}`")
        return EXIT_OK
    states = jobs.wait_for(connection, ids)
    return _report(states, args.json, print_line, header=f"batch {batch}")


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from newskg.ingest.job_worker import run_worker

    run_worker(settings, queue_url(args, settings), burst=args.burst)
    return EXIT_OK


def cmd_jobs(args: argparse.Namespace, settings: Settings, print_line: Callable[[str], None]) -> int:
    from newskg.ingest import jobs

    connection = jobs.connect(queue_url(args, settings))
    if args.requeue_failed:
        again = jobs.requeue_failed(connection)
        print_line(f"{len(again)} failed job(s) sent to the queue again")
        return EXIT_OK
    states = jobs.job_states(connection, args.ids or jobs.job_ids(connection, args.batch))
    if args.ids and len(states) < len(args.ids):
        raise NewskgError(f"no such job: {', '.join(sorted(set(args.ids) - {s.id for s in states}))}")
    return _report(states, args.json, print_line)


def _report(states: list["object"], as_json: bool, print_line: Callable[[str], None], header: str = "") -> int:
    from newskg.ingest.jobs import JobState

    shown: list[JobState] = [s for s in states if isinstance(s, JobState)]
    if as_json:
        print_line(json.dumps([s.to_json() for s in shown], indent=2))
    else:
        for state in shown:
            print_line(f"{state.state:8} {state.source}: {state.message} (job {state.id})")
            report = (state.outcome or {}).get("report")
            if state.state == "rejected" and report:
                for violation in report.get("violations", [])[:20]:
                    print_line(f"    {violation.get('message', violation)}")
        counts = {name: sum(s.state == name for s in shown) for name in ("accepted", "rejected", "failed",
                                                                         "queued", "running")}
        print_line((header + ": " if header else "") + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return EXIT_OK if all(s.state in ("accepted", "queued", "running") for s in shown) else EXIT_PROBLEM
