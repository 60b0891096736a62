"""The codes of what a roll-up finds when it runs (RU10 on) and of a school list read by ``register import`` (RG20 on).

The declarations and the register are checked by rules (RU01-RU03, RG01-RG06, run by ``validate``); what can only
be told with the returns in hand is found here: a coverage below the plan's minimum, a return from a unit that is
not expected or not in the register, answers that cannot be counted. Every one of them leaves something out of a
figure, and says what; nothing is guessed. A :class:`Cell` places a finding in a school list (``list.xlsx!C7``, or
``list.csv`` row and column).
"""

from __future__ import annotations

from eduplan.findings import CodeInfo, Finding, Path, Severity, Span

__all__ = ["CODES", "Cell", "Place", "cell", "column_letter", "finding", "place"]

E, W = Severity.ERROR, Severity.WARNING


class Cell(Span):
    """A cell of a workbook: ``line`` its row, ``col`` its column; ``file`` names the sheet (``list.xlsx!Sheet1``)."""

    __slots__ = ()

    def __str__(self) -> str:
        """``list.xlsx!Sheet1!C7``."""
        return f"{self.file}!{column_letter(self.col)}{self.line}"


def column_letter(column: int) -> str:
    """A 1-based column number as Excel names it: 1 -> A, 27 -> AA (openpyxl is not imported for this)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Place(Span):
    """Where an answer or a return was read, as the reader of the returns wrote it (``returns/2567/1.xlsx!C7``)."""

    __slots__ = ()

    def __str__(self) -> str:
        """The place as written."""
        return self.file


def place(where: str) -> Place:
    """The span of a place the returns' reader wrote (a cell, a file, a report's ``file:line:col``)."""
    return Place(where, 0, 0, 0, 0)


def cell(file: str, row: int, column: int) -> Cell:
    """The place of one cell of a sheet (``file`` is ``list.xlsx!Sheet1``), 1-based."""
    return Cell(file, row, column, row, column + 1)


_DOCS: dict[str, tuple[str, Severity, str]] = {
    "RU10": (
        "rollup.coverage",
        E,
        "Fewer units reported than the plan requires for a figure (``coverage_min``).\n\n"
        "Coverage is the number of expected units whose answers count, over the number of units the register "
        "expects that year (within the indicator's scope), in percent; it is never above 100. Below the plan's "
        "minimum the figure is shown with its coverage but not written into the report: ask the missing units "
        "for their returns, or lower ``coverage_min`` if the plan accepts a partial figure.",
    ),
    "RU11": (
        "rollup.not-expected",
        W,
        "A return comes from a unit of the register that is not expected for the indicator; it is not counted.\n\n"
        "The unit is closed, not yet open, of another kind, level, size or place than the scope, on the day the "
        "register is read for that year. Counting it would raise a coverage above 100%. Check the unit's dates "
        "and the indicator's scope.",
    ),
    "RU12": (
        "rollup.unknown-unit",
        W,
        "A return names a unit code the register does not hold; it is not counted.\n\n"
        "A mistyped code on a form, a new school, or a school of another office. Add the unit to the register "
        "(``eduplan register import``), or correct the code on the return.",
    ),
    "RU13": (
        "rollup.duplicate-return",
        E,
        "A unit returned twice for the same year; neither return is counted.\n\n"
        "Which of two returns is right cannot be told from the files: keep one (remove or rename the other) and "
        "run the roll-up again.",
    ),
    "RU14": (
        "rollup.answer",
        E,
        "An answer cannot be counted for its indicator; the unit is left out of that figure.\n\n"
        "A number where words are asked, a level not on the question's scale, one of a ratio's two numbers "
        "without the other, a numerator above its denominator, a negative number of students. The reader of the "
        "returns reports most of these at their cell; the roll-up checks again whatever it is given.",
    ),
    "RU15": (
        "rollup.no-denominator",
        W,
        "A ratio's denominators add up to zero: the figure has no value.\n\n"
        "Every unit that reported gave a denominator of 0 (no student sat the test, say). The figure is no data, "
        "not zero.",
    ),
    "RU16": (
        "rollup.no-weight",
        W,
        "A weighted mean cannot weigh a unit: it has no weight; the unit is left out of the mean.\n\n"
        "The register gives no ``students`` for the unit (or its collected weight is missing). Add the number "
        "of students to the register.",
    ),
    "RU17": (
        "rollup.typed-actual",
        W,
        "The report already has an actual for the indicator, typed by hand; the roll-up does not replace it.\n\n"
        "An actual whose ``source`` does not say it came from ``eduplan rollup`` is the office's own: "
        "``eduplan rollup --write --replace`` replaces it (and says so), or remove it by hand.",
    ),
    "RG20": (
        "register-import.header",
        W,
        "A column of the school list is not one the import knows; it is not read.\n\n"
        "The import reads the columns of OBEC's school lists by their headers, in Thai or English: รหัสโรงเรียน "
        "(code), ชื่อโรงเรียน (name), อำเภอ, จังหวัด, ขนาด, จำนวนนักเรียน, สังกัด, ระดับที่เปิดสอน. Rename "
        "the header if the column is one of these.",
    ),
    "RG21": (
        "register-import.value",
        E,
        "A cell of the school list cannot be read for its column; nothing is written.\n\n"
        "A school code with letters, a number of students that is not a whole number, a size that is not one of "
        "ขนาดเล็ก, ขนาดกลาง, ขนาดใหญ่, ขนาดใหญ่พิเศษ. Correct the cell and import again.",
    ),
    "RG22": (
        "register-import.duplicate",
        E,
        "A school code is listed twice in the school list; nothing is written.\n\nKeep one row per school.",
    ),
    "RG23": (
        "register-import.missing",
        E,
        "A row of the school list has no school code or no name; nothing is written.\n\n"
        "Give both, or remove the row (an empty row is skipped).",
    ),
    "RG24": (
        "register-import.encoding",
        W,
        "The CSV file is not UTF-8; it was read as Windows Thai (cp874, TIS-620).\n\n"
        "Excel on Thai Windows saves CSV files this way; the register is written in UTF-8. Nothing to do unless "
        "the names read wrongly.",
    ),
}

CODES: dict[str, CodeInfo] = {
    code: CodeInfo.documented(code, name, severity, doc) for code, (name, severity, doc) in _DOCS.items()
}
"""Every code of the roll-up run and of the register import, for ``eduplan explain`` and the reporters."""


def finding(
    code: str,
    message: str,
    span: Span | None,
    hint: str | None = None,
    path: Path = (),
    severity: Severity | None = None,
) -> Finding:
    """A finding of ``code``: its name from :data:`CODES`, its severity too unless ``severity`` says."""
    info = CODES[code]
    return Finding(code, info.name, severity or info.severity, message, span, path, hint)
