"""Events: what the article says happened (typed, dated against the publication date, placed)."""

from newskg.ingest.extract.events.stage import EventFinder

__all__ = ["EventFinder"]
