"""``eduplan register import LIST -o register.yaml``: an office's school list (CSV or XLSX) as a register of units.

The list is read by :mod:`eduplan.rollup.schoollist` (Thai headers, CSV in UTF-8 or Windows Thai); every cell that
cannot be read is a located finding and nothing is written (exit 1). The register is written as YAML, checked by
reading it back, to a new file only: an existing file is never written over (exit 2), nor the list itself. Without
``-o`` the YAML goes to standard output.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from eduplan.cli.common import EXIT_FINDINGS, fail, print_findings
from eduplan.errors import UsageError
from eduplan.i18n import N_, _, ngettext

__all__ = ["register"]


class Action(StrEnum):
    """What ``eduplan register`` does."""

    IMPORT = "import"


_LIST = N_("the school list")
"""What the list is, for a refusal that names it (translated where used)."""


def register(
    action: Annotated[Action, typer.Argument(help="`import`: read a school list (CSV or XLSX) into a register.")],
    source: Annotated[Path, typer.Argument(help="The school list: a CSV or XLSX file with a header row.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The register file to write (a new file); default: standard output."),
    ] = None,
    parent: Annotated[
        str | None,
        typer.Option("--parent", help="The office code of every school whose row names none (the office's code)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The register's date, B.E. year-month-day (2567-06-10)."),
    ] = None,
) -> None:
    """Make a register of units from an office's school list.

    The list's columns are found by their headers, in Thai or English: รหัสโรงเรียน (code), ชื่อโรงเรียน (name),
    อำเภอ, จังหวัด, ขนาด, จำนวนนักเรียน, สังกัด, ระดับที่เปิดสอน, หมายเหตุ. A cell that cannot be read is
    reported as `list.csv:12:3` or `list.xlsx!Sheet1!C12` and nothing is written. Exit codes: 0 written, 1 cells
    that cannot be read (nothing written), 2 trouble (no header row, the output file exists).
    """
    from eduplan.model.common import PlanValueError
    from eduplan.model.register import be_date
    from eduplan.rollup.registerfile import register_yaml
    from eduplan.rollup.schoollist import read_csv, read_xlsx

    del action  # one action so far: import
    if output is not None and (output.exists() or output.is_symlink()):
        raise UsageError(
            _("{file}: exists; the import writes a new file only: choose another name, or remove it").format(
                file=output
            )
        )
    date: dt.date | None = None
    if as_of is not None:
        try:
            date = be_date(as_of)
        except PlanValueError as exc:
            raise UsageError(f"--as-of: {exc}") from None
    data = _read(source)
    suffix = source.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        result = read_xlsx(data, str(source), parent=parent)
    elif suffix in (".csv", ".txt", ".tsv"):
        result = read_csv(data, str(source), parent=parent)
    else:
        raise UsageError(_("{file}: a school list is a CSV or XLSX file").format(file=source))
    print_findings(result.findings, sys.stderr)
    if result.errors:
        count = len(result.errors)
        fail(
            ngettext(
                "{file}: {count} cell cannot be read; nothing written",
                "{file}: {count} cells cannot be read; nothing written",
                count,
            ).format(file=source, count=count),
            EXIT_FINDINGS,
        )
    text = register_yaml(result.units, date, source.name)
    if output is None:
        sys.stdout.write(text)
        return
    _write(output, text, source)
    print(
        ngettext(
            "eduplan: {file}: {count} unit from {source}",
            "eduplan: {file}: {count} units from {source}",
            len(result.units),
        ).format(file=output, count=len(result.units), source=source),
        file=sys.stderr,
    )


def _read(source: Path) -> bytes:
    from eduplan.load.files import read_bounded

    data, reason = read_bounded(source)
    if data is None:
        raise UsageError(_("{file}: cannot read the school list: {reason}").format(file=source, reason=reason))
    return data


def _write(output: Path, text: str, source: Path) -> Any:
    from eduplan.output.atomic import Batch
    from eduplan.output.guard import Inputs

    batch = Batch(Inputs().add(source, _LIST))
    batch.add_text(output, text)
    return batch.commit()
