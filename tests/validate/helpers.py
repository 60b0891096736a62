"""Run the CLI in-process (fast) or as a subprocess (the real thing, exit code 2 included)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from eduplan.check.accept import ACCEPTANCE_CODES
from eduplan.cli.app import EXIT_TROUBLE, app
from eduplan.errors import EduplanError
from eduplan.rules import select

REPO = Path(__file__).resolve().parents[2]

DEFAULT_RULES = len(select(None, ())) + len(ACCEPTANCE_CODES)
"""Rules a run makes by default: those on by default, and the checks of the plan's acceptances (AC..)."""
RAN = f"({DEFAULT_RULES} rules ran)"
"""What a default run's summary line says of them."""


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Run:
    """In-process, like ``eduplan.cli.run``: an EduplanError is one line on stderr and exit 2."""
    base = {"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    result = CliRunner().invoke(app, list(args), input=stdin, env=base | (env or {}))
    if isinstance(result.exception, EduplanError):
        return Run(EXIT_TROUBLE, result.stdout, f"eduplan: error: {result.exception}\n")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def subprocess_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> Run:
    """``python -m eduplan ...`` in a clean environment (no GitHub variables)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PYTHONPATH"] = str(REPO / "src")
    done = subprocess.run(
        [sys.executable, "-m", "eduplan", *args],
        capture_output=True,
        input=stdin,
        cwd=cwd,
        env=env,
        check=False,
        timeout=60,
    )
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))
