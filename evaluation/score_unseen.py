"""Score the whole attribution stage on held-out articles: evaluation/gold/unseen/*.statements.json.

The gold files there are written from articles the rules were not tuned on, in other outlets' styles. Statements are
scored as score_statements does (content overlap, speaker, cue, stance). Each file may also give allegations (accused,
claimants, names that must never be claimants, and fragments of the statements that support or contest them) and dated
events (found when one has the gold date and a type equal to, broader or narrower than the gold type); allegations
are scored over every allegation the extractor made against the gold accused. `python -m
evaluation.score_unseen [-v] [NAME-PREFIX]` (e.g. `attr2-`) prints the tables and exits non-zero when a statement target is missed.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.score_statements import (TARGETS, Counts, _name, count_statements, figures, gold_spans)
from ingest.extract.extractor import Extractor
from ingest.extract.lexicon import Lexicon
from ingest.iris import IriMinter
from ingest.model import Actor, Allegation, Extraction
from ingest.resources import PROJECT_ROOT

UNSEEN_DIR = Path(__file__).resolve().parent / "gold" / "unseen"


@dataclass
class LinkCounts:
    """Allegation and event figures over a set of articles."""

    claimants_gold: int = 0
    claimants_found: int = 0
    deniers_as_claimants: int = 0
    supports_gold: int = 0
    supports_found: int = 0
    contests_gold: int = 0
    contests_found: int = 0
    wrong_side: int = 0
    events_gold: int = 0
    events_found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: LinkCounts) -> None:
        for name in ("claimants_gold", "claimants_found", "deniers_as_claimants", "supports_gold", "supports_found",
                     "contests_gold", "contests_found", "wrong_side", "events_gold", "events_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _names_of(actor: Actor) -> set[str]:
    return {_name(n) for n in [actor.label, *actor.aliases, *(m.text for m in actor.mentions)] if n}


def _named(actor: Actor | None, wanted: list[str]) -> bool:
    if actor is None:
        return False
    found = _names_of(actor)
    return any(w and f and (w == f or f" {w} " in f" {f} ") for w in map(_name, wanted) for f in found)


def _score_links(gold: dict, extraction: Extraction, counts: Counts, lexicon: Lexicon) -> LinkCounts:
    links = LinkCounts()
    actors = {a.iri: a for a in extraction.actors}
    statements = extraction.statements
    spans = gold_spans(gold, extraction.article.text)

    def predicted_iri(fragment: str) -> str | None:
        for number, item in enumerate(gold["statements"]):
            if fragment in item["text"] and spans[number] is not None and number in counts.matched:
                return statements[counts.matched[number]].iri
        return None

    for item in gold.get("allegations", []):
        against: list[Allegation] = [a for a in extraction.allegations
                                     if any(_named(actors.get(iri), item["accused"]) for iri in a.accused)]
        claimants = [actors.get(iri) for a in against for iri in a.claimants]
        links.claimants_gold += len(item["claimants"])
        for name in item["claimants"]:
            if any(_named(c, [name]) for c in claimants):
                links.claimants_found += 1
            else:
                links.misses.append(f"claimant missing: {name!r} (accused {item['accused'][0]!r})")
        for c in claimants:
            if c is not None and _named(c, item["not_claimants"]):
                links.deniers_as_claimants += 1
                links.misses.append(f"listed as claimant but is not: {c.label!r}")
        supporting = {iri for a in against for iri in a.supported_by}
        contesting = {iri for a in against for iri in a.contested_by}
        for side, fragments, wanted, other in (("supports", item["supported_by"], supporting, contesting),
                                               ("contests", item["contested_by"], contesting, supporting)):
            setattr(links, f"{side}_gold", getattr(links, f"{side}_gold") + len(fragments))
            for fragment in fragments:
                iri = predicted_iri(fragment)
                if iri and iri in wanted:
                    setattr(links, f"{side}_found", getattr(links, f"{side}_found") + 1)
                    continue
                links.wrong_side += bool(iri and iri in other)
                links.misses.append(f"{side} not linked{' (on the other side)' if iri in other else ''}: {fragment!r}")
    for event in gold.get("events", []):
        links.events_gold += 1
        if any(e.date == event["date"] and lexicon.related_types(e.type, event["type"]) for e in extraction.events):
            links.events_found += 1
        else:
            links.misses.append(f"event missing: {event['type']} {event['date']} ({event['evidence']!r})")
    return links


def _ratio(found: int, total: int) -> str:
    return f"{found}/{total}" + (f" ({found / total:.2f})" if total else "")


def main(verbose: bool = False, prefix: str = "") -> int:
    extractor = Extractor.load(IriMinter("http://127.0.0.1:8000/"))
    total, total_links = Counts(), LinkCounts()
    rows = []
    for path in sorted(UNSEEN_DIR.glob(f"{prefix}*.statements.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        extraction = extractor.extract_file(PROJECT_ROOT / gold["article"])
        counts = count_statements(gold, extraction.article.text, extraction.actors, extraction.statements)
        links = _score_links(gold, extraction, counts, extractor.lexicon)
        total.add(counts)
        total_links.add(links)
        name = path.name.split(".")[0]
        rows.append((name, counts, links))
        if verbose:
            print(f"  {name}: published {extraction.article.date} (gold {gold.get('published')})")
            print("\n".join(f"  {name}: {m}" for m in counts.misses + links.misses))
    columns = ["content_overlap_f1", "content_exact_f1", "speaker_p", "speaker_r", "speaker_f1", "cue_f1",
               "stance_accuracy", "fine_stance_accuracy"]
    print("| article | gold | predicted | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 3) + "|")
    for name, counts, _ in rows + [("all", total, total_links)]:
        values = figures(counts)
        cells = " | ".join(f"{values[c]:.3f}" for c in columns)
        print(f"| {name} | {counts.gold} | {counts.predicted} | {cells} |")
    print("\n| article | claimants found | deniers listed as claimants | supporting linked | contesting linked "
          "| linked on the wrong side | events found |")
    print("|---" * 7 + "|")
    for name, _, links in rows + [("all", total, total_links)]:
        link_cells = [_ratio(links.claimants_found, links.claimants_gold), str(links.deniers_as_claimants),
                 _ratio(links.supports_found, links.supports_gold), _ratio(links.contests_found, links.contests_gold),
                 str(links.wrong_side), _ratio(links.events_found, links.events_gold)]
        print(f"| {name} | " + " | ".join(link_cells) + " |")
    overall = figures(total)
    missed = [f"{name} {overall[name]:.3f} < {target}" for name, target in TARGETS.items() if overall[name] < target]
    print("targets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    names = [a for a in sys.argv[1:] if not a.startswith("-")]
    sys.exit(main(verbose="-v" in sys.argv, prefix=names[0] if names else ""))
