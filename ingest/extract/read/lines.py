"""Each non-blank line of copied page text, labelled: article prose, a short line (heading, label), clutter,
a byline, or a marker that the article has ended. Labels use the line alone plus a few whole-page signals
(repeated lines, pull quotes that repeat a body sentence, teaser headlines before a "Read more" link)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum

from ingest.extract.read.clutter import ClutterRules

# A sentence ends the line: terminal punctuation, then any closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_INTRODUCES_QUOTE = re.compile(r":$")
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|story by)\s+\S", re.IGNORECASE)
_DASH_ATTRIBUTION = re.compile(r"^[-–—―]\s*\w")
MIN_PROSE_WORDS = 3
LONG_LINE_WORDS = 30  # a line this long is prose even without a full stop (copied text loses some)
MIN_PULL_QUOTE_WORDS = 6
MAX_BYLINE_WORDS = 16
MIN_LIST_ITEM_WORDS = 4
_LIST_ITEM = re.compile(r"^(?:[•·▪●◦‣*]|\d{1,2}[.)])\s+\w")


class Kind(Enum):
    PROSE = "prose"
    SHORT = "short"
    CLUTTER = "clutter"
    BYLINE = "byline"
    END = "end"


@dataclass(frozen=True)
class Line:
    number: int  # index in the page's list of lines
    text: str  # stripped
    kind: Kind


def word_count(text: str) -> int:
    return len(text.split())


def normalised(text: str) -> str:
    """Letters and digits only, lowercase, single spaces: for comparing lines that differ in quotes or spacing."""
    return " ".join(re.findall(r"\w+", text.lower()))


def looks_like_prose(text: str) -> bool:
    words = word_count(text)
    if words >= LONG_LINE_WORDS or (_LIST_ITEM.match(text) and words >= MIN_LIST_ITEM_WORDS):
        return True
    if SENTENCE_END.search(text):
        return words >= MIN_PROSE_WORDS
    return bool(_INTRODUCES_QUOTE.search(text)) and words >= 5


def _own_kind(text: str, rules: ClutterRules) -> Kind:
    if not re.search(r"[^\W\d_]", text):  # rules, separators, lone numbers
        return Kind.CLUTTER
    if rules.ends_article(text):
        return Kind.END
    if rules.is_clutter(text):
        return Kind.CLUTTER
    if _BYLINE.match(text) and word_count(text) <= MAX_BYLINE_WORDS:
        return Kind.BYLINE
    return Kind.PROSE if looks_like_prose(text) else Kind.SHORT


def classify(page_lines: list[str], rules: ClutterRules) -> list[Line]:
    """Label every non-blank line; blank lines are left out (their numbers are skipped)."""
    lines = [Line(i, t.strip(), _own_kind(t.strip(), rules)) for i, t in enumerate(page_lines) if t.strip()]
    lines = _mark_repeats(lines)
    lines = _mark_pull_quotes(lines)
    lines = _mark_link_boxes(lines, rules)
    return _mark_teaser_headlines(lines, rules)


def _mark_repeats(lines: list[Line]) -> list[Line]:
    """A repeated line is a caption, a teaser headline or a kicker shown twice; repeated prose keeps its first copy."""
    counts = Counter(normalised(line.text) for line in lines)
    seen: set[str] = set()
    out = []
    for line in lines:
        key = normalised(line.text)
        repeated = counts[key] > 1 and bool(key)
        first_prose = line.kind is Kind.PROSE and key not in seen
        seen.add(key)
        keep = not repeated or first_prose or line.kind is Kind.END
        out.append(line if keep else replace(line, kind=Kind.CLUTTER))
    return out


def _mark_pull_quotes(lines: list[Line]) -> list[Line]:
    """A line whose words all appear, in order, inside another prose line is a pull quote;
    a short dash line right after one ("- Name, role") is its attribution."""
    prose = [(line.number, f" {normalised(line.text)} ") for line in lines if line.kind is Kind.PROSE]
    out: list[Line] = []
    previous_was_pull_quote = False
    for line in lines:
        key = f" {normalised(line.text)} "
        is_pull_quote = (
            line.kind in (Kind.PROSE, Kind.SHORT)
            and word_count(key) >= MIN_PULL_QUOTE_WORDS
            and any(number != line.number and key in text and key != text for number, text in prose)
        )
        is_attribution = (
            previous_was_pull_quote and _DASH_ATTRIBUTION.match(line.text) is not None and word_count(line.text) <= 10
        )
        previous_was_pull_quote = is_pull_quote
        out.append(replace(line, kind=Kind.CLUTTER) if is_pull_quote or is_attribution else line)
    return out


def _mark_link_boxes(lines: list[Line], rules: ClutterRules) -> list[Line]:
    """The headlines listed under a "Related stories" heading, up to the next prose, are links, not headings."""
    out: list[Line] = []
    in_box = False
    for line in lines:
        if rules.box_heading.fullmatch(line.text):
            in_box = True
        elif line.kind is not Kind.SHORT:
            in_box = in_box and line.kind is Kind.CLUTTER
        out.append(replace(line, kind=Kind.CLUTTER) if in_box and line.kind is Kind.SHORT else line)
    return out


def _mark_teaser_headlines(lines: list[Line], rules: ClutterRules) -> list[Line]:
    """A "Read more" link alone on its line belongs to the headline just above it; an "Image caption" label
    to the caption just below it."""
    out = list(lines)
    for i in range(1, len(out)):
        if rules.teaser_marker.fullmatch(out[i].text) and out[i - 1].kind is Kind.SHORT:
            out[i - 1] = replace(out[i - 1], kind=Kind.CLUTTER)
        if rules.caption_label.fullmatch(out[i - 1].text) and out[i].kind in (Kind.SHORT, Kind.PROSE):
            out[i] = replace(out[i], kind=Kind.CLUTTER)
    return out
