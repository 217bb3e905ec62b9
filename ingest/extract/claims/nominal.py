"""Who did an act named by a noun: its owner ("the Front's support", "Varenian meddling"), the subject of the
clause whose manner it names ("… in breach of the act"), or the subject of a verb of doing it is the object of
("committed fraud", "engaged in pay-to-play corruption schemes")."""

from __future__ import annotations

from newskg.ingest.extract.claims.syntax import Syntax
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

HYPHENS = ("-", "‐")
_PERPETRATION_REACH = 7  # tokens between a verb of doing and the wrong it names ("engaged in pay-to-play corruption")


class NominalDoers:
    def __init__(self, model: TextModel, lexicon: Lexicon, syntax: Syntax) -> None:
        self.model = model
        self.lexicon = lexicon
        self.syntax = syntax
        self.actors = syntax.actors

    def manner(self, first: int, last: int, floor: int) -> tuple[str, ...]:
        """'X imported the drug without approval in contravention of the act': a wrong naming the manner of a clause
        ("in breach of", "in violation of") is the doing of that clause's subject, however far its verb stands."""
        tokens = self.model.tokens
        if first - 1 < floor or last + 1 >= len(tokens):
            return ()
        if tokens[first - 1].norm != "in" or tokens[last + 1].norm != "of":
            return ()
        verb = next(
            (k for k in range(first - 2, floor - 1, -1) if tokens[k].verb or tokens[k].text in ";:"), None
        )
        if verb is None or not tokens[verb].verb or tokens[verb].tag == "VBG":
            return ()
        subject, _ = self.syntax.subject(verb, floor)
        return subject

    def perpetrator(self, noun: int, floor: int) -> tuple[str, ...]:
        """'X committed fraud', 'engaged in pay-to-play corruption schemes', 'was involved in the killing': a wrong
        named as the object of a verb of doing is its subject's act."""
        tokens = self.model.tokens
        k = noun - 1
        while k >= floor and k >= noun - _PERPETRATION_REACH and (
            self._in_compound(k) or not tokens[k].verb and not tokens[k].noun
        ):
            if tokens[k].text in ",;:":
                return ()
            k -= 1  # only words that open the wrong's phrase between ("in", "the", "pay-to-play"), no other noun
        if k < floor or not tokens[k].verb:
            return ()
        words = self.lexicon.words
        phrasal = f"{tokens[k].lemma} {tokens[k + 1].norm}"  # "carried out the killing", not "carrying aid"
        if not (words.is_("perpetrating-verb", tokens[k].lemma) or words.is_("perpetrating-verb", phrasal)):
            return ()
        return self.syntax.subject(k, floor)[0]

    def _in_compound(self, k: int) -> bool:
        """Token k is part of a hyphenated word ("pay-to-play")."""
        tokens = self.model.tokens
        joined = tokens[k].text in HYPHENS and not tokens[k].gap
        after = k + 1 < len(tokens) and tokens[k + 1].text in HYPHENS and not tokens[k + 1].gap
        return joined or after or k > 0 and tokens[k - 1].text in HYPHENS and not tokens[k].gap

    def owner(self, noun: int, floor: int) -> tuple[str, ...]:
        """'the Front's support', "Varenia's alleged assistance", 'Varenian meddling': the actor the act is said of."""
        tokens = self.model.tokens
        j = noun - 1
        while (
            j >= floor
            and tokens[j].tag.startswith(("JJ", "RB", "VBN"))
            and self.actors.at(j) is None
            and j not in self.actors.demonyms
        ):
            j -= 1
        if j >= floor and tokens[j].text in ("'s", "’s", "'", "’"):
            return self.syntax.actor_keys_at(max(floor, j - 6), j - 1)[-1:]
        if j >= floor and self.actors.at(j) is not None:
            return (self.actors.at(j).key,)
        if j >= floor and j in self.actors.demonyms:
            return (self.actors.demonyms[j],)  # "Varenian assistance": the state, when the article names it
        if j >= floor and tokens[j].tag == "PRP$":
            actor = self.syntax.resolver.pronoun(j)
            return (actor.key,) if actor else ()
        return ()
