"""Reading the returns back: what is kept, what is left out, and where each problem is (``file.xlsx!E19``).

Each test makes the example office's forms, fills one in as a school might, puts it in returns/2567/
and reads the returns: the answers that hold together become records, every problem is a finding at
its cell, and a bad answer leaves out that indicator of that school (never a guess).
"""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.collect.helpers import answer_cells, collect, fill, found, office_copy, read, record

CODE = "1088880001"
FULL = {
    "p1-1": {"numerator": 1510, "denominator": 2402},
    "p1-2": {"value": "ยอดเยี่ยม"},
    "p1-3": {"value": 33.85},
    "p2-1": {"value": 0},
    "p2-2": {"value": "ใช่"},
    "p3-1": {"value": "ห้องเรียนดิจิทัล"},
}


@pytest.fixture
def office(tmp_path: Path) -> Path:
    root = office_copy(tmp_path)
    run = collect(root, tmp_path / "forms", "--due", "15/10/2567")
    assert run.code == 0, run.err
    (root / "returns" / "2567").mkdir(parents=True)
    return root


def returned(root: Path, answers: dict[str, Any], *, code: str = CODE, name: str | None = None, **more: Any) -> Path:
    """The form of ``code`` filled with ``answers`` (indicator -> key -> value), as returns/2567/NAME."""
    target = root / "returns" / "2567" / (name or f"{code}.xlsx")
    form = root.parent / "forms" / f"{code}.xlsx"
    return fill(form, {code: answers}, target=target, **more)


def values(root: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """unit -> indicator -> key -> value of every return read (the school with its own plan aside)."""
    return {
        r.unit: {i: {k: a.value for k, a in by_key.items()} for i, by_key in r.answers.items()}
        for r in read(root).returns
        if r.unit != "1088880012"
    }


def _cell(office: Path, indicator: str, key: str = "value", code: str = CODE) -> str:
    """The answer cell of a question on the form of ``code``."""
    return answer_cells(office.parent / "forms" / f"{code}.xlsx")[(code, indicator, key)]


def form_findings(root: Path) -> list[str]:
    return [f for f in found(read(root), root) if not f.startswith("../schools")]


def test_a_whole_return_is_read_exactly(office: Path) -> None:
    returned(office, FULL, dates={CODE: "10/10/2567"})
    got = read(office)
    assert found(got, office) == []
    ret = next(r for r in got.returns if r.unit == CODE)
    assert ret.received == dt.date(2567, 10, 10)
    assert ret.source == str(office / "returns" / "2567" / f"{CODE}.xlsx")
    assert values(office)[CODE] == {
        "p1-1": {"numerator": Decimal(1510), "denominator": Decimal(2402)},
        "p1-2": {"value": "ยอดเยี่ยม"},
        "p1-3": {"value": Decimal("33.85")},
        "p2-1": {"value": Decimal(0)},
        "p2-2": {"value": True},
        "p3-1": {"value": "ห้องเรียนดิจิทัล"},
    }
    where = ret.answers["p1-1"]["numerator"].where
    assert where == f"{office}/returns/2567/{CODE}.xlsx!{_cell(office, 'p1-1', 'numerator')}"


def test_zero_no_data_and_blank_stay_three_things(office: Path) -> None:
    returned(office, {"p2-1": {"value": 0}, "p1-3": {"value": "ไม่มีข้อมูล"}, "p1-2": {"value": "no data"}})
    got = values(office)[CODE]
    assert got == {"p2-1": {"value": Decimal(0)}, "p1-3": {"value": None}, "p1-2": {"value": None}}
    assert "p1-1" not in got  # blank: not answered, no finding
    assert form_findings(office) == []


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("๑,๒๓๔", Decimal(1234)),
        ("1,234", Decimal(1234)),
        ("๓๑.๒๐", Decimal("31.2")),
        (" 120 คน ", Decimal(120)),
        (12.5, Decimal("12.5")),
    ],
)
def test_numbers_are_read_as_the_sheet_stage_reads_them(office: Path, typed: Any, number: Decimal) -> None:
    returned(office, {"p2-1": {"value": typed}})
    assert values(office)[CODE]["p2-1"]["value"] == number


@pytest.mark.parametrize(
    ("indicator", "typed", "says"),
    [
        ("p2-1", "สิบห้า", "expected a number, got the text 'สิบห้า'"),
        ("p2-1", -2, "the number cannot be negative (-2)"),
        ("p2-1", dt.date(2024, 1, 1), "expected a number, got the date"),
        ("p1-2", "ดีมาก", "'ดีมาก' is not one of the levels of the list"),
        ("p1-2", 4, "'4' is not one of the levels of the list"),
        ("p2-2", "อาจจะ", "expected ใช่ or ไม่ใช่"),
    ],
)
def test_an_answer_that_cannot_be_read_leaves_out_that_indicator_only(
    office: Path, indicator: str, typed: Any, says: str
) -> None:
    returned(office, {**FULL, indicator: {"value": typed}})
    got = read(office)
    finding = next(f for f in got.findings if f.code == "RT08")
    assert str(finding.span) == f"{office}/returns/2567/{CODE}.xlsx!{_cell(office, indicator)}"
    assert says in finding.message
    kept = values(office)[CODE]
    assert indicator not in kept and set(kept) == set(FULL) - {indicator}


def test_a_percentage_format_or_a_formula_without_result_is_refused(office: Path) -> None:
    path = returned(office, {})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet[_cell(office, "p2-1")] = 0.85
    sheet[_cell(office, "p2-1")].number_format = "0%"
    sheet[_cell(office, "p1-3")] = "=30+1"
    book.save(path)
    messages = {f.message.split(":")[0]: f.message for f in read(office).findings if f.code == "RT08"}
    assert "formatted as a percentage" in messages["`p2-1` `value`"]
    assert "has no saved result" in messages["`p1-3` `value`"]


def test_a_numerator_above_its_denominator_and_a_half_answered_ratio_are_left_out(office: Path) -> None:
    returned(office, {**FULL, "p1-1": {"numerator": 520, "denominator": 480}})
    returned(office, {"p1-1": {"numerator": 61}}, code="1088880002")
    assert form_findings(office) == [
        f"returns/2567/{CODE}.xlsx!{_cell(office, 'p1-1', 'numerator')} RT09",
        f"returns/2567/1088880002.xlsx!{_cell(office, 'p1-1', 'denominator', '1088880002')} RT10",
    ]
    assert "p1-1" not in values(office)[CODE]
    assert values(office)["1088880002"] == {}  # returned, with nothing to count


def test_an_edited_question_leaves_out_its_indicator_and_an_edited_code_the_whole_return(office: Path) -> None:
    rows = record(office.parent / "forms" / f"{CODE}.xlsx")
    label = next(str(r[1]) for r in rows if r[0] == "locked" and r[3] == "question" and str(r[4]).startswith("p1-3"))
    code = next(str(r[1]) for r in rows if r[0] == "locked" and r[3] == "unit" and r[2] == CODE)
    returned(office, FULL, cells={label: "อย่างอื่น"})
    assert form_findings(office) == [f"returns/2567/{CODE}.xlsx!{label} RT07"]
    assert "p1-3" not in values(office)[CODE]
    returned(office, FULL, cells={code: "1088880002"})
    assert form_findings(office) == [f"returns/2567/{CODE}.xlsx!{code} RT07"]
    assert CODE not in values(office)


def test_a_return_of_an_unknown_or_closed_school_is_left_out(office: Path) -> None:
    returned(office, FULL)
    register = office / "register.yaml"
    text = register.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if CODE in line)
    register.write_text(text.replace(line + "\n", ""), encoding="utf-8")
    assert [f.split()[-1] for f in form_findings(office)] == ["RT04"]
    register.write_text(text.replace("students: 2480}", "students: 2480, closed: 2566-12-31}"), encoding="utf-8")
    assert [f.split()[-1] for f in form_findings(office)] == ["RT05"]
    assert CODE not in values(office)


def test_two_returns_of_one_school_are_both_left_out(office: Path) -> None:
    returned(office, FULL)
    returned(office, {**FULL, "p2-1": {"value": 1}}, name=f"{CODE} (แก้ไข).xlsx")
    assert form_findings(office) == [
        f"returns/2567/{CODE} (แก้ไข).xlsx!C4 RT06",
        f"returns/2567/{CODE}.xlsx!C4 RT06",
    ]
    assert CODE not in values(office)


def test_a_form_of_another_year_or_plan_is_left_out(office: Path, tmp_path: Path) -> None:
    collect(office, tmp_path / "old", year=2566)
    fill(tmp_path / "old" / f"{CODE}.xlsx", {CODE: FULL}, target=office / "returns" / "2567" / "old.xlsx")
    assert form_findings(office) == ["returns/2567/old.xlsx RT03"]
    plan = office / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("id: example-rollup-office", "id: another-office"), "utf-8"
    )
    (office / "returns" / "2567" / "old.xlsx").unlink()
    returned(office, FULL)
    assert form_findings(office) == [f"returns/2567/{CODE}.xlsx RT03"]
    assert all(r.unit != CODE for r in read(office).returns)


def test_what_lies_outside_the_answer_cells_is_a_warning_and_the_answers_stay(office: Path) -> None:
    path = returned(office, FULL)
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["H3"] = "ส่งช้าเพราะน้ำท่วม"
    book.worksheets[0]["A1"].comment = openpyxl.comments.Comment("ตรวจแล้ว", "ครู")
    book.create_sheet("งานของฉัน")["A1"] = 5
    book.save(path)
    assert form_findings(office) == [
        f"returns/2567/{CODE}.xlsx RT11",
        f"returns/2567/{CODE}.xlsx!A1 RT11",
        f"returns/2567/{CODE}.xlsx!H3 RT11",
    ]
    assert values(office)[CODE]["p2-1"] == {"value": Decimal(0)}


def test_a_late_an_unreadable_or_a_future_reporting_date_is_a_warning(office: Path) -> None:
    returned(office, FULL, dates={CODE: "25/10/2567"})
    (late,) = read(office).findings
    assert late.code == "RT13" and "10 days after the due date 15/10/2567" in late.message
    returned(office, FULL, dates={CODE: "ยี่สิบ ต.ค."})
    assert [f.code for f in read(office).findings] == ["RT13"]
    returned(office, FULL, dates={CODE: "01/01/2570"})
    (future,) = read(office).findings
    assert "later than today" in future.message
    assert values(office)[CODE]["p2-1"] == {"value": Decimal(0)}  # still counted


def test_a_return_that_answers_nothing_is_a_warning(office: Path) -> None:
    returned(office, {})
    assert form_findings(office) == [f"returns/2567/{CODE}.xlsx!C4 RT16"]


def test_lock_files_are_skipped_and_folders_and_other_files_are_named(office: Path) -> None:
    folder = office / "returns" / "2567"
    (folder / f"~${CODE}.xlsx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"x")
    (folder / "old").mkdir()
    (folder / "list.csv").write_text("code,value\n", encoding="utf-8")
    assert form_findings(office) == ["returns/2567/list.csv RT01", "returns/2567/old RT11"]


def test_a_workbook_that_is_not_a_form_or_whose_sheet_was_renamed_is_left_out(office: Path) -> None:
    folder = office / "returns" / "2567"
    book = openpyxl.Workbook()
    book.active["A1"] = "รหัส"
    book.save(folder / "mine.xlsx")
    path = returned(office, FULL)
    book = openpyxl.load_workbook(path)
    book.worksheets[0].title = "ของฉัน"
    book.save(path)
    assert form_findings(office) == [f"returns/2567/{CODE}.xlsx RT02", "returns/2567/mine.xlsx RT02"]


def test_the_plans_question_changed_since_the_form_was_made(office: Path) -> None:
    returned(office, FULL)
    policy = office / "policies" / "1.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(
        text.replace("label: จำนวนนักเรียนทั้งหมดที่มีผลการเรียน, unit: คน", "label: จำนวนนักเรียนทั้งหมด, unit: คน"), "utf-8"
    )
    assert [f.split()[-1] for f in form_findings(office)] == ["RT12"]
    assert read(office).findings[0].severity.value == "warning"
    policy.write_text(
        text.replace(
            "value: {label: คะแนนเฉลี่ย O-NET ชั้นมัธยมศึกษาปีที่ 3 ของสถานศึกษา (ทุกวิชา), unit: คะแนน}",
            "value: {label: ระดับ O-NET, levels: [ต่ำ, สูง]}",
        )
        .replace("method: mean", "method: latest")
        .replace("      weight: students\n", ""),
        "utf-8",
    )
    got = read(office)
    assert [(f.code, f.severity.value) for f in got.findings] == [("RT12", "error")]
    assert "p1-3" not in values(office)[CODE]


def test_a_one_workbook_form_gives_a_return_per_row(office: Path, tmp_path: Path) -> None:
    collect(office, tmp_path / "all", "--one-workbook")
    target = office / "returns" / "2567" / "all.xlsx"
    fill(
        tmp_path / "all" / "all.xlsx",
        {
            CODE: FULL,
            "1088880002": {"p2-1": {"value": "ไม่มีข้อมูล"}},
            "1088880003": {"p1-1": {"numerator": 9, "denominator": 3}},
        },
        dates={CODE: "01/10/2567"},
        target=target,
    )
    got = read(office)
    assert [f.code for f in got.findings] == ["RT09"]  # the rows nobody filled in: not returns, no finding
    kept = values(office)
    assert kept[CODE]["p1-1"] == {"numerator": Decimal(1510), "denominator": Decimal(2402)}
    assert kept["1088880002"] == {"p2-1": {"value": None}}
    assert "p1-1" not in kept.get("1088880003", {})
    assert set(kept) == {CODE, "1088880002", "1088880003"}
    assert next(r for r in got.returns if r.unit == CODE).received == dt.date(2567, 10, 1)
    # the same school in a workbook of its own besides: both left out
    shutil.copy(tmp_path / "forms" / f"{CODE}.xlsx", office / "returns" / "2567" / f"{CODE}.xlsx")
    assert CODE not in values(office)
    assert [f.code for f in read(office).findings].count("RT06") == 2
