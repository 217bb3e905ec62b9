"""What stands between a subject and its verb of saying, read leftwards from the verb: time phrases ("on Monday",
"last week"), a quantifier floating after the subject ("have both told"), an adjective used as an adverb after an
auxiliary ("has long maintained"), and a verb of going on ("went on to say")."""

from __future__ import annotations

from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel


class VerbGroup:
    def __init__(self, model: TextModel, lexicon: Lexicon) -> None:
        self.model = model
        self.lexicon = lexicon

    def is_time(self, i: int) -> bool:
        words = self.lexicon.words
        token = self.model.tokens[i]
        return (
            words.is_("weekday", token.norm)
            or words.is_("month", token.norm)
            and token.capitalised
            or words.is_("time", token.lemma)
            or words.is_("time", token.norm)
        )

    def time_phrase_start(self, j: int, floor: int) -> int | None:
        """The first token of a time phrase ending at j ("on Monday", "last week", "Thursday morning", "in 2019")."""
        tokens = self.model.tokens
        if not (self.is_time(j) or tokens[j].tag == "CD" and j > floor and tokens[j - 1].norm == "in"):
            return None
        k = j
        while k - 1 >= floor and (
            self.is_time(k - 1) or tokens[k - 1].tag in ("CD", "JJ") and not tokens[k - 1].proper
        ):
            k -= 1
        if k - 1 >= floor and tokens[k - 1].tag in ("IN", "DT") and tokens[k - 1].norm not in ("of", "that"):
            k -= 1
            while k - 1 >= floor and tokens[k - 1].tag in ("JJ", "RB", "RBR") and not tokens[k - 1].proper:
                k -= 1  # "late on Tuesday", "earlier this week"
        return k

    def modifier_before(self, j: int, floor: int) -> int:
        """How many tokens ending at j modify the verb after them rather than name its subject: "both" in "have
        both told", "long" in "has long maintained", "went on to" in "went on to say"; 0 when none."""
        tokens = self.model.tokens
        words = self.lexicon.words
        token = tokens[j]
        if words.is_("floating-quantifier", token.norm) and tokens[j + 1].verb:
            return 1
        auxiliary_before = j - 1 >= floor and words.is_("auxiliary", tokens[j - 1].lemma) and tokens[j - 1].verb
        passive = auxiliary_before and tokens[j - 1].lemma == "be"  # "was first notified of": told, not telling
        if token.tag == "JJ" and auxiliary_before and not passive and tokens[j + 1].verb:
            return 1
        if token.tag == "TO" and j - 1 >= floor:
            k = j - 1
            if tokens[k].tag in ("IN", "RP", "RB") and k - 1 >= floor and tokens[k - 1].verb:
                k -= 1  # "went on to say": the particle, then the verb
            if tokens[k].verb and words.is_("continuing-verb", tokens[k].lemma):
                return j - k + 1
        return 0
