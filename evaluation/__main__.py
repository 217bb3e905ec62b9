"""`python -m evaluation` (`make score`): every scorer in turn — reading (body and metadata), article gold of the
seeds, extraction (actors, statements, stance, allegations, links per set), and events."""

from __future__ import annotations

import runpy
import sys

SCORERS = ["evaluation.score_reading", "evaluation.score_article", "evaluation.score", "evaluation.score_events"]


def main() -> int:
    status = 0
    for name in SCORERS:
        print(f"\n## {name.rsplit('.', 1)[-1]}\n", flush=True)
        saved = sys.argv
        sys.argv = [name]  # each scorer reads its own options; none are passed on
        try:
            runpy.run_module(name, run_name="__main__")
        except SystemExit as exit_:
            status = status or int(exit_.code or 0)
        finally:
            sys.argv = saved
    return status


if __name__ == "__main__":
    sys.exit(main())
