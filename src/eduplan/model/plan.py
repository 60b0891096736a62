"""The five-year educational development plan (แผนพัฒนาการศึกษา) as data.

A plan is a tree: metadata, vision, missions, goals, policies (each with targets, development
approaches and indicators), values, the driving model (4A PLUS) and the qualities (5Q).
Annual action plans and performance reports (see :mod:`eduplan.model.annual`) hang off the
same plan and refer to its items by id.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from eduplan.model.annual import ActionPlan, AlignmentRef, Report
from eduplan.model.common import (
    BEYear,
    Direction,
    Id,
    Kind,
    Model,
    Number,
    Statement,
    Target,
    Text,
    YearKind,
    YearValue,
)
from eduplan.model.context import BudgetFrame, Scheme, Section
from eduplan.model.feeds import Feeds
from eduplan.model.front import Annex, Approval, Foreword, Parts
from eduplan.model.register import Register
from eduplan.model.rollup import Rollup

__all__ = [
    "NO_DATA",
    "Acceptance",
    "Baseline",
    "Component",
    "ComponentGroup",
    "DrivingModel",
    "Edition",
    "Indicator",
    "Office",
    "Period",
    "Plan",
    "Policy",
    "Quality",
    "QualityFramework",
    "Source",
]


class Office(Model):
    """The office that publishes the plan."""

    name: Text
    """Full name, such as สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน."""
    short_name: Text | None = None
    """Short name as used in titles, such as สพม.ลำปาง ลำพูน."""
    former_names: list[Text] = []
    """Earlier names of the same office, such as สพม.35."""
    kind: Literal["office", "school"] = "office"
    """Who publishes: an educational service area office (or any office), or a school."""
    code: Text | None = None
    """The official code, such as the school's OBEC code (รหัสสถานศึกษา)."""
    parent: Text | None = None
    """The office it belongs to (สังกัด), such as สพม.ลำปาง ลำพูน."""
    address: Text | None = None
    """Address as published."""
    philosophy: Text | None = None
    """Philosophy (ปรัชญา) of a school."""
    identity: Text | None = None
    """Identity (อัตลักษณ์): what the school's students are known for."""
    distinction: Text | None = None
    """Distinction (เอกลักษณ์): what the school itself is known for."""
    motto: Text | None = None
    """Motto (คติพจน์)."""
    logo: Text | None = None
    """The office's logo or emblem for the cover: a PNG, JPEG or SVG file in the plan's folder (``logo.png``),
    embedded in the documents so that each stands alone."""


class Period(Model):
    """The Buddhist-Era years the plan covers, both inclusive."""

    start: BEYear
    """First year, such as 2566."""
    end: BEYear
    """Last year, such as 2570."""
    year: YearKind = "fiscal"
    """Which years the plan counts: fiscal years (ปีงบประมาณ, October-September) or academic years
    (ปีการศึกษา, May-March), as schools' plans do."""

    @property
    def years(self) -> list[int]:
        """Every year of the period, in order (empty when end comes before start)."""
        return list(range(self.start, self.end + 1))


class Edition(Model):
    """Which edition of the plan this is."""

    label: Text | None = None
    """How the edition is named, such as "ทบทวนปี พ.ศ.2565"."""
    revision_of: Id | None = None
    """Id of the plan this edition revises."""
    published: dt.date | None = Field(default=None, strict=False)
    """Publication date (YYYY-MM-DD, Christian Era as ISO 8601 requires)."""
    document_number: Text | None = None
    """The document's number as printed on the cover (เอกสารลำดับที่ 1/2566)."""


class Source(Model):
    """Where the data was transcribed from."""

    url: Text | None = None
    """Address of the published document."""
    retrieved: dt.date | None = Field(default=None, strict=False)
    """When it was read (YYYY-MM-DD)."""
    note: Text | None = None
    """How it was transcribed, and anything a reader should know about it."""


NO_DATA = frozenset(
    {"n/a", "na", "nd", "no data", "new", "-", "–", "—", "ไม่มีข้อมูล", "ยังไม่มีข้อมูล", "ไม่มี", "ตัวชี้วัดใหม่", "ใหม่"}
)
"""What a baseline cell publishes to say there is no measurement (compared in lower case): in YAML
``value: n/a`` is read as ``no_data: n/a``; the Word import reads such a cell the same way."""


class Baseline(Model):
    """The value an indicator starts from, as published: a year or a span of years, a value or why there is none."""

    year: YearValue | None = None
    """Year the baseline was measured (2565), or a span as published ("2564-2565" for "ปี 64/65")."""
    value: Target | None = None
    """The measured value; absent when there is none (see ``no_data``)."""
    no_data: Text | None = None
    """Why there is no value, as published (n/a, ไม่มีข้อมูล, a new indicator)."""
    source: Text | None = None
    """Where the value comes from, such as the previous year's report."""

    @model_validator(mode="before")
    @classmethod
    def _published_forms(cls, data: Any) -> Any:
        if isinstance(data, bool):
            return data
        if isinstance(data, int | float):
            return {"value": data}  # a baseline cell with only a number
        if isinstance(data, str):
            data = {"value": data}
        if isinstance(data, dict):
            value = data.get("value")
            if isinstance(value, str) and value.strip().lower() in NO_DATA and "no_data" not in data:
                data = {**{k: v for k, v in data.items() if k != "value"}, "no_data": value}
        return data

    @property
    def years(self) -> tuple[int, int] | None:
        """The first and last year measured, or None."""
        if self.year is None:
            return None
        if isinstance(self.year, int):
            return self.year, self.year
        first, last = self.year.split("-")
        return int(first), int(last)

    @property
    def last_year(self) -> int | None:
        """The year the baseline ends (the year a change of the first plan year is counted from)."""
        return self.years[1] if self.years else None


class Indicator(Model):
    """An indicator (ตัวชี้วัด) with its yearly targets (ค่าเป้าหมาย), or a standard with its expected levels.

    An indicator may hold sub-indicators (ตัวชี้วัดย่อย; a standard's items 1.1, 1.2 and their items
    1)-6)): they are counted and reported as parts of it, not as separate indicators.
    """

    id: Id
    """Stable identifier; it survives renumbering and rewording."""
    number: Number
    """Number as published in the indicator table (ที่)."""
    name: Text
    """Indicator text (ตัวชี้วัด), exactly as published."""
    unit: Text | None = None
    """Unit of measure (หน่วยนับ) as published, such as ร้อยละ; absent when the cell is empty."""
    kind: Kind | None = None
    """What the targets are: percent, count, score, level or qualitative. A sub-indicator without one takes
    its parent's; the loader requires one on or above every indicator that measures something."""
    direction: Direction = "higher-is-better"
    """Whether higher values are better, lower values are better, or a value is to be kept."""
    cumulative: bool = False
    """Whether the targets are running totals (สะสม): each year's target counts what came before."""
    levels: list[Text] | None = None
    """For level indicators and standards: the scale, from worst to best, such as [กำลังพัฒนา, ปานกลาง, ดี, ดีเลิศ, ยอดเยี่ยม].
    Sub-indicators without their own scale use their parent's."""
    baseline: Baseline | None = None
    """Starting value, when the plan gives one."""
    targets: dict[BEYear, Target] = {}
    """Target per Buddhist-Era year; a year whose cell is empty is absent."""
    owner: Text | None = None
    """Responsible party (ผู้รับผิดชอบ) as published; in many plans it names the higher plan."""
    source: Text | None = None
    """Where the indicator or its data comes from."""
    notes: Text | None = None
    """Anything else a reader should know."""
    goals: list[Id] = []
    """Ids of the goals (เป้าประสงค์) this indicator measures."""
    missions: list[Id] = []
    """Ids of the missions (พันธกิจ) this indicator serves."""
    indicators: list[Indicator] = []
    """Sub-indicators (ตัวชี้วัดย่อย), in published order."""
    rollup: Rollup | None = None
    """How the indicator is computed from the units of the register (what each school reports, and how)."""
    feeds: Feeds | None = None
    """In a unit's own plan (a school's): the office indicator and question its actual answers (``{indicator: o2-1}``,
    ``key`` defaults to ``value``); see :mod:`eduplan.model.feeds`."""


def _goal_tag(value: Any) -> str:
    return "statement" if isinstance(value, dict | Statement) else "id"


GoalRef = Annotated[Annotated[Id, Tag("id")] | Annotated[Statement, Tag("statement")], Discriminator(_goal_tag)]
"""A goal a policy serves: the id of a plan goal, or a goal stated in the policy."""


class Policy(Model):
    """A policy or strategy (นโยบาย / ประเด็นยุทธศาสตร์ / กลยุทธ์) with its goals, targets, approaches and indicators.

    A policy may hold the policies of the next level (ประเด็นยุทธศาสตร์ -> กลยุทธ์, กลยุทธ์ -> กลยุทธ์ย่อย),
    to any depth; the plan's ``hierarchy`` names the levels.
    """

    id: Id
    """Stable identifier."""
    number: Number
    """Number as published."""
    title: Text
    """Title, exactly as published."""
    description: list[Text] = []
    """Paragraphs that explain the policy, as published."""
    goals: list[GoalRef] = []
    """The goals this policy serves: ids of the plan's goals, or goals stated here
    (เป้าประสงค์เชิงกลยุทธ์: ``{id, number, text}``)."""
    missions: list[Id] = []
    """Ids of the missions this policy serves."""
    targets: list[Statement] = []
    """Targets (เป้าหมาย), numbered like 1.1.x."""
    approaches: list[Statement] = []
    """Development approaches or measures (แนวทางการพัฒนา / มาตรการ), numbered like 1.2.x."""
    indicators: list[Indicator] = []
    """The indicator table (ตัวชี้วัด), in published order."""
    alignment: list[AlignmentRef] = []
    """Higher plans this policy serves, as codes of named schemes (the plan's links table)."""
    policies: list[Policy] = []
    """The policies of the next level (กลยุทธ์ of a ประเด็นยุทธศาสตร์, กลยุทธ์ย่อย of a กลยุทธ์)."""

    @property
    def own_goals(self) -> list[Statement]:
        """The goals stated inside this policy."""
        return [g for g in self.goals if isinstance(g, Statement)]

    @property
    def goal_ids(self) -> list[str]:
        """The ids of the plan's goals this policy names."""
        return [g for g in self.goals if isinstance(g, str)]


class Component(Model):
    """One element of a driving model, such as A1 Awareness."""

    code: Text
    """Code as published, such as A1 or P."""
    name: Text
    """Name, such as Awareness."""
    text: Text
    """Description, exactly as published."""


class ComponentGroup(Model):
    """A group of elements of a driving model, such as the 4A or the PLUS."""

    name: Text
    """Name of the group, such as 4A."""
    description: Text | None = None
    """Text that introduces the group."""
    components: list[Component] = []
    """The elements, in published order."""


class DrivingModel(Model):
    """How the office drives the plan, such as the 4A PLUS model."""

    name: Text
    """Name of the model, such as 4A PLUS."""
    title: Text | None = None
    """Section heading as published."""
    description: list[Text] = []
    """Paragraphs that introduce the model."""
    groups: list[ComponentGroup] = []
    """Groups of elements, in published order."""
    closing: Text | None = None
    """Text that ends the section, such as what the model aims at."""


class Quality(Model):
    """One quality the plan aims at, such as Q1 นักเรียนคุณภาพ, with its measures."""

    code: Text
    """Code, such as Q1."""
    name: Text
    """Name, such as นักเรียนคุณภาพ."""
    name_en: Text | None = None
    """English name as published, such as Quality Student."""
    definition: Text
    """Definition, exactly as published."""
    measures: list[Text] = []
    """What the quality is measured by (ประเด็น), in published order."""


class QualityFramework(Model):
    """The set of qualities the plan aims at, such as the 5Q."""

    name: Text
    """Name, such as 5Q."""
    items: list[Quality] = []
    """The qualities, in published order."""


class Acceptance(Model):
    """A finding the plan knowingly publishes, with the reason.

    An accepted finding still appears in every report, marked accepted, and does not fail the
    run. An acceptance that matches no finding is reported.
    """

    code: Text
    """Rule code of the accepted finding, such as TG02."""
    at: Text
    """What the finding is about: an item id (p3-i19) or an id-based path (p3-i19.targets.2567)."""
    reason: Text
    """Why the plan publishes it as it is."""


class Plan(Model):
    """A five-year educational development plan and, optionally, its annual cycle."""

    id: Id
    """Stable identifier of this plan, such as sesa-lampang-lamphun-2566-2570."""
    title: Text
    """Title as published."""
    office: Office
    """The publishing office."""
    period: Period
    """The Buddhist-Era years covered."""
    edition: Edition | None = None
    """Which edition this is."""
    source: Source | None = None
    """Where the data was transcribed from."""
    labels: dict[str, Text] = {}
    """Words shown to readers, overriding the defaults, such as {policy: กลยุทธ์}."""
    hierarchy: list[Text] = []
    """Names of the levels of policies, top first, such as [ประเด็นยุทธศาสตร์, กลยุทธ์]; without it every
    level is named by the label ``policy``."""
    vision: Text | None = None
    """Vision (วิสัยทัศน์)."""
    missions: list[Statement] = []
    """Missions (พันธกิจ)."""
    goals: list[Statement] = []
    """Goals (เป้าประสงค์)."""
    policies: list[Policy] = []
    """Policies or strategies; in a plan directory, one file each under policies/."""
    values: list[Text] = []
    """Shared values (ค่านิยม)."""
    context: list[Section] = []
    """Sections before the strategy: ข้อมูลพื้นฐาน (tables of counts), SWOT and environment analysis."""
    standards: list[Indicator] = []
    """The standards a school's plan follows (มาตรฐานการศึกษา), each with its items as sub-indicators,
    expected levels per year as targets and the scale as levels."""
    schemes: dict[Id, Scheme] = {}
    """Alignment schemes the plan names (higher plans, OBEC's Big Rock...), adding to or replacing the built-in ones."""
    budget_frame: BudgetFrame | None = None
    """The multi-year budget frame (กรอบงบประมาณรายจ่ายระยะ 5 ปี)."""
    monitoring: list[Section] = []
    """Sections after the strategy: monitoring and evaluation (การติดตามและประเมินผล), success factors."""
    driving_model: DrivingModel | None = None
    """How the plan is driven (such as 4A PLUS)."""
    qualities: QualityFramework | None = None
    """Qualities the plan aims at (such as 5Q)."""
    foreword: Foreword | None = None
    """The foreword (คำนำ) with its signer."""
    approval: Approval | None = None
    """The approval page (การให้ความเห็นชอบ) with its signatures."""
    annex: Annex | None = None
    """The annex (ภาคผนวก): orders, committees and other sections."""
    parts: Parts = []
    """The part headings of the plan book (ส่วนที่ 1 ...), each before the block of content it begins with."""

    accepted: list[Acceptance] = []
    """Findings this plan knowingly publishes, each with a reason."""
    action_plans: list[ActionPlan] = []
    """Annual action plans; in a plan directory, one file each under action-plans/."""
    reports: list[Report] = []
    """Annual performance reports; in a plan directory, one file each under reports/."""
    unit_register: Register | None = Field(default=None, alias="register")
    """The schools and offices the plan's figures are rolled up from (key ``register``); in a plan directory,
    register.yaml (or the files of register/) beside plan.yaml. (``register`` is a name pydantic keeps.)"""

    def action_plan_of(self, year: int) -> ActionPlan | None:
        """The action plan of ``year`` (fiscal or academic), the first one when there are two (AN06)."""
        return next((a for a in self.action_plans if a.year == year), None)
