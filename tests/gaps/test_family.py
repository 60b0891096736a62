"""``eduplan gaps`` on every shape of plan: policies of any depth, goals stated in a policy, sub-indicators
counted as parts of their indicator, a school's standards, and the plan's own alignment schemes.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import MINIMAL_PLAN, build_tree
from tests.validate.helpers import REPO, cli

OFFICE = REPO / "docs" / "examples" / "office-strategic" / "2566-2570"
SCHOOL = REPO / "docs" / "examples" / "school-standards"

TWO_LEVELS = (
    MINIMAL_PLAN
    + """\
hierarchy: [ประเด็นยุทธศาสตร์, กลยุทธ์]
goals: [{id: g1, number: "1", text: ผู้เรียนมีคุณภาพ}, {id: g2, number: "2", text: ไม่มีใครเชื่อมโยง}]
policies:
  - id: s1
    number: "1"
    title: คุณภาพผู้เรียน
    goals: [g1]
    policies:
      - id: s1-1
        number: "1.1"
        title: การอ่าน
        goals: [{id: s1-1-g1, number: "1", text: นักเรียนอ่านออก}]
        indicators:
          - id: s1-1-i1
            number: "1"
            name: ผลการอ่าน
            owner: กลุ่มนิเทศ
            indicators:
              - {id: s1-1-i1-1, number: "1.1", name: RT ป.1, unit: ร้อยละ, kind: percent, baseline: 70,
                 targets: {2566: 71, 2567: 72, 2568: 73, 2569: 74, 2570: 75}}
              - {id: s1-1-i1-2, number: "1.2", name: NT ป.3, unit: ร้อยละ, kind: percent,
                 baseline: {year: "ปี 64/65", value: n/a}, targets: {2566: 60, 2567: 61, 2568: 62, 2569: 63}}
      - {id: s1-2, number: "1.2", title: การคิด}
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการอ่านออก, policy: s1-1, indicators: [s1-1-i1-1],
         alignment: {big-rock: ["2", "9"], local: "อะไรก็ได้", sdg: "4.1"}}
schemes:
  big-rock: {title: Big Rock ของ สพฐ., codes: {"1": ความปลอดภัย, "2": การอ่าน}}
  local: {title: แผนของจังหวัด}
  sdg: {title: เป้าหมายการพัฒนาที่ยั่งยืน (ของแผน), codes: {"4.1": การศึกษาขั้นพื้นฐาน}}
"""
)


def gaps(root: Path) -> dict:
    return json.loads(cli("gaps", str(root), "--format", "json").out)["plans"][0]


def test_policies_of_every_level_and_sub_indicators_counted_as_parts(tmp_path: Path) -> None:
    data = gaps(build_tree(tmp_path, {"plan.yaml": TWO_LEVELS}))
    rows = {row["policy"]: row for row in data["policies"]}
    assert [(r["policy"], r["depth"]) for r in data["policies"]] == [("s1", 1), ("s1-1", 2), ("s1-2", 2)]
    reading = rows["s1-1"]
    # one indicator with two parts, not three indicators; it has what every part has
    assert (reading["indicators"], reading["parts"], reading["goals"]) == (1, 2, 1)
    assert (reading["unit"], reading["owner"], reading["baseline"], reading["all_targets"]) == (1, 1, 1, 0)
    assert reading["lacking"] == {"all_targets": ["s1-1-i1"]}  # NT ป.3 has no target for 2570
    assert data["total"]["indicators"] == 1
    assert data["unlinked_goals"] == ["g2"]  # g1 is named by s1; the goal stated in s1-1 is s1-1's own


def test_a_project_on_a_sub_policy_serves_the_levels_above_it_and_a_part_serves_its_indicator(tmp_path: Path) -> None:
    (year,) = gaps(build_tree(tmp_path, {"plan.yaml": TWO_LEVELS}))["action_plans"]
    assert (year["policies_without_projects"], year["indicators_without_projects"]) == (["s1-2"], [])


def test_the_plans_own_schemes_name_and_replace_the_built_in_ones(tmp_path: Path) -> None:
    data = gaps(build_tree(tmp_path, {"plan.yaml": TWO_LEVELS}))
    by_key = {s["scheme"]: s for s in data["alignment"]}
    big_rock = by_key["big-rock"]
    assert (big_rock["title"], big_rock["linked"], big_rock["never_linked"], big_rock["unknown"]) == (
        "Big Rock ของ สพฐ.",
        ["2"],
        ["1"],
        ["9"],  # a code the scheme does not list is a gap
    )
    assert (by_key["local"]["codes"], by_key["local"]["linked"], by_key["local"]["unknown"]) == (0, ["อะไรก็ได้"], [])
    assert (by_key["sdg"]["title"], by_key["sdg"]["codes"]) == ("เป้าหมายการพัฒนาที่ยั่งยืน (ของแผน)", 1)  # replaced
    assert by_key["ndp13"]["codes"] == 13  # the built-in schemes stay
    assert data["unlisted_schemes"] == {}
    assert data["alignment_list"] == "eduplan's built-in list and the plan's schemes"


def test_the_text_indents_the_levels(tmp_path: Path) -> None:
    lines = cli("gaps", str(build_tree(tmp_path, {"plan.yaml": TWO_LEVELS}))).out.splitlines()
    assert lines[4].startswith("  1.1 s1-1 ")
    assert "s1-1: 2 sub-indicators, counted as parts of their indicators" in lines
    assert "  local                      any  the scheme lists no codes (any is accepted); linked: อะไรก็ได้" in lines
    assert "  big-rock                   1/2  never linked: 1; not in the list: 9" in lines


def test_the_office_example_counts_its_sub_indicators_once() -> None:
    data = gaps(OFFICE)
    assert [r["depth"] for r in data["policies"]] == [1, 2, 2] * 3
    assert (data["total"]["indicators"], data["total"]["parts"]) == (15, 3)
    assert {s["scheme"]: s["title"] for s in data["alignment"]}["big-rock"].startswith("Big Rock")


def test_a_schools_standards_are_its_indicators() -> None:
    data = gaps(SCHOOL)
    standards = data["policies"][-1]
    assert (standards["policy"], standards["indicators"]) == ("standards", 3)
    assert standards["parts"] > 0  # their items are parts of them
    assert standards["unit"] == 3  # a level standard's scale is its unit
    assert [(y["year"], y["year_kind"]) for y in data["action_plans"]] == [(2567, "academic")]
    assert "| Academic year | Projects |" in cli("gaps", str(SCHOOL), "-f", "markdown").out


def test_markdown_marks_the_levels_and_the_parts(tmp_path: Path) -> None:
    lines = cli("gaps", str(build_tree(tmp_path, {"plan.yaml": TWO_LEVELS})), "-f", "markdown").out.splitlines()
    assert "| ↳ 1.1 s1-1 | 1 | 1/1 | 1/1 | 1/1 | 0/1 |" in lines
    assert "- **s1-1** 2 sub-indicators, counted as parts of their indicators" in lines
    assert any(line.startswith("| `local` แผนของจังหวัด | any code: อะไรก็ได้ |") for line in lines)
