"""`python -m evaluation`: every scorer in turn (article body and metadata, actors, statements)."""

from __future__ import annotations

import runpy
import sys

SCORERS = ["evaluation.score_article", "evaluation.score_actors", "evaluation.score_statements"]


def main() -> int:
    status = 0
    for name in SCORERS:
        print(f"\n## {name.rsplit('.', 1)[-1]}\n", flush=True)
        try:
            runpy.run_module(name, run_name="__main__")
        except SystemExit as exit_:
            status = status or int(exit_.code or 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
