"""The article's actor mentions in text order, for the attribution stages: which actor is named where."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.model import Actor


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    actor: Actor


class ActorIndex:
    def __init__(self, actors: list[Actor]) -> None:
        refs = {(m.start, m.end, a.iri): MentionRef(m.start, m.end, a) for a in actors for m in a.mentions}
        # a mention nested in a longer one ("Varenia" in "Defence Ministry of Varenia") stays: both are named
        self.mentions = sorted(refs.values(), key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self.by_iri = {a.iri: a for a in actors}

    def within(self, start: int, end: int) -> list[MentionRef]:
        """Mentions lying wholly inside [start, end)."""
        found = []
        for ref in self.mentions[bisect_left(self._starts, start):]:
            if ref.start >= end:
                break
            if ref.end <= end:
                found.append(ref)
        return found

    def outermost_within(self, start: int, end: int) -> list[MentionRef]:
        """Mentions inside [start, end) that are not nested in another mention there."""
        result: list[MentionRef] = []
        for ref in self.within(start, end):
            if result and ref.start < result[-1].end:
                continue
            result.append(ref)
        return result

    def starting_at(self, offset: int) -> MentionRef | None:
        """The longest mention beginning exactly at the offset."""
        i = bisect_left(self._starts, offset)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start == offset else None

    def before(self, offset: int) -> Iterator[MentionRef]:
        """Mentions ending at or before the offset, nearest first."""
        candidates = [m for m in self.mentions[:bisect_left(self._starts, offset)] if m.end <= offset]
        return iter(sorted(candidates, key=lambda m: (-m.end, m.start)))

    def covering(self, start: int, end: int) -> MentionRef | None:
        """The longest mention that covers [start, end)."""
        best: MentionRef | None = None
        for ref in self.mentions[:bisect_left(self._starts, start + 1)]:
            if ref.start <= start and ref.end >= end and (best is None or ref.end - ref.start > best.end - best.start):
                best = ref
        return best
