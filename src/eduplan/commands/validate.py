"""Commands that check plans: ``validate`` and ``explain``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..cli import EXIT_FINDINGS, app, print_findings
from ..errors import UsageError


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Plan directories, plan files, or folders holding plans.")],
) -> None:
    """Check plans and report every problem at file:line:col."""
    from ..loader import find_plans, load_plan

    findings = []
    for plan_path in find_plans(paths):
        findings.extend(load_plan(plan_path).findings)
    print_findings(findings, sys.stdout)
    if any(f.severity.value == "error" for f in findings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A finding code, such as SC02.")]) -> None:
    """Explain a finding code, with a failing and a passing example."""
    from ..codes import LOAD_CODES

    info = LOAD_CODES.get(code.upper())
    if info is None:
        raise UsageError(f"unknown code {code!r}; codes: {', '.join(sorted(LOAD_CODES))}")
    sys.stdout.write(f"{info.code} {info.name} ({info.severity.value})\n\n{info.doc}\n")
