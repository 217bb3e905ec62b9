"""The central allegation: the one the headline or the lead states — its accused or its act named in the headline,
stated early, made by many statements. An actor the headline names right before an accusing verb ("Harbour union
accuses mayor of …") is the headline's accuser: it counts for the allegations it makes, not against it."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.claims.values import Claim
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.lemmas import verb_lemma
from newskg.ingest.extract.text.model import TextModel

LEAD_SENTENCES = 3


def headline_accusers(title: str, actors: ActorSet, lexicon: Lexicon) -> set[str]:
    """Keys of the actors the headline names as the subject of an accusing verb."""
    words = name_key(title).split()
    accusers: set[str] = set()
    for actor in actors.actors:
        for form in {name_key(actor.label), *(name_key(m.span.text) for m in actor.mentions)}:
            named = form.split()
            for i in range(len(words) - len(named)):
                if named and words[i : i + len(named)] == named:
                    after = words[i + len(named)]
                    if any(cue.allegation for cue in lexicon.cues.lookup(verb_lemma(after) or after)):
                        accusers.add(actor.key)
    return accusers


def central(claims: list[Claim], model: TextModel, actors: ActorSet, title: str | None, lexicon: Lexicon) -> int | None:
    if not claims:
        return None
    headline = f" {name_key(title or '')} "
    accusers = headline_accusers(title or "", actors, lexicon)
    lead_end = model.sentences[min(LEAD_SENTENCES, len(model.sentences)) - 1].end if model.sentences else 0

    def score(n: int) -> float:
        claim = claims[n]
        names = [actors.by_key[k] for k in claim.accused if k in actors.by_key and k not in accusers]
        in_title = any(
            f" {name_key(form)} " in headline
            for actor in names
            for form in [actor.label, *(m.span.text for m in actor.mentions)]
        ) or bool(accusers & set(claim.claimants))
        act_in_title = any(f" {w} " in headline for w in name_key(claim.summary).split()[1:] if len(w) > 4)
        lead = claim.evidence.start <= lead_end
        answers = len(claim.statements) + len(claim.claimants)
        return 3.0 * in_title + 1.0 * act_in_title + 2.0 * lead + 0.5 * answers - 0.0001 * claim.evidence.start

    return max(range(len(claims)), key=score)
