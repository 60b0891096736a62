"""Files that are not what they seem: directories, unreadable files, symbolic links, long lines.

These are built at test time (git cannot keep a mode 000 file or a link loop usefully). Each is
a located LD02 finding (exit 1) when it is part of a plan, or one clear line (exit 2) when the
path named on the command line holds no plan at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from eduplan.load import files
from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, REAL_PLAN, build_tree
from tests.hostile.runner import check_run, located, run
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


# -- across commands: names, unreadable folders, links to nothing ---------------------------------

_COMMANDS = (("validate",), ("export", "-f", "yaml"), ("gaps",))


def _every_command(plan: Path, *, as_nobody: bool = False) -> list[tuple[int, str]]:
    """Exit code and last stderr line of validate, export and gaps on a plan: no traceback in any."""
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if as_nobody else []
    results = []
    for command in _COMMANDS:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "eduplan", *command, str(plan)],
            capture_output=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
            check=False,
        )
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, err
        assert done.returncode in (1, 2), (command, done.returncode, err)
        results.append((done.returncode, err.strip().splitlines()[-1] if err.strip() else ""))
    return results


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("2", "1")})
    (tmp_path / "policies" / os.fsdecode(b"2\xff.yaml")).write_text(POLICY, encoding="utf-8")
    message = "LD02 the file name 2\\xff.yaml is not UTF-8: the file is not read"
    assert _validate(tmp_path) == (1, [f"policies/2\\xff.yaml:1:1 {message}"])
    for fmt in ("sarif", "junit", "json", "github", "markdown"):  # no report holds bytes it cannot encode
        done = cli("validate", str(tmp_path), "--format", fmt)
        assert done.code == 1 and "Traceback" not in done.err, done.err
    assert [code for code, _ in _every_command(tmp_path)] == [1, 2, 2]


def test_a_file_name_with_a_superscript_digit(tmp_path: Path) -> None:
    """'²' is a digit to str.isdigit but not to int(): file order must not trip on it."""
    build_tree(
        tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("2", "1"), "policies/²2.yaml": POLICY}
    )
    assert _validate(tmp_path) == (0, [])


def test_a_policies_link_to_nothing(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN})
    (tmp_path / "policies").symlink_to("/nonexistent")
    message = "LD02 policies is a symbolic link to /nonexistent, which does not exist: the plan's policies/*.yaml"
    assert _validate(tmp_path) == (1, [f"policies:1:1 {message} cannot be read"])
    assert [code for code, _ in _every_command(tmp_path)] == [1, 2, 2]


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root to become nobody")
@pytest.mark.parametrize("folder", ["policies", "reports"])
def test_a_folder_the_user_cannot_read(tmp_path: Path, folder: str) -> None:
    """Run as nobody on a copy in /tmp: the folder that cannot be listed is one located LD02."""
    root = Path(tempfile.mkdtemp(prefix="eduplan-nobody-"))
    try:
        build_tree(root, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("2", "1"), "reports/x.yaml": ""})
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (root / folder).chmod(0)
        assert [code for code, _ in _every_command(root, as_nobody=True)] == [1, 2, 2]
        done = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "eduplan"]
            + ["validate", "--format", "concise", str(root)],
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
            check=False,
        )
        line = f"{root / folder}:1:1: error LD02 cannot list the folder {folder}/: Permission denied"
        assert f"{line} (layout.unreadable)" in done.stdout.decode().splitlines()
    finally:
        (root / folder).chmod(0o755)
        shutil.rmtree(root)


def test_the_whole_plan_folder_unreadable_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root to become nobody")
    root = Path(tempfile.mkdtemp(prefix="eduplan-nobody-"))
    try:
        build_tree(root, {"plan.yaml": PLAN_WITH_POLICY})
        root.chmod(0)
        results = _every_command(root, as_nobody=True)
        assert all(code == 2 and line.startswith("eduplan: error: ") for code, line in results), results
    finally:
        root.chmod(0o755)
        shutil.rmtree(root)


def test_plan_discovery_never_opens_a_pipe(tmp_path: Path) -> None:
    """Looking for plans in a folder reads the head of each YAML file: a pipe or /dev/zero is not opened."""
    build_tree(tmp_path, {"sub/plan.yaml": PLAN_WITH_POLICY})
    os.mkfifo(tmp_path / "a.yaml")
    (tmp_path / "b.yaml").symlink_to("/dev/zero")
    done = run("validate", str(tmp_path), "--format", "concise", timeout=10)
    check_run(done, 1)
    reason = "error LD02 cannot read the file: it is not a regular file (a device, a pipe or a socket)"
    assert done.out.splitlines()[:2] == [
        f"{tmp_path / 'a.yaml'}:1:1: {reason} (layout.unreadable)",
        f"{tmp_path / 'b.yaml'}:1:1: {reason} (layout.unreadable)",
    ]


def test_a_policies_link_to_nothing_in_the_real_plan_is_one_finding_not_its_acceptances(tmp_path: Path) -> None:
    # the plan lost its policies: the acceptances that name them are not judged (no AC02 for each)
    plan = tmp_path / "plan"
    shutil.copytree(REAL_PLAN, plan)
    shutil.rmtree(plan / "policies")
    (plan / "policies").symlink_to(tmp_path / "nowhere")
    run = cli("validate", str(plan), "--format", "json")
    assert run.code == 1
    codes = [f["code"] for f in json.loads(run.out)["findings"] if not f["accepted"]]
    assert codes == ["LD02"]
