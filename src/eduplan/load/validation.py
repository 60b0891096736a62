"""Validating plan data against the model, with every pydantic error as a located finding.

Pydantic reports errors as ``loc`` tuples; here each one becomes a finding at the key or value
it is about (through the source map), with a message that names the offending value and, where
it helps, a hint (``did you mean 'owner'?``). When parts of the plan are invalid, the smallest
enclosing item (an indicator, a statement, a policy) is dropped and the rest validated again,
so that rules can check everything that loaded.
"""

from __future__ import annotations

import bisect
import copy
import difflib
from dataclasses import replace
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from eduplan.findings import Finding, Path, Span
from eduplan.i18n import _
from eduplan.load.codes import finding
from eduplan.load.schema_errors import plain_error
from eduplan.load.source import SourceMap
from eduplan.model import Plan
from eduplan.model.common import Kind, describe
from eduplan.model.walk import leaf_indicators

__all__ = ["MAX_MESSAGE", "path_key", "validate_plan"]

MAX_MESSAGE = 300
"""Longest message of a schema finding; the middle of a longer one (a huge value) is left out."""


def path_key(path: Path) -> tuple[tuple[int, str], ...]:
    """Sort key for data paths: keys before list indices, indices in numeric order."""
    return tuple((seg, "") if isinstance(seg, int) else (-1, str(seg)) for seg in path)


def validate_plan(data: dict[str, Any], source: SourceMap) -> tuple[Plan | None, list[Finding], list[Path], SourceMap]:
    """Validate plan data; return (plan or partial plan or None, findings, dropped paths, source map).

    The source map returned describes the returned plan: items dropped from it are gone and the
    list indices after them are renumbered. An indicator that measures something needs a kind,
    its own or one of the indicator it is a part of (a standard's items take the standard's).
    """
    plan, findings, dropped, plan_source = _validate(data, source)
    if plan is not None:
        findings += _without_kind(plan, plan_source)
    return plan, findings, dropped, plan_source


def _without_kind(plan: Plan, source: SourceMap) -> list[Finding]:
    return [
        finding(
            "SC01",
            _("missing required key {key} (indicator {id})").format(key="'kind'", id=at.indicator.id),
            source.span(at.path),
            at.path,
            hint=_("give {key} ({kinds}) here or on the indicator it is a part of").format(
                key="`kind`", kinds=", ".join(f"`{kind}`" for kind in get_args(Kind))
            ),
        )
        for at in leaf_indicators(plan)
        if at.kind is None
    ]


def _validate(data: dict[str, Any], source: SourceMap) -> tuple[Plan | None, list[Finding], list[Path], SourceMap]:
    try:
        return Plan.model_validate(data), [], [], source
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    findings = _schema_findings(errors, data, source)
    working = copy.deepcopy(data)
    dropped: list[Path] = []
    siblings = _Siblings()
    for _round in range(8):
        removable = [_removable(e, working) for e in errors]
        if any(r is None for r in removable) or not removable:
            return None, findings, dropped, source
        for item in sorted({r for r in removable if r is not None}, key=path_key, reverse=True):
            _delete(working, item)
            original = _original_path(item, siblings)
            dropped.append(original)
            siblings.add(original)
        try:
            plan = Plan.model_validate(working)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            continue
        return plan, findings, sorted(dropped, key=path_key), _without(source, dropped)
    return None, findings, dropped, source  # pragma: no cover - every round removes something


def _removable(error: Any, data: Any) -> Path | None:
    """What to drop to get rid of an error, as a path in ``data``.

    An unknown key is dropped by itself; any other error drops the smallest list item (or
    optional top-level key) that encloses it.
    """
    loc: Path = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        return _data_path(loc, data)
    best: Path | None = None
    node = data
    for depth, seg in enumerate(loc):
        child = _step(node, seg)
        if child is _ABSENT:
            break
        if isinstance(node, list):
            best = loc[: depth + 1]
        node = child
    if best is not None:
        return best
    top = loc[0] if loc else None
    if isinstance(top, str) and top in Plan.model_fields and not Plan.model_fields[top].is_required():
        return (top,)
    return None


def _delete(data: Any, path: Path) -> None:
    node: Any = data
    for seg in path[:-1]:
        node = node[seg]
    del node[path[-1]]


class _Siblings:
    """Indices of dropped list items by their list's path, sorted, to count them in O(log n)."""

    def __init__(self, paths: list[Path] | None = None) -> None:
        self.by_parent: dict[Path, list[int]] = {}
        for path in paths or []:
            self.add(path)

    def add(self, path: Path) -> None:
        if path and isinstance(path[-1], int):
            bisect.insort(self.by_parent.setdefault(path[:-1], []), path[-1])

    def before(self, parent: Path, index: int, *, inclusive: bool) -> int:
        """How many dropped items of the list at ``parent`` have an index below ``index`` (or equal)."""
        indices = self.by_parent.get(parent, [])
        return bisect.bisect_right(indices, index) if inclusive else bisect.bisect_left(indices, index)


def _original_path(path: Path, earlier: _Siblings) -> Path:
    """Map a path in the pruned data back to the data as written."""
    out = list(path)
    for i, seg in enumerate(path):
        if isinstance(seg, int):
            parent = tuple(out[:i])
            shift = 0
            while True:
                before = earlier.before(parent, seg + shift, inclusive=True)
                if before == shift:
                    break
                shift = before
            out[i] = seg + shift
    return tuple(out)


def _without(source: SourceMap, dropped: list[Path]) -> SourceMap:
    """The source map of the pruned plan: dropped items removed, later siblings renumbered."""

    def renumber(path: Path) -> Path | None:
        out: list[str | int] = []
        for i, seg in enumerate(path):
            prefix = path[: i + 1]
            if prefix in dropped_set:
                return None
            if isinstance(seg, int):
                seg -= siblings.before(path[:i], seg, inclusive=False)
            out.append(seg)
        return tuple(out)

    dropped_set = set(dropped)
    siblings = _Siblings(dropped)
    result = SourceMap()
    for attr in ("values", "keys"):
        target = getattr(result, attr)
        for path, span in getattr(source, attr).items():
            new = renumber(path)
            if new is not None:
                target[new] = span
    for attr in ("thai_digits", "via_alias"):
        target_set = getattr(result, attr)
        for path in getattr(source, attr):
            new = renumber(path)
            if new is not None:
                target_set.add(new)
    return result


def _schema_findings(errors: list[Any], data: dict[str, Any], source: SourceMap) -> list[Finding]:
    seen: set[tuple[Span | None, str]] = set()
    findings = []
    for error in errors:
        finding = _schema_finding(error, data, source)
        if len(finding.message) > MAX_MESSAGE:  # a 50 MB string or a 4,000-digit number as the value
            text = finding.message
            left = _("({count} characters)").format(count=f"{len(text) - 260:,}")
            finding = replace(finding, message=f"{text[:200]} ...{left}... {text[-60:]}")
        key = (finding.span, finding.message)
        if key not in seen:
            seen.add(key)
            findings.append(finding)
    return findings


def _schema_finding(error: Any, data: dict[str, Any], source: SourceMap) -> Finding:
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    data_path = _data_path(loc, data)
    if kind == "missing":
        message = _("missing required key {key}").format(key=f"'{loc[-1]}'")
        return finding("SC01", message, source.span(data_path), data_path)
    if kind == "extra_forbidden":
        name = loc[-1]
        allowed = _allowed_keys(loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        if close:
            hint: str | None = _("did you mean {word}?").format(word=f"'{close[0]}'")
        else:
            hint = _("allowed keys: {keys}").format(keys=", ".join(f"`{key}`" for key in allowed)) if allowed else None
        message = _("unknown key {key}").format(key=f"'{name}'")
        return finding("SC02", message, source.span(data_path, key=True), data_path, hint)
    if kind == "invalid_key":  # a number as a key where text is expected (pydantic names it str(key))
        parent = _data_path(loc[:-1], data)
        node = _value_at(data, parent)
        keys = [k for k in node if str(k) == str(loc[-1])] if isinstance(node, dict) else []
        path = (*parent, keys[0]) if keys else parent
        message = _("a key here must be text, not {value}").format(value=describe(error.get("input")))
        return finding("SC03", message, source.span(path, key=True), path, _("write the key as text, in quotes"))
    message, hint = plain_error(error)
    span = source.span(data_path, key="[key]" in loc)
    return finding("SC03", message, span, data_path, hint)


_ABSENT = object()


def _step(node: Any, seg: str | int) -> Any:
    """``node[seg]`` when it exists in the data, else ``_ABSENT``."""
    if isinstance(node, dict):
        key = _real_key(node, seg)
        return node.get(key, _ABSENT)
    if isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
        return node[seg]
    return _ABSENT


def _real_key(node: dict[Any, Any], seg: str | int) -> Any:
    """The data's key that a ``loc`` segment names: pydantic names a key 2566.0 '2566.0'."""
    if seg in node or seg == "[key]":
        return seg
    return next((k for k in node if not isinstance(k, str) and str(k) == str(seg)), seg)


def _value_at(data: Any, path: Path) -> Any:
    node = data
    for seg in path:
        node = _step(node, seg)
    return node


def _data_path(loc: Path, data: Any) -> Path:
    """The part of a pydantic ``loc`` that exists in the data (drops union tags and '[key]')."""
    out: list[str | int] = []
    node = data
    for seg in loc:
        child = _step(node, seg)
        if child is not _ABSENT:
            if isinstance(node, dict):
                seg = _real_key(node, seg)
            node = child
        else:
            if seg == "[key]" or not isinstance(node, dict | list):
                continue
            if isinstance(node, dict) and loc[-1] == seg:
                out.append(seg)  # a missing or unknown key: its parent is located, the key named
            continue
        out.append(seg)
    return tuple(out)


def _allowed_keys(loc: Path) -> list[str]:
    """Keys of the model at ``loc`` (walking model fields through lists and dicts)."""
    annotation: Any = Plan
    for seg in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if not isinstance(seg, str) or seg not in annotation.model_fields:
                return []
            annotation = annotation.model_fields[seg].annotation
        elif get_origin(annotation) in (list, dict):
            annotation = get_args(annotation)[-1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated wrappers down to a model, list or dict type."""
    for _depth in range(5):
        args = [a for a in get_args(annotation) if a is not type(None)]
        origin = get_origin(annotation)
        if origin in (list, dict) or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return annotation
        if not args:
            return annotation
        annotation = args[0]
    return annotation
