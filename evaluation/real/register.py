"""`python -m evaluation.real.register ID --url URL --outlet NAME --outlet-kind KIND [...]`: start a gold file for a
text already saved as texts/ID.txt (exactly as the search tool returned it): records URL, sha256 and size, and writes an
empty gold skeleton to fill by hand. Refuses to overwrite an existing gold file."""

from __future__ import annotations

import argparse
import json
import sys

from evaluation.real import GOLD_DIR, sha256_text, text_path

KINDS = ("wire", "national", "regional", "trade", "broadcaster", "non-western", "ngo-or-official", "blog")
FORMS = ("straight", "denial", "charges", "he-said-she-said", "rights-report", "live-blog", "interview", "analysis")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("id")
    parser.add_argument("--url", required=True)
    parser.add_argument("--outlet", required=True)
    parser.add_argument("--outlet-kind", required=True, choices=KINDS)
    parser.add_argument("--country", default=None)
    parser.add_argument("--query", required=True, help="the search query that returned the page")
    parser.add_argument("--via", default=None, help="the site the excerpt comes from, when it syndicates the outlet")
    parser.add_argument("--topic", required=True)
    parser.add_argument("--form", required=True, choices=FORMS)
    parser.add_argument("--written", required=True, help="who wrote the gold, when")
    args = parser.parse_args(argv)
    path = text_path(args.id)
    if not path.exists():
        print(f"no text at {path}: save the excerpt there first", file=sys.stderr)
        return 2
    gold_file = GOLD_DIR / f"{args.id}.json"
    if gold_file.exists():
        print(f"{gold_file} exists already", file=sys.stderr)
        return 2
    text = path.read_text(encoding="utf-8")
    gold = {
        "id": args.id,
        "source": {
            "url": args.url,
            "sha256": sha256_text(text),
            "chars": len(text),
            "outlet": args.outlet,
            "outlet_kind": args.outlet_kind,
            "country": args.country,
            "query": args.query,
            "via": args.via,
        },
        "topic": args.topic,
        "form": args.form,
        "written": args.written,
        "article": {
            "title": None,
            "published": None,
            "authors": [],
            "outlet_in_byline": None,
            "dateline_place": None,
            "agency": None,
            "body_first": None,
            "body_last": None,
            "not_body": [],
        },
        "actors": [],
        "statements": [],
        "allegations": [],
        "central_allegation": None,
        "corrections": [],
    }
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    gold_file.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {gold_file} (sha256 {gold['source']['sha256'][:12]}…, {len(text)} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
