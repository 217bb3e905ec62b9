"""The clutter rules of clutter.toml, compiled once: which lines of a page are not the article."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("clutter.toml")
MAX_LABEL_WORDS = 12  # whole-line patterns (buttons, headings, markers) are never matched by longer lines


@dataclass(frozen=True)
class Patterns:
    """A list of patterns kept apart: the regex engine scans for each one's literal start far faster than it
    can try one big alternation at every position of a long line."""

    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def compile(cls, sources: list[str]) -> Patterns:
        return cls(tuple(re.compile(source, re.IGNORECASE) for source in sources))

    def fullmatch(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.patterns)

    def match(self, text: str) -> bool:
        return any(p.match(text) for p in self.patterns)

    def search(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True)
class ClutterRules:
    whole_line: Patterns
    anywhere: Patterns
    short_line: Patterns
    short_line_words: int
    teaser_marker: Patterns
    teaser_prefix: Patterns
    box_heading: Patterns
    end_heading: Patterns
    end_phrase: Patterns
    caption: Patterns
    caption_label: Patterns
    kicker_genres: frozenset[str]

    def is_clutter(self, line: str) -> bool:
        """Furniture, promotion, caption or teaser: a line that is never article prose."""
        words = len(line.split())
        return (
            (
                words <= MAX_LABEL_WORDS
                and (
                    self.whole_line.fullmatch(line)
                    or self.teaser_marker.fullmatch(line)
                    or self.box_heading.fullmatch(line)
                )
            )
            or self.teaser_prefix.match(line)
            or self.anywhere.search(line)
            or self.caption.search(line)
            or self.caption_label.fullmatch(line)
            or (words <= self.short_line_words and self.short_line.search(line))
        )

    def ends_article(self, line: str) -> bool:
        short = len(line.split()) <= MAX_LABEL_WORDS
        return (short and self.end_heading.fullmatch(line)) or self.end_phrase.search(line)


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> ClutterRules:
    with path.open("rb") as f:
        data = tomllib.load(f)
    clutter, teaser, end = data["clutter"], data["teaser"], data["end"]
    return ClutterRules(
        whole_line=Patterns.compile(clutter["whole_line"]),
        anywhere=Patterns.compile(clutter["anywhere"]),
        short_line=Patterns.compile(clutter["short_line"]),
        short_line_words=int(clutter["short_line_words"]),
        teaser_marker=Patterns.compile(teaser["marker"]),
        teaser_prefix=Patterns.compile(teaser["prefix"]),
        box_heading=Patterns.compile(teaser["box_heading"]),
        end_heading=Patterns.compile(end["heading"]),
        end_phrase=Patterns.compile(end["phrase"]),
        caption=Patterns.compile(data["caption"]["patterns"]),
        caption_label=Patterns.compile(data["caption"]["label"]),
        kicker_genres=frozenset(g.lower() for g in data["kicker"]["genres"]),
    )
