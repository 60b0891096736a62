"""A family's indicators, policies and projects across its editions and years.

The site follows each item by its id: an indicator of the first edition and of the revision is
one indicator with two sets of targets. Its actual of a year comes from that year's published
report (:meth:`~eduplan.site.sources.Family.documents`), and its status from
:func:`eduplan.analysis.status.year_status` on the edition that report belongs to, so the site
says exactly what the report says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from eduplan.analysis.status import IndicatorStatus, YearStatus, year_status
from eduplan.model import ActionPlan, Project, Report
from eduplan.model.common import Target
from eduplan.model.rollup import RolledUp
from eduplan.model.walk import IndicatorAt, PolicyAt, all_indicators, all_policies
from eduplan.site.sources import Edition, Family, YearDocument

__all__ = ["History", "ProjectYear"]


@dataclass(frozen=True, slots=True)
class ProjectYear:
    """A project in the action plan of one year."""

    year: int
    edition: Edition
    project: Project
    place: int
    """Its index in the action plan's projects."""


@dataclass
class History:
    """What the site shows of one family, worked out once.

    Attributes:
        family: The family.
    """

    family: Family
    _status: dict[int, YearStatus] = field(default_factory=dict)

    @cached_property
    def reports(self) -> list[YearDocument]:
        """The published report of each year, oldest year first."""
        return sorted(self.family.documents("report"), key=lambda d: d.year)

    @cached_property
    def action_plans(self) -> list[YearDocument]:
        """The published action plan of each year, oldest year first."""
        return sorted(self.family.documents("action-plan"), key=lambda d: d.year)

    @cached_property
    def indicators(self) -> dict[str, list[tuple[Edition, IndicatorAt]]]:
        """Every indicator, sub-indicator and standard by id: where it is in each edition that has it.

        In the order of the latest edition, then those only earlier editions have (removed since).
        """
        found: dict[str, list[tuple[Edition, IndicatorAt]]] = {}
        for edition in reversed(self.family.editions):
            for at in all_indicators(edition.plan):
                found.setdefault(at.indicator.id, []).insert(0, (edition, at))
        return found

    @cached_property
    def policies(self) -> dict[str, list[tuple[Edition, PolicyAt]]]:
        """Every policy of every level by id: where it is in each edition that has it (latest edition's order first)."""
        found: dict[str, list[tuple[Edition, PolicyAt]]] = {}
        for edition in reversed(self.family.editions):
            for at in all_policies(edition.plan):
                found.setdefault(at.policy.id, []).insert(0, (edition, at))
        return found

    @cached_property
    def projects(self) -> dict[str, list[ProjectYear]]:
        """Every project of the published action plans by id, each year it is in (oldest first)."""
        found: dict[str, list[ProjectYear]] = {}
        for document in self.action_plans:
            assert isinstance(document.document, ActionPlan)
            for place, project in enumerate(document.document.projects):
                found.setdefault(project.id, []).append(ProjectYear(document.year, document.edition, project, place))
        return found

    @cached_property
    def years(self) -> list[int]:
        """Every year of every edition's period, and every year with a document, in order."""
        years = {y for e in self.family.editions for y in e.plan.period.years}
        years |= {d.year for d in [*self.reports, *self.action_plans]}
        return sorted(years)

    def report_of(self, year: int) -> YearDocument | None:
        """The report published for ``year``, or None."""
        return next((d for d in self.reports if d.year == year), None)

    def year_status(self, year: int) -> YearStatus | None:
        """The status of every indicator in a reported year, judged on the report's edition (None: no report)."""
        if year not in self._status:
            report = self.report_of(year)
            if report is None:
                return None
            self._status[year] = year_status(report.edition.plan, year)
        return self._status[year]

    @cached_property
    def statuses(self) -> dict[str, dict[int, IndicatorStatus]]:
        """Indicator id -> reported year -> its status that year (sub-indicators and standards included)."""
        found: dict[str, dict[int, IndicatorStatus]] = {}
        for document in self.reports:
            statuses = self.year_status(document.year)
            assert statuses is not None
            for whole in statuses.indicators:
                for status in whole.walk():
                    found.setdefault(status.indicator, {}).setdefault(document.year, status)
        return found

    @cached_property
    def actuals(self) -> dict[str, dict[int, Target]]:
        """Indicator id -> year -> the value its year's published report gives (reports without a value skipped)."""
        found: dict[str, dict[int, Target]] = {}
        for document in self.reports:
            assert isinstance(document.document, Report)
            for actual in document.document.actuals:
                if actual.value is not None:
                    found.setdefault(actual.indicator, {}).setdefault(document.year, actual.value)
        return found

    @cached_property
    def rolled_up(self) -> dict[str, dict[int, RolledUp]]:
        """Indicator id -> year -> what its rolled-up actual is made of (``eduplan rollup --write``), when it is."""
        found: dict[str, dict[int, RolledUp]] = {}
        for document in self.reports:
            assert isinstance(document.document, Report)
            for actual in document.document.actuals:
                if actual.rolled_up is not None:
                    found.setdefault(actual.indicator, {}).setdefault(document.year, actual.rolled_up)
        return found

    def latest(self, indicator_id: str) -> tuple[Edition, IndicatorAt]:
        """The newest edition that has the indicator, and where it is there."""
        return self.indicators[indicator_id][-1]

    def serving(self, indicator_id: str) -> list[ProjectYear]:
        """The projects that name the indicator (or one of its sub-indicators), oldest year first."""
        ids = {indicator_id}
        stack = list(self.latest(indicator_id)[1].indicator.indicators)
        while stack:
            part = stack.pop()
            ids.add(part.id)
            stack.extend(part.indicators)
        every = [p for years in self.projects.values() for p in years if ids & set(p.project.indicators)]
        return sorted(every, key=lambda p: p.year)
