"""What the guide's reader does by hand (``<!-- manual: NAME -->``), done here in the working directory.

Run as ``python -m tests.guide.manual NAME`` from the guide's commands, so that it happens at the
point of the chapter where the reader does it. Each step is what the chapter's text tells the reader.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

OFFICE_POLICY = Path("plans/pesa-chiang-mai-1/2567-2571/policies/1.yaml")
WORKBOOK = Path("ผลปี2568.xlsx")
WORD_PLAN = Path("แผน2566-2570.docx")


def break_target() -> None:
    """validate.th.md: the table as published gives 73 for 2570, less than 74 for 2569."""
    text = OFFICE_POLICY.read_text(encoding="utf-8")
    assert "2570: 76" in text, "the plan init writes changed: update the guide's example"
    OFFICE_POLICY.write_text(text.replace("2570: 76", "2570: 73"), encoding="utf-8")


def _column(sheet: object, key: str) -> int:
    """The column whose header names the layout key ``key`` (the header reads ``Thai words (key)``)."""
    for cell in sheet[1]:  # type: ignore[index]
        header = str(cell.value or "")
        if header == key or header.endswith(f"({key})"):
            return int(cell.column)
    raise AssertionError(f"no column {key!r} in the sheet")


def fill_in_excel() -> None:
    """annual.th.md: in the sheet of 2568, the results of two indicators and the day they were measured."""
    import openpyxl

    book = openpyxl.load_workbook(WORKBOOK)
    [sheet] = [
        sheet
        for sheet in book.worksheets
        if (mark := sheet.defined_names.get("eduplan.sheet")) is not None and mark.attr_text == '"actuals-2568"'
    ]
    ids, value, measured = _column(sheet, "indicator"), _column(sheet, "value"), _column(sheet, "measured")
    results = {"p1-i1": 88, "p1-1-i1": 100}
    for row in range(2, sheet.max_row + 1):
        indicator = sheet.cell(row, ids).value
        if indicator in results:
            sheet.cell(row, value).value = results.pop(indicator)
            sheet.cell(row, measured).value = "30/09/2568"
    assert not results, f"rows not found: {results}"
    book.save(WORKBOOK)


def word_plan() -> None:
    """import-word.th.md: the office's plan book in Word (the one the Word import's tests read)."""
    from tests.word.test_import import office_plan

    office_plan().save(WORD_PLAN)


STEPS: dict[str, Callable[[], None]] = {
    "break-target": break_target,
    "fill-in-excel": fill_in_excel,
    "word-plan": word_plan,
}


if __name__ == "__main__":
    STEPS[sys.argv[1]]()
