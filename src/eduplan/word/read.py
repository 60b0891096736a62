r"""The body of a .docx as blocks, in order: paragraphs (with their automatic numbers) and tables (on their grid).

Paragraphs and tables are numbered as a reader counts them: paragraphs of the body 1, 2, 3 ...
(those inside tables are part of their cell), tables 1, 2, 3 ... Text has no-break spaces and runs
of spaces made single spaces; a line break inside a paragraph or a cell's several paragraphs are
kept as ``\n`` (a cell holding two lines).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.word.bounds import check_docx
from eduplan.word.numbering import Counter, numbering_of

__all__ = ["Cell", "Para", "Table", "read_docx"]

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_TOC_STYLE = re.compile(r"^(?:toc|สารบัญ)\s*\d*$", re.IGNORECASE)
_TOC_LINE = re.compile(r"(?:\t|\.{4,}|…{2,})\s*[0-9๐-๙ivxlc]{1,4}\s*$")
_HEADING = re.compile(r"^(?:heading|หัวเรื่อง|title|ชื่อเรื่อง)\s*(\d*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of the body.

    Attributes:
        number: 1-based among the body's paragraphs.
        text: Its text (without an automatic number).
        auto: The number Word shows before it from automatic numbering (``"1."``), or None.
        listed: True when it is an item of a Word list (numbered or bulleted).
        heading: Its heading level (1 for Heading 1, 0 for Title), or None for body text.
    """

    number: int
    text: str
    auto: str | None = None
    listed: bool = False
    heading: int | None = None
    toc: bool = False
    """True for a line of a table of contents (a TOC style, or text ending in a tab or dot leaders and a page)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of a table: 1-based row and grid column, how many grid columns it spans, its text."""

    row: int
    column: int
    span: int
    text: str
    covered: bool = False
    """True when the cell continues a vertically merged cell above (Word shows it empty, joined to it)."""
    auto: bool = False
    """True when a number in its text came from Word's automatic numbering."""


@dataclass(slots=True)
class Table:
    """A table of the body: its cells row by row, the rows Word repeats on each page, nested tables."""

    number: int
    rows: list[list[Cell]] = field(default_factory=list)
    repeated: int = 0
    """How many leading rows are marked to repeat at the top of each page (header rows)."""
    nested: list[tuple[int, int]] = field(default_factory=list)
    """(row, column) of the cells that hold a table of their own (its text is not read)."""
    _grid: list[list[str]] | None = field(default=None, repr=False, compare=False)

    def grid(self) -> list[list[str]]:
        """The text at every grid position: a merged cell's text in every column and row it covers (read once)."""
        if self._grid is None:
            self._grid = self._fill()
        return self._grid

    def _fill(self) -> list[list[str]]:
        width = max((c.column + c.span - 1 for row in self.rows for c in row), default=0)
        grid: list[list[str]] = []
        for cells in self.rows:
            line = [""] * width
            for cell in cells:
                text = grid[-1][cell.column - 1] if cell.covered and grid else cell.text
                for k in range(cell.column - 1, cell.column - 1 + cell.span):
                    line[k] = text
            grid.append(line)
        return grid


def clean(text: str) -> str:
    """Spaces made single, each line stripped, empty lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def read_docx(data: bytes, name: str) -> list[Para | Table]:
    """The body's blocks in order.

    Raises:
        UsageError: not a .docx within the limits of :mod:`eduplan.word.bounds`, or one python-docx
            cannot open.
    """
    check_docx(data, name)
    import docx  # noqa: PLC0415  (python-docx is heavy; only an import needs it)

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a broken package raises anything from zipfile to lxml
        message = _("{file}: not a readable Word .docx file ({error})")
        raise UsageError(message.format(file=name, error=f"{type(exc).__name__}: {exc}")) from None
    reader = _Reader(document)
    blocks: list[Para | Table] = []
    for item in document.iter_inner_content():
        element = item._element
        if element.tag == qn("w:tbl"):
            blocks.append(reader.table(element))
        else:
            blocks.append(reader.paragraph(element))
    return blocks


class _Styles:
    """The paragraph styles of the document, read once: name, the style each is based on, its list (numPr)."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.lists: dict[str, tuple[str, int]] = {}
        self.default: str | None = None
        try:
            root = document.styles.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        for style in root.findall(qn("w:style")):
            if style.get(qn("w:type")) != "paragraph":
                continue
            sid = style.get(qn("w:styleId")) or ""
            if style.get(qn("w:default")) in ("1", "true"):
                self.default = sid
            self.names[sid] = _val(style, "w:name") or sid
            if based := _val(style, "w:basedOn"):
                self.based[sid] = based
            pPr = style.find(qn("w:pPr"))
            num_pr = pPr.find(qn("w:numPr")) if pPr is not None else None
            if num_pr is not None and (num_id := _val(num_pr, "w:numId")) is not None:
                self.lists[sid] = (num_id, _level(_val(num_pr, "w:ilvl")))

    def of(self, p: Any) -> str | None:
        """The style id of paragraph ``p``: its own, or the document's default."""
        pPr = p.pPr
        own = pPr.pStyle.val if pPr is not None and pPr.pStyle is not None else None
        return own or self.default

    def list_of(self, sid: str | None) -> tuple[str, int] | None:
        """The list a style (or a style it is based on) makes its paragraphs items of."""
        for _step in range(10):
            if sid is None:
                return None
            if sid in self.lists:
                return self.lists[sid]
            sid = self.based.get(sid)
        return None

    def heading(self, sid: str | None) -> int | None:
        """1 for Heading 1, 0 for Title; None for a style that is no heading."""
        match = _HEADING.match(self.names.get(sid or "", "").strip())
        if match is None:
            return None
        return int(match[1]) if match[1] else 0


def _val(element: Any, tag: str) -> str | None:
    found = element.find(qn(tag))
    return found.get(qn("w:val")) if found is not None else None


def _level(text: str | None) -> int:
    return int(text) if text is not None and text.isdecimal() else 0


class _Reader:
    def __init__(self, document: Any) -> None:
        self.counter = Counter(numbering_of(document))
        self.styles = _Styles(document)
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self, p: Any) -> Para:
        self.paragraphs += 1
        auto, listed = self._auto(p)
        sid = self.styles.of(p)
        raw = p.text
        toc = bool(_TOC_STYLE.match(self.styles.names.get(sid or "", ""))) or bool(_TOC_LINE.search(raw))
        return Para(self.paragraphs, clean(raw).replace("\n", " "), auto, listed, self.styles.heading(sid), toc)

    def table(self, tbl: Any) -> Table:
        self.tables += 1
        table = Table(self.tables)
        heading = True
        for r, tr in enumerate(tbl.tr_lst, start=1):
            column = 1 + (tr.grid_before or 0)
            cells = []
            for tc in tr.tc_lst:
                lines, auto = [], False
                for p in tc.p_lst:
                    number, _listed = self._auto(p)
                    text = clean(p.text)
                    if number is not None:  # a number column Word numbers: the number is all the cell shows
                        text, auto = f"{number} {text}".strip(), True
                    lines.append(text)
                if tc.tbl_lst:
                    table.nested.append((r, column))
                span = max(tc.grid_span, 1)
                cells.append(Cell(r, column, span, clean("\n".join(lines)), tc.vMerge == "continue", auto))
                column += span
            table.rows.append(cells)
            trPr = tr.trPr
            if heading and trPr is not None and trPr.find(qn("w:tblHeader")) is not None:
                table.repeated += 1
            else:
                heading = False
        return table

    def _auto(self, p: Any) -> tuple[str | None, bool]:
        """The automatic number of paragraph ``p`` (counting it), and whether it is a list item at all."""
        pPr = p.pPr
        num_pr = pPr.numPr if pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            found: tuple[str, int] | None = (str(num_pr.numId.val), num_pr.ilvl.val if num_pr.ilvl is not None else 0)
        else:
            found = self.styles.list_of(self.styles.of(p))
        if found is None or found[0] == "0":
            return None, False
        number, level = self.counter.next(*found)
        return number, level is not None
