"""Numbers at the edge of what a float holds: a finding, never an overflow that stops the run.

A budget of ``1e308`` is a valid number, and two of them add up to more than a float holds:
the budget rules add exactly (decimals), so the run still gives every other finding. A rule
that raises all the same is one error finding; the other rules' findings stay.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.rules import RULES
from eduplan.words.money import baht, differs, total
from tests.hostile.runner import check_run, located, run

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "annual-cycle"


def _annual(tmp_path: Path, old: str, new: str) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan)
    annual = plan / "action-plans" / "2567.yaml"
    text = annual.read_text(encoding="utf-8")
    assert old in text
    annual.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("quarter", "shown"),
    [("1e308", "1.000E+308"), ("1.7976931348623157e308", "1.798E+308"), ("-0.0", None), ("9" * 300, "1.000E+300")],
)
def test_a_huge_quarter_budget_is_a_bg01_finding(tmp_path: Path, quarter: str, shown: str | None) -> None:
    plan = _annual(tmp_path, "1: {target: ประชุมชี้แจงและสำรวจความเสี่ยง, budget: 20000}", f"1: {{budget: {quarter}}}")
    text = (plan / "action-plans" / "2567.yaml").read_text(encoding="utf-8")
    text = text.replace("4: {target: ติดตามและรายงานผล, budget: 20000}", f"4: {{budget: {quarter}}}")
    (plan / "action-plans" / "2567.yaml").write_text(text + "vision: x\n", encoding="utf-8")
    done = run("validate", str(plan), "--format", "json")
    check_run(done, 1)
    findings = located(json.loads(done.out))
    bg01 = [f for f in findings if f["code"] == "BG01"]
    assert [(f["file"].rsplit("/", 1)[-1], f["line"]) for f in bg01] == [("2567.yaml", 24)]
    if shown:
        assert shown in bg01[0]["message"]
    else:  # -0.0 twice: 40,000 baht short of 120,000, written without a minus sign
        assert "(Q1 0 + Q2 40,000 + Q3 40,000 + Q4 0 = 80,000 baht)" in bg01[0]["message"]
    assert any(f["code"] != "BG01" for f in findings)  # the other rules' findings are kept
    assert done.seconds < 10


def test_money_adds_exactly() -> None:
    assert total([0.1, 0.2]) == total([0.3])
    assert not differs(total([0.1, 0.2]), 0.3)
    assert differs(total([1e308, 1e308]), 1e308)
    assert baht(total([1e308, 1e308])) == "2.000E+308"
    assert baht(1250.5) == "1,250.50" and baht(120_000) == "120,000" and baht(-0.0) == "0"
    assert total([10**400, 1]) > 10**400


def test_a_rule_that_raises_is_one_finding_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: object) -> object:
        del ctx
        raise ZeroDivisionError("division by zero")

    tg01 = RULES["TG01"]
    monkeypatch.setitem(RULES, "TG01", dataclasses.replace(tg01, check=broken))
    checked = check_path(EXAMPLE, Settings())
    crash = [f for f in checked.findings if f.code == "TG01"]
    assert len(crash) == 1 and crash[0].severity.value == "error"
    assert crash[0].message.startswith("internal error: rule TG01 (targets.percent-range) stopped on this plan")
    assert "ZeroDivisionError: division by zero" in crash[0].message
    span = crash[0].span
    assert span is not None and span.file.endswith("plan.yaml") and span.line == 4  # the plan mapping, after comments
    assert len(checked.rules) > 10  # every other rule ran
