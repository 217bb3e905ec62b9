"""The example queries of the /sparql page (api/queries/*.rq), also run by the benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

QUERY_DIR = Path(__file__).parent / "queries"


@dataclass(frozen=True)
class CannedQuery:
    name: str  # file stem, e.g. "allegations-by-claimant"
    title: str  # the first comment line
    text: str


def load_canned_queries(directory: Path = QUERY_DIR) -> list[CannedQuery]:
    queries = []
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        title = first.lstrip("# ").strip() if first.startswith("#") else path.stem.replace("-", " ")
        queries.append(CannedQuery(path.stem, title, text))
    return queries
