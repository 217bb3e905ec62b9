"""Whether what a cue points at is a statement: something said, not an adverbial left over ("on Monday"), not a
thing published ("published its accounts", "a paper headlined “…”"), not what no one said ("no one mentioned it"),
not what someone other than a newsroom learned."""

from __future__ import annotations

from newskg.ingest.extract.attribution.cue import QUOTE_MARKS, CueHit
from newskg.ingest.extract.attribution.quotations import is_title
from newskg.ingest.extract.attribution.source import SourceFinder
from newskg.ingest.extract.attribution.values import Speaker
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import Quote, Sentence, TextModel

_MAX_QUOTED_SOURCE = 10  # tokens between "quoted" and "as saying"
_NAMED_NOUN_REACH = 5  # words of a noun phrase before a participle naming it ("a high-profile cricketer dubbed")
_SERIES_CLAUSE_REACH = 7  # tokens after a verb of saying in which a clause of its own would open
LEARNING = "learning"  # reporting.ttl: "the Courier has learned that …"


class ContentChecks:
    def __init__(self, model: TextModel, lexicon: Lexicon, sources: SourceFinder) -> None:
        self.model = model
        self.lexicon = lexicon
        self.sources = sources

    def no_one(self, first: int, floor: int) -> bool:
        """The subject starting at token first is "no one", "nobody" or "none", or is the object of a preposition
        after one ("no one at the hospital")."""
        tokens = self.model.tokens
        words = self.lexicon.words
        if words.is_("negation", tokens[first].norm):
            return True
        k = first - 1
        if k < floor or tokens[k].tag != "IN":
            return False
        return any(words.is_("negation", tokens[i].norm) for i in range(max(floor, k - 2), k))

    def learner(self, cue: CueHit, speaker: Speaker | None) -> bool:
        """'The Courier has learned that C' reports C; 'Brask had learned in his capacity as a director that C' does
        not: a learning cue is a statement only when a news outlet learns."""
        if cue.entry.cue_class != LEARNING:
            return False
        actor = self.sources.actors.by_key.get(speaker.actor_key) if speaker and speaker.actor_key else None
        return actor is None or actor.type != "MediaOutlet"

    def says_something(self, cue: CueHit, first: int, last: int) -> bool:
        """Not an adverbial left over after the cue ("on Monday", "in a report published in May", "speaking on
        condition of anonymity")."""
        tokens = self.model.tokens
        words = self.lexicon.words
        pleaded = any(words.is_("plea", t.norm) for t in tokens[first : first + 2])
        if pleaded and words.is_("plea-verb", cue.entry.lemma):
            return False  # "pleaded not guilty": a plea entered in court, not words reported
        if any(t.quote >= 0 for t in tokens[first : last + 1]):
            # "published a paper headlined “…”": a thing with a title, unless the quotation is what was put out
            if not cue.entry.clause_only or tokens[first].quote >= 0:
                return True
            quotes = [self.model.quotes[t.quote] for t in tokens[first : last + 1] if t.quote >= 0]
            titled = any(is_title(self.model, quote) for quote in quotes)
            return not titled and self.is_clause(first, last)
        opener = tokens[first]
        # "accused of carrying out …", "denied hiding anything", "admitted taking bribes": the act, a gerund
        charge = cue.passive and cue.entry.accuses_object or opener.tag == "VBG" and cue.entry.stance != "neutral"
        # "rejected as \"baseless\"", "described the report as lies": what the thing is called is the content
        charge = charge or opener.norm == "as" and (cue.entry.stance != "neutral" or cue.entry.characterises)
        approximate = first < last and tokens[first + 1].tag == "CD"  # "said about 3,000 accounts were hit"
        # "reported that during the period under review, they visited …": a phrase opening the clause after "that"
        opens_clause = first > 0 and tokens[first - 1].norm == "that" and self.is_clause(first, last)
        if not charge and not opens_clause and (
            opener.tag in ("IN", "TO")
            and not self.lexicon.words.is_("complementizer", opener.norm)
            and not approximate
            or opener.tag == "VBG"
        ):
            return False
        if self.only_time(first, last):
            return False
        # "published its annual accounts", "recalled the drug" say nothing; "published that …" does
        return not cue.entry.clause_only or self.is_clause(first, last)

    def only_time(self, first: int, last: int) -> bool:
        """Tokens first..last are a time phrase at most ("yesterday", "on Monday", "in 2019")."""
        tokens = self.model.tokens
        return all(
            self.sources.is_time(k) or not tokens[k].is_word or tokens[k].tag in ("IN", "DT", "CD", "CC")
            for k in range(first, last + 1)
        )

    def is_clause(self, first: int, last: int) -> bool:
        """A verb with a subject of its own: "declared €11.5m of earnings but actually pocketed more" is a thing
        declared, its "pocketed" the outer subject's."""
        tokens = self.model.tokens
        # "threatened Egypt with sanctions if the deal went through": a verb of a clause the object is followed by
        words = self.lexicon.words
        last = next((k - 1 for k in range(first + 1, last + 1) if words.is_("subordinator", tokens[k].norm)), last)
        return any(
            (
                t.tag in ("VBD", "VBZ", "VBP", "MD")
                or self.lexicon.words.is_("finite-auxiliary", t.norm)  # "the ‘go-slow’ was": a form, whatever its tag
                or t.tag == "VB" and k > first and tokens[k - 1].tag == "TO"
                or t.tag == "VB" and k > first and (tokens[k - 1].noun or tokens[k - 1].tag == "PRP")  # "he resign"
                or t.tag == "VBN" and k > first and tokens[k - 1].noun
            )
            and not self._coordinated(k, first)
            for k, t in enumerate(tokens[first : last + 1], start=first)
        )

    def _coordinated(self, k: int, first: int) -> bool:
        tokens = self.model.tokens
        j = k - 1
        while j > first and tokens[j].tag in ("RB", "MD") or j > first and tokens[j].lemma in ("have", "be"):
            j -= 1
        return j >= first and tokens[j].tag == "CC"

    def as_saying_follows(self, cue: CueHit, sentence: Sentence) -> bool:
        """'quoted X as saying', 'cited sources as saying': the cue's object is the speaker of the cue after "as"."""
        tokens = self.model.tokens
        for k in range(cue.last + 1, min(sentence.last, cue.last + _MAX_QUOTED_SOURCE)):
            if tokens[k].norm == "as" and tokens[k + 1].tag == "VBG" and self.lexicon.cues.at(self.model, k + 1):
                return True
            if tokens[k].verb or tokens[k].text in ",;:" or tokens[k].quote >= 0:
                return False
        return False

    def object_gap(self, start: int, limit: int) -> bool:
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

    def bare_clause(self, start: int, limit: int) -> bool:
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

    # --- a sentence -------------------------------------------------------------------------------------------

    def as_frame(self, cue: CueHit, sentence: Sentence) -> bool:
        """'as S reported, C': a comma right after the cue, "as" right before its subject."""
        tokens = self.model.tokens
        subject = self.sources.before(cue.first, sentence.first)
        return (
            subject is not None
            and subject.first > sentence.first
            and tokens[subject.first - 1].norm == "as"
            and cue.last + 1 <= sentence.last
            and tokens[cue.last + 1].text == ","
        )

    def describes_a_thing(self, cue: CueHit, sentence: Sentence) -> bool:
        """A participle of revealing right after a noun that names no actor, with no clause after it, tells what a
        thing shows ("leaked photos apparently showing attacks"), not what anyone said; "documents showing that …"
        and "…, citing financial constraints" still report."""
        tokens = self.model.tokens
        k = cue.first - 1
        while k > sentence.first and tokens[k].tag.startswith("RB"):
            k -= 1
        after = tokens[cue.last + 1] if cue.last + 1 <= sentence.last else None
        return (
            cue.entry.cue_class == "revealing"
            and tokens[k].tag in ("NN", "NNS")
            and self.sources.actors.at(k) is None
            and not (after is not None and self.lexicon.words.is_("complementizer", after.norm))
        )

    def in_verb_series(self, earlier: CueHit, cue: CueHit, sentence: Sentence) -> bool:
        """'S alleged that X tried to sell the seat, demanded the firing of …, and engaged in …': a verb of saying
        that is one more verb phrase of the clause S reports (right after a comma, the form of a verb of that clause,
        an object rather than a clause of its own) is part of the content, not a frame."""
        tokens = self.model.tokens
        comma = cue.first - 1
        form = tokens[cue.first].tag
        if comma <= earlier.last or tokens[comma].text != "," or form not in ("VBD", "VBZ", "VBP") or cue.passive:
            return False
        after = tokens[cue.last + 1] if cue.last + 1 <= sentence.last else None
        if after is None or not (after.noun or after.tag in ("DT", "PRP$", "JJ")):
            return False
        ahead = tokens[cue.last + 1 : min(cue.last + _SERIES_CLAUSE_REACH, sentence.last) + 1]
        if any(t.norm == "that" or t.text[:1] in QUOTE_MARKS for t in ahead):
            return False  # "…, warned reporters that …": the speaker going on
        clause_verbs = [k for k in range(earlier.last + 1, comma) if tokens[k].tag == form]
        return bool(clause_verbs) and clause_verbs[-1] < comma - 1

    def names_a_noun(self, cue: CueHit) -> bool:
        """A participle of characterising right after an indefinite noun phrase ("a cricketer dubbed \"Player X\"",
        "a senior official dubbed \"the Fixer\"") gives the noun a name, not anyone's words; a definite one is
        a subject that calls ("a claim the company called \"nonsense\"")."""
        tokens = self.model.tokens
        if not cue.entry.characterises or tokens[cue.first].tag != "VBN" or cue.first == 0:
            return False
        k = cue.first - 1
        if not tokens[k].noun:
            return False
        while k > 0 and cue.first - k <= _NAMED_NOUN_REACH and (
            tokens[k].noun or tokens[k].tag.startswith("JJ") or tokens[k].text in ("-", "‐")  # "high-profile"
        ):
            k -= 1
        return self.lexicon.words.is_("indefinite", tokens[k].norm)

    def names_by_quotation(self, quote: Quote) -> bool:
        """A quotation right after a participle of characterising ('a new book called "The Mayor"', 'a report
        titled "…"') is a name given to a thing, not words said."""
        tokens = self.model.tokens
        mark = self.model.token_at(quote.open)
        k = mark - 1
        if k < 0 or tokens[k].tag != "VBN":
            return False
        return any(m.entry.characterises for m in self.lexicon.cues.at(self.model, k, lenient=True))

    def relative_with_pronoun(self, cue: CueHit, sentence: Sentence) -> bool:
        """'the aid that they expected': "that" after a noun and a pronoun subject before the verb open a relative
        clause whose object is the noun, not a clause of reported words."""
        tokens = self.model.tokens
        k = cue.first
        return (
            k - 3 >= sentence.first
            and tokens[k - 1].tag == "PRP"
            and tokens[k - 2].norm == "that"
            and tokens[k - 3].tag in ("NN", "NNS")
            # "reports that they denied it": a noun of saying takes a clause of its own
            and not any(m.entry.pos == "noun" for m in self.lexicon.cues.at(self.model, k - 3, lenient=True))
        )
