"""The clutter rules of clutter.toml, compiled once: which lines of a page are not the article."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newskg.ingest.extract.read.vocabulary import ReadingWords, reading_words

RULES_FILE = Path(__file__).with_name("clutter.toml")
MAX_LABEL_WORDS = 12  # whole-line patterns (buttons, headings, markers) are never matched by longer lines
# Labels run together where a page's buttons sat side by side: a lower-case letter straight before a capital
# ("Read moreShare"). Three lower-case letters first, so that names such as "McLaren" are never split.
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")
_ENUMERATOR = re.compile(r"^\d{1,2}[.)]\s+")


@dataclass(frozen=True)
class Patterns:
    """A list of patterns kept apart: the regex engine scans for each one's literal start far faster than it
    can try one big alternation at every position of a long line."""

    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def compile(cls, sources: list[str], words: ReadingWords | None = None) -> Patterns:
        def expand(source: str) -> str:
            if words is None:
                return source
            return source.replace("{agency}", f"(?:{words.agency_pattern})").replace("{month}", words.any_month)

        return cls(tuple(re.compile(expand(source), re.IGNORECASE) for source in sources))

    def fullmatch(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.patterns)

    def match(self, text: str) -> bool:
        return any(p.match(text) for p in self.patterns)

    def search(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


def labels(line: str) -> list[str]:
    """The labels a line is made of: itself, or the parts of labels run together ("Read moreShare")."""
    return [part.strip() for part in _RUN_TOGETHER.split(_ENUMERATOR.sub("", line)) if part.strip()]


@dataclass(frozen=True)
class ClutterRules:
    whole_line: Patterns
    anywhere: Patterns
    short_line: Patterns
    short_line_words: int
    teaser_marker: Patterns
    teaser_prefix: Patterns
    box_heading: Patterns
    summary_heading: Patterns
    end_heading: Patterns
    end_phrase: Patterns
    caption: Patterns
    caption_label: Patterns

    def is_label(self, line: str) -> bool:
        """A button, a navigation label or a marker, alone or run together with others."""
        parts = labels(line)
        return bool(parts) and all(self.whole_line.fullmatch(part) or self.teaser_marker.fullmatch(part)
                                   for part in parts)

    def is_clutter(self, line: str) -> bool:
        """Furniture, promotion, caption or teaser: a line that is never article prose."""
        words = len(line.split())
        return bool(
            (words <= MAX_LABEL_WORDS and (self.is_label(line) or self.box_heading.fullmatch(line)
                                           or self.summary_heading.fullmatch(line)))
            or self.teaser_prefix.match(line)
            or self.anywhere.search(line)
            or self.caption.search(line)
            or self.caption_label.fullmatch(line)
            or (words <= self.short_line_words and self.short_line.search(line))
        )

    def is_teaser_marker(self, line: str) -> bool:
        """A link to another article ("Read more"), alone or among other labels run together with it."""
        return len(line.split()) <= MAX_LABEL_WORDS and self.is_label(line) and any(
            self.teaser_marker.fullmatch(part) for part in labels(line))

    def ends_article(self, line: str) -> bool:
        short = len(line.split()) <= MAX_LABEL_WORDS
        return bool((short and self.end_heading.fullmatch(line)) or self.end_phrase.search(line))


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> ClutterRules:
    with path.open("rb") as f:
        data = tomllib.load(f)
    words = reading_words()
    clutter, teaser, end = data["clutter"], data["teaser"], data["end"]
    return ClutterRules(
        whole_line=Patterns.compile(clutter["whole_line"]),
        anywhere=Patterns.compile(clutter["anywhere"]),
        short_line=Patterns.compile(clutter["short_line"]),
        short_line_words=int(clutter["short_line_words"]),
        teaser_marker=Patterns.compile(teaser["marker"]),
        teaser_prefix=Patterns.compile(teaser["prefix"]),
        box_heading=Patterns.compile(teaser["box_heading"]),
        summary_heading=Patterns.compile(teaser["summary_heading"]),
        end_heading=Patterns.compile(end["heading"]),
        end_phrase=Patterns.compile(end["phrase"]),
        caption=Patterns.compile(data["caption"]["patterns"], words),
        caption_label=Patterns.compile(data["caption"]["label"]),
    )
