"""The five-year educational development plan (แผนพัฒนาการศึกษา) as data.

A plan is a tree: metadata, vision, missions, goals, policies (each with targets, development
approaches and indicators), values, the driving model (4A PLUS) and the qualities (5Q).
Annual action plans and performance reports (see :mod:`eduplan.model.annual`) hang off the
same plan and refer to its items by id.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from eduplan.model.annual import ActionPlan, Report
from eduplan.model.common import BEYear, Direction, Id, Kind, Model, Number, Statement, Target, Text

__all__ = [
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


class Period(Model):
    """The Buddhist-Era years the plan covers, both inclusive."""

    start: BEYear
    """First year, such as 2566."""
    end: BEYear
    """Last year, such as 2570."""

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


class Source(Model):
    """Where the data was transcribed from."""

    url: Text | None = None
    """Address of the published document."""
    retrieved: dt.date | None = Field(default=None, strict=False)
    """When it was read (YYYY-MM-DD)."""
    note: Text | None = None
    """How it was transcribed, and anything a reader should know about it."""


class Baseline(Model):
    """The value an indicator starts from."""

    year: BEYear
    """Year the baseline was measured."""
    value: Target
    """The measured value."""
    source: Text | None = None
    """Where the value comes from."""


class Indicator(Model):
    """An indicator (ตัวชี้วัด) with its yearly targets (ค่าเป้าหมาย)."""

    id: Id
    """Stable identifier; it survives renumbering and rewording."""
    number: Number
    """Number as published in the indicator table (ที่)."""
    name: Text
    """Indicator text (ตัวชี้วัด), exactly as published."""
    unit: Text | None = None
    """Unit of measure (หน่วยนับ) as published, such as ร้อยละ; absent when the cell is empty."""
    kind: Kind
    """What the targets are: percent, count, score, level or qualitative."""
    direction: Direction = "higher-is-better"
    """Whether higher values are better, lower values are better, or a value is to be kept."""
    levels: list[Text] | None = None
    """For level indicators: the scale, from worst to best, such as [พอใช้, ดี, ดีมาก]."""
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


class Policy(Model):
    """A policy or strategy (นโยบาย / กลยุทธ์) with its targets, approaches and indicators."""

    id: Id
    """Stable identifier."""
    number: Number
    """Number as published."""
    title: Text
    """Title, exactly as published."""
    goals: list[Id] = []
    """Ids of the goals this policy serves."""
    missions: list[Id] = []
    """Ids of the missions this policy serves."""
    targets: list[Statement] = []
    """Targets (เป้าหมาย), numbered like 1.1.x."""
    approaches: list[Statement] = []
    """Development approaches (แนวทางการพัฒนา), numbered like 1.2.x."""
    indicators: list[Indicator] = []
    """The indicator table (ตัวชี้วัด), in published order."""


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
    driving_model: DrivingModel | None = None
    """How the plan is driven (such as 4A PLUS)."""
    qualities: QualityFramework | None = None
    """Qualities the plan aims at (such as 5Q)."""
    accepted: list[Acceptance] = []
    """Findings this plan knowingly publishes, each with a reason."""
    action_plans: list[ActionPlan] = []
    """Annual action plans; in a plan directory, one file each under action-plans/."""
    reports: list[Report] = []
    """Annual performance reports; in a plan directory, one file each under reports/."""
