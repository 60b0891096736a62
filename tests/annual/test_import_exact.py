"""An import never loses an edit: every change of the workbook is imported exactly, or refused at its cell.

Each test edits an exported workbook the way a person does in Excel (with openpyxl), imports it,
and checks either the exact change in the YAML and the summary line that lists it, or the located
refusal and that nothing was written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.annual.xlsx import EXAMPLE, cell_of, eduplan, export, snapshot, text_diff

REPORT = "reports/2567.yaml"
SHEETS = (
    "indicators, projects-2567 (for reading only), results-2567, actuals-2566, actuals-2567, actuals-2568, "
    "actuals-2569, actuals-2570"
)


@pytest.fixture
def plan(copy_of):
    return copy_of(EXAMPLE)


@pytest.fixture
def book(plan, tmp_path):
    """The exported workbook, open for editing; ``save(book)`` writes it and gives its path."""
    return openpyxl.load_workbook(export(plan, tmp_path))


def save(book: openpyxl.Workbook, tmp_path: Path) -> Path:
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path


def refused(run, *lines: str) -> None:
    """The import failed (exit 1) and its stderr starts with these located lines."""
    assert run.returncode == 1, run.stdout
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines()[: len(lines)] == list(lines)
    assert run.stderr.splitlines()[-1].endswith("nothing was written")


def where(plan: Path, tmp_path: Path, sheet: str, row_id: str, key: str) -> str:
    return cell_of(tmp_path / "plan.xlsx", sheet, row_id, key)


# -- merged cells --------------------------------------------------------------------------------


def test_merging_two_value_cells_is_refused_and_the_value_kept(plan, book, tmp_path):
    before = snapshot(plan)
    book["actuals-2567"].merge_cells("G3:G4")  # p1-i2 (1.4) and p2-i1 (31.25): Excel keeps only 1.4
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!G3:G4: error: merged cells: merging keeps only the first cell's value and drops the others "
        "(and their comments); unmerge them and type each value again",
    )
    assert snapshot(plan) == before


# -- which sheet is which ------------------------------------------------------------------------


def test_a_renamed_sheet_is_found_by_its_mark_and_its_edit_imported(plan, book, tmp_path):
    before = snapshot(plan)
    book["actuals-2567"].title = "ผลปี2567"
    book["ผลปี2567"]["G3"] = 1.1
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == SHEETS.replace(
        "actuals-2567", "actuals-2567 (the sheet ผลปี2567, by eduplan's mark)"
    ).join(("read 8 sheets: ", ""))
    assert "p1-i2 actual 2567 value: 1.4 -> 1.1  (ผลปี2567!G3)" in run.stdout
    assert text_diff(before, snapshot(plan)) == [
        f"{REPORT}: -    value: 1.4  # above the target of 1.2: not achieved (lower is better)",
        f"{REPORT}: +    value: 1.1  # above the target of 1.2: not achieved (lower is better)",
    ]


def test_a_renamed_sheet_without_the_mark_is_found_by_its_header_row_and_the_year_in_its_name(plan, book, tmp_path):
    book["actuals-2567"].title = "ผลปี๒๕๖๗"
    del book["ผลปี๒๕๖๗"].defined_names["eduplan.sheet"]  # a copy through a tool that drops defined names
    book["ผลปี๒๕๖๗"]["G3"] = 1.1
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "actuals-2567 (the sheet ผลปี๒๕๖๗, by its header row and the year in its name)" in run.stdout
    assert run.stdout.endswith("imported 1 change into 1 file\n")


def test_a_sheet_with_an_actuals_header_but_no_year_is_refused(plan, book, tmp_path):
    book["actuals-2567"].title = "ผลการดำเนินงาน"
    del book["ผลการดำเนินงาน"].defined_names["eduplan.sheet"]
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "ผลการดำเนินงาน!A1: error: the header row is a actuals sheet's, but the name holds no year: "
        "name it actuals-<year>",
    )
    assert "not read: ผลการดำเนินงาน (no year)" in run.stdout


def test_a_sheet_renamed_to_another_years_name_is_refused(plan, book, tmp_path):
    book["actuals-2566"].title = "actuals-2571"
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2571!A1: error: this sheet was exported as actuals-2566 but its name says actuals-2571: rename it "
        "back to actuals-2566, or copy its cells into the sheet actuals-2571 should be",
    )


def test_a_copied_sheet_is_refused_as_a_second_copy(plan, book, tmp_path):
    copy = book.copy_worksheet(book["actuals-2567"])  # openpyxl drops the mark; the header and year find it
    copy.title = "actuals-2567 (2)"
    copy["G3"] = 1.0
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(run, "actuals-2567 (2)!A1: error: two sheets are actuals-2567: this one and actuals-2567; keep one")
    assert "not read: actuals-2567 (2) (a second actuals-2567)" in run.stdout


def test_extra_sheets_are_named_in_the_summary_with_why_they_were_not_read(plan, book, tmp_path):
    before = snapshot(plan)
    book.create_sheet("ว่าง")
    notes = book.create_sheet("บันทึก")
    notes["A1"], notes["A2"] = "ประชุม 1 ต.ค.", "ส่งผลภายในวันที่ 5"
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        f"read 8 sheets: {SHEETS}",
        "not read: ว่าง (empty)",
        "not read: บันทึก (not a sheet of the layout: no eduplan mark, not a layout name, not a layout header row)",
        f"nothing to import: {tmp_path / 'edited.xlsx'} matches {plan}",
    ]
    assert snapshot(plan) == before


# -- headers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["ผลการดำเนินงาน", "  ผลการดำเนินงาน ", "value", "Value", "Result (value)"])
def test_a_header_in_thai_only_or_as_a_key_names_its_column(plan, book, tmp_path, header):
    book["actuals-2567"]["G1"] = header
    book["actuals-2567"]["G3"] = 1.1
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "p1-i2 actual 2567 value: 1.4 -> 1.1  (actuals-2567!G3)" in run.stdout


def test_a_target_year_header_in_thai_words_and_digits_names_its_year(plan, book, tmp_path):
    ref = cell_of(tmp_path / "plan.xlsx", "indicators", "p1-i1", "2568")
    book["indicators"][f"{ref[0]}1"] = "ค่าเป้าหมาย ๒๕๖๘"
    book["indicators"][ref] = 91
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert f"p1-i1 target 2568: 90 -> 91  (indicators!{ref})" in run.stdout


def test_an_unknown_a_doubled_and_a_missing_header_are_refused(plan, book, tmp_path):
    sheet = book["actuals-2567"]
    sheet["K1"] = "ความเห็น"  # note's header changed to a word the layout does not know
    sheet["M1"] = "ผลการดำเนินงาน"  # a second value column
    sheet["M3"] = 2.0
    sheet["N4"] = "ดูเพิ่มเติม"  # a value beyond the table, under no header
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!K1: error: the layout has no column 'ความเห็น' on a actuals sheet: use a header the export wrote "
        "(Policy, Indicator ID, No., Indicator name, Unit, Target, Actual, No data because, Date measured, Source, "
        "Note, Status)",
        "actuals-2567!M1: error: a second value column (also at G1): keep one",
        "actuals-2567!M3: error: a value in a column with no header: give the column a header of the layout, "
        "or clear it",
        "actuals-2567!K4: error: a value in a column with no header: give the column a header of the layout, "
        "or clear it",
        "actuals-2567!N4: error: a value in a column with no header: give the column a header of the layout, "
        "or clear it",
    )


# -- formulas ------------------------------------------------------------------------------------


def saved_result(path: Path, sheet: int, ref: str, value: str) -> None:
    """Give a formula cell the saved result Excel writes when it saves (openpyxl writes none)."""
    entry = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    xml = parts[entry].decode()
    pattern = rf'(<c r="{ref}"[^>]*)>(<f>[^<]*</f>)(?:<v ?/>|<v></v>)'  # <v/>, or <v></v> with lxml
    kind = ' t="e"' if value.startswith("#") else ""
    parts[entry] = re.sub(pattern, rf"\1{kind}>\2<v>{value}</v>", xml, count=1).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in parts.items():
            target.writestr(name, body)
    path.write_bytes(out.getvalue())


def test_a_formula_gives_its_saved_result_and_the_summary_says_so(plan, book, tmp_path):
    book["actuals-2567"]["G3"] = "=0.5+0.6"
    path = save(book, tmp_path)
    saved_result(path, 5, "G3", "1.1")
    run = eduplan("import", str(path), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "p1-i2 actual 2567 value: 1.4 -> 1.1  (actuals-2567!G3, the saved result of =0.5+0.6)" in run.stdout


def test_a_formula_without_a_saved_result_or_with_an_error_is_refused(plan, book, tmp_path):
    book["actuals-2567"]["G3"] = "=0.5+0.6"
    book["actuals-2567"]["G4"] = "=1/0"
    path = save(book, tmp_path)
    saved_result(path, 5, "G4", "#DIV/0!")
    run = eduplan("import", str(path), "--into", str(plan))
    refused(
        run,
        "actuals-2567!G3: error: the formula =0.5+0.6 has no saved result; type the value, or save the file in Excel",
        "actuals-2567!G4: error: the cell holds the error value #DIV/0!, which is not a value of the plan; "
        "type the value",
    )


# -- dates and odd cells -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["20/09/2567", "๒๐/๐๙/๒๕๖๗", "20 ก.ย. 2567", "20 กันยายน 2567", "2024-09-20", dt.datetime(2024, 9, 20)],
)
def test_a_measured_date_typed_the_thai_way_or_as_a_date_cell_is_read_as_that_day(plan, book, tmp_path, typed):
    ref = cell_of(tmp_path / "plan.xlsx", "actuals-2567", "p1-i2", "measured")
    book["actuals-2567"][ref] = typed
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert f"p1-i2 actual 2567 measured: (none) -> 2024-09-20  (actuals-2567!{ref})" in run.stdout
    assert "    measured: 2024-09-20\n" in (plan / REPORT).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            dt.datetime(2567, 9, 20),
            "the date cell holds the year 2567, which looks Buddhist-Era, but Excel's dates are Christian Era: "
            "set it to 2024-09-20, or type 20/09/2567 as text",
        ),
        (
            dt.datetime(2024, 9, 20, 14, 30),
            "the cell holds a time of day too (14:30:00); a measured date is a day only",
        ),
        ("20/09/67", "20/09/67: write the year in full, such as 2567"),
        ("เมื่อวาน", "expected a date such as 20/09/2567, 20 ก.ย. 2567 or 2024-09-20, got 'เมื่อวาน'"),
    ],
)
def test_dates_that_cannot_be_read_exactly_are_refused_at_their_cell(plan, book, tmp_path, typed, message):
    ref = cell_of(tmp_path / "plan.xlsx", "actuals-2567", "p1-i2", "measured")
    book["actuals-2567"][ref] = typed
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(run, f"actuals-2567!{ref}: error: {message}")


def test_a_duration_a_time_or_a_logical_value_where_a_number_or_text_goes_is_refused(plan, book, tmp_path):
    book["actuals-2567"]["G3"] = dt.timedelta(hours=3)
    book["actuals-2567"]["G4"] = dt.time(8, 30)
    book["actuals-2567"]["K5"] = True
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!G3: error: the cell holds a duration (3:00:00), which is not a value of the plan; type the value",
        "actuals-2567!G4: error: the cell holds a time of day (08:30:00), which is not a value of the plan; "
        "type the value",
        "actuals-2567!K5: error: expected text, got the logical value TRUE; type it as text ('TRUE)",
    )


# -- removals and the summary --------------------------------------------------------------------


def test_a_cleared_cell_is_a_removal_listed_as_such_and_a_dry_run_lists_it_too(plan, book, tmp_path):
    before = snapshot(plan)
    book["actuals-2567"]["G3"] = None
    path = save(book, tmp_path)
    dry = eduplan("import", str(path), "--into", str(plan), "--dry-run")
    assert dry.stdout.splitlines()[1:] == [
        f"{plan / REPORT}:11:12: p1-i2 actual 2567 value: 1.4 -> (removed)  (actuals-2567!G3)",
        "dry run: would import 1 change (1 removal) into 1 file; nothing was written",
    ]
    assert snapshot(plan) == before
    run = eduplan("import", str(path), "--into", str(plan))
    assert run.stdout.splitlines()[1:] == [dry.stdout.splitlines()[1], "imported 1 change (1 removal) into 1 file"]
    assert text_diff(before, snapshot(plan)) == [
        f"{REPORT}: -    value: 1.4  # above the target of 1.2: not achieved (lower is better)"
    ]


# -- the neighbours: hidden, moved, doubled, inserted and deleted rows; ids; emptied sheets ------


def test_an_edit_in_a_hidden_row_and_a_hidden_column_is_imported_exactly(plan, book, tmp_path):
    sheet = book["actuals-2567"]
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["G"].hidden = True
    sheet["G3"] = 1.1
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[1:] == [
        f"{plan / REPORT}:11:12: p1-i2 actual 2567 value: 1.4 -> 1.1  (actuals-2567!G3)",
        "imported 1 change into 1 file",
    ]


def test_moved_rows_are_matched_by_id(plan, book, tmp_path):
    sheet = book["actuals-2567"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    rows.reverse()
    rows[-2][6] = 1.1  # p1-i2, now second to last
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            sheet.cell(r, c).value = value
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "p1-i2 actual 2567 value: 1.4 -> 1.1  (actuals-2567!G7)" in run.stdout


def test_a_duplicated_row_is_refused(plan, book, tmp_path):
    sheet = book["actuals-2567"]
    for c in range(1, 13):
        sheet.cell(10, c, sheet.cell(3, c).value)
    sheet["G10"] = 1.0
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(run, "actuals-2567!B10: error: p1-i2 appears twice (also at actuals-2567!B3)")


def test_an_edited_id_is_refused_whether_it_names_nothing_or_another_indicator(plan, book, tmp_path):
    sheet = book["actuals-2567"]
    sheet["B3"] = "p1-i9"
    sheet["B4"] = "p2-i2"  # p2-i1's row now claims p2-i2, whose own row is deleted
    sheet.delete_rows(5)
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!B3: error: no indicator 'p1-i9' in the plan",
        "actuals-2567!C4: error: number is not imported (the plan says '2'): put it back, or change it in the YAML "
        "(or the indicators sheet)",
    )


def test_a_row_inserted_in_the_middle_is_refused_unless_it_names_an_item(plan, book, tmp_path):
    sheet = book["actuals-2567"]
    sheet.insert_rows(4)
    sheet["D4"], sheet["G4"] = "ตัวชี้วัดใหม่", 12
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(run, "actuals-2567!B4: error: no indicator id in this row")


def test_deleted_rows_and_an_emptied_sheet_leave_their_items_as_they_are_and_say_so(plan, book, tmp_path):
    before = snapshot(plan)
    book["actuals-2567"].delete_rows(3, 2)  # p1-i2 and p2-i1
    book["actuals-2566"].delete_rows(2, 20)  # every row: only the header is left
    results = book["results-2567"]
    for row in results.iter_rows():
        for cell in row:
            cell.value = None  # a sheet emptied: not even a header
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        "read 7 sheets: indicators, projects-2567 (for reading only), actuals-2566, actuals-2567, actuals-2568, "
        "actuals-2569, actuals-2570",
        "not read: results-2567 (empty)",
        "actuals-2566: 7 rows not in the sheet, left as they are: p1-i1, p1-i2, p2-i1, p2-i2, p2-i3, p3-i1, p3-i2",
        "actuals-2567: 2 rows not in the sheet, left as they are: p1-i2, p2-i1",
        f"nothing to import: {tmp_path / 'edited.xlsx'} matches {plan}",
    ]
    assert snapshot(plan) == before


def test_the_projects_sheet_is_for_reading_and_an_edit_there_is_refused(plan, book, tmp_path):
    ref = cell_of(tmp_path / "plan.xlsx", "projects-2567", "prj-2567-01", "budget")
    book["projects-2567"][ref] = 1
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        f"projects-2567!{ref}: error: budget is not imported (the plan says 120000): put it back, or change it in "
        "the action plan's YAML (this sheet is for reading only)",
    )


def test_a_cleared_context_cell_and_cleared_shown_cells_are_refused(plan, book, tmp_path):
    before = snapshot(plan)
    sheet = book["actuals-2567"]
    sheet["D3"] = None  # the indicator's name, context
    sheet["F4"] = None  # p2-i1's target, shown from the indicators sheet
    sheet["L4"] = None  # p2-i1's status, computed
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!D3: error: name was cleared, but it is not imported (the plan says 'ร้อยละของนักเรียนที่ออกกลางคัน'): "
        "put it back, or change it in the YAML (or the indicators sheet)",
        "actuals-2567!F4: error: the target of 2567 is shown from the indicators sheet and was cleared (it should show "
        f"32): put it back, or change it there (indicators!{where(plan, tmp_path, 'indicators', 'p2-i1', '2567')})",
        "actuals-2567!L4: error: the status is computed from the target and the value and was cleared (it should show "
        "'not-achieved'): put it back, or change the value or the target instead (actuals-2567!G4)",
    )
    assert snapshot(plan) == before


def test_a_target_or_unit_typed_on_an_actuals_sheet_is_refused_and_says_where_to_change_it(plan, book, tmp_path):
    before = snapshot(plan)
    book["actuals-2567"]["F4"] = 99  # p2-i1's target of 2567 (32)
    book["actuals-2567"]["E3"] = "คน"  # p1-i2's unit (ร้อยละ)
    unit = where(plan, tmp_path, "indicators", "p1-i2", "unit")
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!E3: error: the unit is shown from the indicators sheet, not read here (it should show "
        f"'ร้อยละ'): put it back, or change it there (indicators!{unit})",
        "actuals-2567!F4: error: the target of 2567 is shown from the indicators sheet, not read here (it should show "
        f"32): put it back, or change it there (indicators!{where(plan, tmp_path, 'indicators', 'p2-i1', '2567')})",
    )
    assert snapshot(plan) == before


def test_a_status_typed_over_the_computed_one_is_refused(plan, book, tmp_path):
    before = snapshot(plan)
    book["actuals-2567"]["L3"] = "achieved"  # p1-i2: 1.4 against a target of 1.2, lower is better
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    refused(
        run,
        "actuals-2567!L3: error: the status is computed from the target and the value, not read here (it should "
        "show 'not-achieved'): put it back, or change the value or the target instead (actuals-2567!G3)",
    )
    assert snapshot(plan) == before


def test_shown_cells_that_agree_with_the_workbook_or_are_written_another_way_pass(plan, book, tmp_path):
    """Shown cells brought up to date by hand, in Thai digits or as text numbers, are no edit."""
    before = snapshot(plan)
    target = where(plan, tmp_path, "indicators", "p2-i1", "2567")
    book["indicators"][target] = 33  # the edit, made where it belongs
    sheet = book["actuals-2567"]
    sheet["F4"] = "๓๓"  # p2-i1's target, updated by hand to what the indicators sheet now says
    sheet["G4"] = 34  # the edit: 31.25 -> 34
    sheet["L4"] = "achieved"  # what 34 against 33 gives
    sheet["F3"] = "1.20"  # p1-i2's target 1.2, as text
    sheet["F6"] = "30 .. 40"  # p2-i3's range, spaced
    sheet["E2"] = " ร้อยละ "
    run = eduplan("import", str(save(book, tmp_path)), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert run.stdout.endswith("imported 2 changes into 2 files\n")
    assert len(text_diff(before, snapshot(plan))) == 4  # one line out and one in, in each file


def test_importing_the_same_workbook_twice_changes_nothing_the_second_time(plan, book, tmp_path):
    """Stale shown cells (the status after a new value, the target after a new target) never stop a re-import.

    They still show what the export showed, which it recorded in the workbook's very hidden sheet.
    """
    book["actuals-2567"]["G3"] = 1.1
    book["indicators"][cell_of(tmp_path / "plan.xlsx", "indicators", "p1-i1", "2567")] = 86
    path = save(book, tmp_path)
    assert eduplan("import", str(path), "--into", str(plan)).returncode == 0
    before = snapshot(plan)
    again = eduplan("import", str(path), "--into", str(plan))
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.endswith(f"nothing to import: {path} matches {plan}\n")
    assert snapshot(plan) == before
