"""What a cue attributes: the complement after a verb of saying (past its addressee, time and place adverbials and
"that", to the end of the clause), or the words before an inverted frame ("C, S said"), as token ranges."""

from __future__ import annotations

from newskg.ingest.extract.attribution.cue import QUOTE_MARKS, CueHit
from newskg.ingest.extract.lexicon.entries import Lexicon
from newskg.ingest.extract.text.model import TextModel

_EDGE = ",;:—–-"
_ADVERBIAL_REACH = 10


def trim(model: TextModel, first: int, last: int) -> tuple[int, int] | None:
    """Without punctuation at the edges (a closing quotation mark stays when its quotation opened inside)."""
    tokens = model.tokens
    while first <= last and (tokens[first].text in _EDGE or tokens[first].text in ".?!"):
        first += 1
    while last >= first and (tokens[last].text in _EDGE or tokens[last].text in ".?!" or tokens[last].tag == "CC"):
        last -= 1  # "… made mistakes and [say …]": a conjunction left at the end joins the next frame
    if first <= last and tokens[last].text in QUOTE_MARKS and tokens[last].quote == -1:
        opened = any(tokens[k].text in QUOTE_MARKS for k in range(first, last))
        if not opened:
            last -= 1
            while last >= first and tokens[last].text in _EDGE + ".?!":
                last -= 1
    return (first, last) if first <= last and any(t.is_word for t in tokens[first : last + 1]) else None


def _that_ahead(model: TextModel, i: int, limit: int) -> int | None:
    """'said on Tuesday in a statement that …': the 'that' opening the clause after a few adverbial words."""
    tokens = model.tokens
    k = i
    while k <= min(i + _ADVERBIAL_REACH, limit):
        token = tokens[k]
        if token.norm == "that":
            return k
        if token.text == "," and k == i:
            close = next((j for j in range(k + 1, min(k + 12, limit + 1)) if tokens[j].text == ","), None)
            if close is not None and close + 1 <= limit and tokens[close + 1].norm == "that":
                return close + 1  # "said, without providing evidence, that …"
        k += 1
        if token.verb and not token.tag == "VBN" or token.text in ";:" or token.text[:1] in QUOTE_MARKS:
            return None
        if token.tag == "VBN" and k <= limit and tokens[k].norm == "that":
            return None  # "said investigators alleged that …": the "that" of a clause nested in the content
    return None


def _skip_addressee(model: TextModel, i: int, limit: int) -> int:
    """'told reporters that', 'told the BBC:', 'informed the court on Monday': past the one spoken to."""
    tokens = model.tokens
    k = i
    while (
        k <= limit
        and not tokens[k].verb
        and tokens[k].norm != "that"
        and tokens[k].text not in ":;"
        and tokens[k].text[:1] not in QUOTE_MARKS
        and (tokens[k].text != "," or k == i)
    ):
        k += 1
        if k - i > 8:
            return i
    if k <= limit and (tokens[k].norm == "that" or tokens[k].text in ":," or tokens[k].text[:1] in QUOTE_MARKS):
        return k
    if k > limit:
        return k
    return _after_bare_addressee(model, i, limit)


def _after_bare_addressee(model: TextModel, i: int, limit: int) -> int:
    """'told reporters the sector could lose', 'told Harbour News the talks stalled', 'told him it was over': a
    short noun phrase spoken to, then a clause with its own subject and verb."""
    tokens = model.tokens
    j = i
    if tokens[j].tag in ("PRP",):
        j += 1
    else:
        if tokens[j].tag == "DT":
            j += 1
        proper = j <= limit and tokens[j].proper
        while j <= limit and (tokens[j].tag.startswith("JJ") and not proper or tokens[j].noun) and j - i < 5:
            if tokens[j].proper != proper:
                break  # "reporters the sector": a common noun spoken to, then the clause's subject
            j += 1
    if j == i or j > limit:
        return i
    subject = tokens[j]
    if not (subject.tag in ("DT", "PRP", "CD", "PRP$") or subject.noun):
        return i
    for k in range(j + 1, min(j + 8, limit + 1)):
        if tokens[k].text in ",;:":
            return i
        if tokens[k].tag in ("VBD", "VBZ", "VBP", "MD") or tokens[k].tag == "VBN" and tokens[k - 1].noun:
            return j
    return i


def _past_adverbial(model: TextModel, i: int, limit: int, lexicon: Lexicon) -> int:
    """'said on Monday it was …', 'wrote in a letter the plan had failed': past a leading time phrase or a phrase
    naming the medium, to the clause."""
    tokens = model.tokens
    words = lexicon.words
    k = i
    while k <= limit and tokens[k].tag in ("IN", "TO") and tokens[k].norm != "that":
        j = k + 1
        while j <= limit and (tokens[j].tag in ("DT", "JJ", "CD", "PRP$") or tokens[j].noun) and not tokens[j].verb:
            j += 1
        phrase = tokens[k + 1 : j]
        timely = phrase and all(
            words.is_("weekday", t.norm)
            or words.is_("month", t.norm)
            or words.is_("time", t.lemma)
            or t.tag in ("DT", "JJ", "CD")
            for t in phrase
        )
        saying = phrase and any(
            m.entry.pos == "noun" for t in phrase for m in lexicon.cues.at(model, t.i, lenient=True)
        )
        if not (timely or saying) or j > limit:
            return k
        k = j + (1 if j <= limit and tokens[j].text == "," else 0)
    return k


def _bare_day(word: str, lexicon: Lexicon) -> bool:
    return any(lexicon.words.is_(category, word) for category in ("weekday", "date-today", "date-yesterday"))


_AGENT_REACH = 8  # tokens of an accuser named after "by" before what is charged


def complement(model: TextModel, cue: CueHit, lexicon: Lexicon, limit: int) -> tuple[int, int] | None:
    """The reported content after the cue, ending no later than token limit."""
    tokens = model.tokens
    i = cue.last + 1
    if i > limit:
        return None
    if cue.entry.addressee:
        i = _skip_addressee(model, i, limit)
        if i > limit:
            return None  # "… he told reporters." : nothing after the one spoken to
    hearsay = cue.passive and lexicon.words.is_("hearsay-passive", cue.entry.lemma)
    if hearsay and tokens[i].tag == "TO" and i + 1 <= limit and tokens[i + 1].tag.startswith("VB"):
        return trim(model, i + 1, limit)  # "X is said to have rejected the offer": what X is said to have done
    if cue.passive and cue.entry.accuses_object and tokens[i].norm == "by":
        k = i + 1  # "has been accused by critics of nepotism": past the accusers
        while k <= limit and k - i <= _AGENT_REACH and not lexicon.words.is_("charge-preposition", tokens[k].norm):
            k += 1
        if k <= limit and lexicon.words.is_("charge-preposition", tokens[k].norm):
            i = k
    if cue.passive and cue.entry.accuses_object and lexicon.words.is_("charge-preposition", tokens[i].norm):
        return trim(model, i + 1, limit)  # "has been accused of carrying out the massacre": what it is accused of
    that = _that_ahead(model, i, limit)
    if that is not None:
        i = that + 1
    else:
        if tokens[i].text in (",", ":") and cue.entry.pos == "verb":
            i += 1
        i = _past_adverbial(model, i, limit, lexicon)
        while i < limit and _bare_day(tokens[i].norm, lexicon) and tokens[i + 1].is_word and not tokens[i + 1].verb:
            i += 1  # "said Tuesday the shipment was delayed", "said yesterday it would appeal"
    for k in range(i, limit + 1):
        if tokens[k].text == ";":
            limit = k - 1
            break
    return trim(model, i, limit)


def before_frame(model: TextModel, start: int, frame_first: int) -> tuple[int, int] | None:
    """'C, S said.' / 'C, according to S.': the words from the clause start to the comma before the frame."""
    return trim(model, start, frame_first - 1)


def before_time_adjunct(model: TextModel, lexicon: Lexicon, first: int, last: int) -> int:
    """Where reported words end before a trailing phrase of time that dates the report, not its content ("…, a week
    after Google levelled a similar allegation", "…, two days before the vote"): the token before its comma."""
    tokens = model.tokens
    words = lexicon.words
    for k in range(first + 2, last - 2):
        if tokens[k].text != "," or tokens[k + 1].tag not in ("DT", "CD"):
            continue
        unit = k + 2
        if unit + 1 <= last and words.is_("date-unit", tokens[unit].lemma) and words.is_(
            "time-relation", tokens[unit + 1].norm
        ):
            return k - 1
    return last
