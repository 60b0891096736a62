"""The ``indicators`` and ``actuals-<year>`` sheets: every indicator of every policy level, then the standards.

Rows follow the document (:func:`eduplan.model.walk.all_indicators`): a policy's indicators, each
followed by its sub-indicators (numbered as published, their ``parent`` column naming the
indicator they are part of, their name indented), then the standards of a school's plan with
their items. A plan of several levels (ประเด็นยุทธศาสตร์ -> กลยุทธ์), or with standards, gets a
``level`` column saying where each row sits, in the plan's own words ("กลยุทธ์ที่ 1.2",
"มาตรฐาน"). Year headers say which years the plan counts (ปีงบประมาณ or ปีการศึกษา).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eduplan.analysis.status import indicator_status
from eduplan.i18n import N_, _, language
from eduplan.model import Plan, Report
from eduplan.model.walk import IndicatorAt, all_indicators, all_policies
from eduplan.sheet.layout import (
    INDICATORS,
    Column,
    Table,
    actuals_sheet,
    format_value,
    labels_of,
    table,
    translated,
    year_word,
)
from eduplan.sheet.words import word

__all__ = [
    "ACTUAL_COLUMNS",
    "INDICATOR_HEAD",
    "INDICATOR_TAIL",
    "actual_table",
    "indicator_columns",
    "indicator_table",
    "report_of",
]

_POLICY = Column("policy", N_("Policy"), width=9)
_LEVEL = Column("level", N_("Level"), width=18, optional=True)
_PARENT = Column("parent", N_("Part of"), width=12, optional=True)

INDICATOR_HEAD = (
    _POLICY,
    _LEVEL,
    Column("id", N_("ID"), width=10),
    Column("number", N_("No."), width=6),
    Column("name", N_("Indicator name"), width=60),
    _PARENT,
    Column("unit", N_("Unit"), imported=True, width=12),
    Column("kind", N_("Kind"), width=10),
    Column("direction", N_("Direction"), width=16),
)
INDICATOR_TAIL = (
    Column("owner", N_("Owner"), imported=True, width=28),
    Column("cumulative", N_("Cumulative"), width=8, optional=True),
    Column("levels", N_("Levels of quality"), width=30, optional=True),
    Column("baseline_year", N_("Baseline year"), imported=True, width=11, optional=True),
    Column("baseline", N_("Baseline"), imported=True, width=11, optional=True),
    Column("baseline_no_data", N_("Baseline: no data because"), imported=True, width=24, optional=True),
    Column("baseline_source", N_("Baseline: source"), imported=True, width=24, optional=True),
)

ACTUAL_COLUMNS = (
    _POLICY,
    _LEVEL,
    Column("indicator", N_("Indicator ID"), width=12),
    Column("number", N_("No."), width=6),
    Column("name", N_("Indicator name"), width=60),
    _PARENT,
    Column("unit", N_("Unit"), width=12, derived=True),
    Column("target", N_("Target"), width=12, derived=True),
    Column("value", N_("Actual"), imported=True, width=16),
    Column("score", N_("Score"), imported=True, width=10, optional=True),
    Column("no_data", N_("No data because"), imported=True, width=30),
    Column("measured", N_("Date measured"), imported=True, width=14),
    Column("source", N_("Source"), imported=True, width=24),
    Column("note", N_("Note"), imported=True, width=30),
    Column("status", N_("Status"), width=14, derived=True),
)


def indicator_columns(years: list[int], word: str = "") -> tuple[Column, ...]:
    """The columns of the indicator table for a period's years, in the run's language.

    A year's column is headed ``ค่าเป้าหมาย ปีการศึกษา 2567`` (``word`` is how the plan calls its years).
    """
    targets = [
        Column(str(y), " ".join(_("Target {year_word} {year}").format(year_word=word, year=y).split()), True, 11)
        for y in years
    ]
    return (*translated(INDICATOR_HEAD), *targets, *translated(INDICATOR_TAIL))


def _where(plan: Plan) -> dict[str, str]:
    """The ``level`` cell of each policy by id ("กลยุทธ์ที่ 1.2"), and of standards under ``""`` ("มาตรฐาน").

    Empty for a plan of one level without standards: its sheets have no ``level`` column.
    """
    policies = list(all_policies(plan))
    if not plan.standards and all(at.depth == 1 for at in policies) and len(plan.hierarchy) <= 1:
        return {}
    labels = labels_of(plan)
    where = {at.policy.id: labels.level_numbered(at.depth, at.policy.number) for at in policies}
    return {**where, "": labels["standards"]}


def _common(at: IndicatorAt, where: dict[str, str]) -> dict[str, Any]:
    """The cells an indicator's row has on both kinds of sheet."""
    policy = at.policy
    return {
        "policy": policy.id if policy else None,
        "level": (where.get(policy.id) if policy else where.get("")) or None,
        "number": at.indicator.number,
        "name": at.indicator.name,
        "parent": at.parents[-1].id if at.parents else None,
    }


def _style(at: IndicatorAt) -> dict[str, Any]:
    style: dict[str, Any] = {"indent": len(at.parents)}
    if at.kind == "level" and at.levels:
        style["levels"] = list(at.levels)
    return style


def indicator_table(plan: Plan) -> Table:
    """The ``indicators`` sheet, in the run's language."""
    lang = language()
    where = _where(plan)
    rows, styles = [], []
    for at in all_indicators(plan):
        ind = at.indicator
        base = ind.baseline
        row = {
            **_common(at, where),
            "id": ind.id,
            "unit": ind.unit,
            "kind": word("kind", ind.kind, lang),
            "direction": word("direction", ind.direction, lang),
            "cumulative": word("cumulative", "cumulative", lang) if ind.cumulative else None,
            "levels": " < ".join(ind.levels) if ind.levels else None,
            "baseline_year": base.year if base else None,
            "baseline": format_value(base.value) if base else None,
            "baseline_no_data": base.no_data if base else None,
            "baseline_source": base.source if base else None,
            "owner": ind.owner,
            **{str(y): format_value(ind.targets.get(y)) for y in plan.period.years},
        }
        rows.append(row)
        styles.append(_style(at))
    keep = _kept(where)
    keep |= {key for key in ("parent", "cumulative", "levels") if any(r[key] is not None for r in rows)}
    if any(
        r[k] is not None for r in rows for k in ("baseline_year", "baseline", "baseline_no_data", "baseline_source")
    ):
        keep |= {"baseline_year", "baseline", "baseline_no_data", "baseline_source"}
    columns = _labelled(plan, indicator_columns(plan.period.years, year_word(plan)))
    return table(INDICATORS, "indicators", None, columns, rows, keep=keep, styles=styles)


def _labelled(plan: Plan, columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """The columns with the policy column headed by the plan's word for its policies (นโยบาย, ประเด็นยุทธศาสตร์)."""
    word = labels_of(plan)["policy"]
    return tuple(dataclasses.replace(c, label=word) if c.key == "policy" else c for c in columns)


def _kept(where: dict[str, str]) -> set[str]:
    """The optional columns both sheets keep: the level, in a plan of several levels or with standards."""
    return {"level"} if where else set()


def report_of(plan: Plan, year: int) -> tuple[int, Report] | tuple[None, None]:
    """The plan's first report of a year (fiscal or academic), with its index."""
    for index, report in enumerate(plan.reports):
        if report.year == year:
            return index, report
    return None, None


def actual_table(plan: Plan, year: int) -> Table:
    """The ``actuals-<year>`` sheet (a school's: the level reached and the score of each standard and item)."""
    where = _where(plan)
    ri, report = report_of(plan, year)
    rows, styles = [], []
    for at in all_indicators(plan):
        ind = at.indicator
        status = indicator_status(
            ind,
            year,
            report,
            policy=at.policy.id if at.policy else "",
            report_index=ri,
            levels=at.levels,
            path=at.path,
        )
        actual = report.actuals[status.actual_index] if report and status.actual_index is not None else None
        row = {
            **_common(at, where),
            "indicator": ind.id,
            "unit": ind.unit,
            "target": format_value(ind.targets.get(year)),
            "value": format_value(actual.value) if actual else None,
            "score": format_value(actual.score) if actual else None,
            "no_data": actual.no_data if actual else None,
            "measured": actual.measured if actual else None,
            "source": actual.source if actual else None,
            "note": actual.note if actual else None,
            "status": word("status", status.status.value, language()),
        }
        rows.append(row)
        styles.append(_style(at))
    keep = _kept(where)
    if any(r["parent"] is not None for r in rows):
        keep.add("parent")
    if plan.standards or any(a.score is not None for r in plan.reports for a in r.actuals):
        keep.add("score")
    called = year_word(plan)
    columns = [
        dataclasses.replace(c, label=f"{c.label} {called} {year}") if c.key in ("target", "value") else c
        for c in _labelled(plan, translated(ACTUAL_COLUMNS))
    ]
    return table(actuals_sheet(year), "actuals", year, columns, rows, keep=keep, styles=styles)
