"""What a site publishes: plans grouped into families of editions, and the document of each year.

Editions of one plan name each other: the revised edition says ``edition.revision_of: <first id>``.
Plans linked that way are one *family*: one history, one set of pages. A family is keyed by the
id its chain starts from (the first edition's id, even when only a revision is given), so its
permalinks stay the same when editions are added.

Each edition may carry the action plans and reports of the years it was in force, and a revised
edition often carries copies of earlier years. The site lists each year's document once, from the
edition that was *in force* that year: the latest edition published before the year ended (an
edition without a date counts as in force from the start); when none was, the first that has one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.model import ActionPlan, Plan, Report
from eduplan.model.common import YearKind
from eduplan.words.thai import year_span

__all__ = ["Edition", "Family", "YearDocument", "families"]


@dataclass(frozen=True, slots=True)
class Edition:
    """One edition of a plan as it was loaded.

    Attributes:
        plan: The plan.
        root: The plan's folder or file, as the user named it.
        files: Every file it was read from (inputs the site may not write over).
    """

    plan: Plan
    root: Path
    files: tuple[str, ...] = ()

    @property
    def published(self) -> dt.date | None:
        """The edition's publication date, if the plan gives one."""
        return self.plan.edition.published if self.plan.edition else None

    def in_force(self, year: int, kind: YearKind) -> bool:
        """Whether the edition was published by the end of ``year`` (undated editions always were)."""
        published = self.published
        return published is None or published <= year_span(kind, year)[1]


@dataclass(frozen=True, slots=True)
class YearDocument:
    """The action plan or report of one year, with the edition it is published from."""

    kind: Literal["action-plan", "report"]
    year: int
    edition: Edition
    document: ActionPlan | Report


@dataclass(frozen=True, slots=True)
class Family:
    """The editions of one plan, oldest first, and the documents of each year."""

    key: str
    editions: tuple[Edition, ...]

    @property
    def latest(self) -> Edition:
        """The newest edition."""
        return self.editions[-1]

    def previous(self, edition: Edition) -> Edition | None:
        """The edition before ``edition``, or None for the first."""
        index = self.editions.index(edition)
        return self.editions[index - 1] if index else None

    def in_force(self, year: int) -> Edition:
        """The edition in force in ``year``: the latest published by its end, else the first."""
        kind = self.latest.plan.period.year
        return next((e for e in reversed(self.editions) if e.in_force(year, kind)), self.editions[0])

    def documents(self, kind: Literal["action-plan", "report"]) -> list[YearDocument]:
        """Every year's action plan (or report), newest year first, each from the edition in force (see the module)."""
        found: dict[int, list[tuple[Edition, ActionPlan | Report]]] = {}
        for edition in self.editions:
            documents: Sequence[ActionPlan | Report] = (
                edition.plan.action_plans if kind == "action-plan" else edition.plan.reports
            )
            seen: set[int] = set()
            for document in documents:
                if document.year not in seen:  # a second document of a year is a finding of validate
                    seen.add(document.year)
                    found.setdefault(document.year, []).append((edition, document))
        chosen = []
        for year, candidates in found.items():
            edition, document = next(
                (c for c in reversed(candidates) if c[0].in_force(year, c[1].year_kind)), candidates[0]
            )
            chosen.append(YearDocument(kind, year, edition, document))
        return sorted(chosen, key=lambda d: -d.year)


def _root(plan: Plan, by_id: dict[str, Plan]) -> str:
    """The id a plan's chain of ``revision_of`` starts from (a loop: its smallest id)."""
    seen: list[str] = []
    current: str | None = plan.id
    while current is not None and current not in seen:
        seen.append(current)
        known = by_id.get(current)
        current = known.edition.revision_of if known is not None and known.edition else None
    if current is not None:  # a loop of revisions
        return min(seen)
    return seen[-1]


def _depth(plan: Plan, by_id: dict[str, Plan]) -> int:
    depth, current, seen = 0, plan, {plan.id}
    while current.edition and current.edition.revision_of in by_id and current.edition.revision_of not in seen:
        current = by_id[current.edition.revision_of]
        seen.add(current.id)
        depth += 1
    return depth


def families(editions: Iterable[Edition]) -> list[Family]:
    """The plans given, grouped into families of editions, in the order their first plan was given.

    Raises:
        UsageError: two plans given have the same id.
    """
    given = list(editions)
    by_id: dict[str, Plan] = {}
    for edition in given:
        plan = edition.plan
        if plan.id in by_id:
            raise UsageError(
                _("two plans given have the id {id!r}; give each plan once (editions need ids of their own)").format(
                    id=plan.id
                )
            )
        by_id[plan.id] = plan
    grouped: dict[str, list[tuple[int, int, Edition]]] = {}
    for order, edition in enumerate(given):
        key = _root(edition.plan, by_id)
        grouped.setdefault(key, []).append((_depth(edition.plan, by_id), order, edition))
    return [
        Family(key, tuple(e for _depth_of, _order, e in sorted(members, key=lambda m: (m[0], _date(m[2]), m[1]))))
        for key, members in grouped.items()
    ]


def _date(edition: Edition) -> dt.date:
    return edition.published or dt.date.min
