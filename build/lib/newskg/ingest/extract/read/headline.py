"""The page's headline and standfirst, from the title-like lines above the byline.

The headline comes before its standfirst; image alt texts, section names and mastheads may come before both, and
captions after. Captions, credits, dates, kickers, datelines, numbered headings and live-blog post headings are never
the headline; nor is a line ending in a full stop (a sentence: a standfirst at most), nor the outlet's masthead.
"""

from __future__ import annotations

import re

from newskg.ingest.extract.read.conventions import conventions
from newskg.ingest.extract.read.dateline import dateline_line
from newskg.ingest.extract.read.dates import date_in
from newskg.ingest.extract.read.lines import Kind, Line, is_numbered, is_post_heading, normalised, word_count

MIN_HEADLINE_WORDS = 3
MIN_STANDFIRST_WORDS = 8
MAX_MASTHEAD_WORDS = 4
MAX_LABEL_WORDS = 4
MAX_HEADLINE_WORDS = 20
KICKER = re.compile(r"^(?P<genre>[^|·•]{2,30}?)\s*[|·•]\s*(?P<name>[^|·•]{2,50})$")


def is_masthead(text: str, publisher: str | None) -> bool:
    """The outlet's name standing alone: 'The Daily Courier', 'Harbour Evening Post', 'Valley News 7'."""
    if publisher and normalised(text) == normalised(publisher):
        return True
    tokens = re.sub(r"(\s+\d+)+$", "", text).split()
    masthead = conventions().words.masthead
    return (len(tokens) <= MAX_MASTHEAD_WORDS and all(t[:1].isupper() for t in tokens)
            and tokens[-1].lower() in masthead
            and (tokens[0] == "The" or any(t.lower() in masthead for t in tokens[:-1])))


def _is_candidate(line: Line, publisher: str | None) -> bool:
    text = line.text
    return (
        line.kind in (Kind.SHORT, Kind.PROSE, Kind.REPEATED)
        and word_count(text) >= MIN_HEADLINE_WORDS
        and not KICKER.match(text)
        and date_in(text) is None
        and not is_numbered(text)
        and not is_post_heading(text)
        and dateline_line(text) is None
        and not is_masthead(text, publisher)
    )


def _can_head(text: str) -> bool:
    return not text.endswith(".") or text.endswith("...")


def _is_label(text: str) -> bool:
    """A section's, a category's or an outlet's name: a few words in capitals ("LOCAL NEWS"), or capitalised names
    joined by a connector ("Science and Technology")."""
    connectors = conventions().words.name_connectors
    tokens = text.split()
    if len(tokens) > MAX_LABEL_WORDS:
        return False
    return text.isupper() or (all(t[:1].isupper() or t.lower() in connectors for t in tokens)
                              and any(t.lower() in connectors for t in tokens))


def headline_and_standfirst(header: list[Line], publisher: str | None) -> tuple[str | None, str | None]:
    """The last headline followed by a longer standfirst; else the first line that can be a headline (passing over
    section labels before it), with the line after it as its standfirst."""
    candidates = list(dict.fromkeys(line.text for line in header if _is_candidate(line, publisher)))
    pairs = [i for i in range(len(candidates) - 1)
             if _can_head(candidates[i]) and not _is_label(candidates[i])
             and word_count(candidates[i + 1]) >= MIN_STANDFIRST_WORDS
             and word_count(candidates[i + 1]) > word_count(candidates[i])]
    if pairs:
        return candidates[pairs[-1]], candidates[pairs[-1] + 1]
    heads = [i for i, text in enumerate(candidates) if _can_head(text)]
    if not heads and len(candidates) == 1 and word_count(candidates[0]) <= MAX_HEADLINE_WORDS:
        return candidates[0], None  # a headline with a full stop, alone above the body
    first = next((i for i in heads if not _is_label(candidates[i])), heads[0] if heads else None)
    if first is None:
        return None, None
    return candidates[first], candidates[first + 1] if first + 1 < len(candidates) else None
