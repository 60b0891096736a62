"""Files that are not what they seem: directories, unreadable files, symbolic links, long lines.

These are built at test time (git cannot keep a mode 000 file or a link loop usefully). Each is
a located LD02 finding (exit 1) when it is part of a plan, or one clear line (exit 2) when the
path named on the command line holds no plan at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eduplan.load import files
from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, build_tree
from tests.hostile.runner import located
from tests.validate.helpers import cli

POLICY = "id: p2\nnumber: '2'\ntitle: นโยบาย\n"


def _validate(path: Path) -> tuple[int, list[str]]:
    """Exit code and ``file:line:col CODE message`` of each finding, files relative to ``path``."""
    done = cli("validate", str(path), "--format", "json")
    if done.code == 2:
        return 2, [done.err]
    base = path if path.is_dir() else path.parent
    return done.code, [
        f"{Path(f['file']).relative_to(base)}:{f['line']}:{f['column']} {f['code']} {f['message']}"
        for f in located(json.loads(done.out))
    ]


def test_plan_yaml_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").mkdir()
    code, lines = _validate(tmp_path)
    assert code == 2 and "no plan found" in lines[0]


def test_policy_file_that_is_a_directory(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/2.yaml": POLICY})
    (tmp_path / "policies" / "1.yaml").mkdir()
    assert _validate(tmp_path) == (1, ["policies/1.yaml:1:1 LD02 cannot read the file: Is a directory"])


def test_policies_folder_that_is_a_file(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies": "id: p1\n"})
    code, lines = _validate(tmp_path)
    assert code == 1
    assert lines == ["policies:1:1 LD02 policies is a file, not a folder: the plan's policies/*.yaml cannot be read"]


def test_unreadable_policy_file(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})
    locked = tmp_path / "policies" / "1.yaml"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: a mode 000 file is still readable")
        assert _validate(tmp_path) == (1, ["policies/1.yaml:1:1 LD02 cannot read the file: Permission denied"])
    finally:
        locked.chmod(0o644)


def test_policy_file_that_links_to_itself(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/2.yaml": POLICY})
    (tmp_path / "policies" / "1.yaml").symlink_to("1.yaml")
    assert _validate(tmp_path) == (
        1,
        ["policies/1.yaml:1:1 LD02 cannot read the file: Too many levels of symbolic links"],
    )


def test_dangling_link_to_a_policy(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/2.yaml": POLICY})
    (tmp_path / "policies" / "1.yaml").symlink_to("gone.yaml")
    assert _validate(tmp_path) == (1, ["policies/1.yaml:1:1 LD02 cannot read the file: No such file or directory"])


def test_plan_file_named_on_the_command_line_that_is_a_link_loop(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    assert _validate(tmp_path / "a.yaml") == (
        1,
        ["a.yaml:1:1 LD02 cannot read the file: Too many levels of symbolic links"],
    )


def test_folder_of_plans_with_a_link_loop_checks_the_others(tmp_path: Path) -> None:
    build_tree(tmp_path, {"good.yaml": PLAN_WITH_POLICY + "title: ซ้ำ\n"})
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "sub").symlink_to(".")  # a directory loop: the walk does not follow it
    code, lines = _validate(tmp_path)
    assert code == 1
    assert lines == [
        "good.yaml:17:1 YA02 duplicate key 'title': it is already defined at line 2",
        "loop.yaml:1:1 LD02 cannot read the file: Too many levels of symbolic links",
    ]


def test_directory_link_loop_inside_a_plan(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("2", "1")})
    (tmp_path / "policies" / "again").symlink_to("..")
    assert _validate(tmp_path) == (0, [])


def test_a_very_long_line(tmp_path: Path) -> None:
    name = "ร้อยละของครูที่ได้รับการพัฒนา " * 40_000  # 1.2 million characters (3.6 MB) on one line
    plan = MINIMAL_PLAN + f"policies:\n  - {{id: p1, number: '1', title: {name}, indicators: [{{id: 5}}]}}\n"
    build_tree(tmp_path, {"plan.yaml": plan})
    code, lines = _validate(tmp_path)
    assert code == 1
    assert f"plan.yaml:6:{len(name) + 54} SC03 expected text, got 5" in lines  # the id, after the name


def test_link_to_a_device_and_a_named_pipe_are_not_read(tmp_path: Path) -> None:
    """/dev/zero would never end, and opening a pipe waits for a writer: neither is read."""
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN})
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "1.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "policies" / "2.yaml")
    reason = "LD02 cannot read the file: it is not a regular file (a device, a pipe or a socket)"
    assert _validate(tmp_path) == (1, [f"policies/1.yaml:1:1 {reason}", f"policies/2.yaml:1:1 {reason}"])


def test_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1_000_000)
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY + "#" * 2_000_000 + "\n"})
    assert _validate(tmp_path) == (1, ["policies/1.yaml:1:1 LD02 cannot read the file: it is larger than 1 MB (2 MB)"])
