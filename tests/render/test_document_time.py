"""The date a document records (PDF creation time) is the plan's own, in the years the document counts."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.model import ActionPlan, Plan, Report
from eduplan.output.sourcedate import document_time
from eduplan.words.thai import year_span


def _plan(year: str, **extra: object) -> Plan:
    return Plan.model_validate(
        {
            "id": "p",
            "title": "แผน",
            "office": {"name": "โรงเรียนตัวอย่าง", "kind": "school"},
            "period": {"start": 2567, "end": 2569, "year": year},
            **extra,
        }
    )


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_an_academic_year_runs_from_mid_may_to_march() -> None:
    assert year_span("academic", 2567) == (dt.date(2024, 5, 16), dt.date(2025, 3, 31))
    assert year_span("fiscal", 2567) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))


def test_a_school_plan_and_its_sar_are_dated_by_academic_years() -> None:
    plan = _plan(
        "academic",
        action_plans=[ActionPlan(academic_year=2567)],
        reports=[Report(academic_year=2567)],
    )
    assert document_time(plan).date() == dt.date(2024, 5, 16)
    assert document_time(plan, "action-plan", 2567).date() == dt.date(2024, 5, 16)
    assert document_time(plan, "report", 2567).date() == dt.date(2025, 3, 31)


def test_an_office_plan_is_dated_by_fiscal_years() -> None:
    plan = _plan("fiscal", reports=[Report(fiscal_year=2567)])
    assert document_time(plan).date() == dt.date(2023, 10, 1)
    assert document_time(plan, "report", 2567).date() == dt.date(2024, 9, 30)
    # a year with no document of its own counts as the plan does
    assert document_time(plan, "action-plan", 2568).date() == dt.date(2024, 10, 1)
