"""The home page, in the shape offices publish: the plan editions, then action plans and reports by year.

Offices list their plans on a page of their web site (แผนพัฒนาหน่วยงาน): each edition of the five-year
plan, newest first, then the action plan of each fiscal year and the performance report of each year,
each as a PDF. The home page keeps that shape and adds, for every document, the page to read online
and its Word file; then the family's strategy, its progress pages and the open data.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.model.walk import all_policies
from eduplan.render.style import Style, levels_heading
from eduplan.site import paths
from eduplan.site.chrome import Link, Place
from eduplan.site.scope import Scope, document_title
from eduplan.site.sources import Edition, YearDocument

__all__ = [
    "DocumentEntry",
    "FamilySection",
    "HomeView",
    "PolicyEntry",
    "build_section",
    "data_links",
    "edition_name",
    "size_text",
]

_FORMATS = (("pdf", "PDF"), ("docx", "Word"))


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """One document of the list: its title, a few facts, its page and its downloads.

    Attributes:
        title: The document's title.
        notes: Facts under the title (the edition, its date), as (word, value) pairs.
        page: The document's page on the site.
        files: Its PDF and Word files, each with its size (only those that were made).
        changes: The page of what changed since the previous edition, for a revised plan.
    """

    title: str
    notes: tuple[tuple[str, str], ...]
    page: Link
    files: tuple[Link, ...]
    changes: Link | None = None


@dataclass(frozen=True, slots=True)
class PolicyEntry:
    """A policy in the list of the strategy, indented by its level."""

    depth: int
    heading: str
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class FamilySection:
    """One plan's documents and pages (a site of several plans has a section for each).

    Attributes:
        anchor: HTML id of the section (the family's key).
        office: The office's name.
        title: The latest edition's title.
        plans: Every edition, newest first.
        action_plans: Every year's action plan, newest first.
        reports: Every year's report, newest first.
        policies_heading: Heading of the strategy's list (ประเด็นยุทธศาสตร์/กลยุทธ์).
        policies: Every policy of the latest edition (and those only earlier editions have).
        pages: The family's own pages: progress, indicators.
    """

    anchor: str
    office: str
    title: str
    plans: tuple[DocumentEntry, ...]
    action_plans: tuple[DocumentEntry, ...]
    reports: tuple[DocumentEntry, ...]
    policies_heading: str
    policies: tuple[PolicyEntry, ...]
    pages: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class HomeView:
    """The home page.

    Attributes:
        title: The page's heading (the office's name when the site has one office).
        families: One section per plan.
        data: The open data downloads.
        no_pdf: A note when the PDFs were not made, else None.
    """

    title: str
    families: tuple[FamilySection, ...]
    data: tuple[Link, ...]
    no_pdf: str | None


def size_text(size: int, style: Style) -> str:
    """A file size for people: ``540 KB``, ``1.2 MB``."""
    if size >= 1_000_000:
        return f"{style.number(round(size / 1_000_000, 1))} MB"
    return f"{style.number(max(1, round(size / 1000)))} KB"


def _files(scope: Scope, place: Place, edition: Edition, kind: str, year: int | None) -> tuple[Link, ...]:
    style = scope.style(edition)
    links = []
    for fmt, word in _FORMATS:
        path = paths.download(scope.key, edition.plan, kind, year, fmt)
        if path in scope.files:
            key = "site_download" if scope.files_lang in (None, scope.tree.lang) else "site_download_thai"
            text = style.labels.format(key, format=word, size=size_text(scope.files[path], style))
            links.append(Link(place.to_file(path), text))
    return tuple(links)


def _edition_entry(scope: Scope, place: Place, edition: Edition) -> DocumentEntry:
    plan = edition.plan
    style = scope.style(edition)
    labels = style.labels
    notes = []
    if plan.edition and plan.edition.label:
        notes.append((labels["edition"], plan.edition.label))
    if edition.published:
        notes.append((labels["published"], style.date(edition.published)))
    previous = scope.family.previous(edition)
    changes = Link(place.to(paths.changes(scope.key, plan)), labels["site_changes_link"]) if previous else None
    return DocumentEntry(
        title=plan.title,
        notes=tuple(notes),
        page=Link(place.to(paths.document(scope.key, plan, "plan")), labels["site_read"]),
        files=_files(scope, place, edition, "plan", None),
        changes=changes,
    )


def _year_entry(scope: Scope, place: Place, document: YearDocument) -> DocumentEntry:
    style = scope.style(document.edition)
    labels = style.labels
    word = labels["academic_year" if document.document.year_kind == "academic" else "fiscal_year"]
    notes: tuple[tuple[str, str], ...] = ((word, style.year(document.year)),)
    if len(scope.family.editions) > 1:
        notes += ((labels["edition"], edition_name(document.edition)),)
    page = paths.document(scope.key, document.edition.plan, document.kind, document.year)
    return DocumentEntry(
        title=document_title(document, style),
        notes=notes,
        page=Link(place.to(page), labels["site_read"]),
        files=_files(scope, place, document.edition, document.kind, document.year),
    )


def edition_name(edition: Edition) -> str:
    """An edition as readers know it: its label (ฉบับทบทวน พ.ศ. 2568), else its plan's id."""
    plan = edition.plan
    return plan.edition.label if plan.edition and plan.edition.label else plan.id


def build_section(scope: Scope, place: Place) -> FamilySection:
    """A family's section of the home page, its links made from ``place``."""
    latest = scope.family.latest
    style = scope.style()
    labels = style.labels
    history = scope.history
    policies = []
    for policy_id, found in history.policies.items():
        edition, at = found[-1]
        number = scope.style(edition).digits_of(at.policy.number)
        policies.append(
            PolicyEntry(
                at.depth,
                scope.style(edition).labels.level_numbered(at.depth, number),
                at.policy.title,
                place.to(paths.policy(scope.key, policy_id)),
            )
        )
    return FamilySection(
        anchor=scope.key,
        office=latest.plan.office.name,
        title=latest.plan.title,
        plans=tuple(_edition_entry(scope, place, e) for e in reversed(scope.family.editions)),
        action_plans=tuple(_year_entry(scope, place, d) for d in reversed(history.action_plans)),
        reports=tuple(_year_entry(scope, place, d) for d in reversed(history.reports)),
        policies_heading=levels_heading(labels, (at.depth for at in all_policies(latest.plan))),
        policies=tuple(policies),
        pages=(
            Link(place.to(paths.status(scope.key)), labels["site_status"]),
            Link(place.to(paths.indicators(scope.key)), labels["site_indicators"]),
            *([Link(place.to(paths.units(scope.key)), labels["site_units"])] if latest.plan.unit_register else []),
        ),
    )


def data_links(place: Place, style: Style) -> tuple[Link, ...]:
    """The open data: the indicator table as CSV and Excel, and the data package that describes it."""
    labels = style.labels
    return (
        Link(place.to_file(f"{paths.DATA}/indicators.csv"), labels["site_data_csv"]),
        Link(place.to_file(f"{paths.DATA}/indicators.xlsx"), labels["site_data_xlsx"]),
        Link(place.to_file(f"{paths.DATA}/datapackage.json"), labels["site_data_package"]),
    )
