"""Statements sentence by sentence: each cue with its speaker and content, in the shapes news writes them.

    "Q," S said / "Q," said S / S said: "Q" / S told X "Q"        direct (the quotation is the content)
    S said (that) C / S told X (that) C / S accused X of C         reported (content to the clause's end)
    C, S said / According to S, C / C, according to S              reported, content before or after the frame
    S's claim that C / allegations that C / X is said to C         noun and passive frames (maybe no speaker)
A quotation no cue claims continues the previous quotation's speaker (a new paragraph of quotation, or a quotation
after "S said:").
"""

from __future__ import annotations

from newskg.ingest.extract.actors.coreference import Resolver
from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.content import before_frame, complement, trim
from newskg.ingest.extract.attribution.cue import QUOTE_MARKS, CueHit, find_cues
from newskg.ingest.extract.attribution.checks import ContentChecks
from newskg.ingest.extract.attribution.documents import DocumentSources
from newskg.ingest.extract.attribution.quotations import clause_goes_on, is_title, quoted_within
from newskg.ingest.extract.attribution.source import SourceFinder
from newskg.ingest.extract.attribution.values import Attribution, Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Quote, Sentence, TextModel
from newskg.ingest.model import Span

MEDIUM_TYPES = frozenset({"MediaOutlet", "SocialMediaAccount"})
MIN_QUOTE_WORDS = 4  # shorter quotations are words quoted in passing ("a 'rogue' trader"), not statements


_MAX_QUOTED_SOURCE = 10  # tokens between "quoted" and "as saying"


_FINITE = ("VBD", "VBZ", "VBP", "MD")
_INTERVIEW_QUESTIONS = 2  # question paragraphs that make a text an interview


class StatementFinder:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.sources = SourceFinder(model, actors, lexicon, resolver)
        self.documents = DocumentSources(model, actors, lexicon, self.sources)
        self.checks = ContentChecks(model, lexicon, self.sources)
        self.consumed: set[int] = set()  # quotations already attributed or inside a reported content
        self.found: list[Attribution] = []

    # --- helpers ----------------------------------------------------------------------------------------------
    def _quote_closing_before(self, position: int, sentence: Sentence) -> Quote | None:
        """A quotation whose closing mark comes before token position with no verb between (the subject and its
        titles may stand between: '"…," Varenia's envoy to the UN Petr Lind said')."""
        tokens = self.model.tokens
        k = position - 1
        while k >= sentence.first and k >= position - 14 and tokens[k].text[:1] not in QUOTE_MARKS:
            if tokens[k].verb and not tokens[k].tag == "VBN" or tokens[k].text in ".;:":
                return None
            k -= 1
        while k >= sentence.first and tokens[k].text in (",", "—", "–"):
            k -= 1
        if k < sentence.first or tokens[k].text[:1] not in QUOTE_MARKS:
            return None
        for quote in self.model.quotes:
            if (
                quote.first >= 0
                and quote.terminated
                and quote.last < k
                and self.model.tokens[quote.last].end <= tokens[k].start
                and tokens[k].start < quote.close <= tokens[k].end
                and quote.index not in self.consumed
            ):
                return quote
        return None

    def _quote_opening_after(self, position: int, sentence: Sentence) -> Quote | None:
        tokens = self.model.tokens
        k = position
        while k <= sentence.last and (tokens[k].text in (":", ",") or tokens[k].norm == "that"):
            k += 1
        if k > sentence.last or tokens[k].text[:1] not in QUOTE_MARKS:
            return None
        after_that = k > position and tokens[k - 1].norm == "that"
        for quote in self.model.quotes:
            if quote.open == tokens[k].start and quote.index not in self.consumed:
                if after_that and clause_goes_on(self.model, quote, sentence):
                    return None  # 'noted that "usual contacts" between them were …': the quote is inside a clause
                return quote
        return None

    def _medium(self, first: int, last: int) -> str | None:
        for actor, mention in self.actors.within(first, last):
            if actor.type in MEDIUM_TYPES:
                return actor.key
        return None

    def _span(self, first: int, last: int) -> Span:
        return self.model.span(first, last)

    def _add(
        self,
        speaker: Speaker | None,
        cue: CueHit | None,
        first: int,
        last: int,
        sentence: Sentence,
        direct: bool,
        *,
        content: Span | None = None,
        medium: str | None = None,
    ) -> None:
        span = content or self._span(first, last)
        if any(a.content.start == span.start and a.content.end == span.end for a in self.found):
            return
        sentence_span = Span(sentence.start, sentence.end, self.model.text[sentence.start : sentence.end])
        accused = None
        if cue is not None and cue.entry.accuses_object and not cue.passive:
            target = self.actors.at(cue.last + 1) or self.actors.at(cue.last + 2)
            accused = target.key if target is not None else None
        self.found.append(
            Attribution(
                speaker=speaker,
                cue=self._span(cue.first, cue.last) if cue else None,
                cue_entry=cue.entry if cue else None,
                content=span,
                content_first=first,
                content_last=last,
                sentence=sentence_span,
                direct=direct,
                medium_key=medium,
                passive=bool(cue and cue.passive),
                certainty=cue.entry.certainty if cue else None,
                accused_key=accused,
            )
        )

    def _direct(
        self, quote: Quote, speaker: Speaker | None, cue: CueHit | None, sentence: Sentence, medium: str | None = None
    ) -> None:
        self.consumed.add(quote.index)
        if is_title(self.model, quote):
            return  # 'headlined “Five Persistent Disinformation Narratives”': a title, no one's words
        content = quote.content
        self._add(speaker, cue, quote.first, quote.last, sentence, True, content=content, medium=medium)

    # --- one cue ----------------------------------------------------------------------------------------------
    def _phrase(self, cue: CueHit, sentence: Sentence) -> None:
        """'According to S, C' / 'C, according to S'."""
        tokens = self.model.tokens
        end = cue.last + 1
        while end <= sentence.last and tokens[end].text not in (",", ".", ";", ":") and not tokens[end].verb:
            end += 1
        speaker = self.sources.at(cue.last + 1, end - 1)
        if cue.first > sentence.first and tokens[cue.first - 1].text == ",":
            content = before_frame(self.model, self._clause_start(cue.first, sentence), cue.first - 1)
        else:
            content = trim(self.model, end, sentence.last)
        if content is not None:
            self._add(speaker, cue, *content, sentence, False)

    def _clause_start(self, position: int, sentence: Sentence) -> int:
        """Where the content before a frame starts: the sentence start, or just after an earlier frame's end."""
        start = sentence.first
        for earlier in self.found:
            if (
                earlier.sentence.start == sentence.start
                and earlier.content_last < position
                and earlier.content_last >= start
                and not earlier.direct
            ):
                start = max(start, earlier.content_last + 1)
        return start

    def _noun(self, cue: CueHit, sentence: Sentence, limit: int) -> None:
        """'S's claim that C', 'allegations that C', 'amid claims the vote was rigged': a noun frame with a clause."""
        tokens = self.model.tokens
        after = cue.last + 1
        if after > sentence.last:
            return
        if tokens[after].norm == "that" and tokens[after].tag in ("IN", "WDT", "DT"):
            if after + 1 <= sentence.last and tokens[after + 1].verb or self._object_gap(after + 1, limit):
                return  # "the claims that were made", "an accusation that the ministry rejected": a relative clause
            start = after + 1
        elif self._bare_clause(after, limit) and not self._object_gap(after, limit):
            start = after
        else:
            return
        speaker = self.sources.possessor(cue.first)
        content = trim(self.model, start, limit)
        if content is not None:
            self._add(speaker, cue, *content, sentence, False)

    def _object_gap(self, start: int, limit: int) -> bool:
        """The clause ends on a verb that lacks its object ("… that the ministry said it rejected.", "a charge the
        state rejected as baseless"): a relative clause about the noun, not its content."""
        tokens = self.model.tokens
        for k in range(start + 1, min(limit, start + 10)):
            if tokens[k].verb and tokens[k + 1].norm == "as":
                return True
        end = start
        while end + 1 <= limit and tokens[end + 1].text not in ",;.":
            end += 1
        while end > start and (tokens[end].text[:1] in QUOTE_MARKS or tokens[end].tag.startswith("RB")):
            end -= 1
        return tokens[end].tag in ("VBD", "VBN", "VBZ", "VBP") and end > start

    def _bare_clause(self, start: int, limit: int) -> bool:
        """'claims the two-round vote lacked transparency': a clause with its own subject and finite verb."""
        tokens = self.model.tokens
        if not (tokens[start].tag in ("DT", "NNP", "NNPS", "PRP", "CD") or tokens[start].noun):
            return False
        for k in range(start + 1, min(limit + 1, start + 14)):
            if tokens[k].text in ",;:.":
                return False
            if tokens[k].tag in ("VBD", "VBZ", "VBP", "MD"):
                return True
        return False

    def _verb(
        self, cue: CueHit, sentence: Sentence, limit: int, previous_speaker: Speaker | None, nested: bool = False
    ) -> None:
        tokens = self.model.tokens
        antecedent = None
        if cue.first > sentence.first and tokens[cue.first - 1].tag in ("WP", "WDT"):
            # "the report by Human Rights Watch that accuses …": the noun the clause describes speaks
            antecedent = self.sources.relative_antecedent(cue.first, sentence.first)
            if antecedent is None:
                return  # "what it said were samples": a relative clause, not an attribution
        elif (
            cue.first > sentence.first + 1
            and tokens[cue.first - 2].tag in ("WP",)
            and tokens[cue.first - 1].tag == "PRP"
        ):
            return
        if self._as_saying_follows(cue, sentence):
            return  # "quoted investigators as saying that …": the investigators say it, at "saying"
        as_saying = cue.first - 1 > sentence.first and tokens[cue.first - 1].norm == "as" and tokens[cue.first].tag == "VBG"
        if cue.passive:
            subject = None
        elif as_saying:
            subject = self.sources.before(cue.first - 1, sentence.first)
        elif antecedent is not None:
            subject = antecedent
        elif cue.participle and (reporting := self._report_before(cue, sentence)) is not None:
            subject = reporting  # "a report published by the Journal claiming that …": the report's
        elif cue.participle:
            subject = self.sources.sentence_subject(sentence.first, cue.first) or previous_speaker
        elif self.sources.coordinated(cue.first, sentence.first):
            subject = (
                self._speaker_going_on(cue, sentence)
                or self.sources.coordinated_subject(cue.first, sentence.first)
                or previous_speaker
            )
        else:
            subject = self.sources.before(cue.first, sentence.first) or self.sources.relative_antecedent(
                cue.first, sentence.first
            )
        says_clause = any(t.verb for t in tokens[cue.last + 1 : limit + 1])
        if nested and (subject is None or subject.actor_key is None or not says_clause):
            return  # inside a quotation, only a speaker the quotation names, saying a clause
        if subject is not None and (subject.actor_key is None or self.documents.is_document(subject.actor_key)):
            subject = self.documents.source(subject, self.found)
        frame_first = subject.first if subject is not None else cue.first
        inverted = None
        if subject is None and not cue.passive:
            inverted = self.sources.after(cue.last, sentence.last)
        if cue.passive:
            k = cue.last + 1
            while k <= limit and tokens[k].norm != "by" and k - cue.last < 6 and not tokens[k].verb:
                k += 1
            if k <= limit and tokens[k].norm == "by":
                subject = self.sources.after(k, limit)
        speaker = subject or inverted
        if speaker is None and not cue.passive:
            return  # a verb of saying with no one saying it ("all things considered")
        if subject is not None and self.checks.no_one(subject.first, sentence.first):
            return  # "no one at the hospital had mentioned it", "nobody said": no one says anything
        medium = None
        if cue.entry.addressee:
            medium = self._medium(cue.last + 1, min(cue.last + 6, limit))
        quote = self._quote_closing_before(frame_first, sentence)
        if quote is not None and not cue.passive:
            self._direct(quote, speaker, cue, sentence, medium)
            return
        span_end = inverted.last if inverted is not None else cue.last
        quote = self._quote_opening_after(
            span_end + 1 if not cue.entry.addressee else self._after_addressee(cue, limit), sentence
        )
        if quote is not None:
            self._direct(quote, speaker, cue, sentence, medium)
            return
        content = None
        if (
            inverted is None
            and subject is not None
            and subject.first > sentence.first
            and tokens[subject.first - 1].norm == "as"
            and cue.last + 1 <= limit
            and tokens[cue.last + 1].text == ","
        ):
            content = trim(self.model, cue.last + 2, limit)  # "as S reported, C"
        elif inverted is None:
            content = complement(self.model, cue, self.lexicon, limit)
        if content is None and frame_first > sentence.first and tokens[frame_first - 1].text == ",":
            content = before_frame(self.model, self._clause_start(frame_first, sentence), frame_first - 1)
        if content is None:
            return
        for quote in self.model.quotes:
            if quote.first >= content[0] and quote.last <= content[1]:
                self.consumed.add(quote.index)
        content, medium = self._medium_at_end(content, medium)
        if not self.checks.says_something(cue, *content):
            return
        self._add(speaker, cue, *content, sentence, False, medium=medium)

    def _report_before(self, cue: CueHit, sentence: Sentence) -> Speaker | None:
        """The document or the outlet right before a participle with no comma between ("a report by X claiming
        that", "the Journal reporting that"): the participle tells of it, not of the sentence's subject."""
        tokens = self.model.tokens
        if cue.first - 1 <= sentence.first or not tokens[cue.first - 1].noun:
            return None
        found = self.sources.before(cue.first, sentence.first)
        if found is None:
            return None
        actor = self.actors.by_key.get(found.actor_key) if found.actor_key else None
        reporting = actor.type in MEDIUM_TYPES or actor.document if actor is not None else (
            tokens[found.last].lemma in self.lexicon.words.documents
        )
        return self.documents.source(found, self.found) if reporting else None

    def _as_saying_follows(self, cue: CueHit, sentence: Sentence) -> bool:
        """'quoted X as saying', 'cited sources as saying': the cue's object is the speaker of the cue after "as"."""
        tokens = self.model.tokens
        for k in range(cue.last + 1, min(sentence.last, cue.last + _MAX_QUOTED_SOURCE)):
            if tokens[k].norm == "as" and tokens[k + 1].tag == "VBG" and self.lexicon.cues.at(self.model, k + 1):
                return True
            if tokens[k].verb or tokens[k].text in ",;:" or tokens[k].quote >= 0:
                return False
        return False

    def _medium_at_end(self, content: tuple[int, int], medium: str | None) -> tuple[tuple[int, int], str | None]:
        """'confirmed the payments to the Daily Courier': the outlet the words were given to is no content."""
        tokens = self.model.tokens
        first, last = content
        actor = self.actors.at(last)
        if actor is None or actor.type not in MEDIUM_TYPES:
            return content, medium
        mention = next(m for m in actor.mentions if m.first <= last <= m.last)
        k = mention.first - 1
        if k > first and tokens[k].norm == "the":
            k -= 1
        if k > first and tokens[k].norm in ("to", "in"):
            trimmed = trim(self.model, first, k - 1)
            if trimmed is not None:
                return trimmed, actor.key
        return content, medium

    def _after_addressee(self, cue: CueHit, limit: int) -> int:
        tokens = self.model.tokens
        k = cue.last + 1
        while (
            k <= limit
            and tokens[k].text not in (":", ",")
            and tokens[k].text[:1] not in QUOTE_MARKS
            and tokens[k].norm != "that"
            and k - cue.last <= 8
        ):
            k += 1
        return k

    # --- a sentence -------------------------------------------------------------------------------------------
    def _limit(self, cues: list[CueHit], n: int, sentence: Sentence) -> int:
        """Where cue n's content must end: before the next frame that starts a new attribution (", S said",
        ", adding that", "and said"), not before a cue nested in the content ("said that X claimed")."""
        tokens = self.model.tokens
        for later in cues[n + 1 :]:
            subject = self.sources.before(later.first, cues[n].last + 1)
            start = subject.first if subject is not None else later.first
            if later.kind == "noun":  # ", a charge the state rejected": an apposition naming the words so far
                while start - 1 > cues[n].last and tokens[start - 1].tag in ("DT", "JJ", "PRP$"):
                    start -= 1
            before = tokens[start - 1] if start - 1 > cues[n].last else None
            if later.participle:
                return later.first - 2
            if (
                before is not None
                and (before.text in (",", ";") or before.tag == "CC")
                and not (before.norm == "that" or tokens[start - 2].norm == "that")
            ):
                return start - 2 if before.tag == "CC" and tokens[start - 2].text == "," else start - 1
        return sentence.last

    def _in_name(self, i: int) -> bool:
        """Token i is inside an actor's mention: "Post" in "the Washington Post", "briefed" in "two people briefed
        on the findings"."""
        found = self.actors.mention_at(i)
        if found is None:
            return False
        actor, mention = found
        return self.model.tokens[i].capitalised if actor.kind == "named" else mention.last > mention.first

    def sentence(self, sentence: Sentence) -> None:
        cues = find_cues(self.model, sentence.first, sentence.last, self.lexicon, self._in_name)
        previous_speaker: Speaker | None = None
        for n, cue in enumerate(cues):
            limit = self._limit(cues, n, sentence)
            if cue.entry.pos == "phrase":
                self._phrase(cue, sentence)
            elif cue.entry.pos == "noun":
                self._noun(cue, sentence, limit)
            else:
                self._verb(cue, sentence, limit, previous_speaker)
            if self.found and self.found[-1].sentence.start == sentence.start:
                previous_speaker = self.found[-1].speaker

    def _introduced_by_colon(self, quote: Quote) -> Speaker | None:
        """A quotation after a colon closing a sentence whose subject is an actor: that actor's words."""
        tokens = self.model.tokens
        k = quote.first - 2  # the opening mark stands between
        if k < 1 or tokens[k].text != ":":
            return None
        sentence = self.model.sentence_of(k)
        if tokens[sentence.first].quote >= 0:
            return None
        actor = self.actors.at(sentence.first)
        mention = self.actors.mention_at(sentence.first)
        if actor is None or mention is None:
            return None
        after = mention[1].last + 1
        if after >= k or not tokens[after].verb:
            return None
        return Speaker(actor_key=actor.key, label=actor.label, first=mention[1].first, last=mention[1].last)

    def _person_introducing(self, quote: Quote, previous: Attribution | None) -> Speaker | None:
        """A quotation opening right after a sentence of the same paragraph that is about one named person, its
        subject, other than the one quoted last: that person's words ("X also took aim at the documents. “…”")."""
        model = self.model
        tokens = model.tokens
        k = quote.first - 2  # the opening mark stands between
        if k < 0 or tokens[k].paragraph != tokens[quote.first].paragraph or tokens[k].text not in (".", "!"):
            return None
        sentence = model.sentence_of(k)
        people = {
            a.key: (a, m)
            for a, m in self.actors.within(sentence.first, sentence.last)
            if a.type == "Person" and a.kind == "named"
        }
        if len(people) != 1:
            return None
        actor, mention = next(iter(people.values()))
        verb = next((i for i in range(mention.last + 1, sentence.last + 1) if tokens[i].verb), None)
        before_verb = not any(tokens[i].tag in _FINITE for i in range(sentence.first, mention.first))
        if verb is None or not before_verb or tokens[k].quote >= 0:
            return None
        if previous is not None and previous.speaker is not None and previous.speaker.actor_key == actor.key:
            return None  # the same speaker goes on anyway
        return Speaker(actor_key=actor.key, label=actor.label, first=mention.first, last=mention.last)

    def _interviewee(self, quote: Quote) -> Speaker | None:
        """In an interview written as questions and answers (at least two paragraphs that are questions, no
        quotation marks), a paragraph that is one quotation is the interviewee's answer: the person named last as
        a speaker before it."""
        model = self.model
        para = model.paragraphs[model.tokens[quote.first].paragraph]
        if quote.open > para.start or model.text[quote.close : para.end].strip():
            return None
        questions = [
            p for p in model.paragraphs if p.text.rstrip().endswith("?") and p.text.lstrip()[:1] not in QUOTE_MARKS
        ]
        if len(questions) < _INTERVIEW_QUESTIONS:
            return None
        for found in sorted(self.found, key=lambda a: a.content.start, reverse=True):
            speaker = found.speaker
            actor = self.actors.by_key.get(speaker.actor_key) if speaker and speaker.actor_key else None
            if found.content.start < quote.open and actor is not None and actor.type == "Person":
                return speaker
        return None

    def _speaker_going_on(self, cue: CueHit, sentence: Sentence) -> Speaker | None:
        """'X said C, but cautioned that D': a statement of the sentence ends right before the "but", so the
        coordinated verb is X's too (not that of a verb inside C)."""
        tokens = self.model.tokens
        for found in reversed(self.found):
            if found.sentence.start != sentence.start or found.content_last >= cue.first:
                continue
            between = tokens[found.content_last + 1 : cue.first]
            if all(t.tag in ("CC", "RB", "MD") or t.text == "," or t.text[:1] in QUOTE_MARKS for t in between):
                return found.speaker
            return None
        return None

    def nested(self) -> None:
        """Reported speech inside a report's quotation ('"Several inmates said they were beaten," the report
        disclosed'): a statement of its own when its speaker is named inside the quotation and says a clause. A
        person's quoted words are their own account, not a relay of others'."""
        for attribution in list(self.found):
            quote = next((q for q in self.model.quotes if q.content == attribution.content), None)
            speaker = attribution.speaker
            relayer = self.actors.by_key.get(speaker.actor_key) if speaker and speaker.actor_key else None
            if quote is None or not attribution.direct or quote.first < 0 or speaker is None:
                continue
            if relayer is not None and relayer.type in ("Person", "AnonymousSource") and not relayer.document:
                continue
            for sentence in self.model.sentences:
                first, last = max(sentence.first, quote.first), min(sentence.last, quote.last)
                if first > last:
                    continue
                inner = Sentence(
                    index=sentence.index,
                    first=first,
                    last=last,
                    start=self.model.tokens[first].start,
                    end=self.model.tokens[last].end,
                    paragraph=sentence.paragraph,
                )
                cues = find_cues(self.model, first, last, self.lexicon, self._in_name, quote=quote.index)
                for n, cue in enumerate(cues):
                    if cue.entry.pos == "verb" and not cue.participle and not cue.passive:
                        self._verb(cue, inner, self._limit(cues, n, inner), None, nested=True)

    def continuations(self) -> None:
        """Quotations no cue claimed: the previous quotation's speaker goes on (same or next paragraph)."""
        model = self.model
        for quote in model.quotes:
            if quote.index in self.consumed or quote.first < 0:
                continue
            if sum(1 for t in model.tokens[quote.first : quote.last + 1] if t.is_word) < MIN_QUOTE_WORDS:
                continue
            if is_title(self.model, quote):
                continue
            introduced = self._introduced_by_colon(quote)
            if introduced is not None:  # "Mara Voss was blunt about the port: “…”"
                self.consumed.add(quote.index)
                sentence = model.sentence_of(quote.first)
                self._add(introduced, None, quote.first, quote.last, sentence, True, content=quote.content)
                continue
            paragraph = model.tokens[quote.first].paragraph
            before = sorted(
                (
                    a
                    for a in self.found
                    if a.content.start < quote.open and model.tokens[a.content_first].paragraph >= paragraph - 1
                ),
                key=lambda a: a.content.start,
            )
            introducer = self._person_introducing(quote, before[-1] if before else None)
            if introducer is not None:  # "… Maria Zakharova also took aim at the documents. “There are passages …"
                self.consumed.add(quote.index)
                sentence = model.sentence_of(quote.first)
                self._add(introducer, None, quote.first, quote.last, sentence, True, content=quote.content)
                continue
            answering = self._interviewee(quote)
            if answering is not None and (not before or before[-1].speaker is None or not before[-1].direct):
                self.consumed.add(quote.index)
                sentence = model.sentence_of(quote.first)
                self._add(answering, None, quote.first, quote.last, sentence, True, content=quote.content)
                continue
            if not before or before[-1].speaker is None:
                continue
            last = before[-1]
            quoting = any(t.quote >= 0 for t in model.tokens[last.content_first : last.content_last + 1])
            if (
                not last.direct
                and not quoting  # 'noted that "usual contacts" … "were passed off …"' goes on like a quotation
                and model.tokens[last.content_first].paragraph == paragraph - 1
                and not model.text[last.sentence.end - 1 : last.sentence.end + 1].strip().endswith(":")
            ):
                continue
            sentence = model.sentence_of(quote.first)
            self.consumed.add(quote.index)
            self._add(last.speaker, None, quote.first, quote.last, sentence, True, content=quote.content)


def find_statements(
    model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver
) -> tuple[Attribution, ...]:
    finder = StatementFinder(model, actors, lexicon, resolver)
    for sentence in model.sentences:
        finder.sentence(sentence)
    finder.continuations()
    finder.nested()
    kept = [
        a for a in finder.found if not _cites_another(a, finder.found, lexicon) and not quoted_within(a, finder.found)
    ]
    return tuple(sorted(kept, key=lambda a: (a.content.start, a.content.end)))


def _cites_another(outer: Attribution, found: list[Attribution], lexicon: Lexicon) -> bool:
    """'The report cited General Ortiz's claims that C': the content is another speaker's statement, found on its
    own; the citing adds no words of its own."""
    if outer.cue_entry is None or not lexicon.words.is_("citing-verb", outer.cue_entry.lemma):
        return False
    return any(
        inner is not outer
        and inner.speaker is not None
        and inner.cue is not None
        and outer.content.start <= inner.cue.start
        and inner.content.end <= outer.content.end
        for inner in found
    )
