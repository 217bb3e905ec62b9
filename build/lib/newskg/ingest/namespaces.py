"""Vocabulary terms as attributes that fail on typos. tests/test_ontology keeps this list and the ontology in step."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

# The ontology's terms sit under w3id.org, a persistent-IRI service: https://w3id.org/newskg/ redirects to wherever the
# project is served (docs/w3id/.htaccess is the rule to register there), so the IRIs outlive any one domain or
# deployment. Slash IRIs, so that each term dereferences to a page and a description of its own (ingest/term_pages.py).
TERMS_BASE = "https://w3id.org/newskg/"
ONTOLOGY_IRI = TERMS_BASE + "ontology"
SHAPES_NS = TERMS_BASE + "shapes#"   # the SHACL shapes of shapes/, one document
# The SKOS schemes (ontology/vocabularies.ttl) and the lexicon (ontology/lexicon/, which names their concepts)
VOCAB_BASE = TERMS_BASE + "vocab/"


class NKG(DefinedNamespace):
    """The newskg ontology (ontology/newskg.ttl)."""

    _NS = Namespace(ONTOLOGY_IRI + "/")
    _fail = True

    # actors
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    State: URIRef
    GovernmentBody: URIRef
    IntelligenceAgency: URIRef
    ArmedGroup: URIRef
    MediaOutlet: URIRef
    ThinkTank: URIRef
    AcademicInstitution: URIRef
    SocialMediaAccount: URIRef
    ActorGroup: URIRef
    AnonymousSource: URIRef
    # articles and grounding
    NewsArticle: URIRef
    Mention: URIRef
    TextSelector: URIRef
    # claims
    Statement: URIRef
    Reaction: URIRef
    Response: URIRef
    Allegation: URIRef
    # events and places
    Event: URIRef
    Place: URIRef
    # cross-article grouping and provenance
    Cluster: URIRef
    QuoteCluster: URIRef
    AllegationCluster: URIRef
    ExtractionRun: URIRef

    # object properties
    publisher: URIRef
    author: URIRef
    refersTo: URIRef
    inArticle: URIRef
    evidence: URIRef
    context: URIRef
    source: URIRef
    speaker: URIRef
    medium: URIRef
    stance: URIRef
    certainty: URIRef
    about: URIRef
    respondsTo: URIRef
    claimant: URIRef
    accused: URIRef
    beneficiary: URIRef
    claimType: URIRef
    status: URIRef
    supportedBy: URIRef
    contestedBy: URIRef
    eventType: URIRef
    place: URIRef
    participant: URIRef
    granularity: URIRef
    hasMember: URIRef
    affiliation: URIRef
    reportStance: URIRef
    datelinePlace: URIRef
    wireAgency: URIRef
    hasResponse: URIRef
    responseTo: URIRef
    responseStance: URIRef
    centralAllegation: URIRef
    target: URIRef
    claimSource: URIRef
    actorKind: URIRef

    # datatype properties
    headline: URIRef
    standfirst: URIRef
    datePublished: URIRef
    url: URIRef
    text: URIRef
    textHash: URIRef
    language: URIRef
    sourceFormat: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    cue: URIRef
    direct: URIRef
    statementTime: URIRef
    summary: URIRef
    date: URIRef
    role: URIRef
    confidence: URIRef
    speakerUnknown: URIRef
    softwareVersion: URIRef
    ontologyVersion: URIRef
    fingerprint: URIRef
    known: URIRef
    metonym: URIRef
    demonym: URIRef


# SKOS concept schemes of ontology/vocabularies.ttl: concept IRIs are VOCAB_BASE + scheme + "/" + name.
STANCE = Namespace(VOCAB_BASE + "stance/")
CERTAINTY = Namespace(VOCAB_BASE + "certainty/")
EVENT_TYPE = Namespace(VOCAB_BASE + "event-type/")
GRANULARITY = Namespace(VOCAB_BASE + "granularity/")
ALLEGATION_STATUS = Namespace(VOCAB_BASE + "allegation-status/")
CLAIM_SOURCE = Namespace(VOCAB_BASE + "claim-source/")
ACTOR_KIND = Namespace(VOCAB_BASE + "actor-kind/")
LEXICON = Namespace(VOCAB_BASE + "lexicon/")

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
