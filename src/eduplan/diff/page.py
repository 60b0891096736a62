"""The "what changed" page: a diff as a view-model for ``templates/diff.html``.

The page goes through the render engine (:class:`eduplan.render.engine.Engine`): packaged
templates overridable with ``--templates DIR``, rendered in the sandbox
(:mod:`eduplan.render.sandbox`), strict undefined names, autoescaped HTML, and the documents'
stylesheet and embedded Thai font. The template sees only the frozen dataclasses below, plain
strings throughout, worded in the reader's language (:class:`.wording.Words`); the template
takes its fixed words from ``doc.L``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eduplan.diff.change import Change, DiffResult, Group, Level
from eduplan.diff.present import location, sections
from eduplan.diff.wording import Words
from eduplan.diff.words import compact
from eduplan.model import Plan

__all__ = ["ChangeView", "DiffPage", "ItemView", "SectionView", "build_page", "render_page"]


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One change as the page shows it.

    Attributes:
        severity: ``major``, ``warn``, ``minor`` or ``info`` (the CSS class).
        level: The level in words.
        kind: The kind in words, such as "ค่าเป้าหมายลดลง".
        path: The id-based path.
        detail: What changed, with the values.
        weakening: Whether it weakens the plan's commitments.
        words: The word diff (``=``, ``-``, ``+`` with text), long unchanged runs shortened.
        hint: A possible re-identification, or "".
        where: ``old.yaml:12 → new.yaml:14``, or "".
    """

    severity: str
    level: str
    kind: str
    path: str
    detail: str
    weakening: bool
    words: tuple[tuple[str, str], ...]
    hint: str
    where: str


@dataclass(frozen=True, slots=True)
class ItemView:
    """An indicator, statement or other item with its changes."""

    label: str
    id: str
    shown_id: str
    """The id readers see ("" for a plan section: ``id`` is then its key, for the anchor only)."""
    title: str
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True, slots=True)
class SectionView:
    """A policy or plan section with its own changes and its items' changes."""

    label: str
    id: str
    shown_id: str
    """The id readers see ("" for a plan section: ``id`` is then its key, for the anchor only)."""
    title: str
    changes: tuple[ChangeView, ...]
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class DiffPage:
    """Everything ``diff.html`` shows.

    Attributes:
        old: The earlier edition as named.
        new: The later edition as named.
        plan_title: The new edition's title.
        summary: ``เปลี่ยนแปลง 6 รายการ: ...`` or no changes, in the report's language.
        counts: (level, level in words, number in the report's digits) for every level with
            changes, major first.
        weakening: How many changes weaken the plan.
        sections: The changes per policy or plan section, in the new edition's order.
    """

    old: str
    new: str
    plan_title: str
    summary: str
    counts: tuple[tuple[str, str, str], ...]
    weakening: str
    sections: tuple[SectionView, ...]


def build_page(result: DiffResult, plan_title: str, words: Words) -> DiffPage:
    """The page's view-model of a diff."""
    counts = result.counts()
    weakening = counts["weakening"]
    return DiffPage(
        old=result.old_label,
        new=result.new_label,
        plan_title=plan_title,
        summary=words.summary(result),
        counts=tuple(
            (level.value, words.level(level), words.number(str(n)))
            for level in Level
            if (n := counts["by_severity"][level.value])
        ),
        weakening=words.number(str(weakening)) if weakening else "",
        sections=tuple(
            SectionView(
                *_names(section.group, words),
                changes=tuple(_change(c, words) for c in section.own),
                items=tuple(
                    ItemView(*_names(item, words), tuple(_change(c, words) for c in cs)) for item, cs in section.items
                ),
            )
            for section in sections(result)
        ),
    )


def render_page(result: DiffResult, new_plan: Plan, words: Words, templates: Path | None = None) -> str:
    """The diff as one self-contained HTML page (embedded font; ``SOURCE_DATE_EPOCH`` dates it).

    Raises:
        EduplanError: a template is missing or fails (with its file and line).
    """
    from eduplan.render import build_date
    from eduplan.render.engine import Engine
    from eduplan.render.views import Style, document

    style = Style(words.lang, words.digits, words.labels)
    title = f"{words['diff_page_title']}: {new_plan.title}"
    doc = document("diff", title, new_plan, style, build_date())
    return Engine(templates).render("diff.html", {"doc": doc, "diff": build_page(result, new_plan.title, words)})


def _names(group: Group, words: Words) -> tuple[str, str, str, str]:
    return words.heading(group), group.id, group.shown_id, group.title


def _change(change: Change, words: Words) -> ChangeView:
    return ChangeView(
        severity=change.severity.value,
        level=words.level(change.severity),
        kind=words.kind(change.kind),
        path=change.path,
        detail=words.detail(change),
        weakening=change.weakening,
        words=tuple(compact(list(change.words), context=60)),
        hint=words.hint(change),
        where=location(change),
    )
