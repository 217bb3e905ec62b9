"""Sentence shapes around a reporting verb that change who speaks or where a content stops, read from the words alone:

    ..., an accusation Moscow dismissed as "absurd"     a response inside the sentence that reports the accusation
    X has been accused of C / X was accused by S of C     a passive allegation (no source, or the source after 'by')
    a memo seen by X appears to show C                    a raising verb between the subject and the cue
    S described the findings as "Q"                       a characterising verb: attributes only with 'as' or a quote
"""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon

_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|be|being|stands|stand|stood)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_RAISING = re.compile(r"\b(?:appears?|appeared|seems?|seemed)\s+to\s+$", re.IGNORECASE)
_AUXILIARY = r"(?:(?:has|have|had|also|since|swiftly|quickly|flatly|strongly|firmly|repeatedly|previously)\s+)*"
_CHARACTERISED = re.compile(r"\s*(?:[^,;.“”\"]{1,80}?\s)?as\s+\S|\s*[^,;.“”\"]{1,60}?\s[“\"]")


def passive_before(text: str, floor: int, verb_start: int) -> bool:
    """'has been accused', 'were blamed': the cue is passive, its subject is the one accused, not a speaker."""
    return bool(_PASSIVE.search(text, floor, verb_start))


def raising_start(text: str, floor: int, verb_start: int) -> int:
    """Where 'appears to' / 'seems to' starts before the cue (the subject ends there); verb_start when absent."""
    match = _RAISING.search(text, floor, verb_start)
    return match.start() if match else verb_start


def responding_noun(text: str, lexicon: Lexicon, floor: int, verb_start: int) -> tuple[int, int] | None:
    """'..., a charge the Gulf state rejected': (start of the allegation noun phrase, start of its subject) when the
    verb answers an allegation named right before it in the same sentence; None otherwise."""
    comma = text.rfind(",", floor, verb_start)
    if comma == -1:
        return None
    lead = re.match(r",\s*(?:(?:in|with|amid|to)\s+)?(?:(?:an?|the|this|that|these|those|such|both)\s+)?(?:[\w-]+\s+)?",
                    text[comma:verb_start])
    if lead is None:
        return None
    noun = lexicon.noun_re.search(text, comma, verb_start)
    entry = lexicon.reporting_cue(noun.group(0)) if noun else None
    if noun is None or entry is None or not entry.allegation or noun.start() > comma + lead.end() + 1:
        return None
    rest = re.match(r"\s+(?:(?:that|which)\s+)?(?=\S)", text[noun.end():verb_start])
    if rest is None:
        return None
    subject_start = noun.end() + rest.end()
    subject = text[subject_start:verb_start]
    subject_words = re.sub(r"\s*" + _AUXILIARY + "$", "", subject, flags=re.IGNORECASE).split()
    if not 1 <= len(subject_words) <= 5 or re.search(r"[,;:]", subject):
        return None
    return comma + len(text[comma:noun.start()]) - len(text[comma:noun.start()].lstrip(", ")), subject_start


def characterises(text: str, content_start: int, end: int) -> bool:
    """'described the findings as "lies"', 'called the claims "reckless"': an object, then 'as' or a quotation."""
    return bool(_CHARACTERISED.match(text, content_start, end))


def after_as(text: str, start: int, end: int) -> int:
    """The content of a response past a leading 'as' or copula ('rejected as "baseless"', 'says is "exaggerated"')."""
    match = re.match(r"\s*(?:as|is|are|was|were|had\s+been|has\s+been|to\s+be)\s+", text[start:end])
    return start + match.end() if match else start
