"""``eduplan validate``, ``gaps`` and ``explain`` from the command line: output, exit codes, options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.check import all_codes
from tests.conftest import MINIMAL_PLAN, REAL_PLAN, build_tree
from tests.validate.helpers import REPO, cli, subprocess_cli

GOLDEN = Path(__file__).parent / "golden"

POLICY = """\
id: p1
number: "1"
title: ความปลอดภัย
indicators:
  - id: p1-i1
    number: "1"
    name: ร้อยละของครู
    unit: ร้อยละ
    kind: percent
    owner: สพฐ.
    targets: {2566: 85, 2567: 84, 2568: 90, 2569: 95, 2570: 100}
  - id: p1-i2
    number: "2"
    name: ร้อยละของนักเรียน  ที่อ่านออก
    unit: ร้อยละ
    kind: percent
    owner: สพฐ.
    targets: {2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A plan with one error (TG02 at policies/1.yaml:11:31) and one warning (TX07 at 14:28)."""
    return build_tree(tmp_path / "plan", {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})


def test_real_plan_golden_output() -> None:
    """The shipped plan: every published defect at its line and column, each accepted with its reason."""
    run = cli("validate", str(REAL_PLAN.relative_to(REPO)), "--format", "concise")
    golden = GOLDEN / "real-plan.concise.txt"
    if os.environ.get("EDUPLAN_UPDATE_GOLDEN") == "1":
        golden.write_text(run.out, encoding="utf-8")
    assert run.out == golden.read_text(encoding="utf-8")
    assert run.code == 0
    assert run.out.count("[accepted: ") == 20


def test_real_plan_defects_are_where_the_seed_says() -> None:
    run = cli("validate", str(REAL_PLAN), "--format", "json")
    found = {(f["code"], f["at"]) for f in json.loads(run.out)["findings"]}
    assert ("TG02", "p3-i19.targets.2567") in found  # 85 then 84
    assert {("UN01", f"p4-i{n}.unit") for n in range(2, 7)} <= found  # units of 4.2-4.6 are empty
    assert ("MD01", "p5-i5.owner") in found
    assert ("UN02", "p5-i7.name") in found  # ร้อยละ... counted in โรงเรียน
    assert ("MD03", "p3-a11.number") in found  # "3.2.1 1"
    assert ("MD05", "p5-i7.owner") in found  # "สพฐ. 66-70" among "สพฐ. 66- 70"
    assert ("TX08", "p3-i13.name") in found  # "PISA)"
    assert ("TX08", "values.0") in found  # closing quote only
    assert not any(code == "UN02" and at.startswith("p5-i1.") for code, at in found)  # จำนวน... หน่วยงาน is fine


def test_exit_codes_follow_fail_on(plan: Path) -> None:
    assert cli("validate", str(plan)).code == 1
    assert cli("validate", str(plan), "--exit-zero").code == 0
    assert cli("validate", str(plan), "--ignore", "TG02").code == 0  # a warning is left
    assert cli("validate", str(plan), "--ignore", "targets", "--fail-on", "warning").code == 1
    assert cli("validate", str(plan), "--select", "TX07,MD").code == 0


def test_select_and_ignore_by_code_family_and_name(plan: Path) -> None:
    def codes(*args: str) -> list[str]:
        data = json.loads(cli("validate", str(plan), "--format", "json", *args).out)
        return [f["code"] for f in data["findings"]]

    assert codes() == ["TG02", "TX07"]
    assert codes("--select", "TX") == ["TX07"]
    assert codes("--select", "targets.against-direction") == ["TG02"]
    assert codes("--ignore", "text", "--ignore", "TG02") == []


def test_several_reports_in_one_run(plan: Path, tmp_path: Path) -> None:
    run = cli(
        "validate",
        str(plan),
        "--format",
        "concise",
        "--report",
        f"json={tmp_path}/out.json",
        "--report",
        f"sarif={tmp_path}/out.sarif",
        "--report",
        f"junit={tmp_path}/junit.xml",
    )
    assert run.code == 1
    assert run.out.splitlines()[-1] == "Found 1 error, 1 warning in 1 plan, 2 files."
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["failing"] == 1
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "<failure" in (tmp_path / "junit.xml").read_text(encoding="utf-8")


def test_github_actions_gets_annotations_and_a_step_summary(plan: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    run = cli("validate", str(plan), env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 1
    assert f"::error file={plan}/policies/1.yaml,line=11,endLine=11,col=31,endColumn=33," in run.out
    assert summary.read_text(encoding="utf-8").startswith("## eduplan validate: failed")


def test_max_findings(plan: Path) -> None:
    run = cli("validate", str(plan), "--format", "concise", "--max-findings", "1")
    assert run.out.splitlines()[1] == "+1 more finding not shown (raise --max-findings to see them)"


def test_a_file_of_a_plan_means_the_plan(plan: Path) -> None:
    """pre-commit passes changed files; a policy file is checked as part of its plan."""
    run = cli("validate", str(plan / "policies" / "1.yaml"), str(plan / "plan.yaml"), "--format", "concise")
    assert run.out.count("TG02") == 1
    assert run.out.splitlines()[-1] == "Found 1 error, 1 warning in 1 plan, 2 files."


def test_stdin_filename_checks_unsaved_content(plan: Path) -> None:
    fixed = POLICY.replace("2566: 85, 2567: 84", "2566: 84, 2567: 85")
    run = cli("validate", "--stdin-filename", str(plan / "policies" / "1.yaml"), "-f", "concise", stdin=fixed)
    assert run.code == 0
    assert run.out.startswith(f"{plan}/policies/1.yaml:14:28: warning TX07")
    whole = cli("validate", "--stdin-filename", "new-plan.yaml", "-f", "concise", stdin=MINIMAL_PLAN + 'vision: "x "\n')
    assert whole.out.startswith("new-plan.yaml:5:11: warning TX06")


def test_acceptances_mark_findings_and_unmatched_ones_are_reported(tree) -> None:
    accepted = (
        "accepted:\n"
        "  - {code: TG02, at: p1-i1, reason: published so}\n"
        "  - {code: text.double-space, at: p1, reason: two spaces on the page}\n"  # a name, and an enclosing id
        "  - {code: UN01, at: p1-i1, reason: stale}\n"
    )
    root = tree({"plan.yaml": MINIMAL_PLAN + accepted, "policies/1.yaml": POLICY})
    run = cli("validate", str(root), "--format", "concise")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == (
        f"{root}/plan.yaml:8:5: warning AC01 no UN01 finding at 'p1-i1': the acceptance matches nothing"
        " (accepted.unmatched)"
    )
    assert lines[1].endswith("(targets.against-direction) [accepted: published so]")
    assert lines[2].endswith("(text.double-space) [accepted: two spaces on the page]")
    assert lines[-1] == "Found 1 warning in 1 plan, 2 files; 2 accepted."


@pytest.mark.parametrize("config_name", ["pyproject.toml", "eduplan.yaml"])
def test_configuration_file(config_name: str, tmp_path: Path) -> None:
    policy = POLICY.replace(
        "unit: ร้อยละ\n    kind: percent\n    owner: สพฐ.\n    targets: {2566: 85",
        "unit: ชิ้น\n    kind: count\n    owner: สพฐ.\n    targets: {2566: 85",
    )
    configs = {
        "pyproject.toml": '[tool.eduplan]\nignore = ["TG02"]\nfail-on = "warning"\nknown-units = ["ร้อยละ"]\n'
        'severity = {TX07 = "info"}\n',
        "eduplan.yaml": "ignore: [TG02]\nfail-on: warning\nknown-units: [ร้อยละ]\nseverity: {TX07: info}\n",
    }
    build_tree(tmp_path, {config_name: configs[config_name], "p/plan.yaml": MINIMAL_PLAN, "p/policies/1.yaml": policy})
    run = subprocess_cli("validate", "p", "--format", "concise", cwd=tmp_path)
    assert run.code == 1  # UN04 is a warning and fail-on is warning
    assert "warning UN04 unknown unit 'ชิ้น'" in run.out
    assert "info TX07" in run.out
    assert "TG02" not in run.out


def test_explain_covers_every_code() -> None:
    for code in all_codes():
        run = cli("explain", code)
        assert run.code == 0 and run.out.startswith(code + " "), code
    assert cli("explain", "targets.against-direction").out.startswith("TG02 targets.against-direction (error)")
    assert cli("explain", "TX").out.count("*Fails:*") == 9
    listing = cli("explain", "--list").out.splitlines()
    assert len(listing) == len(all_codes())


def test_every_code_documents_a_failing_and_a_passing_example() -> None:
    for info in all_codes().values():
        assert "*Fails:*" in info.doc and "*Passes:*" in info.doc, info.code
        assert info.doc.index("*Fails:*") < info.doc.index("*Passes:*"), info.code
        assert info.summary and info.summary.endswith("."), info.code


def test_gaps_formats(plan: Path) -> None:
    text = cli("gaps", str(plan)).out.splitlines()
    assert text[1].split() == [
        "Policy",
        "Indicators",
        "With",
        "unit",
        "With",
        "owner",
        "With",
        "baseline",
        "All",
        "targets",
    ]
    assert text[3].split() == ["1", "p1", "2", "2/2", "2/2", "0/2", "2/2"]
    data = json.loads(cli("gaps", str(plan), "--format", "json").out)
    assert data["plans"][0]["policies"][0]["lacking"] == {"baseline": ["p1-i1", "p1-i2"]}
    assert cli("gaps", str(plan), "--format", "markdown").out.startswith("## Gaps: demo")
    assert cli("gaps", str(plan), "--format", "pdf").code == 2


def test_gaps_of_the_real_plan() -> None:
    data = json.loads(cli("gaps", str(REAL_PLAN), "--format", "json").out)["plans"][0]
    assert data["total"]["indicators"] == 46
    assert data["total"]["unit"] == 41 and data["total"]["owner"] == 45
    assert data["unlinked_goals"] == [f"g{n}" for n in range(1, 11)]  # the page links no goal to a policy


def test_machine_formats_do_not_import_rich(plan: Path) -> None:
    code = (
        "import sys, atexit; "
        "atexit.register(lambda: sys.stderr.write('rich' if 'rich' in sys.modules else 'no rich')); "
        f"sys.argv = ['eduplan', 'validate', {str(plan)!r}, '--format', 'json']; "
        "from eduplan.__main__ import main; main()"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 1 and run.stderr == "no rich"


def test_a_policy_file_that_does_not_load_leaves_no_numbering_gap(tree):
    root = tree(
        {
            "plan.yaml": MINIMAL_PLAN,
            "policies/1.yaml": "- a list\n- not a policy\n",
            "policies/2.yaml": POLICY.replace("id: p1", "id: p2").replace('number: "1"\ntitle', 'number: "2"\ntitle'),
        }
    )
    run = cli("validate", str(root), "-f", "concise")
    assert "SC03" in run.out and "MD04" not in run.out  # not "the list starts at 2": policy 1 is there, broken
