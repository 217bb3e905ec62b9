"""Claims inside a stretch of reported content: an act named by a claim cue ("providing rockets to", "contacts
between"), the actor said to do it (accused) and the actors it is done for or with (beneficiaries)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.extract.actor_index import ActorIndex, MentionRef
from ingest.extract.lexicon import ClaimCue, Lexicon
from ingest.model import Span

_NEGATION = re.compile(r"\b(?:not|never|no|n't|nor|without|enough\s+to)\b[\w\s,'’\"“”-]{0,60}$", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:,|\band|\bor)\s*$")
_POSSESSOR_GAP = re.compile(r"(?:'s|’s|'|’)?\s+(?:[\w-]+\s+){0,2}")
_POSSESSIVE_BEFORE = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}$")
_PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|is|are|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_MAIN_VERB = re.compile(r"[,;]|\s(?:were|was|is|are|has|have|had|will|would|could|might|may)\s")
_PAST_LOOKING = ("ed", "ent", "ught", "ed in", "ed with")
SUMMARY_WORDS = 12


@dataclass(frozen=True)
class _CueAt:
    span: Span
    cue: ClaimCue
    verb: str  # the cue as written, without a merged noun cue
    noun: str = ""  # "medical assistance" in "providing medical assistance"


@dataclass
class Claim:
    cue: ClaimCue
    cue_span: Span
    claim_type: str | None
    accused: list[MentionRef] = field(default_factory=list)
    beneficiaries: list[MentionRef] = field(default_factory=list)
    partners_before: bool = False  # "X and Y were coordinating": Y stood with the doer before the cue
    evidence: Span | None = None
    summary: str = ""
    negated: bool = False


def _truncate(text: str, limit: int = SUMMARY_WORDS) -> str:
    words = text.split()
    clipped = " ".join(words[:limit])
    return clipped if len(words) <= limit else clipped.rstrip(",;") + " …"


def _tail(text: str) -> str:
    return re.sub(r"(?:[\s,;:.”\"’…]|\band\b|\bor\b)+$", "", text).strip()


class ClaimReader:
    def __init__(self, text: str, index: ActorIndex, lexicon: Lexicon) -> None:
        self.text = text
        self.index = index
        self.lexicon = lexicon

    def _cues(self, start: int, end: int) -> list[_CueAt]:
        """Claim cues in order; a verb cue directly followed by a noun cue ("providing medical assistance") becomes
        one cue with the noun's more specific type."""
        raw = [(m, self.lexicon.claim_cue(m.group(0))) for m in self.lexicon.claim_re.finditer(self.text, start, end)]
        found: list[_CueAt] = []
        i = 0
        while i < len(raw):
            match, cue = raw[i]
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            i += 1
            if cue is None:
                continue
            s, e = match.span()
            noun = ""
            if nxt and nxt[1] and nxt[1].nominal and not cue.nominal and len(self.text[e:nxt[0].start()].split()) <= 1:
                cue = replace(cue, claim_type=nxt[1].claim_type or cue.claim_type, nominal=False)
                noun = self.text[e:nxt[0].end()].strip()
                e = nxt[0].end()
                i += 1
            elif cue.claim_type is None:
                event = self._event_noun(e, end)
                if event:
                    cue = replace(cue, claim_type=event[0])
                    noun = self.text[e:event[1]].strip()
                    e = event[1]
                    if nxt and nxt[0].start() < e:
                        i += 1
            found.append(_CueAt(Span(s, e, self.text[s:e]), cue, match.group(0), noun))
        return found

    def _event_noun(self, start: int, end: int) -> tuple[str, int] | None:
        """An event noun right after a cue that names no type itself ("carried out the massacre"): its type and end."""
        event = self.lexicon.event_re.search(self.text, start, min(end, start + 40))
        if event is None or len(self.text[start:event.start()].split()) > 3:
            return None
        event_type = self.lexicon.event_cues.get(" ".join(event.group(0).lower().split()))
        return (event_type, event.end()) if event_type else None

    def _parties_after(self, start: int, end: int, cue: ClaimCue) -> list[MentionRef]:
        refs = self.index.outermost_within(start, end)
        if cue.form.endswith("between"):
            return [r for r in refs if re.search(r"(?:^\s*|(?:and|,)\s*)(?:the\s+)?$", self.text[start:r.start])]
        stop = re.search(r"[,;]", self.text[start:end])
        limit = start + stop.start() if stop else end
        return [r for r in refs if r.start < limit]

    def _passive_agent(self, cue_end: int, end: int) -> MentionRef | None:
        """'had been staged by the army': the actor after a passive cue's 'by' did it."""
        by = re.match(r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?", self.text[cue_end:end])
        if by is None or re.search(r"[,;]", by.group(0)):
            return None
        agent = self.index.starting_at(cue_end + by.end())
        return agent

    def _source_after(self, cue_end: int, end: int) -> MentionRef | None:
        """'received weapons from X': X, the giving side."""
        source = re.search(r"\bfrom\s+(?:the\s+)?", self.text[cue_end:end])
        return self.index.starting_at(cue_end + source.end()) if source else None

    def _doers_before(self, floor: int, cue_start: int, nominal: bool) -> list[MentionRef]:
        """The doer before the cue; 'X and Y were coordinating' gives X first, then Y. A noun cue takes only its
        possessor ("Varenia's alleged assistance"), not any actor earlier in the sentence."""
        before = self.index.outermost_within(floor, cue_start)
        if not before:
            return []
        doer = before[-1]
        if nominal and not _POSSESSOR_GAP.fullmatch(self.text[doer.end:cue_start]):
            return []
        result = [doer]
        for ref in reversed(before[:-1]):
            if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", self.text[ref.end:result[0].start]):
                result.insert(0, ref)
            else:
                break
        return result

    def read(self, start: int, end: int) -> list[Claim]:
        text = self.text
        claims: list[Claim] = []
        cues = self._cues(start, end)
        for i, at in enumerate(cues):
            cue, span = at.cue, at.span
            segment_end = cues[i + 1].span.start if i + 1 < len(cues) else end
            semicolon = text.find(";", span.end, segment_end)
            segment_end = semicolon if semicolon != -1 else segment_end
            claim = Claim(cue, span, cue.claim_type, negated=bool(_NEGATION.search(text[start:span.start])))
            previous = claims[-1] if claims else None
            gap = text[previous.cue_span.end:span.start] if previous else ""
            after = self._parties_after(span.end, segment_end, cue)
            passive_by = self._passive_agent(span.end, segment_end) if _PASSIVE_BEFORE.search(text[start:span.start]) \
                else None
            if cue.nominal and cue.form.endswith((" between", " of")) and after:
                claim.accused, claim.beneficiaries = after[:1], after[1:]
            elif cue.accuses_object and after:
                claim.accused, claim.beneficiaries = after[:1], after[1:]
            elif passive_by is not None:
                claim.accused = [passive_by]
                claim.beneficiaries = [r for r in after if r is not passive_by]
            elif cue.receives:
                doers = self._doers_before(start, span.start, False)
                source = self._source_after(span.end, segment_end)
                claim.accused = [source] if source else []
                claim.beneficiaries = doers
            elif previous and _COORDINATED.search(gap) and len(gap.split()) <= 10 and previous.accused:
                claim.accused = list(previous.accused)
                claim.beneficiaries = after or list(previous.beneficiaries)
            else:
                noun_use = cue.nominal or bool(_POSSESSIVE_BEFORE.search(text[start:span.start]))
                doers = self._doers_before(start, span.start, noun_use)
                claim.accused = doers[:1]
                claim.partners_before = len(doers) > 1
                claim.beneficiaries = doers[1:] + [r for r in after if r.actor.iri not in {d.actor.iri for d in doers}]
            accused_iris = {r.actor.iri for r in claim.accused}
            claim.beneficiaries = [r for r in claim.beneficiaries if r.actor.iri not in accused_iris]
            evidence_start = min([span.start] + [r.start for r in claim.accused if r.start >= start])
            tail_end = evidence_start + len(_tail(text[evidence_start:segment_end]))
            claim.evidence = Span(evidence_start, tail_end, text[evidence_start:tail_end])
            claim.summary = self._summary(claim, at, segment_end)
            claims.append(claim)
        return claims

    def _summary(self, claim: Claim, at: _CueAt, segment_end: int) -> str:
        """A short wording of the claim: 'Varenia provided rockets to the rebels in the north'."""
        span, cue = claim.cue_span, claim.cue
        doer = claim.accused[0].actor.label if claim.accused else "someone"
        others = " and ".join(r.actor.label for r in claim.beneficiaries)
        if cue.form.endswith(" between"):
            return f"{cue.form} {doer}" + (f" and {others}" if others else "")
        following = self.text[span.end:segment_end]
        stop = _MAIN_VERB.search(following)
        rest = _tail(following[:stop.start()] if stop else following)
        if cue.nominal or (claim.accused and claim.accused[0].start >= span.start):
            inside = claim.accused and claim.accused[0].start >= span.start
            return _truncate(f"{span.text} {rest}" if inside else f"{doer}: {span.text} {rest}".strip())
        if claim.accused and re.fullmatch(r"(?:'s|’s)\s*", self.text[claim.accused[0].end:span.start]):
            return _truncate(f"{doer}'s {span.text} {rest}".strip())  # "Varenia's support"
        written = " ".join(at.verb.lower().split())
        verb = written if written.endswith(_PAST_LOOKING) or not cue.past else cue.past
        if claim.partners_before:  # "X and Y were coordinating": X cooperated with Y
            return f"{doer} {verb} {others}"
        return _truncate(" ".join(part for part in [doer, verb, at.noun, rest] if part))
