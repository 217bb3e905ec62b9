"""Attribution: who said what, as the text writes it (cue.py, source.py, content.py, frames.py)."""

from newskg.ingest.extract.attribution.frames import find_statements
from newskg.ingest.extract.attribution.values import Attribution, Speaker

__all__ = ["Attribution", "Speaker", "find_statements"]
