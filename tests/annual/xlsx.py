"""Helpers for the spreadsheet tests: run the CLI in-process, edit a workbook with openpyxl, diff YAML trees."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from eduplan.cli.app import EXIT_TROUBLE, app
from eduplan.errors import EduplanError
from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "annual-cycle"


def eduplan(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in-process (fast), the way ``eduplan.cli.run`` does: EduplanError -> one line, exit 2."""
    result = CliRunner().invoke(app, list(args), env={"SOURCE_DATE_EPOCH": ""})
    if isinstance(result.exception, EduplanError):
        return subprocess.CompletedProcess(args, EXIT_TROUBLE, result.stdout, f"eduplan: error: {result.exception}\n")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def real_eduplan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, check=False)


def snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))}


def text_diff(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The changed lines of every file, as '-old' / '+new' with the file name."""
    out = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name, "").splitlines(), after.get(name, "").splitlines()
        for line in difflib.unified_diff(old, new, lineterm="", n=0):
            if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
                out.append(f"{name}: {line}")
    return out


def export(plan_dir: Path, tmp_path: Path, lang: str | None = None) -> Path:
    """The plan's workbook, in the run's language (English in the tests) or in ``lang`` (``th``)."""
    out = tmp_path / (f"plan-{lang}.xlsx" if lang else "plan.xlsx")
    chosen = ("--lang", lang) if lang else ()
    run = eduplan("export", str(plan_dir), "--format", "xlsx", "-o", str(out), *chosen)
    assert run.returncode == 0, run.stderr
    return out


def edit(workbook: Path, cells: dict[tuple[str, str], object]) -> Path:
    """Set cells addressed by (sheet, 'row id', column key) ... or (sheet, 'A1')."""
    book = openpyxl.load_workbook(workbook)
    for (sheet, ref), value in cells.items():
        book[sheet][ref] = value
    edited = workbook.with_name("edited.xlsx")
    book.save(edited)
    return edited


def cell_of(workbook: Path, sheet: str, row_id: str, key: str) -> str:
    """The address of the cell in the row of ``row_id`` and the column whose header ends with (key)."""
    ws = openpyxl.load_workbook(workbook)[sheet]
    column = next(c.column_letter for c in ws[1] if str(c.value).endswith(f"({key})"))
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if row_id in (r[0].value, r[1].value))
    return f"{column}{row}"
