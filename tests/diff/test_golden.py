"""Golden outputs: the real plan against an edited copy, in the human, markdown and JSON formats.

Refresh after an intended change with ``EDUPLAN_REFRESH_GOLDEN=1 pytest tests/diff`` and review
the diff of tests/diff/golden/ before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from eduplan.cli import app
from tests.conftest import REPO
from tests.diff.editions import make_editions

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("EDUPLAN_REFRESH_GOLDEN") == "1"
CLEAN_ENV = {"FORCE_COLOR": None, "NO_COLOR": None, "GITHUB_STEP_SUMMARY": None}


@pytest.fixture
def editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    make_editions(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative paths, so the goldens do not depend on where tmp is
    return "old", "new"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["diff", *args], env=CLEAN_ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


@pytest.mark.parametrize(("fmt", "name"), [("human", "human.txt"), ("markdown", "markdown.md"), ("json", "json.json")])
def test_golden(editions: tuple[str, str], fmt: str, name: str) -> None:
    code, out = run(*editions, "--format", fmt)
    assert code == 0
    golden = GOLDEN / name
    if REFRESH:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_the_edits_are_what_the_diff_reports(editions: tuple[str, str]) -> None:
    _, out = run(*editions, "--format", "json")
    body = json.loads(out)
    jsonschema.validate(body, json.loads((REPO / "schema" / "diff.schema.json").read_text(encoding="utf-8")))
    found = [(c["kind"], c["path"], c["old"] if c["kind"].startswith("target") else None) for c in body["changes"]]
    assert found == [  # document order of the new edition: policy 1, 2, 3 (approaches before indicators), 5
        ("target-raised", "p1-i4.targets.2570", 70),
        ("renamed", "p2-i6.name", None),
        ("text-changed", "p3-a5.text", None),
        ("target-lowered", "p3-i19.targets.2568", 86),
        ("removed", "p5-i7", None),
        ("added", "p5-i8", None),
    ]
    assert body["counts"]["weakening"] == 2  # the lowered target and the removed indicator
    removed, added = body["changes"][4:]
    assert "p5-i8" in removed["hint"] and "p5-i7" in added["hint"]
    assert (removed["old_file"], removed["old_line"]) == ("old/policies/5.yaml", 88)
    assert (added["new_file"], added["new_line"]) == ("new/policies/5.yaml", 88)
