"""How fast `newskg extract` starts: the command run on a seed as a user runs it, first with an empty derived cache
(cold: the lexicon, the registry and the word tables are parsed and written there) and then again at once (warm: read
back). The reference is the cold start of the same run; the target is on the warm start's own seconds."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.context import BenchContext
from bench.report import Figure, Target

RUNS = 5
WARM_TARGET = Target("value", "<=", 1.0, "≤ 1 s")


def _seconds(command: list[str], cache: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "NEWSKG_CACHE_DIR": str(cache)})
    return time.perf_counter() - started


def extract_start(context: BenchContext) -> None:
    from newskg.ingest.resources import SEEDS_DIR

    seed = min(SEEDS_DIR.glob("*.txt"))  # the first seed article, whichever it is: the bench names no article
    command = [sys.executable, "-m", "newskg.ingest.cli", "extract", str(seed)]
    cold, warm = [], []
    for run in range(RUNS):
        cache = context.path(f"derived-cache-{run}")
        cold.append(_seconds(command, cache))
        warm.append(_seconds(command, cache))
    cold_s, warm_s = statistics.median(cold), statistics.median(warm)
    context.report.details["extract_start_s"] = {"cold": cold, "warm": warm}
    context.report.add(Figure("start", "newskg extract, warm start", "s", warm_s, cold_s,
                              "cold start, empty derived cache", target=WARM_TARGET,
                              note=f"warm {warm_s:.2f} s, cold {cold_s:.2f} s: median of {RUNS} runs each, "
                                   f"seeds/{seed.name}"))
