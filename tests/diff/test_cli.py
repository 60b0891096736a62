"""``eduplan diff`` on the command line: exit codes, refusing broken sides, git sides, filters, config."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, build_tree

POLICY = """\
id: p1
number: "1"
title: นโยบายทดสอบ
indicators:
  - id: p1-i1
    number: "1"
    name: ร้อยละของนักเรียนที่อ่านออกเขียนได้
    unit: ร้อยละ
    kind: percent
    targets: {2566: 80, 2567: 85}
    owner: สพฐ.
"""

SINGLE_FILE_PLAN = MINIMAL_PLAN + "policies:\n" + textwrap.indent(POLICY, "    ").replace("    id: p1", "  - id: p1", 1)
"""The same plan in one file: the policy as an item of ``policies:``."""


def eduplan(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run eduplan; outside GitHub Actions unless ``env`` sets its variables (the suite may run in Actions)."""
    base = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    return subprocess.run(
        [sys.executable, "-m", "eduplan", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**base, **(env or {})},
    )


@pytest.fixture
def sides(tmp_path: Path) -> Path:
    """``old/`` and ``new/`` plan directories; ``new`` lowers a target and changes the owner."""
    build_tree(tmp_path / "old", {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})
    changed = POLICY.replace("2567: 85", "2567: 75").replace("owner: สพฐ.", "owner: สพม.")
    build_tree(tmp_path / "new", {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": changed})
    return tmp_path


def test_exit_codes_follow_the_threshold(sides: Path) -> None:
    assert eduplan("diff", "old", "old", "--exit-code", cwd=sides).returncode == 0
    assert eduplan("diff", "old", "new", cwd=sides).returncode == 0  # a report, not a gate
    assert eduplan("diff", "old", "new", "--exit-code", cwd=sides).returncode == 1
    assert eduplan("diff", "old", "new", "--fail-on", "weakening", cwd=sides).returncode == 1
    assert eduplan("diff", "old", "new", "--fail-on", "major", "--only", "owner-changed", cwd=sides).returncode == 0
    assert eduplan("diff", "new", "old", "--fail-on", "weakening", cwd=sides).returncode == 0  # raising is fine


def test_a_side_that_does_not_load_is_trouble_not_no_changes(sides: Path) -> None:
    (sides / "new" / "policies" / "1.yaml").write_text(POLICY.replace("name:", "nmae:"), encoding="utf-8")
    run = eduplan("diff", "old", "new", "--format", "json", cwd=sides)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(
        "eduplan: error: NEW new: the plan does not load whole (2 errors; first: new/policies/1.yaml:"
    )


@pytest.mark.parametrize("spec", ["nowhere", "HEAD:nowhere", ":x"])
def test_missing_sides_are_one_line_and_exit_2(sides: Path, spec: str) -> None:
    run = eduplan("diff", spec, "new", cwd=sides)
    assert (run.returncode, run.stdout, run.stderr.count("\n")) == (2, "", 1)
    assert "Traceback" not in run.stderr


def test_git_sides_are_read_from_the_repository(sides: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=sides, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start")
    (sides / "single.yaml").write_text(SINGLE_FILE_PLAN, encoding="utf-8")
    git("add", "old", "single.yaml")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "old edition")
    run = eduplan("diff", "HEAD:old", "new", "--format", "json", cwd=sides)
    assert run.returncode == 0, run.stderr
    lowered = json.loads(run.stdout)["changes"][0]
    assert (lowered["kind"], lowered["old_file"], lowered["old_line"]) == (
        "target-lowered",
        "HEAD:old/policies/1.yaml",
        10,
    )
    same = eduplan("diff", "HEAD:single.yaml", "single.yaml", "--exit-code", cwd=sides)  # a single-file plan
    assert same.returncode == 0, same.stderr

    # in process, with every warning an error (pyproject): git's pipes are closed, no ResourceWarning
    from typer.testing import CliRunner

    from eduplan.cli.app import app

    monkeypatch.chdir(sides)
    assert CliRunner().invoke(app, ["diff", "HEAD:old", "new"]).exit_code == 0
    gc.collect()  # an unclosed pipe warns when it is collected


def test_filters_and_tolerance(sides: Path) -> None:
    def kinds(*args: str) -> list[str]:
        run = eduplan("diff", "old", "new", "--format", "json", *args, cwd=sides)
        return [c["kind"] for c in json.loads(run.stdout)["changes"]]

    assert kinds() == ["target-lowered", "owner-changed"]
    assert kinds("--ignore-field", "owner") == ["target-lowered"]
    assert kinds("--only", "weakening") == ["target-lowered"]
    assert kinds("--only", "p1-i1.owner") == ["owner-changed"]
    assert kinds("--tolerance", "10") == ["owner-changed"]


def test_config_in_pyproject_sets_levels_and_the_gate(sides: Path) -> None:
    (sides / "pyproject.toml").write_text(
        '[tool.eduplan.diff]\nfail-on = "warning"\nseverity = {owner-changed = "warning", weakening = "minor"}\n',
        encoding="utf-8",
    )
    run = eduplan("diff", "old", "new", "--format", "json", cwd=sides)
    assert run.returncode == 1
    levels = [(c["kind"], c["severity"]) for c in json.loads(run.stdout)["changes"]]
    assert levels == [("target-lowered", "minor"), ("owner-changed", "warn")]  # JSON version 1 keeps "warn"
    (sides / "pyproject.toml").write_text('[tool.eduplan.diff]\nseverity = {owner = "warning"}\n', encoding="utf-8")
    bad = eduplan("diff", "old", "new", cwd=sides)
    assert bad.returncode == 2 and "'owner' is not a kind of change" in bad.stderr


def test_github_annotations_point_at_the_new_lines_and_write_the_summary(sides: Path) -> None:
    summary = sides / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    run = eduplan("diff", "old", "new", "--format", "github", "--lang", "en", cwd=sides, env=env)
    lines = run.stdout.splitlines()
    assert lines[0].startswith("::error file=new/policies/1.yaml,line=10,endLine=10,col=31,endColumn=33,")
    assert "title=target lowered (major)%3A p1-i1.targets.2567::target for 2567 lowered from 85 to 75 (-10)" in lines[0]
    assert lines[1].startswith("::notice file=new/policies/1.yaml,line=11,")
    assert len(lines) == 2
    assert summary.read_text(encoding="utf-8").startswith("### Plan changes: `old` → `new`")


def test_under_github_actions_the_default_is_annotations_and_the_job_summary(sides: Path) -> None:
    summary = sides / "summary.md"
    summary.write_text("## validate\n\n", encoding="utf-8")  # an earlier step's summary stays
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    run = eduplan("diff", "old", "new", "--fail-on", "weakening", "--lang", "th", cwd=sides, env=env)
    assert run.returncode == 1, run.stderr
    first = run.stdout.splitlines()[0]
    assert first.startswith("::error file=new/policies/1.yaml,line=10,")
    assert "title=ค่าเป้าหมายลดลง (สำคัญมาก)%3A p1-i1.targets.2567::ค่าเป้าหมายปี 2567 ลดลงจาก 85 เป็น 75 (-10)" in first
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## validate\n\n### การเปลี่ยนแปลงของแผน: `old` → `new`\n")
    assert "- สำคัญมาก · ค่าเป้าหมายลดลง: ค่าเป้าหมายปี 2567 ลดลงจาก 85 เป็น 75 (-10)" in written
    # an explicit format wins; the summary is still appended, as validate does
    again = eduplan("diff", "old", "new", "-f", "json", "--lang", "en", cwd=sides, env=env)
    assert json.loads(again.stdout)["counts"]["total"] == 2
    reports = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("### ")]
    assert reports == ["### การเปลี่ยนแปลงของแผน: `old` → `new`", "### Plan changes: `old` → `new`"]


def test_outside_github_actions_nothing_changes(sides: Path) -> None:
    run = eduplan("diff", "old", "new", cwd=sides, env={"GITHUB_ACTIONS": "false", "EDUPLAN_LANG": "th"})
    assert run.stdout.startswith("old → new: เปลี่ยนแปลง 2 รายการ")


def test_a_summary_file_that_cannot_be_written_is_one_line(sides: Path) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(sides / "no" / "such" / "dir" / "summary.md")}
    run = eduplan("diff", "old", "new", cwd=sides, env=env)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.startswith("eduplan: error: GITHUB_STEP_SUMMARY=") and run.stderr.count("\n") == 1


def test_machine_formats_do_not_import_rich(sides: Path) -> None:
    code = (
        "import sys; sys.argv=['eduplan','diff','old','new','-f','json']; from eduplan.cli.app import run\n"
        "try: run()\nexcept SystemExit: pass\n"
        "print('rich.console' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=sides, check=False)
    assert run.stderr.strip() == "False"


def test_output_file_is_written(sides: Path) -> None:
    run = eduplan("diff", "old", "new", "-o", "out/report.md", "-f", "markdown", cwd=sides, env={"EDUPLAN_LANG": "th"})
    assert run.returncode == 0 and run.stdout == ""
    assert "ค่าเป้าหมายลดลง" in (sides / "out" / "report.md").read_text(encoding="utf-8")


def test_the_warning_level_is_spelled_as_validate_spells_it(sides: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return eduplan("diff", "old", "new", "-f", "json", *args, cwd=sides)

    assert run("--fail-on", "warning", "--only", "owner-changed").returncode == 0  # owner changed is info
    raised = run("--fail-on", "warning", "--only", "owner-changed", "--severity", "owner-changed=warning")
    assert raised.returncode == 1
    assert [c["kind"] for c in json.loads(raised.stdout)["changes"]] == ["owner-changed"]
    picked = run("--only", "warning", "--severity", "owner-changed=warning")
    assert [c["kind"] for c in json.loads(picked.stdout)["changes"]] == ["owner-changed"]
    (sides / "pyproject.toml").write_text('[tool.eduplan.diff]\nfail-on = "warning"\n', encoding="utf-8")
    assert eduplan("diff", "old", "new", cwd=sides).returncode == 1  # target lowered is major


def test_warn_is_still_accepted_for_warning(sides: Path) -> None:
    run = eduplan(
        "diff",
        "old",
        "new",
        "-f",
        "json",
        "--fail-on",
        "warn",
        "--only",
        "warn",
        "--severity",
        "owner-changed=warn",
        cwd=sides,
    )
    assert run.returncode == 1
    assert [c["kind"] for c in json.loads(run.stdout)["changes"]] == ["owner-changed"]


def test_bad_levels_name_the_current_words(sides: Path) -> None:
    bad = eduplan("diff", "old", "new", "--fail-on", "warnings", cwd=sides)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "'warnings' is not one of 'major', 'warning', 'minor', 'info', 'weakening', 'any'" in bad.stderr
    level = eduplan("diff", "old", "new", "--severity", "removed=high", cwd=sides)
    assert level.returncode == 2
    assert "--severity: removed='high': a level is one of major, warning, minor, info" in level.stderr


def test_output_dash_is_standard_output(sides: Path) -> None:
    run = eduplan("diff", "old", "new", "-o", "-", "-f", "markdown", cwd=sides, env={"EDUPLAN_LANG": "th"})
    assert run.returncode == 0 and "ค่าเป้าหมายลดลง" in run.stdout
    assert not (sides / "-").exists()
