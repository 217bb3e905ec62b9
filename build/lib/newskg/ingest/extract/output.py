"""Stage results → the extraction model (ingest/model.py): IRIs minted, actors' keys replaced by IRIs. Pure."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import (
    ANONYMOUS,
    DESCRIBED,
    KNOWN_PREFIX,
    ActorRecord,
    ActorSet,
)
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.stances import backs, contests
from newskg.ingest.extract.claims.values import ClaimsResult
from newskg.ingest.extract.events.stage import EventsResult
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Extraction, Response, Statement


def actor_iris(doc: ArticleDoc, actors: ActorSet, minter: IriMinter) -> dict[str, str]:
    iris: dict[str, str] = {}
    for actor in actors.actors:
        if actor.registry_iri is not None:
            iris[actor.key] = actor.registry_iri
        elif actor.kind in (ANONYMOUS, DESCRIBED):
            iris[actor.key] = str(minter.anonymous_source(doc.key, actor.label))
        else:
            iris[actor.key] = str(minter.actor(actor.label))
    return iris


def _actor_iri(key: str, iris: dict[str, str]) -> str | None:
    """The IRI of an actor's key: a registry actor the article only points at (a state behind "Ostrian officials")
    keeps its registry IRI though the article never names it."""
    if key in iris:
        return iris[key]
    return key.removeprefix(KNOWN_PREFIX) if key.startswith(KNOWN_PREFIX) else None


def _actor(record: ActorRecord, iris: dict[str, str]) -> Actor:
    mentions = [m.span for m in record.mentions]
    return Actor(
        iri=iris[record.key],
        label=record.label,
        type=record.type,
        known=record.known,
        aliases=list(dict.fromkeys(m.text for m in mentions)),
        role=record.role,
        affiliation=_actor_iri(record.affiliation, iris) if record.affiliation else None,
        confidence=record.confidence,
        wikidata=record.wikidata,
        mentions=mentions,
        kind=record.kind,
    )


def build_extraction(
    doc: ArticleDoc,
    actors: ActorSet,
    attributions: tuple[Attribution, ...],
    claims: ClaimsResult,
    events: EventsResult,
    minter: IriMinter,
    report_stances: dict[str, str],
) -> Extraction:
    """report_stances: each stance's report stance (the lexicon's), which sorts responses into support and contest."""
    iris = actor_iris(doc, actors, minter)
    statement_iris = [str(minter.statement(doc.key, a.content.start, a.content.end)) for a in attributions]
    allegation_iris = [str(minter.allegation(doc.key, c.discriminator)) for c in claims.allegations]
    statements: list[Statement] = []
    for n, a in enumerate(attributions):
        speaker_iri = iris.get(a.speaker.actor_key) if a.speaker and a.speaker.actor_key else None
        about = sorted({allegation_iris[r.allegation] for r in claims.responses if r.statement == n})
        statements.append(
            Statement(
                iri=statement_iris[n],
                speaker=speaker_iri,
                speaker_label=a.speaker.label if a.speaker else None,
                cue=a.cue,
                content=a.content,
                sentence=a.sentence,
                direct=a.direct,
                stance=claims.central_stance[n] if n < len(claims.central_stance) else "neutral",
                certainty=claims.certainty[n] if n < len(claims.certainty) else a.certainty,
                medium=iris.get(a.medium_key) if a.medium_key else None,
                about=about,
                time=events.statement_times[n],
                cluster=str(minter.cluster("quote", claims.quote_fingerprints[n]))
                if n < len(claims.quote_fingerprints) and claims.quote_fingerprints[n]
                else None,
            )
        )
    allegations = []
    for n, c in enumerate(claims.allegations):
        allegations.append(
            Allegation(
                iri=allegation_iris[n],
                summary=c.summary,
                evidence=c.evidence,
                claim_type=c.claim_type,
                claimants=[iris[k] for k in c.claimants if k in iris],
                accused=[iris[k] for k in c.accused if k in iris],
                beneficiaries=[iris[k] for k in c.beneficiaries if k in iris],
                targets=[iris[k] for k in c.targets if k in iris],
                claimant_note=c.claimant_note,
                supported_by=[
                    statement_iris[r.statement]
                    for r in claims.responses
                    if r.allegation == n and backs(r.stance, report_stances)
                ],
                contested_by=[
                    statement_iris[r.statement]
                    for r in claims.responses
                    if r.allegation == n and contests(r.stance, report_stances)
                ],
                certainty=c.certainty,
                confidence=c.confidence,
                cluster=str(minter.cluster("allegation", c.fingerprint)) if c.fingerprint else None,
            )
        )
    responses = [
        Response(
            statement=statement_iris[r.statement],
            allegation=allegation_iris[r.allegation],
            stance=r.stance,
        )
        for r in claims.responses
    ]
    central = allegation_iris[claims.central] if claims.central is not None else None
    referenced = {s.speaker for s in statements} | {
        iri for a in allegations for iri in (*a.claimants, *a.accused, *a.beneficiaries, *a.targets)
    } | {iri for e in events.events for iri in e.participants}
    return Extraction(
        article=doc,
        # a document that spoke for a party the text names gave its words to that party and is no actor itself
        actors=[_actor(r, iris) for r in actors.actors if not r.document or iris[r.key] in referenced],
        statements=statements,
        allegations=allegations,
        events=list(events.events),
        responses=responses,
        central_allegation=central,
    )


def label_key(label: str) -> str:
    return name_key(label)
