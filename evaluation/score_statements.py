"""Score statement extraction (who said what) against the gold files evaluation/gold/<seed>.statements.json.

Measured as the BBC Citron / PARC 3.0 reports do: content P/R/F1 with overlap and exact matching; speaker and cue
P/R/F1 over statements whose contents overlap; stance accuracy (four-way report values and the fine scheme); and
whether a quote two articles share lands in one cross-article cluster. `python -m evaluation.score_statements` prints
the table and exits non-zero when a target is missed.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ingest.extract.actors import find_actors
from ingest.extract.attribution import find_statements
from ingest.extract.lexicon import load_lexicon
from ingest.extract.reading import read_file
from ingest.extract.registry import load_registry
from ingest.iris import IriMinter
from ingest.model import Actor, Statement
from ingest.resources import PROJECT_ROOT

GOLD_DIR = Path(__file__).resolve().parent / "gold"
TARGETS = {"speaker_f1": 0.90, "content_overlap_f1": 0.90, "stance_accuracy": 0.85}
REPORT_STANCE = {"confirms": "supports", "dismisses": "denies", "assesses": "neutral"}
_LEADING = re.compile(r"^(?:a|an|the|other|dr\.?)\s+")


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    overlap: int = 0
    exact: int = 0
    speaker_ok: int = 0
    predicted_speakers: int = 0
    cue_ok: int = 0
    predicted_cues: int = 0
    stance_ok: int = 0
    fine_stance_ok: int = 0
    direct_ok: int = 0
    clusters: dict[str, list[str | None]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    matched: dict[int, int] = field(default_factory=dict)  # gold statement index -> predicted statement index

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "overlap", "exact", "speaker_ok", "predicted_speakers", "cue_ok",
                     "predicted_cues", "stance_ok", "fine_stance_ok", "direct_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, values in other.clusters.items():
            self.clusters.setdefault(key, []).extend(values)


def f1(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _name(text: str) -> str:
    folded = re.sub(r"[^\w\s-]", " ", text.lower().replace("’", "'"))
    return _LEADING.sub("", " ".join(folded.split()))


def speaker_matches(gold: dict, predicted: Statement, actors: dict[str, Actor]) -> bool:
    if gold["speaker"] is None:
        return predicted.speaker is None and predicted.speaker_label is None
    names = [predicted.speaker_label or ""]
    if predicted.speaker and predicted.speaker in actors:
        actor = actors[predicted.speaker]
        names += [actor.label, *actor.aliases, *(m.text for m in actor.mentions)]
    wanted = {_name(n) for n in [gold["speaker"], *gold.get("speaker_aliases", [])]}
    found = {_name(n) for n in names if n}
    return any(w and f and (w == f or f" {w} " in f" {f} " or f" {f} " in f" {w} ") for w in wanted for f in found)


def _locate(text: str, wanted: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    start = text.find(wanted)
    while start != -1:
        span = (start, start + len(wanted))
        if span not in taken:
            return span
        start = text.find(wanted, start + 1)
    return None


def score_article(gold_path: Path, minter: IriMinter) -> Counts:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = read_file(PROJECT_ROOT / gold["article"])
    actors = find_actors(doc, load_registry(minter), minter)
    return count_statements(gold, doc.text, actors, find_statements(doc, actors, load_lexicon(), minter))


def gold_spans(gold: dict, text: str) -> list[tuple[int, int] | None]:
    """Each gold statement's span in the article text (a repeated text takes its next occurrence)."""
    taken: set[tuple[int, int]] = set()
    spans = []
    for item in gold["statements"]:
        span = _locate(text, item["text"], taken)
        if span is not None:
            taken.add(span)
        spans.append(span)
    return spans


def count_statements(gold: dict, text: str, actors: list[Actor], predicted: list[Statement]) -> Counts:
    """Compare predicted statements with a gold file's statements (greedy, best overlap first in gold order)."""
    by_iri = {a.iri: a for a in actors}
    counts = Counts(gold=len(gold["statements"]), predicted=len(predicted))
    counts.predicted_speakers = len(predicted)  # "no speaker" is a decision too, right when the text gives none
    counts.predicted_cues = sum(1 for s in predicted if s.cue)
    used: set[int] = set()
    for number, (item, span) in enumerate(zip(gold["statements"], gold_spans(gold, text))):
        if span is None:
            counts.misses.append(f"gold text not in article body: {item['text'][:60]!r}")
            continue
        overlaps = [(min(span[1], s.content.end) - max(span[0], s.content.start), i) for i, s in enumerate(predicted)
                    if i not in used and s.content.start < span[1] and span[0] < s.content.end]
        if not overlaps:
            counts.misses.append(f"missed: [{item['speaker']}] {item['text'][:70]!r}")
            if "cluster_key" in item:
                counts.clusters.setdefault(item["cluster_key"], []).append(None)
            continue
        best = predicted[max(overlaps)[1]]
        used.add(max(overlaps)[1])
        counts.matched[number] = max(overlaps)[1]
        counts.overlap += 1
        counts.exact += (best.content.start, best.content.end) == span
        counts.speaker_ok += speaker_matches(item, best, by_iri)
        counts.cue_ok += best.cue is not None and best.cue.text.lower() == item["cue"].lower()
        counts.fine_stance_ok += best.stance == item["stance"]
        counts.stance_ok += REPORT_STANCE.get(best.stance, best.stance) == REPORT_STANCE.get(item["stance"], item["stance"])
        counts.direct_ok += best.direct == item["direct"]
        if not speaker_matches(item, best, by_iri):
            counts.misses.append(f"speaker: gold {item['speaker']!r}, got {best.speaker_label!r}: {item['text'][:50]!r}")
        if best.stance != item["stance"]:
            counts.misses.append(f"stance: gold {item['stance']}, got {best.stance}: {item['text'][:50]!r}")
        if "cluster_key" in item:
            counts.clusters.setdefault(item["cluster_key"], []).append(best.cluster)
    for i, s in enumerate(predicted):
        if i not in used:
            counts.misses.append(f"extra: [{s.speaker_label}] {s.content.text[:70]!r}")
    return counts


def figures(counts: Counts) -> dict[str, float]:
    content = f1(counts.overlap, counts.predicted, counts.gold)
    exact = f1(counts.exact, counts.predicted, counts.gold)
    speaker = f1(counts.speaker_ok, counts.predicted_speakers, counts.gold)
    cue = f1(counts.cue_ok, counts.predicted_cues, counts.gold)
    matched = counts.overlap or 1
    return {"content_overlap_p": content[0], "content_overlap_r": content[1], "content_overlap_f1": content[2],
            "content_exact_f1": exact[2], "speaker_p": speaker[0], "speaker_r": speaker[1], "speaker_f1": speaker[2],
            "cue_f1": cue[2], "stance_accuracy": counts.stance_ok / matched,
            "fine_stance_accuracy": counts.fine_stance_ok / matched, "direct_accuracy": counts.direct_ok / matched}


def clusters_linked(counts: Counts) -> dict[str, bool]:
    return {key: len(values) > 1 and None not in values and len(set(values)) == 1
            for key, values in counts.clusters.items()}


def main(verbose: bool = False) -> int:
    minter = IriMinter("http://127.0.0.1:8000/")
    total = Counts()
    rows = []
    for path in sorted(GOLD_DIR.glob("*.statements.json")):
        counts = score_article(path, minter)
        total.add(counts)
        rows.append((path.name.split(".")[0], counts))
        if verbose:
            print("\n".join(f"  {path.name.split('.')[0]}: {m}" for m in counts.misses))
    columns = ["content_overlap_f1", "content_exact_f1", "speaker_p", "speaker_r", "speaker_f1", "cue_f1",
               "stance_accuracy", "fine_stance_accuracy", "direct_accuracy"]
    print("| article | gold | predicted | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 3) + "|")
    for name, counts in rows + [("all", total)]:
        values = figures(counts)
        print(f"| {name} | {counts.gold} | {counts.predicted} | " + " | ".join(f"{values[c]:.3f}" for c in columns) + " |")
    linked = clusters_linked(total)
    print("\ncross-article quote clusters linked: " + ", ".join(f"{k}={'yes' if v else 'NO'}" for k, v in linked.items()))
    overall = figures(total)
    missed = [f"{name} {overall[name]:.3f} < {target}" for name, target in TARGETS.items() if overall[name] < target]
    missed += [f"cluster {k} not linked" for k, v in linked.items() if not v]
    print("targets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(verbose="-v" in sys.argv))
