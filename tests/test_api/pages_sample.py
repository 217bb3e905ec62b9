"""A small hand-made dataset for the page, dump and dereferencing tests: two articles mapped by ingest.mapping
from Extraction objects, plus the ontology and the actor registry, written the way the pipeline writes them.

It holds an allegation (the first article's central one) with a claimant, an accused, a beneficiary and a target; a
supporting statement; a denial and a downplaying reaction; a second, unattributed allegation against Turkey, which only
Turkey's foreign ministry answers (each statement responds to one of the two, never to both); the same allegation as the
first one in the second article, in that outlet's own voice, so that the two form an allegation cluster; a quote
reported by both articles (a quote cluster); an event; and, in the second article, text carrying HTML and a <script>
element, which every page must show as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterator

import pytest

from newskg.ingest.iris import IriMinter
from newskg.ingest.mapping import Provenance, article_graph
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Event, Extraction, Place, Response, Span, Statement
from newskg.ingest.service_graphs import service_graphs
from newskg.ingest.settings import Settings
from newskg.store.interface import Store

PROVENANCE = Provenance(software_version="newskg test", ontology_version="test")
QUOTE = "We might claim less than a fraction of help for this offensive"
SCRIPT = "<script>alert('pwned')</script>"

FIRST_TEXT = f"""Russia says Ukraine helped the rebels

Alexander Lavrentiev, Russia's presidential envoy for Syria, claimed that specialists from the GUR were operating in Idlib.

"{QUOTE}," a Ukrainian official told Middle East Eye.

A Turkish source denied that HTS relies on Ukrainian assistance.

There are reports that Turkey supplied HTS with armoured vehicles.

Turkey's foreign ministry said the reports were baseless.

The rebels captured Aleppo on 30 November.
"""

SECOND_TEXT = f"""Kyiv's hand in Syria?

"{QUOTE}," a Ukrainian official said, according to the report.

The GUR has trained HTS drone pilots in Idlib, the Courier has learned.

Readers asked about <b>markup</b> and {SCRIPT} in comments.
"""


def span(text: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def sentence_of(text: str, inner: Span) -> Span:
    start = text.rfind("\n", 0, inner.start) + 1
    end = text.find("\n", inner.end)
    return Span(start, end, text[start:end])


@dataclass(frozen=True)
class Sample:
    minter: IriMinter
    first: Extraction
    second: Extraction

    @property
    def lavrentiev(self) -> str:
        return str(self.minter.actor("Alexander Lavrentiev"))

    @property
    def allegation(self) -> str:
        return self.first.allegations[0].iri

    @property
    def against_turkey(self) -> str:
        """The unattributed allegation against Turkey, answered only by Turkey's foreign ministry."""
        return self.first.allegations[1].iri

    @property
    def in_second(self) -> str:
        """The first allegation again, in the second article, in the outlet's own voice."""
        return self.second.allegations[0].iri

    @property
    def allegation_cluster(self) -> str:
        cluster = self.first.allegations[0].cluster
        assert cluster is not None
        return cluster

    @property
    def supporting(self) -> str:
        return self.first.statements[0].iri

    @property
    def denial(self) -> str:
        return self.first.statements[2].iri

    @property
    def turkish_dismissal(self) -> str:
        return self.first.statements[3].iri

    @property
    def second_downplaying(self) -> str:
        return self.second.statements[0].iri

    def actor(self, name: str) -> str:
        return str(self.minter.actor(name))

    @property
    def downplaying(self) -> str:
        return self.first.statements[1].iri

    @property
    def first_article(self) -> str:
        return str(self.minter.article(self.first.article.key))

    @property
    def second_article(self) -> str:
        return str(self.minter.article(self.second.article.key))


def _first(minter: IriMinter, cluster: str, allegation_cluster: str) -> Extraction:
    text = FIRST_TEXT
    doc = ArticleDoc(key=IriMinter.article_key("https://example.org/first", text), text=text,
                     title="Russia says Ukraine helped the rebels", publisher="Middle East Eye",
                     date=date(2024, 12, 2), url="https://example.org/first")
    key = doc.key
    lavrentiev = Actor(str(minter.actor("Alexander Lavrentiev")), "Alexander Lavrentiev", "Person", known=True,
                       mentions=[span(text, "Alexander Lavrentiev")])
    gur = Actor(str(minter.actor("GUR")), "GUR", "IntelligenceAgency", known=True, mentions=[span(text, "GUR")])
    hts = Actor(str(minter.actor("HTS")), "HTS", "ArmedGroup", known=True, mentions=[span(text, "HTS")])
    syria = Actor(str(minter.actor("Syrian government")), "Syrian government", "GovernmentBody", known=True)
    turkey = Actor(str(minter.actor("Turkey")), "Turkey", "State", known=True, mentions=[span(text, "Turkey")])
    ministry = Actor(str(minter.actor("Turkish foreign ministry")), "Turkish foreign ministry", "GovernmentBody",
                     known=False, mentions=[span(text, "Turkey's foreign ministry")])
    official = Actor(str(minter.anonymous_source(key, "a Ukrainian official")), "a Ukrainian official",
                     "AnonymousSource", known=False, mentions=[span(text, "a Ukrainian official")])
    turkish = Actor(str(minter.anonymous_source(key, "a Turkish source")), "a Turkish source", "AnonymousSource",
                    known=False, mentions=[span(text, "A Turkish source")])
    allegation_iri = str(minter.allegation(key, "gur-in-idlib"))
    turkey_iri = str(minter.allegation(key, "turkish-vehicles"))
    claim = span(text, "specialists from the GUR were operating in Idlib")
    quote = span(text, QUOTE)
    denied = span(text, "HTS relies on Ukrainian assistance")
    dismissed = span(text, "the reports were baseless")
    statements = [
        Statement(str(minter.statement(key, claim.start, claim.end)), lavrentiev.iri, lavrentiev.label,
                  span(text, "claimed"), claim, sentence_of(text, claim), direct=False, stance="supports",
                  about=[allegation_iri]),
        Statement(str(minter.statement(key, quote.start, quote.end)), official.iri, official.label,
                  span(text, "told"), quote, sentence_of(text, quote), direct=True, stance="downplays",
                  about=[allegation_iri], cluster=cluster),
        Statement(str(minter.statement(key, denied.start, denied.end)), turkish.iri, turkish.label,
                  span(text, "denied"), denied, sentence_of(text, denied), direct=False, stance="denies",
                  about=[allegation_iri]),
        # answers the allegation against Turkey only: towards the central allegation it is neutral
        Statement(str(minter.statement(key, dismissed.start, dismissed.end)), ministry.iri, ministry.label,
                  span(text, "said"), dismissed, sentence_of(text, dismissed), direct=False, stance="neutral",
                  about=[turkey_iri]),
    ]
    allegation = Allegation(allegation_iri, "Ukraine's GUR specialists operate in Idlib and help HTS", claim,
                            claim_type=None, claimants=[lavrentiev.iri], accused=[gur.iri], beneficiaries=[hts.iri],
                            targets=[syria.iri], supported_by=[statements[0].iri],
                            contested_by=[statements[1].iri, statements[2].iri], cluster=allegation_cluster)
    against_turkey = Allegation(turkey_iri, "Turkey supplied armoured vehicles to HTS",
                                span(text, "Turkey supplied HTS with armoured vehicles"), claimant_note="unattributed",
                                accused=[turkey.iri], beneficiaries=[hts.iri], contested_by=[statements[3].iri])
    responses = [Response(statements[0].iri, allegation_iri, "supports"),
                 Response(statements[1].iri, allegation_iri, "downplays"),
                 Response(statements[2].iri, allegation_iri, "denies"),
                 Response(statements[3].iri, turkey_iri, "dismisses")]
    capture = span(text, "The rebels captured Aleppo on 30 November")
    event = Event(str(minter.event(key, "capture-of-aleppo")), "capture of Aleppo", "capture-territory", capture,
                  date="2024-11-30", granularity="day", places=[Place(str(minter.place("Aleppo")), "Aleppo")],
                  participants=[hts.iri])
    return Extraction(doc, [lavrentiev, gur, hts, syria, turkey, ministry, official, turkish], statements,
                      [allegation, against_turkey], [event], responses, central_allegation=allegation_iri)


def _second(minter: IriMinter, cluster: str, allegation_cluster: str) -> Extraction:
    text = SECOND_TEXT
    hostile_url = "javascript:alert('pwned')"  # metadata is input too: it must never become a live link
    doc = ArticleDoc(key=IriMinter.article_key(hostile_url, text), text=text,
                     title="Kyiv's hand in Syria?", publisher="Example Courier", date=date(2024, 12, 3),
                     url=hostile_url)
    official = Actor(str(minter.anonymous_source(doc.key, "a Ukrainian official")), "a Ukrainian official",
                     "AnonymousSource", known=False, mentions=[span(text, "a Ukrainian official")])
    gur = Actor(str(minter.actor("GUR")), "GUR", "IntelligenceAgency", known=True, mentions=[span(text, "GUR")])
    hts = Actor(str(minter.actor("HTS")), "HTS", "ArmedGroup", known=True, mentions=[span(text, "HTS")])
    claim = span(text, "The GUR has trained HTS drone pilots in Idlib")
    allegation_iri = str(minter.allegation(doc.key, "gur-trains-hts"))
    quote = span(text, QUOTE)
    statement = Statement(str(minter.statement(doc.key, quote.start, quote.end)), official.iri, official.label,
                          span(text, "said"), quote, sentence_of(text, quote), direct=True, stance="downplays",
                          about=[allegation_iri], cluster=cluster)
    allegation = Allegation(allegation_iri, "Ukraine's GUR trained HTS drone pilots in Idlib", claim,
                            claimant_note="outlet", accused=[gur.iri], beneficiaries=[hts.iri],
                            contested_by=[statement.iri], cluster=allegation_cluster)
    return Extraction(doc, [official, gur, hts], [statement], [allegation],
                      responses=[Response(statement.iri, allegation_iri, "downplays")],
                      central_allegation=allegation_iri)


def build_sample(minter: IriMinter) -> Sample:
    cluster = str(minter.cluster("quote", QUOTE.lower()))
    allegation_cluster = str(minter.cluster("allegation", "provide-military-aid|gur|hts"))
    return Sample(minter, _first(minter, cluster, allegation_cluster), _second(minter, cluster, allegation_cluster))


def publisher(minter: IriMinter, name: str) -> Actor:
    return Actor(str(minter.actor(name)), name, "MediaOutlet", known=False)


def load_sample(store: Store, minter: IriMinter) -> Sample:
    """Writes the ontology, the registry and both articles' graphs into the store."""
    sample = build_sample(minter)
    graphs = dict(service_graphs(minter))
    for extraction in (sample.first, sample.second):
        doc = extraction.article
        graphs[minter.article_graph(doc.key)] = article_graph(extraction, minter, PROVENANCE,
                                                              publisher(minter, doc.publisher or "unknown"))
    store.replace_graphs({str(name): graph for name, graph in graphs.items()})
    return sample


# --- live servers holding the sample or the seeds, one per test module that imports these fixtures -------
@dataclass(frozen=True)
class Site:
    url: str
    sample: Sample
    store: Store

    def path(self, iri: str) -> str:
        return self.sample.minter.local_path(iri)


@pytest.fixture(scope="module")
def site(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory,
         module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[Site]:
    """A real uvicorn server (create_app) whose store holds the sample; import this fixture into a test module."""
    # writes opened: the feed, export and reconciliation tests post an article and watch the pages follow
    settings = Settings(store_dir=tmp_path_factory.mktemp("site") / "store", query_timeout=5.0, query_workers=1,
                        allow_open_writes=True, **module_store_fields())
    with server_starter(settings) as server:
        context = server.app.state.context
        yield Site(server.url, load_sample(context.store, context.minter), context.store)


@pytest.fixture(scope="module")
def seeded_site(server_starter: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory,
                module_store_fields: Callable[[], dict[str, Any]]) -> Iterator[Site]:
    """A real server whose store holds the two seed articles, ingested by the real pipeline."""
    from newskg.ingest.outcome import Status
    from newskg.ingest.pipeline import Pipeline
    from newskg.ingest.resources import SEEDS_DIR

    settings = Settings(store_dir=tmp_path_factory.mktemp("seeded") / "store", query_timeout=10.0, query_workers=1,
                        **module_store_fields())
    with server_starter(settings) as server:
        context = server.app.state.context
        result = Pipeline(server.settings, context.store).ingest_paths([SEEDS_DIR])
        assert result.count(Status.ACCEPTED) == 2, result.summary()
        yield Site(server.url, build_sample(context.minter), context.store)
