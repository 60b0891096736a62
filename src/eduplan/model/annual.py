"""The annual cycle: action plans (แผนปฏิบัติการ) and performance reports (รายงานผลการดำเนินงาน).

Both belong to one year: a fiscal year (ปีงบประมาณ, named by the Buddhist-Era year in which it
ends: FY2567 runs from 1 October 2566 to 30 September 2567) or, for a school, an academic year
(ปีการศึกษา 2567 runs from May 2567 to March 2568; its report is the self-assessment report,
SAR). They refer to the plan's policies, indicators, standards and projects by id.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from eduplan.i18n import _
from eduplan.model.common import BEYear, Id, Model, Money, Num, Number, PlanValueError, Target, Text, YearKind
from eduplan.model.front import Foreword, Signed
from eduplan.model.narrative import Narrative, PolicyNarrative
from eduplan.model.rollup import RolledUp

__all__ = [
    "ActionPlan",
    "Actual",
    "AlignmentRef",
    "Output",
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


def _alignment_mapping(value: Any) -> Any:
    """``{big-rock: "2", obec-strategy: ["1", "3"]}``, the way alignment columns read, as a list of references."""
    if not isinstance(value, dict):
        return value
    refs: list[Any] = []
    for scheme, codes in value.items():
        for code in codes if isinstance(codes, list) else [codes]:
            refs.append({"scheme": scheme, "code": str(code) if isinstance(code, int) else code})
    return refs


class Quarter(Model):
    """What a project plans for one quarter of the year (Q1 = Oct-Dec of a fiscal year)."""

    target: Num | Text | None = None
    """What should be done in the quarter: a number in the project's unit, or words."""
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


class Output(Model):
    """One row of a project in the action-plan table: a unit, its target and its targets per quarter.

    A project that counts two things (schools and teachers) has one output each.
    """

    unit: Text | None = None
    """Unit of measure (หน่วยนับ), such as โรงเรียน."""
    target: Num | Text | None = None
    """Target for the year (เป้าหมาย), in that unit."""
    quarters: dict[Literal[1, 2, 3, 4], Num | Text] = {}
    """Target per quarter, keyed 1..4."""


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
    unit: Text | None = None
    """Unit of measure (หน่วยนับ) of the project's target, when it has one row in the table."""
    target: Num | Text | None = None
    """Target for the year (เป้าหมาย) in that unit."""
    outputs: list[Output] = []
    """The project's rows when it counts several things, each with a unit and targets."""
    budget: Money | None = None
    """Budget in baht for the year."""
    budgets: dict[BEYear, Money] = {}
    """Budget per Buddhist-Era year, for a project planned over several years."""
    budget_source: Text | None = None
    """Where the money comes from (แหล่งงบประมาณ)."""
    owner: Text | None = None
    """Responsible group or person (กลุ่ม/ผู้รับผิดชอบ)."""
    quarters: dict[Literal[1, 2, 3, 4], Quarter] = {}
    """Plan per quarter of the fiscal year, keyed 1..4."""
    alignment: Annotated[list[AlignmentRef], BeforeValidator(_alignment_mapping)] = []
    """Higher plans the project serves (ความสอดคล้อง): a list of {scheme, code}, or a mapping scheme -> code(s)."""

    @model_validator(mode="after")
    def _one_way_to_give_outputs(self) -> Project:
        if self.outputs and (self.unit is not None or self.target is not None):
            raise PlanValueError(_("give unit and target, or outputs (one per unit), not both"))
        return self

    @property
    def rows(self) -> list[Output]:
        """The project's outputs: ``outputs``, or the one given by ``unit`` and ``target``."""
        if self.outputs:
            return list(self.outputs)
        if self.unit is None and self.target is None:
            return []
        quarters = {q: v.target for q, v in self.quarters.items() if v.target is not None}
        return [Output(unit=self.unit, target=self.target, quarters=quarters)]


class _OfOneYear(Model):
    """A document of one year: fiscal or academic."""

    fiscal_year: BEYear | None = None
    """Fiscal year (ปีงบประมาณ), such as 2567."""
    academic_year: BEYear | None = None
    """Academic year (ปีการศึกษา), such as 2567, for a school's documents."""

    @model_validator(mode="after")
    def _one_year(self) -> _OfOneYear:
        if (self.fiscal_year is None) == (self.academic_year is None):
            raise PlanValueError(_("give fiscal_year (ปีงบประมาณ) or academic_year (ปีการศึกษา), one of the two"))
        return self

    @property
    def year(self) -> int:
        """The Buddhist-Era year the document is of."""
        return self.fiscal_year if self.fiscal_year is not None else self.academic_year  # type: ignore[return-value]

    @property
    def year_kind(self) -> YearKind:
        """Whether :attr:`year` is a fiscal or an academic year."""
        return "fiscal" if self.fiscal_year is not None else "academic"


class ActionPlan(_OfOneYear):
    """The annual action plan of one fiscal or academic year."""

    title: Text | None = None
    """Title as published."""
    total_budget: Money | None = None
    """Declared total budget in baht."""
    projects: list[Project] = []
    """Projects, in published order."""
    foreword: Foreword | None = None
    """The foreword (คำนำ) with who signs it."""
    signatures: list[Signed] = []
    """The action plan's signatures (ผู้เสนอ, ผู้เห็นชอบ, ผู้อนุมัติ), each with its name, position and date."""


class Actual(Model):
    """What an indicator achieved in one fiscal year, or why there is no data."""

    indicator: Id
    """Id of the indicator."""
    value: Target | None = None
    """The measured value (a number, or the level reached); absent when there is no data."""
    score: Num | None = None
    """The score behind a level, as a SAR gives it (such as 4.62 of 5)."""
    measured: dt.date | None = Field(default=None, strict=False)
    """When it was measured (YYYY-MM-DD)."""
    source: Text | None = None
    """Where the value comes from."""
    note: Text | None = None
    """Anything a reader should know."""
    no_data: Text | None = None
    """Why there is no value, when there is none."""
    rolled_up: RolledUp | None = None
    """What the value is made of, when ``eduplan rollup`` wrote it from the units' returns (its sums and coverage)."""


class _ProjectFigures(Model):
    project: Id
    """Id of the project in the same year's action plan."""
    done: bool | None = None
    """Whether the project was carried out."""
    budget_spent: Money | None = None
    """Money spent, in baht."""
    note: Text | None = None
    """The result in a few words, printed under the project's name in the project table."""


class ProjectResult(Narrative, _ProjectFigures):
    """What a project did in the year: done or not, money spent, and its narrative (results, problems...)."""


class Report(_OfOneYear):
    """The annual performance report of one fiscal year, or a school's self-assessment report (SAR)."""

    title: Text | None = None
    """Title as published."""
    actuals: list[Actual] = []
    """Actual values per indicator."""
    projects: list[ProjectResult] = []
    """Results per project."""
    foreword: Foreword | None = None
    """The foreword (คำนำ) with who signs it."""
    summary: Narrative | None = None
    """The year as a whole in words: results, problems and obstacles, suggestions, notable practice."""
    policies: list[PolicyNarrative] = []
    """The narrative of each policy (of any level), by the policy's id, in the plan's order or any."""
    signatures: list[Signed] = []
    """The report's signatures (ผู้รายงาน, ผู้รับรอง), each with its name, position and date, in printed order."""
