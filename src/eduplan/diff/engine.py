"""The diff engine: two plans -> every change between them, matched by stable ids.

Lists of items are matched by key, never by position: policies, missions, goals, statements,
indicators and projects by ``id``; action plans and reports by fiscal year; driving-model
components and qualities by code; yearly targets by year. An indicator (or a policy target or
approach) that keeps its id but moves to another policy is one ``moved`` change, not a removal
and an addition. Order is ignored unless ``report_order`` is set.

The walk follows the new edition's document order (a removed item stays where it was, after
its old predecessor), so the changes come out in reading order without sorting by text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from eduplan.diff.cells import compare_rows
from eduplan.diff.change import Change, ChangeKind, DiffResult, Group, Say, severity_of
from eduplan.diff.hints import add_reid_hints
from eduplan.diff.match import (
    MOVABLE,
    depth_of,
    dump,
    indicators_under,
    item_ref,
    key_of,
    keyed,
    label_of,
    merged_order,
    models_keyed,
    movable_index,
    out_of_order,
    title_of,
)
from eduplan.diff.position import At, DiffOptions, places, relative
from eduplan.diff.targets import compare_numbers, is_number, year_target_change
from eduplan.diff.wording import ENGLISH
from eduplan.diff.words import word_diff
from eduplan.findings import Path, Span
from eduplan.load.source import SourceMap
from eduplan.model import Indicator, Plan, Policy, Statement
from eduplan.model.context import Table
from eduplan.model.walk import all_indicators

__all__ = ["DiffOptions", "diff_plans"]

K = ChangeKind

_BY_FIELD = {
    "name": K.RENAMED,
    "name_en": K.RENAMED,
    "number": K.RENUMBERED,
    "unit": K.UNIT_CHANGED,
    "owner": K.OWNER_CHANGED,
    "kind": K.KIND_CHANGED,
    "direction": K.DIRECTION_CHANGED,
}
_TEXT = {"vision", "title", "text", "description", "closing", "definition"}
_LINKS = {"goals", "missions", "indicators"}
_ORDERED = {"levels"}
_SECTIONS = {"id", "title", "office", "period", "edition", "source", "labels"}
_METADATA = {"edition", "source", "labels", "accepted"}
"""Plan sections about the document rather than its content: what comes or goes there is ``changed``."""


def diff_plans(
    old: Plan,
    new: Plan,
    *,
    old_source: SourceMap | None = None,
    new_source: SourceMap | None = None,
    options: DiffOptions | None = None,
) -> DiffResult:
    """Every change from ``old`` to ``new``, in the new edition's document order, then kind.

    Args:
        old: The earlier edition.
        new: The later edition.
        old_source: Where the old plan's values are written (for ``old_span``).
        new_source: Where the new plan's values are written (for ``new_span``).
        options: What to compare and how; the defaults when omitted.
    """
    walker = _Walker(old, new, old_source or SourceMap(), new_source or SourceMap(), options or DiffOptions())
    walker.run()
    changes = add_reid_hints(walker.changes, walker.candidates)
    return DiffResult(sorted(changes, key=lambda c: c.order), walker.groups)


class _Walker:
    """One walk over both plans: field by field in model order, lists matched by key.

    Each list item entered gets the next sequence number, so ``Change.order`` is the new
    edition's reading order; removed and added items are kept as hint candidates.
    """

    def __init__(self, old: Plan, new: Plan, old_source: SourceMap, new_source: SourceMap, options: DiffOptions):
        self.old_plan, self.new_plan = old, new
        self.old_source, self.new_source = old_source, new_source
        self.options = options
        self.changes: list[Change] = []
        self.candidates: list[tuple[int, str, str]] = []  # (change index, list name, name text)
        self.groups: dict[str, Group] = {"plan": Group("plan", "plan", new.title)}
        self.seq = 0
        self.old_index = movable_index(old)
        self.new_index = movable_index(new)
        self.levels = {at.indicator.id: at.levels for plan in (old, new) for at in all_indicators(plan) if at.levels}

    # -- walking ---------------------------------------------------------------------------

    def run(self) -> None:
        for name in Plan.model_fields:
            group = "plan" if name in _SECTIONS else name
            if group not in self.groups:
                self.groups[group] = Group(group, name.replace("_", " "))
            at = At(name, (name,), (name,), name, group)
            self.seq += 1
            self.compare(name, getattr(self.old_plan, name), getattr(self.new_plan, name), at, self.new_plan)

    def compare(self, name: str, old: Any, new: Any, at: At, owner: BaseModel) -> None:
        """Compare one field's values, dispatching on what they are."""
        if old == new:
            return
        if name == "rows" and isinstance(owner, Table) and isinstance(old, list) and isinstance(new, list):
            compare_rows(self.emit, old, new, at, owner.columns, self.options.tolerance)
        elif isinstance(old, list) and isinstance(new, list):
            self.compare_list(name, old, new, at)
        elif isinstance(old, dict) and isinstance(new, dict):
            if name == "targets" and isinstance(owner, Indicator):
                self.compare_targets(old, new, at, owner)
            else:
                for key in sorted(set(old) | set(new), key=str):
                    self.compare(str(key), old.get(key), new.get(key), at.field(key), owner)
        elif isinstance(old, BaseModel) and isinstance(new, BaseModel) and type(old) is type(new):
            for sub in type(new).model_fields:
                self.compare(sub, getattr(old, sub), getattr(new, sub), at.field(sub), new)
        elif (old is None) != (new is None) and isinstance(old or new, BaseModel):
            kind = K.ADDED if old is None else K.REMOVED
            say = Say.of("diff_added" if old is None else "diff_removed", field=name)
            new_span = self.span_new(at.new, removed=True)
            self.emit(kind, at, dump(old), dump(new), say=say, new_span=new_span)
        else:
            self.compare_scalar(name, old, new, at)

    def compare_scalar(self, name: str, old: Any, new: Any, at: At) -> None:
        kind = _BY_FIELD.get(name)
        if kind is None and name in _TEXT and isinstance(old or new, str):
            kind = K.TEXT_CHANGED
        delta = None
        if is_number(old) and is_number(new):
            delta = compare_numbers(old, new, self.options.tolerance)
            if delta is None:
                return
        field_name = relative(at)
        if kind is K.RENAMED or (kind is K.TEXT_CHANGED and field_name == "text"):
            # the kind says what changed; the sentence says how much: the places the words differ
            words = word_diff(old or "", new or "")
            runs = places(words)
            if kind is K.RENAMED:
                key = "diff_renamed_one" if runs == 1 else "diff_renamed"
            else:
                key = "diff_reworded_one" if runs == 1 else "diff_reworded"
            say = Say.of(key, count=runs)
        elif kind is K.TEXT_CHANGED:
            words = word_diff(old or "", new or "")
            say = Say.of("diff_field_reworded", field=field_name)
        else:
            words = []
            say = Say.of("diff_changed", field=field_name, old=old, new=new)
        self.emit(kind or K.CHANGED, at, dump(old), dump(new), delta=delta, words=words, say=say)

    def compare_list(self, name: str, old: list[Any], new: list[Any], at: At) -> None:
        if any(isinstance(v, BaseModel) for v in old + new) and any(isinstance(v, str) for v in old + new):
            # a policy's goals: the plan's goals it names (ids) and goals stated in it (items)
            self.compare_list(name, [v for v in old if isinstance(v, str)], [v for v in new if isinstance(v, str)], at)
            self.compare_items(name, old, new, at, models_only=True)
            return
        if old == new:
            return
        sample = (old or new)[0]
        if isinstance(sample, BaseModel):
            self.compare_items(name, old, new, at)
        elif isinstance(sample, list):  # table rows of a section that is not a Table (not in the model)
            compare_rows(self.emit, old, new, at, [], self.options.tolerance)
        elif name in _ORDERED:
            say = Say.of("diff_changed", field=name, old=old, new=new)
            self.emit(K.CHANGED, at, old, new, say=say)
        elif sorted(old) == sorted(new):
            if self.options.report_order:
                say = Say.of("diff_reordered", field=name)
                self.emit(K.REORDERED, at, old, new, say=say)
        elif name in _LINKS:
            gone = [v for v in old if v not in new]
            came = [v for v in new if v not in old]
            say = Say.of("diff_links", field=name, added=came, removed=gone)
            self.emit(K.CHANGED, at, old, new, say=say)
        else:
            words = word_diff("\n".join(old), "\n".join(new))
            say = Say.of("diff_field_reworded", field=name)
            self.emit(K.TEXT_CHANGED, at, old, new, words=words, say=say)

    def compare_items(self, name: str, old: list[Any], new: list[Any], at: At, *, models_only: bool = False) -> None:
        """Match two lists of items by key; report removed, added, moved and changed items.

        With ``models_only``, only the items that are models are matched (the ids beside them are links).
        """
        old_by, new_by = (
            models_keyed(old) if models_only else keyed(old),
            models_keyed(new) if models_only else keyed(new),
        )
        in_both = [k for k in new_by if k in old_by]
        moved = out_of_order([k for k in old_by if k in new_by], in_both) if self.options.report_order else set()
        for key in merged_order(list(old_by), list(new_by)):
            if key in old_by and key in new_by:
                (oi, o), (ni, n) = old_by[key], new_by[key]
                item = self.enter(at, name, key, oi, ni, n)
                if key in moved:
                    say = Say.of("diff_position", old=oi + 1, new=ni + 1)
                    self.emit(K.REORDERED, item, oi + 1, ni + 1, say=say)
                self.compare(name, o, n, item, n)
            elif key in new_by:
                self.added(name, key, *new_by[key], at)
            else:
                self.removed(name, key, *old_by[key], at)

    def added(self, name: str, key: str, index: int, value: Any, at: At) -> None:
        if self.moved_here(name, key, index, value, at):
            return
        item = self.enter(at, name, key, None, index, value)
        say = Say.of("diff_added", **self.noun(item, name, value))
        self.emit(K.ADDED, item, None, dump(value), say=say)
        self.candidates.append((len(self.changes) - 1, name, title_of(value)))
        self.adopt(value, item)

    def adopt(self, value: Any, item: At) -> None:
        """Report the items a new policy or indicator took over from elsewhere, at any depth below it."""
        if not isinstance(value, Policy | Indicator):
            return
        for sub in MOVABLE:
            for sub_index, child in enumerate(getattr(value, sub, [])):
                if not isinstance(child, Policy | Indicator | Statement):
                    continue
                if not self.moved_here(sub, child.id, sub_index, child, item.field(sub)):
                    self.adopt(child, self.enter(item.field(sub), sub, child.id, None, sub_index, child))

    def moved_here(self, name: str, key: str, index: int, value: Any, at: At) -> bool:
        """Report an item that left another policy for this one; False when it did not."""
        if name not in MOVABLE or not isinstance(value, Indicator | Statement | Policy):
            return False
        elsewhere = self.old_index.get((name, key))
        if elsewhere is None or elsewhere[0] == at.id:
            return False
        old_container, old_path, old_value = elsewhere
        item = replace(self.enter(at, name, key, None, index, value), old=old_path)
        say = Say.of("diff_moved", old_ref=self.ref(old_container, old=True), new_ref=self.ref(at.id))
        self.emit(K.MOVED, item, old_container, at.id, say=say)
        self.compare(name, old_value, value, item, value)
        return True

    def removed(self, name: str, key: str, index: int, value: Any, at: At) -> None:
        movable = name in MOVABLE and isinstance(value, Indicator | Statement | Policy)
        elsewhere = self.new_index.get((name, key)) if movable else None
        if elsewhere is not None and at.id != elsewhere[0]:
            return  # reported as moved where it is now
        item = self.enter(at, name, key, index, None, value)
        lost = [i for i in indicators_under(value) if ("indicators", i.id) not in self.new_index]
        weakening = isinstance(value, Indicator) or bool(lost)
        named = self.noun(item, name, value)
        say = Say.of("diff_removed", **named)
        if lost and isinstance(value, Policy):
            key = "diff_removed_with_one" if len(lost) == 1 else "diff_removed_with"
            say = Say.of(key, count=len(lost), **named)
        span = self.span_new(at.new, removed=True) if at.new is not None else None
        self.emit(K.REMOVED, item, dump(value), None, weakening=weakening, say=say, new_span=span)
        self.candidates.append((len(self.changes) - 1, name, title_of(value)))

    def compare_targets(self, old: dict[int, Any], new: dict[int, Any], at: At, indicator: Indicator) -> None:
        levels = self.levels.get(indicator.id)
        for year in sorted(set(old) | set(new)):
            year_at = at.field(year)
            if year not in new:
                span = self.span_new(at.new, removed=True)
                say = Say.of("diff_target_removed", year=year, old=old[year])
                self.emit(K.TARGET_YEAR_REMOVED, year_at, dump(old[year]), None, weakening=True, say=say, new_span=span)
            elif year not in old:
                say = Say.of("diff_target_added", year=year, new=new[year])
                self.emit(K.TARGET_YEAR_ADDED, year_at, None, dump(new[year]), say=say)
            else:
                found = self.old_index.get(("indicators", indicator.id)) or self.old_index.get(
                    ("standards", indicator.id)
                )
                before = found[2] if found and isinstance(found[2], Indicator) else None
                sides = (old[year], new[year], year, before, indicator)
                found_change, resolved = year_target_change(*sides, levels, self.options.tolerance)
                if found_change is None:
                    continue
                kind, delta, weakening = found_change
                params: dict[str, Any] = {"year": year, "old": old[year], "new": new[year], "delta": delta}
                if resolved is not None:
                    params["resolved"] = resolved
                if weakening:
                    params["direction"] = indicator.direction
                key = {K.TARGET_RAISED: "diff_target_raised", K.TARGET_LOWERED: "diff_target_lowered"}
                say = Say.of(key.get(kind, "diff_target_changed"), **params)
                old_value, new_value = dump(old[year]), dump(new[year])
                self.emit(kind, year_at, old_value, new_value, delta=delta, weakening=weakening, say=say)

    # -- bookkeeping -----------------------------------------------------------------------

    def enter(self, at: At, name: str, key: str, old_index: int | None, new_index: int | None, value: Any) -> At:
        """The position of a list item in both editions; registers its heading."""
        self.seq += 1
        global_id = isinstance(value, Policy | Indicator | Statement)
        path = key if global_id else f"{at.path}[{key}]"
        old = None if old_index is None or at.old is None else (*at.old, old_index)
        new = None if new_index is None or at.new is None else (*at.new, new_index)
        if isinstance(value, Policy):
            item = At(path, old, new, key, key)
            depth = depth_of(new if new is not None else old)
            self.groups[key] = Group(key, f"policy {value.number}", value.title, "policy", value.number, depth)
            return item
        item = At(path, old, new, key, at.group, path)
        if path not in self.groups:
            noun, number = item_ref(name, value, key)
            if noun == "indicator" and at.group == "standards":
                container = self.groups.get(at.id)
                # a standard's item (ประเด็นพิจารณา 1.1), or an item of that item (ข้อ 1))
                noun = "standard_item" if container and container.noun == "standard" else "standard_sub_item"
            elif noun == "indicator" and at.item is not None:
                noun = "sub_indicator"  # a part of the indicator the walk is in (ตัวชี้วัดย่อย)
            self.groups[path] = Group(path, label_of(name, value, key), title_of(value), noun, number)
        return item

    def noun(self, item: At, name: str, value: Any) -> dict[str, Any]:
        """How an item entered is named in a sentence: ``noun``, ``number`` and, for a policy, ``depth``."""
        group = self.groups.get(item.path)
        noun, number = item_ref(name, value, key_of(value))
        if isinstance(value, Policy):
            return {"noun": noun, "number": number, "depth": depth_of(item.new if item.new is not None else item.old)}
        return {"noun": group.noun if group and group.noun else noun, "number": number}

    def ref(self, container: str, *, old: bool = False) -> tuple[str, str, int, str]:
        """A container as (noun, number, depth, id), for wording where an item moved from or to."""
        group = self.groups.get(container)
        if group is None:  # the old container is gone from the new edition: name it from the old one
            index = self.old_index if old else self.new_index
            found = index.get(("policies", container)) or index.get(("indicators", container))
            if found is not None:
                noun = "policy" if isinstance(found[2], Policy) else "indicator"
                return noun, found[2].number, depth_of(found[1]), container
            return "", "", 0, container
        return group.noun, group.number, group.depth, container

    def emit(
        self,
        kind: ChangeKind,
        at: At,
        old: Any,
        new: Any,
        *,
        delta: float | None = None,
        say: Say,
        weakening: bool = False,
        words: list[tuple[str, str]] | None = None,
        new_span: Span | None = None,
    ) -> None:
        if kind in (K.ADDED, K.REMOVED) and re.split(r"[.\[]", at.path)[0] in _METADATA:
            kind, weakening = K.CHANGED, False
        severity = severity_of(kind, weakening, self.options.severity)
        old_span = self.old_source.span(at.old) if at.old is not None else None
        if new_span is None and at.new is not None:
            new_span = self.new_source.span(at.new)
        order = (self.seq, kind.rank, len(self.changes))
        detail = ENGLISH.say(say)  # the JSON's sentence: the English labels, worded as every other format words them
        change = Change(kind, severity, at.id, at.path, old, new, delta, weakening, old_span, new_span, detail,
                        tuple(words or ()), None, at.group, at.item, order, say)  # fmt: skip
        self.changes.append(change)

    def span_new(self, path: Path | None, *, removed: bool) -> Span | None:
        """Where in the new edition a removed value was: its key, or the nearest enclosing value."""
        if path is None:
            return None
        return self.new_source.span(path, key=removed) if removed else self.new_source.span(path)
