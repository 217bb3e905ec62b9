"""What the words around a phrase say of it as an actor: it speaks or acts ("residents said", "prosecutors charged",
"managers hid the files", "perpetrated by security officials"), it is told something or cited ("told Reuters",
"according to Interfax"), or a nationality word names its state as the doer ("Ukrainian involvement")."""

from __future__ import annotations

from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

_PLACE_REACH = 4  # words of a place after a subject and before its verb ("in the Ostrian capital")

_PENALTY_TO_TARGET = 10  # tokens from a penalty noun to the one penalised ("a fine of 5m pounds, imposed on X")


def plural_name(model: TextModel, i: int) -> bool:
    token = model.tokens[i]
    return token.tag.endswith("S") or token.text[:-1].isupper() and token.text.endswith("s")  # "MPs"


class ActingContexts:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def names_a_doer(self, model: TextModel, demonym_last: int) -> bool:
        """A nationality word right before a noun of a wrong or of support ("Ukrainian involvement", "Russian
        meddling", "Iranian assistance") names its state as the one who did it."""
        tokens = model.tokens
        k = demonym_last + 1
        if k >= len(tokens) or tokens[k].sentence != tokens[demonym_last].sentence or not tokens[k].noun:
            return False
        if k + 1 < len(tokens) and tokens[k + 1].noun:
            return False  # "Ukrainian support staff": the noun is not the head
        attempt = self.lexicon.words.is_("attempt-noun", tokens[k].lemma)
        if attempt and k + 2 < len(tokens) and tokens[k + 1].tag == "TO":
            k += 2  # "Russian efforts to sway the election": the act the effort was for
            return any(m.entry.wrongful for m in self.lexicon.acts.at(model, k))
        return any(m.last == k and m.entry.pos != "verb" for m in self.lexicon.acts.at(model, k, lenient=True))

    def _agent_of(self, model: TextModel, head: int) -> bool:
        """The words ending at token head are the agent after "by" of a wrong, a legal action or a verb of saying
        ("perpetrated by security officials", "accused by critics", "arrested by police")."""
        tokens = model.tokens
        k = head
        while k - 1 >= 0 and tokens[k - 1].tag in ("JJ", "NN", "NNS", "DT", "CD") and head - k < 5:
            k -= 1
        by, verb = k - 1, k - 2
        if verb < 0 or tokens[by].norm != "by" or tokens[verb].tag != "VBN":
            return False
        lexicon = self.lexicon
        return (
            any(m.entry.wrongful for m in lexicon.acts.at(model, verb))
            or bool(lexicon.legal_actions.at(model, verb))
            or any(m.entry.pos == "verb" for m in lexicon.cues.at(model, verb))
        )

    def speaks(self, model: TextModel, i: int) -> bool:
        """The words ending at token i are the subject of a verb of saying ("residents said", "Interfax reported") or of
        legal action ("prosecutors charged", "police filed charges") or of a wrong ("managers hid the files")."""
        tokens = model.tokens
        if self._agent_of(model, i):
            return True
        j = self._past_place(model, i + 1)  # "a court in Velsk ruled", "officials in western Ostria said"
        while (
            j < len(tokens)
            and tokens[j].sentence == tokens[i].sentence
            and (tokens[j].tag in ("MD", "RB") or self.lexicon.words.is_("auxiliary", tokens[j].lemma))
        ):
            j += 1
        if j >= len(tokens) or tokens[j].sentence != tokens[i].sentence or not tokens[j].verb:
            return False
        return (
            any(m.entry.pos == "verb" for m in self.lexicon.cues.at(model, j))
            or bool(self.lexicon.legal_actions.at(model, j))  # "prosecutors charged", "police arrested"
            or any(m.entry.wrongful for m in self.lexicon.acts.at(model, j))  # "managers hid the files"
            or self.lexicon.words.is_("proceeding-verb", tokens[j].lemma)  # "prosecutors filed charges"
        )

    def _past_place(self, model: TextModel, j: int) -> int:
        """The token after a short phrase of place starting at j ("in Velsk", "in the capital"), else j."""
        tokens = model.tokens
        words = self.lexicon.words
        if j >= len(tokens) or not words.is_("locative", tokens[j].norm):
            return j
        if words.is_("member-preposition", tokens[j].norm):
            return j  # "a lecturer at Velsk University" names where one works, not where one speaks
        k = j + 1
        while k < len(tokens) and k - j <= _PLACE_REACH and tokens[k].tag in ("NNP", "NNPS", "DT", "JJ", "NN"):
            k += 1
        return k if k > j + 1 and k < len(tokens) and tokens[k].verb else j

    def told(self, model: TextModel, first: int) -> bool:
        """'told X', 'said in an interview with X': a name right after a cue that takes an addressee."""
        return any(
            match.last == first - 1 and match.entry.addressee
            for start in range(max(first - 3, 0), first)
            for match in self.lexicon.cues.at(model, start, lenient=True)
        )

    def led_to(self, model: TextModel, first: int) -> bool:
        """'told Reuters', 'according to Interfax', 'reported by Tass': a name right after a cue that takes a source
        or an addressee."""
        tokens = model.tokens
        for start in range(max(first - 3, 0), first):
            for match in self.lexicon.cues.at(model, start, lenient=True):
                if match.last == first - 1 and (match.entry.addressee or match.entry.pos == "phrase"):
                    return True
        return first >= 2 and tokens[first - 1].norm == "by" and tokens[first - 2].tag in ("VBN", "VBD")

    def penalised(self, model: TextModel, first: int) -> bool:
        """'a fine imposed on X', 'sanctions against X': a name after the preposition a penalty or proceeding
        reaches; the one penalised is an actor, though a platform's or a place's name elsewhere is not."""
        tokens = model.tokens
        if first < 2 or not self.lexicon.words.is_("target-preposition", tokens[first - 1].norm):
            return False
        floor = max(model.sentence_of(first).first, first - _PENALTY_TO_TARGET)
        return any(m.entry.pos == "noun" for m in self.lexicon.penalties.find(model, floor, first - 2))
