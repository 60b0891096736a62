"""What every diff reporter shares: changes grouped under headings, locations, shortened titles.

The words themselves (headings, sentences, the summary line) come from :mod:`.wording`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eduplan.diff.change import Change, DiffResult, Group
from eduplan.diff.words import clusters
from eduplan.findings import Span

__all__ = ["Section", "location", "sections", "shorten"]


@dataclass
class Section:
    """Changes under one heading (a policy or plan section), split per item.

    Attributes:
        group: The heading.
        own: Changes of the group itself (a policy's title, the vision).
        items: Changes per item (indicator, statement), in order, with the item's heading.
    """

    group: Group
    own: list[Change] = field(default_factory=list)
    items: list[tuple[Group, list[Change]]] = field(default_factory=list)


def sections(result: DiffResult) -> list[Section]:
    """The changes grouped per policy (or plan section) and per item, keeping their order."""
    out: list[Section] = []
    for change in result.changes:
        if not out or out[-1].group.id != change.group:
            out.append(Section(result.groups.get(change.group, Group(change.group, change.group))))
        section = out[-1]
        if change.item is None:
            section.own.append(change)
            continue
        if not section.items or section.items[-1][0].id != change.item:
            section.items.append((result.groups.get(change.item, Group(change.item, change.item)), []))
        section.items[-1][1].append(change)
    return out


def location(change: Change) -> str:
    """``old.yaml:12 → new.yaml:14``, or one side when the other is unknown."""
    old, new = _where(change.old_span), _where(change.new_span)
    if old and new:
        return f"{old} → {new}"
    return old or new


def _where(span: Span | None) -> str:
    return f"{span.file}:{span.line}" if span else ""


def shorten(text: str, limit: int = 90) -> str:
    """``text`` cut to about ``limit`` characters between Thai clusters, with ``…``."""
    if len(text) <= limit:
        return text
    out = ""
    for token in clusters(text):
        if len(out) + len(token) > limit - 1:
            break
        out += token
    return out.rstrip() + "…"
