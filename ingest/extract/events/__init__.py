"""Events: what the article says happened (typed, dated against the publication date, placed)."""

from ingest.extract.events.stage import EventFinder

__all__ = ["EventFinder"]
