"""Attribution frames in one sentence: the reporting cue, its speaker and the content it introduces.

Shapes read (S speaker, Q quote, C reported content):
    "Q," S said / "Q," said S / S told X: "Q"          direct (the quote is the content)
    S said (that) C / S accused O of C / S denied C     reported (content runs to the clause end)
    C, S said / As S reported, C / According to S, C    reported, content before or after the frame
    S's claims that C / rumours that C                  nominal cue (no possessor: no speaker)
A content stops where the next frame starts (", writing that ...", ", but explained that ...", ", he said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.actor_index import ActorIndex, MentionRef
from ingest.extract.dates import DateIndex
from ingest.extract.frame_shapes import after_as, characterises, passive_before, raising_start, responding_noun
from ingest.extract.lexicon import Lexicon, PhraseMatch, ReportingCue
from ingest.extract.quotes import Quote
from ingest.extract.speakers import SpeakerFinder, SpeakerRef
from ingest.model import Span

_NOT_A_VERB_AFTER = frozenset("to the a an his her its their our my your this that these those was were been be being "
                              "is are".split())
_SUBORDINATORS = re.compile(r"\s*(?:Although|Though|While|Whereas|If|When|Because|Since|Even\s+though)\b")
_SKIPPABLE = re.compile(r"\s*(?:,\s*)?(?:moreover|however|also|too|again|further|recently|repeatedly|previously|"
                        r"publicly|privately|separately|later|earlier|once|then|\w+ly|"
                        r"for\s+(?:(?:some|several|many|a\s+few)\s+)?(?:days|weeks|months|years|decades))\b\s*,?",
                        re.IGNORECASE)
_AS_FRAME = re.compile(r"(?:^|[,;]\s*)as\s+[^,;]*$", re.IGNORECASE)
_MEDIUM_TYPES = frozenset({"MediaOutlet", "SocialMediaAccount"})
_FINAL_PUNCTUATION = ".!?;:,"


@dataclass
class Frame:
    """One attribution as found: content is the exact span; frame_spans hold the words around it (cue, time, medium)."""

    speaker: SpeakerRef | None
    cue: Span | None
    cue_entry: ReportingCue | None
    content: Span
    sentence: Span
    direct: bool
    medium: str | None = None
    antecedent: Frame | None = None
    nests: bool = False  # "as S reported, C": C may hold frames of its own
    responds: bool = False  # "..., a charge S rejected as Q": S answers an allegation the sentence reports
    relative: bool = False  # "The BLA, which claimed responsibility, said ...": a frame inside a relative clause
    quotes: list[Quote] = field(default_factory=list)


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def trim(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _FINAL_PUNCTUATION):
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


class SentenceReader:
    def __init__(self, text: str, index: ActorIndex, lexicon: Lexicon, quotes: list[Quote], dates: DateIndex) -> None:
        self.text = text
        self.dates = dates
        self.index = index
        self.lexicon = lexicon
        self.quotes = quotes
        self.speakers = SpeakerFinder(text, index, lexicon)

    # --- helpers -------------------------------------------------------------------------------------------------
    def in_quote(self, start: int, end: int) -> bool:
        return any(q.open < start and end <= q.close for q in self.quotes)

    def _quote_closing_before(self, sentence: Span, verb_start: int) -> Quote | None:
        closing = [q for q in self.quotes if sentence.start < q.close <= verb_start]
        return closing[-1] if closing else None

    def _quote_opening_after(self, verb_end: int, limit: int) -> Quote | None:
        for q in self.quotes:
            if verb_end <= q.open < limit:
                return q
        return None

    def medium_in(self, start: int, end: int, cue: ReportingCue | None, cue_end: int | None) -> str | None:
        """The outlet the statement was given to or published in: 'told Reuters', 'to the Daily Star', 'in the Post'."""
        for ref in self.index.outermost_within(start, end):
            if ref.actor.type not in _MEDIUM_TYPES:
                continue
            lead = self.text[max(start, ref.start - 12):ref.start].lower()
            after_tell = cue is not None and cue.addressee and cue_end is not None and \
                not re.sub(r"\bthe\b", "", self.text[cue_end:ref.start]).strip(" ,")
            if after_tell or re.search(r"\b(?:to|in|with)\s+(?:the\s+)?$", lead):
                return ref.actor.iri
        return None

    def _content_end(self, start: int, sentence: Span, verb_start: int) -> int:
        """Where a reported content stops: the sentence end, the next frame, or the end of a subordinate clause."""
        text = self.text
        end = sentence.end
        prefix = text[sentence.start:verb_start]
        if _SUBORDINATORS.match(prefix) and "," not in prefix:
            comma = text.find(",", start, end)
            end = comma if comma != -1 else end
        for match in self.lexicon.verb_re.finditer(text, start, end):
            if self.in_quote(*match.span()):
                continue
            before = text[start:match.start()]
            cut = bool(re.search(r",\s*(?:but\s+|and\s+)?$", before) and (
                match.group(0).lower().endswith("ing") or re.search(r"(?:but|and)\s+$", before)))
            cut = cut or bool(re.search(r",\s*(?:he|she|they|it|we|the\s+[\w-]+(?:\s+[\w-]+)?)\s*$", before,
                                        re.IGNORECASE) and not words(text[match.end():end]))
            cut = cut or bool(re.search(r",\s*(?:but|and|while|although|though|whereas)\s+(?:he|she|they|it|we)\s+"
                                        r"(?:\w+ly\s+)?$", before, re.IGNORECASE))
            if not cut and re.search(r"\s(?:and|but)\s+(?:\w+ly\s+)?$", before) and words(before) and \
                    self.lexicon.reporting_cue(match.group(0)) is not None and \
                    not re.search(r"\b(?:that|who|which)\b", before):
                return start + len(before.rstrip()) - len(re.search(r"(?:and|but)\s*(?:\w+ly)?$",
                                                                    before.rstrip()).group(0))
            response = responding_noun(text, self.lexicon, start, match.start())
            if response:
                return start + text[start:response[0]].rstrip().rfind(",")
            joined = re.search(r",\s*(?:and|but|while|whereas)\s+((?:[\w'’.-]+\s+){1,7})$", before)
            if joined and self.speakers.before(start + joined.start(1), match.start()):
                return start + joined.start()  # "..., and Russia's embassy in Prague said ..."
            if cut:
                return start + before.rfind(",")
        according = self.lexicon.preposition_re.search(text, start, end)
        if according and re.search(r",\s*$", text[start:according.start()]):
            return start + text[start:according.start()].rfind(",")
        return end

    def _skip_to_content(self, position: int, limit: int, cue: ReportingCue | None) -> int:
        """Past the addressee (told Reuters), time words (on Tuesday), adverbs and 'that' to where the content starts."""
        text = self.text
        if cue and cue.addressee:
            ref = self.index.starting_at(position + len(text[position:limit]) - len(text[position:limit].lstrip()))
            if ref:
                position = ref.end
            else:
                addressee = re.match(r"\s*(?:[^\s,;:.“”\"]+\s+){0,8}?(?=that\b|:|,)", text[position:limit]) or \
                    re.match(r"\s*(?:me|us|him|her|them|reporters|journalists)\b", text[position:limit])
                position += addressee.end() if addressee else 0
        while True:
            lead = self.dates.first_from(position)
            lead = lead if lead and lead.span.end <= limit and not text[position:lead.span.start].strip(" ,") else None
            if lead:
                position = lead.span.end
                continue
            skip = _SKIPPABLE.match(text, position, limit)
            if skip and skip.end() > position and not self.index.covering(position + 1, skip.end() - 1):
                position = skip.end()
                continue
            break
        that = re.match(r"\s*(?:,\s*)?(?:that\b|:)", text[position:limit])
        if not that:  # "said in a report published last week that ...", "said on Telegram that ..."
            that = re.match(r"\s*(?:in|on|at|during|via|through)\s[^,;:“”\"]{0,70}?\bthat\b", text[position:limit])
        return position + (that.end() if that else 0)

    # --- the shapes ----------------------------------------------------------------------------------------------
    def read(self, sentence: Span) -> list[Frame]:
        frames: list[Frame] = []
        for match in self.lexicon.verb_re.finditer(self.text, sentence.start, sentence.end):
            frame = self._verb_frame(sentence, match, frames)
            if frame:
                frames.append(frame)
        frames.extend(self._preposition_frames(sentence, frames))
        frames.extend(self._noun_frames(sentence, frames))
        return frames

    def _covered(self, frames: list[Frame], start: int, end: int) -> bool:
        return any(f.content.start <= start and end <= f.content.end and not f.nests for f in frames)

    def _verb_frame(self, sentence: Span, match: PhraseMatch, frames: list[Frame]) -> Frame | None:
        text = self.text
        vs, ve = match.span()
        cue = self.lexicon.reporting_cue(match.group(0))
        previous = re.search(r"([\w'’]+)\W*$", text[sentence.start:vs])
        if cue is None or self.in_quote(vs, ve) or self._covered(frames, vs, ve) or self.index.covering(vs, ve):
            return None
        if match.group(0)[0].isupper() and text[sentence.start:vs].strip(" “\"‘'"):
            return None  # a capitalised form inside a sentence is a name ("Intelligence Report"), not a verb
        cue_span = Span(vs, ve, text[vs:ve])
        following = text[ve:sentence.end]
        if re.match(r"\s+by\s", following) and not cue.allegation:
            return None  # "the files, first reported by Bloomberg": a participle, no one speaks here
        if re.match(r"\s+to\s", following) and not cue.addressee and \
                not re.match(r"\s+to\s[^.;:“”\"]{1,60}?(?:\bthat\b|:)", following):
            return None  # "the watchdog reports to the presidency"
        subject_end = raising_start(text, sentence.start, vs)
        if previous and previous.group(1).lower() in _NOT_A_VERB_AFTER and subject_end == vs:
            if cue.allegation and passive_before(text, sentence.start, vs):
                return self._passive(sentence, cue, cue_span, frames)
            return None
        response = responding_noun(text, self.lexicon, sentence.start, subject_end)
        if response:
            return self._response(sentence, cue, cue_span, response, subject_end, frames)
        closing = self._quote_closing_before(sentence, vs)
        if closing and len(words(text[closing.close:vs])) <= 14 and not re.search(r"\bthat\b", text[closing.close:vs]) \
                and not any(f.cue and closing.close <= f.cue.start < vs for f in frames) \
                and not any(f.content.start <= closing.open and closing.close <= f.content.end + 1 for f in frames):
            gap = text[closing.close:vs]
            speaker = self.speakers.after(ve, sentence.end) if not gap.strip(" ,") else \
                self.speakers.before(closing.close, vs)
            return Frame(speaker, cue_span, cue, closing.content, sentence, True,
                         self.medium_in(closing.close, sentence.end, cue, ve), quotes=[closing])
        clause_start = max([sentence.start, closing.close if closing else 0] +
                           [f.content.end for f in frames if f.content.end <= vs and not f.relative])
        opening = self._quote_opening_after(ve, sentence.end + 2)
        if opening:
            gap = text[ve:opening.open]
            if gap.rstrip().endswith((":", ",")) and len(words(gap)) <= 12 and not re.search(r"\bthat\b", gap):
                speaker = self.speakers.before(clause_start, vs)
                return Frame(speaker, cue_span, cue, opening.content, sentence, True,
                             self.medium_in(ve, opening.open, cue, ve), quotes=[opening])
        return self._reported(sentence, cue, cue_span, clause_start, frames)

    def _reported(self, sentence: Span, cue: ReportingCue, cue_span: Span, clause_start: int,
                  frames: list[Frame]) -> Frame | None:
        text = self.text
        vs, ve = cue_span.start, cue_span.end
        left = text[clause_start:vs]
        coordinated = re.search(r"(?:,|\bbut|\band)\s*$", left) and (
            cue_span.text.lower().endswith("ing") or re.search(r"\b(?:but|and)\s*$", left))
        if frames and coordinated:  # ", writing that ...", ", but explained that ...": the same speaker goes on
            speaker = frames[-1].speaker
        else:
            speaker = self.speakers.before(clause_start, raising_start(text, clause_start, vs))
        if speaker is None:
            return None
        start = self._skip_to_content(ve, sentence.end, cue)
        relative = bool(re.search(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$", text[clause_start:vs]))
        if cue.accuses_object:  # "a company it accused of ferrying coal": the object stood before the cue
            lead = re.match(r"\s*(?:of|for)\s+(?=\w)", text[start:sentence.end])
            start += lead.end() if lead else 0
        end = self._content_end(start, sentence, vs)
        if relative and text.find(",", start, end) != -1:
            end = text.find(",", start, end)  # the relative clause ends at its comma; the main verb follows
        if cue.characterises and not characterises(text, start, end):
            return None
        nests = bool(_AS_FRAME.search(text[sentence.start:speaker.span.start]))
        if not words(text[start:end]):
            if nests:
                end = sentence.end
            elif re.search(r",\s*$", text[sentence.start:speaker.span.start]) and speaker.span.start > sentence.start:
                start, end = sentence.start, speaker.span.start
            else:
                return None
        content = trim(text, start, end)
        if content is None or len(words(content.text)) < 2:
            return None
        content = self._without_trailing_medium(content)
        medium = self.medium_in(sentence.start, sentence.end, cue, ve)
        used = [q for q in self.quotes if content.start <= q.open and q.close <= content.end + 1]
        return Frame(speaker, cue_span, cue, content, sentence, False, medium, nests=nests, quotes=used,
                     relative=relative)

    def _response(self, sentence: Span, cue: ReportingCue, cue_span: Span, response: tuple[int, int],
                  subject_end: int, frames: list[Frame]) -> Frame | None:
        """'..., an accusation Moscow dismissed as "absurd"': the answer is its own statement; its content is what
        follows the verb, else the allegation it answers. A role noun ("the Gulf state") naming no actor of the
        article is the one the sentence accuses, where that fits."""
        text = self.text
        noun_start, subject_start = response
        speaker = self.speakers.before(subject_start, subject_end)
        if speaker is None:
            return None
        if speaker.iri is None:
            speaker = self._accused_in(frames, speaker) or speaker
        start = after_as(text, self._skip_to_content(cue_span.end, sentence.end, cue), sentence.end)
        quote = next((q for q in self.quotes if q.open == start), None)
        if quote and not text[quote.close:sentence.end].strip(" .,;!?"):
            return Frame(speaker, cue_span, cue, quote.content, sentence, True, responds=True, quotes=[quote])
        content = trim(text, start, self._content_end(start, sentence, cue_span.start)) or \
            trim(text, noun_start, subject_start)
        if content is None:
            return None
        return Frame(speaker, cue_span, cue, content, sentence, False, responds=True)

    def _accused_in(self, frames: list[Frame], speaker: SpeakerRef) -> SpeakerRef | None:
        """The actor an earlier frame of the sentence accuses ('S accused X of ...'), if the role noun fits it."""
        role = self.lexicon.role_re.search(self.text, speaker.span.start, speaker.span.end)
        entry = self.lexicon.role(role.group(0)) if role else None
        for frame in reversed(frames):
            lead = re.match(r"(?:the\s+)?", frame.content.text, re.IGNORECASE)
            accused = self.index.starting_at(frame.content.start + (lead.end() if lead else 0))
            if frame.cue_entry and frame.cue_entry.allegation and accused and entry and \
                    accused.actor.type in entry.types:
                return SpeakerRef(accused.actor.iri, accused.actor.label, speaker.span, (accused.actor.iri,))
        return None

    def _passive(self, sentence: Span, cue: ReportingCue, cue_span: Span, frames: list[Frame]) -> Frame | None:
        """'X has been accused of C' (no source given) or 'X was accused by S of C'."""
        text = self.text
        position, speaker = cue_span.end, None
        by = re.match(r"\s+by\s+", text[position:sentence.end])
        if by:
            stop = re.search(r"\s(?:of|for|over|that)\s|[,;]", text[position + by.end():sentence.end])
            limit = position + by.end() + (stop.start() if stop else len(text[position + by.end():sentence.end]))
            speaker = self.speakers.after(position + by.end() - 1, limit)
            position = limit
        lead = re.match(r"\s*(?:of|for|over|that)\s+", text[position:sentence.end])
        if lead is None:
            return None
        start = position + lead.end()
        content = trim(text, start, self._content_end(start, sentence, cue_span.start))
        if content is None or len(words(content.text)) < 2:
            return None
        return Frame(speaker, cue_span, cue, content, sentence, False)

    def _without_trailing_medium(self, content: Span) -> Span:
        """'confirmed the talks to the Daily Star': the outlet is the medium, not content."""
        for ref in self.index.outermost_within(content.start, content.end):
            if ref.actor.type in _MEDIUM_TYPES and re.search(r"\s+to\s+(?:the\s+)?$", self.text[content.start:ref.start]):
                trimmed = trim(self.text, content.start, self.text.rfind(" to ", content.start, ref.start))
                return trimmed or content
        return content

    def _preposition_frames(self, sentence: Span, frames: list[Frame]) -> list[Frame]:
        text = self.text
        found: list[Frame] = []
        for match in self.lexicon.preposition_re.finditer(text, sentence.start, sentence.end):
            if self.in_quote(*match.span()) or self._covered(frames, *match.span()):
                continue
            cue = self.lexicon.reporting_cue(match.group(0))
            comma = text.find(",", match.end(), sentence.end)
            source_end = comma if comma != -1 else sentence.end
            speaker = self.speakers.after(match.end(), source_end)
            if speaker is None:
                continue
            apposed = re.match(r",\s*(?:who|which|speaking|citing|a|an)\b[^,]*,", text[source_end:sentence.end])
            source_end += apposed.end() - 1 if apposed else 0  # "according to an official, who spoke ..., C"
            if not text[sentence.start:match.start()].strip(" ,") or text[:match.start()].rstrip().endswith(","):
                content = trim(text, source_end, sentence.end) if text[sentence.start:match.start()].strip(" ,") == "" \
                    else trim(text, sentence.start, match.start())
            else:
                content = None
            if content and len(words(content.text)) >= 2:
                cue_span = Span(match.start(), match.end(), match.group(0))
                found.append(Frame(speaker, cue_span, cue, content, sentence, False,
                                   self.medium_in(sentence.start, sentence.end, None, None)))
        return found

    def _noun_frames(self, sentence: Span, frames: list[Frame]) -> list[Frame]:
        text = self.text
        found: list[Frame] = []
        for match in self.lexicon.noun_re.finditer(text, sentence.start, sentence.end):
            that = re.match(r"\s+that\b", text[match.end():sentence.end])
            if not that or self.in_quote(*match.span()):
                continue
            possessor = self._possessor(sentence.start, match.start())
            if possessor is None and self._covered(frames, *match.span()):
                continue
            start = match.end() + that.end()
            content = trim(text, start, self._content_end(start, sentence, match.start()))
            if content is None or len(words(content.text)) < 3:
                continue
            cue = self.lexicon.reporting_cue(match.group(0))
            speaker = self.speakers._from_mention(possessor) if possessor else None
            found.append(Frame(speaker, Span(match.start(), match.end(), match.group(0)), cue, content, sentence, False))
        return found

    def _possessor(self, floor: int, noun_start: int) -> MentionRef | None:
        """The actor in 'the general's repeated suggestions': a mention right before 's and at most two modifiers."""
        found = re.search(r"(?:'s|’s|s'|s’)\s+(?:[\w-]+\s+){0,2}$", self.text[floor:noun_start])
        if not found:
            return None
        possessive_at = floor + found.start()
        return self.index.covering(possessive_at - 1, possessive_at) if possessive_at > floor else None
