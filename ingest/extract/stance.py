"""A statement's stance towards the claim it bears on, and its certainty, from the lexicon's cues.

Content outranks the verb: "the official claimed the contribution was minimal" downplays although "claim" supports.
An explicit verb stance (deny, confirm, downplay, accuse) comes next; then content that asserts an act of one actor
towards another (a claim cue: "sent drones to") supports that claim. A statement with none of these keeps its verb's
stance (neutral or assesses); attribution.py then lets echoes and a speaker's follow-up quotes take the stance of what
they continue. Every function reads a stretch [start, end) of the article text.
"""

from __future__ import annotations

import re

from ingest.extract.claims import ClaimReader
from ingest.extract.lexicon import Lexicon, ReportingCue

# a negation reaches over a short run of words and a coordinated list ("never sold, donated or transferred")
_NEGATION = re.compile(r"\b(?:not|never|no|n't|nor|without)\b[\w\s,'’\"“”-]{0,60}$", re.IGNORECASE)
# a negator just before a denying or downplaying phrase turns it round ("this was not a one-off")
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|n't|hardly)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# a concession after supporting words weighs both sides ("the findings were credible, although ...")
_CONCESSION = re.compile(r",?\s+(?:although|though|even though|but|while|yet)\s", re.IGNORECASE)
_STRONG = frozenset({"denies", "dismisses", "downplays", "confirms", "supports"})
_CERTAINTY_ORDER = ["alleged", "possible", "probable"]


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def cue_stance(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The stance the content's own wording signals: denies or downplays first, then supports. Denying a denial
    supports ("the militia's denial was not credible")."""
    cues = [(m.start(), _negated(text, start, m.start(), lexicon.stance_cues.get(_fold(m.group(0)))))
            for m in lexicon.stance_re.finditer(text, start, end)]
    found = {stance for _, stance in cues}
    for stance in ("denies", "downplays", "supports"):
        if stance in found:
            first = min(at for at, s in cues if s == stance)
            if stance != "supports" and _denial_before(text, start, first, lexicon):
                return "supports"
            return stance
    return None


def _conceded(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Supporting wording followed, in the same content, by a concession."""
    first = next((m for m in lexicon.stance_re.finditer(text, start, end)
                  if lexicon.stance_cues.get(_fold(m.group(0))) == "supports"), None)
    return bool(first and _CONCESSION.search(text, first.end(), end))


def _negated(text: str, start: int, at: int, stance: str | None) -> str | None:
    if stance in {"denies", "downplays"} and _NEGATED_BEFORE.search(text[max(start, at - 40):at]):
        return "supports"
    return stance


def _denial_before(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    for noun in lexicon.noun_re.finditer(text, start, end):
        entry = lexicon.reporting_cue(noun.group(0))
        if entry and entry.stance in {"denies", "dismisses"}:
            return True
    return False


def reported_from(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Where the content starts reporting others' words ("rumours of ...", "reports that ..."): claims from there
    on are not the speaker's own. `end` when it never does."""
    nominal = lexicon.noun_re.search(text, start, end)
    return nominal.start() if nominal else end


def claim_polarity(text: str, start: int, end: int, lexicon: Lexicon, claims: ClaimReader | None = None) -> str | None:
    """'asserted' when the content says someone did what a claim cue names, 'negated' when it only says someone did
    not ("we have never sold any equipment"), None when it names no such act. With the article's claims at hand, an
    act counts as asserted only when the content names who did it or the act is an accusation in itself (bribery): a
    witness saying "they killed my husband" names no one."""
    own_end = reported_from(text, start, end, lexicon)
    if claims is not None:
        found = claims.read(start, own_end)
        if any(not c.negated and (c.accused or c.beneficiaries or c.cue.wrongful) for c in found):
            return "asserted"
        return "negated" if any(c.negated for c in found) else None
    negated = False
    for match in lexicon.claim_re.finditer(text, start, own_end):
        if _NEGATION.search(text[start:match.start()]):
            negated = True
        else:
            return "asserted"
    return "negated" if negated else None


def statement_stance(cue: ReportingCue | None, text: str, start: int, end: int, lexicon: Lexicon,
                     claims: ClaimReader | None = None) -> str:
    verb = cue.stance if cue else "neutral"
    own = cue_stance(text, start, end, lexicon)
    if own in {"denies", "downplays"} and verb not in {"denies", "dismisses"}:
        return own
    if verb in _STRONG:
        return verb
    polarity = claim_polarity(text, start, end, lexicon, claims)
    if own == "supports" and verb in {"neutral", "assesses"} and _conceded(text, start, end, lexicon):
        return "assesses"
    if own == "supports" or polarity == "asserted":
        return "supports"
    return "denies" if polarity == "negated" else verb


def certainty(cue: ReportingCue | None, text: str, stretches: list[tuple[int, int]], lexicon: Lexicon) -> str | None:
    """The certainty the cue or a hedge in the given stretches (frame, content) signals; None when unhedged."""
    found = {lexicon.hedges.get(_fold(m.group(0))) for s, e in stretches for m in lexicon.hedge_re.finditer(text, s, e)}
    if cue and cue.certainty:
        found.add(cue.certainty)
    return next((level for level in _CERTAINTY_ORDER if level in found), None)
