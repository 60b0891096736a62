"""What every workbook eduplan writes shares: its fills, date formats, drop-down lists, safe cell values, fixed times.

The plan's workbook (:mod:`eduplan.sheet.write`) and the forms a school fills in
(:mod:`eduplan.collect.write`) are written with these, so that they look alike, speak the same
date format and are reproducible: the same content and time give the same bytes.
openpyxl is imported here: this module is imported only by the commands that write workbooks.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import PatternFill

from eduplan.errors import UsageError
from eduplan.i18n import _

__all__ = ["DATE_FORMATS", "EPOCH", "GREY", "HEAD_FILL", "cell_value", "fixed_times", "list_formula"]

GREY = PatternFill("solid", fgColor="EDEDED")
"""The fill of a context cell: shown, never read back."""
HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
"""The fill of a header cell."""
EPOCH = dt.datetime(1980, 1, 1)
"""The earliest time a zip entry can carry: a workbook's time when none is given (no clock)."""
DATE_FORMATS = {"th": "[$-41E]d mmm bbbb", "en": "yyyy-mm-dd"}
"""How a date cell shows its day: a Thai workbook in Thai with the Buddhist-Era year (20 ก.ย. 2567)."""


def list_formula(choices: Iterable[str]) -> str | None:
    """The formula of a drop-down list offering ``choices``; ``None`` when Excel cannot hold it.

    Excel's list of choices holds 255 characters, separated by commas: a choice with a comma or a
    quote in it, or a list longer than that, gets no drop-down (the cell is still judged when read).
    """
    words = list(choices)
    formula = '"' + ",".join(words) + '"'
    if not words or len(formula) > 257 or any("," in w or '"' in w for w in words):
        return None
    return formula


def cell_value(value: Any, where: str) -> Any:
    """A value for a cell; text with a control character (which XLSX cannot hold) is refused, saying where.

    Raises:
        UsageError: the text holds a control character (U+0000 to U+001F but tab and line breaks).
    """
    if isinstance(value, str) and (bad := ILLEGAL_CHARACTERS_RE.search(value)):
        shown = value if len(value) <= 40 else value[:40] + "…"
        shown = ILLEGAL_CHARACTERS_RE.sub("\ufffd", shown)
        raise UsageError(
            _(
                "{where}: the text {text!r} holds the control character {char}, which a workbook "
                "cannot hold; remove it from the plan (it is invisible in most editors)"
            ).format(where=where, text=shown, char=f"U+{ord(bad.group()):04X}")
        )
    return value


def fixed_times(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the zip with every entry dated ``when`` and the document's modified time set to it."""
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + iso.encode(), body)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, body)
    return out.getvalue()
