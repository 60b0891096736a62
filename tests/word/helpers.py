"""Word files in the shapes offices publish their plans in, built with python-docx for the import's tests.

:class:`Doc` writes paragraphs (typed numbers, or Word's automatic numbering through the ``List
Number`` styles), headings, and indicator tables with the header offices use: ``ที่``, ``ตัวชี้วัด``,
``หน่วยนับ``, ``ค่าฐาน`` merged down over two rows, ``ค่าเป้าหมาย`` merged across the year columns
above a row of years, ``ผู้รับผิดชอบ``; header rows marked to repeat on each page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

from eduplan.word.importer import WordImport, import_docx
from tests.render.helpers import check_golden as _check_golden

GOLDEN = Path(__file__).resolve().parent / "golden"
YEARS = (2566, 2567, 2568, 2569, 2570)


def check_golden(name: str, text: str) -> None:
    """Compare with ``golden/NAME`` beside this file (EDUPLAN_UPDATE_GOLDENS=1 rewrites it)."""
    _check_golden(name, text, GOLDEN)


class Doc:
    """A Word document being written, block by block."""

    def __init__(self) -> None:
        self.document = docx.Document()

    def para(self, text: str, style: str | None = None) -> Doc:
        self.document.add_paragraph(text, style=style)
        return self

    def heading(self, text: str, level: int = 1) -> Doc:
        self.document.add_heading(text, level)
        return self

    def numbered(self, *items: str, restart: bool = True) -> Doc:
        """Items of a Word list: the numbers are Word's automatic numbering, not in the text.

        Every ``List Number`` paragraph of a document is one list in Word (the numbers go on from
        list to list); ``restart`` starts this one at 1 again, as Word's "Restart at 1" does: a new
        numbering instance of the same definition, with a start override.
        """
        num_id = self._restarted() if restart else None
        for item in items:
            paragraph = self.document.add_paragraph(item, style="List Number")
            if num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
        return self

    def number_column(self, table: Table, first_row: int = 2) -> None:
        """Number the first column's cells from ``first_row`` on with Word's automatic numbering (cells left empty)."""
        num_id = self._restarted()
        for row in table.rows[first_row:]:
            paragraph = row.cells[0].paragraphs[0]
            paragraph.text = ""
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id

    def _restarted(self) -> int:
        numbering = self.document.part.numbering_part.element
        style = self.document.styles["List Number"].element
        base = style.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(base).abstractNumId.val
        num = numbering.add_num(abstract)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        return int(num.numId)

    def front(self, title: str, period: str, office: str) -> Doc:
        return self.para(title, "Title").para(period).para(office)

    def indicator_table(
        self,
        rows: Sequence[Sequence[str]],
        years: Sequence[str] = tuple(map(str, YEARS)),
        *,
        owner: bool = True,
        repeat_header_at: int | None = None,
    ) -> Table:
        """An indicator table: two merged header rows, then ``rows``: number, name, unit, baseline, targets[, owner].

        ``repeat_header_at``: the header rows appear again before that data row (a page break in a
        table whose header Word repeats, saved as rows of the table).
        """
        width = 4 + len(years) + owner
        body = [list(r) for r in rows]
        header = 2
        total = header + len(body) + (header if repeat_header_at is not None else 0)
        table = self.document.add_table(rows=total, cols=width)
        table.style = "Table Grid"
        starts = [0] + ([header + repeat_header_at] if repeat_header_at is not None else [])
        for start in starts:
            self._header(table, start, years, owner)
        data_rows = [r for r in range(header, total) if not any(s <= r < s + header for s in starts)]
        for r, values in zip(data_rows, body, strict=True):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        for r in range(header):
            _repeat(table.rows[r])
        return table

    @staticmethod
    def _header(table: Table, start: int, years: Sequence[str], owner: bool) -> None:
        labels = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน"] + (["ผู้รับผิดชอบ"] if owner else [])
        columns = [0, 1, 2, 3] + ([4 + len(years)] if owner else [])
        for label, c in zip(labels, columns, strict=True):
            table.cell(start, c).merge(table.cell(start + 1, c)).text = label
        table.cell(start, 4).merge(table.cell(start, 3 + len(years))).text = "ค่าเป้าหมาย"
        for k, year in enumerate(years):
            table.cell(start + 1, 4 + k).text = year

    def table(self, rows: Sequence[Sequence[str]]) -> Table:
        """A plain table (not an indicator table)."""
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        return table

    def data(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.data())
        return path

    def imported(self, root: Path = Path("plans/office/2566-2570"), name: str = "plan.docx") -> WordImport:
        return import_docx(self.data(), name, root)


def _repeat(row: object) -> None:
    """Mark a row to repeat at the top of each page (``w:tblHeader``)."""
    tr = row._tr  # type: ignore[attr-defined]
    tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    assert tr.trPr.find(qn("w:tblHeader")) is not None


def shown(result: WordImport, root: Path = Path("plans/office/2566-2570")) -> str:
    """The files of an import (relative to the new folder) and its findings, as one text for a golden file."""
    parts = [f"# --- {path.relative_to(root)}\n{text}" for path, text in result.files.items()]
    parts.append(
        "# --- findings\n" + "".join(f"{f.span}: {f.severity.value} {f.code} {f.message}\n" for f in result.findings)
    )
    return "".join(parts)
