"""`python -m evaluation.score_reading [-v] [--json FILE]`: the reading stage (page → body and metadata) against the
gold of every set, each reported separately with its counts.

    seeds   evaluation/gold/<seed>.article.json (title, authors, dateline, first/last sentence, clutter samples)
    dev     evaluation/real/gold/<id>.json "article" blocks, development split
    test    the same, test split: scored, never read while tuning (-v does not print its misses)
    bench   the benchmark corpus (bench/corpus.py, seed and size as `make bench`): headline, and the body exactly

A figure counts the articles (fragments for "not body") where it is right. title, authors, dateline and agency are
compared after folding case, spaces and quote marks; a page without one must give none. The dateline compares the
place before its first comma ("TRENTON, N.J." and "Trenton" agree). first/last: the gold's first and last words of
the body are in the extracted body; not body: page furniture fragments that must stay out of it.
The figures recorded before the reading stage was rebuilt (score_reading_before.json) are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evaluation.real import SPLITS_FILE, load_gold, sha256_text, text_path
from evaluation.real import GOLD_DIR as REAL_GOLD_DIR
from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.read import read_bytes, read_file
from newskg.ingest.model import ArticleDoc
from newskg.ingest.resources import PROJECT_ROOT, SEEDS_DIR

SEED_GOLD_DIR = PROJECT_ROOT / "evaluation" / "gold"
BEFORE_FILE = Path(__file__).with_name("score_reading_before.json")
BENCH_SEED, BENCH_ARTICLES = 20240601, 50  # bench/context.py's seed; the first 50 articles of its corpus
SETS = ("seeds", "dev", "test", "bench")
FIELDS = ("title", "authors", "dateline", "agency")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "″": '"', "–": "-", "—": "-"})


def fold(text: str | None) -> str | None:
    return None if text is None else " ".join(text.translate(_QUOTES).split()).casefold()


def place(text: str | None) -> str | None:
    return None if text is None else fold(re.sub(r"\s*/\s*", "/", text.split(",")[0]))


@dataclass(frozen=True)
class GoldPage:
    name: str
    path: Path | None  # None: the page is in content
    content: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # title, authors, dateline, agency: only those gold gives
    first: str | None = None
    last: str | None = None
    not_body: tuple[str, ...] = ()
    body: str | None = None  # the exact body, where gold has it


@dataclass
class Tally:
    articles: int = 0
    errors: int = 0
    right: dict[str, int] = field(default_factory=dict)
    scored: dict[str, int] = field(default_factory=dict)

    def mark(self, column: str, ok: bool) -> None:
        self.scored[column] = self.scored.get(column, 0) + 1
        self.right[column] = self.right.get(column, 0) + int(ok)


def seed_pages() -> Iterator[GoldPage]:
    for gold_file in sorted(SEED_GOLD_DIR.glob("*.article.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        name = gold_file.name.split(".")[0]
        yield GoldPage(name, SEEDS_DIR / f"{name}.txt",
                       fields={"title": gold["title"], "authors": gold["authors"], "dateline": gold["dateline"],
                               "agency": gold.get("agency")},
                       first=gold["first_sentence"], last=gold["last_sentence"], not_body=tuple(gold["clutter_samples"]))


def real_pages(split: str) -> Iterator[GoldPage]:
    wanted = json.loads(SPLITS_FILE.read_text(encoding="utf-8"))[split]
    for article_id in wanted:
        gold = load_gold(REAL_GOLD_DIR / f"{article_id}.json")
        path = text_path(article_id)
        if not path.exists() or sha256_text(path.read_text(encoding="utf-8")) != gold["source"]["sha256"]:
            print(f"{split}/{article_id}: text missing or changed (see evaluation/real/README.md)", file=sys.stderr)
            continue
        article = gold["article"]
        yield GoldPage(article_id, path,
                       fields={"title": article["title"], "authors": article["authors"],
                               "dateline": article["dateline_place"], "agency": article["agency"]},
                       first=article["body_first"], last=article["body_last"], not_body=tuple(article["not_body"]))


def bench_pages() -> Iterator[GoldPage]:
    from bench.corpus import generate_corpus  # the bench package is only needed for this set

    for article in generate_corpus(BENCH_SEED, BENCH_ARTICLES):
        yield GoldPage(article.name, None, article.content, fields={"title": article.title}, body=article.body_text)


def _read(page: GoldPage) -> ArticleDoc:
    if page.path is not None:
        return read_file(page.path)
    return read_bytes((page.content or "").encode("utf-8"), page.name)


def check(page: GoldPage, doc: ArticleDoc) -> Iterator[tuple[str, bool, str]]:
    """(column, right, what was found) for each figure the page's gold gives."""
    for name, wanted in page.fields.items():
        found = doc.authors if name == "authors" else getattr(doc, name, None)
        if name == "authors":
            ok = [fold(a) for a in found] == [fold(a) for a in wanted]
        elif name == "dateline":
            ok = place(found) == place(wanted)
        else:
            ok = fold(found) == fold(wanted)
        yield name, ok, repr(found)
    body = fold(doc.text) or ""
    if page.first:
        yield "first", (fold(page.first) or "") in body, doc.text[:80]
    if page.last:
        yield "last", (fold(page.last) or "") in body, doc.text[-80:]
    for fragment in page.not_body:
        yield "not body", (fold(fragment) or "") not in body, fragment
    if page.body is not None:
        yield "body exact", doc.text == page.body, ""


def pages(name: str) -> Iterator[GoldPage]:
    return seed_pages() if name == "seeds" else bench_pages() if name == "bench" else real_pages(name)


def score_set(name: str, verbose: bool) -> Tally:
    tally = Tally()
    for page in pages(name):
        tally.articles += 1
        try:
            doc = _read(page)
        except NewskgError as exc:
            tally.errors += 1
            if verbose and name != "test":
                print(f"{name}/{page.name}: error: {exc}")
            continue
        for column, ok, found in check(page, doc):
            tally.mark(column, ok)
            if verbose and not ok and name != "test":
                print(f"{name}/{page.name}: {column} wrong: {found[:120]}")
    return tally


COLUMNS = ("title", "authors", "dateline", "agency", "first", "last", "not body", "body exact")


def _cell(tally: dict[str, Any] | None, column: str) -> str:
    if tally is None or column not in tally["scored"]:
        return "—"
    return f"{tally['right'].get(column, 0)}/{tally['scored'][column]}"


def table(now: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]]) -> str:
    head = ["set", "articles", "errors", *COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for name, tally in now.items():
        old = before.get(name)
        cells = [name, str(tally["articles"]), str(tally["errors"])]
        for column in COLUMNS:
            cell = _cell(tally, column)
            was = _cell(old, column)
            cells.append(cell if old is None or was == cell else f"{cell} (was {was})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.score_reading", description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print each miss (never for the test split)")
    parser.add_argument("--set", choices=SETS, action="append", help="score only these sets")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    now = {name: asdict(score_set(name, args.verbose)) for name in (args.set or SETS)}
    before = json.loads(BEFORE_FILE.read_text(encoding="utf-8")) if BEFORE_FILE.exists() else {}
    print(table(now, before))
    if args.json:
        args.json.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
