"""What the words of a statement's content say of a claim (stance.ttl): "baseless" dismisses, "only a small part"
downplays, "credible" supports. A negation just before a word turns it round ("not an isolated incident" supports,
"without providing evidence" dismisses); backing followed by a concession ("credible, although the samples may be
mislabelled") is an assessment. Restricting words ("only") count only from the accused's side."""

from __future__ import annotations

from newskg.ingest.extract.claims.acts import is_claim_noun
from newskg.ingest.extract.claims.stances import ASSESSES, DISMISSES, DOWNPLAYS, SUPPORTS
from newskg.ingest.extract.claims.syntax import Syntax
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

_NEGATION_REACH = 3  # tokens between a negation and the word it turns round ("not an isolated", "without providing")
_RESTRICTED_REACH = 2  # tokens between a restricting word and the downplaying one it introduces ("only a small")


class Wording:
    def __init__(self, model: TextModel, lexicon: Lexicon) -> None:
        self.model = model
        self.lexicon = lexicon

    def _negated(self, first: int, floor: int) -> bool:
        tokens = self.model.tokens
        words = self.lexicon.words
        for k in range(first - 1, max(floor, first - 1 - _NEGATION_REACH), -1):
            if not tokens[k].is_word or words.is_("concessive", tokens[k].norm):
                return False
            if words.is_("negation", tokens[k].norm):
                return True
        return False

    def _conceded(self, after: int, last: int) -> bool:
        words = self.lexicon.words
        return any(words.is_("concessive", t.norm) for t in self.model.tokens[after + 1 : last + 1])

    def stance(self, first: int, last: int, accused_side: bool) -> str | None:
        """The stance of the content's evaluative words, the class of highest precedence winning; None without any."""
        found: list[tuple[int, str]] = []
        matches = list(self.lexicon.stance_words.find(self.model, first, last, lenient=True))
        playing_down = [m.first for m in matches if m.entry.stance == DOWNPLAYS]
        for match in matches:
            entry = match.entry
            if entry.pos == "verb" and not self.model.tokens[match.first].verb:
                continue  # "the documents", "a record": the verb's noun backs nothing
            if self._prefixed(match.first) or self._modifies_a_noun(match.last):
                continue  # "declared it non-compliant", "took down disinformation networks": no word on the claim
            if entry.restrictive and not accused_side:
                continue
            if entry.restrictive and any(0 < k - match.last <= _RESTRICTED_REACH for k in playing_down):
                continue  # "only a small part": the smallness plays it down, "only" does not deny
            stance = entry.stance
            negated = self._negated(match.first, first)
            if entry.only_negated and not negated:
                continue  # "the rebels rely on outside help" takes no stance by these words
            if negated and not entry.only_negated:
                stance = SUPPORTS if stance != SUPPORTS else DISMISSES
            elif stance == SUPPORTS and not accused_side and self._conceded(match.last, last):
                stance = ASSESSES
            found.append((entry.precedence, stance))
        if not found:
            return None
        return min(found)[1]

    def _prefixed(self, first: int) -> bool:
        """The word follows a negating prefix ("non-compliant"): another word."""
        tokens = self.model.tokens
        return (
            first >= 2
            and tokens[first - 1].text in ("-", "‐")
            and not tokens[first - 1].gap
            and self.lexicon.words.is_("negating-prefix", tokens[first - 2].norm)
        )

    def _modifies_a_noun(self, last: int) -> bool:
        """A noun right before the noun it modifies ("disinformation networks") names a topic, not a verdict."""
        tokens = self.model.tokens
        after = last + 1
        return (
            tokens[last].noun
            and after < len(tokens)
            and tokens[after].noun
            and not tokens[after].proper
            and tokens[after].sentence == tokens[last].sentence
        )

    def impugning(self, first: int, last: int) -> list[int]:
        """Where the content calls something a move in bad faith ("a witch hunt", "designed to discredit"), not
        negated: the first token of each such word."""
        return [
            match.first
            for match in self.lexicon.stance_words.find(self.model, first, last, lenient=True)
            if match.entry.impugns_motive and not self._negated(match.first, first)
        ]


def refers_to_claim(model: TextModel, lexicon: Lexicon, first: int, last: int) -> bool:
    """The words name an allegation or a document about it ("the allegations", "the charges", "the report", "the
    alleged assistance")."""
    words = lexicon.words
    for k in range(first, last + 1):
        token = model.tokens[k]
        if token.lemma in words.documents and token.noun:
            return True
        if any(h.entry.certainty == "alleged" for h in lexicon.hedges.at(model, k, lenient=True)):
            return True
        if is_claim_noun(model, lexicon, k):
            return True
    return False


def claim_makers(model: TextModel, lexicon: Lexicon, syntax: Syntax, first: int, last: int) -> tuple[str, ...]:
    """The actors a claim noun in tokens first..last names as the claim's makers: "rejected allegations by the
    Harbour Rights Group that …", "denied claims made by Velsk", "dismissed the group's accusations"."""
    tokens = model.tokens
    sentence_last = model.sentence_of(first).last
    for k in range(first, last + 1):
        if not tokens[k].noun or not is_claim_noun(model, lexicon, k):
            continue
        after = k + 2 if k + 1 <= sentence_last and tokens[k + 1].tag == "VBN" else k + 1  # "made by", "levelled by"
        if after < sentence_last and lexicon.words.is_("maker-preposition", tokens[after].norm):
            makers = syntax.head_keys(after + 1, syntax.np_end(after + 1, sentence_last))
            if makers:
                return makers
        before = k - 1
        while before > first and tokens[before].tag.startswith("JJ"):
            before -= 1
        if before - 1 >= first and tokens[before].tag == "POS":
            makers = syntax.actor_keys_at(before - 1, before - 1)
            if makers:
                return makers
    return ()
