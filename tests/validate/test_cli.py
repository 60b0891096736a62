"""``eduplan validate``, ``gaps`` and ``explain`` from the command line: output, exit codes, options."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.check.accept import ACCEPTANCE_CODES
from eduplan.check.pipeline import all_codes
from eduplan.collect.codes import CODES as RETURN_CODES
from eduplan.rollup.codes import CODES as ROLLUP_CODES
from eduplan.word.notes import CODES as WORD_CODES
from tests.conftest import MINIMAL_PLAN, REAL_PLAN, build_tree
from tests.validate.helpers import RAN, REPO, cli, subprocess_cli

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


REAL_SUMMARY = f"All checks passed: 1 plan, 6 files {RAN}; 20 accepted, listed with --show-accepted.\n"


@pytest.mark.parametrize("fmt", ["human", "concise", "github"])
def test_real_plan_is_one_line_when_all_is_well(fmt: str) -> None:
    """Nothing to fix on the shipped plan: one line that counts the rules and the accepted findings."""
    run = cli("validate", str(REAL_PLAN.relative_to(REPO)), "--format", fmt)
    assert (run.code, run.out, run.err) == (0, REAL_SUMMARY, "")


def test_two_real_errors_in_the_shipped_plan_are_all_a_hook_prints(tmp_path: Path) -> None:
    """What pre-commit shows when a change breaks the shipped plan: the 2 errors and the summary, no accepted line."""
    copy = tmp_path / "plan"
    shutil.copytree(REAL_PLAN, copy)
    policy = copy / "policies" / "1.yaml"
    text = policy.read_text(encoding="utf-8")
    broken = text.replace("targets: {2566: 80, 2567: 85,", "targets: {2566: 80, 2567: 75,", 2)
    policy.write_text(broken, encoding="utf-8")
    run = cli("validate", str(policy), "--format", "concise")  # as the hook calls it, with the changed file
    lines = run.out.splitlines()
    assert run.code == 1 and len(lines) == 3
    assert [line.split(": ")[1].split()[:2] for line in lines[:2]] == [["error", "TG02"], ["error", "TG02"]]
    assert lines[2] == f"Found 2 errors in 1 plan, 6 files {RAN}; 20 accepted, listed with --show-accepted."


def test_real_plan_golden_output() -> None:
    """The shipped plan with --show-accepted: every published defect at its line and column, with its reason."""
    run = cli("validate", str(REAL_PLAN.relative_to(REPO)), "--format", "concise", "--show-accepted")
    golden = GOLDEN / "real-plan.concise.txt"
    if os.environ.get("EDUPLAN_UPDATE_GOLDEN") == "1":
        golden.write_text(run.out, encoding="utf-8")
    assert run.out == golden.read_text(encoding="utf-8")
    assert run.code == 0
    assert run.out.count(": accepted ") == run.out.count("[reason: ") == 20
    assert ": error " not in run.out and ": warning " not in run.out  # an accepted finding is never an error


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", ","], "--select: ',' selects no rule; leave --select out to run the default rules"),
        (["--select", ""], "--select: '' selects no rule; leave --select out to run the default rules"),
        (["--select", " , "], "--select: ' , ' selects no rule"),
        (["--ignore", "ALL"], "no rule left to run: --ignore ALL removes every one of the default rules"),
        (["--select", "TG", "--ignore", "targets"], "no rule left to run: --ignore targets removes every one of TG"),
        (["--select", "TG99"], "'TG99' names no rule, family or code"),
        (["--ignore", "targets.nonsense"], "'targets.nonsense' names no rule, family or code"),
        (["--select", "YA01"], "YA01 reports a problem reading the plan and cannot be selected"),
        (["--format", "xml"], "--format: unknown format 'xml'; use one of human, concise, json"),
        (["--report", "xml=out.xml"], "--report: unknown format 'xml'"),
        (["--report", "json="], "--report: expected FORMAT=FILE"),
        (["--fail-on", "fatal"], "--fail-on: 'fatal' is not a severity (error, warning or info)"),
        (["--max-findings", "-1"], "--max-findings: expected a whole number of at least 0, got -1"),
        (["--jobs", "0"], "--jobs: expected a whole number of at least 1, got 0"),
    ],
)
def test_usage_errors_are_one_line_and_check_nothing(plan: Path, args: list[str], message: str) -> None:
    """A run that would check nothing (an empty CI variable in --select) is refused, not passed."""
    run = subprocess_cli("validate", str(plan), *args)
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("eduplan: error: ") and message in run.err and run.err.count("\n") == 1, run.err


def test_config_file_selection_that_runs_nothing(tmp_path: Path) -> None:
    build_tree(tmp_path, {"p/plan.yaml": MINIMAL_PLAN, "p/policies/1.yaml": POLICY, "eduplan.yaml": "select: []\n"})
    run = subprocess_cli("validate", "p", cwd=tmp_path)
    assert (run.code, run.err) == (
        2,
        f"eduplan: error: {tmp_path}/eduplan.yaml: select: [] selects no rule; leave it out to run the default rules\n",
    )
    (tmp_path / "eduplan.yaml").write_text("ignore: [ALL]\n", encoding="utf-8")
    run = subprocess_cli("validate", "p", cwd=tmp_path)
    assert run.code == 2 and "no rule left to run: --ignore ALL removes every one of the default rules" in run.err
    assert subprocess_cli("validate", "p", "--select", "TG", cwd=tmp_path).code == 2  # the file's ignore still holds


def test_every_run_says_how_many_rules_ran(plan: Path) -> None:
    def last(*select: str) -> str:
        return cli("validate", str(plan), "-f", "concise", "--select", *select).out.splitlines()[-1]

    assert last("TG02") == "Found 1 error in 1 plan, 2 files (1 rule ran)."
    assert last("TG02,AC") == f"Found 1 error in 1 plan, 2 files ({1 + len(ACCEPTANCE_CODES)} rules ran)."
    data = json.loads(cli("validate", str(plan), "-f", "json", "--select", "TG").out)
    assert data["summary"]["rules"] == len(data["plans"][0]["rules"]) == len([c for c in all_codes() if c[:2] == "TG"])
    sarif = json.loads(cli("validate", str(plan), "-f", "sarif", "--select", "TG").out)
    assert sarif["runs"][0]["properties"]["rulesRun"] == data["summary"]["rules"]


def test_an_empty_ignore_ignores_nothing(plan: Path) -> None:
    assert (
        cli("validate", str(plan), "-f", "concise", "--ignore", "").out
        == cli("validate", str(plan), "-f", "concise").out
    )


def test_severity_words_are_shared_with_diff(plan: Path) -> None:
    """``warn`` means ``warning``, as ``eduplan diff --fail-on warn`` spells it (canonical: error, warning, info)."""
    for word in ("warn", "warning", "WARNING"):
        assert cli("validate", str(plan), "--ignore", "TG02", "--fail-on", word).code == 1, word
    assert cli("validate", str(plan), "--ignore", "TG02", "--fail-on", "error").code == 0
    assert cli("validate", str(plan), "-f", "md").out.startswith("## eduplan validate: failed")
    (plan.parent / "eduplan.yaml").write_text(
        "fail-on: warn\nignore: [TG02]\nseverity: {TX07: warn}\n", encoding="utf-8"
    )
    assert subprocess_cli("validate", "plan", cwd=plan.parent).code == 1  # the TX07 warning fails the run


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
    assert run.out.splitlines()[-1] == f"Found 1 error, 1 warning in 1 plan, 2 files {RAN}."
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
    assert run.out.splitlines()[-1] == f"Found 1 error, 1 warning in 1 plan, 2 files {RAN}."


def test_stdin_filename_checks_unsaved_content(plan: Path) -> None:
    fixed = POLICY.replace("2566: 85, 2567: 84", "2566: 84, 2567: 85")
    run = cli("validate", "--stdin-filename", str(plan / "policies" / "1.yaml"), "-f", "concise", stdin=fixed)
    assert run.code == 0
    assert run.out.startswith(f"{plan}/policies/1.yaml:14:28: warning TX07")
    whole = cli("validate", "--stdin-filename", "new-plan.yaml", "-f", "concise", stdin=MINIMAL_PLAN + 'vision: "x "\n')
    assert "new-plan.yaml:5:11: warning TX06 the text ends with a space (text.outer-space)" in whole.out.splitlines()


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
    assert lines[1:] == [f"Found 1 warning in 1 plan, 2 files {RAN}; 2 accepted, listed with --show-accepted."]
    shown = cli("validate", str(root), "--format", "concise", "--show-accepted").out.splitlines()
    assert shown[0] == lines[0]  # the real finding first
    assert shown[1].endswith(
        ": accepted TG02 target for 2567 (84) is lower than for 2566 (85); the indicator is"
        ' declared "higher is better" (targets.against-direction) [reason: published so]'
    )
    assert shown[2].endswith("(text.double-space) [reason: two spaces on the page]")
    assert shown[3] == f"Found 1 warning in 1 plan, 2 files {RAN}; 2 accepted."


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
    family = cli("explain", "TX").out.splitlines()
    assert family.count("Fails:") == family.count("Passes:") == 9  # the labels as plain words, no markup
    listing = cli("explain", "--list").out.splitlines()
    assert [line.split()[0] for line in listing] == [*all_codes(), *WORD_CODES, *RETURN_CODES, *ROLLUP_CODES]


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


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["{plan}", "--format", "json"], 1),
        ([str(REAL_PLAN), "--format", "human"], 0),  # nothing to list: the summary line needs no Rich
    ],
)
def test_machine_formats_and_clean_runs_do_not_import_rich(plan: Path, args: list[str], code: int) -> None:
    argv = ["eduplan", "validate", *(a.format(plan=plan) for a in args)]
    source = (
        "import sys, atexit; "
        "atexit.register(lambda: sys.stderr.write('rich' if 'rich' in sys.modules else 'no rich')); "
        f"sys.argv = {argv!r}; "
        "from eduplan.__main__ import main; main()"
    )
    run = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, check=False)
    assert run.returncode == code and run.stderr == "no rich"


def test_clean_human_colour_is_rich_colour() -> None:
    """The line written without Rich has the colour Rich gives the same line when there are findings."""
    clean = cli("validate", str(REAL_PLAN), "--color").out
    assert clean == f"\x1b[1;32m{REAL_SUMMARY.rstrip()}\x1b[0m\n"
    shown = cli("validate", str(REAL_PLAN), "--color", "--show-accepted").out
    assert shown.endswith(f"\x1b[1;32m{REAL_SUMMARY.rstrip().removesuffix(', listed with --show-accepted.')}.\x1b[0m\n")


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
