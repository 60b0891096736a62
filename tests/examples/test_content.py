"""What the examples' READMEs say they show is what the tool reads from them.

Each test reads an example through the loader and the model's walk (``eduplan.model.walk``), the way
every stage of eduplan reads a plan, and checks one convention of issue 15 as written in the example.
"""

from __future__ import annotations

from eduplan.model import Change
from eduplan.model.walk import all_indicators, all_policies
from tests.examples.helpers import OFFICE, OFFICE_REVISED, SCHOOL, loaded


def test_the_office_plan_has_three_issues_of_two_strategies_numbered_1_1() -> None:
    plan = loaded(OFFICE)
    assert plan.hierarchy == ["ประเด็นยุทธศาสตร์", "กลยุทธ์"]
    levels = [(at.depth, at.policy.number) for at in all_policies(plan)]
    assert levels == [
        (1, "1"),
        (2, "1.1"),
        (2, "1.2"),
        (1, "2"),
        (2, "2.1"),
        (2, "2.2"),
        (1, "3"),
        (2, "3.1"),
        (2, "3.2"),
    ]
    for at in all_policies(plan):
        if at.depth == 2:  # เป้าประสงค์เชิงกลยุทธ์: stated in the strategy, numbered within it
            assert at.policy.own_goals and at.policy.own_goals[0].number == "1"
            assert [a.number for a in at.policy.approaches][:2] == ["1.", "2."]
        assert at.policy.indicators, f"indicators at both levels: {at.policy.id}"


def test_the_office_plan_writes_baselines_targets_and_parts_as_published() -> None:
    plan = loaded(OFFICE)
    found = {at.indicator.id: at for at in all_indicators(plan)}
    assert all(at.indicator.owner is None for at in found.values())  # no ผู้รับผิดชอบ column
    assert found["p1-i1"].indicator.baseline.year == "2564-2565"  # written "2564/65"
    assert found["p1-2-i2"].indicator.baseline.no_data == "n/a"
    assert found["p2-i1"].indicator.targets[2567] == Change(increase=3, text="เพิ่มขึ้นร้อยละ 3")
    assert found["p2-1-i2"].indicator.targets[2570] == Change(increase=2)
    assert found["p1-1-i2"].indicator.cumulative
    parts = [i for i, at in found.items() if at.is_part]
    assert parts == ["p2-1-i1-1", "p2-1-i1-2", "p2-1-i1-3"]
    assert found["p2-1-i1"].kind is None and all(found[p].kind == "percent" for p in parts)


def test_the_action_plan_reads_as_obec_writes_it() -> None:
    plan = loaded(OFFICE)
    (action,) = plan.action_plans
    projects = {p.number: p for p in action.projects}
    assert "3.11" in projects  # written unquoted: number: 3.11
    subsidy = projects["1.3"]
    assert [(row.unit, row.target) for row in subsidy.rows] == [("โรงเรียน", 106), ("คน", 19541)]
    assert [q.budget for q in subsidy.quarters.values()] == [2139400, 2139400, 2139400, 2139500]
    assert subsidy.budget == 8557700
    assert {(a.scheme, a.code) for a in projects["1.2"].alignment} == {("obec-policy", "1"), ("big-rock", "2")}
    for project in action.projects:  # quarters -> project -> total
        assert sum(q.budget or 0 for q in project.quarters.values()) == project.budget
    assert sum(p.budget or 0 for p in action.projects) == action.total_budget
    frame = plan.budget_frame
    assert frame is not None and sum(line.years[2567] for line in frame.lines) == action.total_budget
    assert plan.schemes["obec-policy"].title == "นโยบาย สพฐ. ปีงบประมาณ พ.ศ. 2567"


def test_the_office_plan_has_its_context_sections() -> None:
    plan = loaded(OFFICE)
    basic, swot = plan.context
    by_district, by_size = basic.tables
    assert by_district.rows[-1] == ["รวม", 106, 19541, 1316]
    for column in (1, 2, 3):  # the total row is the sum of the districts
        assert sum(row[column] for row in by_district.rows[:-1]) == by_district.rows[-1][column]
    assert sum(row[2] for row in by_size.rows[:-1]) == 106
    assert swot.swot is not None and all(
        (swot.swot.strengths, swot.swot.weaknesses, swot.swot.opportunities, swot.swot.threats)
    )
    assert plan.monitoring[0].title == "การติดตามและประเมินผล"


def test_the_revised_edition_revises_the_first() -> None:
    first, revised = loaded(OFFICE), loaded(OFFICE_REVISED)
    assert revised.edition is not None and revised.edition.revision_of == first.id
    ids = {at.indicator.id for at in all_indicators(first)}
    new_ids = {at.indicator.id for at in all_indicators(revised)}
    assert ids - new_ids == {"p2-1-i1-3"} and new_ids - ids == {"p2-2-i3"}


def test_the_school_plan_follows_the_basic_education_standards() -> None:
    plan = loaded(SCHOOL)
    assert plan.period.year == "academic" and plan.office.kind == "school"
    assert all((plan.office.code, plan.office.parent, plan.office.identity, plan.office.distinction, plan.office.motto))
    std1, std2, std3 = plan.standards
    assert [len(item.indicators) for item in std1.indicators] == [6, 4]
    assert [i.number for i in std2.indicators] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert [i.number for i in std3.indicators] == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    items = [at for at in all_indicators(plan) if at.is_standard and at.is_part]
    assert all(at.levels == ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"] for at in items)
    assert {at.kind for at in items} == {"level", "percent"}
    assert std1.targets == {2567: "ดีเลิศ", 2568: "ดีเลิศ", 2569: "ยอดเยี่ยม"}


def test_each_sar_gives_every_standard_and_item_a_result() -> None:
    plan = loaded(SCHOOL)
    standard_ids = {at.indicator.id for at in all_indicators(plan) if at.is_standard}
    assert [(r.year, r.year_kind) for r in plan.reports] == [(2567, "academic"), (2568, "academic")]
    for report in plan.reports:
        results = {a.indicator: a for a in report.actuals if a.indicator in standard_ids}
        assert set(results) == standard_ids
        assert results["std1"].score is not None and isinstance(results["std1"].value, str)
    assert plan.action_plans[0].year_kind == "academic"
