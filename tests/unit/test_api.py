"""The public Python API: what ``import eduplan`` offers, working on the shipped plan."""

from __future__ import annotations

import subprocess
import sys

import pytest

import eduplan
from tests.conftest import REAL_PLAN


def test_every_public_name_resolves() -> None:
    assert sorted(eduplan.__all__) == sorted(["__version__", *eduplan._PUBLIC])
    for name in eduplan.__all__:
        assert getattr(eduplan, name) is not None, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        eduplan.nothing  # noqa: B018


def test_load_check_render_and_diff_from_python() -> None:
    loaded = eduplan.load_plan(REAL_PLAN)
    checked = eduplan.check_result(loaded, eduplan.Settings())
    assert [f.code for f in checked.findings if not f.accepted] == []
    assert sum(1 for f in checked.findings if f.accepted) == 20
    plan, _ = eduplan.load_whole(REAL_PLAN)
    html = eduplan.Renderer().render(plan, eduplan.Request("plan", "html"))
    assert html.startswith(b"<!DOCTYPE html>")
    assert eduplan.diff_plans(plan, plan).changes == []


def test_importing_eduplan_imports_nothing_heavy() -> None:
    heavy = "('eduplan.', 'pydantic', 'typer')"
    code = f"import sys, eduplan; print(sorted(m for m in sys.modules if m.startswith({heavy})))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
