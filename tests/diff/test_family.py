"""The diff of every shape of plan: levels of policies, goals stated in a policy, sub-indicators, standards,
change targets, baselines as published, context tables, the budget frame and the plan's schemes.

Each test edits one of the examples (docs/examples/office-strategic, docs/examples/school-standards) as
data and reads what the diff says, in the plan's own words (ประเด็นยุทธศาสตร์, กลยุทธ์, มาตรฐาน).
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from eduplan.diff.change import ChangeKind
from eduplan.diff.wording import Words
from eduplan.load.loader import load_plan
from eduplan.model import Plan
from tests.conftest import REPO
from tests.diff.helpers import diff, kinds

OFFICE = REPO / "docs" / "examples" / "office-strategic" / "2566-2570"
SCHOOL = REPO / "docs" / "examples" / "school-standards"


@functools.cache
def _loaded(root: str) -> Plan:
    result = load_plan(REPO / root)
    assert result.plan is not None and not result.partial
    return result.plan


def office() -> dict[str, Any]:
    return copy.deepcopy(_loaded(str(OFFICE.relative_to(REPO))).model_dump(exclude_none=True))


def school() -> dict[str, Any]:
    return copy.deepcopy(_loaded(str(SCHOOL.relative_to(REPO))).model_dump(exclude_none=True))


def thai(old: dict[str, Any], new: dict[str, Any]) -> tuple[Words, dict[str, str]]:
    """The Thai words of the new edition and every change's sentence by path."""
    words = Words.of("th", "arabic", new.get("labels"), new.get("hierarchy", ()))
    return words, {c.path: words.detail(c) for c in diff(old, new).changes}


def strategy(data: dict[str, Any], number: str) -> dict[str, Any]:
    top = data["policies"][int(number.split(".")[0]) - 1]
    return top if "." not in number else next(p for p in top["policies"] if p["number"] == number)


def test_a_plan_diffed_with_itself_has_no_changes() -> None:
    assert diff(office(), office()).changes == []
    assert diff(school(), school()).changes == []


def test_a_strategy_moved_to_another_issue_is_one_move_named_by_the_plans_levels() -> None:
    old, new = office(), office()
    moved = new["policies"][0]["policies"].pop(1)  # กลยุทธ์ 1.2 moves under ประเด็นยุทธศาสตร์ 2
    new["policies"][1]["policies"].append(moved)
    assert kinds(diff(old, new)) == [("moved", "p1-2")]
    words, said = thai(old, new)
    assert said["p1-2"] == "ย้ายจากประเด็นยุทธศาสตร์ที่ 1 (p1) ไปอยู่ที่ประเด็นยุทธศาสตร์ที่ 2 (p2)"
    assert words.heading(diff(old, new).groups["p1-2"]) == "กลยุทธ์ที่ 1.2"


def test_a_strategy_added_and_removed_at_the_second_level() -> None:
    old, new = office(), office()
    gone = new["policies"][2]["policies"].pop()
    new["policies"][2]["policies"].append({"id": "p3-3", "number": "3.3", "title": "พัฒนาระบบดิจิทัล"})
    result = diff(old, new)
    assert kinds(result) == [("removed", gone["id"]), ("added", "p3-3")]  # the removed one where it was
    _, said = thai(old, new)
    assert said["p3-3"] == "เพิ่มกลยุทธ์ที่ 3.3"
    assert said[gone["id"]] == f"ยกเลิกกลยุทธ์ที่ 3.2 พร้อมตัวชี้วัด {len(gone['indicators'])} ตัวชี้วัด"


def test_goals_stated_in_a_strategy_are_matched_by_id_and_can_move() -> None:
    old, new = office(), office()
    first, second = strategy(new, "2.1"), strategy(new, "2.2")
    first["goals"][0]["text"] += " อย่างยั่งยืน"
    second["goals"].append(first["goals"].pop(0))  # and then moved to กลยุทธ์ 2.2
    strategy(new, "1.1")["goals"].append({"id": "p1-1-g9", "number": "2", "text": "สถานศึกษาปลอดภัย"})
    assert kinds(diff(old, new)) == [
        ("added", "p1-1-g9"),
        ("moved", "p2-1-g1"),
        ("text-changed", "p2-1-g1.text"),
    ]
    _, said = thai(old, new)
    assert said["p1-1-g9"] == "เพิ่มเป้าประสงค์ที่ 2"
    assert said["p2-1-g1"] == "ย้ายจากกลยุทธ์ที่ 2.1 (p2-1) ไปอยู่ที่กลยุทธ์ที่ 2.2 (p2-2)"


def test_sub_indicators_added_removed_and_moved_between_indicators() -> None:
    old, new = office(), office()
    group, score = strategy(new, "2.1")["indicators"]
    part = group["indicators"].pop(2)  # NT ภาษาไทย leaves the RT/NT group for the O-NET indicator
    score["indicators"] = [part]
    group["indicators"][0]["number"] = "1.0"
    assert kinds(diff(old, new)) == [("renumbered", "p2-1-i1-1.number"), ("moved", "p2-1-i1-3")]
    _, said = thai(old, new)
    assert said["p2-1-i1-3"] == "ย้ายจากตัวชี้วัดที่ 1 (p2-1-i1) ไปอยู่ที่ตัวชี้วัดที่ 2 (p2-1-i2)"
    del score["indicators"]
    result = diff(old, new)
    removed = next(c for c in result.changes if c.id == "p2-1-i1-3")
    assert (removed.kind, removed.weakening) == (ChangeKind.REMOVED, True)
    assert thai(old, new)[1]["p2-1-i1-3"] == "ยกเลิกตัวชี้วัดย่อยที่ 1.3"


def test_a_change_target_against_a_value_is_a_change_of_target_counted_in_values() -> None:
    old, new = office(), office()
    targets = new["policies"][1]["indicators"][0]["targets"]  # p2-i1: เพิ่มขึ้นร้อยละ 3 a year from 61.27
    targets[2566] = 62  # the baseline + 3 would be 64.27: a lowering, and a weakening
    targets[2567] = {"increase": 5, "of": "previous"}
    result = diff(old, new)
    assert kinds(result) == [("target-lowered", "p2-i1.targets.2566"), ("target-raised", "p2-i1.targets.2567")]
    lowered, raised = result.changes
    assert (lowered.delta, lowered.weakening, raised.delta) == (-2.27, True, 2)
    _, said = thai(old, new)
    assert said["p2-i1.targets.2566"].startswith(
        "ค่าเป้าหมายปี 2566 ลดลงจาก เพิ่มขึ้นร้อยละ 3 เป็น 62 (-2.27) (คิดเป็นค่า 64.27 → 62)"
    )
    assert said["p2-i1.targets.2567"] == "ค่าเป้าหมายปี 2567 เพิ่มขึ้นจาก เพิ่มขึ้นร้อยละ 3 เป็น เพิ่มขึ้น 5 (+2)"


def test_the_same_change_in_other_words_is_no_change_and_an_unresolvable_one_has_no_direction() -> None:
    old, new = office(), office()
    new["policies"][1]["indicators"][0]["targets"][2566] = {"increase": 3, "text": "เพิ่มขึ้น 3 จุด"}
    assert diff(old, new).changes == []
    new["policies"][1]["indicators"][0]["targets"][2566] = {"increase": 3, "of": "baseline"}
    new["policies"][1]["indicators"][0].pop("baseline")
    found = {c.path: c.kind for c in diff(old, new).changes}
    assert found["p2-i1.targets.2566"] is ChangeKind.TARGET_CHANGED


def test_baselines_as_published_spans_and_no_data() -> None:
    old, new = office(), office()
    baseline = strategy(new, "1.2")["indicators"][1]["baseline"]  # p1-2-i2: n/a, a new indicator
    assert "no_data" in baseline
    strategy(new, "1.2")["indicators"][1]["baseline"] = {"year": "2565-2566", "value": 80}
    _, said = thai(old, new)
    assert said["p1-2-i2.baseline.value"] == "เปลี่ยนค่าของค่าฐานจาก (ไม่มี) เป็น 80"
    assert said["p1-2-i2.baseline.no_data"].startswith("เปลี่ยนเหตุที่ไม่มีข้อมูลของค่าฐานจาก ")
    assert said["p1-2-i2.baseline.year"].endswith(" เป็น 2565-2566")


def test_a_context_table_cell_a_budget_line_and_a_scheme() -> None:
    old, new = office(), office()
    new["context"][0]["tables"][0]["rows"][1][2] = 4400  # บ้านนา: 4,315 -> 4,400 students
    new["budget_frame"]["lines"][1]["years"][2568] = 500000
    new["schemes"]["obec-policy"]["codes"]["5"] = "ด้านใหม่"
    result = diff(old, new)
    cell = next(c for c in result.changes if c.path.endswith("rows.1.2"))
    assert (cell.kind, cell.old, cell.new, cell.delta) == (ChangeKind.CHANGED, 4315, 4400, 85)
    words = Words.of("th", "arabic", new.get("labels"), new["hierarchy"])
    assert words.detail(cell) == "แถวที่ 2 ช่อง นักเรียน (คน): เปลี่ยนจาก 4315 เป็น 4400 (+85)"
    paths = {c.path for c in result.changes}
    assert "budget_frame.lines[ประเด็นยุทธศาสตร์ที่ 2 คุณภาพผู้เรียน].years.2568" in paths
    assert "schemes.obec-policy.codes.5" in paths


def test_a_table_row_added_in_the_middle_changes_no_other_row() -> None:
    old, new = office(), office()
    new["context"][0]["tables"][0]["rows"].insert(2, ["ป่าไม้", 5, 600, 40])
    (change,) = diff(old, new).changes
    assert thai(old, new)[1][change.path] == "เพิ่มแถวที่ 3: ป่าไม้, 5, 600, 40"


def test_a_schools_expected_levels_and_its_items_on_the_standards_scale() -> None:
    old, new = school(), school()
    standard = new["standards"][0]
    standard["targets"][2568] = "ยอดเยี่ยม"  # ดีเลิศ -> ยอดเยี่ยม: one step up the scale
    standard["indicators"][0]["targets"][2568] = "ดี"  # its item 1.1 (no scale of its own): one step down
    standard["indicators"][0]["indicators"][3]["targets"][2568] = "ยอดเยี่ยม"  # and the item's item 4)
    result = diff(old, new)
    assert kinds(result) == [
        ("target-raised", "std1.targets.2568"),
        ("target-lowered", "std1-1.targets.2568"),
        ("target-raised", "std1-1-4.targets.2568"),
    ]
    assert [(c.delta, c.weakening) for c in result.changes] == [(1, False), (-1, True), (1, False)]
    words = Words.of("th", "arabic", new.get("labels"), new["hierarchy"])
    headings = [words.heading(result.groups[g]) for g in ("std1", "std1-1", "std1-1-4")]
    assert headings == ["มาตรฐานที่ 1", "ประเด็นพิจารณาที่ 1.1", "ข้อ 4)"]
    assert words.heading(result.groups["standards"]) == "มาตรฐานการศึกษา"


def test_a_sar_is_named_by_its_academic_year() -> None:
    old, new = school(), school()
    new["reports"][0]["actuals"][0]["score"] = 4.3
    (change,) = diff(old, new).changes
    words = Words.of("th", "arabic")
    heading = words.heading(diff(old, new).groups[change.item or ""])
    assert heading == "ผลของตัวชี้วัด std1"
    assert change.path == "reports[2567].actuals[std1].score"
    assert words.item("report_academic", "2567") == "รายงานผลการประเมินตนเอง ปีการศึกษา 2567"
