"""The words of a diff report in the reader's language: Thai (the default) or English.

Every sentence the human, markdown, github and html formats print is worded here from the
labels of :mod:`eduplan.render.labels`, the one table ``eduplan render`` uses, so a plan's
``labels:`` overrides apply to its diff too: a plan that calls its policies กลยุทธ์ gets
headings ``กลยุทธ์ที่ 3``. Numbers eduplan writes (years, values, counts, item numbers) take
the ``--digits`` choice; plan text, ids and file locations never change.

The engine describes each change as a :class:`~eduplan.diff.change.Say` (a label key and its
parameters as data); :meth:`Words.detail` words it. The JSON format does not come here: its
``detail`` and ``hint`` are the English sentences (:data:`ENGLISH`, without a plan's overrides),
language-neutral by its schema, worded here like every other format's.

>>> words = Words.of("th", "thai")  # doctest: +SKIP
>>> words.say(Say.of("diff_target_lowered", year=2568, old=86, new=80, delta=-6))  # doctest: +SKIP
'ค่าเป้าหมายปี ๒๕๖๘ ลดลงจาก ๘๖ เป็น ๘๐ (-๖)'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eduplan.diff.change import Change, ChangeKind, DiffResult, Group, Level, Say
from eduplan.diff.targets import show
from eduplan.words.labels import Labels
from eduplan.words.thai import Digits, Lang, format_date, with_digits

__all__ = ["ENGLISH", "FIELD_LABELS", "ITEM_LABELS", "KIND_LABELS", "LEVEL_LABELS", "Words"]

K = ChangeKind

KIND_LABELS: Mapping[ChangeKind, str] = {
    K.REMOVED: "diff_kind_removed",
    K.ADDED: "diff_kind_added",
    K.MOVED: "diff_kind_moved",
    K.RENAMED: "diff_kind_renamed",
    K.RENUMBERED: "diff_kind_renumbered",
    K.KIND_CHANGED: "diff_kind_kind_changed",
    K.DIRECTION_CHANGED: "diff_kind_direction_changed",
    K.UNIT_CHANGED: "diff_kind_unit_changed",
    K.TARGET_RAISED: "diff_kind_target_raised",
    K.TARGET_LOWERED: "diff_kind_target_lowered",
    K.TARGET_CHANGED: "diff_kind_target_changed",
    K.TARGET_YEAR_ADDED: "diff_kind_target_year_added",
    K.TARGET_YEAR_REMOVED: "diff_kind_target_year_removed",
    K.OWNER_CHANGED: "diff_kind_owner_changed",
    K.TEXT_CHANGED: "diff_kind_text_changed",
    K.CHANGED: "diff_kind_changed",
    K.REORDERED: "diff_kind_reordered",
}
"""The label of each kind of change."""

LEVEL_LABELS: Mapping[Level, str] = {
    Level.MAJOR: "diff_level_major",
    Level.WARN: "diff_level_warn",
    Level.MINOR: "diff_level_minor",
    Level.INFO: "diff_level_info",
}
"""The label of each level."""

ITEM_LABELS: Mapping[str, str] = {
    "policy": "diff_item_policy",
    "mission": "diff_item_mission",
    "goal": "diff_item_goal",
    "target": "diff_item_target",
    "approach": "diff_item_approach",
    "indicator": "diff_item_indicator",
    "project": "diff_item_project",
    "action_plan": "diff_item_action_plan",
    "report": "diff_item_report",
    "component": "diff_item_component",
    "quality": "diff_item_quality",
    "group": "diff_item_group",
    "acceptance": "diff_item_acceptance",
    "actual": "diff_item_actual",
    "alignment": "diff_item_alignment",
    "standard": "diff_item_standard",
    "standard_item": "diff_item_standard_item",
    "standard_sub_item": "diff_item_standard_sub_item",
    "sub_indicator": "diff_item_sub_indicator",
    "action_plan_academic": "diff_item_action_plan_academic",
    "report_academic": "diff_item_report_academic",
    "section": "diff_item_section",
    "budget_line": "diff_item_budget_line",
    "committee": "diff_item_committee",
    "order": "diff_item_order",
    "member": "diff_item_member",
    "signature": "diff_item_signature",
    "part": "diff_item_part",
}
"""The label of each kind of item, with its ``{number}``; other items read "noun number"."""

FIELD_LABELS: Mapping[str, str] = {
    "plan": "diff_field_plan",
    "vision": "diff_field_vision",
    "missions": "diff_field_missions",
    "goals": "diff_field_goals",
    "targets": "diff_field_targets",
    "approaches": "diff_field_approaches",
    "indicators": "diff_field_indicators",
    "values": "diff_field_values",
    "driving_model": "diff_field_driving_model",
    "qualities": "diff_field_qualities",
    "action_plans": "diff_field_action_plans",
    "reports": "diff_field_reports",
    "accepted": "diff_field_accepted",
    "title": "diff_field_title",
    "name": "diff_field_name",
    "number": "diff_field_number",
    "unit": "diff_field_unit",
    "kind": "diff_field_kind",
    "direction": "diff_field_direction",
    "levels": "diff_field_levels",
    "baseline": "diff_field_baseline",
    "owner": "diff_field_owner",
    "notes": "diff_field_notes",
    "value": "diff_field_value",
    "year": "diff_field_year",
    "budget": "diff_field_budget",
    "description": "diff_field_description",
    "standards": "diff_field_standards",
    "no_data": "diff_field_no_data",
    "source": "diff_field_source",
    "cumulative": "diff_field_cumulative",
    "score": "diff_field_score",
    "context": "diff_field_context",
    "monitoring": "diff_field_monitoring",
    "schemes": "diff_field_schemes",
    "budget_frame": "diff_field_budget_frame",
    "budgets": "diff_field_budgets",
    "hierarchy": "diff_field_hierarchy",
    "id": "diff_field_id",
    "edition": "diff_field_edition",
    "published": "diff_field_published",
    "revision_of": "diff_field_revision_of",
    "label": "diff_field_label",
    "academic_year": "diff_field_academic_year",
    "fiscal_year": "diff_field_fiscal_year",
    "actuals": "diff_field_actuals",
    "address": "diff_field_address",
    "philosophy": "diff_field_philosophy",
    "identity": "diff_field_identity",
    "distinction": "diff_field_distinction",
    "motto": "diff_field_motto",
    "parent": "diff_field_parent",
    "short_name": "diff_field_short_name",
    "former_names": "diff_field_former_names",
    "office": "diff_field_office",
    "period": "diff_field_period",
    "start": "diff_field_start",
    "end": "diff_field_end",
    "alignment": "diff_field_alignment",
    "scheme": "diff_field_scheme",
    "code": "diff_field_code",
    "codes": "diff_field_codes",
    "columns": "diff_field_columns",
    "rows": "diff_field_rows",
    "paragraphs": "diff_field_paragraphs",
    "sections": "diff_field_sections",
    "tables": "diff_field_tables",
    "swot": "diff_field_swot",
    "strengths": "diff_field_strengths",
    "weaknesses": "diff_field_weaknesses",
    "opportunities": "diff_field_opportunities",
    "threats": "diff_field_threats",
    "lines": "diff_field_lines",
    "years": "diff_field_years",
    "outputs": "diff_field_outputs",
    "target": "diff_field_target",
    "quarters": "diff_field_quarters",
    "policy": "diff_field_policy",
    "note": "diff_field_note",
    "projects": "diff_field_projects",
    "total_budget": "diff_field_total_budget",
    "budget_source": "diff_field_budget_source",
    "budget_spent": "diff_field_budget_spent",
    "done": "diff_field_done",
    "objectives": "diff_field_objectives",
    "success_indicators": "diff_field_success_indicators",
    "targets_quantitative": "diff_field_targets_quantitative",
    "targets_qualitative": "diff_field_targets_qualitative",
    "increase": "diff_field_increase",
    "decrease": "diff_field_decrease",
    "min": "diff_field_min",
    "max": "diff_field_max",
    "measured": "diff_field_measured",
    "url": "diff_field_url",
    "retrieved": "diff_field_retrieved",
    "labels": "diff_field_labels",
    "reason": "diff_field_reason",
    "policies": "diff_field_policies",
    # a report's narrative (issue 18)
    "results": "diff_field_results",
    "problems": "diff_field_problems",
    "suggestions": "diff_field_suggestions",
    "highlights": "diff_field_highlights",
    "summary": "diff_field_summary",
    # the plan book's front matter and annex (issue 18)
    "logo": "diff_field_logo",
    "document_number": "diff_field_document_number",
    "foreword": "diff_field_foreword",
    "approval": "diff_field_approval",
    "annex": "diff_field_annex",
    "parts": "diff_field_parts",
    "text": "diff_field_text",
    "signer": "diff_field_signer",
    "signatures": "diff_field_signatures",
    "by": "diff_field_by",
    "date": "diff_field_date",
    "place": "diff_field_place",
    "action": "diff_field_action",
    "body": "diff_field_body",
    "position": "diff_field_position",
    "role": "diff_field_role",
    "members": "diff_field_members",
    "committees": "diff_field_committees",
    "orders": "diff_field_orders",
    "duties": "diff_field_duties",
    "issuer": "diff_field_issuer",
    "before": "diff_field_before",
}
"""The label of each field name that has one; other fields read as their name in the data."""

_DIRECTION_LABELS = {"higher-is-better": "diff_higher", "lower-is-better": "diff_lower"}
_NUMERIC = re.compile(r"[0-9]+(?:\.[0-9]+)*")


@dataclass(frozen=True, slots=True)
class Words:
    """How one report words changes: the labels of one language and the choice of digits.

    Attributes:
        labels: The labels, with the new edition's overrides.
        digits: ``arabic`` or ``thai`` for the numbers eduplan writes.
    """

    labels: Labels
    digits: Digits = "arabic"

    @classmethod
    def of(
        cls,
        lang: Lang = "th",
        digits: Digits = "arabic",
        overrides: Mapping[str, str] | None = None,
        hierarchy: Sequence[str] = (),
    ) -> Words:
        """The words for ``lang`` and ``digits``, with a plan's ``labels:`` overrides and the names of its levels."""
        return cls(Labels(lang, overrides, hierarchy), digits)

    @property
    def lang(self) -> Lang:
        """``th`` or ``en``."""
        return self.labels.lang

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def number(self, text: str) -> str:
        """Digits eduplan writes (a year, a count, ``3.2.5``) in the report's digits."""
        return with_digits(text, self.digits)

    def value(self, value: Any) -> str:
        """A value of the plan (number, range, level, text, list, date) as the report writes it.

        In Thai a date (``edition.published``, an actual's ``measured``) reads as dates do in the
        documents: ``15 ธันวาคม 2565``, with its Buddhist-Era year.
        """
        day = _as_date(value) if self.lang == "th" else None  # English keeps ISO dates (2022-12-15)
        if day is not None:
            return format_date(day, self.lang, self.digits)
        return show(value, self.number, self["diff_none"], self["diff_any"])

    def kind(self, kind: ChangeKind) -> str:
        """The kind of change in words: ``ค่าเป้าหมายลดลง``, ``target lowered``."""
        return self[KIND_LABELS[kind]]

    def level(self, level: Level) -> str:
        """The level in words: ``สำคัญมาก``, ``major``."""
        return self[LEVEL_LABELS[level]]

    def item(self, noun: str, number: str, depth: int = 1) -> str:
        """An item with its number: ``ตัวชี้วัดที่ 19``, ``indicator 19``.

        A policy below the first level reads as the plan names that level: ``กลยุทธ์ที่ 1.2``.
        """
        shown = self.number(number) if _NUMERIC.fullmatch(number) else number
        if noun == "policy" and depth > 1:
            return self.labels.level_numbered(depth, shown)
        key = ITEM_LABELS.get(noun)
        return self.labels.format(key, number=shown) if key else f"{noun.replace('_', ' ')} {shown}"

    def field(self, path: str) -> str:
        """A field path: ``baseline.value`` reads ``ค่าของค่าฐาน`` in Thai."""
        words = [self[FIELD_LABELS[part]] if part in FIELD_LABELS else part for part in path.split(".")]
        text = words[0]
        for word in words[1:]:
            text = self.labels.format("diff_field_of", field=word, parent=text)
        return text

    def heading(self, group: Group) -> str:
        """A heading: ``นโยบายที่ 3`` (or the plan's word for a policy), ``เป้าประสงค์``."""
        if group.noun:
            return self.item(group.noun, group.number, group.depth or 1)
        return self.field(group.id) if group.id in FIELD_LABELS else group.label

    def detail(self, change: Change) -> str:
        """What changed, with the values, as one sentence."""
        return self.say(change.say) if change.say is not None else change.detail

    def hint(self, change: Change) -> str:
        """The re-identification hint, or ""."""
        if change.hint_say is not None:
            return self.say(change.hint_say)
        return change.hint or ""

    def weakening_unsaid(self, change: Change, detail: str) -> bool:
        """A weakening change whose sentence does not say so already (targets do, removals do not)."""
        return change.weakening and self["diff_weakening"] not in detail

    def say(self, say: Say) -> str:
        """Word a sentence of the engine."""
        params = dict(say.params)
        values: dict[str, str] = {}
        if "noun" in params:
            values["item"] = self.item(params["noun"], params["number"], params.get("depth", 1))
        elif say.key in ("diff_added", "diff_removed"):
            values["item"] = self.field(params["field"])
        if "field" in params:
            values["field"] = self.field(params["field"])
        for name in ("old", "new"):
            if name in params:
                values[name] = self.value(params[name])
        for name in ("year", "count", "alike"):
            if name in params:
                values[name] = self.number(str(params[name]))
        if "other" in params:
            values["other"] = str(params["other"])
        values.update(self._places(params))
        if say.key == "diff_links":
            parts = [
                self.labels.format(key, ids=", ".join(params[name]))
                for key, name in (("diff_links_added", "added"), ("diff_links_removed", "removed"))
                if params[name]
            ]
            values["changes"] = "; ".join(parts)
        return self.labels.format(say.key, **values) + self._after(params)

    def _after(self, params: Mapping[str, Any]) -> str:
        """What follows a sentence: the delta, the values a change target stands for, why it weakens the plan."""
        text = ""
        delta = params.get("delta")
        if delta is not None:
            text += f" ({'+' if delta > 0 else ''}{self.value(delta)})"
        resolved = params.get("resolved")
        if resolved is not None:
            text += " " + self.labels.format(
                "diff_target_as_values", old=self.value(resolved[0]), new=self.value(resolved[1])
            )
        direction = params.get("direction")
        if direction is not None:
            shown = self[_DIRECTION_LABELS[direction]] if direction in _DIRECTION_LABELS else str(direction)
            text += self.labels.format("diff_weakens", direction=shown)
        return text

    def _places(self, params: Mapping[str, Any]) -> dict[str, str]:
        """Where an item moved from and to (``old_ref``, ``new_ref``); a table's ``row`` and ``column``."""
        values: dict[str, str] = {}
        for name in ("old_ref", "new_ref"):
            if name in params:
                noun, number, depth, ident = params[name]
                where = self.item(noun, number, depth) if noun else self.field(ident)
                values[name.removesuffix("_ref")] = f"{where} ({ident})" if noun else where
        if "row" in params:
            values["row"] = self.number(str(params["row"]))
        if "column" in params:
            values["column"] = str(params["column"])  # the plan's heading, as published
        return values

    def summary(self, result: DiffResult) -> str:
        """``เปลี่ยนแปลง 6 รายการ: สำคัญมาก 2, ...; ลดทอนเป้าหมาย 2 รายการ`` (or no changes)."""
        counts = result.counts()
        total = counts["total"]
        if not total:
            return self["diff_no_changes"]
        levels = ", ".join(
            self.labels.format("diff_level_count", level=self.level(level), count=self.number(str(n)))
            for level in Level
            if (n := counts["by_severity"][level.value])
        )
        key = "diff_summary_one" if total == 1 else "diff_summary"
        text = self.labels.format(key, count=self.number(str(total)), levels=levels)
        if counts["weakening"]:
            text += self.labels.format("diff_summary_weakening", count=self.number(str(counts["weakening"])))
        return text


ENGLISH = Words.of("en", "arabic")
"""The engine's own words: the JSON's ``detail`` and ``hint`` sentences (language-neutral by its schema)."""


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _as_date(value: Any) -> dt.date | None:
    """A date value of the plan (a date, or the ISO text a dump made of one); None for anything else."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
