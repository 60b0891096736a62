"""The json format: versioned, described by ``schema/findings.schema.json``.

Every finding is included (``--max-findings`` and ``--show-accepted`` do not apply), with its
id-based path (``at``), its data path, whether it fails the run (``failing``) and, when the plan
accepts it, the reason (``accepted``: a string, else null). The summary counts the rules that ran.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from eduplan import __version__
from eduplan.check.pipeline import PlanCheck, failing
from eduplan.check.result import RunResult
from eduplan.findings import Finding, Severity
from eduplan.reporters import ReportOptions

__all__ = ["VERSION", "document", "finding_data", "write"]

VERSION = 1
"""Version of the JSON document; it changes only when a field changes meaning or goes away."""


def finding_data(finding: Finding, plan: str, fails: bool = False) -> dict[str, Any]:
    """One finding as JSON-ready data; ``fails``: whether it fails the run."""
    span = finding.span
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "file": span.file if span else None,
        "line": span.line if span else None,
        "column": span.col if span else None,
        "end_line": span.end_line if span else None,
        "end_column": span.end_col if span else None,
        "at": finding.at,
        "path": list(finding.path),
        "accepted": finding.accepted,
        "failing": fails,
        "plan": plan,
    }


def document(run: RunResult) -> dict[str, Any]:
    """The whole JSON document of a run."""
    counts = run.tally.counts
    return {
        "version": VERSION,
        "tool": {"name": "eduplan", "version": __version__},
        "summary": {
            "plans": len(run.checks),
            "files": len(run.files),
            "findings": len(run.findings),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "accepted": counts["accepted"],
            "rules": len(run.tally.rules),
            "failing": run.failing,
            "fail_on": run.fail_on.value,
            "passed": not run.failing,
        },
        "plans": [
            {
                "root": check.root,
                "files": check.files,
                "loaded": check.loaded,
                "partial": check.partial,
                "rules": check.rules,
            }
            for check in run.checks
        ],
        "findings": [finding for check in run.checks for finding in _findings(check, run.fail_on)],
    }


def _findings(check: PlanCheck, fail_on: Severity) -> list[dict[str, Any]]:
    fails = {id(f) for f in failing(check.findings, fail_on)}
    return [finding_data(f, check.root, id(f) in fails) for f in check.findings]


def write(run: RunResult, out: TextIO, _options: ReportOptions) -> None:
    """Write the JSON document."""
    json.dump(document(run), out, ensure_ascii=False, indent=2)  # in chunks: no second copy as one string
    out.write("\n")
