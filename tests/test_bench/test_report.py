"""The report states each target as met or not with its ratio, prints a Markdown table and saves the JSON."""

from __future__ import annotations

import json
from pathlib import Path

from bench.context import BenchContext, NotAvailable, run_section
from bench.report import Figure, Report, Target
from bench.sizes import bench_size


def test_targets_on_values_and_ratios() -> None:
    latency = Figure("q", "query p50", "ms", 12.0, 10.0, "Oxigraph", Target("ratio", "<=", 1.25, "≤ 1.25×"))
    assert latency.ratio == 1.2 and latency.met is True
    slow = Figure("q", "query p50", "ms", 20.0, 10.0, "Oxigraph", Target("ratio", "<=", 1.25, "≤ 1.25×"))
    assert slow.met is False
    rate = Figure("i", "ingest", "articles/s", 15.0, target=Target("value", ">=", 20, "≥ 20"))
    assert rate.met is False and rate.ratio is None
    assert Figure("i", "x", "s", None, 1.0, "r", Target("value", ">=", 1, "≥ 1")).met is None


def test_sections_that_cannot_run_are_reported_not_raised(tmp_path: Path) -> None:
    report = Report("small")
    context = BenchContext(bench_size("small"), tmp_path, report, log=lambda _: None)

    def missing(_: BenchContext) -> None:
        raise NotAvailable("the thing is not written yet")

    def broken(_: BenchContext) -> None:
        raise ZeroDivisionError("boom")

    def works(ctx: BenchContext) -> None:
        ctx.report.add(Figure("s", "works", "items/s", 3.0, 2.0, "ref", Target("ratio", ">=", 1.0, "≥ 1×")))

    assert not run_section(context, "missing", missing)
    assert not run_section(context, "broken", broken)
    assert run_section(context, "works", works)
    assert [s.status for s in report.sections] == ["not available", "failed", "ok"]
    table = report.markdown()
    assert "| figure | newskg | reference | ratio | target | met? |" in table
    assert "| works | 3 items/s | 2 items/s (ref) | 1.50× | ≥ 1× | yes |" in table
    assert "missing: not available: the thing is not written yet" in table
    saved = json.loads(report.save(tmp_path / "results").read_text(encoding="utf-8"))
    assert saved["machine"]["cpu_count"] >= 1 and "pyoxigraph" in saved["machine"]["versions"]
    assert saved["figures"][0]["ratio"] == 1.5 and saved["figures"][0]["met"] is True
    assert "ZeroDivisionError" in saved["details"]["tracebacks"]["broken"]


def test_a_timed_out_side_is_a_bound_that_decides_only_one_way() -> None:
    within = Target("ratio", "<=", 1.25, "≤ 1.25×")
    both = Figure("q", "p50", "ms", 30_000, 30_000, "Oxigraph", within, newskg_floor=True, reference_floor=True)
    assert both.met is None
    slow_reference = Figure("q", "p50", "ms", 100, 30_000, "rdflib", within, reference_floor=True)
    assert slow_reference.met is True
    assert Figure("q", "p50", "ms", 30_000, 100, "Oxigraph", within, newskg_floor=True).met is False
    assert Figure("q", "p50", "ms", 30_000, 29_000, "Oxigraph", within, newskg_floor=True).met is None
    report = Report("small")
    report.add(both)
    assert "| p50 | ≥ 30,000 ms | ≥ 30,000 ms (Oxigraph) | — | ≤ 1.25× | — |" in report.markdown()
