"""Statements sentence by sentence: each cue with its speaker and content, in the shapes news writes them.

    "Q," S said / "Q," said S / S said: "Q" / S told X "Q"        direct (the quotation is the content)
    S said (that) C / S told X (that) C / S accused X of C         reported (content to the clause's end)
    C, S said / According to S, C / C, according to S              reported, content before or after the frame
    S's claim that C / allegations that C / X is said to C         noun and passive frames (maybe no speaker)
A quotation no cue claims is said by whoever the text makes its speaker (unclaimed.py), else continues the previous
quotation's speaker (a new paragraph of quotation, or a quotation after "S said:"); reported speech inside a report's
quotation is a statement of its own (nested.py).
"""

from __future__ import annotations

from newskg.ingest.extract.actors.coreference import Resolver
from newskg.ingest.extract.actors.values import ActorSet
from newskg.ingest.extract.attribution.content import before_frame, before_time_adjunct, complement, trim
from newskg.ingest.extract.attribution.cue import CueHit, find_cues
from newskg.ingest.extract.attribution.checks import ContentChecks
from newskg.ingest.extract.attribution.claims_made import claim_made
from newskg.ingest.extract.attribution.documents import DocumentSources
from newskg.ingest.extract.attribution.continuity import going_on, going_on_after_comma, speaker_going_on
from newskg.ingest.extract.attribution.frame_parts import MEDIUM_TYPES, FrameParts, clause_start
from newskg.ingest.extract.attribution.nested import reported_inside_quotations
from newskg.ingest.extract.attribution.headings import running_text
from newskg.ingest.extract.attribution.quotations import is_title, quoted_within, sourceless_within
from newskg.ingest.extract.attribution.source import SourceFinder
from newskg.ingest.extract.attribution.unclaimed import UnclaimedQuotations
from newskg.ingest.extract.attribution.values import Attribution, Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Quote, Sentence, TextModel
from newskg.ingest.model import Span

MIN_QUOTE_WORDS = 4  # shorter quotations are words quoted in passing ("a 'rogue' trader"), not statements
_MAKER_REACH = 8  # tokens of a claim's maker between its noun and the clause ("accusations from the union that")






class StatementFinder:
    def __init__(self, model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver) -> None:
        self.model = model
        self.actors = actors
        self.lexicon = lexicon
        self.sources = SourceFinder(model, actors, lexicon, resolver)
        self.documents = DocumentSources(model, actors, lexicon, self.sources)
        self.checks = ContentChecks(model, lexicon, self.sources)
        self.unclaimed = UnclaimedQuotations(model, actors)
        self.consumed: set[int] = set()  # quotations already attributed or inside a reported content
        self.parts = FrameParts(model, actors, self.consumed)
        self.found: list[Attribution] = []

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
        if not direct and content is None:
            last = before_time_adjunct(self.model, self.lexicon, first, last)  # "…, a week after Google did"
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
        if cue.last + 1 < len(tokens) and self.lexicon.words.is_("unit-after-per", tokens[cue.last + 1].norm):
            return  # "1.5 per cent", "per capita": a rate, not a source
        end = cue.last + 1
        while end <= sentence.last and tokens[end].text not in (",", ".", ";", ":") and not tokens[end].verb:
            end += 1
        speaker = self.sources.at(cue.last + 1, end - 1)
        if cue.first > sentence.first and tokens[cue.first - 1].text == ",":
            start = clause_start(self.model, self.found, cue.first, sentence)
            content = before_frame(self.model, start, cue.first - 1)
        else:
            content = trim(self.model, end, sentence.last)
        if content is not None:
            self._add(speaker, cue, *content, sentence, False)

    def _noun(self, cue: CueHit, sentence: Sentence, limit: int) -> None:
        """'S's claim that C', 'allegations that C', 'amid claims the vote was rigged': a noun frame with a clause."""
        tokens = self.model.tokens
        after = cue.last + 1
        if after > sentence.last:
            return
        if any(m.entry.pos == "verb" for m in self.lexicon.cues.at(self.model, after, lenient=True)):
            return  # "the lawsuit claims that …": the noun is the verb's subject
        maker, after = self._maker_before_clause(after, sentence)
        if tokens[after].norm == "that" and tokens[after].tag in ("IN", "WDT", "DT"):
            if after + 1 <= sentence.last and tokens[after + 1].verb or self.checks.object_gap(after + 1, limit):
                return  # "the claims that were made", "an accusation that the ministry rejected": a relative clause
            start = after + 1
        elif self.checks.bare_clause(after, limit) and not self.checks.object_gap(after, limit):
            start = after
        else:
            made = claim_made(self.model, self.lexicon, self.sources, cue, sentence, limit)
            if made is not None:  # "Google levelled a similar allegation against it"
                self._add(made[0], cue, made[1], made[2], sentence, False)
            return
        speaker = self.sources.possessor(cue.first) or maker
        content = trim(self.model, start, limit)
        if content is not None:
            self._add(speaker, cue, *content, sentence, False)

    def _maker_before_clause(self, after: int, sentence: Sentence) -> tuple[Speaker | None, int]:
        """'accusations from the union that C': who made the claim, and where its clause's "that" is."""
        tokens = self.model.tokens
        if not self.lexicon.words.is_("maker-preposition", tokens[after].norm):
            return None, after
        for k in range(after + 1, min(after + _MAKER_REACH, sentence.last) + 1):
            if tokens[k].verb or tokens[k].text in ",;:" or tokens[k].tag == "CC":
                break  # "a letter from the police in Danish and that he would …": another clause
            if tokens[k].norm == "that" and k > after + 1:
                return self.sources.at(after + 1, k - 1), k
        return None, after

    def verb_frame(
        self, cue: CueHit, sentence: Sentence, limit: int, previous_speaker: Speaker | None, nested: bool = False
    ) -> None:
        tokens = self.model.tokens
        antecedent = None
        if cue.first > sentence.first and tokens[cue.first - 1].tag in ("WP", "WDT"):
            # "the report by Human Rights Watch that accuses …": the noun the clause describes speaks
            antecedent = self.sources.relative_antecedent(cue.first, sentence.first)
            if antecedent is None:
                return  # "what it said were samples": a relative clause, not an attribution
        elif cue.first > sentence.first + 1 and (tokens[cue.first - 2].tag, tokens[cue.first - 1].tag) == ("WP", "PRP"):
            return
        elif self.checks.relative_with_pronoun(cue, sentence):
            return  # "the food aid that they expected": a relative clause about the aid, no words reported
        if cue.participle and self.checks.describes_a_thing(cue, sentence) or self.checks.names_a_noun(cue):
            return  # "photos showing attacks": what the photos show; "a cricketer dubbed …": a nickname, no words
        if self.checks.as_saying_follows(cue, sentence):
            return  # "quoted investigators as saying that …": the investigators say it, at "saying"
        as_saying = cue.first - 1 > sentence.first and tokens[cue.first - 1].norm == "as"
        as_saying = as_saying and tokens[cue.first].tag == "VBG"
        if cue.passive:
            subject = None
        elif as_saying:
            subject = self.sources.before(cue.first - 1, sentence.first)
        elif antecedent is not None:
            subject = antecedent
        elif cue.participle and (reporting := self.documents.report_before(cue, sentence, self.found)) is not None:
            subject = reporting  # "a report published by the Journal claiming that …": the report's
        elif cue.participle:
            subject = self.sources.participle_subject(cue.first, sentence.first) or previous_speaker
        elif self.sources.coordinated(cue.first, sentence.first):
            subject = (
                speaker_going_on(self.model, cue, sentence, self.found)
                or self.sources.coordinated_subject(cue.first, sentence.first)
                or previous_speaker
            )
        elif (continuing := going_on_after_comma(self.model, cue, sentence, self.found)) is not None:
            subject = continuing  # "X said C, added that D": X adds it
        else:
            subject = self.sources.before(cue.first, sentence.first)
            described = self.sources.relative_antecedent(cue.first, sentence.first)
            if described is not None and (subject is None or subject.first > described.last):
                subject = described  # "two men who returned to Velsk said": the men, not Velsk
        says_clause = any(t.verb for t in tokens[cue.last + 1 : limit + 1])
        if nested and (subject is None or subject.actor_key is None or not says_clause):
            return  # inside a quotation, only a speaker the quotation names, saying a clause
        subject = going_on(self.model, self.actors, self.lexicon, subject, self.found) or subject
        if subject is not None and (subject.actor_key is None or self.documents.is_document(subject.actor_key)):
            subject = self.documents.source(subject, self.found)
        frame_first = subject.first if subject is not None else cue.first
        inverted = None
        if subject is None and not cue.passive:
            inverted = self.sources.after(cue.last, sentence.last, inverted=True)
        if cue.passive:
            k = cue.last + 1
            while k <= limit and tokens[k].norm != "by" and k - cue.last < 6 and not tokens[k].verb:
                k += 1
            if k <= limit and tokens[k].norm == "by":
                subject = self.sources.after(k, limit)
        speaker = subject or inverted
        if speaker is None and not cue.passive:
            return  # a verb of saying with no one saying it ("all things considered")
        nobody = subject is not None and self.checks.no_one(subject.first, sentence.first)
        if nobody or self.checks.learner(cue, speaker):
            return  # "no one at the hospital had mentioned it", "nobody said"; "Brask had learned that …"
        medium = None
        if cue.entry.addressee:
            medium = self.parts.medium(cue.last + 1, min(cue.last + 6, limit))
        quote = self.parts.quote_closing_before(frame_first, sentence)
        if quote is not None and self.checks.names_by_quotation(quote):
            quote = None  # 'a new book called "The Mayor," which Brask says …': the book's name
        start = clause_start(self.model, self.found, frame_first, sentence)
        if quote is not None and not cue.passive and quote.first - 1 > start and tokens[start].quote < 0:
            # 'The crimes were done by X, sometimes "with Y's help," the groups say': the whole clause, reported
            content = before_frame(self.model, start, frame_first - 1)
            if content is not None and self.checks.says_something(cue, *content):
                self._add(speaker, cue, *content, sentence, False, medium=medium)
                self.consumed.add(quote.index)
                return
        if quote is not None and not cue.passive:
            self._direct(quote, speaker, cue, sentence, medium)
            return
        span_end = inverted.last if inverted is not None else cue.last
        quote = self.parts.quote_opening_after(
            span_end + 1 if not cue.entry.addressee else self.parts.after_addressee(cue, limit), sentence
        )
        if quote is not None:
            self._direct(quote, speaker, cue, sentence, medium)
            return
        content = None
        if inverted is None and cue.last + 1 <= limit and self.checks.as_frame(cue, sentence):
            content = trim(self.model, cue.last + 2, limit)  # "as S reported, C"
        elif inverted is None:
            content = complement(self.model, cue, self.lexicon, limit)
        if content is not None and self.checks.only_time(*content):
            content = None  # "…, a watchdog said yesterday": the words before the frame
        if content is None and frame_first > sentence.first and tokens[frame_first - 1].text == ",":
            source = self.actors.by_key.get(speaker.actor_key or "") if speaker is not None else None
            relaying = source is not None and source.type not in MEDIUM_TYPES and cue.entry.lemma != "report"
            start = clause_start(self.model, self.found, frame_first, sentence, relaying)
            content = before_frame(self.model, start, frame_first - 1)
        if content is None:
            return
        for quote in self.model.quotes:
            if quote.first >= content[0] and quote.last <= content[1]:
                self.consumed.add(quote.index)
        content, medium = self.parts.medium_at_end(content, medium)
        joined = self.parts.quotation_joined(content)
        if joined is not None:  # 'said that the probe was baseless, and “Alstom does not tolerate corruption”'
            content = (content[0], joined.first - 4 if tokens[joined.first - 3].text == "," else joined.first - 3)
        if not self.checks.says_something(cue, *content):
            return
        self._add(speaker, cue, *content, sentence, False, medium=medium)
        if joined is not None:
            self._add(speaker, cue, joined.first, joined.last, sentence, True, content=joined.content, medium=medium)

    def content_limit(self, cues: list[CueHit], n: int, sentence: Sentence) -> int:
        """Where cue n's content must end: before the next frame that starts a new attribution (", S said",
        ", adding that", "and said"), not before a cue nested in the content ("said that X claimed")."""
        tokens = self.model.tokens
        if self.checks.as_frame(cues[n], sentence):
            return sentence.last  # "as S reported, Y say C": the whole clause, Y's frame nested in it
        for later in cues[n + 1 :]:
            if self.checks.in_verb_series(cues[n], later, sentence):
                continue
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

    def in_name(self, i: int) -> bool:
        """Token i is inside an actor's mention: "Post" in "the Washington Post", "briefed" in "two people briefed
        on the findings"."""
        found = self.actors.mention_at(i)
        if found is None:
            return False
        actor, mention = found
        return self.model.tokens[i].capitalised if actor.kind == "named" else mention.last > mention.first

    def sentence(self, sentence: Sentence) -> None:
        cues = find_cues(self.model, sentence.first, sentence.last, self.lexicon, self.in_name)
        previous_speaker: Speaker | None = None
        for n, cue in enumerate(cues):
            if any(self.checks.in_verb_series(earlier, cue, sentence) for earlier in cues[:n]):
                continue  # a verb of the clause an earlier cue reports
            limit = self.content_limit(cues, n, sentence)
            if cue.entry.pos == "phrase":
                self._phrase(cue, sentence)
            elif cue.entry.pos == "noun":
                self._noun(cue, sentence, limit)
            else:
                self.verb_frame(cue, sentence, limit, previous_speaker)
            if self.found and self.found[-1].sentence.start == sentence.start:
                previous_speaker = self.found[-1].speaker

    def continuations(self) -> None:
        """Quotations no cue claimed: said by whoever the text makes their speaker (unclaimed.py), else by the
        previous quotation's speaker going on (same or next paragraph)."""
        model = self.model
        for quote in model.quotes:
            if quote.index in self.consumed or quote.first < 0:
                continue
            if sum(1 for t in model.tokens[quote.first : quote.last + 1] if t.is_word) < MIN_QUOTE_WORDS:
                continue
            if is_title(self.model, quote):
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
            speaker = self.unclaimed.speaker(quote, before[-1] if before else None, self.found)
            if speaker is None and before and before[-1].speaker is not None and self._goes_on(before[-1], quote):
                speaker = before[-1].speaker
            if speaker is not None:
                self.consumed.add(quote.index)
                sentence = model.sentence_of(quote.first)
                self._add(speaker, None, quote.first, quote.last, sentence, True, content=quote.content)

    def _goes_on(self, last: Attribution, quote: Quote) -> bool:
        """The statement before goes on in the quotation: a quotation itself, one quoting, one in the same
        paragraph, or one ending in a colon."""
        model = self.model
        paragraph = model.tokens[quote.first].paragraph
        quoting = any(t.quote >= 0 for t in model.tokens[last.content_first : last.content_last + 1])
        return (
            last.direct
            or quoting  # 'noted that "usual contacts" … "were passed off …"' goes on like a quotation
            or model.tokens[last.content_first].paragraph != paragraph - 1
            or model.text[last.sentence.end - 1 : last.sentence.end + 1].strip().endswith(":")
        )

def find_statements(
    model: TextModel, actors: ActorSet, lexicon: Lexicon, resolver: Resolver
) -> tuple[Attribution, ...]:
    finder = StatementFinder(model, actors, lexicon, resolver)
    for sentence in running_text(model):
        finder.sentence(sentence)
    finder.continuations()
    reported_inside_quotations(finder)
    found = finder.found
    part_of_another = (quoted_within, sourceless_within)  # words inside a longer statement, not statements of their own
    kept = [a for a in found if not _cites_another(a, found, lexicon) and not any(f(a, found) for f in part_of_another)]
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
