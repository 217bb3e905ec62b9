"""A claim noun as the object of a verb of making it ("Google levelled a similar allegation against it", "the union
has made allegations of fraud against the mayor"): the verb's subject states the claim, and the words from the noun
phrase to the end of its clause are what it claims."""

from __future__ import annotations

from newskg.ingest.extract.attribution.content import trim
from newskg.ingest.extract.attribution.cue import CueHit
from newskg.ingest.extract.attribution.source import SourceFinder
from newskg.ingest.extract.attribution.values import Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Sentence, TextModel

_MODIFIERS = 3  # words between the verb and the claim noun ("a similar", "fresh")


def claim_made(
    model: TextModel, lexicon: Lexicon, sources: SourceFinder, cue: CueHit, sentence: Sentence, limit: int
) -> tuple[Speaker, int, int] | None:
    """The maker and the content of a claim noun made by a verb's subject, or None."""
    tokens = model.tokens
    start = cue.first
    while start - 1 > sentence.first and cue.first - start < _MODIFIERS and tokens[start - 1].tag in ("DT", "JJ", "CD"):
        start -= 1
    verb = start - 1
    making = verb > sentence.first and tokens[verb].verb
    if not making or not lexicon.words.is_("claim-making-verb", tokens[verb].lemma):
        return None
    after = cue.last + 1
    if after > limit or not lexicon.words.is_("charge-target", tokens[after].norm):
        return None  # "made allegations against X", "levelled accusations of fraud": the claim is told, not named
    maker = sources.before(verb, sentence.first)
    content = trim(model, start, limit)
    if maker is None or maker.actor_key is None or content is None:
        return None
    return maker, *content
