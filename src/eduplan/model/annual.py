"""The annual cycle: action plans (แผนปฏิบัติการ) and performance reports (รายงานผลการดำเนินงาน).

Both belong to one fiscal year (ปีงบประมาณ, named by the Buddhist-Era year in which it ends:
FY2567 runs from 1 October 2566 to 30 September 2567) and refer to the plan's policies,
indicators and projects by id.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from eduplan.model.common import BEYear, Id, Model, Money, Number, Target, Text

__all__ = [
    "ActionPlan",
    "Actual",
    "AlignmentRef",
    "Project",
    "ProjectIndicator",
    "ProjectResult",
    "Quarter",
    "Report",
]


class AlignmentRef(Model):
    """A reference to a higher plan the project serves, as a code in a named scheme."""

    scheme: Text
    """The higher plan, such as national-strategy-20y, master-plan, ndp13, moe-policy, obec-policy, sdg."""
    code: Text
    """The item in that plan, such as "4.1" or "SDG 4.1"."""
    note: Text | None = None
    """Free text, such as the item's title."""


class Quarter(Model):
    """What a project plans for one quarter of the fiscal year (Q1 = Oct-Dec)."""

    target: Text | None = None
    """What should be done in the quarter."""
    budget: Money | None = None
    """Budget planned for the quarter, in baht."""


class ProjectIndicator(Model):
    """A project's own success indicator with its target (ตัวชี้วัดความสำเร็จและค่าเป้าหมาย)."""

    name: Text
    """The indicator as published, such as ร้อยละของโรงเรียนที่ได้รับการนิเทศ."""
    unit: Text | None = None
    """Unit of measure (หน่วยนับ), such as ร้อยละ."""
    target: Target | None = None
    """Target for the fiscal year: a number, a range or a level."""


class Project(Model):
    """A project or main activity (โครงการ/กิจกรรมหลัก) of an annual action plan."""

    id: Id
    """Stable identifier."""
    number: Number | None = None
    """Number as published."""
    name: Text
    """Project name as published."""
    objectives: list[Text] = []
    """Objectives (วัตถุประสงค์)."""
    targets_quantitative: list[Text] = []
    """Quantitative targets (เป้าหมายเชิงปริมาณ)."""
    targets_qualitative: list[Text] = []
    """Qualitative targets (เป้าหมายเชิงคุณภาพ)."""
    policy: Id
    """Id of the policy the project implements."""
    indicators: list[Id] = []
    """Ids of the indicators the project serves."""
    success_indicators: list[ProjectIndicator] = []
    """The project's own indicators and targets (ตัวชี้วัดและค่าเป้าหมาย), as in the project table."""
    budget: Money | None = None
    """Budget in baht."""
    budget_source: Text | None = None
    """Where the money comes from (แหล่งงบประมาณ)."""
    owner: Text | None = None
    """Responsible group or person (กลุ่ม/ผู้รับผิดชอบ)."""
    quarters: dict[Literal[1, 2, 3, 4], Quarter] = {}
    """Plan per quarter of the fiscal year, keyed 1..4."""
    alignment: list[AlignmentRef] = []
    """Higher plans the project serves (ความสอดคล้อง)."""


class ActionPlan(Model):
    """The annual action plan of one fiscal year."""

    fiscal_year: BEYear
    """Fiscal year (ปีงบประมาณ), such as 2567."""
    title: Text | None = None
    """Title as published."""
    total_budget: Money | None = None
    """Declared total budget in baht."""
    projects: list[Project] = []
    """Projects, in published order."""


class Actual(Model):
    """What an indicator achieved in one fiscal year, or why there is no data."""

    indicator: Id
    """Id of the indicator."""
    value: Target | None = None
    """The measured value; absent when there is no data."""
    measured: dt.date | None = Field(default=None, strict=False)
    """When it was measured (YYYY-MM-DD)."""
    source: Text | None = None
    """Where the value comes from."""
    note: Text | None = None
    """Anything a reader should know."""
    no_data: Text | None = None
    """Why there is no value, when there is none."""


class ProjectResult(Model):
    """What a project did in the fiscal year."""

    project: Id
    """Id of the project in the same year's action plan."""
    done: bool | None = None
    """Whether the project was carried out."""
    budget_spent: Money | None = None
    """Money spent, in baht."""
    note: Text | None = None
    """Results in words."""


class Report(Model):
    """The annual performance report of one fiscal year."""

    fiscal_year: BEYear
    """Fiscal year reported on."""
    title: Text | None = None
    """Title as published."""
    actuals: list[Actual] = []
    """Actual values per indicator."""
    projects: list[ProjectResult] = []
    """Results per project."""
