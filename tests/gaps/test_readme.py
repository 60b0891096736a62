"""The README's outputs of the annual-cycle rules and of ``eduplan gaps`` are real (section "The annual cycle")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.validate.helpers import REPO, cli

EXAMPLE = REPO / "docs" / "examples" / "annual-cycle"


def _block(after: str) -> list[str]:
    """The lines of the README's text block that starts with ``after``, without the command line."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("```text\n" + after) + len("```text\n")
    return text[start : text.index("\n```", start)].splitlines()[1:]


def test_the_rules_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "annual-cycle"
    shutil.copytree(EXAMPLE, copy)
    edits = {
        "action-plans/2567.yaml": [
            ("4: {target: ติดตามและรายงานผล, budget: 20000}", "4: {target: ติดตามและรายงานผล, budget: 10000}")
        ],
        "reports/2567.yaml": [
            ("    value: 87\n", "    value: 112\n"),
            ("- indicator: p3-i2\n", "- indicator: p3-i2\n    value: 89.5\n"),
        ],
    }
    for name, changes in edits.items():
        text = (copy / name).read_text(encoding="utf-8")
        for old, new in changes:
            assert text.count(old) == 1
            text = text.replace(old, new)
        (copy / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("validate", "annual-cycle", "--format", "concise")
    assert run.code == 1
    assert run.out.splitlines() == _block("$ eduplan validate annual-cycle --format concise")


def test_the_gaps_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    shown = _block("$ eduplan gaps docs/examples/annual-cycle")
    assert shown[0] == "..."
    out = cli("gaps", "docs/examples/annual-cycle").out.splitlines()
    assert out[-len(shown) + 1 :] == shown[1:]
