"""Extraction → rdflib Graph of the article's named graph. Pure: no I/O, no clock, no randomness.

Everything extracted from one article goes in one graph; re-mapping the same extraction gives the same triples.
Offsets are xsd:integer code-point offsets into the article's nkg:text. The graph is a read-only IndexedGraph: it is
validated and written, never changed, and collecting its triples in a dict is several times cheaper than adding them
one by one to rdflib's context-aware Memory store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Actor, Allegation, Event, Extraction, Place, Response, Span, Statement
from newskg.ingest.namespaces import ACTOR_KIND, ALLEGATION_STATUS, CERTAINTY, CLAIM_SOURCE, EVENT_TYPE, GRANULARITY, NKG, STANCE

REACTION_STANCES = frozenset({"confirms", "denies", "dismisses", "downplays", "assesses"})
DATE_GRANULARITY = {4: "year", 7: "month", 10: "day"}
LABEL_LIMIT = 120
_BINDINGS = Graph()   # rdflib's default prefixes, shared by every article graph (read-only)


@dataclass(frozen=True)
class Provenance:
    software_version: str
    ontology_version: str


def date_literal(value: str) -> tuple[Literal, URIRef]:
    """An ISO date of year, month or day precision → (the first instant of that period as xsd:dateTime, its
    granularity concept): '2024-11' → ("2024-11-01T00:00:00"^^xsd:dateTime, granularity:month).

    xsd:dateTime because it is in the OWL 2 datatype map (xsd:date, xsd:gYear and xsd:gYearMonth are not, and HermiT
    refuses them); the precision travels in nkg:granularity, as Wikidata pairs a time value with its precision. No
    time zone: the day is the one the text names, wherever that was.
    """
    granularity = DATE_GRANULARITY.get(len(value))
    if granularity is None:
        raise ValueError(f"not a date of year, month or day granularity: {value!r}")
    start = {"year": f"{value}-01-01", "month": f"{value}-01", "day": value}[granularity]
    return Literal(f"{start}T00:00:00", datatype=XSD.dateTime), GRANULARITY[granularity]


def _confidence(value: float) -> Literal:
    """xsd:decimal in 0..1 (a float literal would be xsd:double, outside the ontology's range)."""
    return Literal(Decimal(str(round(min(max(value, 0.0), 1.0), 3))), datatype=XSD.decimal)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1].rstrip() + "…"


class _ArticleGraphBuilder:
    def __init__(self, extraction: Extraction, minter: IriMinter, provenance: Provenance) -> None:
        self.extraction = extraction
        self.doc = extraction.article
        self.minter = minter
        self.provenance = provenance
        self.triples: dict[tuple[URIRef, URIRef, URIRef | Literal], None] = {}
        self.article = minter.article(self.doc.key)
        self.actor_labels = {a.iri: a.label for a in extraction.actors}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples[(s, p, o)] = None

    def selector(self, span: Span) -> URIRef:
        iri = self.minter.selector(self.doc.key, span.start, span.end)
        self.add(iri, RDF.type, NKG.TextSelector)
        self.add(iri, NKG.source, self.article)
        self.add(iri, NKG.start, Literal(span.start, datatype=XSD.integer))
        self.add(iri, NKG.end, Literal(span.end, datatype=XSD.integer))
        self.add(iri, NKG.exact, Literal(span.text))
        return iri

    def build(self) -> None:
        self.article_node()
        for actor in self.extraction.actors:
            self.actor_node(actor)
        for statement in self.extraction.statements:
            self.statement_node(statement)
        for allegation in self.extraction.allegations:
            self.allegation_node(allegation)
        for event in self.extraction.events:
            self.event_node(event)
        for response in self.extraction.responses:
            self.response_node(response)
        if self.extraction.central_allegation:
            self.add(self.article, NKG.centralAllegation, URIRef(self.extraction.central_allegation))

    def frozen(self) -> IndexedGraph:
        return IndexedGraph(self.triples, like=_BINDINGS)

    def article_node(self) -> None:
        doc, a = self.doc, self.article
        self.add(a, RDF.type, NKG.NewsArticle)
        self.add(a, NKG.text, Literal(doc.text))
        self.add(a, NKG.textHash, Literal(_sha256(doc.text)))
        self.add(a, NKG.language, Literal(doc.language))
        self.add(a, NKG.sourceFormat, Literal(doc.source_format))
        self.add(a, RDFS.label, Literal(_short(doc.title or doc.text.split("\n", 1)[0])))
        if doc.title:
            self.add(a, NKG.headline, Literal(doc.title))
        if doc.standfirst:
            self.add(a, NKG.standfirst, Literal(doc.standfirst))
        if doc.date:
            self.add(a, NKG.datePublished, date_literal(doc.date.isoformat())[0])
        if doc.url:
            self.add(a, NKG.url, Literal(doc.url, datatype=XSD.anyURI))
        run = self.minter.run(doc.key, _sha256(doc.text), self.provenance.software_version)
        self.add(run, RDF.type, NKG.ExtractionRun)
        self.add(run, RDFS.label, Literal(f"extraction by newskg {self.provenance.software_version}"))
        self.add(run, NKG.softwareVersion, Literal(self.provenance.software_version))
        self.add(run, NKG.ontologyVersion, Literal(self.provenance.ontology_version))
        self.add(run, PROV.used, a)
        self.add(self.minter.article_graph(doc.key), PROV.wasGeneratedBy, run)
        self.add(self.minter.article_graph(doc.key), PROV.wasDerivedFrom, a)

    def metadata_actor(self, iri: str, label: str, type_: URIRef, prop: URIRef) -> None:
        node = URIRef(iri)
        self.add(self.article, prop, node)
        self.add(node, RDF.type, type_)
        self.add(node, RDFS.label, Literal(label))

    def actor_node(self, actor: Actor) -> None:
        node = URIRef(actor.iri)
        self.add(node, RDF.type, NKG[actor.type])
        self.add(node, RDFS.label, Literal(actor.label))
        if not actor.known:
            self.add(node, SKOS.prefLabel, Literal(actor.label))
            self.add(node, NKG.known, Literal(False))
            self.add(node, NKG.confidence, _confidence(actor.confidence))
            for alias in sorted(set(actor.aliases) - {actor.label}):
                self.add(node, SKOS.altLabel, Literal(alias))
            if actor.role:
                self.add(node, NKG.role, Literal(actor.role))
            if actor.affiliation:
                self.add(node, NKG.affiliation, URIRef(actor.affiliation))
            self.add(node, NKG.actorKind, ACTOR_KIND[actor.kind])
        for span in actor.mentions:
            mention = self.minter.mention(self.doc.key, span.start, span.end)
            self.add(mention, RDF.type, NKG.Mention)
            self.add(mention, NKG.refersTo, node)
            self.add(mention, NKG.inArticle, self.article)
            self.add(mention, NKG.evidence, self.selector(span))

    def response_node(self, response: Response) -> None:
        node = self.minter.response(self.doc.key, response.statement, response.allegation)
        self.add(node, RDF.type, NKG.Response)
        self.add(node, RDFS.label, Literal(f"{response.stance}"))
        self.add(URIRef(response.statement), NKG.hasResponse, node)
        self.add(node, NKG.responseTo, URIRef(response.allegation))
        self.add(node, NKG.responseStance, STANCE[response.stance])

    def statement_node(self, statement: Statement) -> None:
        node = URIRef(statement.iri)
        responding = {r.allegation for r in self.extraction.responses
                      if r.statement == statement.iri and r.stance != "neutral"}
        is_reaction = statement.stance in REACTION_STANCES and bool(responding)
        self.add(node, RDF.type, NKG.Reaction if is_reaction else NKG.Statement)
        speaker = statement.speaker_label or "unknown speaker"
        cue = statement.cue.text if statement.cue else "said"
        self.add(node, RDFS.label, Literal(_short(f"{speaker} {cue}: {statement.content.text}")))
        self.add(node, NKG.inArticle, self.article)
        if statement.speaker:
            self.add(node, NKG.speaker, URIRef(statement.speaker))
        else:
            self.add(node, NKG.speakerUnknown, Literal(True))
        if statement.cue:
            self.add(node, NKG.cue, Literal(statement.cue.text))
        self.add(node, NKG.evidence, self.selector(statement.content))
        self.add(node, NKG.context, self.selector(statement.sentence))
        self.add(node, NKG.direct, Literal(statement.direct))
        self.add(node, NKG.stance, STANCE[statement.stance])
        self.add(node, NKG.confidence, _confidence(statement.confidence))
        if statement.certainty:
            self.add(node, NKG.certainty, CERTAINTY[statement.certainty])
        if statement.medium:
            self.add(node, NKG.medium, URIRef(statement.medium))
        if statement.time:
            self.add(node, NKG.statementTime, Literal(statement.time))
        for allegation in statement.about:
            self.add(node, NKG.about, URIRef(allegation))
            if is_reaction and allegation in responding:
                self.add(node, NKG.respondsTo, URIRef(allegation))
        if statement.cluster:
            self.cluster(statement.cluster, NKG.QuoteCluster, node, f"Quote: {statement.content.text}")

    def allegation_node(self, allegation: Allegation) -> None:
        node = URIRef(allegation.iri)
        self.add(node, RDF.type, NKG.Allegation)
        self.add(node, RDFS.label, Literal(_short(allegation.summary)))
        self.add(node, NKG.summary, Literal(allegation.summary))
        self.add(node, NKG.inArticle, self.article)
        self.add(node, NKG.evidence, self.selector(allegation.evidence))
        self.add(node, NKG.confidence, _confidence(allegation.confidence))
        status = "disputed" if allegation.contested_by else "alleged"
        self.add(node, NKG.status, ALLEGATION_STATUS[status])
        if allegation.claim_type:
            self.add(node, NKG.claimType, EVENT_TYPE[allegation.claim_type])
        if allegation.certainty:
            self.add(node, NKG.certainty, CERTAINTY[allegation.certainty])
        if allegation.claimant_note and not allegation.claimants:
            self.add(node, NKG.claimSource, CLAIM_SOURCE[allegation.claimant_note])
        for prop, iris in ((NKG.claimant, allegation.claimants), (NKG.accused, allegation.accused),
                           (NKG.beneficiary, allegation.beneficiaries), (NKG.target, allegation.targets),
                           (NKG.supportedBy, allegation.supported_by),
                           (NKG.contestedBy, allegation.contested_by)):
            for iri in iris:
                self.add(node, prop, URIRef(iri))
        if allegation.cluster:
            self.cluster(allegation.cluster, NKG.AllegationCluster, node, f"Allegation: {allegation.summary}")

    def event_node(self, event: Event) -> None:
        node = URIRef(event.iri)
        self.add(node, RDF.type, NKG.Event)
        self.add(node, RDFS.label, Literal(event.label))
        self.add(node, NKG.eventType, EVENT_TYPE[event.type])
        self.add(node, NKG.inArticle, self.article)
        self.add(node, NKG.evidence, self.selector(event.evidence))
        self.add(node, NKG.confidence, _confidence(event.confidence))
        if event.date:
            when, granularity = date_literal(event.date)
            self.add(node, NKG.date, when)
            self.add(node, NKG.granularity, granularity)
        for place in event.places:
            self.add(node, NKG.place, URIRef(place.iri))
            self.add(URIRef(place.iri), RDF.type, NKG.Place)
            self.add(URIRef(place.iri), RDFS.label, Literal(place.label))
        for participant in event.participants:
            self.add(node, NKG.participant, URIRef(participant))

    def cluster(self, iri: str, type_: URIRef, member: URIRef, label: str) -> None:
        node = URIRef(iri)
        self.add(node, RDF.type, type_)
        self.add(node, RDFS.label, Literal(_short(label)))
        self.add(node, NKG.hasMember, member)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_graph(extraction: Extraction, minter: IriMinter, provenance: Provenance,
                  publisher: Actor | None = None, authors: list[Actor] | None = None, *,
                  agency: Actor | None = None, dateline: Place | None = None) -> Graph:
    """The article's named graph. publisher, authors, the wire agency and the dateline's place are the article's
    metadata, resolved by the caller (ingest/metadata_actors.py)."""
    builder = _ArticleGraphBuilder(extraction, minter, provenance)
    builder.build()
    if publisher:
        builder.metadata_actor(publisher.iri, publisher.label, NKG[publisher.type], NKG.publisher)
    for author in authors or []:
        builder.metadata_actor(author.iri, author.label, NKG.Person, NKG.author)
    if agency:
        builder.metadata_actor(agency.iri, agency.label, NKG[agency.type], NKG.wireAgency)
    if dateline:
        builder.metadata_actor(dateline.iri, dateline.label, NKG.Place, NKG.datelinePlace)
    return builder.frozen()
