"""Find the article body in copied page text: the largest run of prose paragraphs that page furniture
does not break apart.

The page is cut into sections of consecutive prose lines. What lies between two sections (the gap) is either
an interruption inside the article (a caption, a newsletter box, a pull quote, a "Read more" teaser, one
crosshead; in a live blog, a post's heading with its author and role) or a boundary (a byline, an end-of-article
marker such as a footer or a "related stories" list, or a block of several headings, which is how a teaser of
another article starts). Sections joined by interruptions form a group; the group with the most prose is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskg.ingest.extract.read.clutter import ClutterRules, load_rules
from newskg.ingest.extract.read.lines import SENTENCE_END, Kind, Line, classify, is_post_marker, normalised

MAX_HEADINGS_IN_ARTICLE_GAP = 1  # one crosshead can sit inside an article; two headings start another piece
MAX_POST_HEADING_LINES = 3  # a live blog post's time or number with its heading, or its author and the author's role
MIN_POSTS = 2
MAX_ARTICLE_GAP_LINES = 5  # longer runs of furniture mean the article has ended
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 50, 100
WRAP_FILL = 0.6


@dataclass(frozen=True)
class PageParts:
    """The page's labelled lines split around the body. body holds its prose lines in order; lines all of them."""

    header: list[Line]
    body: list[Line]
    footer: list[Line]
    lines: list[Line]


@dataclass(frozen=True)
class _Section:
    gap_before: list[Line]
    prose: list[Line]


def _sections(lines: list[Line]) -> list[_Section]:
    sections: list[_Section] = []
    gap_before: list[Line] = []
    gap: list[Line] = []
    prose: list[Line] = []
    for line in lines:
        if line.kind is not Kind.PROSE:
            gap.append(line)
            continue
        if prose and gap:
            sections.append(_Section(gap_before=gap_before, prose=prose))
            prose = []
        if not prose:
            gap_before, gap = gap, []
        prose.append(line)
    if prose:
        sections.append(_Section(gap_before=gap_before, prose=prose))
    return sections


def _is_boundary(gap: list[Line], max_headings: int, live: bool) -> bool:
    """A teaser headline shown twice counts as a heading; in a live blog a post's time or number may bring its
    heading, or its author's name and role, along."""
    headings = [line for line in gap if line.kind in (Kind.SHORT, Kind.REPEATED)]
    if live and any(is_post_marker(line.text) for line in gap):
        max_headings = max(max_headings, MAX_POST_HEADING_LINES)
    return (
        any(line.kind in (Kind.END, Kind.BYLINE) for line in gap)
        or len(headings) > max_headings
        or len(gap) > MAX_ARTICLE_GAP_LINES
    )


def _groups(sections: list[_Section], max_headings: int, live: bool) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for section in sections:
        if not groups or _is_boundary(section.gap_before, max_headings, live):
            groups.append([])
        groups[-1].extend(section.prose)
    return groups


def _is_live_blog(lines: list[Line]) -> bool:
    """Posts under their times ("Posted at 15:48") or numbers ("1. ...", "2. ..."): a live blog, or a numbered list
    of sections."""
    return sum(1 for line in lines if line.kind is not Kind.PROSE and is_post_marker(line.text)) >= MIN_POSTS


def _without_leading_summary(body: list[Line]) -> list[Line]:
    """A summary shown above the article repeats one of its paragraphs word for word: the later copy is the body's."""
    while len(body) > 1 and normalised(body[0].text) in {normalised(line.text) for line in body[1:]}:
        body = body[1:]
    return body


def _is_hard_wrapped(block: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width: all but the last nearly as long as the longest,
    the longest no longer than a terminal is wide, most of them ending mid-sentence, the last ending one."""
    if len(block) < 2 or not SENTENCE_END.search(block[-1]):
        return False
    widest = max(len(line) for line in block)
    body = block[:-1]
    mid_sentence = sum(1 for line in body if not SENTENCE_END.search(line.rstrip()))
    return (
        MIN_WRAP_WIDTH <= widest <= MAX_WRAP_WIDTH
        and all(len(line) >= WRAP_FILL * widest for line in body)
        and mid_sentence * 2 >= len(body)
    )


def unwrap(text: str) -> str:
    """Join hard-wrapped paragraphs (e-mailed or terminal-formatted text) into one line each."""
    blocks = re.split(r"\n[ \t]*\n", text)
    out = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        out.append(" ".join(lines) if _is_hard_wrapped(lines) else block)
    return "\n\n".join(out)


def split_page(text: str, rules: ClutterRules | None = None,
               max_headings: int = MAX_HEADINGS_IN_ARTICLE_GAP, cut: bool = False) -> PageParts:
    """Split page text around its body; body is empty when the page has no article prose at all.
    max_headings: headings one gap inside the article may hold (more where a extractor already kept only the
    main content, whose subheadings come in pairs). cut: the page was cut off inside its last line."""
    lines = classify(unwrap(text).splitlines(), rules or load_rules(), cut)
    groups = _groups(_sections(lines), max_headings, _is_live_blog(lines))
    if not groups:
        return PageParts(header=lines, body=[], footer=[], lines=lines)
    body = _without_leading_summary(max(groups, key=lambda group: sum(len(line.text) for line in group)))
    first, last = body[0].number, body[-1].number
    return PageParts(
        header=[line for line in lines if line.number < first],
        body=body,
        footer=[line for line in lines if line.number > last],
        lines=lines,
    )
