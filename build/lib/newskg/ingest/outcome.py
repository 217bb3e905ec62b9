"""How one article's ingest ended, and what a batch adds up to. Invalid data is a result, not a crash."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    ACCEPTED = "accepted"   # written (or, in a dry run, would be)
    REJECTED = "rejected"   # read and extracted, but the graph does not conform: nothing written
    FAILED = "failed"       # could not be read or extracted: nothing written
    SKIPPED = "skipped"     # not an article (an image, an archive …): not read, not an error


@dataclass
class Outcome:
    source: str
    status: Status
    message: str
    article_iri: str | None = None
    graph_iri: str | None = None
    triples: int = 0
    report: Any = None   # ingest.validation.ValidationReport when rejected
    timings: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False   # accepted, and the store already held exactly this graph: nothing was written
    retryable: bool = False  # failed for want of the store, not because of the article: worth trying again

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"source": self.source, "status": self.status.value, "message": self.message,
                                "article": self.article_iri, "graph": self.graph_iri, "triples": self.triples}
        if self.report is not None:
            data["report"] = self.report.to_json()
        return data


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    not_attempted: list[str] = field(default_factory=list)   # left when the store went away mid-batch

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def ok(self) -> bool:
        """Every article was accepted (skipped files are not articles, and no error), and none was left undone."""
        return not self.not_attempted and all(o.status in (Status.ACCEPTED, Status.SKIPPED) for o in self.outcomes)

    def summary(self) -> str:
        unchanged = sum(1 for o in self.outcomes if o.unchanged)
        accepted = f"{self.count(Status.ACCEPTED)} accepted" + (f" ({unchanged} unchanged)" if unchanged else "")
        skipped = f", {self.count(Status.SKIPPED)} skipped" if self.count(Status.SKIPPED) else ""
        counts = f"{accepted}, {self.count(Status.REJECTED)} rejected, {self.count(Status.FAILED)} failed{skipped}"
        if not self.not_attempted:
            return counts
        return (f"{counts}; stopped: the store could not be written, {len(self.not_attempted)} article(s) not "
                "attempted. Run the same command again when the store is back: articles already written are "
                "left as they are")
