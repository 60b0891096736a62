"""Loading plans: files and directories, schema errors located, partial plans salvaged."""

from __future__ import annotations

import pytest

from eduplan.errors import UsageError
from eduplan.load.loader import find_plans, load_plan
from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY

POLICY = """\
id: p1
number: "1"
title: นโยบายที่หนึ่ง
indicators:
  - id: p1-i1
    number: "1"
    name: ร้อยละของนักเรียน
    unit: ร้อยละ
    kind: percent
    targets: {2566: 80, 2567: 85}
"""


def located(result):
    return [(f.code, f.span.file.rsplit("/", 1)[-1], f.span.line, f.span.col) for f in result.findings]


def test_a_valid_directory_loads(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})
    result = load_plan(root)
    assert result.findings == []
    assert result.plan.policies[0].indicators[0].targets == {2566: 80, 2567: 85}
    assert result.source.span(("policies", 0, "indicators", 0, "targets", 2567)).line == 10


def test_a_single_file_plan_loads(tree):
    root = tree({"one.yaml": PLAN_WITH_POLICY + "vision: วิสัยทัศน์\n"})
    result = load_plan(root / "one.yaml")
    assert result.findings == []
    assert result.plan.vision == "วิสัยทัศน์"
    assert [p.id for p in result.plan.policies] == ["p1"]


def test_policies_are_ordered_naturally(tree):
    files = {"plan.yaml": MINIMAL_PLAN}
    for n in (10, 2, 1):
        files[f"policies/{n}.yaml"] = f'id: p{n}\nnumber: "{n}"\ntitle: t\n'
    result = load_plan(tree(files))
    assert [p.id for p in result.plan.policies] == ["p1", "p2", "p10"]


def test_a_broken_file_gives_every_finding_at_its_line_and_column(tree):
    """The issue's example: bad indentation, a duplicate key, a string for a number, an unknown key."""
    root = tree(
        {
            "plan.yaml": MINIMAL_PLAN + "vison: x\n",
            "policies/1.yaml": POLICY.replace("targets: {2566: 80, 2567: 85}", 'targets: {2566: "80", 2566: 85}')
            + "    onwer: สพฐ.\n",
            "policies/2.yaml": "id: p2\nnumber: '2'\ntitle: x\n  bad: indent\n",
        }
    )
    result = load_plan(root)
    assert located(result) == [
        ("SC02", "plan.yaml", 5, 1),  # unknown key 'vison'
        ("SC03", "1.yaml", 10, 21),  # "80" is text, not a number
        ("YA02", "1.yaml", 10, 27),  # the second 2566
        ("SC02", "1.yaml", 11, 5),  # unknown key 'onwer'
        ("YA01", "2.yaml", 4, 3),  # bad indentation: the key indented too far
    ]
    assert [f.hint for f in result.findings if f.code == "SC02"] == ["did you mean 'vision'?", "did you mean 'owner'?"]


def test_findings_are_in_file_line_column_order(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN + "zzz: 1\naaa: 2\n"})
    lines = [f.span.line for f in load_plan(root).findings]
    assert lines == sorted(lines)


def test_missing_key_points_at_the_item(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("    name: ร้อยละของนักเรียน\n", "")})
    (finding,) = load_plan(root).findings
    assert (finding.code, finding.span.line, finding.span.col) == ("SC01", 5, 5)
    assert finding.message == "missing required key 'name'"


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ("{2023: 80}", "2023 looks like a Christian-Era year"),
        ("{2566: 80%}", "'80%' is a number written as text"),
        ("{2566: true}", "expected a number, got the boolean true"),
        ("{2566: .inf}", "`.inf` is not a number a plan can use"),
        ("{2566: [80]}", "expected a number, got a list"),
    ],
)
def test_target_values_are_checked_with_a_precise_message(tree, targets, message):
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("{2566: 80, 2567: 85}", targets)})
    (finding,) = load_plan(root).findings
    assert finding.code == "SC03"
    assert finding.span.line == 10
    assert message in finding.message


def test_an_item_number_is_read_as_written_without_quotes(tree):
    # 3.10 as a YAML number would be 3.1: an item's number keeps the digits the plan published
    root = tree(
        {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace('number: "1"\ntitle', "number: 3.10\ntitle")}
    )
    result = load_plan(root)
    assert [f.code for f in result.findings] == []
    assert result.plan.policies[0].number == "3.10"


def test_invalid_items_are_dropped_and_the_rest_still_loads(tree):
    bad = POLICY + (
        "  - id: p1-i2\n    number: '2'\n    kind: percent\n"  # no name: dropped
        "  - id: p1-i3\n    number: '3'\n    name: n\n    kind: percent\n"
    )
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": bad})
    result = load_plan(root)
    assert [f.code for f in result.findings] == ["SC01"]
    assert result.partial
    assert result.dropped == [("policies", 0, "indicators", 1)]
    assert [i.id for i in result.plan.policies[0].indicators] == ["p1-i1", "p1-i3"]
    # the source map follows the pruned plan: indicator 1 is now the one written third
    assert result.source.span(("policies", 0, "indicators", 1)).line == 14


def test_a_broken_policy_file_leaves_the_others(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/2.yaml": "id: [\n"})
    result = load_plan(root)
    assert [f.code for f in result.findings] == ["YA01"]
    assert [p.id for p in result.plan.policies] == ["p1"]


def test_a_plan_without_required_metadata_does_not_load(tree):
    result = load_plan(tree({"plan.yaml": "id: demo\n"}))
    assert result.plan is None
    assert {f.message for f in result.findings} >= {"missing required key 'title'"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "the file holds a list, but a plan is a mapping"),
        ("just text\n", "the file holds only the text 'just text', but a plan is a mapping"),
    ],
)
def test_files_that_are_not_mappings(tree, content, message):
    result = load_plan(tree({"plan.yaml": content}))
    assert result.plan is None
    assert [f.message for f in result.findings] == [message]


def test_stray_yaml_files_are_reported(tree):
    """A misspelt policies/ folder: its file is not read (LD01), so the plan has no policies (LD03)."""
    root = tree({"plan.yaml": MINIMAL_PLAN, "policy/1.yaml": POLICY})
    found = [(f.code, f.severity.value, f.span.file.removeprefix(f"{root}/")) for f in load_plan(root).findings]
    assert found == [("LD03", "error", "plan.yaml"), ("LD01", "warning", "policy/1.yaml")]


def test_a_plan_inside_a_folder_with_plan_yaml_still_reports_its_strays(tree):
    """Only plans nested inside the plan take their files; a plan.yaml above the plan does not."""
    root = tree({"plan.yaml": MINIMAL_PLAN, "inner/plan.yaml": MINIMAL_PLAN, "inner/policies/1 - Copy.yaml": POLICY})
    assert [f.code for f in load_plan(root / "inner").findings] == ["LD03", "LD06"]


def test_unreadable_part_is_a_finding(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN})
    (root / "policies" / "1.yaml").mkdir(parents=True)
    (finding,) = load_plan(root).findings
    assert finding.code == "LD02"


def test_policies_both_inline_and_as_files(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN + "policies: []\n", "policies/1.yaml": POLICY})
    assert [f.code for f in load_plan(root).findings] == ["SC03"]


def test_missing_paths_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        load_plan(tmp_path / "nope")
    with pytest.raises(UsageError, match="no plan found"):
        find_plans([tmp_path])
    with pytest.raises(UsageError, match="not a plan directory"):
        load_plan(tmp_path)


def test_find_plans_searches_folders(tree):
    root = tree({"a/plan.yaml": MINIMAL_PLAN, "b/c/plan.yaml": MINIMAL_PLAN, ".hidden/plan.yaml": MINIMAL_PLAN})
    assert [p.relative_to(root).as_posix() for p in find_plans([root])] == ["a", "b/c"]


def test_find_plans_takes_loose_yaml_files_as_single_file_plans(tree):
    root = tree(
        {
            "office/plan.yaml": MINIMAL_PLAN,
            "office/policies/1.yaml": POLICY,
            "schools/s10.yaml": MINIMAL_PLAN,
            "schools/s2.yml": MINIMAL_PLAN,
            "schools/notes.txt": "not a plan",
            "eduplan.yaml": "fail_on: warning\n",
            ".hidden.yaml": MINIMAL_PLAN,
        }
    )
    found = [p.relative_to(root).as_posix() for p in find_plans([root])]
    assert found == ["office", "schools/s2.yml", "schools/s10.yaml"]
