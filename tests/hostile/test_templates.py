"""Broken templates (``eduplan render --templates DIR``) and places render cannot write to.

Each is one line on stderr naming the template's file and line (or the output file) and exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, build_tree
from tests.hostile.runner import check_run, run
from tests.validate.helpers import cli

TEMPLATES = {
    # template file content: what the error line must say
    "syntax-error": ("{% if %}\n", "plan.html:1: template error: "),
    "undefined-name": ("{{ nosuchvar.x }}\n", "plan.html:1: template error: 'nosuchvar' is undefined"),
    "missing-include": ('{% include "missing.html" %}\n', "template 'missing.html' not found"),
    "unknown-filter": ("\n{{ doc.L.title | nosuchfilter }}\n", "plan.html:2: template error: No filter named"),
    "prints-none": ("{{ {}.get('x') }}\n", "plan.html:1: template error: the template prints None"),
    "python-error": ("\n\n{{ 1 // 0 }}\n", "plan.html:3: template error: ZeroDivisionError"),
    "loops-over-a-document": ("{% for x in doc %}{% endfor %}\n", "plan.html:1: template error: TypeError"),
}


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_broken_template_is_one_line(name: str, tmp_path: Path) -> None:
    content, message = TEMPLATES[name]
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": content})
    done = cli("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    assert done.code == 2
    assert message in done.err and done.err.count("\n") == 1, done.err


def test_broken_template_as_a_subprocess(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": "\n\n{{ 1 // 0 }}\n"})
    done = run("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    check_run(done, 2)
    assert f"{tmp_path}/templates/plan.html:3: template error: ZeroDivisionError" in done.err


def test_templates_directory_that_does_not_exist(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": PLAN_WITH_POLICY})
    done = cli("render", str(tmp_path), "--templates", str(tmp_path / "nope"), "-o", "-")
    assert done.code == 2 and f"--templates {tmp_path}/nope: not a directory" in done.err


@pytest.mark.parametrize("label", ["{number:d}", "{number:{w}}", "{number!r}", "{number.real}", "{0}", "{}"])
def test_label_with_a_format_spec_is_one_line(tmp_path: Path, label: str) -> None:
    plan = MINIMAL_PLAN + (
        f'labels: {{chart_indicator: "ตัวชี้วัด {label}"}}\n'
        "policies:\n  - {id: p1, number: '1', title: นโยบาย, indicators: [{id: p1-i1, number: '1', name: ร้อยละ,\n"
        "     unit: ร้อยละ, kind: percent, owner: สพฐ., targets: {2566: 1, 2567: 2, 2568: 3, 2569: 4, 2570: 5}}]}\n"
    )
    build_tree(tmp_path, {"plan.yaml": plan})
    done = cli("render", str(tmp_path), "-o", "-")
    assert done.code == 2 and "chart_indicator" in done.err


@pytest.mark.parametrize(
    ("command", "output", "message"),
    [
        ("render", "{tmp}/a-file/plan.html", "{tmp}/a-file/plan.html: cannot write: "),
        ("render", "/proc/plan.html", "/proc/plan.html: cannot write: No such file or directory"),
        ("export", "{tmp}/a-file/plan.json", "{tmp}/a-file/plan.json: cannot write: "),
    ],
)
def test_unwritable_output_is_one_line(command: str, output: str, message: str, tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "a-file": "not a directory\n"})
    done = cli(command, str(tmp_path / "plan"), "-o", output.format(tmp=tmp_path))
    assert done.code == 2 and message.format(tmp=tmp_path) in done.err, done.err
    assert list(tmp_path.rglob("*.tmp")) == []


def test_missing_output_directory_is_made(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    done = cli("render", str(tmp_path / "plan"), "-o", str(tmp_path / "new" / "dir" / "plan.html"))
    assert done.code == 0
    assert (tmp_path / "new" / "dir" / "plan.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
