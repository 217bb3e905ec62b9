"""Allegations: claims that an actor did something, made by the speakers of supporting statements, with the
statements that support or contest each one. The alleged act is only the allegation's content, never an Event.

An allegation comes from a statement that supports or confirms a claim whose content names an act (a claim cue) and
the actor said to do it. Claims after a nominal cue inside the content ("rumours of ...", "reports that ...") are
someone else's, not the speaker's. The same claim type, accused and beneficiaries made twice in one article is one
allegation with several claimants. A statement that denies, dismisses or downplays is linked to every allegation that
shares an actor (accused or beneficiary, or their affiliations) and a related claim type; one naming neither takes
the targets of the statement it echoes or of its speaker's previous statement.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.extract.actor_index import ActorIndex, MentionRef
from ingest.extract.claims import Claim, ClaimReader
from ingest.extract.clusters import allegation_fingerprint
from ingest.extract.lexicon import Lexicon
from ingest.extract.segments import article_sentences
from ingest.extract.speakers import SpeakerFinder
from ingest.extract.stance import certainty, reported_from
from ingest.iris import IriMinter
from ingest.model import Actor, Allegation, ArticleDoc, Statement

SUPPORTING = frozenset({"supports", "confirms"})
CONTESTING = frozenset({"denies", "dismisses", "downplays"})
_GROUP_TYPES = frozenset({"ActorGroup", "AnonymousSource"})
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
        if not accused or not claimants or set(accused) & set(claimants) or claim.evidence is None:
            return
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
        for claim in claims:
            if target is not None:
                claim.accused = [target]
                claim.beneficiaries = [b for b in claim.beneficiaries if b.actor.iri != target.actor.iri]
            self.add(claim, statement, claimants)

    def _accused_object(self, statement: Statement) -> MentionRef | None:
        """'S accused O of C': O is the one accused of every act in C."""
        cue = self.lexicon.reporting_cue(statement.cue.text) if statement.cue else None
        first = self.index.starting_at(statement.content.start)
        if cue and cue.allegation and first and re.match(r"\s+of\b", self.doc.text[first.end:first.end + 4]):
            return first
        return None

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

    def topic(self, statement: Statement) -> tuple[set[str], set[str]]:
        """The actors (with affiliations) and claim types a statement's content names."""
        content = statement.content
        actors = {r.actor.iri for r in self.index.within(content.start, content.end)}
        types = {c.claim_type for c in self.claims.read(content.start, content.end)}
        return self.with_affiliations(actors), types

    def targets(self, statement: Statement, actors: set[str], types: set[str]) -> list[Allegation]:
        """Allegations sharing an actor and a related claim type with the statement, or a related claim type and a
        content word ("the rebels do not rely on foreign help to get rockets" and "providing rockets")."""
        found = []
        words = _content_words(statement.content.text)
        for allegation in self.allegations.values():
            parties = self.with_affiliations(set(allegation.accused) | set(allegation.beneficiaries))
            same_type = not types or allegation.claim_type is None or any(
                self.lexicon.related_types(t, allegation.claim_type) for t in types)
            shared_words = types and words & _content_words(allegation.evidence.text)
            if same_type and (parties & actors or shared_words):
                found.append(allegation)
        return found

    def link(self, statements: list[Statement]) -> None:
        for i, statement in enumerate(statements):
            if statement.about or statement.stance not in SUPPORTING | CONTESTING:
                continue
            actors, types = self.topic(statement)
            if statement.stance in SUPPORTING and not types:
                continue
            if not actors and statement.speaker:
                actors = self.with_affiliations({statement.speaker})
            targets = self.targets(statement, actors, types) if actors else []
            if not targets and statement.stance in CONTESTING:
                targets = self._inherited(statements, i)
            for allegation in targets:
                bucket = allegation.supported_by if statement.stance in SUPPORTING else allegation.contested_by
                if statement.iri not in bucket:
                    bucket.append(statement.iri)
                statement.about.append(allegation.iri)

    def _inherited(self, statements: list[Statement], i: int) -> list[Allegation]:
        """An echo takes the targets of what it echoes; otherwise the speaker's previous statement's."""
        statement = statements[i]
        cue = self.lexicon.reporting_cue(statement.cue.text) if statement.cue else None
        by_iri = {a.iri: a for a in self.allegations.values()}
        for earlier in reversed(statements[:i]):
            if (cue and cue.echoes) or (earlier.speaker and earlier.speaker == statement.speaker):
                if earlier.about:
                    return [by_iri[iri] for iri in earlier.about if iri in by_iri]
                if cue and cue.echoes:
                    continue
        return []


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
    return sorted(builder.allegations.values(), key=lambda a: a.evidence.start)
