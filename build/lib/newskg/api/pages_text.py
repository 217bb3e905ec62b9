"""An article's stored text as HTML with spans highlighted: every character escaped, tags always well nested.

Spans may overlap in any way (a mention inside a quote, two quotes sharing words). The text is cut at every span
boundary and each piece is wrapped in the tags of the spans covering it, so the markup nests by construction.
Statements are <mark> (with an anchor and a link at their end); mentions are links to their actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

KIND_ORDER = {"statement": 0, "allegation": 0, "focus": 0, "mention": 1}


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str                 # 'statement', 'allegation', 'focus' (the one a page is about) or 'mention'
    href: str | None = None
    title: str = ""
    css: str = ""             # extra classes, e.g. the stance of a statement
    anchor: str | None = None


def _open_tag(h: Highlight, first_piece: bool) -> str:
    classes = " ".join(c for c in (h.kind, h.css) if c)
    anchor = f' id="{escape(h.anchor)}"' if h.anchor and first_piece else ""
    title = f' title="{escape(h.title)}"' if h.title else ""
    if h.kind == "mention" and h.href:
        return f'<a class="{escape(classes)}" href="{escape(h.href)}"{anchor}{title}>'
    return f'<mark class="{escape(classes)}"{anchor}{title}>'


def _close_tag(h: Highlight) -> str:
    return "</a>" if h.kind == "mention" and h.href else "</mark>"


def _end_link(h: Highlight) -> str:
    if h.kind == "mention" or not h.href:
        return ""
    return f'<a class="jump" href="{escape(h.href)}" title="{escape(h.title)}">&#8599;</a>'


def highlighted_text(text: str, highlights: list[Highlight]) -> Markup:
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    pieces: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [h for h in spans if h.start <= left and right <= h.end]
        # one link per piece: nested <a> is invalid, so only the innermost mention links
        mentions = sorted((h for h in covering if h.kind == "mention"), key=lambda h: h.end - h.start)
        marks = sorted((h for h in covering if h.kind != "mention"), key=lambda h: (h.start, -h.end))
        wrappers = marks + mentions[:1]
        pieces.extend(_open_tag(h, h.start == left) for h in wrappers)
        pieces.append(str(escape(text[left:right])))
        for h in reversed(wrappers):
            pieces.append(_close_tag(h))
            if h.end == right:
                pieces.append(_end_link(h))
    return Markup("".join(pieces))
