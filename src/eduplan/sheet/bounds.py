"""Limits on a workbook read back, checked before openpyxl builds a single cell.

openpyxl holds every cell of a workbook in memory (eduplan opens it twice: values and formulas),
and iterating a sheet visits every cell of the rectangle up to its last cell: one value in
``XFD1048576`` is 17 billion cells. So, in this order:

1. the file is at most :data:`MAX_WORKBOOK_BYTES` and a zip archive;
2. its members decompress to at most :data:`MAX_UNZIPPED_BYTES` together, and no large member
   is compressed more than :data:`MAX_RATIO` times (a zip bomb);
3. its sheets hold at most :data:`MAX_CELLS` cells and its shared-string table as many strings,
   counted in the XML as it streams out of the archive;
4. once loaded, no sheet reaches past row :data:`MAX_ROWS` or column :data:`MAX_COLUMNS`
   (:func:`check_extent`, with the cell that does).

A workbook the export wrote for a whole plan is far inside each limit (the real plan: under
100 KB, 2,000 cells, 60 rows, 30 columns).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.load.zipped import MAX_RATIO, open_zip

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "MAX_WORKBOOK_BYTES",
    "check_archive",
    "check_extent",
]

MAX_WORKBOOK_BYTES = 20_000_000
"""Largest workbook file read (20 MB)."""
MAX_UNZIPPED_BYTES = 50_000_000
"""Most bytes the workbook's members may decompress to, together (50 MB)."""
MAX_CELLS = 100_000
"""Most cells in all sheets together (and most shared strings)."""
MAX_ROWS = 20_000
"""Last row a sheet may reach."""
MAX_COLUMNS = 500
"""Last column a sheet may reach (SF)."""

_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")
_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_TAIL = 64
_CHUNK = 1 << 20


def check_archive(data: bytes, name: str) -> None:
    """Refuse a workbook that is too large, not a zip archive, a zip bomb or has too many cells.

    Raises:
        UsageError: one line saying which limit, with its number.
    """
    archive = open_zip(
        data,
        name,
        kind="an XLSX workbook",
        noun="workbook",
        max_bytes=MAX_WORKBOOK_BYTES,
        max_unzipped=MAX_UNZIPPED_BYTES,
    )
    with archive:
        members = archive.infolist()
        cells = strings = 0
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                cells += _count(archive, member, _CELL, name)
            elif member.filename.endswith("sharedStrings.xml"):
                strings += _count(archive, member, _STRING, name)
        if cells > MAX_CELLS:
            raise UsageError(
                _(
                    "{name}: the workbook holds more than {limit} cells; "
                    "eduplan imports workbooks of one plan (split it, or clear the sheets it does not need)"
                ).format(name=name, limit=f"{MAX_CELLS:,}")
            )
        if strings > MAX_CELLS:
            raise UsageError(
                _(
                    "{name}: the workbook holds more than {limit} shared strings; "
                    "eduplan imports workbooks of one plan (split it, or clear the sheets it does not need)"
                ).format(name=name, limit=f"{MAX_CELLS:,}")
            )


def _count(archive: zipfile.ZipFile, member: zipfile.ZipInfo, pattern: re.Pattern[bytes], name: str) -> int:
    """How many times ``pattern`` occurs in a member, read in chunks (stops counting past MAX_CELLS)."""
    found = 0
    tail = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                buffer = tail + chunk
                edge = max(len(buffer) - _TAIL, 0)
                found += sum(1 for m in pattern.finditer(buffer, 0, len(buffer)) if m.start() < edge)
                tail = buffer[edge:]
                if found > MAX_CELLS:
                    return found
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise UsageError(
            _("{name}: not an XLSX workbook ({error})").format(name=name, error=f"{member.filename}: {exc}")
        ) from None
    return found + sum(1 for _ in pattern.finditer(tail))


def check_extent(name: str, sheet: str, cells: Iterable[tuple[int, int]]) -> None:
    """Refuse a sheet with a cell past MAX_ROWS or MAX_COLUMNS (one value in XFD1048576).

    Args:
        name: The workbook, as the user named it.
        sheet: The sheet's name.
        cells: (row, column) of every cell the sheet holds.

    Raises:
        UsageError: the line names the first such cell and the limits.
    """
    from openpyxl.utils import get_column_letter

    far = next(((r, c) for r, c in cells if r > MAX_ROWS or c > MAX_COLUMNS), None)
    if far is not None:
        raise UsageError(
            _(
                "{name}: {cell}: a cell beyond the last row and column eduplan reads ({last}): "
                "clear the cells beyond them"
            ).format(
                name=name,
                cell=f"{sheet}!{get_column_letter(far[1])}{far[0]}",
                last=f"{get_column_letter(MAX_COLUMNS)}{MAX_ROWS}",
            )
        )
