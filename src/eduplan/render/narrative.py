"""The words of a performance report as its templates see them: foreword, narratives, signatures.

An action plan's foreword and signatures (ผู้เสนอ, ผู้เห็นชอบ) are built here too.

A report tells its year in words beside its tables (:mod:`eduplan.model.narrative`): for the whole
year (``summary``), for each policy (``policies``) and for each project (its result). Each
narrative becomes the parts it gives, in a fixed order (results, notable practice, problems,
suggestions), each with its heading; results are paragraphs, the others numbered points. The
foreword (คำนำ) and the signatures (ผู้รายงาน, ผู้รับรอง) print names, positions and dates exactly as
written, the dates in the document's calendar and digits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eduplan.model import Narrative, Plan, Project, ProjectResult, Report
from eduplan.model.front import Foreword, Month, Signed, Signer
from eduplan.render.style import Style
from eduplan.words.thai import MONTHS, with_digits

__all__ = [
    "ForewordView",
    "NarrativePart",
    "NarrativeView",
    "ProjectNarrativeView",
    "ReportWords",
    "SignatureView",
    "build_foreword",
    "build_narrative",
    "build_signatures",
    "policy_narratives",
    "project_narratives",
    "report_words",
    "signed_on",
]

_PARTS = (
    ("results", "narrative_results"),
    ("highlights", "narrative_highlights"),
    ("problems", "narrative_problems"),
    ("suggestions", "narrative_suggestions"),
)
"""The parts of a narrative in printed order, with their headings' labels: what was done and what stood out,
then what stood in the way and what to do next."""


@dataclass(frozen=True, slots=True)
class NarrativePart:
    """One part of a narrative.

    Attributes:
        key: ``results``, ``highlights``, ``problems`` or ``suggestions`` (also a CSS class).
        heading: Its heading (ผลการดำเนินงาน, ปัญหาอุปสรรค ...).
        points: Its paragraphs (results) or points (the others), exactly as written.
        numbers: The points' numbers (``1.``, ``2.``) in the document's digits; empty for paragraphs.
    """

    key: str
    heading: str
    points: tuple[str, ...]
    numbers: tuple[str, ...]

    @property
    def numbered(self) -> tuple[tuple[str, str], ...]:
        """The points with their numbers, as (number, point) pairs."""
        return tuple(zip(self.numbers, self.points, strict=True))


@dataclass(frozen=True, slots=True)
class NarrativeView:
    """The parts a narrative gives, in printed order (never an empty part)."""

    parts: tuple[NarrativePart, ...]

    def only(self, *keys: str) -> NarrativeView:
        """The same narrative with only the parts named by ``keys``."""
        return NarrativeView(tuple(p for p in self.parts if p.key in keys))


@dataclass(frozen=True, slots=True)
class ProjectNarrativeView:
    """A project's narrative in the report: its heading (โครงการที่ 1), name and the parts it gives."""

    anchor: str
    heading: str
    name: str
    narrative: NarrativeView


@dataclass(frozen=True, slots=True)
class SignatureView:
    """A signature block, as printed under a dotted line.

    Attributes:
        action: What the signature does (ผู้รายงาน, ผู้รับรอง), as written, or None.
        name: The name in parentheses: (นางสาวสมใจ ตั้งใจงาน).
        position: The position as written.
        body: The body signed for, or None.
        date: When it was signed, in words, or None.
    """

    action: str | None
    name: str
    position: str
    body: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class ForewordView:
    """The foreword (คำนำ).

    Attributes:
        title: Its heading: the published one, else the label (คำนำ).
        paragraphs: Its paragraphs, as written.
        signer: Who signs it (name and position), or None.
        by: Who signs it when no person does (a group, an office), or None.
        date: When it was signed, in words, or None.
    """

    title: str
    paragraphs: tuple[str, ...]
    signer: SignatureView | None
    by: str | None
    date: str | None


def signed_on(value: dt.date | Month, style: Style) -> str:
    """A signature's date: a day (31 ตุลาคม 2567) or a month (ตุลาคม 2567), with the Buddhist-Era year."""
    if isinstance(value, dt.date):
        return style.date(value)
    month = MONTHS[style.lang][value.month - 1]
    year = value.year + 543
    return with_digits(f"{month} {year}" if style.lang == "th" else f"{month} B.E. {year}", style.digits)


def build_narrative(narrative: Narrative | None, style: Style) -> NarrativeView | None:
    """The parts a narrative gives, with their headings; None when it gives none."""
    if narrative is None:
        return None
    parts = []
    for key, label in _PARTS:
        points = tuple(getattr(narrative, key))
        if points:
            numbers = () if key == "results" else tuple(style.digits_of(f"{n}.") for n in range(1, len(points) + 1))
            parts.append(NarrativePart(key, style.labels[label], points, numbers))
    return NarrativeView(tuple(parts)) if parts else None


def policy_narratives(report: Report, style: Style) -> dict[str, NarrativeView]:
    """Each policy's narrative by the policy's id (the first entry for a policy: rule AN08 reports the others)."""
    out: dict[str, NarrativeView] = {}
    for told in report.policies:
        view = build_narrative(told, style)
        if told.policy not in out and view is not None:
            out[told.policy] = view
    return out


def project_narratives(plan: Plan, report: Report, style: Style) -> tuple[ProjectNarrativeView, ...]:
    """The narratives of the projects, in the project table's order (the action plan's, then the others)."""
    annual = plan.action_plan_of(report.year)
    projects: dict[str, tuple[int, Project]] = {
        p.id: (n, p) for n, p in enumerate(annual.projects if annual else [], start=1)
    }
    results: dict[str, ProjectResult] = {}
    for result in report.projects:
        results.setdefault(result.project, result)
    order = [p for p in projects if p in results] + [r for r in results if r not in projects]
    out = []
    for ident in order:
        view = build_narrative(results[ident], style)
        if view is None:
            continue
        if ident in projects:
            place, project = projects[ident]
            number = project.number if project.number is not None else str(place)
            heading, name = style.labels.format("project_numbered", number=style.digits_of(number)), project.name
        else:
            heading, name = style.labels["empty"], style.labels.format("not_in_action_plan", id=ident)
        out.append(ProjectNarrativeView(f"project-{ident}-narrative", heading, name, view))
    return tuple(out)


def _signature(signer: Signer, style: Style) -> SignatureView:
    signed = signer if isinstance(signer, Signed) else None
    return SignatureView(
        action=signed.action if signed else None,
        name=style.labels.format("signer_name", name=signer.name),
        position=signer.position,
        body=signed.body if signed else None,
        date=signed_on(signed.date, style) if signed and signed.date else None,
    )


def build_signatures(signatures: list[Signed], style: Style) -> tuple[SignatureView, ...]:
    """A document's signature blocks (a report's, an action plan's), in printed order."""
    return tuple(_signature(s, style) for s in signatures)


def build_foreword(foreword: Foreword | None, style: Style) -> ForewordView | None:
    """The foreword as printed, or None when the report has none."""
    if foreword is None:
        return None
    return ForewordView(
        title=foreword.title or style.labels["foreword"],
        paragraphs=tuple(foreword.text),
        signer=_signature(foreword.signer, style) if foreword.signer else None,
        by=foreword.by,
        date=signed_on(foreword.date, style) if foreword.date else None,
    )


@dataclass(frozen=True, slots=True)
class ReportWords:
    """What a report says in words besides its tables.

    Attributes:
        foreword: The foreword (คำนำ), or None.
        summary: The year's results in words (the summary's ``results``): paragraphs under the report's summary.
        closing: The year's notable practice, problems and suggestions, or None.
        projects: The projects' narratives, in the project table's order.
        signatures: The signature blocks, in printed order.
    """

    foreword: ForewordView | None
    summary: tuple[str, ...]
    closing: NarrativeView | None
    projects: tuple[ProjectNarrativeView, ...]
    signatures: tuple[SignatureView, ...]


def report_words(plan: Plan, report: Report, style: Style) -> ReportWords:
    """The foreword, the year's narrative, the projects' narratives and the signatures of a report."""
    summary = build_narrative(report.summary, style)
    closing = summary.only("highlights", "problems", "suggestions") if summary else None
    return ReportWords(
        foreword=build_foreword(report.foreword, style),
        summary=tuple(report.summary.results) if report.summary else (),
        closing=closing if closing and closing.parts else None,
        projects=project_narratives(plan, report, style),
        signatures=build_signatures(report.signatures, style),
    )
