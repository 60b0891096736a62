"""The command line: version, export, schema, exit codes, one clear line for trouble."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, REPO

POLICY = "id: p1\nnumber: '1'\ntitle: นโยบาย\nindicators:\n  - {id: p1-i1, number: '1', name: ตัวชี้วัด, kind: count}\n"


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
    root = tree(
        {"plan.yaml": MINIMAL_PLAN + "missions:\n  - {id: m1, number: '1', text: พันธกิจ}\n", "policies/1.yaml": POLICY}
    )
    as_json = json.loads(eduplan("export", str(root)).stdout)
    as_yaml = yaml.safe_load(eduplan("export", str(root), "--format", "yaml").stdout)
    assert as_json == as_yaml
    assert list(as_json)[:4] == ["id", "title", "office", "period"]  # model order, not sorted
    assert as_json["missions"] == [{"id": "m1", "number": "1", "text": "พันธกิจ"}]


def test_export_of_a_broken_plan_is_one_line_naming_the_first_error(tree):
    root = tree({"plan.yaml": "vison: x\n" + PLAN_WITH_POLICY})
    run = eduplan("export", str(root))
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert "(1 error; first: " + str(root / "plan.yaml") + ":1:1: SC02 unknown key 'vison'" in run.stderr
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
    assert "'nonsense' is not one of 'plan', 'policy', 'action-plan', 'report', 'findings', 'diff'" in bad.stderr


@pytest.mark.parametrize("kind", ["plan", "policy", "action-plan", "report", "findings", "diff"])
def test_schema_prints_each_shipped_schema_byte_for_byte(kind):
    run = eduplan("schema", kind)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")


def test_schema_output_writes_every_shipped_schema(tmp_path):
    assert eduplan("schema", "-o", str(tmp_path / "out")).returncode == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in (REPO / "schema").glob("*.schema.json"))
    for name in written:
        assert (tmp_path / "out" / name).read_bytes() == (REPO / "schema" / name).read_bytes(), name


USAGE_ERRORS = [
    (["render", "-f", "odt", "{plan}"], "render: invalid value for '--format' / '-f': 'odt' is not one of"),
    (["render"], "render: missing argument PATH (see `eduplan render --help`)"),
    (["render", "--bogus", "{plan}"], "render: no such option: --bogus"),
    (["diff", "{plan}"], "diff: missing argument NEW"),
    (["diff", "--fail-on", "often", "{plan}", "{plan}"], "diff: invalid value for '--fail-on'"),
    (["diff", "--tolerance", "-1", "{plan}", "{plan}"], "diff: invalid value for '--tolerance'"),
    (["export", "-f", "csv", "{plan}"], "export: invalid value for '--format' / '-f': 'csv' is not one of"),
    (["schema", "nonsense"], "schema: invalid value for KIND: 'nonsense' is not one of"),
    (["validate", "--bogus", "{plan}"], "validate: no such option: --bogus"),
    (["gaps"], "gaps: missing argument PATH"),
    (["explain", "--all"], "explain: no such option: --all"),
    (["import", "book.xlsx"], "import: missing option '--into'"),
    (["render", "{plan}", "--year", "next"], "render: invalid value for '--year'"),
    (["nosuch"], "no such command 'nosuch' (see `eduplan --help`)"),
    (["valdate"], "no such command 'valdate'; did you mean 'validate'? (see `eduplan --help`)"),
    (["validate", "--formt", "json"], "validate: no such option: --formt; did you mean --format"),
    (["validate", "--jobs"], "validate: option --jobs needs a value (see `eduplan validate --help`)"),
    (["validate", "--jobs", "x", "{plan}"], "validate: invalid value for '--jobs' / '-j': expected a whole number"),
    (["validate", "--exit-zero=1", "{plan}"], "validate: option --exit-zero takes no value"),
    (["export", "{plan}", "a", "b"], "export: unexpected extra arguments 'a', 'b' (see `eduplan export --help`)"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_every_usage_error_is_one_line_on_stderr_and_exit_2(tree, args, expected):
    root = tree({"plan.yaml": MINIMAL_PLAN})
    run = eduplan(*(a.replace("{plan}", str(root)) for a in args))
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("eduplan: error: ") and run.stderr.count("\n") == 1, run.stderr
    assert expected in run.stderr


def test_help_is_unchanged_by_the_one_line_errors():
    run = eduplan("render", "--help")
    assert run.returncode == 0 and run.stderr == ""
    assert "Usage: eduplan render" in run.stdout and "--format" in run.stdout
    bare = eduplan()
    assert bare.returncode == 2 and "Commands" in bare.stdout and bare.stderr == ""


@pytest.mark.parametrize("value", ["99999999999999", "-1", "soon"])
def test_a_source_date_epoch_that_is_no_time_is_one_line_for_export_too(tree, value):
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})
    out = root.parent / f"{root.name}.xlsx"  # outside the plan folder: eduplan writes nothing into its inputs
    run = subprocess.run(
        [sys.executable, "-m", "eduplan", "export", "-f", "xlsx", str(root), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": value},
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"eduplan: error: SOURCE_DATE_EPOCH={value!r} is not a number of seconds")
    assert not out.exists()


def test_output_dash_is_standard_output_for_export(tree):
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})
    run = eduplan("export", str(root), "-o", "-", cwd=root)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["policies"][0]["id"] == "p1" and not (root / "-").exists()
    workbook = eduplan("export", "-f", "xlsx", str(root), "-o", "-")
    assert workbook.returncode == 2 and "give the file with -o FILE.xlsx" in workbook.stderr
