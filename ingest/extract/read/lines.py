"""Each non-blank line of copied page text, labelled: article prose, a short line (heading, label), clutter, a line
shown twice (a teaser headline, a kicker), a byline, or a marker that the article has ended. Labels use the line
alone plus a few whole-page signals (repeated lines, pull quotes, teaser headlines before a "Read more" link, boxes
of links or of summary points, the cut-off last line of a truncated page)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache

from newskg.ingest.extract.read.clutter import ClutterRules
from newskg.ingest.extract.read.conventions import conventions
from newskg.ingest.extract.read.credits import credit_line, sign_off

# A sentence ends the line: terminal punctuation, then any closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_INTRODUCES_QUOTE = re.compile(r":$")
_DASH_ATTRIBUTION = re.compile(r"^[-–—―]\s*\w")
_BULLET = re.compile(r"^[•·▪●◦‣*]\s+\w")
_ITEM = re.compile(r"^[•·▪●◦‣*–-]\s+\w")  # a point of a list, bulleted or dashed
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
_QUOTED = re.compile(r"^(?:“[^“”\"]+”|\"[^“”\"]+\"|«[^«»]+»|[‘'][^“”\"]+[’'])$")  # one quotation, nothing else
# A live blog's post opens with the time it was posted: "6:55 p.m. Minister resigns", "14:05 Talks resume".
_TIMESTAMP = re.compile(r"^(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s+(?P<rest>\S.*)$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MIN_PROSE_WORDS = 3
LONG_LINE_WORDS = 30  # a line this long is prose even without a full stop (copied text loses some)
MIN_PULL_QUOTE_WORDS = 6
MAX_HEADLINE_WORDS = 20
MAX_BYLINE_WORDS = 16
MIN_LIST_ITEM_WORDS = 4
MIN_POST_HEADING_WORDS = 3
MIN_CUT_LINE_WORDS = 8  # a last line this long without a full stop was cut off, even where the page ends in a newline


class Kind(Enum):
    PROSE = "prose"
    SHORT = "short"
    CLUTTER = "clutter"
    REPEATED = "repeated"  # a title-like line the page shows twice: a teaser headline, a kicker; never body
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


def is_post_heading(text: str) -> bool:
    """A live blog post's first line: a time, then words that are not a date ("6:55 p.m. Minister resigns")."""
    match = _TIMESTAMP.match(text)
    return bool(match) and not _YEAR.search(match["rest"]) and len(
        re.findall(r"[^\W\d_]{2,}", match["rest"])) >= MIN_POST_HEADING_WORDS


def is_numbered(text: str) -> bool:
    return _NUMBERED.match(text) is not None


@lru_cache(maxsize=1)
def _post_stamp() -> re.Pattern[str]:
    labels = conventions().date_labels
    time = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\.?)?"
    return re.compile(rf"^(?:(?:{labels})\s+)*{time}(?:\s+(?:{labels}))*$", re.IGNORECASE)


def is_post_stamp(text: str) -> bool:
    """A line that is nothing but the time a live blog's post went up ("Posted at 15:48", "14:05 GMT")."""
    return _post_stamp().match(text) is not None


def is_post_marker(text: str) -> bool:
    """What opens a post of a live blog or a numbered section: its time, or its number."""
    return is_post_stamp(text) or is_numbered(text)


def looks_like_prose(text: str) -> bool:
    words = word_count(text)
    if words >= LONG_LINE_WORDS or (_BULLET.match(text) and words >= MIN_LIST_ITEM_WORDS) or is_post_heading(text):
        return True
    if SENTENCE_END.search(text):
        return words >= MIN_PROSE_WORDS
    return bool(_INTRODUCES_QUOTE.search(text)) and words >= 5


def _own_kind(text: str, rules: ClutterRules) -> Kind:
    if not re.search(r"[^\W\d_]", text):  # rules, separators, lone numbers
        return Kind.CLUTTER
    if rules.ends_article(text):
        return Kind.END
    if rules.is_clutter(text) or credit_line(text) is not None:
        return Kind.CLUTTER
    if conventions().byline.match(text) and word_count(text) <= MAX_BYLINE_WORDS:
        return Kind.BYLINE
    return Kind.PROSE if looks_like_prose(text[: sign_off(text)[1]]) else Kind.SHORT


def classify(page_lines: list[str], rules: ClutterRules, cut: bool = False) -> list[Line]:
    """Label every non-blank line; blank lines are left out (their numbers are skipped).
    cut: the page was cut off (it ends inside a line), so its last line is a paragraph's beginning."""
    lines = [Line(i, t.strip(), _own_kind(t.strip(), rules)) for i, t in enumerate(page_lines) if t.strip()]
    lines = _mark_repeats(lines)
    lines = _mark_pull_quotes(lines)
    lines = _mark_boxes(lines, rules)
    lines = _mark_teaser_headlines(lines, rules)
    return _mark_cut_last_line(lines, cut)


def _mark_repeats(lines: list[Line]) -> list[Line]:
    """A short line shown twice is a teaser headline, a caption or a kicker. Repeated prose is left to the body."""
    counts = Counter(normalised(line.text) for line in lines)
    return [replace(line, kind=Kind.REPEATED) if line.kind is Kind.SHORT and counts[normalised(line.text)] > 1
            and normalised(line.text) else line for line in lines]


def _is_pull_quote(line: Line, prose: list[tuple[int, str]], following: Line | None) -> bool:
    """A fragment or a quotation whose words all appear, in order, inside another prose line; or a quotation alone
    on its line above a dash attribution ("- Name, role"). A plain sentence the article repeats is its text."""
    if line.kind not in (Kind.PROSE, Kind.SHORT):
        return False
    quoted = _QUOTED.match(line.text) is not None
    key = f" {normalised(line.text)} "
    repeats = (quoted or not SENTENCE_END.search(line.text)) and word_count(key) >= MIN_PULL_QUOTE_WORDS and any(
        number != line.number and key in text and key != text for number, text in prose)
    return repeats or (quoted and following is not None and _is_attribution(following))


def _is_attribution(line: Line) -> bool:
    return _DASH_ATTRIBUTION.match(line.text) is not None and word_count(line.text) <= 10


def _mark_pull_quotes(lines: list[Line]) -> list[Line]:
    prose = [(line.number, f" {normalised(line.text)} ") for line in lines if line.kind is Kind.PROSE]
    out: list[Line] = []
    previous_was_pull_quote = False
    for i, line in enumerate(lines):
        is_pull_quote = _is_pull_quote(line, prose, lines[i + 1] if i + 1 < len(lines) else None)
        is_attribution = previous_was_pull_quote and _is_attribution(line)
        previous_was_pull_quote = is_pull_quote
        out.append(replace(line, kind=Kind.CLUTTER) if is_pull_quote or is_attribution else line)
    return out


def _mark_boxes(lines: list[Line], rules: ClutterRules) -> list[Line]:
    """The headlines listed under a "Related stories" heading, up to the next paragraph of prose, are links; the
    points listed right under a "Highlights" heading, up to the next blank line, are a summary. Neither is the
    article."""
    out: list[Line] = []
    in_links = in_summary = False
    for line in lines:
        follows = bool(out) and line.number == out[-1].number + 1
        if rules.box_heading.fullmatch(line.text):
            in_links = True
        elif rules.summary_heading.fullmatch(line.text):
            in_summary = True
        elif line.kind not in (Kind.SHORT, Kind.REPEATED):
            in_links = in_links and line.kind is Kind.CLUTTER
        paragraph = line.kind is Kind.PROSE and _ITEM.match(line.text) is None
        # a blank line ends it, and so does a paragraph (a page copied without blank lines)
        in_summary = in_summary and (follows and not paragraph or rules.summary_heading.fullmatch(line.text))
        point = in_summary and (line.kind in (Kind.SHORT, Kind.REPEATED) or _ITEM.match(line.text) is not None)
        link = in_links and line.kind in (Kind.SHORT, Kind.REPEATED)
        out.append(replace(line, kind=Kind.CLUTTER) if point or link else line)
    return out


def _is_headline_like(line: Line) -> bool:
    """A short line, or a short question or exclamation: what a headline looks like."""
    return line.kind in (Kind.SHORT, Kind.REPEATED) or (
        line.kind is Kind.PROSE and line.text.rstrip("\"'”’»").endswith(("?", "!"))
        and word_count(line.text) <= MAX_HEADLINE_WORDS)


def _mark_teaser_headlines(lines: list[Line], rules: ClutterRules) -> list[Line]:
    """A "Read more" link alone on its line belongs to the headline just above it, and so does a "Related:" label
    with prose after it; an "Image caption" label belongs to the caption just below it. A question headline with
    a label under it (a section's name) heads a teaser card, not a paragraph."""
    out = list(lines)
    for i in range(1, len(out)):
        following = out[i + 1] if i + 1 < len(out) else None
        label_after = rules.box_heading.fullmatch(out[i].text) and (
            following is None or not _is_headline_like(following))
        if (rules.is_teaser_marker(out[i].text) or label_after) and _is_headline_like(out[i - 1]):
            out[i - 1] = replace(out[i - 1], kind=Kind.CLUTTER)
        elif out[i - 1].kind is Kind.PROSE and _is_headline_like(out[i - 1]) and out[i].kind in (
                Kind.SHORT, Kind.REPEATED):
            out[i - 1] = replace(out[i - 1], kind=Kind.SHORT)
        if rules.caption_label.fullmatch(out[i - 1].text) and out[i].kind in (Kind.SHORT, Kind.PROSE):
            out[i] = replace(out[i], kind=Kind.CLUTTER)
    return out


def _mark_cut_last_line(lines: list[Line], cut: bool) -> list[Line]:
    """The last line of a page cut off mid-paragraph is the start of a paragraph, however short."""
    if not lines or lines[-1].kind is not Kind.SHORT:
        return lines
    last = lines[-1]
    opens_sentence = re.match(r"^[\"'‘’“”«»(]?[A-Z0-9]", last.text) is not None
    if opens_sentence and not is_numbered(last.text) and (
            (cut and word_count(last.text) >= 2) or word_count(last.text) >= MIN_CUT_LINE_WORDS):
        return [*lines[:-1], replace(last, kind=Kind.PROSE)]
    return lines
