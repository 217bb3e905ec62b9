"""The W3C suites' summary: how many tests of each kind pass, and why the others fail (printed after the run)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

KINDS = {"test_query_evaluation": "query evaluation", "test_update_evaluation": "update evaluation",
         "test_syntax": "syntax", "test_protocol": "protocol", "test_graph_store_protocol": "graph store protocol",
         "test_service_description": "service description"}
_outcomes: defaultdict[str, Counter[str]] = defaultdict(Counter)
_reasons: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    kind = KINDS.get(report.nodeid.split("::")[-1].split("[")[0])
    if kind is None or not (report.when == "call" or (report.when == "setup" and report.outcome != "passed")):
        return
    if hasattr(report, "wasxfail"):  # a known failure (one that passes fails the run: the xfail is strict)
        _outcomes[kind]["failed as known"] += 1
        _reasons[report.wasxfail.split(":", 1)[0]] += 1
    else:
        _outcomes[kind][report.outcome] += 1
    if dict(report.user_properties).get("numbers compared by value"):
        _outcomes[kind]["passed by value"] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _outcomes:
        return
    write = terminalreporter.write_line
    write("W3C SPARQL 1.1 suites against the real server:")
    for kind, counts in _outcomes.items():
        run = sum(n for outcome, n in counts.items() if outcome != "passed by value")
        by_value = f" ({counts['passed by value']} with numbers compared by value)" if counts["passed by value"] else ""
        write(f"  {kind}: {counts['passed']}/{run} passed{by_value}, {counts['failed as known']} known failures, "
              f"{counts['failed']} unexpected failures")
    for reason, count in _reasons.most_common():
        write(f"  known failure, {reason}: {count}")
