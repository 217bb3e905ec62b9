"""Score body and metadata extraction against the gold files (evaluation/gold/<stem>.article.json).

Body exact means: every gold body sentence is in the extracted text, no clutter sample is, and nothing else is
(the text minus all gold sentences is empty). Metadata fields are compared after whitespace normalisation.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.read.page import read_file
from newskg.ingest.resources import PROJECT_ROOT, SEEDS_DIR

GOLD_DIR = PROJECT_ROOT / "evaluation" / "gold"
GOLD_SUFFIX = ".article.json"
TEXT_FIELDS = ("title", "standfirst", "publisher", "dateline")


def _norm(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip()


def _source_file(seeds_dir: Path, stem: str) -> Path | None:
    return next((p for p in sorted(seeds_dir.glob(f"{stem}.*")) if not p.name.endswith(".meta.json")), None)


def _score_body(text: str, gold: dict[str, Any]) -> dict[str, Any]:
    flat = _norm(text) or ""
    sentences = [_norm(s) or "" for s in gold["body_sentences"]]
    missing = [s for s in sentences if s not in flat]
    clutter_in = [c for c in (_norm(c) or "" for c in gold["clutter_samples"]) if c in flat]
    rest = flat
    for sentence in sorted(sentences, key=len, reverse=True):
        rest = rest.replace(sentence, " ")
    extra = _norm(rest) or ""
    return {
        "body_sentences": len(sentences),
        "missing": missing,
        "clutter_in": clutter_in,
        "extra_text": extra,
        "first_sentence": flat.startswith(_norm(gold["first_sentence"]) or ""),
        "last_sentence": flat.endswith(_norm(gold["last_sentence"]) or ""),
        "body_exact": not missing and not clutter_in and not extra,
    }


def score_one(gold_file: Path, seeds_dir: Path) -> dict[str, Any]:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    stem = gold_file.name[: -len(GOLD_SUFFIX)]
    source = _source_file(seeds_dir, stem)
    if source is None:
        return {"error": f"no source file for {stem} in {seeds_dir}"}
    try:
        doc = read_file(source)
    except NewskgError as exc:
        return {"error": str(exc)}
    result = _score_body(doc.text, gold)
    for field in TEXT_FIELDS:
        result[field] = _norm(getattr(doc, field)) == _norm(gold[field])
    result["authors"] = [_norm(a) for a in doc.authors] == [_norm(a) for a in gold["authors"]]
    result["date"] = (doc.date.isoformat() if doc.date else None) == gold["date"]
    result["found"] = {f: getattr(doc, f) for f in (*TEXT_FIELDS, "authors")} | {
        "date": doc.date.isoformat() if doc.date else None
    }
    return result


COLUMNS = (
    "body_exact",
    "first_sentence",
    "last_sentence",
    "title",
    "standfirst",
    "publisher",
    "authors",
    "dateline",
    "date",
)


def score(gold_dir: Path = GOLD_DIR, seeds_dir: Path = SEEDS_DIR) -> dict[str, Any]:
    articles = {f.name[: -len(GOLD_SUFFIX)]: score_one(f, seeds_dir) for f in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))}
    scored = [r for r in articles.values() if "error" not in r]
    summary: dict[str, Any] = {"articles": len(articles), "errors": len(articles) - len(scored)}
    for column in COLUMNS:
        summary[column] = sum(1 for r in scored if r[column])
    summary["body_sentences"] = sum(r["body_sentences"] for r in scored)
    summary["body_sentences_missing"] = sum(len(r["missing"]) for r in scored)
    summary["clutter_sentences_in"] = sum(len(r["clutter_in"]) for r in scored)
    return {"articles": articles, "summary": summary}


def _table(result: dict[str, Any]) -> str:
    head = ["article", "sentences", "missing", "clutter in", "extra chars", *COLUMNS]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, r in result["articles"].items():
        if "error" in r:
            rows.append(f"| {name} | error: {r['error']} |")
            continue
        cells = [
            name,
            str(r["body_sentences"]),
            str(len(r["missing"])),
            str(len(r["clutter_in"])),
            str(len(r["extra_text"])),
        ] + ["yes" if r[c] else "NO" for c in COLUMNS]
        rows.append("| " + " | ".join(cells) + " |")
    s = result["summary"]
    rows.append(
        "| total | "
        + " | ".join(
            [str(s["body_sentences"]), str(s["body_sentences_missing"]), str(s["clutter_sentences_in"]), ""]
            + [f"{s[c]}/{s['articles']}" for c in COLUMNS]
        )
        + " |"
    )
    return "\n".join(rows)


def main() -> int:
    result = score()
    print(_table(result))
    for name, r in result["articles"].items():
        for key in ("missing", "clutter_in"):
            for sentence in r.get(key, []):
                print(f"  {name} {key}: {sentence[:100]}")
        if r.get("extra_text"):
            print(f"  {name} extra text: {r['extra_text'][:200]}")
    s = result["summary"]
    perfect = s["errors"] == 0 and all(s[c] == s["articles"] for c in COLUMNS)
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())
