"""Highlighting spans in an article's text: escaped text, well-nested markup, whatever the overlaps."""

from __future__ import annotations

from html.parser import HTMLParser

from newskg.api.pages_text import Highlight, highlighted_text


class _Checker(HTMLParser):
    """Collects the text and fails on any tag closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes out of order"

    def handle_data(self, data: str) -> None:
        if not self.stack or self.stack[-1] != "a" or "\u2197" not in data:
            self.text.append(data)


def _parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []
    return checker


def test_text_is_escaped_and_kept_exactly() -> None:
    text = "He wrote <script>alert('x')</script> & left."
    html = str(highlighted_text(text, [Highlight(10, 18, "mention", "/id/actor/x")]))
    assert "<script>" not in html
    checker = _parse(html)
    assert "".join(checker.text) == text
    assert [t for t, _ in checker.tags] == ["a"]


def test_overlapping_spans_nest_properly_and_keep_every_character() -> None:
    text = "Alexander said the envoy was wrong, Alexander said."
    highlights = [
        Highlight(0, 34, "statement", "/id/statement/1", anchor="s-1", css="stance-denies"),
        Highlight(10, 50, "statement", "/id/statement/2", anchor="s-2"),
        Highlight(0, 9, "mention", "/id/actor/a"),
        Highlight(30, 45, "mention", "/id/actor/b"),
        Highlight(36, 45, "mention", "/id/actor/c"),
    ]
    checker = _parse(str(highlighted_text(text, highlights)))
    assert "".join(checker.text) == text
    anchors = [attrs["id"] for _, attrs in checker.tags if attrs.get("id")]
    assert anchors == ["s-1", "s-2"]  # each anchor once, on the piece where its span starts
    # links never nest: inside the overlap of two mentions only the innermost links
    hrefs = [attrs["href"] for tag, attrs in checker.tags if tag == "a" and "mention" in (attrs.get("class") or "")]
    assert hrefs.count("/id/actor/c") == 1 and "/id/actor/b" in hrefs


def test_spans_outside_the_text_are_ignored() -> None:
    text = "short"
    html = str(highlighted_text(text, [Highlight(3, 99, "statement"), Highlight(-1, 2, "mention", "/x")]))
    assert html == "short"
