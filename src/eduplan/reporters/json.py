"""The json format: versioned, described by ``schema/findings.schema.json``.

Every finding is included (``--max-findings`` does not apply), with its id-based path
(``at``), its data path and, when accepted, the reason.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..findings import Finding
from . import ReportOptions, RunResult

__all__ = ["VERSION", "document", "finding_data", "write"]

VERSION = 1
"""Version of the JSON document; it changes only when a field changes meaning or goes away."""


def finding_data(finding: Finding, plan: str) -> dict[str, Any]:
    """One finding as JSON-ready data."""
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
        "findings": [finding_data(f, check.root) for check in run.checks for f in check.findings],
    }


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write the JSON document."""
    json.dump(document(run), out, ensure_ascii=False, indent=2)  # in chunks: no second copy as one string
    out.write("\n")
