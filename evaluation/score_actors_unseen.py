"""Score actor extraction on held-out articles no rule was tuned on: evaluation/gold/unseen/<name>.txt with its gold
evaluation/gold/unseen/<name>.actors.json (the format of the seed gold files, see score_actors.py, plus body_first and
body_last: the words that open and close the body as the annotator marked it).

Two runs: the actor stage alone, on the body the annotator marked, which is what the targets apply to; and end to end,
on the body the reader found (a reader that cuts the body short loses the actors there). Figures are pooled over all
held-out articles (matched gold / all gold, matched predicted / all predicted) and shown per article.
`python -m evaluation.score_actors_unseen` prints both tables and exits non-zero when a target is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from evaluation.score_actors import load_gold, score
from ingest.extract.actors import find_actors
from ingest.extract.reading import read_file
from ingest.extract.registry import Registry, load_registry
from ingest.iris import IriMinter
from ingest.model import ArticleDoc

UNSEEN_DIR = Path(__file__).resolve().parent / "gold" / "unseen"
TARGETS = {"recall": 0.90, "precision": 0.90}
_FIGURES = ("recall", "precision", "f1", "type_accuracy", "surface_recall", "role_accuracy", "affiliation_accuracy")


def unseen_gold_files() -> list[Path]:
    return sorted(UNSEEN_DIR.glob("*.actors.json"))


def gold_body(gold: dict, raw: str) -> str:
    """The stretch of the raw file the annotator marked as the body."""
    start = raw.index(gold["body_first"])
    end = raw.index(gold["body_last"], start) + len(gold["body_last"])
    return raw[start:end]


def article_doc(gold_path: Path, *, end_to_end: bool = False) -> ArticleDoc:
    gold = load_gold(gold_path)
    path = gold_path.with_name(f"{gold['article']}.txt")
    if end_to_end:
        return read_file(path)
    return ArticleDoc(key=gold["article"], text=gold_body(gold, path.read_text(encoding="utf-8")))


def score_unseen(gold_path: Path, registry: Registry, minter: IriMinter, *, end_to_end: bool = False) -> dict:
    doc = article_doc(gold_path, end_to_end=end_to_end)
    return score(find_actors(doc, registry, minter), load_gold(gold_path), registry)


def pooled(results: list[dict]) -> dict[str, float]:
    gold = sum(r["gold"] for r in results)
    predicted = sum(r["predicted"] for r in results)
    matched = sum(r["matched"] for r in results)
    matched_predicted = sum(r["predicted"] - len(r["spurious"]) for r in results)
    recall = matched / gold if gold else 1.0
    precision = matched_predicted / predicted if predicted else 1.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {"gold": gold, "predicted": predicted, "recall": recall, "precision": precision, "f1": f1}


def _table(title: str, registry: Registry, minter: IriMinter, *, end_to_end: bool) -> dict[str, float]:
    print(f"| {title} | gold | predicted | recall | precision | F1 | type acc | surfaces | role acc | affiliation acc |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    results: list[dict] = []
    details: list[str] = []
    for path in unseen_gold_files():
        result = score_unseen(path, registry, minter, end_to_end=end_to_end)
        results.append(result)
        name = path.name.removesuffix(".actors.json")
        figures = " | ".join(f"{result[k]:.2f}" for k in _FIGURES)
        print(f"| {name} | {result['gold']} | {result['predicted']} | {figures} |")
        details.append(f"{name}: missed {result['missed']}; spurious {result['spurious']}")
    total = pooled(results)
    print(f"| **all** | {total['gold']} | {total['predicted']} | {total['recall']:.2f} | {total['precision']:.2f}"
          f" | {total['f1']:.2f} | | | | |")
    print()
    for line in details:
        print(line)
    print()
    return total


def main() -> int:
    minter = IriMinter("http://localhost:8000/")
    registry = load_registry(minter)
    total = _table("held-out, actor stage on the marked body", registry, minter, end_to_end=False)
    _table("held-out, end to end (reader's body)", registry, minter, end_to_end=True)
    failures = [f"actor stage {k} {total[k]:.2f} < {t}" for k, t in TARGETS.items() if total[k] < t]
    for line in failures:
        print("MISSED TARGET:", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
