"""Accepted findings: what a plan knowingly publishes, with the reason.

A plan's ``accepted`` list names findings by code and by ``at``: an item id (``p3-i19``) or an
id-based path (``p3-i19.targets.2567``). A finding matches when its code (or dotted name) is
the acceptance's code and its own id-based path equals ``at``, lies under it, or belongs to an
item with that id. Matching findings are marked accepted (they are still reported, with the
reason, and do not fail the run). An acceptance that matches nothing is reported: as AC02
(an error) when its ``at`` names something the plan no longer has, as AC01 otherwise. A plan
that lost items while loading is not judged so: what is missing is reported by the loader.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from eduplan.findings import CodeInfo, Finding, Severity
from eduplan.i18n import _
from eduplan.load.source import SourceMap
from eduplan.model import Acceptance, Plan

__all__ = ["ACCEPTANCE_CODES", "Scoped", "apply_acceptances"]

ACCEPTANCE_CODES: dict[str, CodeInfo] = {
    "AC01": CodeInfo(
        "AC01",
        "accepted.unmatched",
        Severity.WARNING,
        "An entry of the plan's accepted list matches no finding.",
        """An entry of the plan's accepted list matches no finding.

An acceptance records a finding the plan publishes on purpose. When the data is corrected, or
the code or ``at`` is mistyped, the acceptance no longer matches anything and would silently
hide the next finding of that kind there: remove or correct it. Acceptances of rules that
were not run (``--select``/``--ignore``) are not reported.

*Fails:*

```yaml
accepted:
  - {code: TG02, at: p3-i19, reason: published so}   # p3-i19's targets now rise every year
```

*Passes:*

```yaml
accepted: []
```""",
    ),
    "AC02": CodeInfo(
        "AC02",
        "accepted.gone",
        Severity.ERROR,
        "An entry of the plan's accepted list names something the plan no longer has.",
        """An entry of the plan's accepted list names something the plan no longer has.

The ``at`` of an acceptance is an item id (``p3-i19``) or an id-based path
(``p3-i19.targets.2567``). When that item or value is gone (deleted, renamed, or its policy
file lost), the acceptance accepts nothing and the data it was about is missing: the run
fails until the data is restored or the acceptance removed. (When the item is there and only
the finding is gone, that is AC01, a warning.)

*Fails:*

```yaml
accepted:
  - {code: TG02, at: p9-i1, reason: published so}   # the plan has no p9-i1
```

*Passes:*

```yaml
accepted:
  - {code: TG02, at: p3-i19, reason: published so}  # p3-i19 is in the plan, with the finding
```""",
    ),
}


@dataclass(frozen=True, slots=True)
class Scoped:
    """A finding with the ids of the items it lies in (outermost first)."""

    finding: Finding
    ids: tuple[str, ...] = ()


def apply_acceptances(
    scoped: list[Scoped],
    acceptances: Iterable[Acceptance],
    source: SourceMap,
    ran: set[str],
    known_codes: set[str],
    plan: Plan | None = None,
) -> list[Finding]:
    """Mark accepted findings and add one AC01 or AC02 finding per acceptance that matches nothing.

    Args:
        scoped: The run's findings with their enclosing ids.
        acceptances: The plan's ``accepted`` list.
        source: Where the acceptances are written.
        ran: Codes whose rules ran (unmatched acceptances of other codes are not reported as
            AC01).
        known_codes: Every code eduplan has.
        plan: The whole plan, to tell AC02 from AC01; None when the plan lost items while
            loading: then unmatched acceptances are not reported (the loss is).
    """
    findings = [s.finding for s in scoped]
    present = _Present(plan) if plan is not None else None
    index = _Index(scoped)
    for number, acceptance in enumerate(acceptances):
        code = acceptance.code.strip()
        if _mark(findings, index.matching(code, acceptance.at.strip()), acceptance) or present is None:
            continue
        unknown = code.upper() not in known_codes and code not in index.names
        if not unknown and not present(acceptance.at.strip()):
            findings.append(_gone(acceptance, number, source))
        elif unknown or code.upper() in ran:
            findings.append(_unmatched(acceptance, number, source, unknown))
    return findings


class _Index:
    """The findings by code (or dotted name) and by every ``at`` that matches them.

    A finding at ``p3-i19.targets.2567`` inside items ``p3``, ``p3-i19`` is matched by an ``at``
    of ``p3-i19.targets.2567``, ``p3-i19.targets``, ``p3-i19`` or ``p3``: each is a key. An
    acceptance then finds its findings in one look-up, not by trying every finding (10,000
    acceptances of 10,000 findings were 10**8 comparisons).
    """

    def __init__(self, scoped: list[Scoped]) -> None:
        self.names = {item.finding.name for item in scoped}
        self.by: dict[tuple[bool, str], dict[str, list[int]]] = {}
        for n, item in enumerate(scoped):
            own = item.finding.at or ""
            keys = {own, *item.ids}
            keys.update(own[:i] for i, char in enumerate(own) if char == ".")
            for code in ((True, item.finding.code), (False, item.finding.name)):
                table = self.by.setdefault(code, {})
                for key in keys:
                    table.setdefault(key, []).append(n)

    def matching(self, code: str, at: str) -> list[int]:
        """Indices of the findings an acceptance of ``code`` at ``at`` matches, in order."""
        found = self.by.get((True, code.upper()), {}).get(at, []) + self.by.get((False, code), {}).get(at, [])
        return sorted(set(found))


def _mark(findings: list[Finding], matched: list[int], acceptance: Acceptance) -> bool:
    """Mark the findings an acceptance matches (the first acceptance's reason wins); whether there were any."""
    for n in matched:
        if findings[n].accepted is None:
            findings[n] = findings[n].accept(acceptance.reason)
    return bool(matched)


def _unmatched(acceptance: Acceptance, index: int, source: SourceMap, unknown: bool) -> Finding:
    info = ACCEPTANCE_CODES["AC01"]
    code = acceptance.code.strip()
    if unknown:
        message = _("the accepted code {code} is not an eduplan code").format(code=repr(code))
    else:
        message = _("no {code} finding at {at}: the acceptance matches nothing").format(
            code=code, at=repr(acceptance.at)
        )
    return Finding(
        info.code,
        info.name,
        info.severity,
        message,
        source.span(("accepted", index)),
        ("accepted", index),
        hint=_("remove the acceptance if the finding was fixed, or correct its code or at"),
        at=f"accepted.{index}",
    )


def _gone(acceptance: Acceptance, index: int, source: SourceMap) -> Finding:
    info = ACCEPTANCE_CODES["AC02"]
    at = acceptance.at.strip()
    return Finding(
        info.code,
        info.name,
        info.severity,
        _("the plan has no {at}: the acceptance of {code} names something no longer there").format(
            at=repr(at), code=acceptance.code.strip()
        ),
        source.span(("accepted", index, "at")),
        ("accepted", index, "at"),
        hint=_("restore what was removed, or remove the acceptance (correct its at if the id was renamed)"),
        at=f"accepted.{index}",
    )


class _Present:
    """Whether an ``at`` (an id, or an id-based path) names something the plan has."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._ids: dict[str, object] | None = None

    def __call__(self, at: str) -> bool:
        first, *rest = at.split(".")
        if self._ids is None:
            self._ids = {}
            for node in _nodes(self.plan):
                item_id = getattr(node, "id", None)
                if isinstance(item_id, str):
                    self._ids.setdefault(item_id, node)
        node = self._ids.get(first)
        if node is None:
            node = _step(self.plan, first)
        for segment in rest:
            if node is None:
                return False
            node = _step(node, segment)
        return node is not None and node != [] and node != {}


def _nodes(root: object) -> Iterator[object]:
    """Every model in the tree under ``root``, parents before their fields' models, in field order.

    A stack, not nested generators: each node is handed up once, not once per level above it.
    """
    todo = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, BaseModel):
            yield node
            todo.extend(reversed(node.__dict__.values()))  # the fields, in declaration order
        elif isinstance(node, list):
            todo.extend(reversed(node))
        elif isinstance(node, dict):
            todo.extend(reversed(node.values()))


def _step(node: object, segment: str) -> object:
    """One segment of an id-based path: a field, a mapping key (a year), a list item by id, year or index."""
    if isinstance(node, BaseModel):
        return getattr(node, segment, None) if segment in type(node).model_fields else None
    if isinstance(node, dict):
        if segment in node:
            return node[segment]
        return node.get(int(segment)) if segment.isdigit() else None
    if isinstance(node, list):
        for item in node:
            if getattr(item, "id", None) == segment or str(getattr(item, "year", "")) == segment:
                return item
        if segment.isdigit() and int(segment) < len(node):
            return node[int(segment)]
    return None
