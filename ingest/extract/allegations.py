"""Allegations: claims that an actor did something, made by the speakers of supporting statements, with the
statements that support or contest each one. The alleged act is only the allegation's content, never an Event.

An allegation comes from a statement that supports or confirms a claim whose content names an act (a claim cue) and
the actor said to do it. Claims after a nominal cue inside the content ("rumours of ...", "reports that ...") are
someone else's, not the speaker's. The same claim type, accused and beneficiaries made twice in one article is one
allegation with several claimants. A statement that denies, dismisses or downplays is linked to every allegation that
shares an actor (accused or beneficiary, or their affiliations) and a related claim type; one naming neither takes
the targets of the statement it echoes, of its speaker's previous statement, or of the contesting statement just
before it. A denial by the accused or by a beneficiary ("The RSF denied receiving any weapons") contests the
allegation through its speaker. The accused side never claims: an accused actor (or one affiliated to it) asserting
its own act restricts or admits, and one asserting that someone else did it shifts the blame, which contests; every
speaker who contests an allegation is taken off its claimants. A source the article has no actor for ("Campaigners
accused X of C") still opens an allegation; it is kept only if a named actor backs it. The accused named by a
definite description ("accused the bank of ...") is the actor the article named or introduced with that noun.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.extract.actor_index import ActorIndex, MentionRef
from ingest.extract.allegation_reach import fold_organs, referred, same_kind
from ingest.extract.claims import Claim, ClaimReader
from ingest.extract.counterclaims import accused_side_stance, shifts_blame
from ingest.extract.clusters import allegation_fingerprint
from ingest.extract.described_actors import described_actor
from ingest.extract.lexicon import ClaimCue, Lexicon
from ingest.extract.segments import article_paragraphs, article_sentences
from ingest.extract.speakers import SpeakerFinder
from ingest.extract.stance import certainty, reported_from
from ingest.iris import IriMinter
from ingest.model import Actor, Allegation, ArticleDoc, Span, Statement

SUPPORTING = frozenset({"supports", "confirms"})
CONTESTING = frozenset({"denies", "dismisses", "downplays"})
_GROUP_TYPES = frozenset({"ActorGroup", "AnonymousSource"})
INHERIT_PARAGRAPHS = 1  # a statement naming no target takes one from this many paragraphs back
_THESE_ALLEGATIONS = re.compile(r"(?:These|Those|The|Such)\s+([\w-]+)\s+(?:also\s+)?(?:include|included|involve|involved)\b")


class _Builder:
    def __init__(self, doc: ArticleDoc, actors: list[Actor], lexicon: Lexicon, minter: IriMinter) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.minter = minter
        self.index = ActorIndex(actors)
        self.by_iri = {a.iri: a for a in actors}
        self.claims = ClaimReader(doc.text, self.index, lexicon)
        self.speakers = SpeakerFinder(doc.text, self.index, lexicon)
        self.allegations: dict[str, Allegation] = {}
        self.paragraphs = article_paragraphs(doc.text)

    def with_affiliations(self, iris: set[str]) -> set[str]:
        expanded = set(iris)
        for iri in iris:
            seen = 0
            actor = self.by_iri.get(iri)
            while actor and actor.affiliation and seen < 4:
                expanded.add(actor.affiliation)
                actor = self.by_iri.get(actor.affiliation)
                seen += 1
        return expanded

    def claimants(self, statement: Statement) -> list[str]:
        if not statement.speaker:
            return []
        members: tuple[str, ...] = ()
        if statement.cue and statement.cue.start > statement.sentence.start and not statement.direct:
            subject = self.speakers.before(statement.sentence.start, statement.cue.start)
            members = subject.members if subject and subject.iri == statement.speaker else ()
        return list(dict.fromkeys([statement.speaker, *members]))

    def accused_of(self, claim: Claim) -> list[str]:
        iris: list[str] = []
        for ref in claim.accused:
            iris.append(ref.actor.iri)
            if ref.actor.type in _GROUP_TYPES and ref.actor.affiliation:
                iris.append(ref.actor.affiliation)  # "Varenian advisers": the claim is also against their state
        return list(dict.fromkeys(iris))

    def add(self, claim: Claim, statement: Statement, claimants: list[str]) -> None:
        accused = self.accused_of(claim)
        beneficiaries = [b for b in dict.fromkeys(r.actor.iri for r in claim.beneficiaries) if b not in accused]
        claimants = [c for c in claimants if c not in self.with_affiliations(set(accused))]
        if not accused or claim.evidence is None or not (claimants or statement.speaker_label):
            return  # a source with no actor ("Campaigners accused X of C") leaves it to a named supporter to claim
        fingerprint = allegation_fingerprint(claim.claim_type, accused, beneficiaries)
        allegation = self.allegations.get(fingerprint)
        hedge = certainty(None, self.doc.text, [(claim.evidence.start, claim.evidence.end)], self.lexicon) \
            or statement.certainty
        if allegation is None:
            allegation = Allegation(
                iri=str(self.minter.allegation(self.doc.key, fingerprint)), summary=claim.summary,
                evidence=claim.evidence, claim_type=claim.claim_type, accused=accused, beneficiaries=beneficiaries,
                certainty=hedge, cluster=str(self.minter.cluster("allegation", fingerprint)))
            self.allegations[fingerprint] = allegation
        allegation.claimants = list(dict.fromkeys(allegation.claimants + claimants))
        if statement.iri not in allegation.supported_by:
            allegation.supported_by.append(statement.iri)
        if allegation.iri not in statement.about:
            statement.about.append(allegation.iri)

    def from_statement(self, statement: Statement) -> None:
        if statement.stance not in SUPPORTING:
            return
        claimants = self.claimants(statement)
        own_end = reported_from(self.doc.text, statement.content.start, statement.content.end, self.lexicon)
        claims = [c for c in self.claims.read(statement.content.start, own_end) if not c.negated]
        target = self._accused_object(statement)
        if target is not None and not claims:
            claims = [self._bare_claim(statement, target)]
        side = self.with_affiliations(set(claimants))
        with_doer = [c for c in claims if c.accused]
        own_acts = all({r.actor.iri for r in c.accused} <= side for c in with_doer)
        if with_doer and claimants and target is None and own_acts:
            statement.stance = accused_side_stance(self.doc.text, statement, self.lexicon)
            return  # the accused side speaking of its own acts: no one is accused by it
        for claim in claims:
            if target is not None and self._relative_claim(statement, claim):
                continue  # "accused X of arming the militants who attacked a train": the militants attacked
            if target is not None:
                claim.accused = [target]
                claim.beneficiaries = [b for b in claim.beneficiaries if b.actor.iri != target.actor.iri]
            self.add(claim, statement, claimants)

    def _relative_claim(self, statement: Statement, claim: Claim) -> bool:
        """A relative clause ("the militants who attacked") or a participle after a comma (", killing 26 people")
        inside 'accused X of C' tells what someone else did."""
        clause = self.doc.text[statement.content.start:claim.cue_span.start]
        participle = re.search(r",\s*$", clause) and claim.cue_span.text.lower().endswith("ing")
        return bool(participle or re.search(r"\b(?:who|which|that)\s+(?:[\w-]+\s+){0,2}$", clause.split(",")[-1]))

    def _accused_object(self, statement: Statement) -> MentionRef | None:
        """'S accused O of C', 'S blamed O for C': O (an actor, or a role noun naming one) is accused of all of C."""
        cue = self.lexicon.reporting_cue(statement.cue.text) if statement.cue else None
        if cue is None or not cue.allegation or not cue.accuses_object:
            return None
        start = statement.content.start
        first = self.index.starting_at(start)
        if first is None:
            phrase = re.match(r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s+(?:of|for|over)\b)",
                              self.doc.text[start:statement.content.end], re.IGNORECASE)
            described = described_actor(self.doc.text, self.index, start, start + phrase.end()) if phrase else None
            if described is not None:
                return described
            ref = self.speakers.reference_ending(start, start + phrase.end()) if phrase else None
            actor = self.by_iri.get(ref.iri) if ref and ref.iri else None
            return MentionRef(start, start + phrase.end(), actor) if phrase and actor else None
        if re.match(r"\s*(?:\([^)]*\)\s*)?(?:of|for|over|,|$)", self.doc.text[first.end:statement.content.end]):
            return first
        return None

    def _bare_claim(self, statement: Statement, target: MentionRef) -> Claim:
        """'accused O of C' where C names no act the lexicon knows: the claim is C itself, of no event type."""
        content = statement.content
        rest = re.sub(r"^\s*(?:\([^)]*\)\s*)?(?:of|for|over|,)?\s*", "", self.doc.text[target.end:content.end])
        cue = ClaimCue(statement.cue.text.lower() if statement.cue else "accused", None, wrongful=True)
        summary = " ".join(f"{target.actor.label} {rest}".split()[:12])
        return Claim(cue, Span(content.start, content.end, content.text), None, accused=[target],
                     evidence=content, summary=summary)

    def from_listing(self, statements: list[Statement]) -> None:
        """'These allegations include C': C is more of what the previous allegation's claimants allege."""
        for sentence in article_sentences(self.doc.text):
            match = _THESE_ALLEGATIONS.match(sentence.text)
            cue = self.lexicon.reporting_cue(match.group(1)) if match else None
            if not match or cue is None or not cue.allegation:
                continue
            earlier = [s for s in statements if s.content.end <= sentence.start and s.about]
            if not earlier:
                continue
            source = earlier[-1]
            for claim in self.claims.read(sentence.start + match.end(), sentence.end):
                if not claim.negated:
                    self.add(claim, source, self.claimants(source))

    def topic(self, statement: Statement) -> tuple[set[str], set[str | None]]:
        """The actors (with affiliations) and claim types a statement's content names."""
        content = statement.content
        actors = {r.actor.iri for r in self.index.within(content.start, content.end)}
        types = {c.claim_type for c in self.claims.read(content.start, content.end)}
        return self.with_affiliations(actors), types

    def targets(self, statement: Statement, actors: set[str], types: set[str | None]) -> list[Allegation]:
        """Allegations sharing an actor and a related claim type with the statement, or a related claim type and a
        content word ("the rebels do not rely on foreign help to get rockets" and "providing rockets")."""
        found = []
        words = _content_words(statement.content.text)
        for allegation in self.allegations.values():
            parties = self.with_affiliations(set(allegation.accused) | set(allegation.beneficiaries))
            same_type = not types or None in types or allegation.claim_type is None or any(
                t is not None and self.lexicon.related_types(t, allegation.claim_type) for t in types)
            shared_words = types and words & _content_words(allegation.evidence.text)
            if same_type and (parties & actors or shared_words):
                found.append(allegation)
        return found

    def link(self, statements: list[Statement]) -> None:
        contested: dict[str, set[str]] = {}  # speaker -> allegations it has contested so far
        for i, statement in enumerate(statements):
            if statement.about or statement.stance not in SUPPORTING | CONTESTING | {"assesses"}:
                continue
            actors, types = self.topic(statement)
            if statement.stance in SUPPORTING | {"assesses"} and self._shifts_blame(statement, contested):
                statement.stance = "denies"
            if statement.stance not in SUPPORTING | CONTESTING:
                continue
            if statement.stance in SUPPORTING:
                targets = self._supported(statements, i, actors, types)
            else:
                speaker_side = self.with_affiliations({statement.speaker}) if statement.speaker else set()
                parties = actors | speaker_side
                targets = self.targets(statement, parties, types) if parties else []
                targets = targets or self._inherited(statements, i) or self._referred(statement)
            for allegation in targets:
                self._attach(statement, allegation)
                if statement.stance in CONTESTING and statement.speaker:
                    contested.setdefault(statement.speaker, set()).add(allegation.iri)

    def _attach(self, statement: Statement, allegation: Allegation) -> None:
        supporting = statement.stance in SUPPORTING
        bucket = allegation.supported_by if supporting else allegation.contested_by
        if statement.iri not in bucket:
            bucket.append(statement.iri)
        if allegation.iri not in statement.about:
            statement.about.append(allegation.iri)
        side = self.with_affiliations(set(allegation.accused))
        if supporting and statement.speaker and statement.speaker not in side:
            allegation.claimants = list(dict.fromkeys(allegation.claimants + self.claimants(statement)))

    def _supported(self, statements: list[Statement], i: int, actors: set[str],
                   types: set[str | None]) -> list[Allegation]:
        """A supporting statement bears on allegations of its claim types and actors; one naming no act, on those
        against an actor it names, else on what its speaker supported just before."""
        statement = statements[i]
        found = self.targets(statement, actors, types) if types else []
        found = found or [a for a in self.allegations.values() if self.with_affiliations(set(a.accused)) & actors]
        found = found or same_kind(self.claims.read(statement.content.start, statement.content.end), types,
                                   self.allegations.values(), self.lexicon)
        return found or (self._inherited(statements, i) if statement.direct else []) or self._referred(statement)

    def _referred(self, statement: Statement) -> list[Allegation]:
        return referred(self.doc.text, statement, self.allegations.values(), self.lexicon)

    def _shifts_blame(self, statement: Statement, contested: dict[str, set[str]]) -> bool:
        """The accused side, or a speaker who has contested an allegation, saying someone else did it."""
        if not statement.speaker:
            return False
        own = reported_from(self.doc.text, statement.content.start, statement.content.end, self.lexicon)
        claims = self.claims.read(statement.content.start, own)
        speaker_side = self.with_affiliations({statement.speaker})
        for allegation in self.allegations.values():
            side = self.with_affiliations(set(allegation.accused))
            if (speaker_side & side or allegation.iri in contested.get(statement.speaker, set())) and \
                    claims and shifts_blame(claims, allegation, side, self.lexicon):
                return True
        return False

    def _inherited(self, statements: list[Statement], i: int) -> list[Allegation]:
        """An echo takes the targets of what it echoes; otherwise the speaker's previous statement's, or those of the
        statement just before it (the same paragraph or the one before) when that one contests too, or when this one
        supports (consecutive paragraphs keep to their allegation), or when it is in the same paragraph (an answer)."""
        statement = statements[i]
        cue = self.lexicon.reporting_cue(statement.cue.text) if statement.cue else None
        by_iri = {a.iri: a for a in self.allegations.values()}
        for earlier in reversed(statements[:i]):
            if (cue and cue.echoes) or (earlier.speaker and earlier.speaker == statement.speaker):
                if earlier.about:
                    return [by_iri[iri] for iri in earlier.about if iri in by_iri]
                if cue and cue.echoes:
                    continue
        here = self.paragraph_of(statement.content.start)
        for earlier in reversed(statements[:i]):
            if here - self.paragraph_of(earlier.content.start) > INHERIT_PARAGRAPHS:
                break
            answers = here == self.paragraph_of(earlier.content.start)  # "X accused Y of C, a claim Y called absurd"
            if earlier.about and (earlier.stance in CONTESTING or statement.stance in SUPPORTING or answers):
                return [by_iri[iri] for iri in earlier.about if iri in by_iri]
        return []

    def prune(self, statements: list[Statement]) -> None:
        """No one who contests an allegation claims it; an allegation left with no claimant is dropped."""
        by_iri = {s.iri: s for s in statements}
        for key, allegation in list(self.allegations.items()):
            deniers = {by_iri[i].speaker for i in allegation.contested_by if i in by_iri}
            allegation.claimants = [c for c in allegation.claimants if c not in deniers]
            if not allegation.claimants:
                del self.allegations[key]
                for statement in statements:
                    if allegation.iri in statement.about:
                        statement.about.remove(allegation.iri)

    def paragraph_of(self, offset: int) -> int:
        return next((i for i, p in enumerate(self.paragraphs) if p.start <= offset < p.end + 1), len(self.paragraphs))


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in STOP_WORDS}


def find_allegations(doc: ArticleDoc, actors: list[Actor], statements: list[Statement], lexicon: Lexicon,
                     minter: IriMinter) -> list[Allegation]:
    """The article's allegations; also fills each statement's `about` with the allegations it bears on."""
    builder = _Builder(doc, actors, lexicon, minter)
    ordered = sorted(statements, key=lambda s: s.content.start)
    for statement in ordered:
        builder.from_statement(statement)
    builder.from_listing(ordered)
    builder.link(ordered)
    fold_organs(list(builder.allegations.values()), ordered, builder.with_affiliations, lexicon)
    builder.prune(ordered)
    return sorted(builder.allegations.values(), key=lambda a: a.evidence.start)
