"""Attribution: who said what, as the text writes it (cue.py, source.py, content.py, frames.py)."""

from ingest.extract.attribution.frames import find_statements
from ingest.extract.attribution.values import Attribution, Speaker

__all__ = ["Attribution", "Speaker", "find_statements"]
