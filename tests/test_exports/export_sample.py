"""Three made-up articles with a claim made in all of them, written through ingest.mapping as the pipeline writes an
article (the seeds are ingested beside them by the real pipeline, see conftest.py).

The claim (an allegation cluster, each article's central allegation): a defence minister alleges that a state's
intelligence agency armed a militia; an anonymous official denies it, and a channel downplays it in general but
dismisses this claim (its response to the allegation). Each article also makes a claim in its own voice: the militia
shelled a charity's clinic (no claimant; the charity is its target). The articles are dated 5 and 2 December 2024 and
undated, so the claim's first appearance is the second article, and an undated article has an export date too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newskg.ingest.iris import IriMinter
from newskg.ingest.mapping import Provenance, article_graph
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Extraction, Response, Span, Statement

BASE = "http://127.0.0.1:8000/"     # what the sample store mints under
PROVENANCE = Provenance(software_version="newskg test", ontology_version="test")
CLAIM = "the Veldran intelligence service armed the Ridge Brigade"
TEXT = """{title}

Defence minister Mara Okonjo said on Monday that {claim}.

"Nothing of the sort happened," a senior official told reporters, speaking on condition of anonymity.

The Kestrel Channel called the accusation exaggerated.

The Ridge Brigade shelled a clinic run by Mercy Harbour, this newspaper has learned.
"""
ARTICLES = (("Minister accuses Veldran of arming militia", date(2024, 12, 5), "https://example.org/veldran-5"),
            ("Veldran denies arming the Ridge Brigade", date(2024, 12, 2), "https://example.org/veldran-2"),
            ("Militia claims resurface", None, None))


@dataclass(frozen=True)
class ExportSample:
    minter: IriMinter
    extractions: list[Extraction]

    @property
    def allegations(self) -> list[str]:
        return [e.allegations[0].iri for e in self.extractions]

    @property
    def articles(self) -> list[str]:
        return [str(self.minter.article(e.article.key)) for e in self.extractions]

    def actor(self, name: str) -> str:
        return str(self.minter.actor(name))


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def _line(text: str, inner: Span) -> Span:
    start, end = text.rfind("\n", 0, inner.start) + 1, text.find("\n", inner.end)
    return Span(start, end, text[start:end])


def _extraction(minter: IriMinter, title: str, published: date | None, url: str | None) -> Extraction:
    text = TEXT.format(title=title, claim=CLAIM)
    doc = ArticleDoc(key=IriMinter.article_key(url, text), text=text, title=title, publisher="Harbour Post",
                     date=published, url=url)
    minister = Actor(str(minter.actor("Mara Okonjo")), "Mara Okonjo", "Person", known=False, role="defence minister",
                     mentions=[_span(text, "Mara Okonjo")])
    agency = Actor(str(minter.actor("Veldran intelligence service")), "Veldran intelligence service",
                   "IntelligenceAgency", known=False, mentions=[_span(text, "Veldran intelligence service")])
    militia = Actor(str(minter.actor("Ridge Brigade")), "Ridge Brigade", "ArmedGroup", known=False,
                    mentions=[_span(text, "Ridge Brigade")])
    official = Actor(str(minter.anonymous_source(doc.key, "a senior official")), "a senior official",
                     "AnonymousSource", known=False, mentions=[_span(text, "a senior official")])
    channel = Actor(str(minter.actor("Kestrel Channel")), "Kestrel Channel", "SocialMediaAccount", known=False,
                    mentions=[_span(text, "Kestrel Channel")])
    claim, denial = _span(text, CLAIM), _span(text, "Nothing of the sort happened")
    exaggerated = _span(text, "the accusation exaggerated")
    allegation = str(minter.allegation(doc.key, "veldran-armed-ridge"))
    statements = [
        Statement(str(minter.statement(doc.key, claim.start, claim.end)), minister.iri, minister.label,
                  _span(text, "said"), claim, _line(text, claim), direct=False, stance="supports", about=[allegation]),
        Statement(str(minter.statement(doc.key, denial.start, denial.end)), official.iri, official.label,
                  _span(text, "told"), denial, _line(text, denial), direct=True, stance="denies", about=[allegation]),
        Statement(str(minter.statement(doc.key, exaggerated.start, exaggerated.end)), channel.iri, channel.label,
                  _span(text, "called"), exaggerated, _line(text, exaggerated), direct=False, stance="downplays",
                  about=[allegation]),
    ]
    claimed = Allegation(allegation, "Veldran's intelligence service armed the Ridge Brigade", claim,
                         claim_type="supply-weapons", claimants=[minister.iri], accused=[agency.iri],
                         beneficiaries=[militia.iri], supported_by=[statements[0].iri],
                         contested_by=[statements[1].iri, statements[2].iri],
                         cluster=str(minter.cluster("allegation", "veldran-armed-ridge")))
    charity = Actor(str(minter.actor("Mercy Harbour")), "Mercy Harbour", "Organization", known=False,
                    mentions=[_span(text, "Mercy Harbour")])
    shelling = _span(text, "The Ridge Brigade shelled a clinic run by Mercy Harbour")
    own_voice = Allegation(str(minter.allegation(doc.key, "ridge-shelled-clinic")), "The Ridge Brigade shelled a clinic",
                           shelling, claim_type="attack", accused=[militia.iri], targets=[charity.iri],
                           claimant_note="outlet")
    responses = [Response(statements[2].iri, allegation, "dismisses")]
    return Extraction(doc, [minister, agency, militia, official, channel, charity], statements, [claimed, own_voice],
                      responses=responses, central_allegation=allegation)


def build_export_sample(minter: IriMinter) -> ExportSample:
    return ExportSample(minter, [_extraction(minter, *article) for article in ARTICLES])


def export_sample_graphs(sample: ExportSample) -> dict[str, object]:
    minter = sample.minter
    publisher = Actor(str(minter.actor("Harbour Post")), "Harbour Post", "MediaOutlet", known=False)
    return {str(minter.article_graph(e.article.key)): article_graph(e, minter, PROVENANCE, publisher)
            for e in sample.extractions}
