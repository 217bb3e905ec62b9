"""file → extract → mapping → validation → store. Each article ends accepted, rejected or failed; a batch goes on."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import Graph

from newskg import ingest
from newskg.ingest.derived_cache import derived_cache
from newskg.ingest.errors import InputError, NewskgError, StoreError
from newskg.ingest.extract.extractor import Extractor
from newskg.ingest.extract.read import MetadataOverrides, read_bytes, read_file
from newskg.ingest.fetch import FetchLimits, fetch
from newskg.ingest.inputs import BatchInputs, collect_inputs
from newskg.ingest.iris import IriMinter
from newskg.ingest.mapping import Provenance, article_graph
from newskg.ingest.metadata_actors import metadata_actors
from newskg.ingest.model import ArticleDoc, Extraction
from newskg.ingest.outcome import BatchResult, Outcome, Status
from newskg.ingest.service_graphs import ontology_version, registry_graph, write_service_graphs
from newskg.ingest.settings import Settings
from newskg.store.interface import Store
from newskg.store.terms import TermConverter
from newskg.ingest.validation import Validator


@dataclass
class PreparedArticle:
    extraction: Extraction
    graph_iri: str
    graph: Graph


class Pipeline:
    """Everything an ingest needs, loaded once: extractor (registry, lexicon), validator (shapes, ontology)."""

    def __init__(self, settings: Settings, store: Store | None, *, with_registry: bool = True) -> None:
        self.settings = settings
        self.store = store
        self.with_registry = with_registry
        self.minter = IriMinter(settings.base_iri)
        self.extractor = Extractor.load(self.minter, with_registry=with_registry,
                                        cache=derived_cache(settings.cache_dir))
        self.validator = Validator.load(registry_graph(self.minter))
        self.provenance = Provenance(software_version=f"newskg {ingest.__version__}",
                                     ontology_version=ontology_version())

    def write_service_graphs(self) -> None:
        assert self.store is not None
        write_service_graphs(self.store, self.minter)

    def prepare(self, doc: ArticleDoc) -> PreparedArticle:
        extraction = self.extractor.extract(doc)
        metadata = metadata_actors(doc, extraction.actors, self.extractor.registry, self.minter)
        graph = article_graph(
            extraction,
            self.minter,
            self.provenance,
            metadata.publisher,
            metadata.authors,
            agency=metadata.agency,
            dateline=metadata.dateline,
        )
        return PreparedArticle(extraction, str(self.minter.article_graph(doc.key)), graph)

    def ingest_doc(self, doc: ArticleDoc, source: str, *, dry_run: bool = False) -> Outcome:
        started = time.perf_counter()
        prepared = self.prepare(doc)
        outcome = self.commit(prepared, source, dry_run=dry_run)
        outcome.timings["extract_map"] = time.perf_counter() - started - sum(outcome.timings.values())
        return outcome

    def commit(self, prepared: PreparedArticle, source: str, *, dry_run: bool = False) -> Outcome:
        """The gate: validate the article's graph, and write it (replacing any earlier version) only if it conforms."""
        timings: dict[str, float] = {}
        started = time.perf_counter()
        report = self.validator.validate(prepared.graph)
        timings["validate"] = time.perf_counter() - started
        article_iri = str(self.minter.article(prepared.extraction.article.key))
        if not report.conforms:
            return Outcome(source, Status.REJECTED, f"{len(report.violations)} shape violation(s); nothing written",
                           article_iri, prepared.graph_iri, len(prepared.graph), report, timings)
        unchanged = False
        if not dry_run:
            assert self.store is not None
            started = time.perf_counter()
            unchanged = write_unless_unchanged(self.store, prepared.graph_iri,
                                               [TermConverter().triple(t) for t in prepared.graph])
            timings["write"] = time.perf_counter() - started
        return Outcome(source, Status.ACCEPTED, accepted_message(len(prepared.graph), dry_run=dry_run,
                                                                 unchanged=unchanged),
                       article_iri, prepared.graph_iri, len(prepared.graph), None, timings, unchanged)

    def _bounded(self, doc: ArticleDoc) -> ArticleDoc:
        if len(doc.text) > self.settings.max_article_chars:
            raise InputError(f"article body too long: {len(doc.text):,} characters, the limit is "
                             f"{self.settings.max_article_chars:,} (NEWSKG_MAX_ARTICLE_CHARS)")
        return doc

    def ingest_file(self, path: Path, overrides: MetadataOverrides | None = None, *,
                    dry_run: bool = False) -> Outcome:
        try:
            doc = self._bounded(read_file(path, overrides, self.settings.max_body_bytes))
            return self.ingest_doc(doc, str(path), dry_run=dry_run)
        except StoreError as error:
            return Outcome(str(path), Status.FAILED, str(error), retryable=True)
        except NewskgError as error:
            return Outcome(str(path), Status.FAILED, str(error))

    def prepare_file(self, path: Path, overrides: MetadataOverrides | None = None) -> tuple[Outcome, Graph | None]:
        """Read, extract, map and validate one file, writing nothing: the outcome a dry run gives, and the graph
        to write when it conforms (what a worker of a parallel ingest does; its parent writes)."""
        try:
            doc = self._bounded(read_file(path, overrides, self.settings.max_body_bytes))
            started = time.perf_counter()
            prepared = self.prepare(doc)
            outcome = self.commit(prepared, str(path), dry_run=True)
        except NewskgError as error:
            return Outcome(str(path), Status.FAILED, str(error)), None
        outcome.timings["extract_map"] = time.perf_counter() - started - sum(outcome.timings.values())
        return outcome, prepared.graph if outcome.status is Status.ACCEPTED else None

    def ingest_bytes(self, data: bytes, name: str, media_type: str | None = None,
                     overrides: MetadataOverrides | None = None, *, dry_run: bool = False) -> Outcome:
        try:
            doc = self._bounded(read_bytes(data, name, media_type, overrides, self.settings.max_body_bytes))
            return self.ingest_doc(doc, name, dry_run=dry_run)
        except StoreError as error:
            return Outcome(name, Status.FAILED, str(error), retryable=True)
        except NewskgError as error:
            return Outcome(name, Status.FAILED, str(error))

    def ingest_url(self, url: str, overrides: MetadataOverrides | None = None, *, dry_run: bool = False) -> Outcome:
        """Fetch an article page and ingest it; a page that does not name its own address gets the one it came from."""
        try:
            limits = FetchLimits(self.settings.max_body_bytes, self.settings.fetch_timeout)
            page = fetch(url, limits)
            doc = self._bounded(read_bytes(page.data, page.url, page.media_type, overrides,
                                           self.settings.max_body_bytes))
            if doc.url is None:
                doc = replace(doc, url=page.url, key=IriMinter.article_key(page.url, doc.text))
            return self.ingest_doc(doc, url, dry_run=dry_run)
        except NewskgError as error:
            return Outcome(url, Status.FAILED, str(error))

    def ingest_paths(self, paths: Iterable[Path], overrides: MetadataOverrides | None = None, *,
                     dry_run: bool = False, quarantine: Path | None = None,
                     on_outcome: Callable[[Outcome], None] | None = None) -> BatchResult:
        """Files, and the files under folders. on_outcome is told of each input as soon as it ends (the CLI shows
        progress with it)."""
        return self.ingest_inputs(collect_inputs(paths), overrides, dry_run=dry_run, quarantine=quarantine,
                                  on_outcome=on_outcome)

    def ingest_inputs(self, inputs: BatchInputs, overrides: MetadataOverrides | None = None, *,
                      dry_run: bool = False, quarantine: Path | None = None,
                      on_outcome: Callable[[Outcome], None] | None = None) -> BatchResult:
        """ingest_paths for inputs already sorted by ingest.inputs.collect_inputs. When the store cannot be
        written, the batch stops there: the rest is listed as not attempted, to be run again."""
        batch = BatchResult()
        if not dry_run:
            self.write_service_graphs()
        record_unread(batch, inputs, on_outcome)
        for index, path in enumerate(inputs.articles):
            outcome = self.ingest_file(path, overrides, dry_run=dry_run)
            record_outcome(batch, path, outcome, quarantine, on_outcome)
            if outcome.retryable:
                batch.not_attempted = [str(p) for p in inputs.articles[index + 1:]]
                break
        return batch

    def ingest_urls(self, urls: Iterable[str], overrides: MetadataOverrides | None = None, *, dry_run: bool = False,
                    on_outcome: Callable[[Outcome], None] | None = None) -> BatchResult:
        batch = BatchResult()
        if not dry_run:
            self.write_service_graphs()
        for url in urls:
            add_outcome(batch, self.ingest_url(url, overrides, dry_run=dry_run), on_outcome)
        return batch


def accepted_message(triples: int, *, dry_run: bool, unchanged: bool = False) -> str:
    return f"{'valid' if dry_run else 'unchanged' if unchanged else 'written'}: {triples} triples"


def write_unless_unchanged(store: Store, graph_iri: str, triples: list[ox.Triple]) -> bool:
    """Replace the article's graph with these triples in one transaction, unless it holds exactly them already
    (re-ingesting an unchanged article writes nothing). True when it was unchanged."""
    if store.holds_graph(graph_iri, triples):
        return True
    store.replace_ox_graphs({ox.NamedNode(graph_iri): triples})
    return False


def record_unread(batch: BatchResult, inputs: BatchInputs, on_outcome: Callable[[Outcome], None] | None) -> None:
    """The inputs of a batch that are not read: files that are not articles (skipped), paths that are not there."""
    unread = [Outcome(str(path), Status.SKIPPED, why) for path, why in inputs.skipped]
    unread += [Outcome(str(path), Status.FAILED, f"{path}: no such file or folder") for path in inputs.missing]
    for outcome in unread:
        add_outcome(batch, outcome, on_outcome)


def add_outcome(batch: BatchResult, outcome: Outcome, on_outcome: Callable[[Outcome], None] | None) -> None:
    batch.outcomes.append(outcome)
    if on_outcome is not None:
        on_outcome(outcome)


def record_outcome(batch: BatchResult, path: Path, outcome: Outcome, quarantine: Path | None,
                   on_outcome: Callable[[Outcome], None] | None) -> None:
    """One article of a batch has ended: keep a refused input in quarantine, count it, tell the caller."""
    if quarantine is not None and outcome.status is not Status.ACCEPTED and not outcome.retryable:
        keep_in_quarantine(path, outcome, quarantine)
    add_outcome(batch, outcome, on_outcome)


def keep_in_quarantine(path: Path, outcome: Outcome, quarantine: Path) -> None:
    """Keep a refused input beside its report, for someone to look at."""
    quarantine.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, quarantine / path.name)
    lines = [f"{outcome.status.value}: {outcome.message}"]
    if outcome.report is not None:
        lines.append(outcome.report.to_text())
        (quarantine / f"{path.name}.report.ttl").write_text(outcome.report.to_turtle(), encoding="utf-8")
    (quarantine / f"{path.name}.report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
