"""The claims stage: drafts from statements and from the article's own sentences, merged into allegations, each
statement's stance per allegation, the central allegation, and per-statement certainty and quote fingerprints."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from newskg.ingest.extract.actors.coreference import Resolver
from newskg.ingest.extract.actors.values import ANONYMOUS, COLLECTIVE, DESCRIBED, ActorSet
from newskg.ingest.extract.attribution.values import Attribution
from newskg.ingest.extract.claims.acts import ActReader
from newskg.ingest.extract.claims.central import central
from newskg.ingest.extract.claims.counter import CounterCharges
from newskg.ingest.extract.claims.merge import merge
from newskg.ingest.extract.claims.narrative import NarrativeClaims
from newskg.ingest.extract.claims.participles import with_participles
from newskg.ingest.extract.claims.speech import SpeechClaims
from newskg.ingest.extract.claims.stance import StanceReader
from newskg.ingest.extract.claims.sides import Sides
from newskg.ingest.extract.claims.stances import CONTESTING, DENIES, DISMISSES, DOWNPLAYS, NEUTRAL, SUPPORTS
from newskg.ingest.extract.claims.syntax import Syntax
from newskg.ingest.extract.claims.values import UNATTRIBUTED, Claim, ClaimsResult, StanceLink
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel
from newskg.ingest.extract.text.tokenizer import stop_words
from newskg.ingest.model import ArticleDoc

_BACKING = frozenset({SUPPORTS, "confirms"})
_BRACKETED = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[a-z0-9]+")


def quote_fingerprint(text: str) -> str:
    """A quotation's content words in order, so "paid for this campaign" and "paid for [the] campaign"
    agree across articles."""
    plain = _BRACKETED.sub(" ", text).replace("’s", "").replace("'s", "")
    folded = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(w for w in _WORD.findall(folded) if w not in stop_words())


def find_claims(
    model: TextModel, actors: ActorSet, attributions: tuple[Attribution, ...], lexicon: Lexicon, doc: ArticleDoc
) -> ClaimsResult:
    model = with_participles(model, lexicon)
    quote_speakers = {
        model.tokens[a.content_first].quote: a.speaker.actor_key
        for a in attributions
        if a.direct and a.speaker is not None and a.speaker.actor_key is not None
        and model.tokens[a.content_first].quote >= 0
    }
    resolver = Resolver(model, actors, lexicon, quote_speakers, media_mentions(actors, attributions))
    acts = ActReader(model, lexicon, Syntax(model, actors, lexicon, resolver))
    speech = SpeechClaims(model, actors, lexicon, acts)
    narrative = NarrativeClaims(model, actors, lexicon, acts, attributions)
    drafts = [d for n, a in enumerate(attributions) for d in speech.from_statement(n, a)]
    for sentence in model.sentences:
        drafts += (
            narrative.legal_actions(sentence)
            + narrative.penalties(sentence)
            + narrative.attributed(sentence)
            + narrative.hedged(sentence)
        )
    owners = {
        a.key: a.affiliation
        for a in actors.actors
        if a.affiliation and a.kind in (COLLECTIVE, DESCRIBED, ANONYMOUS) and not a.document
    }
    reader = StanceReader(model, actors, lexicon, acts, attributions)
    claims = merge(drafts, lexicon.event_types, owners, reader.sides.same_names)
    main = central(claims, model, actors, doc.title, lexicon)
    links = reader.links(claims, lexicon.event_types, main)
    claims = backers_as_claimants(claims, links, attributions, reader.sides)
    negating = tuple(reader.negates(a) for a in attributions)
    central_stance = speakers_keep_their_line(
        attributions, [reader.toward_central(n, main, claims, links) for n in range(len(attributions))], negating
    )
    links = links + central_responses(links, central_stance, main)
    claims, links = CounterCharges(model, reader.sides, acts, reader.wording).add(attributions, claims, links)
    certainty = tuple(_certainty(model, a, lexicon) for a in attributions)
    fingerprints = tuple(quote_fingerprint(a.content.text) if a.direct else "" for a in attributions)
    return ClaimsResult(
        allegations=tuple(claims),
        responses=tuple(links),
        central=main,
        central_stance=central_stance,
        certainty=certainty,
        quote_fingerprints=fingerprints,
    )


def media_mentions(actors: ActorSet, attributions: tuple[Attribution, ...]) -> frozenset[int]:
    """First tokens of the mentions, in a statement's sentence, of the outlet it was given to ("told the Courier")."""
    return frozenset(
        m.first
        for a in attributions
        if a.medium_key is not None and a.medium_key in actors.by_key
        for m in actors.by_key[a.medium_key].mentions
        if a.sentence.start <= m.span.start < a.sentence.end
    )


def backers_as_claimants(
    claims: list[Claim], links: list[StanceLink], attributions: tuple[Attribution, ...], sides: Sides
) -> list[Claim]:
    """An allegation no one is named making (only implied by a denial, or reported without a source) is claimed by
    those whose statements back it: "X denied dumping waste … The regulator's report stated that the water was
    white and viscous" — the regulator claims it."""
    backed: list[Claim] = []
    for c, claim in enumerate(claims):
        if claim.claimants or claim.claimant_note != UNATTRIBUTED:
            backed.append(claim)
            continue
        backers = tuple(
            dict.fromkeys(
                key
                for link in links
                if link.allegation == c and link.stance == SUPPORTS
                for key in [_speaker_key(attributions[link.statement])]
                if key is not None and not sides.side(key, claim.accused)
            )
        )
        backed.append(replace(claim, claimants=backers, claimant_note=None) if backers else claim)
    return backed


def central_responses(links: list[StanceLink], central_stance: tuple[str, ...], main: int | None) -> list[StanceLink]:
    """A statement that takes a side on the central allegation responds to it, though it names neither its accused
    nor its act: the graph's answer to "does this source back the story?" and the allegation's supporters agree."""
    if main is None:
        return []
    answered = {link.statement for link in links if link.allegation == main}
    return [
        StanceLink(n, main, stance)
        for n, stance in enumerate(central_stance)
        if stance not in (NEUTRAL, "assesses") and n not in answered
    ]


def _speaker_key(a: Attribution) -> str | None:
    return a.speaker.actor_key if a.speaker is not None else None


def speakers_keep_their_line(
    attributions: tuple[Attribution, ...], stances: list[str], negating: tuple[bool, ...]
) -> tuple[str, ...]:
    """A named source that backs the central allegation somewhere in the article, and never contests it, backs it in
    its other statements too: a witness's details and a claimant's evidence bear the story out. One that denies it
    in so many words ("denied", "rejected") and never backs it denies it in its other negating statements ("I have
    never taken a cedi from anyone"); one that only plays it down plays it down throughout (an analyst's "the group
    has built its own drones for years" after "they did not need outside help"). negating: each statement's content
    has a negation."""
    by_speaker: dict[str, set[str]] = {}
    for a, stance in zip(attributions, stances):
        if a.speaker is not None and a.speaker.actor_key is not None:
            by_speaker.setdefault(a.speaker.actor_key, set()).add(stance)
    backers = {key for key, seen in by_speaker.items() if seen & _BACKING and not seen & CONTESTING}
    denying = (DENIES, DISMISSES)
    deniers = {
        key
        for a, stance in zip(attributions, stances)
        if stance in denying and a.cue_entry is not None and a.cue_entry.stance in denying
        for key in [_speaker_key(a)]
        if key is not None and not by_speaker[key] & _BACKING
    }
    downplayers = {key for key, seen in by_speaker.items() if DOWNPLAYS in seen and not seen - {DOWNPLAYS, NEUTRAL}}
    kept = []
    for a, stance, negates in zip(attributions, stances, negating):
        key = _speaker_key(a)
        if stance == NEUTRAL and key in backers:
            stance = SUPPORTS
        elif stance == NEUTRAL and key in deniers and negates:
            stance = DENIES
        elif stance == NEUTRAL and key in downplayers:
            stance = DOWNPLAYS
        kept.append(stance)
    return tuple(kept)


def _certainty(model: TextModel, a: Attribution, lexicon: Lexicon) -> str | None:
    for match in lexicon.hedges.find(model, a.content_first, a.content_last, lenient=True):
        return match.entry.certainty
    return a.certainty
