"""Reporting cues in a sentence, by lemma: verbs of saying in every tense and voice (the tagger's part of speech, with
its known slips mended: "claims that" is a verb when a subject comes before it and a clause after), the noun frames
("S's claim that", "allegations that"), and prepositional frames ("according to"). A negated cue ("did not say",
"has never claimed") asserts nothing and is dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newskg.ingest.extract.lexicon.entries import Cue, Lexicon
from newskg.ingest.extract.lexicon.words import key
from newskg.ingest.extract.text.model import TextModel

QUOTE_MARKS = "\"“”‘’'«»"


@dataclass(frozen=True)
class CueHit:
    first: int
    last: int
    entry: Cue
    passive: bool
    participle: bool  # ", adding that", ", writing that": the subject is the clause's

    @property
    def kind(self) -> str:
        return self.entry.pos


def _clause_follows(model: TextModel, i: int, lexicon: Lexicon) -> bool:
    tokens = model.tokens
    if i >= len(tokens) or tokens[i].sentence != tokens[i - 1].sentence:
        return False
    return tokens[i].norm == "that" or tokens[i].text in ":" or tokens[i].text[:1] in QUOTE_MARKS


def _verb_position(model: TextModel, first: int, last: int, lexicon: Lexicon) -> bool:
    """A cue word the tagger took for a noun, used as a verb: after a subject and before a clause or a quote."""
    tokens = model.tokens
    before = tokens[first - 1] if first > 0 else None
    if before is None or before.sentence != tokens[first].sentence:
        return False
    subject_like = before.noun or before.tag in ("PRP", "NNP") or before.text in ',”"' or before.tag == "RB"
    following = (
        tokens[last + 1] if last + 1 < len(tokens) and tokens[last + 1].sentence == tokens[last].sentence else None
    )
    subject = tokens[first - 2] if before.tag == "RB" and first >= 2 else before  # "it also claims"
    plural_subject = subject.tag in ("NNS", "NNPS", "PRP") or subject.proper
    clause_next = following is not None and plural_subject and following.tag in ("DT", "NN", "NNS", "NNP", "PRP", "CD")
    return subject_like and (
        _clause_follows(model, last + 1, lexicon) or clause_next or following is not None and following.text in ".,"
    )


def _is_verb(model: TextModel, first: int, last: int, lexicon: Lexicon) -> bool:
    tokens = model.tokens
    head = tokens[first]
    mid_sentence_capital = head.capitalised and first > 0 and tokens[first - 1].sentence == head.sentence
    is_verb = (
        head.verb
        or (head.noun or head.tag.startswith("JJ"))
        and not (head.proper and mid_sentence_capital)
        and _verb_position(model, first, last, lexicon)
    )
    if head.tag == "VBG" and first > 0 and lexicon.words.is_("definite", tokens[first - 1].norm):
        return False  # "the reporting": a noun
    if last + 1 < len(tokens) and key(f"{head.text} {tokens[last + 1].text}") in lexicon.words.org_descriptors:
        return False  # "the Harlow Institute think tank": a kind of organisation
    if _attributive(model, first, last) and not lexicon.words.is_("floating-quantifier", tokens[first - 1].norm):
        return False  # "his alleged crime", "the reported deal": a participle describing the noun after it
    if head.tag == "VBN" and first > 0 and tokens[first - 1].text == "," and last + 1 < len(tokens) and (
        tokens[last + 1].norm == "by"
    ):
        return False  # "The memo, written by the head of compliance, warned": describes the memo, says nothing
    if _infinitive_after(model, last) and not _passive(model, first, lexicon):
        return False  # "continues to mount", "promised to investigate": not saying
    return is_verb


def _attributive(model: TextModel, first: int, last: int) -> bool:
    tokens = model.tokens
    return (
        first > 0
        and last + 1 < len(tokens)
        and tokens[first - 1].tag in ("DT", "PRP$", "POS")
        and tokens[last + 1].noun
        and tokens[last + 1].sentence == tokens[first].sentence
    )


def _infinitive_after(model: TextModel, last: int) -> bool:
    tokens = model.tokens
    return (
        last + 2 < len(tokens)
        and tokens[last + 1].tag == "TO"
        and tokens[last + 2].tag.startswith("VB")
        and tokens[last + 1].sentence == tokens[last].sentence
    )


def _negated(model: TextModel, first: int, lexicon: Lexicon) -> bool:
    tokens = model.tokens
    words = lexicon.words
    for k in range(first - 1, max(first - 4, -1), -1):
        if tokens[k].sentence != tokens[first].sentence or tokens[k].text in ",;:":
            return False
        if words.is_("negation", tokens[k].norm) or words.is_("negation", tokens[k].lemma):
            return True
        if tokens[k].lemma in ("decline", "refuse") and tokens[k + 1].norm == "to":
            return True
        if not (tokens[k].tag in ("MD", "RB", "TO") or words.is_("auxiliary", tokens[k].lemma)):
            return False
    return False


def _passive(model: TextModel, first: int, lexicon: Lexicon) -> bool:
    tokens = model.tokens
    if tokens[first].tag != "VBN":
        return False
    for k in range(first - 1, max(first - 4, -1), -1):
        if tokens[k].lemma == "be" or tokens[k].lemma == "get":
            return True
        if not (tokens[k].tag in ("RB", "MD") or tokens[k].lemma == "have"):
            return False
    return False


def find_cues(
    model: TextModel,
    first: int,
    last: int,
    lexicon: Lexicon,
    named: Callable[[int], bool] = lambda i: False,
    quote: int = -1,
) -> list[CueHit]:
    """Cues between tokens first and last (a sentence), outside quotations (or, with quote, inside that one) and
    outside names (named(i): token i is part of an actor's name, as "Post" in "the Washington Post"), in order."""
    tokens = model.tokens
    found: list[CueHit] = []
    i = first
    while i <= last:
        if tokens[i].quote != quote or named(i):
            i += 1
            continue
        chosen: CueHit | None = None
        matches = [m for m in lexicon.cues.at(model, i, lenient=True) if m.last <= last]
        verb_reading = any(m.entry.pos == "verb" and _is_verb(model, m.first, m.last, lexicon) for m in matches)
        for match in sorted(
            matches, key=lambda m: (m.entry.pos != "verb") if verb_reading else (m.entry.pos == "verb")
        ):
            entry = match.entry
            head = tokens[match.first]
            if entry.pos == "verb" and not _is_verb(model, match.first, match.last, lexicon):
                continue
            if entry.pos == "noun" and (verb_reading or not head.noun and not tokens[match.last].noun):
                continue
            if _negated(model, match.first, lexicon):
                chosen = None
                break
            before = tokens[match.first - 1] if match.first > 0 else None
            participle = (
                head.tag == "VBG"
                and before is not None
                and before.sentence == head.sentence
                and (before.text == "," or not (before.lemma in ("be", "keep") or before.tag in ("DT", "PRP$", "IN")))
            )
            chosen = CueHit(
                first=match.first,
                last=match.last,
                entry=entry,
                passive=_passive(model, match.first, lexicon),
                participle=participle,
            )
            break
        if chosen is not None:
            found.append(chosen)
            i = chosen.last + 1
        else:
            i += 1
    return found
