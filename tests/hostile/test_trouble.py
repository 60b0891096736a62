"""Trouble that stops a command: one clear line on stderr, exit 2, never a traceback.

Also what must not stop it: a bad part of a plan is a finding, and the rest is still checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, build_tree
from tests.hostile.runner import check_run, run
from tests.validate.helpers import cli


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "{tmp}/nope"], "{tmp}/nope: no such file or directory"),
        (["validate", "{tmp}"], "{tmp}: no plan found"),
        (["validate", "{tmp}", "--format", "xml"], "--format: unknown format 'xml'"),
        (["validate", "{tmp}", "--report", "json"], "--report: expected FORMAT=FILE"),
        (["validate", "{tmp}", "--select", "ZZ"], "'ZZ' names no rule"),
        (["validate", "{tmp}", "--fail-on", "fatal"], "'fatal' is not a severity"),
        (["validate", "{tmp}", "--select", ","], "--select: ',' selects no rule"),  # an unset CI variable
        (["validate", "{tmp}", "--ignore", "ALL"], "no rule left to run"),  # never "All checks passed"
        (["explain", "XX99"], "unknown code 'XX99'"),
    ],
)
def test_usage_trouble_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    done = cli(*(a.format(tmp=tmp_path) for a in args))  # in process: as eduplan.cli.run does
    assert done.code == 2 and done.err.count("\n") == 1
    assert message.format(tmp=tmp_path) in done.err


def test_usage_trouble_as_a_subprocess(tmp_path: Path) -> None:
    done = run("validate", str(tmp_path / "nope"), "--format", "json")
    check_run(done, 2)
    assert done.err == f"eduplan: error: {tmp_path}/nope: no such file or directory\n"
    assert done.seconds < 5 and done.peak_mb < 80  # measured: 0.3 s, 37 MB


def test_unwritable_report_is_exit_2(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN})
    done = run("validate", str(root), "--report", f"json={tmp_path}/plan.yaml/out.json")
    check_run(done, 2)
    assert "cannot write the report" in done.err


def test_bad_config_is_exit_2(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "eduplan.yaml": "selct: [TG]\n"})
    done = run("validate", "plan.yaml", cwd=tmp_path)
    check_run(done, 2)
    assert "eduplan.yaml: selct: unknown key 'selct' (did you mean 'select'?)" in done.err


def test_bad_policy_file_does_not_stop_the_others(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {
            "plan.yaml": MINIMAL_PLAN,
            "policies/1.yaml": "id: p1\nnumber: '1'\ntitle: [broken\n",
            "policies/2.yaml": (
                "id: p2\nnumber: '2'\ntitle: นโยบาย\nindicators:\n"
                "  - {id: p2-i1, number: '1', name: ร้อยละของครู, unit: ร้อยละ, kind: percent, owner: สพฐ.,\n"
                "     targets: {2566: 80, 2567: 70, 2568: 90, 2569: 95, 2570: 120}}\n"
            ),
        },
    )
    done = cli("validate", str(root), "--format", "concise")
    assert done.code == 1
    assert "policies/1.yaml:3:8: error YA01" in done.out  # the [ never closed
    assert "policies/2.yaml:6:32: error TG02" in done.out  # rules ran on the policy that loaded
    assert "policies/2.yaml:6:62: error TG01" in done.out
    assert "MD04" not in done.out  # policy 1 did not load: the numbering of the policies is not judged


def test_invalid_indicator_is_dropped_and_the_rest_checked(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {
            "plan.yaml": MINIMAL_PLAN,
            "policies/1.yaml": (
                "id: p1\nnumber: '1'\ntitle: นโยบาย\nindicators:\n"
                "  - {id: p1-i1, number: '1', name: ร้อยละ, unit: ร้อยละ, kind: percentage}\n"
                "  - {id: p1-i2, number: '2', name: ร้อยละของครู, kind: percent, owner: สพฐ.}\n"
            ),
        },
    )
    done = cli("validate", str(root), "--format", "concise")
    assert "policies/1.yaml:5:64: error SC03" in done.out
    assert "error UN01 indicator p1-i2 has no unit" in done.out
    assert "MD04" not in done.out  # the list lost an item: its numbering is not judged
