"""The codes of what reading the schools' returns finds (RT), and where a finding in a workbook is: ``file!C7``.

A workbook has no lines and columns of text; a cell is named as Excel names it. A :class:`CellPlace` is a
:class:`~eduplan.findings.Span` (``line`` the row, ``col`` the column) that prints as
``returns/2567/1052140123.xlsx!C7``, so findings of the returns go through the same reporters as any
other. A finding about a whole file (row 0) prints as the file alone.

Every error excludes something, never guesses: a whole return (RT01-RT07 on the school's code or name),
or one indicator of one unit (RT07 on a question's words, RT08-RT10). Warnings exclude nothing.
"""

from __future__ import annotations

from eduplan.findings import CodeInfo, Finding, Severity, Span
from eduplan.rollup.codes import column_letter

__all__ = ["CODES", "CellPlace", "cell", "finding", "whole_file"]


class CellPlace(Span):
    """A cell of a workbook: ``line`` is its row, ``col`` its column (both 0 for the whole file)."""

    __slots__ = ()

    def __str__(self) -> str:
        """``returns/2567/1052140123.xlsx!C7``, or the file alone."""
        if not self.line:
            return self.file
        return f"{self.file}!{column_letter(self.col)}{self.line}"


def cell(file: str, row: int, column: int) -> CellPlace:
    """The place of one cell (1-based row and column)."""
    return CellPlace(file, row, column, row, column + 1)


def whole_file(file: str) -> CellPlace:
    """The place of a whole workbook."""
    return CellPlace(file, 0, 0, 0, 0)


E, W = Severity.ERROR, Severity.WARNING

_DOCS: dict[str, tuple[str, Severity, str]] = {
    "RT01": (
        "returns.unreadable",
        E,
        "A returned file cannot be read as a workbook; the return is left out.\n\n"
        "It is not an XLSX file (a CSV, an old .xls, a PDF renamed), it is damaged, larger than eduplan reads, or "
        "a zip bomb. Ask the school to save the form it was sent as an Excel workbook (.xlsx) and send it again.",
    ),
    "RT02": (
        "returns.not-a-form",
        E,
        "A returned workbook is not a form made by ``eduplan collect``; the return is left out.\n\n"
        "The form carries a hidden record of what it was made for (the plan, the year, the questions); a "
        "workbook without it, or with a record eduplan cannot read, is not judged. Send the school its form "
        "again (``eduplan collect``) and ask it to fill in that one.",
    ),
    "RT03": (
        "returns.other-plan-or-year",
        E,
        "A returned form was made for another plan or another year; the return is left out.\n\n"
        "Its answers are about other questions or another year: they are never counted for this one. Put it "
        "with the returns of its own year, or send the school this year's form.",
    ),
    "RT04": (
        "returns.unknown-unit",
        E,
        "A return names a school code that is not in the register; the return is left out.\n\n"
        "Add the school to the register (register.yaml) if it belongs to the office, or correct the code.",
    ),
    "RT05": (
        "returns.not-expected",
        E,
        "A return comes from a unit that is not expected this year; the return is left out.\n\n"
        "The register holds the unit, but not as one of the units the indicators count in this year: it was "
        "closed or not yet opened, it is under another office, or no indicator's scope takes it. Correct the "
        "register if it should count.",
    ),
    "RT06": (
        "returns.duplicate",
        E,
        "Two returns (or a return and the unit's own plan) give the answers of one unit; every one of them is "
        "left out.\n\nWhich one is right cannot be told from the files; eduplan never guesses. Keep one of "
        "them (remove or move the other out of the returns folder) and run again.",
    ),
    "RT07": (
        "returns.edited-label",
        E,
        "A locked cell of a returned form was changed: the school's code or name, or the words of a question.\n\n"
        "A changed code or name leaves the whole return out; a changed question leaves out the answers to that "
        "indicator (the answer may be to another question). Ask the school to fill in the form as it was sent.",
    ),
    "RT08": (
        "returns.bad-answer",
        E,
        "An answer cannot be read as what its question asks; that indicator's answers of the unit are left out.\n\n"
        "A number cell holds text, a negative count, a percentage format or a formula without a saved result; "
        "a level is not one of the list; a yes/no cell holds neither. Zero is an answer (0) and no data is "
        "another (ไม่มีข้อมูล): type the one that is true.",
    ),
    "RT09": (
        "returns.numerator-above-denominator",
        E,
        "A ratio's numerator is larger than its denominator (more students passed than sat the test); that "
        "indicator's answers of the unit are left out.\n\nAsk the school which of the two numbers is wrong.",
    ),
    "RT10": (
        "returns.half-answered",
        E,
        "An indicator's questions are answered in part (a numerator without its denominator); its answers of "
        "the unit are left out.\n\nA ratio needs both numbers; a mean weighted by a collected number needs it "
        "too. Type the missing one, or ไม่มีข้อมูล in every question of the indicator.",
    ),
    "RT11": (
        "returns.not-read",
        W,
        "Something in a returned form is not read: a value or a comment outside the answer cells, a sheet "
        "added, or the answer to a question the plan no longer asks.\n\nPut what it says into the note "
        "column, or ignore the warning when it is only a note.",
    ),
    "RT12": (
        "returns.question-changed",
        W,
        "The plan's question changed since the form was made (its words, its unit or its list of levels).\n\n"
        "The answer is read against the question as the plan declares it now; when its type changed (a number "
        "became a level) it cannot be, and the indicator's answers are left out (an error). Make new forms "
        "with ``eduplan collect`` when the change matters.",
    ),
    "RT13": (
        "returns.date",
        W,
        "The date a return was made is late (after the due date the form gave), cannot be read, or is later "
        "than the run.\n\nA late return is still counted; the warning says how late. Type the date as "
        "20/09/2567, or as a date cell.",
    ),
    "RT14": (
        "returns.unit-plan",
        E,
        "A unit that keeps its own plan cannot feed the office: its plan does not load whole, or it has no "
        "report of the year.\n\nRun ``eduplan validate`` on the unit's plan, or add the report of the year.",
    ),
    "RT15": (
        "returns.feeds",
        E,
        "A ``feeds:`` of a unit's own plan does not fit the office's indicator: the indicator or its question "
        "does not exist, the kinds differ (a level fed into a number), the plan id is another, or two of "
        "the unit's indicators feed one question.\n\nCorrect the ``feeds:`` in the unit's plan.",
    ),
    "RT16": (
        "returns.empty",
        W,
        "A returned form answers no question: the unit counts as not reporting.\n\nAsk the school to fill "
        "in its answers and send the form again.",
    ),
}

CODES: dict[str, CodeInfo] = {
    code: CodeInfo.documented(code, name, severity, doc) for code, (name, severity, doc) in _DOCS.items()
}
"""Every code of the returns (RT), for ``eduplan explain`` and the reporters."""


def finding(
    code: str, message: str, span: Span | None, hint: str | None = None, severity: Severity | None = None
) -> Finding:
    """A finding of code ``code``: its name from :data:`CODES`, its severity too unless ``severity`` says."""
    info = CODES[code]
    return Finding(code, info.name, severity or info.severity, message, span, hint=hint)
