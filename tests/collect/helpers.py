"""Helpers of the collect tests: the example office copied, forms made and filled in as a school would, returns read."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl

from eduplan.collect.returns import Gathered, gather
from eduplan.load.whole import load_whole
from tests.conftest import REPO
from tests.validate.helpers import Run, cli

EXAMPLE = REPO / "docs" / "examples" / "rollup-office"
OFFICE = EXAMPLE / "office"
TODAY = dt.date(2567, 11, 30)
"""The day the tests read the returns on (B.E.): after every return of the example."""

__all__ = ["EXAMPLE", "OFFICE", "TODAY", "answer_cells", "collect", "fill", "found", "office_copy", "read", "record"]


def office_copy(tmp_path: Path, *, returns: bool = False) -> Path:
    """The example office (and its school that keeps a plan) copied under ``tmp_path``; its office folder."""
    shutil.copytree(
        EXAMPLE / "office", tmp_path / "office", ignore=None if returns else shutil.ignore_patterns("returns")
    )
    shutil.copytree(EXAMPLE / "schools", tmp_path / "schools")
    return tmp_path / "office"


def collect(root: Path, out: Path, *more: str, year: int = 2567) -> Run:
    """``eduplan collect ROOT --year YEAR -o OUT ...``, in-process."""
    return cli("collect", str(root), "--year", str(year), "-o", str(out), *more)


def record(path: Path) -> list[tuple[Any, ...]]:
    """The rows of a form's very hidden record, read with openpyxl alone."""
    book = openpyxl.load_workbook(path)
    return [tuple(row) for row in book["eduplan-form"].iter_rows(values_only=True)]


def answer_cells(path: Path) -> dict[tuple[str, str, str], str]:
    """(unit code, indicator, key) -> the answer cell, from the record."""
    return {(str(r[2]), str(r[3]), str(r[4])): str(r[1]) for r in record(path) if r[0] == "answer"}


def fill(
    path: Path,
    answers: dict[str, dict[str, dict[str, Any]]],
    *,
    dates: dict[str, Any] | None = None,
    cells: dict[str, Any] | None = None,
    target: Path | None = None,
) -> Path:
    """Type answers (code -> indicator -> key -> value), dates and any cell (``C4``) into a form, as Excel would.

    The workbook is saved to ``target`` (default: over itself).
    """
    rows = record(path)
    book = openpyxl.load_workbook(path)
    sheet = book[next(str(r[1]) for r in rows if r[0] == "sheet")]
    where = answer_cells(path)
    for code, by_indicator in answers.items():
        for indicator, by_key in by_indicator.items():
            for key, value in by_key.items():
                sheet[where[(code, indicator, key)]] = value
    date_cells = {str(r[2]): str(r[1]) for r in rows if r[0] == "date"}
    for code, value in (dates or {}).items():
        sheet[date_cells[code]] = value
    for ref, value in (cells or {}).items():
        sheet[ref] = value
    out = target or path
    book.save(out)
    return out


def read(root: Path, year: int = 2567) -> Gathered:
    """Every return of ``year`` read back from the plan folder ``root``."""
    plan, loaded = load_whole(root)
    return gather(plan, loaded, year, today=TODAY)


def found(gathered: Gathered, root: Path) -> list[str]:
    """The findings as ``place CODE``, the place relative to ``root`` (``returns/2567/1088880003.xlsx!E19 RT09``)."""
    prefix = str(root) + "/"
    return [f"{str(f.span).removeprefix(prefix)} {f.code}" for f in gathered.findings]
