"""Bad input of every kind: findings or one clear error line, the right exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, build_tree
from tests.validate.helpers import subprocess_cli

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)

CASES: dict[str, tuple[bytes, int, str]] = {
    # name: (content of plan.yaml, exit code, text the output must contain)
    "syntax-error": (MINIMAL_PLAN.encode() + b"vision: [unclosed\n", 1, "YA01"),
    "duplicate-key": (MINIMAL_PLAN.encode() + b"title: again\n", 1, "plan.yaml:5:1: error YA02"),
    "tab-indent": (b"id: demo\noffice:\n\tname: x\n", 1, "a tab character cannot indent YAML"),
    "bom": (b"\xef\xbb\xbf" + MINIMAL_PLAN.encode(), 0, "All checks passed"),
    "cp874": (MINIMAL_PLAN.encode("cp874"), 0, "YA05"),
    "binary": (b"\x00\x01\x02garbage", 1, "YA05"),
    "billion-laughs": (MINIMAL_PLAN.encode() + LAUGHS.encode(), 1, "YA04"),
    "python-tag": (MINIMAL_PLAN.encode() + b"vision: !!python/object/apply:os.system ['echo hacked']\n", 1, "YA03"),
    "deeply-nested": (MINIMAL_PLAN.encode() + b"vision: " + b"[" * 5000 + b"]" * 5000 + b"\n", 1, "YA06"),
    "wrong-types": (b"id: demo\ntitle: [a, b]\noffice: 3\nperiod: {start: x, end: 2570}\n", 1, "SC03"),
    "not-a-mapping": (b"- just\n- a list\n", 1, "SC03"),
    "empty-file": (b"", 1, "SC01"),
    "many-documents": (MINIMAL_PLAN.encode() + b"---\nid: other\n", 1, "more than one YAML document"),
}


@pytest.mark.parametrize(("name"), list(CASES))
def test_bad_plan_file(name: str, tmp_path: Path) -> None:
    content, code, expected = CASES[name]
    root = build_tree(tmp_path, {"plan.yaml": content})
    run = subprocess_cli("validate", str(root), "--format", "concise")
    assert "Traceback" not in run.out + run.err
    assert run.code == code, run.out + run.err
    assert expected in run.out


def test_huge_file_is_checked_in_one_run(tmp_path: Path) -> None:
    missions = "".join(f"  - {{id: m{n}, number: '{n}', text: พันธกิจที่ {n}  ยาว}}\n" for n in range(1, 10_001))
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN + "missions:\n" + missions})
    run = subprocess_cli("validate", str(root), "--format", "json", "--select", "TX07")
    assert "Traceback" not in run.err
    assert run.code == 0  # warnings do not fail the run
    assert run.out.count('"code": "TX07"') == 10_000


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
    run = subprocess_cli("validate", str(root), "--format", "concise")
    assert run.code == 1
    assert "policies/1.yaml:4:1: error YA01" in run.out
    assert "policies/2.yaml:6:32: error TG02" in run.out  # rules ran on the policy that loaded
    assert "policies/2.yaml:6:62: error TG01" in run.out
    assert "MD04" not in run.out  # policy 1 did not load: the numbering of the policies is not judged


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
    run = subprocess_cli("validate", str(root), "--format", "concise")
    assert "policies/1.yaml:5:64: error SC03" in run.out
    assert "error UN01 indicator p1-i2 has no unit" in run.out
    assert "MD04" not in run.out  # the list lost an item: its numbering is not judged


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "{tmp}/nope"], "{tmp}/nope: no such file or directory"),
        (["validate", "{tmp}"], "{tmp}: no plan found"),
        (["validate", "{tmp}", "--format", "xml"], "--format: unknown format 'xml'"),
        (["validate", "{tmp}", "--report", "json"], "--report: expected FORMAT=FILE"),
        (["validate", "{tmp}", "--select", "ZZ"], "'ZZ' names no rule"),
        (["validate", "{tmp}", "--fail-on", "fatal"], "'fatal' is not a severity"),
        (["explain", "XX99"], "unknown code 'XX99'"),
    ],
)
def test_usage_trouble_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    run = subprocess_cli(*(a.format(tmp=tmp_path) for a in args))
    assert run.code == 2
    assert run.err.count("\n") == 1 and message.format(tmp=tmp_path) in run.err
    assert "Traceback" not in run.err


def test_unwritable_report_is_exit_2(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN})
    run = subprocess_cli("validate", str(root), "--report", f"json={tmp_path}/plan.yaml/out.json")
    assert run.code == 2
    assert "cannot write the report" in run.err and "Traceback" not in run.err


def test_bad_config_is_exit_2(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "eduplan.yaml": "selct: [TG]\n"})
    run = subprocess_cli("validate", "plan.yaml", cwd=tmp_path)
    assert run.code == 2
    assert "eduplan.yaml: selct: Extra inputs are not permitted" in run.err
