"""Extraction → the JSON extraction report of `newskg extract FILE --json`. A contract: keep it stable."""

from __future__ import annotations

from typing import Any

from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Actor, Extraction, Span

# the four stances of the report; the ontology keeps finer ones (vocabularies.ttl nkg:reportStance)
REPORT_STANCE = {"supports": "supports", "confirms": "supports", "denies": "denies", "dismisses": "denies",
                 "downplays": "downplays", "assesses": "neutral", "neutral": "neutral"}


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _actor(actor: Actor) -> dict[str, Any]:
    return {"iri": actor.iri, "label": actor.label, "type": actor.type, "aliases": sorted(set(actor.aliases)),
            "known": actor.known, "role": actor.role, "affiliation": actor.affiliation,
            "confidence": round(actor.confidence, 3), "mentions": [_span(m) for m in actor.mentions]}


def extraction_report(extraction: Extraction, minter: IriMinter) -> dict[str, Any]:
    doc = extraction.article
    return {
        "article": {"iri": str(minter.article(doc.key)), "title": doc.title, "standfirst": doc.standfirst,
                    "publisher": doc.publisher, "authors": list(doc.authors),
                    "date": doc.date.isoformat() if doc.date else None, "url": doc.url, "dateline": doc.dateline,
                    "format": doc.source_format, "text": doc.text},
        "actors": [_actor(a) for a in extraction.actors],
        "statements": [
            {"iri": s.iri,
             "speaker": {"iri": s.speaker, "label": s.speaker_label} if s.speaker else None,
             "cue": s.cue.text if s.cue else None,
             "text": s.content.text, "start": s.content.start, "end": s.content.end,
             "direct": s.direct, "stance": REPORT_STANCE.get(s.stance, "neutral"), "stance_detail": s.stance,
             "certainty": s.certainty, "medium": s.medium, "time": s.time, "about": list(s.about),
             "cluster": s.cluster}
            for s in extraction.statements],
        "allegations": [
            {"iri": a.iri, "summary": a.summary, "type": a.claim_type, "claimants": list(a.claimants),
             "accused": list(a.accused), "beneficiaries": list(a.beneficiaries),
             "supported_by": list(a.supported_by), "contested_by": list(a.contested_by),
             "certainty": a.certainty, "cluster": a.cluster, "evidence": _span(a.evidence)}
            for a in extraction.allegations],
        "events": [
            {"iri": e.iri, "label": e.label, "type": e.type, "date": e.date, "granularity": e.granularity,
             "places": [p.label for p in e.places], "participants": list(e.participants),
             "evidence": _span(e.evidence)}
            for e in extraction.events],
    }
