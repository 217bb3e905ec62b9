"""The `newskg` command: a thin layer over the library functions."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ingest import __version__
from ingest.errors import NewskgError
from ingest.formats import RDF_BY_NAME, RESULTS_BY_NAME
from ingest.settings import Settings, settings_from_env

if TYPE_CHECKING:
    from ingest.extract.read import MetadataOverrides
    from ingest.outcome import Outcome

EXIT_OK, EXIT_PROBLEM, EXIT_ERROR = 0, 1, 2


def _settings(args: argparse.Namespace) -> Settings:
    settings = settings_from_env()
    return settings.with_overrides(store_dir=Path(args.store) if args.store else None)


def _overrides(args: argparse.Namespace) -> "MetadataOverrides | None":
    from ingest.extract.read import MetadataOverrides

    if not any([args.title, args.publisher, args.author, args.date, args.url]):
        return None
    return MetadataOverrides(title=args.title, publisher=args.publisher,
                             authors=tuple(args.author) if args.author else None,
                             date=date.fromisoformat(args.date) if args.date else None, url=args.url)


def _print_outcome(outcome: "Outcome") -> None:
    """One line per article as soon as it ends (flushed: a batch's progress can be followed, e.g. piped)."""
    from ingest.outcome import Status

    print(f"{outcome.status.value:8} {outcome.source}: {outcome.message}", flush=True)
    if outcome.status is Status.REJECTED and outcome.report is not None:
        print(outcome.report.to_text(), flush=True)


def cmd_ingest(args: argparse.Namespace, *, dry_run: bool = False) -> int:
    from ingest.pipeline import Pipeline
    from ingest.store import open_store

    settings = _settings(args)
    progress = None if args.json else _print_outcome
    if dry_run:
        pipeline = Pipeline(settings, None)
        batch = pipeline.ingest_paths(args.paths, _overrides(args), dry_run=True, on_outcome=progress)
    else:
        store = open_store(settings.store_dir)
        try:
            if args.workers > 1:
                from ingest.parallel_ingest import ingest_in_parallel

                batch = ingest_in_parallel(settings, store, args.paths, _overrides(args), workers=args.workers,
                                           quarantine=args.quarantine, on_outcome=progress)
            else:
                pipeline = Pipeline(settings, store)
                batch = pipeline.ingest_paths(args.paths, _overrides(args), quarantine=args.quarantine,
                                              on_outcome=progress)
        finally:
            store.close()
    if args.json:
        print(json.dumps([o.to_json() for o in batch.outcomes], indent=2))
    else:
        print(batch.summary())
    return EXIT_OK if batch.ok else EXIT_PROBLEM


def cmd_extract(args: argparse.Namespace) -> int:
    from ingest.extract.extractor import Extractor
    from ingest.iris import IriMinter
    from ingest.report import extraction_report

    settings = _settings(args)
    minter = IriMinter(settings.base_iri)
    extractor = Extractor.load(minter, with_registry=not args.no_registry)
    extraction = extractor.extract_file(args.path, _overrides(args), settings.max_body_bytes)
    report = extraction_report(extraction, minter)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"{report['article']['title']!s} — {len(report['actors'])} actors, "
              f"{len(report['statements'])} statements, {len(report['allegations'])} allegations, "
              f"{len(report['events'])} events")
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from ingest.query_output import write_query_result
    from ingest.store import open_store

    sparql = sys.stdin.read() if args.sparql == "-" else args.sparql
    if sparql.startswith("@"):
        sparql = Path(sparql[1:]).read_text(encoding="utf-8")
    store = open_store(_settings(args).store_dir)
    try:
        write_query_result(store.query(sparql), args.format, sys.stdout.buffer)
    finally:
        store.close()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ingest.store import open_store

    store = open_store(_settings(args).store_dir)
    syntax = RDF_BY_NAME[args.format]
    try:
        if args.output:
            with open(args.output, "wb") as out:
                store.dump(out, syntax.media_type, args.graph)
        else:
            store.dump(sys.stdout.buffer, syntax.media_type, args.graph)
    finally:
        store.close()
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from ingest.check import check_store
    from ingest.iris import IriMinter
    from ingest.service_graphs import registry_graph
    from ingest.store import open_store
    from ingest.validation import Validator

    settings = _settings(args)
    store = open_store(settings.store_dir)
    try:
        validator = Validator.load(registry_graph(IriMinter(settings.base_iri)))
        report = check_store(store, validator, reason=not args.no_reason, workers=os.cpu_count() or 1)
    finally:
        store.close()
    print(report.to_text())
    return EXIT_OK if report.ok else EXIT_PROBLEM


def cmd_serve(args: argparse.Namespace) -> int:

    import uvicorn

    # the app reads its settings from the environment; ingest never imports api (api depends on ingest)
    if args.store:
        os.environ["NEWSKG_STORE"] = args.store
    uvicorn.run("api.app:create_app", factory=True, host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def _add_metadata_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("metadata (wins over what the page and any X.meta.json sidecar say)")
    group.add_argument("--title")
    group.add_argument("--publisher")
    group.add_argument("--author", action="append", help="repeat for several authors")
    group.add_argument("--date", help="publication date, YYYY-MM-DD")
    group.add_argument("--url")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newskg", description="Knowledge graph of who alleged what, about whom, where it was reported, "
                                   "and who contests it: ingest news articles, validate, query and serve them.")
    parser.add_argument("--version", action="version", version=f"newskg {__version__}")
    parser.add_argument("--store", help="store directory (default: $NEWSKG_STORE, else ./data/store)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="read, extract, validate and store articles (files or folders)",
                                 description="Ingest articles: each is extracted, validated against the shapes, and "
                                             "written as its own named graph, or rejected with a report. Exit 1 when "
                                             "any article was rejected or failed.")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--quarantine", type=Path, metavar="DIR", help="keep refused inputs and their reports here")
    ingest.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    ingest.add_argument("--workers", type=int, default=1, metavar="N",
                        help="read, extract and validate in N worker processes (this process alone writes); "
                             "default 1")
    _add_metadata_options(ingest)

    extract = commands.add_parser("extract", help="print the extraction report of one article (no store)",
                                  description="Extract one article and print the extraction report; writes nothing.")
    extract.add_argument("path", type=Path, metavar="PATH")
    extract.add_argument("--json", action="store_true", help="print the full JSON report")
    extract.add_argument("--no-registry", action="store_true", help="discover actors without the known-actor registry")
    _add_metadata_options(extract)

    validate = commands.add_parser("validate", help="dry run: extract and validate, write nothing",
                                   description="Check articles against the shapes without writing. Exit 1 on any "
                                               "rejection or failure.")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument("--json", action="store_true")
    _add_metadata_options(validate)

    query = commands.add_parser("query", help="run a SPARQL query against the store",
                                description="Run a SPARQL query (a string, @FILE, or - for stdin).")
    query.add_argument("sparql", metavar="SPARQL")
    query.add_argument("--format", default="json", choices=sorted([*RESULTS_BY_NAME, *RDF_BY_NAME]),
                       help="results format for SELECT/ASK, RDF format for CONSTRUCT/DESCRIBE")

    export = commands.add_parser("export", help="dump the store (or one graph) as RDF",
                                 description="Write the whole dataset or one named graph, streamed.")
    export.add_argument("--format", default="nquads", choices=sorted(RDF_BY_NAME))
    export.add_argument("-o", "--output", type=Path, metavar="FILE")
    export.add_argument("--graph", help="only this named graph")

    check = commands.add_parser("check", help="SHACL over the whole store and OWL consistency (HermiT)",
                                description="Validate every graph of the store and check the ontology and data for "
                                            "consistency. Exit 1 when anything is wrong.")
    check.add_argument("--no-reason", action="store_true", help="skip the OWL reasoner")

    serve = commands.add_parser("serve", help="serve SPARQL, pages and downloads over HTTP",
                                description="Run the HTTP service (SPARQL 1.1 endpoint, linked-data pages, dumps).")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    return parser


COMMANDS = {"ingest": cmd_ingest, "extract": cmd_extract, "query": cmd_query, "export": cmd_export,
            "check": cmd_check, "serve": cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            args.quarantine = None
            return cmd_ingest(args, dry_run=True)
        return COMMANDS[args.command](args)
    except NewskgError as error:
        print(f"newskg {args.command}: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
