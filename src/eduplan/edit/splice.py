"""The data side of surgical YAML edits: what a list of edits means, and the check after splicing.

:mod:`eduplan.yamledit` splices text; this module knows the edits as data: an append to a list the
text does not have yet becomes that key (:func:`new_lists`), and the edited text must read back as
the old data with exactly the edits applied (:func:`check`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eduplan.errors import EduplanError
from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.load.yamlio import parse

__all__ = ["DELETE", "Edit", "EditError", "check", "expand_scalars", "get", "new_lists", "show"]


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()
"""The value of an edit that removes a key or a list item."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Set ``path`` to ``value`` (plain YAML data) or remove it (``value`` is :data:`DELETE`).

    A path one past the end of a list appends an item.
    """

    path: Path
    value: Any


class EditError(EduplanError):
    """The text cannot be edited safely (an alias, an unusual layout, or a check that failed)."""


def new_lists(data: Any, edits: list[Edit]) -> list[Edit]:
    """Appends to a list the text does not have yet (items 0, 1, ... of a missing key) become that key."""
    lists: dict[Path, list[Edit]] = {}
    for edit in edits:
        parent = edit.path[:-1]
        if isinstance(edit.path[-1], int) and parent and get(data, parent) is None:
            owner = get(data, parent[:-1])
            if isinstance(owner, dict) and parent[-1] not in owner:
                lists.setdefault(parent, []).append(edit)
    out = [e for e in edits if e.path[:-1] not in lists]
    for parent, items in lists.items():
        if sorted(e.path[-1] for e in items) != list(range(len(items))):
            raise EditError(_("{path} does not exist: items can only be appended from 0").format(path=show(parent)))
        out.append(Edit(parent, [e.value for e in sorted(items, key=lambda e: e.path[-1])]))
    return out


def expand_scalars(
    data: Any,
    edits: list[Edit],
    expand: Callable[[Path, Any], dict[Any, Any] | None],
    order: Callable[[Path, Any], Any],
) -> list[Edit]:
    """Edits of keys under a value written as a scalar shorthand become one edit of the whole value.

    ``baseline: 45`` is the mapping ``{value: 45}`` written short: setting its year writes
    ``baseline: {value: 45, year: 2565}`` (keys in ``order``). ``expand(path, scalar)`` gives the
    mapping a shorthand stands for, or ``None`` when the scalar is no shorthand (the edit is then
    refused as before).
    """
    groups: dict[Path, list[Edit]] = {}
    out = []
    for edit in edits:
        anchor = next(
            (edit.path[:n] for n in range(1, len(edit.path)) if _is_scalar(get(data, edit.path[:n]))),
            None,
        )
        if anchor is not None and len(edit.path) == len(anchor) + 1:
            groups.setdefault(anchor, []).append(edit)
        else:
            out.append(edit)
    for anchor, group in groups.items():
        whole = expand(anchor, get(data, anchor))
        if whole is None:
            out += group
            continue
        merged = dict(whole)
        for edit in group:
            if edit.value is DELETE:
                merged.pop(edit.path[-1], None)
            else:
                merged[edit.path[-1]] = edit.value
        keys = sorted(merged, key=lambda k: order(anchor, k))
        out.append(Edit(anchor, {k: merged[k] for k in keys} if merged else DELETE))
    return out


def _is_scalar(value: Any) -> bool:
    return value is not None and not isinstance(value, dict | list)


def get(data: Any, path: Path) -> Any:
    """The value at a data path, or ``None`` when there is none."""
    node = data
    for seg in path:
        if isinstance(node, dict) and seg in node:
            node = node[seg]
            continue
        if not (isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node)):
            return None
        node = node[seg]
    return node


def check(new: str, old_data: Any, edits: list[Edit], file: str) -> None:
    """The edited text must read back as the old data with exactly the edits applied."""
    expected = copy.deepcopy(old_data)
    appends = [e for e in edits if _is_append(old_data, e)]
    for edit in sorted(appends, key=lambda e: _sort_key(e.path)):
        get(expected, edit.path[:-1]).append(copy.deepcopy(edit.value))
    for edit in sorted((e for e in edits if e not in appends), key=lambda e: _sort_key(e.path), reverse=True):
        parent = get(expected, edit.path[:-1])
        if edit.value is DELETE:
            if isinstance(parent, dict) and edit.path[-1] not in parent:
                continue  # removing what is not there changes nothing
            del parent[edit.path[-1]]
        else:
            parent[edit.path[-1]] = copy.deepcopy(edit.value)
    data, _ignored, findings = parse(new, file)
    if any(f.severity is Severity.ERROR for f in findings) or data != expected:
        raise EditError(
            _("{file}: the edited text does not read back as intended; nothing was written").format(file=file)
        )


def _is_append(data: Any, edit: Edit) -> bool:
    parent = get(data, edit.path[:-1])
    return isinstance(parent, list) and isinstance(edit.path[-1], int) and edit.path[-1] >= len(parent)


def _sort_key(path: Path) -> tuple[tuple[int, Any], ...]:
    return tuple((0, seg) if isinstance(seg, int) else (1, str(seg)) for seg in path)


def show(path: Path) -> str:
    """A data path as people read it: ``reports.0.actuals``."""
    return ".".join(str(seg) for seg in path) or _("the document")
