"""Located findings of a Word import: ``plan.docx: table 12, row 3, column 5: ...`` or ``paragraph 40``.

A Word document has no lines and columns; its places are paragraphs and table cells, counted the way
a reader counts them (1-based, paragraphs and tables of the body separately, rows as printed,
columns on the table's grid, a merged cell counted at its first column). A :class:`Place` is a
:class:`~eduplan.findings.Span` that says so when printed, so findings of an import go through the
same reporters as any other.
"""

from __future__ import annotations

from eduplan.findings import CodeInfo, Finding, Severity, Span
from eduplan.i18n import _

__all__ = ["CODES", "Notes", "Place", "paragraph", "table"]


class Place(Span):
    """A place in a .docx: ``line`` is the paragraph or table number, ``col`` the row, ``end_col`` the column.

    ``end_line`` is 0 for a paragraph and 1 for a table (a :class:`~eduplan.findings.Span` has no
    other field to say which).
    """

    __slots__ = ()

    def __str__(self) -> str:
        """``plan.docx: paragraph 40``, ``plan.docx: table 12``, ``plan.docx: table 12, row 3, column 5``."""
        if self.end_line == 0:
            where = _("paragraph {paragraph}")
        elif self.col and self.end_col:
            where = _("table {table}, row {row}, column {column}")
        elif self.col:
            where = _("table {table}, row {row}")
        elif self.end_col:
            where = _("table {table}, column {column}")
        else:
            where = _("table {table}")
        place = where.format(paragraph=self.line, table=self.line, row=self.col, column=self.end_col)
        return f"{self.file}: {place}"


def paragraph(file: str, number: int) -> Place:
    """The place of paragraph ``number`` (1-based, of the body)."""
    return Place(file, number, 0, 0, 0)


def table(file: str, number: int, row: int = 0, column: int = 0) -> Place:
    """The place of a table, one of its rows or one of its cells (1-based; 0 leaves it out)."""
    return Place(file, number, row, 1, column)


_DOCS = {
    "WD01": (
        "word.not-read",
        Severity.WARNING,
        "Something of the Word file could not be read; it is not in the imported plan.\n\n"
        "Type it into the YAML by hand, or fix the document and import again.",
    ),
    "WD02": (
        "word.inferred",
        Severity.INFO,
        "Something the Word file does not say outright was inferred (a kind from its unit, a number from "
        "Word's automatic numbering, a table continued on the next page).\n\nCheck it in the YAML.",
    ),
    "WD03": (
        "word.skipped",
        Severity.INFO,
        "Paragraphs of a part eduplan does not import (the context chapters, the monitoring chapter) were left "
        "out.\n\nThey stay in the Word file; add them as context sections when the plan needs them.",
    ),
    "WD04": (
        "word.missing",
        Severity.ERROR,
        "The Word file lacks what every plan needs (a title, the office's name, the period, a level of the "
        "strategy): nothing is written.\n\nAdd it to the document (the title, office and period in its first "
        "paragraphs) and import again.",
    ),
}
CODES: dict[str, CodeInfo] = {
    code: CodeInfo.documented(code, name, severity, doc) for code, (name, severity, doc) in _DOCS.items()
}
"""The codes of a Word import's findings."""


class Notes:
    """The findings of one import, in the order the document gives them."""

    def __init__(self, file: str) -> None:
        """No findings yet, for the file named ``file`` (as the user named it)."""
        self.file = file
        self.items: list[Finding] = []

    def add(self, code: str, place: Place | None, message: str, hint: str | None = None) -> None:
        """Add a finding of ``code`` (its default severity) at ``place``."""
        info = CODES[code]
        self.items.append(Finding(code, info.name, info.severity, message, place, hint=hint))

    def at_paragraph(self, code: str, number: int, message: str) -> None:
        """Add a finding at paragraph ``number``."""
        self.add(code, paragraph(self.file, number), message)

    def at_table(self, code: str, number: int, message: str, row: int = 0, column: int = 0) -> None:
        """Add a finding at a table, row or cell."""
        self.add(code, table(self.file, number, row, column), message)

    def column_not_read(self, number: int, column: int, label: str) -> None:
        """Say that a column of table ``number`` headed ``label`` (empty: no header) was not imported."""
        if label:
            message = _("column {label!r} is not one eduplan reads; its cells were not imported").format(label=label)
        else:
            message = _("a column with no header is not one eduplan reads; its cells were not imported")
        self.at_table("WD01", number, message, 0, column)

    @property
    def errors(self) -> list[Finding]:
        """The findings that stop the import."""
        return [f for f in self.items if f.severity == Severity.ERROR]
