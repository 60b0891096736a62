"""Workbooks in Thai: a Thai run exports Thai headers, words, drop-downs and B.E. dates, and any run reads them back.

The workbook speaks the language of the run that exports it. Its sheet names stay the layout's
(``indicators``, ``actuals-2567``: formulas and messages name them); its headers, the words of its
kind, direction, status and done cells and its dates are Thai in a Thai workbook. An import reads
the words of either language, so a workbook exported in Thai and edited imports in an English run
(and an English one in a Thai run) to the same edits.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from eduplan import i18n
from eduplan.load.loader import load_plan
from eduplan.sheet.read import read_workbook
from eduplan.sheet.words import key_of
from tests.annual.xlsx import EXAMPLE, eduplan, snapshot, text_diff
from tests.i18n.leaks import leaks

SHEET_NAMES = frozenset({"indicators", "projects", "results", "actuals"})
"""The layout's sheet names (``indicators``, ``actuals-2567``): names users type in formulas, kept as written."""


@pytest.fixture
def copy_of(tmp_path: Path) -> Callable[[Path], Path]:
    """``copy_of(plan_dir)``: a new copy of a plan directory under tmp_path at each call."""
    made: list[Path] = []

    def make(source: Path) -> Path:
        target = tmp_path / f"{source.name}-{len(made)}"
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.md"))
        made.append(target)
        return target

    return make


def export(plan: Path, tmp_path: Path, lang: str) -> Path:
    out = tmp_path / f"plan-{lang}.xlsx"
    run = eduplan("export", str(plan), "--format", "xlsx", "-o", str(out), "--lang", lang)
    assert run.returncode == 0, run.stderr
    return out


def column(ws: openpyxl.worksheet.worksheet.Worksheet, key: str) -> str:
    """The letter of the column whose header ends with ``(key)``."""
    return next(c.column_letter for c in ws[1] if str(c.value).endswith(f"({key})"))


def row_of(ws: openpyxl.worksheet.worksheet.Worksheet, ident: str) -> int:
    return next(r[0].row for r in ws.iter_rows(min_row=2) if ident in (r[0].value, r[1].value, r[2].value))


def at(ws: openpyxl.worksheet.worksheet.Worksheet, ident: str, key: str) -> str:
    return f"{column(ws, key)}{row_of(ws, ident)}"


def lists(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, str]:
    """The drop-down lists of a sheet by the first column they cover: ``{"H": '"ร้อยละ,จำนวน,..."'}``."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        first = str(dv.sqref).split()[0].split(":")[0]
        out.setdefault(first.rstrip("0123456789"), dv.formula1)
    return out


# -- what a Thai workbook shows ------------------------------------------------------------------


def test_a_thai_workbook_has_thai_headers_words_and_drop_downs_and_the_layout_s_sheet_names(tmp_path):
    book = openpyxl.load_workbook(export(EXAMPLE, tmp_path, "th"))
    assert book.sheetnames[:3] == ["indicators", "projects-2567", "results-2567"]  # names formulas use: stable
    ws = book["indicators"]
    headers = [c.value for c in ws[1]]
    assert {"รหัส (id)", "ตัวชี้วัด (name)", "หน่วยนับ (unit)", "ชนิด (kind)", "ทิศทาง (direction)"} <= set(headers)
    assert "ค่าเป้าหมาย ปีงบประมาณ 2567 (2567)" in headers
    assert ws[at(ws, "p1-i1", "kind")].value == "ร้อยละ"
    assert {ws[at(ws, i, "direction")].value for i in ("p1-i1", "p1-i2")} == {"ยิ่งมากยิ่งดี", "ยิ่งน้อยยิ่งดี"}
    dropdowns = lists(ws)
    assert dropdowns[column(ws, "kind")] == '"ร้อยละ,จำนวน,คะแนน,ระดับ,เชิงคุณภาพ"'
    assert dropdowns[column(ws, "direction")] == '"ยิ่งมากยิ่งดี,ยิ่งน้อยยิ่งดี,คงระดับ"'
    actuals = book["actuals-2567"]
    assert [c.value for c in actuals[1]][column_index(actuals, "status")] == "สถานะ (status)"
    statuses = {actuals[f"{column(actuals, 'status')}{r}"].value for r in range(2, actuals.max_row + 1)}
    assert statuses <= {"บรรลุ", "ไม่บรรลุ", "บรรลุบางส่วน", "ยังไม่ถึงกำหนด", "ไม่มีข้อมูล", "เทียบไม่ได้"}
    assert {"บรรลุ", "ไม่บรรลุ"} <= statuses
    assert lists(actuals)[column(actuals, "status")] == ('"บรรลุ,ไม่บรรลุ,บรรลุบางส่วน,ยังไม่ถึงกำหนด,ไม่มีข้อมูล,เทียบไม่ได้"')
    results = book["results-2567"]
    assert results[at(results, "prj-2567-02", "done")].value == "ใช่"
    assert lists(results)[column(results, "done")] == '"ใช่,ไม่ใช่"'


def column_index(ws: openpyxl.worksheet.worksheet.Worksheet, key: str) -> int:
    return next(n for n, c in enumerate(ws[1]) if str(c.value).endswith(f"({key})"))


def test_an_english_workbook_has_the_yaml_s_words_and_english_drop_downs(tmp_path):
    book = openpyxl.load_workbook(export(EXAMPLE, tmp_path, "en"))
    ws = book["indicators"]
    assert ws[at(ws, "p1-i1", "kind")].value == "percent"
    assert lists(ws)[column(ws, "direction")] == '"higher-is-better,lower-is-better,maintain"'
    assert "Target Fiscal year 2567 (2567)" in [c.value for c in ws[1]]
    results = book["results-2567"]
    assert lists(results)[column(results, "done")] == '"yes,no"'


def test_a_thai_workbook_shows_its_dates_as_thai_dates_in_the_buddhist_era(tmp_path):
    book = openpyxl.load_workbook(export(EXAMPLE, tmp_path, "th"))
    ws = book["actuals-2567"]
    measured = [ws[f"{column(ws, 'measured')}{r}"] for r in range(2, ws.max_row + 1)]
    dated = [c for c in measured if c.value is not None]
    assert dated, "the example measures some actuals on a day"
    # a real date (Excel counts it), shown as 20 ก.ย. 2567: Thai month, Buddhist-Era year (Excel's bbbb)
    assert all(isinstance(c.value, dt.datetime) and c.number_format == "[$-41E]d mmm bbbb" for c in dated)
    english = openpyxl.load_workbook(export(EXAMPLE, tmp_path, "en"))["actuals-2567"]
    assert english[dated[0].coordinate].number_format == "yyyy-mm-dd"


def test_the_words_of_either_language_name_the_same_key():
    assert key_of("status", "บรรลุ") == key_of("status", "achieved") == "achieved"
    assert key_of("direction", " ยิ่งน้อยยิ่งดี ") == "lower-is-better"
    assert key_of("kind", "Percent") == key_of("kind", "ร้อยละ") == "percent"
    assert key_of("status", "ดีมาก") is None


# -- reading back: the same edits whatever the languages ---------------------------------------


def edited(workbook: Path, lang: str) -> Path:
    """The same edits in a workbook of either language, typed as a user of that language would."""
    book = openpyxl.load_workbook(workbook)
    ws = book["actuals-2567"]
    thai = lang == "th"
    ws[at(ws, "p1-i2", "value")] = 1.1  # below the target of 1.2 (lower is better): now achieved
    ws[at(ws, "p1-i2", "status")] = "บรรลุ" if thai else "achieved"  # what the new value gives
    ws[at(ws, "p2-i2", "measured")] = "20 ก.ย. 2567" if thai else "2024-09-20"
    ws[at(ws, "p2-i2", "note")] = "ตรวจสอบแล้ว"
    results = book["results-2567"]
    results[at(results, "prj-2567-02", "done")] = "ไม่ใช่" if thai else "no"
    out = workbook.with_name(f"edited-{lang}.xlsx")
    book.save(out)
    return out


@pytest.mark.parametrize(("exported", "imported"), [("th", "en"), ("th", "th"), ("en", "th")])
def test_a_workbook_edited_in_one_language_imports_in_either_as_the_english_one_does(
    exported, imported, copy_of, tmp_path
):
    reference = copy_of(EXAMPLE)
    before = snapshot(reference)
    run = eduplan("import", str(edited(export(reference, tmp_path, "en"), "en")), "--into", str(reference))
    assert run.returncode == 0, run.stderr
    expected = text_diff(before, snapshot(reference))
    assert "reports/2567.yaml: +    measured: 2024-09-20" in [line.replace("'", "") for line in expected]

    other = copy_of(EXAMPLE)
    books = tmp_path / "books"
    books.mkdir()
    workbook = edited(export(other, books, exported), exported)
    run = eduplan("import", str(workbook), "--into", str(other), "--lang", imported)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert text_diff(before, snapshot(other)) == expected
    assert load_plan(other).findings == []
    after = snapshot(other)
    again = eduplan("import", str(export(other, books, exported)), "--into", str(other), "--lang", imported)
    assert (again.returncode, again.stderr, snapshot(other)) == (0, "", after)  # a fresh export imports as nothing


@pytest.mark.parametrize("typed", ["20/09/2567", "20 ก.ย. 2567", "๒๐ กันยายน ๒๕๖๗", "20/09/2024", "2024-09-20"])
def test_a_date_typed_in_b_e_or_c_e_reads_as_the_same_day(typed, copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    workbook = export(plan, tmp_path, "th")
    book = openpyxl.load_workbook(workbook)
    ws = book["actuals-2567"]
    ws[at(ws, "p2-i2", "measured")] = typed
    book.save(workbook)
    run = eduplan("import", str(workbook), "--into", str(plan), "--lang", "th", "--dry-run")
    assert run.returncode == 0, run.stderr
    assert "2024-09-20" in run.stdout and "2567-09-20" not in run.stdout and "1481" not in run.stdout


def test_a_real_date_cell_reads_as_its_day_and_a_b_e_year_in_one_is_refused_at_its_cell(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    workbook = export(plan, tmp_path, "th")
    book = openpyxl.load_workbook(workbook)
    ws = book["actuals-2567"]
    ws[at(ws, "p2-i2", "measured")] = dt.datetime(2024, 9, 20)
    ws[at(ws, "p3-i1", "measured")] = dt.datetime(2567, 9, 20)  # typed 20/9/2567 into a date cell
    ref = at(ws, "p3-i1", "measured")
    book.save(workbook)
    with i18n.using("th"):
        sheets = read_workbook(workbook, "plan.xlsx")
    cells = {c.ref: c.value for row in sheets["actuals-2567"].rows for c in row.values()}
    assert cells[f"actuals-2567!{at(ws, 'p2-i2', 'measured')}"] == dt.datetime(2024, 9, 20)
    run = eduplan("import", str(workbook), "--into", str(plan), "--lang", "th")
    assert run.returncode == 1
    line = next(x for x in run.stderr.splitlines() if x.startswith(f"actuals-2567!{ref}"))
    assert line == (
        f"actuals-2567!{ref}: ข้อผิดพลาด: เซลล์วันที่มีปี 2567 ซึ่งดูเหมือนปี พ.ศ. แต่วันที่ของ Excel เป็น ค.ศ.: "
        "แก้เป็น 2024-09-20 หรือพิมพ์ 20/09/2567 เป็นข้อความ"
    )


# -- errors in Thai -------------------------------------------------------------------------------


def test_bad_cells_are_refused_in_thai_at_their_cells_without_english(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path, "th")
    book = openpyxl.load_workbook(workbook)
    ws = book["actuals-2567"]
    bad = {
        at(ws, "p1-i1", "value"): dt.datetime(2024, 9, 20),  # a date in a number cell
        at(ws, "p1-i2", "value"): "แปดสิบ",
        at(ws, "p1-i2", "status"): "ดีมาก",  # not a status
        at(ws, "p2-i1", "name"): "ชื่อใหม่",  # a context cell
        at(ws, "p2-i2", "measured"): "31/02/2567",
        at(ws, "p3-i1", "unit"): None,  # a shown cell cleared
    }
    for ref, value in bad.items():
        ws[ref] = value
    ws["Z1"] = "ความเห็น"
    results = book["results-2567"]
    results[at(results, "prj-2567-02", "done")] = "อาจจะ"
    book.save(workbook)
    run = eduplan("import", str(workbook), "--into", str(plan), "--lang", "th")
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    for ref in bad:
        assert any(line.startswith(f"actuals-2567!{ref}: ข้อผิดพลาด: ") for line in lines), (ref, run.stderr)
    assert f"actuals-2567!{at(ws, 'p1-i1', 'value')}: ข้อผิดพลาด: ต้องเป็นตัวเลข แต่เซลล์เป็นวันที่ 20/09/2567" in lines
    assert any(line.startswith("actuals-2567!Z1: ข้อผิดพลาด: ") for line in lines)
    assert any(line.startswith("results-2567!") for line in lines)
    for line in [*lines[:-1], *run.stdout.splitlines()]:  # the last line is the command's (cli/)
        assert leaks(line, SHEET_NAMES) == [], line
    assert snapshot(plan) == before


def test_the_summary_of_a_thai_import_is_thai(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    workbook = edited(export(plan, tmp_path, "th"), "th")
    book = openpyxl.load_workbook(workbook)
    book.create_sheet("บันทึก")["A1"] = "ส่งภายใน 5 ต.ค."
    book.save(workbook)
    run = eduplan("import", str(workbook), "--into", str(plan), "--lang", "th", "--dry-run")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("อ่าน ") and "actuals-2567" in lines[0]
    assert any(line.startswith("ไม่ได้อ่าน: บันทึก (") for line in lines)
    changes = [line for line in lines if ": p1-i2 ผลการดำเนินงาน 2567 `value`: " in line]
    assert changes, run.stdout
    for line in lines[:2] + changes:
        assert leaks(line, SHEET_NAMES) == [], line
