"""Benchmark figures, each beside its reference from the same run, printed as Markdown and saved as JSON.

ratio is always newskg ÷ reference in the figure's own unit; a target says which way is good (≥ for rates,
≤ for latencies and memory).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ["pyoxigraph", "oxigraph", "rdflib", "pyshacl", "fastapi", "uvicorn", "starlette", "rdflib-endpoint",
            "httpx", "psutil", "spacy"]


@dataclass(frozen=True)
class Target:
    """What 'good' is: the newskg value (on='value') or the ratio (on='ratio') compared with threshold."""

    on: str          # "value" | "ratio"
    op: str          # ">=" | "<="
    threshold: float
    text: str

    def met(self, value: float | None, ratio: float | None) -> bool | None:
        subject = value if self.on == "value" else ratio
        if subject is None:
            return None
        return subject >= self.threshold if self.op == ">=" else subject <= self.threshold


@dataclass
class Figure:
    section: str
    name: str
    unit: str
    newskg: float | None
    reference: float | None = None
    reference_name: str | None = None
    target: Target | None = None
    note: str = ""
    newskg_floor: bool = False       # did not finish within its time limit: the value is a lower bound
    reference_floor: bool = False

    @property
    def ratio(self) -> float | None:
        if self.newskg is None or not self.reference:
            return None
        return self.newskg / self.reference

    @property
    def met(self) -> bool | None:
        if not self.target:
            return None
        verdict = self.target.met(self.newskg, self.ratio)
        if self.target.on == "ratio" and (self.newskg_floor or self.reference_floor):
            # a bound decides only one way: newskg ≥ x can still fail a ≤ target; reference ≥ y can still pass it
            if self.newskg_floor and self.reference_floor:
                return None
            certain = (verdict is False) if self.newskg_floor == (self.target.op == "<=") else (verdict is True)
            return verdict if certain else None
        if self.target.on == "value" and self.newskg_floor:
            return verdict if verdict is False and self.target.op == "<=" else None
        return verdict

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=self.ratio, met=self.met, target=self.target.text if self.target else None)
        return data


@dataclass
class SectionStatus:
    name: str
    status: str       # "ok" | "not available" | "failed" | "skipped"
    reason: str = ""
    seconds: float = 0.0


@dataclass
class Report:
    size: str
    started: float = field(default_factory=time.time)
    figures: list[Figure] = field(default_factory=list)
    sections: list[SectionStatus] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    load_at_start: list[float] = field(default_factory=lambda: [round(x, 2) for x in os.getloadavg()])

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def note(self, text: str) -> None:
        self.notes.append(text)

    # --- output ------------------------------------------------------------------------------------
    def machine(self) -> dict[str, Any]:
        versions = {}
        for name in PACKAGES:
            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = None
        wrk = _command_version(["wrk", "--version"])
        versions["wrk"] = wrk.split()[1] if wrk and len(wrk.split()) > 1 else wrk
        versions["newskg"] = _command_version(["git", "rev-parse", "--short", "HEAD"])
        return {"cpu_count": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
                "load_average_at_start": self.load_at_start,
                "platform": platform.platform(), "python": platform.python_version(),
                "processor": platform.processor() or platform.machine(), "versions": versions}

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self.started)),
                "seconds": round(time.time() - self.started, 1), "machine": self.machine(),
                "sections": [asdict(s) for s in self.sections], "notes": self.notes,
                "figures": [f.to_json() for f in self.figures], "details": self.details}

    def markdown(self) -> str:
        machine = self.machine()
        versions = ", ".join(f"{k} {v}" for k, v in machine["versions"].items() if v)
        lines = [f"## newskg benchmarks — BENCH_SIZE={self.size}, {time.strftime('%Y-%m-%d %H:%M', time.localtime(self.started))}",
                 "", f"{machine['cpu_count']} cores, {machine['platform']}, Python {machine['python']}; {versions}",
                 "", f"Load average (1, 5, 15 min) at start {self.load_at_start}, at end {machine['load_average']}: "
                     "figures from a busy machine are slower, which is why each stands beside a reference from "
                     "the same run.", "",
                 "| figure | newskg | reference | ratio | target | met? |", "|---|---|---|---|---|---|"]
        for f in self.figures:
            ref = (f"{'≥ ' if f.reference_floor else ''}{_num(f.reference)} {f.unit} ({f.reference_name})"
                   if f.reference is not None else "—")
            ratio = f"{f.ratio:.2f}×" if f.ratio is not None and f.ratio >= 0.01 else (
                f"{f.ratio:.1e}×" if f.ratio is not None else "—")
            if f.ratio is not None and (f.newskg_floor or f.reference_floor):
                ratio = "—" if f.newskg_floor and f.reference_floor else ("≥ " if f.newskg_floor else "≤ ") + ratio
            met = {True: "yes", False: "**no**", None: "—"}[f.met]
            lines.append(f"| {f.name} | {'≥ ' if f.newskg_floor else ''}{_num(f.newskg)} {f.unit} | {ref} | {ratio} | "
                         f"{f.target.text if f.target else '—'} | {met} |")
        missing = [s for s in self.sections if s.status != "ok"]
        if missing:
            lines += ["", "Sections not measured:"]
            lines += [f"- {s.name}: {s.status}: {s.reason}" for s in missing]
        if self.notes:
            lines += ["", "Notes:"] + [f"- {n}" for n in self.notes]
        return "\n".join(lines) + "\n"

    def save(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(self.started))
        path = directory / f"{stamp}-{self.size}.json"
        path.write_text(json.dumps(self.to_json(), indent=2, default=str) + "\n", encoding="utf-8")
        path.with_suffix(".md").write_text(self.markdown(), encoding="utf-8")
        return path


def _num(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def _command_version(command: list[str]) -> str | None:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (out.stdout or out.stderr).strip().splitlines()
    return text[0][:60] if text else None
