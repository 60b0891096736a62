"""A school that keeps its own plan feeds the office: its report's actuals, through ``feeds:``, located file:line:col.

The example's school 1088880012 keeps its plan in ../schools/1088880012 (academic years): the office's
fiscal year 2567 reads the school's report of academic year 2566, the one complete when the office
writes its report.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.collect.helpers import collect, fill, found, office_copy, read

SCHOOL = "1088880012"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return office_copy(tmp_path)


def _school(office: Path, name: str) -> Path:
    return office.parent / "schools" / SCHOOL / name


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_col(path: Path, text: str) -> str:
    """``line:col`` of the first place ``text`` is written in ``path`` (1-based)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return f"{n}:{line.index(text) + 1}"
    raise AssertionError(text)


def test_the_schools_report_feeds_the_office_at_its_values(office: Path) -> None:
    got = read(office)
    assert [f for f in found(got, office) if "schools" in f] == []
    (ret,) = [r for r in got.returns if r.unit == SCHOOL]
    report = _school(office, "reports/2566.yaml")
    assert ret.source == str(report)
    assert {i: {k: a.value for k, a in by.items()} for i, by in ret.answers.items()} == {
        "p1-1": {"numerator": Decimal(431), "denominator": Decimal(702)},
        "p1-2": {"value": "ดีเลิศ"},
        "p2-1": {"value": Decimal(1)},
        "p3-1": {"value": 'ระบบดูแลช่วยเหลือนักเรียนผ่านแอปพลิเคชันไลน์ "ท่าน้ำห่วงใย"'},
    }
    assert ret.answers["p1-1"]["numerator"].where.endswith(
        f"schools/1088880012/reports/2566.yaml:{_line_col(report, '431')}"
    )
    assert ret.received == dt.date(2567, 3, 29)


def test_a_missing_report_is_a_finding_at_the_registers_plan_entry(office: Path) -> None:
    _school(office, "reports/2566.yaml").rename(_school(office, "reports/2567.yaml"))
    _edit(_school(office, "reports/2567.yaml"), "academic_year: 2566", "academic_year: 2567")
    got = read(office)
    assert found(got, office) == [f"register.yaml:{_line_col(office / 'register.yaml', '../schools/1088880012')} RT14"]
    assert "has no report of 2566, which feeds the office's 2567" in got.findings[0].message
    assert SCHOOL not in {r.unit for r in got.returns}


def test_a_school_plan_with_errors_cannot_feed(office: Path) -> None:
    _edit(_school(office, "plan.yaml"), "  start: 2566", "  start: 25660")
    got = read(office)
    assert [f.code for f in got.findings] == ["RT14"]
    assert "the plan does not load whole" in got.findings[0].message


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("feeds: {indicator: p2-1}", "feeds: {indicator: p9-9}", "`p9-9` `value` is no question of the office plan"),
        ("feeds: {indicator: p2-1}", "feeds: {indicator: p2-1, key: numerator}", "`p2-1` `numerator` is no question"),
        (
            "feeds: {indicator: p2-1}",
            "feeds: [{indicator: p2-1}, {indicator: p2-1}]",
            "is fed twice by the unit's plan",
        ),
        (
            "feeds: {indicator: p2-1}",
            "feeds: {indicator: p1-2}",
            "`s1-3` (of kind `count`) cannot answer `p1-2` `value`",
        ),
        (
            "feeds: {indicator: p1-1, key: denominator}",
            "feeds: {indicator: p2-1, plan: another-office}",
            "`p1-1` `denominator`: no indicator of the unit's plan feeds it",
        ),
    ],
)
def test_a_feed_that_does_not_fit_is_a_finding_at_it(office: Path, old: str, new: str, says: str) -> None:
    policy = _school(office, "policies/1.yaml")
    _edit(policy, old, new)
    got = read(office)
    bad = [f for f in got.findings if f.code == "RT15"]
    assert len(bad) == 1 and says in bad[0].message, got.findings
    assert str(bad[0].span).startswith(str(office.parent / "schools" / SCHOOL))


def test_a_feed_for_another_office_is_not_read(office: Path) -> None:
    _edit(
        _school(office, "policies/1.yaml"), "feeds: {indicator: p2-1}", "feeds: {indicator: p2-1, plan: another-office}"
    )
    got = read(office)
    assert got.findings == []
    assert "p2-1" not in next(r for r in got.returns if r.unit == SCHOOL).answers


def test_an_actual_that_is_no_answer_leaves_out_its_indicator(office: Path) -> None:
    report = _school(office, "reports/2566.yaml")
    _edit(report, "{indicator: s1-1, value: 431,", "{indicator: s1-1, value: 731,")
    _edit(report, "{indicator: s1-3, value: 1,", "{indicator: s1-3, no_data: ยังไม่สรุป,")
    got = read(office)
    assert found(got, office)[0].endswith("RT09")
    assert f"2566.yaml:{_line_col(report, '731')}" in found(got, office)[0]
    answers = next(r for r in got.returns if r.unit == SCHOOL).answers
    assert "p1-1" not in answers
    assert answers["p2-1"]["value"].value is None  # no data, said: an answer of no value


def test_a_level_outside_the_offices_scale_is_a_bad_answer_at_the_report(office: Path) -> None:
    plan = _school(office, "plan.yaml")
    _edit(plan, "levels: [กำลังพัฒนา, ปานกลาง, ดี, ดีเลิศ, ยอดเยี่ยม]", "levels: [กำลังพัฒนา, ปานกลาง, ดี, ดีมาก, ดีเลิศ, ยอดเยี่ยม]")
    report = _school(office, "reports/2566.yaml")
    _edit(report, "value: ดีเลิศ", "value: ดีมาก")
    got = read(office)
    (bad,) = got.findings
    assert bad.code == "RT08" and "'ดีมาก' is not one of the levels of the list" in bad.message
    assert str(bad.span).endswith(f"2566.yaml:{_line_col(report, 'ดีมาก')}")


def test_a_school_with_a_plan_that_sends_a_form_too_has_two_returns(office: Path, tmp_path: Path) -> None:
    register = office / "register.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace(", plan: ../schools/1088880012}", "}"), encoding="utf-8")
    collect(office, tmp_path / "forms")
    register.write_text(text, encoding="utf-8")
    (office / "returns" / "2567").mkdir(parents=True)
    fill(
        tmp_path / "forms" / f"{SCHOOL}.xlsx",
        {SCHOOL: {"p2-1": {"value": 2}}},
        target=office / "returns" / "2567" / "x.xlsx",
    )
    got = read(office)
    assert [f.code for f in got.findings] == ["RT06", "RT06"]
    assert SCHOOL not in {r.unit for r in got.returns}


NATIONAL = {
    "plan.yaml": """\
        id: example-national
        title: ตัวอย่าง แผนระดับประเทศ
        office: {name: สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (สมมุติ)}
        period: {start: 2566, end: 2570}
        policies:
          - id: n1
            number: "1"
            title: คุณภาพผู้เรียน
            indicators:
              - id: n1-1
                number: "1.1"
                name: ร้อยละของนักเรียนที่มีผลสัมฤทธิ์ทางการเรียนเฉลี่ยระดับ 3 ขึ้นไป
                unit: ร้อยละ
                kind: percent
                targets: {2566: 60, 2567: 62, 2568: 64, 2569: 66, 2570: 68}
                rollup:
                  method: ratio
                  collect:
                    numerator: {label: จำนวนนักเรียนที่มีผลการเรียนเฉลี่ยระดับ 3 ขึ้นไป, unit: คน}
                    denominator: {label: จำนวนนักเรียนทั้งหมดที่มีผลการเรียน, unit: คน}
        """,
    "register.yaml": """\
        as_of: 2567-06-10
        units:
          - {code: "9901", name: สพม.ตัวอย่าง, kind: office, plan: ../office}
        """,
}


def test_an_office_feeds_the_country_with_the_sums_its_own_rollup_kept(office: Path, tree: Any) -> None:
    """A national ratio pools the schools' counts: the office's actual keeps them (``rolled_up``), located."""
    national = tree({f"national/{name}": text for name, text in NATIONAL.items()}) / "national"
    policy = office / "policies" / "1.yaml"
    _edit(policy, "    rollup:\n      method: ratio", "    feeds: {indicator: n1-1}\n    rollup:\n      method: ratio")
    report = office / "reports" / "2567.yaml"
    report.parent.mkdir(exist_ok=True)
    report.write_text(
        "fiscal_year: 2567\nactuals:\n"
        "  - indicator: p1-1\n    value: 61.36\n"
        "    rolled_up: {numerator: 4687, denominator: 7639, reported: 7, expected: 12}\n",
        encoding="utf-8",
    )
    got = read(national)
    assert got.findings == []
    (ret,) = got.returns
    answers = ret.answers["n1-1"]
    assert {k: a.value for k, a in answers.items()} == {"numerator": Decimal(4687), "denominator": Decimal(7639)}
    assert answers["numerator"].where == f"{report}:5:{_line_col(report, '4687').split(':')[1]}"
    _edit(report, "    rolled_up: {numerator: 4687, denominator: 7639, reported: 7, expected: 12}\n", "")
    got = read(national)
    assert [f.code for f in got.findings] == ["RT15"] and "has no `rolled_up`" in got.findings[0].message
    assert got.returns[0].answers == {}
