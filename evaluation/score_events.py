"""`python -m evaluation.score_events [-v] [NAME-PREFIX]`: events against the gold events of the texts written for the
project (evaluation/gold/unseen/attr*.statements.json, key "events": type, date, evidence fragment).

A gold event is found when the extraction has an event with the gold date and a type equal to, broader or narrower
than the gold type (ontology/vocabularies.ttl, skos:broader). The gold lists the events an analyst would date, not
every event a text names, so "matching" (predicted events that find a gold event) is a floor on precision, not
precision. -v prints each article's missed gold events and its unmatched predictions.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from newskg.ingest.extract import Extractor
from newskg.ingest.extract.events.merge import related
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import Event
from newskg.ingest.resources import PROJECT_ROOT

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "unseen"
PATTERN = "attr*.statements.json"


@dataclass
class EventCounts:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    matching: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: EventCounts) -> None:
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.matching += other.matching


def _fits(event: Event, gold: dict, broader: dict[str, str]) -> bool:
    return event.date == gold["date"] and related(event.type, gold["type"], broader)


def count_events(gold_events: list[dict], events: list[Event], broader: dict[str, str]) -> EventCounts:
    counts = EventCounts(gold=len(gold_events), predicted=len(events))
    for item in gold_events:
        if any(_fits(e, item, broader) for e in events):
            counts.found += 1
        else:
            counts.misses.append(f"missed: {item['type']} {item['date']} ({item['evidence']!r})")
    for event in events:
        if any(_fits(event, item, broader) for item in gold_events):
            counts.matching += 1
        else:
            counts.misses.append(f"unmatched: {event.type} {event.date} ({event.label[:60]!r})")
    return counts


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}" + (f" ({part / whole:.2f})" if whole else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.score_events", description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print each article's misses")
    parser.add_argument("prefix", nargs="?", default="", help="only the articles whose name starts so (attr2-)")
    args = parser.parse_args(argv)
    extractor = Extractor.load(IriMinter("http://127.0.0.1:8000/"))
    broader = extractor.lexicon.event_types
    total = EventCounts()
    print("| article | gold events found | predicted events | predicted matching a gold event |")
    print("|---|---|---|---|")
    for path in sorted(GOLD_DIR.glob(PATTERN)):
        name = path.name.split(".")[0]
        if not name.startswith(args.prefix):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        extraction = extractor.extract_file(PROJECT_ROOT / gold["article"])
        counts = count_events(gold.get("events", []), extraction.events, broader)
        total.add(counts)
        print(
            f"| {name} | {_ratio(counts.found, counts.gold)} | {counts.predicted} | "
            f"{_ratio(counts.matching, counts.predicted)} |"
        )
        if args.verbose and counts.misses:
            print("\n".join(f"|   {m} | | | |" for m in counts.misses))
    print(
        f"| all | {_ratio(total.found, total.gold)} | {total.predicted} | {_ratio(total.matching, total.predicted)} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
