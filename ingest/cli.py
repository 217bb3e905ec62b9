"""The `newskg` command: a thin layer over the library functions."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from newskg.exports.formats import TOOL_FORMAT_BY_NAME
from newskg.ingest import __version__, queue_cli
from newskg.ingest.errors import InputError, NewskgError
from newskg.ingest.formats import RDF_BY_NAME, RESULTS_BY_NAME
from newskg.ingest.settings import Settings, settings_from_env

if TYPE_CHECKING:
    from newskg.ingest.extract.read import MetadataOverrides
    from newskg.ingest.inputs import BatchInputs
    from newskg.ingest.outcome import BatchResult, Outcome

EXIT_OK, EXIT_PROBLEM, EXIT_ERROR = 0, 1, 2


def _settings(args: argparse.Namespace) -> Settings:
    return settings_from_env().with_store(args.store)


def _overrides(args: argparse.Namespace) -> "MetadataOverrides | None":
    from newskg.ingest.extract.read import MetadataOverrides

    if not any([args.title, args.publisher, args.author, args.date, args.url]):
        return None
    return MetadataOverrides(title=args.title, publisher=args.publisher,
                             authors=tuple(args.author) if args.author else None,
                             date=date.fromisoformat(args.date) if args.date else None, url=args.url)


def cmd_ingest(args: argparse.Namespace, *, dry_run: bool = False) -> int:
    from newskg.ingest.fetch import FetchLimits, feed_links, is_url
    from newskg.ingest.inputs import collect_inputs
    from newskg.ingest.outcome import BatchResult, Outcome, Status
    from newskg.ingest.progress import BatchProgress

    settings = _settings(args)
    if not dry_run and args.queue:
        return queue_cli.cmd_enqueue(args, settings, print)
    urls = [text for text in args.inputs if is_url(text)]
    inputs = collect_inputs(Path(text) for text in args.inputs if not is_url(text))
    unreadable_feeds: list[Outcome] = []
    for feed in args.feed or []:
        try:
            urls.extend(feed_links(feed, FetchLimits(settings.max_body_bytes, settings.fetch_timeout)))
        except NewskgError as error:
            unreadable_feeds.append(Outcome(feed, Status.FAILED, str(error)))
    urls = list(dict.fromkeys(urls))   # a page named and listed in a feed is fetched once
    if inputs.empty and not urls and not unreadable_feeds:
        raise NewskgError(inputs.describe_empty([*args.inputs, *(args.feed or [])]))
    total = len(inputs.articles) + len(inputs.skipped) + len(inputs.missing) + len(urls) + len(unreadable_feeds)
    with BatchProgress(total, lines=not args.json) as progress:
        for outcome in unreadable_feeds:
            progress(outcome)
        batch = BatchResult(list(unreadable_feeds))
        batch.outcomes += _ingest_inputs(args, settings, inputs, urls, dry_run, progress).outcomes
    if args.json:
        print(json.dumps([o.to_json() for o in batch.outcomes], indent=2))
    else:
        print(batch.summary())
    return EXIT_OK if batch.ok else EXIT_PROBLEM


def _ingest_inputs(args: argparse.Namespace, settings: Settings, inputs: "BatchInputs", urls: list[str],
                   dry_run: bool, progress: Callable[["Outcome"], None]) -> "BatchResult":
    """Files (in `--workers` processes when asked) then pages fetched over HTTP, into one batch."""
    from newskg.ingest.outcome import BatchResult
    from newskg.ingest.pipeline import Pipeline
    from newskg.ingest.store_access import open_configured_store

    overrides = _overrides(args)
    quarantine = None if dry_run else args.quarantine
    store = None if dry_run else open_configured_store(settings)
    try:
        if args.workers > 1 and inputs.articles:
            from newskg.ingest.parallel_ingest import ingest_in_parallel

            files = ingest_in_parallel(settings, store, inputs, overrides, workers=args.workers, dry_run=dry_run,
                                       quarantine=quarantine, on_outcome=progress)
            pipeline = Pipeline(settings, store) if urls else None
        else:
            pipeline = Pipeline(settings, store)
            files = pipeline.ingest_inputs(inputs, overrides, dry_run=dry_run, quarantine=quarantine,
                                           on_outcome=progress)
        pages = pipeline.ingest_urls(urls, overrides, dry_run=dry_run, on_outcome=progress) if pipeline else None
    finally:
        if store is not None:
            store.close()
    return BatchResult(files.outcomes + (pages.outcomes if pages else []))


def cmd_extract(args: argparse.Namespace) -> int:
    from newskg.ingest.derived_cache import derived_cache
    from newskg.ingest.extract.extractor import Extractor
    from newskg.ingest.iris import IriMinter
    from newskg.ingest.report import extraction_report

    settings = _settings(args)
    minter = IriMinter(settings.base_iri)
    extractor = Extractor.load(minter, with_registry=not args.no_registry, cache=derived_cache(settings.cache_dir))
    from newskg.ingest.fetch import is_url

    if is_url(args.path):
        from newskg.ingest.extract.read import read_bytes
        from newskg.ingest.fetch import FetchLimits, fetch

        page = fetch(args.path, FetchLimits(settings.max_body_bytes, settings.fetch_timeout))
        extraction = extractor.extract(read_bytes(page.data, page.url, page.media_type, _overrides(args),
                                                  settings.max_body_bytes))
    else:
        extraction = extractor.extract_file(Path(args.path), _overrides(args), settings.max_body_bytes)
    report = extraction_report(extraction, minter)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"{report['article']['title']!s} — {len(report['actors'])} actors, "
              f"{len(report['statements'])} statements, {len(report['allegations'])} allegations, "
              f"{len(report['events'])} events")
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from newskg.ingest.query_output import write_query_result
    from newskg.ingest.store_access import open_configured_store

    sparql = sys.stdin.read() if args.sparql == "-" else args.sparql
    if sparql.startswith("@"):
        sparql = _read_query_file(Path(sparql[1:]))
    store = open_configured_store(_settings(args), existing=True)
    try:
        write_query_result(store.query(sparql), args.format, sys.stdout.buffer)
    finally:
        store.close()
    return EXIT_OK


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"the query file {path} is not UTF-8 text (at byte {error.start})") from None
    except OSError as error:
        raise InputError(f"cannot read the query file {path}: {error.strerror or error}") from None


def cmd_export(args: argparse.Namespace) -> int:
    from newskg.ingest.store_access import open_configured_store

    if args.format in TOOL_FORMAT_BY_NAME:
        return cmd_export_for_tools(args)
    settings = _settings(args)
    store = open_configured_store(settings, existing=True)
    syntax = RDF_BY_NAME[args.format]
    try:
        if args.graph and not store.has_graph(args.graph):
            raise NewskgError(f"no graph <{args.graph}> in the store at {settings.store_locator}; list the graphs with: "
                              "newskg query 'SELECT DISTINCT ?g WHERE { GRAPH ?g {} }'")
        if args.output:
            with open(args.output, "wb") as out:
                store.dump(out, syntax.media_type, args.graph)
        else:
            store.dump(sys.stdout.buffer, syntax.media_type, args.graph)
    finally:
        store.close()
    return EXIT_OK


def cmd_export_for_tools(args: argparse.Namespace) -> int:
    """`export --format stix|claimreview`: the whole store in an analysts' tool's format (exports/)."""
    from newskg.ingest.errors import InputError
    from newskg.ingest.store_access import open_configured_store

    if args.graph:
        raise InputError(f"--graph is for the RDF formats; --format {args.format} exports the whole store")
    settings = _settings(args)
    fmt = TOOL_FORMAT_BY_NAME[args.format]
    store = open_configured_store(settings, existing=True)
    try:
        if args.output:
            with open(args.output, "wb") as out:
                fmt.write(store, out, settings.base_iri)
        else:
            fmt.write(store, sys.stdout.buffer, settings.base_iri)
    finally:
        store.close()
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from newskg.ingest.check import check_store
    from newskg.ingest.iris import IriMinter
    from newskg.ingest.service_graphs import registry_graph
    from newskg.ingest.store_access import open_configured_store
    from newskg.ingest.validation import Validator

    settings = _settings(args)
    store = open_configured_store(settings, existing=True)
    try:
        validator = Validator.load(registry_graph(IriMinter(settings.base_iri)))
        report = check_store(store, validator, reason=not args.no_reason, workers=os.cpu_count() or 1)
    finally:
        store.close()
    print(report.to_text())
    return EXIT_OK if report.ok else EXIT_PROBLEM


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from newskg.store.embedded import store_exists

    # the app reads its settings from the environment; ingest never imports api (api depends on ingest)
    if args.store:
        os.environ["NEWSKG_STORE"] = args.store
    settings = _settings(args)
    store_dir = settings.store_dir
    if settings.store_url is None and not store_exists(store_dir):
        print(f"newskg serve: no store at {store_dir} yet: starting with an empty one (POST /articles to fill it)",
              file=sys.stderr)
    if args.allow_open_writes:
        os.environ["NEWSKG_ALLOW_OPEN_WRITES"] = "1"
    uvicorn.run("newskg.api.app:create_app", factory=True, host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def _global_options(*, after_the_command: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name (`newskg --store X query ...` or `newskg query ...
    --store X`). After the command they default to nothing, so they never undo a value given before it."""
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("global options (before or after the command)")
    group.add_argument("--store", metavar="DIR_OR_URL", default=argparse.SUPPRESS if after_the_command else None,
                       help="store directory, or a remote store ENGINE+http(s)://host:port[/path] "
                            "(default: $NEWSKG_STORE, else ./data/store)")
    return options


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="PATH_OR_URL",
                        help="article files, folders of them (files that are not articles are skipped), or "
                             "http(s):// addresses of article pages")
    parser.add_argument("--feed", action="append", metavar="URL",
                        help="an RSS or Atom feed: every article it links to (repeat for several feeds)")
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")


def _add_metadata_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("metadata (wins over what the page and any X.meta.json sidecar say)")
    group.add_argument("--title")
    group.add_argument("--publisher")
    group.add_argument("--author", action="append", help="repeat for several authors")
    group.add_argument("--date", help="publication date, YYYY-MM-DD")
    group.add_argument("--url")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newskg", parents=[_global_options(after_the_command=False)],
        description="Knowledge graph of who alleged what, about whom, where it was reported, "
                    "and who contests it: ingest news articles, validate, query and serve them.")
    parser.add_argument("--version", action="version", version=f"newskg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, **details: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[_global_options(after_the_command=True)], **details)

    ingest = command("ingest", help="read, extract, validate and store articles (files, folders, URLs, feeds)",
                     description="Ingest articles: each is extracted, validated against the shapes, and written as "
                                 "its own named graph (or left as it is when unchanged), or rejected with a report. "
                                 "Exit 1 when any article was rejected or failed; files that are not articles are "
                                 "skipped.")
    _add_input_options(ingest)
    ingest.add_argument("--quarantine", type=Path, metavar="DIR", help="keep refused inputs and their reports here")
    ingest.add_argument("--workers", type=int, default=1, metavar="N",
                        help="read, extract and validate files in N worker processes (this process alone writes); "
                             "default 1")
    _add_metadata_options(ingest)
    queue_cli.add_ingest_options(ingest)

    extract = command("extract", help="print the extraction report of one article (no store)",
                      description="Extract one article (a file or an http(s):// address) and print the extraction "
                                  "report; writes nothing.")
    extract.add_argument("path", metavar="PATH_OR_URL")
    extract.add_argument("--json", action="store_true", help="print the full JSON report")
    extract.add_argument("--no-registry", action="store_true", help="discover actors without the known-actor registry")
    _add_metadata_options(extract)

    validate = command("validate", help="dry run: extract and validate, write nothing",
                       description="Check articles against the shapes without writing. Exit 1 on any rejection or "
                                   "failure.")
    _add_input_options(validate)
    validate.set_defaults(workers=1, quarantine=None)
    _add_metadata_options(validate)

    query = command("query", help="run a SPARQL query against the store",
                    description="Run a SPARQL query (a string, @FILE, or - for stdin).")
    query.add_argument("sparql", metavar="SPARQL")
    query.add_argument("--format", default="json", choices=sorted([*RESULTS_BY_NAME, *RDF_BY_NAME]),
                       help="results format for SELECT/ASK, RDF format for CONSTRUCT/DESCRIBE")

    export = command("export", help="dump the store (or one graph) as RDF, STIX 2.1 or ClaimReview",
                     description="Write the whole dataset or one named graph, streamed; or the whole store as a STIX "
                                 "2.1 bundle (stix) or schema.org ClaimReview JSON-LD (claimreview).")
    export.add_argument("--format", default="nquads", choices=sorted([*RDF_BY_NAME, *TOOL_FORMAT_BY_NAME]))
    export.add_argument("-o", "--output", type=Path, metavar="FILE")
    export.add_argument("--graph", help="only this named graph")

    check = command("check", help="SHACL over the whole store and OWL consistency (HermiT)",
                    description="Validate every graph of the store and check the ontology and data for consistency. "
                                "Exit 1 when anything is wrong.")
    check.add_argument("--no-reason", action="store_true", help="skip the OWL reasoner")

    serve = command("serve", help="serve SPARQL, pages and downloads over HTTP",
                    description="Run the HTTP service (SPARQL 1.1 endpoint, linked-data pages, dumps). A store that "
                                "does not exist yet is created empty.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--allow-open-writes", action="store_true",
                       help="accept writes over HTTP without a token (local use only; without this and without "
                            "$NEWSKG_WRITE_TOKEN, SPARQL Update, Graph Store writes and POST /articles are refused)")
    queue_cli.add_commands(command)
    return parser


COMMANDS = {"ingest": cmd_ingest, "extract": cmd_extract, "query": cmd_query, "export": cmd_export,
            "check": cmd_check, "serve": cmd_serve,
            "worker": lambda args: queue_cli.cmd_worker(args, _settings(args)),
            "jobs": lambda args: queue_cli.cmd_jobs(args, _settings(args), print)}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return cmd_ingest(args, dry_run=True)
        return COMMANDS[args.command](args)
    except NewskgError as error:
        print(f"newskg {args.command}: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
