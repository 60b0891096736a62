"""The Thai guide's commands run as written: docs/guide/start.th.md is an example a reader follows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.init.helpers import eduplan

GUIDE = REPO / "docs" / "guide" / "start.th.md"


def _commands() -> list[list[str]]:
    """Every ``eduplan`` command of the guide's sh blocks, continuation lines joined, comments dropped."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    return [shlex.split(line, comments=True) for line in lines if line.startswith("eduplan ")]


def test_the_guide_s_init_validate_and_render_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = _commands()
    inits = [c for c in commands if c[1] == "init"]
    assert [c[2] for c in inits] == ["แผนของเขต", "แผนของโรงเรียน"]
    monkeypatch.chdir(tmp_path)
    for command in inits:
        result = eduplan(*command[1:])
        assert result.exit_code == 0, (command, result.stderr)
    monkeypatch.chdir(tmp_path / "แผนของเขต")
    assert eduplan("validate", "plans/").stdout.startswith("All checks passed")
    renders = [c for c in commands if c[1] == "render" and "html" in c]
    assert renders
    for command in renders:
        result = eduplan(*command[1:])
        assert result.exit_code == 0, (command, result.stderr)
    assert Path("out", "pesa-chiang-mai-1-2567-2571.plan.html").is_file()
    # the tree the guide shows is the tree init made
    shown = re.search(r"```text\nแผนของเขต/\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    assert shown is not None
    for name in re.findall(r"^\s+(\S+)", shown.group(1), re.MULTILINE):
        assert Path(name.removeprefix("plans/pesa-chiang-mai-1/2567-2571/")).exists() or any(
            Path().rglob(name.rstrip("/"))
        ), name
