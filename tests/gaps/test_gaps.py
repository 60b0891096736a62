"""``eduplan gaps`` with the annual cycle: policies without projects, indicators no project serves,
and the higher-plan codes the projects never link to (against the built-in list or a plan's own).

The expected outputs for the fictional example are files in ``expected/``; after an intended
change, regenerate them with ``eduplan gaps docs/examples/annual-cycle [-f markdown]`` and review
the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

from eduplan.analysis.alignment import load_alignment
from tests.conftest import MINIMAL_PLAN, REAL_PLAN, build_tree
from tests.validate.helpers import REPO, cli

EXAMPLE = REPO / "docs" / "examples" / "annual-cycle"
EXPECTED = Path(__file__).parent / "expected"

PLAN = (
    MINIMAL_PLAN
    + """\
policies:
  - id: p1
    number: "1"
    title: ความปลอดภัย
    indicators:
      - {id: p1-i1, number: "1", name: ร้อยละของนักเรียน, unit: ร้อยละ, kind: percent, owner: สพฐ.}
      - {id: p1-i2, number: "2", name: ร้อยละของครู, unit: ร้อยละ, kind: percent, owner: สพฐ.}
  - {id: p2, number: "2", title: คุณภาพผู้เรียน}
action_plans:
  - fiscal_year: 2567
    projects:
      - id: x1
        name: โครงการโรงเรียนปลอดภัย
        policy: p1
        indicators: [p1-i1]
        alignment:
          - {scheme: sdg, code: "4.a"}
          - {scheme: sdg, code: "4.9"}
          - {scheme: obec-policy, code: "1"}
  - fiscal_year: 2568
    projects:
      - {id: x2, name: โครงการยกระดับผลสัมฤทธิ์, policy: p2, indicators: [p1-i2]}
"""
)

OWN_LIST = """\
schemes:
  obec-policy:
    title: นโยบาย สพฐ. (ตัวอย่าง)
    codes: {"1": ด้านความปลอดภัย, "2": ด้านโอกาส}
  sdg:
    title: SDG 4 (only two targets, to show that a plan's list replaces a scheme)
    codes: {"4.1": การศึกษาขั้นพื้นฐาน, "4.a": สถานศึกษาที่ปลอดภัย}
"""


def test_example_as_text() -> None:
    run = cli("gaps", str(EXAMPLE))
    assert run.code == 0
    assert run.out.replace(str(EXAMPLE), "docs/examples/annual-cycle") == (EXPECTED / "example.txt").read_text(
        encoding="utf-8"
    )


def test_example_as_markdown() -> None:
    run = cli("gaps", str(EXAMPLE), "--format", "markdown")
    assert run.out == (EXPECTED / "example.md").read_text(encoding="utf-8")


def test_example_as_json() -> None:
    data = json.loads(cli("gaps", str(EXAMPLE), "--format", "json").out)["plans"][0]
    assert data["action_plans"] == [
        {
            "year": 2567,
            "projects": 4,
            "policies_without_projects": [],
            "indicators_without_projects": ["p2-i3"],
            "year_kind": "fiscal",
        }
    ]
    sdg = next(s for s in data["alignment"] if s["scheme"] == "sdg")
    assert (sdg["codes"], sdg["linked"], sdg["unknown"]) == (10, ["4.1", "4.a"], [])
    assert sdg["never_linked"] == ["4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.b", "4.c"]
    assert data["unlisted_schemes"] == {"moe-policy": ["1", "2"], "obec-policy": ["1", "2", "3", "4"]}
    assert data["alignment_list"] == "eduplan's built-in list"


def test_policies_without_projects_and_unserved_indicators_per_year(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan.yaml": PLAN})
    data = json.loads(cli("gaps", str(root), "--format", "json").out)["plans"][0]
    assert data["action_plans"] == [
        {
            "year": 2567,
            "projects": 1,
            "policies_without_projects": ["p2"],
            "indicators_without_projects": ["p1-i2"],
            "year_kind": "fiscal",
        },
        {
            "year": 2568,
            "projects": 1,
            "policies_without_projects": ["p1"],
            "indicators_without_projects": ["p1-i1"],
            "year_kind": "fiscal",
        },
    ]
    sdg = next(s for s in data["alignment"] if s["scheme"] == "sdg")
    assert (sdg["linked"], sdg["unknown"]) == (["4.a"], ["4.9"])  # 4.9 is no SDG 4 target


def test_text_names_each_gap(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan.yaml": PLAN})
    lines = cli("gaps", str(root)).out.splitlines()
    assert "action plan 2567: 1 project; policies without a project: p2; indicators no project serves: p1-i2" in lines
    assert (
        "  sdg                       1/10  never linked: 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 4.b, 4.c; "
        + ("not in the list: 4.9")
        in lines
    )
    assert "  obec-policy              scheme not in the list (not checked): 1" in lines


def test_a_plans_own_list_adds_and_replaces_schemes(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan/plan.yaml": PLAN, "codes.yaml": OWN_LIST})
    data = json.loads(cli("gaps", str(root / "plan"), "--format", "json", "--alignment", str(root / "codes.yaml")).out)
    plan = data["plans"][0]
    by_key = {s["scheme"]: s for s in plan["alignment"]}
    assert (by_key["obec-policy"]["linked"], by_key["obec-policy"]["never_linked"]) == (["1"], ["2"])
    assert (by_key["sdg"]["codes"], by_key["sdg"]["never_linked"], by_key["sdg"]["unknown"]) == (2, ["4.1"], ["4.9"])
    assert by_key["ndp13"]["codes"] == 13  # the built-in schemes stay
    assert plan["unlisted_schemes"] == {}
    assert plan["alignment_list"].endswith("codes.yaml")


def test_the_configuration_names_the_list(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {"plan/plan.yaml": PLAN, "lists/codes.yaml": OWN_LIST, "eduplan.yaml": "alignment: lists/codes.yaml\n"},
    )
    run = cli("gaps", str(root / "plan"), "--config", str(root / "eduplan.yaml"))
    assert "  obec-policy                1/2  never linked: 2" in run.out.splitlines()
    # validate reads the same file and accepts the key
    assert cli("validate", str(root / "plan"), "--config", str(root / "eduplan.yaml"), "--select", "RF").code == 0


def test_a_bad_list_is_one_line_of_trouble(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan/plan.yaml": PLAN, "codes.yaml": "schemes:\n  ndp13:\n    codes: {01: x}\n"})
    missing = cli("gaps", str(root / "plan"), "--alignment", str(root / "nothing.yaml"))
    assert missing.code == 2 and "cannot read the alignment list" in missing.err
    unquoted = cli("gaps", str(root / "plan"), "--alignment", str(root / "codes.yaml"))
    assert unquoted.code == 2 and 'quote every code ("1", "4.a"), so that 01 stays 01' in unquoted.err


def test_a_plan_without_action_plans_says_so() -> None:
    assert cli("gaps", str(REAL_PLAN)).out.endswith("action plans: none (projects and alignment not checked)\n")
    data = json.loads(cli("gaps", str(REAL_PLAN), "--format", "json").out)["plans"][0]
    assert (data["action_plans"], data["alignment"], data["alignment_list"]) == ([], [], "")


def test_the_built_in_list() -> None:
    schemes, source = load_alignment()
    assert source == "eduplan's built-in list"
    assert {key: len(s.codes) for key, s in schemes.items()} == {
        "national-strategy-20y": 6,
        "master-plan": 23,
        "ndp13": 13,
        "national-education-plan": 6,
        "sdg": 10,
    }
    assert list(schemes["sdg"].codes) == [f"4.{n}" for n in "1234567abc"]
    assert list(schemes["master-plan"].codes) == [f"{n:02d}" for n in range(1, 24)]
    assert all(s.source and all(schemes[s.key].codes.values()) for s in schemes.values())
