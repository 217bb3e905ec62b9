"""`python -m bench.scaling`: only the many-machines sections of `make bench` (the generated corpus, ingest through
the queue with 1, 2 and 4 workers against the embedded single process, latency over each backend)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench.__main__ import RESULTS, corpus
from bench.context import BenchContext, run_section
from bench.report import Report
from bench.scaling_bench import backend_latency, queue_throughput
from bench.sizes import bench_size


def main() -> int:
    size = bench_size(os.environ.get("BENCH_SIZE"))
    workdir = Path(tempfile.mkdtemp(prefix=f"newskg-scaling-{size.name}-"))
    report = Report(size.name)
    context = BenchContext(size, workdir, report, log=lambda text: print(text, file=sys.stderr, flush=True))
    try:
        for name, section in (("corpus", corpus), ("ingest through the queue", queue_throughput),
                              ("latency over each backend", backend_latency)):
            run_section(context, name, section)
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)
    print(report.markdown())
    print(f"results: {report.save(RESULTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
