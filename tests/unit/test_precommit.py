"""The pre-commit hook, run by real ``pre-commit`` in a throw-away git repository.

The repository's ``.pre-commit-config.yaml`` is the shipped hook of ``.pre-commit-hooks.yaml``
as a ``repo: local`` hook with ``language: system`` and this interpreter's eduplan, so nothing
is installed from the network. Skipped where git or pre-commit is missing
(``pip install -e '.[dev]'`` brings pre-commit).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, build_tree

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or GIT is None,
    reason=f"not installed: {', '.join(n for n, p in (('pre-commit', PRE_COMMIT), ('git', GIT)) if p is None)}",
)

SINGLE_FILE_PLAN = """\
id: demo
title: แผนพัฒนาการศึกษา ทดสอบ
office: {name: สำนักงานทดสอบ}
period: {start: 2566, end: 2570}
policies:
  - id: p1
    number: "1"
    title: นโยบายทดสอบ
    indicators:
      - id: p1-i1
        number: "1"
        name: ร้อยละของนักเรียนที่อ่านออกเขียนได้
        unit: ร้อยละ
        kind: percent
        targets: {2566: 80, 2567: 82, 2568: 84, 2569: 86, 2570: 88}
        owner: สพฐ.
"""

PLAN_DIRECTORY = {
    "offices/north/plan.yaml": """\
id: north
title: แผนพัฒนาการศึกษา ภาคเหนือ
office: {name: สำนักงานภาคเหนือ}
period: {start: 2566, end: 2570}
""",
    "offices/north/policies/1.yaml": """\
id: p1
number: "1"
title: นโยบายทดสอบ
indicators:
  - id: p1-i1
    number: "1"
    name: ร้อยละของโรงเรียนที่ได้รับการนิเทศ
    unit: ร้อยละ
    kind: percent
    targets: {2566: 70, 2567: 75, 2568: 80, 2569: 85, 2570: 90}
    owner: สพฐ.
""",
}

OTHER_FILES = {
    "mkdocs.yml": "site_name: คู่มือแผน\nnav:\n  - index.md\n",  # YAML that is not a plan
    "README.md": "# แผน\n",
}


def hook() -> dict[str, object]:
    """The shipped hook as a local one: language system, this interpreter's eduplan."""
    (shipped,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = str(shipped["entry"])
    assert entry.startswith("eduplan ")
    return {**shipped, "language": "system", "entry": f"{sys.executable} -m {entry}"}


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A git repository with a single-file plan, a plan directory, a non-plan YAML file and the hook."""
    root = tmp_path / "repo"
    files = {"plans/demo.yaml": SINGLE_FILE_PLAN, **PLAN_DIRECTORY, **OTHER_FILES}
    build_tree(root, files)
    config = {"repos": [{"repo": "local", "hooks": [hook()]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "PRE_COMMIT"))},
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run([GIT, "init", "-q"], cwd=root, check=True, env=env)
    subprocess.run([GIT, "add", "-A"], cwd=root, check=True, env=env)
    return root, env


def pre_commit(root: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--files", *files],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def status(run: subprocess.CompletedProcess[str]) -> str:
    """pre-commit's verdict on the eduplan hook: Passed, Failed or Skipped."""
    found = re.search(r"^eduplan validate\.+.*?(Passed|Failed|Skipped)$", run.stdout, re.MULTILINE)
    assert found, run.stdout + run.stderr
    return found.group(1)


def test_only_yaml_files_trigger_the_hook(repo):
    root, env = repo
    assert status(pre_commit(root, env, "README.md")) == "Skipped"
    for name in ("plans/demo.yaml", "offices/north/policies/1.yaml", "offices/north/plan.yaml", "mkdocs.yml"):
        run = pre_commit(root, env, name)
        assert status(run) == "Passed", f"{name}:\n{run.stdout}"


def test_a_broken_single_file_plan_fails_the_hook_with_its_location(repo):
    root, env = repo
    (root / "plans" / "demo.yaml").write_text(SINGLE_FILE_PLAN.replace("2567: 82", "2567: eighty"), encoding="utf-8")
    run = pre_commit(root, env, "plans/demo.yaml")
    assert run.returncode == 1 and status(run) == "Failed", run.stdout
    assert "plans/demo.yaml:15:" in run.stdout  # file:line:col of the bad target
    assert "mkdocs.yml" not in run.stdout and "offices/north" not in run.stdout  # the rest is clean, not listed


def test_a_broken_part_of_a_plan_directory_fails_the_hook(repo):
    root, env = repo
    policy = root / "offices" / "north" / "policies" / "1.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("unit:", "unti:"), encoding="utf-8")
    run = pre_commit(root, env, "offices/north/policies/1.yaml")
    assert run.returncode == 1 and status(run) == "Failed", run.stdout
    assert "offices/north/policies/1.yaml:" in run.stdout and "unknown key 'unti'" in run.stdout


def test_git_commit_is_refused_for_a_broken_plan_and_made_when_it_is_fixed(repo):
    root, env = repo
    subprocess.run([str(PRE_COMMIT), "install"], cwd=root, env=env, check=True, capture_output=True)
    plan = root / "plans" / "demo.yaml"
    plan.write_text(SINGLE_FILE_PLAN.replace("title: แผน", "titel: แผน"), encoding="utf-8")
    subprocess.run([GIT, "add", "-A"], cwd=root, check=True, env=env)

    def commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [GIT, "commit", "-q", "-m", "plan"], cwd=root, env=env, capture_output=True, text=True, check=False
        )

    refused = commit()
    assert refused.returncode != 0 and "unknown key 'titel'" in refused.stdout + refused.stderr
    plan.write_text(SINGLE_FILE_PLAN, encoding="utf-8")
    subprocess.run([GIT, "add", "-A"], cwd=root, check=True, env=env)
    made = commit()
    assert made.returncode == 0, made.stdout + made.stderr


def test_the_contributors_configuration_is_valid_and_uses_the_locked_tools() -> None:
    config = REPO / ".pre-commit-config.yaml"
    run = subprocess.run([str(PRE_COMMIT), "validate-config", str(config)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    hooks = [hook for repo in yaml.safe_load(config.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]]
    assert {hook["id"] for hook in hooks} == {"ruff-check", "ruff-format", "mypy", "eduplan-validate-plans"}
    assert all(hook["entry"].startswith(".venv/bin/") for hook in hooks)  # the versions of requirements/dev.txt
