"""Run eduplan on hostile input and check the promises every run keeps.

* :func:`run` starts ``python -m eduplan ...`` as a user would (a subprocess, through
  ``launch.py``) with a timeout, and measures its wall time and peak memory.
* :func:`check_run` asserts what holds for any input: no traceback, the expected exit code,
  one error line on stderr for exit 2, and (for ``--format json``) a file, line and column on
  every finding, within the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LAUNCH = Path(__file__).with_name("launch.py")


@dataclass
class Measured:
    """One run of the command line: exit code, output, wall time and the child's peak memory."""

    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float


def run(
    *args: str,
    cwd: Path | None = None,
    timeout: float = 20.0,
    env: dict[str, str] | None = None,
    stdin: Path | None = None,
) -> Measured:
    """``python -m eduplan ARGS`` in a clean environment (plus ``env``), timed and measured.

    ``stdin`` is a file the command reads as its standard input (``/dev/zero``); none by default.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")} | (env or {})
    env["PYTHONPATH"] = str(REPO / "src")
    with tempfile.TemporaryDirectory(prefix="eduplan-run-") as tmp:
        out, err, report = (Path(tmp) / n for n in ("out", "err", "report"))
        with (
            out.open("wb") as stdout,
            err.open("wb") as stderr,
            report.open("wb") as sink,
            (stdin or Path(os.devnull)).open("rb") as source,
        ):
            fd = sink.fileno()
            command = [sys.executable, "-I", "-S", str(LAUNCH), str(fd), str(timeout), sys.executable, "-m", "eduplan"]
            subprocess.run(
                [*command, *args],
                stdin=source,
                stdout=stdout,
                stderr=stderr,
                cwd=cwd,
                env=env,
                check=True,
                timeout=timeout + 10,
                pass_fds=(fd,),
            )
        measured = json.loads(report.read_text())
        assert not measured["timed_out"], f"eduplan {' '.join(args)} ran longer than {timeout} s"
        return Measured(
            measured["code"],
            out.read_text("utf-8", "replace"),
            err.read_text("utf-8", "replace"),
            measured["seconds"],
            measured["peak_mb"],
        )


def check_run(done: Measured, code: int) -> None:
    """What every run promises, whatever the input."""
    assert "Traceback" not in done.out + done.err, done.err[-2000:]
    assert done.code == code, f"exit {done.code}, expected {code}\n{done.err[-2000:]}"
    if code == 2:
        assert done.err.startswith("eduplan: error: ") and done.err.count("\n") == 1, done.err


def located(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings of a JSON report, after checking that each is located within its file."""
    findings: list[dict[str, Any]] = report["findings"]
    lines: dict[str, int] = {}
    for f in findings:
        assert f["file"] and f["line"] >= 1 and f["column"] >= 1, f
        if f["file"] not in lines:
            path = Path(f["file"])
            try:
                text = path.read_bytes() if path.is_file() else b""
            except OSError:  # a file the finding says cannot be read (mode 000): its finding is at 1:1
                text = b""
            lines[f["file"]] = max(text.count(b"\n"), text.count(b"\r"), text.count(b"\x00\n")) + 1
        assert f["line"] <= lines[f["file"]], f
    return findings
