"""`python -m evaluation.score [--set NAME] [-v] [--json FILE]`: the extractor against every gold set, each reported
separately with its counts: seeds, project (texts written for the project), dev and test (real articles).

Figures, pooled over a set's articles:
  named actors   recall (gold named actors found) and precision (predicted named actors matching a gold actor)
  statements     recall and precision by content overlap; speaker: share of matched statements with the right speaker
  stance         share of matched statements whose stance toward the central allegation is right (4 report values)
  allegations    recall: gold allegations found with claimant and accused both right; precision: share of extracted
                 allegations an analyst would keep (matching a gold allegation's accused and evidence); gold and
                 extracted allegations are paired one to one, so one allegation merging two acts finds one of them
  links          share of gold supports/contests links (statement → allegation) the extraction has with that polarity
-v prints each article's misses, except for the test split (it is scored, never read while tuning).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evaluation import sets
from evaluation.metrics import Counts, count
from newskg.ingest.extract import Extractor, read_file
from newskg.ingest.iris import IriMinter

SETS = ("seeds", "project", "dev", "test")


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def figures(c: Counts) -> dict[str, float | None]:
    return {
        "named_recall": _ratio(c.named_found, c.named_gold),
        "named_precision": _ratio(c.named_correct, c.named_predicted),
        "statement_recall": _ratio(c.statements_matched, c.statements_gold),
        "statement_precision": _ratio(c.statements_matched, c.statements_predicted),
        "speaker_accuracy": _ratio(c.speaker_right, c.statements_matched),
        "stance_accuracy": _ratio(c.stance_right, c.statements_matched),
        "allegation_recall": _ratio(c.allegations_found, c.allegations_gold),
        "allegation_precision": _ratio(c.allegations_kept, c.allegations_predicted),
        "link_accuracy": _ratio(c.links_right, c.links_gold),
    }


def score_set(name: str, extractor: Extractor, verbose: bool) -> tuple[Counts, int, list[str]]:
    if name == "seeds":
        articles, missing = sets.seeds(), []
    elif name == "project":
        articles, missing = sets.project(), []
    else:
        articles, missing = sets.real(name)
    total = Counts()
    for article in articles:
        extraction = extractor.extract(read_file(article.path))
        counts = count(article, extraction)
        total.add(counts)
        if verbose and name != "test" and counts.misses:
            print(f"\n{name}/{article.name}:")
            print("\n".join(f"  {m}" for m in counts.misses))
    return total, len(articles), missing


def _cell(value: float | None, part: int, whole: int) -> str:
    return "—" if value is None else f"{value:.2f} ({part}/{whole})"


def table(rows: list[tuple[str, int, Counts]]) -> str:
    lines = [
        "| set | articles | named actors R | named actors P | statements R | statements P | speaker | stance | "
        "allegations R | allegations P | links |",
        "|---" * 11 + "|",
    ]
    for name, n, c in rows:
        f = figures(c)
        lines.append(
            " | ".join(
                [
                    f"| {name}",
                    str(n),
                    _cell(f["named_recall"], c.named_found, c.named_gold),
                    _cell(f["named_precision"], c.named_correct, c.named_predicted),
                    _cell(f["statement_recall"], c.statements_matched, c.statements_gold),
                    _cell(f["statement_precision"], c.statements_matched, c.statements_predicted),
                    _cell(f["speaker_accuracy"], c.speaker_right, c.statements_matched),
                    _cell(f["stance_accuracy"], c.stance_right, c.statements_matched),
                    _cell(f["allegation_recall"], c.allegations_found, c.allegations_gold),
                    _cell(f["allegation_precision"], c.allegations_kept, c.allegations_predicted),
                    _cell(f["link_accuracy"], c.links_right, c.links_gold),
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=SETS, action="append", help="score only these sets (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print misses (never for the test split)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    extractor = Extractor.load(IriMinter("http://127.0.0.1:8000/"))
    rows, report = [], {}
    for name in args.set or SETS:
        counts, n, missing = score_set(name, extractor, args.verbose)
        if missing:
            print(
                f"{name}: {len(missing)} texts missing or different (python -m evaluation.real.restore --missing)",
                file=sys.stderr,
            )
        if n:
            rows.append((name, n, counts))
            report[name] = {
                "articles": n,
                **figures(counts),
                "counts": {k: v for k, v in vars(counts).items() if k != "misses"},
            }
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
