"""What the benchmark sections share: the size, a work directory, the report, and what earlier sections built."""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from bench.report import Report, SectionStatus
from bench.sizes import BenchSize


class NotAvailable(Exception):
    """A part this section needs is missing (not written yet, or an earlier section could not build it)."""


@dataclass
class BenchContext:
    size: BenchSize
    workdir: Path
    report: Report
    seed: int = 20240601
    artifacts: dict[str, Any] = field(default_factory=dict)   # corpus paths, graph files, stores, server URLs
    log: Callable[[str], None] = print
    deadline: float = field(default=float("inf"))   # time.perf_counter() after which sections are skipped

    def __post_init__(self) -> None:
        if self.deadline == float("inf"):
            self.deadline = time.perf_counter() + self.size.budget_seconds

    def need(self, key: str, what: str) -> Any:
        if key not in self.artifacts:
            raise NotAvailable(f"needs {what}, which an earlier section could not provide")
        return self.artifacts[key]

    def path(self, name: str) -> Path:
        return self.workdir / name


def run_section(context: BenchContext, name: str, section: Callable[[BenchContext], None]) -> bool:
    """Run one section; a missing part or a failure is recorded and the run goes on."""
    started = time.perf_counter()
    if started > context.deadline:
        context.report.sections.append(SectionStatus(name, "skipped", "the run's time budget was spent"))
        context.log(f"--- {name}: skipped (time budget)")
        return False
    context.log(f"\n--- {name}")
    status = SectionStatus(name, "ok")
    try:
        section(context)
    except NotAvailable as missing:
        status = SectionStatus(name, "not available", str(missing))
    except ImportError as missing:
        status = SectionStatus(name, "not available", f"{missing.__class__.__name__}: {missing}")
    except Exception as error:  # noqa: BLE001 - one broken part must not stop the other benchmarks
        status = SectionStatus(name, "failed", f"{error.__class__.__name__}: {error}")
        context.report.details.setdefault("tracebacks", {})[name] = traceback.format_exc()
    status.seconds = round(time.perf_counter() - started, 1)
    context.report.sections.append(status)
    context.log(f"--- {name}: {status.status}{': ' + status.reason if status.reason else ''} ({status.seconds} s)")
    return status.status == "ok"
