"""What `newskg ingest` shows while a batch runs: a line per input on stdout as soon as it ends (flushed, so a piped
batch can be followed), and on a terminal a progress bar on stderr with the count, the rate and the time left.

The bar is tqdm's: small, long maintained, and quiet by itself when stderr is not a terminal (a log, a pipe, CI).
"""

from __future__ import annotations

import sys
from types import TracebackType

from tqdm import tqdm

from newskg.ingest.outcome import Outcome, Status


class BatchProgress:
    def __init__(self, total: int, *, lines: bool = True) -> None:
        self.lines = lines
        self.bar = tqdm(total=total, unit="article", disable=None, file=sys.stderr, dynamic_ncols=True,
                        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]")

    def __call__(self, outcome: Outcome) -> None:
        if self.lines:
            self._print(f"{outcome.status.value:8} {outcome.source}: {outcome.message}")
            if outcome.status is Status.REJECTED and outcome.report is not None:
                self._print(outcome.report.to_text())
        self.bar.update(1)

    def _print(self, text: str) -> None:
        if self.bar.disable:
            print(text, flush=True)
        else:
            self.bar.write(text, file=sys.stdout)

    def __enter__(self) -> "BatchProgress":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.bar.close()
