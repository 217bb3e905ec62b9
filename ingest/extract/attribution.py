"""Who said what: every attributed statement of an article, direct and reported, with speaker, cue, exact content,
stance, certainty, medium, time and (for quotes) a cross-article cluster.

Continuing quotes: a quote that stands alone in its sentence or paragraph right after a statement by S continues S.
It becomes a statement of its own (a Span cannot skip the words between two quotes) with S as speaker and S's cue,
so the two are linked through speaker and cue span; a quote no frame or antecedent explains keeps speaker None.
"""

from __future__ import annotations

import re

from ingest.extract.actor_index import ActorIndex
from ingest.extract.claims import ClaimReader
from ingest.extract.clusters import quote_fingerprint
from ingest.extract.discourse import resolve_speakers, stances
from ingest.extract.frames import Frame, SentenceReader, words
from ingest.extract.lexicon import Lexicon
from ingest.extract.quotes import Quote, find_quotes
from ingest.extract.segments import article_dates, article_paragraphs, article_sentences
from ingest.extract.speaker_sides import lend_sides
from ingest.extract.speakers import SpeakerRef
from ingest.extract.stance import certainty
from ingest.iris import IriMinter
from ingest.model import Actor, ArticleDoc, Span, Statement



def _sentence_span(text: str, spans: list[Span], start: int, end: int) -> Span:
    covering = [s for s in spans if s.end > start and s.start < end]
    if not covering:
        return Span(start, end, text[start:end])
    return Span(covering[0].start, covering[-1].end, text[covering[0].start:covering[-1].end])


def _standalone(text: str, quote: Quote, sentence: Span) -> bool:
    outside = text[sentence.start:quote.open] + text[quote.close:sentence.end]
    return not re.search(r"\w", outside)


class _Reader:
    def __init__(self, doc: ArticleDoc, actors: list[Actor], lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        self.paragraphs = list(article_paragraphs(self.text))
        self.sentences = list(article_sentences(self.text))
        self.dates = article_dates(self.text, doc.date)
        self.quotes = find_quotes(self.text, self.paragraphs)
        self.index = ActorIndex(actors)
        self.frames_reader = SentenceReader(self.text, self.index, lexicon, self.quotes, self.dates)
        self.claims = ClaimReader(self.text, self.index, lexicon)

    def paragraph_of(self, offset: int) -> int:
        return next((i for i, p in enumerate(self.paragraphs) if p.start <= offset < p.end + 1), len(self.paragraphs))

    def frames(self) -> list[Frame]:
        found: list[Frame] = []
        for sentence in self.sentences:
            found.extend(self.frames_reader.read(sentence))
        resolve_speakers(found, self.text, self.index, self.lexicon, self.paragraph_of)
        found.extend(self._continuations(found))
        unique: dict[tuple[int, int], Frame] = {}
        for frame in sorted(found, key=lambda f: (f.content.start, f.content.end)):
            unique.setdefault((frame.content.start, frame.content.end), frame)
        return _named_back(list(unique.values()))

    def _continuations(self, frames: list[Frame]) -> list[Frame]:
        """Quotes standing alone after a statement continue it; others get the frame of the next sentence, if any."""
        text = self.text
        used = {id(q) for f in frames for q in f.quotes}
        result: list[Frame] = []
        for quote in self.quotes:
            if id(quote) in used or any(f.content.start <= quote.open < f.content.end for f in frames):
                continue
            sentence = _sentence_span(text, self.sentences, quote.open, quote.close)
            if not _standalone(text, quote, sentence) or len(words(quote.content.text)) < 4:
                continue
            known = sorted(frames + result, key=lambda f: f.content.end)
            before = [f for f in known if f.content.end <= quote.open]
            antecedent = before[-1] if before else None
            previous_sentences = [s for s in self.sentences if s.end <= sentence.start]
            if antecedent and previous_sentences and antecedent.sentence.end >= previous_sentences[-1].start \
                    and self.paragraph_of(quote.open) - self.paragraph_of(antecedent.content.start) <= 1:
                result.append(Frame(antecedent.speaker, antecedent.cue, antecedent.cue_entry, quote.content, sentence,
                                    True, antecedent.medium, antecedent=antecedent, quotes=[quote]))
                continue
            result.append(self._frame_from_next_sentence(quote, sentence) or
                          Frame(None, None, None, quote.content, sentence, True, quotes=[quote]))
        return result

    def _frame_from_next_sentence(self, quote: Quote, sentence: Span) -> Frame | None:
        """'"Q." The source said.' — a short sentence that is only a frame gives the quote its speaker."""
        following = [s for s in self.sentences if s.start >= sentence.end]
        if not following or len(words(following[0].text)) > 10:
            return None
        nxt = following[0]
        match = self.lexicon.verb_re.search(self.text, nxt.start, nxt.end)
        if not match:
            return None
        speakers = self.frames_reader.speakers
        speaker = speakers.before(nxt.start, match.start()) or speakers.after(match.end(), nxt.end)
        if speaker is None:
            return None
        cue = self.lexicon.reporting_cue(match.group(0))
        return Frame(speaker, Span(match.start(), match.end(), match.group(0)), cue, quote.content, sentence, True,
                     quotes=[quote])


def _named_back(frames: list[Frame]) -> list[Frame]:
    """'According to the ministry' after a statement by "Sudan's foreign ministry" (a source the article has no
    actor for): the role noun takes the words that named that source, still without an actor."""
    for i, frame in enumerate(frames):
        speaker = frame.speaker
        if speaker is None or speaker.iri or not re.match(r"(?i)the\s", speaker.label):
            continue
        noun = speaker.label.split()[-1].lower()
        for earlier in reversed(frames[:i]):
            named = earlier.speaker
            if named and not named.iri and named is not speaker and re.search(rf"(?i)\b{re.escape(noun)}\b", named.label):
                frame.speaker = SpeakerRef(None, named.label, speaker.span)
                break
    return frames


def _frame_time(reader: _Reader, frame: Frame, frames: list[Frame]) -> str | None:
    """A date in the statement's own frame: its sentence outside every statement's content, after the statement
    before it in the sentence ("X on Wednesday accused Y of C, a charge Z rejected": Wednesday is X's)."""
    contents = [(f.content.start, f.content.end) for f in frames if f.sentence == frame.sentence]
    cue_start = frame.cue.start if frame.cue else frame.content.start
    own_start = max([frame.sentence.start] + [e for s, e in contents if e <= min(cue_start, frame.content.start)])
    regions = [(own_start, frame.content.start), (frame.content.end, frame.sentence.end)]
    for start, end in regions:
        for mention in reader.dates.within(start, end):
            inside = any(s <= mention.span.start and mention.span.end <= e for s, e in contents)
            if mention.value and not inside:
                return mention.value
    return None


def find_statements(doc: ArticleDoc, actors: list[Actor], lexicon: Lexicon, minter: IriMinter) -> list[Statement]:
    reader = _Reader(doc, actors, lexicon)
    frames = reader.frames()
    statements: list[Statement] = []
    for frame, stance in zip(frames, stances(doc.text, frames, lexicon, reader.paragraph_of, reader.claims)):
        content = frame.content
        stretches = [(frame.sentence.start, content.start), (content.start, content.end), (content.end, frame.sentence.end)]
        fingerprint = quote_fingerprint(content.text) if frame.direct else ""
        speaker = frame.speaker
        statements.append(Statement(
            iri=str(minter.statement(doc.key, content.start, content.end)),
            speaker=speaker.iri if speaker else None,
            speaker_label=speaker.label if speaker else None,
            cue=frame.cue,
            content=content,
            sentence=frame.sentence,
            direct=frame.direct,
            stance=stance,
            certainty=certainty(frame.cue_entry, doc.text, stretches, lexicon),
            medium=frame.medium,
            time=_frame_time(reader, frame, frames),
            cluster=str(minter.cluster("quote", fingerprint)) if fingerprint else None,
            confidence=0.9 if speaker and speaker.iri else 0.6,
        ))
    lend_sides(statements, actors)
    return statements
