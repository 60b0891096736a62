"""The parts of a plan book around its strategy: context sections, alignment schemes, the budget frame.

A full plan document opens with ข้อมูลพื้นฐาน (counts of schools, students and teachers by district
and size) and an environment analysis (SWOT), links its strategy to higher plans, frames its
budget over the years and closes with monitoring and evaluation. These are data too: tables
keep their numbers, so later editions can be compared.
"""

from __future__ import annotations

from pydantic import model_validator

from eduplan.i18n import _
from eduplan.model.common import BEYear, Id, Model, Money, Num, Number, PlanValueError, Text

__all__ = ["BudgetFrame", "BudgetLine", "Scheme", "Section", "Swot", "Table"]

Cell = Num | Text | None
"""A table cell: a number, a text, or empty."""


class Table(Model):
    """A table of the plan, such as the numbers of schools and students by district."""

    title: Text | None = None
    """Caption as published."""
    columns: list[Text]
    """Column headings, left to right."""
    rows: list[list[Cell]] = []
    """The rows, each with one cell per column (numbers stay numbers)."""
    unit: Text | None = None
    """What the numbers count, when the whole table counts one thing (คน, โรง)."""
    source: Text | None = None
    """Where the figures come from, and as of when (ข้อมูล ณ 10 มิถุนายน 2566)."""

    @model_validator(mode="after")
    def _rows_fit(self) -> Table:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise PlanValueError(
                    _("row {number} has {cells} cells but the table has {columns} columns").format(
                        number=number, cells=len(row), columns=len(self.columns)
                    )
                )
        return self


class Swot(Model):
    """An environment analysis (การวิเคราะห์สภาพแวดล้อม SWOT)."""

    strengths: list[Text] = []
    """Strengths (จุดแข็ง)."""
    weaknesses: list[Text] = []
    """Weaknesses (จุดอ่อน)."""
    opportunities: list[Text] = []
    """Opportunities (โอกาส)."""
    threats: list[Text] = []
    """Threats (อุปสรรค / ภัยคุกคาม)."""


class Section(Model):
    """A section of the plan book: paragraphs, tables, a SWOT and sub-sections, in that order."""

    id: Id
    """Stable identifier."""
    number: Number | None = None
    """Number as published."""
    title: Text
    """Heading as published, such as ข้อมูลพื้นฐาน."""
    paragraphs: list[Text] = []
    """Text, one paragraph each."""
    items: list[Text] = []
    """A list of points, as published."""
    tables: list[Table] = []
    """Tables, in published order."""
    swot: Swot | None = None
    """An environment analysis."""
    sections: list[Section] = []
    """Sub-sections."""


class Scheme(Model):
    """A scheme of codes that projects and policies align with: a higher plan, OBEC's Big Rock, a policy list."""

    title: Text
    """Name shown to readers, such as นโยบาย สพฐ. or Big Rock."""
    source: Text | None = None
    """The document the codes come from."""
    codes: dict[Text, Text] = {}
    """Code -> title, such as "1": ความปลอดภัย; empty when any code is accepted."""


class BudgetLine(Model):
    """One line of a budget frame: a policy, a project or a budget item, with money per year."""

    name: Text
    """What the money is for, as published."""
    policy: Id | None = None
    """Id of the policy the line funds, when it funds one."""
    years: dict[BEYear, Money] = {}
    """Baht per Buddhist-Era year."""
    source: Text | None = None
    """Where the money comes from (งบประมาณ สพฐ., เงินนอกงบประมาณ)."""


class BudgetFrame(Model):
    """The multi-year budget frame (กรอบงบประมาณรายจ่ายระยะ 5 ปี)."""

    title: Text | None = None
    """Heading as published."""
    lines: list[BudgetLine] = []
    """The lines, in published order."""
    note: Text | None = None
    """What a reader should know, such as that the figures are estimates."""
