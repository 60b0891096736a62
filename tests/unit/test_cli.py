"""The command line: version, export, schema, exit codes, one clear line for trouble."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from tests.conftest import MINIMAL_PLAN


def eduplan(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_version():
    run = eduplan("--version")
    assert run.returncode == 0
    assert run.stdout.startswith("eduplan ")


def test_version_does_not_import_heavy_modules():
    code = (
        "import sys; sys.argv=['eduplan','--version']; from eduplan.__main__ import main; main(); "
        "heavy=[m for m in ('pydantic','jinja2','rich','typer','yaml') if m in sys.modules]; "
        "print(heavy, file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr.strip() == "[]"


def test_export_json_and_yaml_agree(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN + "missions:\n  - {id: m1, number: '1', text: พันธกิจ}\n"})
    as_json = json.loads(eduplan("export", str(root)).stdout)
    as_yaml = yaml.safe_load(eduplan("export", str(root), "--format", "yaml").stdout)
    assert as_json == as_yaml
    assert list(as_json)[:4] == ["id", "title", "office", "period"]  # model order, not sorted
    assert as_json["missions"] == [{"id": "m1", "number": "1", "text": "พันธกิจ"}]


def test_export_of_a_broken_plan_fails_with_findings_on_stderr(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN + "vison: x\n"})
    run = eduplan("export", str(root))
    assert run.returncode == 1
    assert run.stdout == ""
    assert "plan.yaml:5:1: error SC02 unknown key 'vison'" in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    run = eduplan("export", str(tmp_path / "nope"))
    assert run.returncode == 2
    assert run.stderr == f"eduplan: error: {tmp_path / 'nope'}: no such file or directory\n"


def test_schema_prints_json_and_refuses_unknown_kinds():
    run = eduplan("schema", "policy")
    assert json.loads(run.stdout)["title"].startswith("eduplan policy file")
    bad = eduplan("schema", "nonsense")
    assert bad.returncode == 2
    assert "unknown kind 'nonsense'" in bad.stderr
