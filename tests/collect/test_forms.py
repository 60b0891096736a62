"""``eduplan collect``: what the forms hold, for whom, in Thai and English, and when the command refuses.

The example office (docs/examples/rollup-office) has 13 schools in its register: one closed in 2566 and
one that keeps its own plan, so 11 get a form for fiscal year 2567.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.collect.helpers import OFFICE, answer_cells, collect, office_copy, record
from tests.i18n.leaks import leaks

EXPECTED = [f"10888800{n:02d}.xlsx" for n in range(1, 12)]


def test_one_form_per_expected_school_and_none_for_the_closed_one_or_the_one_with_a_plan(tmp_path: Path) -> None:
    run = collect(OFFICE, tmp_path / "forms")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "forms").iterdir()) == EXPECTED
    assert run.out.splitlines() == [
        "1088880012 โรงเรียนท่าน้ำตัวอย่างวิทยา: keeps its own plan (../schools/1088880012): no form; "
        "its report feeds the office",
        f"wrote 11 forms for 11 schools into {tmp_path / 'forms'}",
    ]


def test_a_form_asks_every_question_of_the_indicators_with_a_rollup_once(tmp_path: Path) -> None:
    collect(OFFICE, tmp_path)
    cells = answer_cells(tmp_path / "1088880004.xlsx")
    assert sorted((i, k) for _code, i, k in cells) == [
        ("p1-1", "denominator"),
        ("p1-1", "numerator"),
        ("p1-2", "value"),
        ("p1-3", "value"),
        ("p2-1", "value"),
        ("p2-2", "value"),
        ("p3-1", "value"),
    ]
    assert {code for code, _i, _k in cells} == {"1088880004"}


def test_a_school_outside_an_indicators_scope_is_not_asked_its_questions(tmp_path: Path) -> None:
    root = office_copy(tmp_path)
    register = root / "register.yaml"
    register.write_text(
        register.read_text(encoding="utf-8").replace(
            "size: small, levels: [lower-secondary], students: 210",
            "size: small, levels: [upper-secondary], students: 210",
        ),
        encoding="utf-8",
    )
    collect(root, tmp_path / "forms")
    asked = {i for _c, i, _k in answer_cells(tmp_path / "forms" / "1088880004.xlsx")}
    assert "p1-3" not in asked  # O-NET ม.3: lower-secondary schools only
    assert "p1-3" in {i for _c, i, _k in answer_cells(tmp_path / "forms" / "1088880001.xlsx")}


def test_the_labels_are_locked_and_only_the_answers_date_and_notes_open(tmp_path: Path) -> None:
    collect(OFFICE, tmp_path)
    path = tmp_path / "1088880001.xlsx"
    rows = record(path)
    sheet = openpyxl.load_workbook(path)[next(str(r[1]) for r in rows if r[0] == "sheet")]
    assert sheet.protection.sheet
    opened = {str(r[1]) for r in rows if r[0] in ("answer", "date", "note")}
    locked = {str(r[1]) for r in rows if r[0] == "locked"}
    assert opened and locked and not opened & locked
    assert all(not sheet[ref].protection.locked for ref in opened)
    assert all(sheet[ref].protection.locked for ref in locked)
    code = next(str(r[1]) for r in rows if r[0] == "locked" and r[3] == "unit" and r[2] == "1088880001")
    assert sheet[code].value == "1088880001"  # prefilled, as text (no number format can drop a digit)


def test_levels_and_yes_no_offer_their_words_and_no_data_as_a_drop_down(tmp_path: Path) -> None:
    run = collect(OFFICE, tmp_path, "--lang", "th")
    assert run.code == 0, run.err
    path = tmp_path / "1088880001.xlsx"
    cells = answer_cells(path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    lists = {ref: dv.formula1 for dv in sheet.data_validations.dataValidation for ref in str(dv.sqref).split()}
    assert lists[cells[("1088880001", "p1-2", "value")]] == '"กำลังพัฒนา,ปานกลาง,ดี,ดีเลิศ,ยอดเยี่ยม,ไม่มีข้อมูล"'
    assert lists[cells[("1088880001", "p2-2", "value")]] == '"ใช่,ไม่ใช่,ไม่มีข้อมูล"'
    assert lists.get(cells[("1088880001", "p1-1", "numerator")]) is None  # a number: a prompt, no list


def _form_words(path: Path) -> list[str]:
    """The words of the form itself (title, labels, instructions, headers): not the plan's text."""
    return [str(r[2]) for r in record(path) if r[0] == "locked" and r[3] == "form" and r[2]]


def test_the_form_speaks_thai(tmp_path: Path) -> None:
    collect(OFFICE, tmp_path, "--lang", "th", "--due", "15/10/2567")
    words = _form_words(tmp_path / "1088880001.xlsx")
    assert words[0] == "แบบรายงานข้อมูลตัวชี้วัด ปีงบประมาณ 2567"
    assert "7. ส่งแบบรายงานคืนภายในวันที่ 15/10/2567 โดยไม่เปลี่ยนชื่อแผ่นงานหรือย้ายแถว" in words
    assert {"รหัสสถานศึกษา", "ตัวชี้วัด", "คำตอบ", "หมายเหตุ"} <= set(words)
    assert [w for w in words if leaks(w)] == []
    assert openpyxl.load_workbook(tmp_path / "1088880001.xlsx").sheetnames == ["แบบรายงาน 2567", "eduplan-form"]


def test_the_form_speaks_english(tmp_path: Path) -> None:
    collect(OFFICE, tmp_path, "--lang", "en")
    words = _form_words(tmp_path / "1088880001.xlsx")
    assert words[0] == "Indicator data return, Fiscal year 2567"
    assert {"School code", "Indicator", "Answer", "Note"} <= set(words)


def test_the_record_is_very_hidden_and_names_the_plan_year_and_version(tmp_path: Path) -> None:
    collect(OFFICE, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "1088880001.xlsx")
    assert book["eduplan-form"].sheet_state == "veryHidden"
    head = {r[0]: r[1] for r in record(tmp_path / "1088880001.xlsx")[:8]}
    assert head == {
        "eduplan-form": 1,
        "plan": "example-rollup-office",
        "year": 2567,
        "year_kind": "fiscal",
        "layout": "unit",
        "due": None,
        "lang": "en",
        "question": "p1-1",
    }


def test_the_same_plan_gives_the_same_bytes(tmp_path: Path) -> None:
    collect(OFFICE, tmp_path / "a")
    collect(OFFICE, tmp_path / "b")
    for name in EXPECTED:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_one_workbook_for_all_has_a_row_per_school_and_locks_what_a_school_is_not_asked(tmp_path: Path) -> None:
    root = office_copy(tmp_path)
    register = root / "register.yaml"
    register.write_text(
        register.read_text(encoding="utf-8").replace(
            "levels: [lower-secondary], students: 210", "levels: [upper-secondary], students: 210"
        ),
        encoding="utf-8",
    )
    run = collect(root, tmp_path / "forms", "--one-workbook")
    assert run.code == 0, run.err
    assert [p.name for p in (tmp_path / "forms").iterdir()] == ["all.xlsx"]
    path = tmp_path / "forms" / "all.xlsx"
    cells = answer_cells(path)
    assert {code for code, _i, _k in cells} == {n.removesuffix(".xlsx") for n in EXPECTED}
    assert ("1088880004", "p1-3", "value") not in cells
    rows = record(path)
    not_asked = [r for r in rows if r[0] == "locked" and r[3] == "not-asked"]
    assert [str(r[4]).split("\t") for r in not_asked] == [["1088880004", "p1-3", "value"]]
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet[str(not_asked[0][1])].value == "–" and sheet[str(not_asked[0][1])].protection.locked


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2590"], "--year 2590: not a year of the plan (2566-2570)"),
        (["--year", "2567", "--due", "31/02/2567"], "--due: "),
    ],
)
def test_a_year_or_due_date_that_cannot_be_is_refused(tmp_path: Path, args: list[str], message: str) -> None:
    from tests.validate.helpers import cli

    run = cli("collect", str(OFFICE), "-o", str(tmp_path), *args)
    assert run.code == 2 and run.err.startswith(f"eduplan: error: {message}"), run.err
    assert list(tmp_path.iterdir()) == []


def test_a_plan_without_a_register_or_without_rollups_is_refused(tmp_path: Path) -> None:
    root = office_copy(tmp_path)
    (root / "register.yaml").unlink()
    run = collect(root, tmp_path / "forms")
    assert run.code == 2 and "the plan has no register of units" in run.err
    from tests.examples.helpers import OFFICE as PLAIN_OFFICE

    run = collect(PLAIN_OFFICE, tmp_path / "forms")
    assert run.code == 2
    assert not (tmp_path / "forms").exists()


def test_forms_are_never_written_into_the_plan_folder(tmp_path: Path) -> None:
    root = office_copy(tmp_path)
    run = collect(root, root / "returns" / "2567")
    assert run.code == 2 and "not written: it is inside the plan this run reads" in run.err
    assert not (root / "returns").exists()


def test_a_file_named_as_the_output_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "forms").write_text("x", encoding="utf-8")
    run = collect(OFFICE, tmp_path / "forms")
    assert run.code == 2 and "not a directory" in run.err


def test_the_command_speaks_thai(tmp_path: Path) -> None:
    run = collect(OFFICE, tmp_path / "forms", "--lang", "th")
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == f"เขียนแบบรายงาน 11 ไฟล์ สำหรับสถานศึกษา 11 แห่ง ลงในโฟลเดอร์ {tmp_path / 'forms'}"
    assert [line for line in run.out.splitlines() if leaks(line)] == []
    bad = collect(OFFICE, tmp_path / "x", "--lang", "th", year=2590)
    assert bad.err == "eduplan: error: --year 2590: ไม่ใช่ปีของแผน (2566-2570)\n"
