"""`python -m evaluation.real.restore ANSWER.json [...]`: re-create texts/ID.txt for every gold file whose URL appears
in saved answers of the search tool's `pages` corpus, and check each against the sha256 in its gold file.

The corpus is reachable only through a session's search tool, not from a shell: to re-create the texts, call the tool
with each gold file's `source.query` (corpus `pages`), save each answer as JSON (the tool's own answer: an object with a
`results` list of `{url, excerpt}`), and give the files to this command. `--missing` lists the queries still needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evaluation.real import TEXTS_DIR, gold_paths, load_gold, sha256_text, text_path


def _excerpts(answer_files: list[Path]) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in answer_files:
        answer = json.loads(path.read_text(encoding="utf-8"))
        for result in answer.get("results", []):
            if "url" in result and "excerpt" in result:
                found.setdefault(result["url"], result["excerpt"])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("answers", nargs="*", type=Path)
    parser.add_argument("--missing", action="store_true", help="list the articles whose text is absent or differs")
    args = parser.parse_args(argv)
    golds = [load_gold(p) for p in gold_paths()]
    if args.missing:
        absent = [
            g
            for g in golds
            if not text_path(g["id"]).exists()
            or sha256_text(text_path(g["id"]).read_text(encoding="utf-8")) != g["source"]["sha256"]
        ]
        for gold in absent:
            print(f"{gold['id']}\t{gold['source']['url']}\tquery: {gold['source']['query']}")
        print(f"{len(absent)} of {len(golds)} texts missing or different", file=sys.stderr)
        return 1 if absent else 0
    excerpts = _excerpts(args.answers)
    TEXTS_DIR.mkdir(parents=True, exist_ok=True)
    written = mismatched = 0
    for gold in golds:
        excerpt = excerpts.get(gold["source"]["url"])
        if excerpt is None:
            continue
        if sha256_text(excerpt) != gold["source"]["sha256"]:
            mismatched += 1
            print(f"{gold['id']}: the corpus text differs from the one the gold was written on (sha256); not written")
            continue
        text_path(gold["id"]).write_text(excerpt, encoding="utf-8")
        written += 1
    print(
        f"{written} texts written to {TEXTS_DIR}, {mismatched} differing, "
        f"{len(golds) - written - mismatched} not in these answers"
    )
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
