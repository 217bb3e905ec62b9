"""Who stands behind a document that speaks ("the report said", "the complaint alleges"): its possessor, its author
after "by", whoever presented it earlier ("X charged in a new report"), the party its kind names ("the ruling" is the
court's), or the source of the statements just before; else the document itself."""

from __future__ import annotations

from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.cue import CueHit
from newskg.ingest.extract.attribution.frame_parts import MEDIUM_TYPES
from newskg.ingest.extract.attribution.source import SourceFinder
from newskg.ingest.extract.attribution.values import Attribution, Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import Sentence, TextModel


_TIME_REACH = 4  # tokens of a time phrase between a document's participle and "by" ("published on Monday by")


class DocumentSources:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, sources: SourceFinder) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.sources = sources

    def source(self, subject: Speaker, found: list[Attribution]) -> Speaker:
        """'the report said', 'the complaint alleges': the party behind the document, when the text named one —
        the possessor ("the ministry's report"), or the source of the latest statement (its report)."""
        tokens = self.model.tokens
        head = tokens[subject.last]
        makers = self.lexicon.words.documents.get(head.lemma)
        if makers is None:
            return subject
        owner = self.sources.possessor(subject.last)
        if owner is not None and owner.actor_key is not None:
            return Speaker(actor_key=owner.actor_key, label=owner.label, first=subject.first, last=subject.last)
        filer = self._filed_by(subject)
        if filer is not None:
            return Speaker(actor_key=filer.actor_key, label=filer.label, first=subject.first, last=subject.last)
        k = subject.last + 1  # "documents published by Washington", "a complaint filed by the city"
        if k + 1 < len(tokens) and tokens[k].text == ",":
            k += 1  # "The memo, written by …,"
        authored = not self.lexicon.words.is_("access-verb", tokens[k].lemma)  # "seen by" is no author
        by = k if k < len(tokens) and tokens[k].norm == "by" else None  # "the latest report by Human Rights Watch"
        if by is None and k + 1 < len(tokens) and tokens[k].tag == "VBN" and authored:
            by = self._by_after_participle(k)  # "published by …", "published on Monday by …"
        if by is not None:
            author = self.sources.after(by, min(by + 7, len(tokens) - 1))
            # "written by the company's head of compliance": the head of compliance, not the company
            possessed = author is not None and any(
                t.text in ("'s", "’s") for t in tokens[author.first : min(author.last + 2, len(tokens))]
            )
            if author is not None and author.actor_key is not None and not possessed:
                return Speaker(actor_key=author.actor_key, label=author.label, first=subject.first, last=subject.last)
            return subject  # its author is someone the text does not name: the document speaks
        presenter = self._presented_by(head.lemma, subject.first, found)
        if presenter is not None:  # "X charged in a new report. … the report says": X's report
            return Speaker(actor_key=presenter.actor_key, label=presenter.label, first=subject.first, last=subject.last)
        if makers:  # "the ruling" is the court's, "the audit" the auditor's: the party named so before it
            for actor, _ in self.actors.mentions_before(subject.first):
                words = set(name_key(actor.label).split()) | set(name_key(actor.role or "").split())
                if words & makers and not actor.document:
                    return Speaker(actor_key=actor.key, label=actor.label, first=subject.first, last=subject.last)
            return subject
        paragraph = head.paragraph
        for earlier in reversed(found):
            if (
                earlier.speaker is not None
                and earlier.speaker.actor_key is not None
                and tokens[earlier.content_first].paragraph >= paragraph - 1
            ):
                actor = self.actors.by_key.get(earlier.speaker.actor_key)
                if actor is not None and actor.kind == "named" and (
                    actor.type not in ("Person", "AnonymousSource", "State")
                ):
                    return Speaker(actor_key=actor.key, label=actor.label, first=subject.first, last=subject.last)
                break
        for actor, mention in self.actors.mentions_before(subject.first):
            if tokens[mention.first].paragraph < paragraph - 2:
                break
            same_sentence = tokens[mention.first].sentence == head.sentence
            between = tokens[mention.last + 1 : subject.first] if same_sentence else []
            if any(t.verb or t.text in ",;:" for t in between):
                continue  # "Ostrian police tortured detainees, the report said": named in what the report says
            if actor.type not in ("Person", "AnonymousSource", "ActorGroup", "State") and actor.kind == "named":
                return Speaker(actor_key=actor.key, label=actor.label, first=subject.first, last=subject.last)
        return subject

    def _by_after_participle(self, participle: int) -> int | None:
        tokens = self.model.tokens
        j = participle + 1
        while j < len(tokens) and j - participle <= _TIME_REACH and tokens[j].norm != "by":
            if not (self.sources.is_time(j) or tokens[j].tag in ("IN", "DT", "CD")):
                return None
            j += 1
        return j if j < len(tokens) and tokens[j].norm == "by" else None

    def _filed_by(self, subject: Speaker) -> Speaker | None:
        """'Two groups have filed a lawsuit alleging that …': the subject of the verb that brought the document."""
        verb = subject.first - 1
        tokens = self.model.tokens
        if verb < 0 or not tokens[verb].verb or not self.lexicon.words.is_("proceeding-verb", tokens[verb].lemma):
            return None
        filer = self.sources.before(verb, self.model.sentence_of(verb).first)
        return filer if filer is not None and filer.actor_key is not None else None

    def _presented_by(self, lemma: str, before: int, found: list[Attribution]) -> Speaker | None:
        """The speaker of the latest earlier statement whose frame names a document of this kind ("the rights groups
        say in the report", "X said in a statement")."""
        tokens = self.model.tokens
        for earlier in reversed(found):
            unnamed = earlier.speaker is None or earlier.speaker.actor_key is None
            if unnamed or earlier.content.start >= tokens[before].start:
                continue
            sentence = self.model.tokens_within(earlier.sentence.start, earlier.sentence.end)
            frame = [k for k in sentence if not earlier.content_first <= k <= earlier.content_last]
            if any(tokens[k].lemma == lemma and tokens[k].quote < 0 for k in frame):
                return earlier.speaker
        return None

    def is_document(self, key: str) -> bool:
        actor = self.actors.by_key.get(key)
        return actor is not None and actor.document

    def report_before(self, cue: CueHit, sentence: Sentence, found: list[Attribution]) -> Speaker | None:
        """The document or the outlet right before a participle with no comma between ("a report by X claiming
        that", "the Journal reporting that"): the participle tells of it, not of the sentence's subject."""
        tokens = self.model.tokens
        if cue.first - 1 <= sentence.first or not tokens[cue.first - 1].noun:
            return None
        subject = self.sources.before(cue.first, sentence.first)
        if subject is None:
            return None
        actor = self.actors.by_key.get(subject.actor_key) if subject.actor_key else None
        reporting = actor.type in MEDIUM_TYPES or actor.document if actor is not None else (
            tokens[subject.last].lemma in self.lexicon.words.documents
        )
        return self.source(subject, found) if reporting else None
