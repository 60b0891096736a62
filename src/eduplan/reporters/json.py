"""The json format: versioned, described by ``schema/findings.schema.json``.

Every finding is included (``--max-findings`` and ``--show-accepted`` do not apply), with its
id-based path (``at``), its data path, whether it fails the run (``failing``) and, when the plan
accepts it, the reason (``accepted``: a string, else null). The summary counts the rules that ran.

The document is written as the plans arrive: each plan's entry and findings go to a spool
(:mod:`.spool`) and the document is put together at the end, the same text ``json.dump`` of
:func:`document` writes, in flat memory.
"""

from __future__ import annotations

from typing import Any, TextIO

from eduplan import __version__
from eduplan.check.pipeline import PlanCheck, failing
from eduplan.check.result import RunResult
from eduplan.findings import Finding, Severity
from eduplan.reporters import ReportOptions
from eduplan.reporters.spool import Spool, depth_of, item_json, write_json

__all__ = ["VERSION", "document", "finding_data", "write"]

VERSION = 1
"""Version of the JSON document; it changes only when a field changes meaning or goes away."""

_PLANS, _FINDINGS = "<plans>", "<findings>"
"""Where the two long lists go in the document's head (see :func:`.spool.write_json`)."""


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


def _plan_data(check: PlanCheck) -> dict[str, Any]:
    return {
        "root": check.root,
        "files": check.files,
        "loaded": check.loaded,
        "partial": check.partial,
        "rules": check.rules,
    }


def _head(run: RunResult, plans: Any, findings: Any) -> dict[str, Any]:
    """The document around its two lists (the tally complete: the run has been read)."""
    tally = run.tally
    counts = tally.counts
    return {
        "version": VERSION,
        "tool": {"name": "eduplan", "version": __version__},
        "summary": {
            "plans": tally.plans,
            "files": tally.files,
            "findings": tally.findings,
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "accepted": counts["accepted"],
            "rules": len(tally.rules),
            "failing": run.failing,
            "fail_on": run.fail_on.value,
            "passed": not run.failing,
        },
        "plans": plans,
        "findings": findings,
    }


def document(run: RunResult) -> dict[str, Any]:
    """The whole JSON document of a run (a run given as a list)."""
    return _head(
        run,
        [_plan_data(check) for check in run.checks],
        [finding for check in run.checks for finding in _findings(check, run.fail_on)],
    )


def _findings(check: PlanCheck, fail_on: Severity) -> list[dict[str, Any]]:
    fails = {id(f) for f in failing(check.findings, fail_on)}
    return [finding_data(f, check.root, id(f) in fails) for f in check.findings]


def write(run: RunResult, out: TextIO, _options: ReportOptions) -> None:
    """Write the JSON document, reading the run once."""
    shape = _head(run, [_PLANS], [_FINDINGS])
    plans_at, findings_at = depth_of(shape, _PLANS), depth_of(shape, _FINDINGS)
    with Spool() as plans, Spool() as findings:
        for check in run.stream():
            plans.add(item_json(_plan_data(check), plans_at))
            for data in _findings(check, run.fail_on):
                findings.add(item_json(data, findings_at))
        shape = _head(run, [_PLANS], [_FINDINGS])  # the tally is complete now
        write_json(shape, {_PLANS: (plans, None), _FINDINGS: (findings, None)}, out)
