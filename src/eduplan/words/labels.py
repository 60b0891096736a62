"""Every word eduplan shows to readers of a document, in Thai first and in English.

A label may name other labels and parameters in braces: the Thai ``policy_numbered`` is
``{policy}ที่ {number}``, so a plan that sets ``labels: {policy: กลยุทธ์}`` gets headings
``กลยุทธ์ที่ 1`` without touching code or templates.

``Plan.labels`` overrides the Thai words (the language plans are written in); a key written
``en.KEY`` overrides the English word.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from eduplan.errors import EduplanError
from eduplan.words.thai import Lang

__all__ = ["LABELS", "PARAMETERS", "Labels", "unknown_label_keys"]

LABELS: dict[str, tuple[str, str]] = {
    # documents and title page
    "plan": ("แผนพัฒนาการศึกษา", "Educational development plan"),
    "action_plan_title": ("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. {year}", "Annual action plan, fiscal year B.E. {year}"),
    "office": ("หน่วยงาน", "Office"),
    "former_names": ("ชื่อเดิม", "Formerly"),
    "period": ("ระยะเวลาของแผน", "Plan period"),
    "period_value": ("พ.ศ. {start}–{end}", "B.E. {start}–{end}"),
    "edition": ("ฉบับ", "Edition"),
    "published": ("วันที่ประกาศ", "Published"),
    "fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "fiscal_year_span": ("{start} ถึง {end}", "{start} to {end}"),
    # the plan's sections
    "vision": ("วิสัยทัศน์", "Vision"),
    "missions": ("พันธกิจ", "Missions"),
    "goals": ("เป้าประสงค์", "Goals"),
    "policy": ("นโยบาย", "Policy"),
    "policies": ("{policy}", "Policies"),
    "policy_numbered": ("{policy}ที่ {number}", "{policy} {number}"),
    "targets": ("เป้าหมาย", "Targets"),
    "approaches": ("แนวทางการพัฒนา", "Development approaches"),
    "indicators": ("ตัวชี้วัดและค่าเป้าหมาย", "Indicators and targets"),
    "values": ("ค่านิยม", "Values"),
    "driving_model": ("รูปแบบการขับเคลื่อน", "Driving model"),
    "qualities": ("คุณภาพที่มุ่งหวัง", "Qualities aimed at"),
    # indicator tables
    "col_number": ("ที่", "No."),
    "col_indicator": ("ตัวชี้วัด", "Indicator"),
    "col_unit": ("หน่วยนับ", "Unit"),
    "col_baseline": ("ค่าฐาน (ปี)", "Baseline (year)"),
    "col_targets": ("ค่าเป้าหมาย (พ.ศ.)", "Targets (B.E.)"),
    "col_target_year": ("ค่าเป้าหมาย ปี {year}", "Target {year}"),
    "col_owner": ("ผู้รับผิดชอบ", "Owner"),
    "empty": ("–", "–"),
    "empty_title": ("ไม่ระบุ", "not given"),
    # charts
    "charts": ("แผนภูมิค่าเป้าหมาย", "Target charts"),
    "chart_target": ("ค่าเป้าหมาย", "Target"),
    "chart_actual": ("ผลที่วัดได้", "Measured"),
    "chart_none": ("ค่าเป้าหมายเชิงคุณภาพ ไม่มีแผนภูมิ", "Qualitative targets: no chart"),
    "chart_indicator": ("ตัวชี้วัดที่ {number}", "Indicator {number}"),
    # action plans
    "projects": ("โครงการ/กิจกรรมหลัก", "Projects and main activities"),
    "project_numbered": ("โครงการที่ {number}", "Project {number}"),
    "objectives": ("วัตถุประสงค์", "Objectives"),
    "targets_quantitative": ("เป้าหมายเชิงปริมาณ", "Quantitative targets"),
    "targets_qualitative": ("เป้าหมายเชิงคุณภาพ", "Qualitative targets"),
    "project_indicators": ("ตัวชี้วัดของแผนที่เกี่ยวข้อง", "Plan indicators served"),
    "success_indicators": ("ตัวชี้วัดความสำเร็จและค่าเป้าหมาย", "Indicators of success and targets"),
    "budget": ("งบประมาณ (บาท)", "Budget (baht)"),
    "budget_amount": ("งบประมาณ {amount} บาท", "budget {amount} baht"),
    "budget_source": ("แหล่งงบประมาณ", "Source of funds"),
    "project_owner": ("กลุ่ม/ผู้รับผิดชอบ", "Responsible group"),
    "alignment": ("ความสอดคล้อง", "Alignment"),
    "schedule": ("แผนการดำเนินงานรายไตรมาส", "Schedule by quarter"),
    "quarter": ("ไตรมาส {number}", "Q{number}"),
    "quarter_target": ("การดำเนินงาน", "Work"),
    "no_action_plan": (
        "แผนนี้ยังไม่มีข้อมูลโครงการและงบประมาณของปีงบประมาณ พ.ศ. {year}",
        "This plan has no projects or budget for fiscal year B.E. {year} yet.",
    ),
    "no_projects": ("ไม่มีโครงการภายใต้{policy}นี้", "No projects under this policy."),
    "other_projects": ("โครงการที่ไม่ตรงกับ{policy}ใดในแผน", "Projects under no policy of this plan"),
    "unknown_ref": ("{id} (ไม่พบในแผน)", "{id} (not in the plan)"),
    "indicator_ref": ("{policy}ที่ {policy_number} ตัวชี้วัดที่ {number}", "{policy} {policy_number}, indicator {number}"),
    "budget_summary": ("สรุปงบประมาณ", "Budget summary"),
    "projects_count": ("จำนวนโครงการ", "Projects"),
    "total": ("รวม", "Total"),
    "declared_total": ("งบประมาณรวมตามแผนปฏิบัติการ", "Total budget as declared"),
    "alignment_matrix": ("ความสอดคล้องของโครงการกับแผนระดับสูง", "Alignment of projects with higher plans"),
    "col_project": ("โครงการ", "Project"),
    "scheme_national_strategy_20y": ("ยุทธศาสตร์ชาติ 20 ปี", "20-year national strategy"),
    "scheme_master_plan": ("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "Master plan"),
    "scheme_ndp13": ("แผนพัฒนาฯ ฉบับที่ 13", "13th national development plan"),
    "scheme_moe_policy": ("นโยบาย ศธ.", "Ministry policy"),
    "scheme_obec_policy": ("นโยบาย สพฐ.", "OBEC policy"),
    "scheme_sdg": ("SDG", "SDG"),
    # performance reports
    "report_title": (
        "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {year}",
        "Annual performance report, fiscal year B.E. {year}",
    ),
    "report_summary": ("สรุปผลการดำเนินงาน", "Summary"),
    "share_achieved": (
        "บรรลุค่าเป้าหมาย {count} จาก {of} ตัวชี้วัดที่วัดผลได้ (ร้อยละ {share})",
        "{count} of {of} measured indicators achieved their target ({share}%)",
    ),
    "share_none": ("ไม่มีตัวชี้วัดที่วัดผลเทียบกับค่าเป้าหมายได้", "No indicator could be measured against its target"),
    "indicators_count": ("ตัวชี้วัดทั้งหมด {count} ตัวชี้วัด", "{count} indicators in all"),
    "col_status": ("สถานะ", "Status"),
    "col_count": ("จำนวนตัวชี้วัด", "Indicators"),
    "col_actual": ("ผลการดำเนินงาน", "Actual"),
    "col_share_achieved": ("ร้อยละที่บรรลุ", "% achieved"),
    "status_by_policy": ("ผลรายนโยบาย", "Results by policy"),
    "status_achieved": ("บรรลุ", "Achieved"),
    "status_not_achieved": ("ไม่บรรลุ", "Not achieved"),
    "status_no_data": ("ไม่มีข้อมูล", "No data"),
    "status_not_comparable": ("เทียบไม่ได้", "Not comparable"),
    "status_not_due": ("ไม่มีค่าเป้าหมาย", "No target"),
    "indicator_results": ("ผลตามตัวชี้วัด", "Results by indicator"),
    "reason": ("คำอธิบาย", "Why"),
    "measured": ("วันที่วัดผล", "Measured on"),
    "data_source": ("แหล่งข้อมูล", "Source"),
    "note": ("หมายเหตุ", "Note"),
    "why_better": ("ดีกว่าค่าเป้าหมาย {amount}", "better than the target by {amount}"),
    "why_equal": ("เท่ากับค่าเป้าหมาย", "equal to the target"),
    "why_short": ("ขาดอีก {amount} จึงจะถึงค่าเป้าหมาย", "short of the target by {amount}"),
    "why_off": ("ห่างจากค่าเป้าหมาย {amount}", "off the target by {amount}"),
    "why_inside": ("อยู่ในช่วงค่าเป้าหมาย", "within the target range"),
    "why_outside": ("อยู่นอกช่วงค่าเป้าหมาย {amount}", "outside the target range by {amount}"),
    "why_levels_better": ("สูงกว่าระดับเป้าหมาย {amount} ระดับ", "{amount} level(s) above the target"),
    "why_levels_short": ("ต่ำกว่าระดับเป้าหมาย {amount} ระดับ", "{amount} level(s) below the target"),
    "why_level_same": ("ตรงกับระดับเป้าหมาย", "the target level"),
    "why_level_other": ("ไม่ตรงกับระดับเป้าหมาย", "not the target level"),
    "why_by_equality": (
        "(เทียบว่าตรงกันหรือไม่ เพราะตัวชี้วัดไม่ได้กำหนดลำดับของระดับ)",
        "(compared for equality: the indicator gives no scale of levels)",
    ),
    "why_higher": ("ค่ายิ่งสูงยิ่งดี", "higher is better"),
    "why_lower": ("ค่ายิ่งต่ำยิ่งดี", "lower is better"),
    "why_maintain": ("รักษาระดับ", "maintain"),
    "why_not_mentioned": ("รายงานไม่ได้กล่าวถึงตัวชี้วัดนี้", "the report does not mention the indicator"),
    "why_no_reason": ("รายงานไม่ได้ระบุผลและเหตุผล", "the report gives no value and no reason"),
    "why_no_target": ("ไม่มีค่าเป้าหมายของปี {year}", "no target for {year}"),
    "why_range_actual": ("ผลที่รายงานเป็นช่วง ไม่ใช่ค่าเดียว", "the actual is a range, not one value"),
    "why_kinds": (
        "ผลกับค่าเป้าหมายเป็นคนละชนิด (ระดับกับตัวเลข)",
        "the actual and the target are of different kinds (a level and a number)",
    ),
    "why_off_scale": ("{value} ไม่อยู่ในลำดับระดับของตัวชี้วัด", "{value} is not on the indicator's scale of levels"),
    "project_results": ("ผลการดำเนินโครงการ", "Project results"),
    "col_done": ("การดำเนินการ", "Carried out"),
    "col_spent": ("ใช้จ่ายจริง (บาท)", "Spent (baht)"),
    "col_share_spent": ("ร้อยละการใช้จ่าย", "% spent"),
    "done_yes": ("ดำเนินการแล้ว", "Done"),
    "done_no": ("ยังไม่ได้ดำเนินการ", "Not done"),
    "done_unknown": ("ไม่ได้รายงาน", "Not reported"),
    "no_project_results": (
        "ปีงบประมาณนี้ไม่มีโครงการและผลการดำเนินโครงการ",
        "No projects or project results for this fiscal year.",
    ),
    "not_in_action_plan": ("{id} (ไม่พบในแผนปฏิบัติการ)", "{id} (not in the action plan)"),
    "unknown_actuals": ("รายงานให้ผลของรหัสที่ไม่พบในแผน: {id}", "The report gives results for ids not in the plan: {id}"),
    # what changed between two editions (eduplan diff); English words as the JSON "detail" writes them
    "diff_title": ("การเปลี่ยนแปลงของแผน", "Plan changes"),
    "diff_page_title": ("สิ่งที่เปลี่ยนแปลง", "What changed"),
    "diff_nothing": ("ไม่มีการเปลี่ยนแปลง", "No changes."),
    "diff_no_changes": ("ไม่มีการเปลี่ยนแปลง", "no changes"),
    "diff_summary": ("เปลี่ยนแปลง {count} รายการ: {levels}", "{count} changes: {levels}"),
    "diff_summary_one": ("เปลี่ยนแปลง {count} รายการ: {levels}", "{count} change: {levels}"),
    "diff_level_count": ("{level} {count}", "{count} {level}"),
    "diff_summary_weakening": ("; ลดทอนเป้าหมาย {count} รายการ", "; {count} weakening"),
    "diff_more": (
        "ยังมีอีก {count} รายการที่ไม่ได้แสดงในบรรทัด; {summary}",
        "{count} more changes are not annotated; {summary}",
    ),
    "diff_weakening": ("ลดทอนเป้าหมาย", "weakening"),
    "diff_hint": ("ข้อสังเกต", "hint"),
    "diff_level_major": ("สำคัญมาก", "major"),
    "diff_level_warn": ("ควรทบทวน", "warn"),
    "diff_level_minor": ("เล็กน้อย", "minor"),
    "diff_level_info": ("แจ้งให้ทราบ", "info"),
    "diff_kind_removed": ("ยกเลิก", "removed"),
    "diff_kind_added": ("เพิ่มใหม่", "added"),
    "diff_kind_moved": ("ย้าย", "moved"),
    "diff_kind_renamed": ("เปลี่ยนชื่อ", "renamed"),
    "diff_kind_renumbered": ("เปลี่ยนเลขที่", "renumbered"),
    "diff_kind_kind_changed": ("เปลี่ยนชนิดของค่า", "kind changed"),
    "diff_kind_direction_changed": ("เปลี่ยนทิศทาง", "direction changed"),
    "diff_kind_unit_changed": ("เปลี่ยนหน่วยนับ", "unit changed"),
    "diff_kind_target_raised": ("ค่าเป้าหมายเพิ่มขึ้น", "target raised"),
    "diff_kind_target_lowered": ("ค่าเป้าหมายลดลง", "target lowered"),
    "diff_kind_target_changed": ("ค่าเป้าหมายเปลี่ยน", "target changed"),
    "diff_kind_target_year_added": ("เพิ่มปีของค่าเป้าหมาย", "target year added"),
    "diff_kind_target_year_removed": ("ยกเลิกปีของค่าเป้าหมาย", "target year removed"),
    "diff_kind_owner_changed": ("เปลี่ยนผู้รับผิดชอบ", "owner changed"),
    "diff_kind_text_changed": ("ปรับถ้อยคำ", "text changed"),
    "diff_kind_changed": ("แก้ไข", "changed"),
    "diff_kind_reordered": ("เรียงลำดับใหม่", "reordered"),
    "diff_item_policy": ("{policy}ที่ {number}", "policy {number}"),
    "diff_item_mission": ("พันธกิจที่ {number}", "mission {number}"),
    "diff_item_goal": ("เป้าประสงค์ที่ {number}", "goal {number}"),
    "diff_item_target": ("เป้าหมายที่ {number}", "target {number}"),
    "diff_item_approach": ("แนวทางการพัฒนาที่ {number}", "approach {number}"),
    "diff_item_indicator": ("ตัวชี้วัดที่ {number}", "indicator {number}"),
    "diff_item_project": ("โครงการที่ {number}", "project {number}"),
    "diff_item_action_plan": ("แผนปฏิบัติการ ปีงบประมาณ พ.ศ. {number}", "action plan {number}"),
    "diff_item_report": ("รายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. {number}", "report {number}"),
    "diff_item_component": ("องค์ประกอบ {number}", "component {number}"),
    "diff_item_quality": ("คุณภาพ {number}", "quality {number}"),
    "diff_item_group": ("กลุ่ม {number}", "group {number}"),
    "diff_item_acceptance": ("ข้อบกพร่องที่ยอมรับ {number}", "acceptance {number}"),
    "diff_item_actual": ("ผลของตัวชี้วัด {number}", "actual {number}"),
    "diff_item_alignment": ("ความสอดคล้อง {number}", "alignment {number}"),
    "diff_field_plan": ("แผน", "plan"),
    "diff_field_vision": ("{vision}", "vision"),
    "diff_field_missions": ("{missions}", "missions"),
    "diff_field_goals": ("{goals}", "goals"),
    "diff_field_targets": ("{targets}", "targets"),
    "diff_field_approaches": ("{approaches}", "approaches"),
    "diff_field_indicators": ("ตัวชี้วัด", "indicators"),
    "diff_field_values": ("{values}", "values"),
    "diff_field_driving_model": ("{driving_model}", "driving model"),
    "diff_field_qualities": ("{qualities}", "qualities"),
    "diff_field_action_plans": ("แผนปฏิบัติการ", "action plans"),
    "diff_field_reports": ("รายงานผลการดำเนินงาน", "reports"),
    "diff_field_accepted": ("ข้อบกพร่องที่ยอมรับ", "accepted"),
    "diff_field_title": ("ชื่อเรื่อง", "title"),
    "diff_field_name": ("ชื่อ", "name"),
    "diff_field_number": ("เลขที่", "number"),
    "diff_field_unit": ("{col_unit}", "unit"),
    "diff_field_kind": ("ชนิดของค่า", "kind"),
    "diff_field_direction": ("ทิศทาง", "direction"),
    "diff_field_levels": ("ลำดับระดับ", "levels"),
    "diff_field_baseline": ("ค่าฐาน", "baseline"),
    "diff_field_owner": ("{col_owner}", "owner"),
    "diff_field_notes": ("{note}", "notes"),
    "diff_field_value": ("ค่า", "value"),
    "diff_field_year": ("ปี", "year"),
    "diff_field_budget": ("งบประมาณ", "budget"),
    "diff_field_description": ("คำอธิบาย", "description"),
    "diff_field_of": ("{field}ของ{parent}", "{parent}.{field}"),
    "diff_added": ("เพิ่ม{item}", "{item} added"),
    "diff_removed": ("ยกเลิก{item}", "{item} removed"),
    "diff_removed_with": ("ยกเลิก{item} พร้อมตัวชี้วัด {count} ตัวชี้วัด", "{item} removed, with {count} indicators"),
    "diff_removed_with_one": ("ยกเลิก{item} พร้อมตัวชี้วัด {count} ตัวชี้วัด", "{item} removed, with {count} indicator"),
    "diff_moved": ("ย้ายจาก{policy} {old} ไปอยู่ที่ {new}", "moved from policy {old} to {new}"),
    "diff_position": ("ย้ายจากลำดับที่ {old} เป็นลำดับที่ {new}", "moved from position {old} to {new}"),
    "diff_renamed": ("แก้ไขชื่อ {count} แห่ง", "name changed in {count} places"),
    "diff_renamed_one": ("แก้ไขชื่อ 1 แห่ง", "name changed in 1 place"),
    "diff_reworded": ("แก้ไขข้อความ {count} แห่ง", "text changed in {count} places"),
    "diff_reworded_one": ("แก้ไขข้อความ 1 แห่ง", "text changed in 1 place"),
    "diff_field_reworded": ("ปรับถ้อยคำ{field}", "{field} reworded"),
    "diff_changed": ("เปลี่ยน{field}จาก {old} เป็น {new}", "{field} changed from {old} to {new}"),
    "diff_reordered": ("เรียงลำดับ{field}ใหม่", "{field} in another order"),
    "diff_links": ("การเชื่อมโยงกับ{field}: {changes}", "links to {field}: {changes}"),
    "diff_links_added": ("เพิ่ม {ids}", "added {ids}"),
    "diff_links_removed": ("ยกเลิก {ids}", "removed {ids}"),
    "diff_target_added": ("เพิ่มค่าเป้าหมายปี {year}: {new}", "target for {year} added: {new}"),
    "diff_target_removed": ("ยกเลิกค่าเป้าหมายปี {year} (เดิม {old})", "target for {year} removed (was {old})"),
    "diff_target_raised": (
        "ค่าเป้าหมายปี {year} เพิ่มขึ้นจาก {old} เป็น {new}",
        "target for {year} raised from {old} to {new}",
    ),
    "diff_target_lowered": (
        "ค่าเป้าหมายปี {year} ลดลงจาก {old} เป็น {new}",
        "target for {year} lowered from {old} to {new}",
    ),
    "diff_target_changed": (
        "ค่าเป้าหมายปี {year} เปลี่ยนจาก {old} เป็น {new}",
        "target for {year} changed from {old} to {new}",
    ),
    "diff_weakens": ("; ตัวชี้วัดนี้{direction} จึงเป็นการลดทอนเป้าหมาย", "; the indicator is {direction}: a weakening"),
    "diff_higher": ("{why_higher}", "higher-is-better"),
    "diff_lower": ("{why_lower}", "lower-is-better"),
    "diff_hint_removed": (
        "อาจเป็นรายการเดียวกับ {other} ที่เพิ่มใหม่ (ชื่อคล้ายกันร้อยละ {alike}) จึงไม่ได้รวมเป็นรายการเดียว",
        "possibly re-identified as {other} (names {alike}% alike); not merged",
    ),
    "diff_hint_added": (
        "อาจเป็นรายการเดียวกับ {other} ที่ถูกยกเลิก (ชื่อคล้ายกันร้อยละ {alike})",
        "possibly the same item as removed {other} (names {alike}% alike)",
    ),
    "diff_none": ("(ไม่มี)", "(none)"),
    "diff_any": ("(ไม่กำหนด)", "(any)"),
    # colophon
    "generated_by": ("จัดทำด้วย eduplan จากข้อมูลแผน {id}", "Made with eduplan from the plan data {id}"),
    "generated_on": ("จัดทำเอกสารเมื่อ {date}", "Generated on {date}"),
    "source": ("ที่มาของข้อมูล", "Source of the data"),
}
"""Label key -> (Thai, English)."""

PARAMETERS = frozenset(
    {"amount", "count", "date", "end", "id", "number", "of", "policy_number", "share", "start", "value", "year"}
    | {"alike", "changes", "direction", "field", "ids", "item", "level", "levels", "new", "old", "other", "parent"}
    | {"summary"}
)
"""Names that labels take as parameters, filled in by the code that uses the label."""

_LANG_INDEX: dict[Lang, int] = {"th": 0, "en": 1}
_MAX_DEPTH = 8


def unknown_label_keys(overrides: Mapping[str, str]) -> list[str]:
    """Keys of ``Plan.labels`` that name no label (typos), in sorted order."""
    return sorted(k for k in overrides if k.removeprefix("en.") not in LABELS)


class Labels:
    """The words of one document: defaults for ``lang``, overridden by the plan's labels.

    ``labels["vision"]`` gives the finished word; ``labels.format("policy_numbered", number="1")``
    fills parameters. Both resolve references to other labels.
    """

    def __init__(self, lang: Lang, overrides: Mapping[str, str] | None = None) -> None:
        index = _LANG_INDEX[lang]
        self.lang: Lang = lang
        self._table = {key: pair[index] for key, pair in LABELS.items()}
        for key, value in (overrides or {}).items():
            if key.startswith("en.") != (lang == "en"):
                continue  # an override for the other language
            name = key.removeprefix("en.")
            if name in self._table:
                self._table[name] = value

    def __getitem__(self, key: str) -> str:
        return self.format(key)

    def format(self, key: str, **params: Any) -> str:
        """The label ``key`` with ``{label}`` references and ``{param}`` parameters filled in.

        Raises:
            EduplanError: the label names something that is neither a label nor a parameter,
                or refers to itself.
        """
        return self._resolve(key, params, 0)

    def _resolve(self, key: str, params: Mapping[str, Any], depth: int) -> str:
        if depth > _MAX_DEPTH:
            raise EduplanError(f"label {key!r} refers to itself (labels: in the plan)")
        text = self._table[key]
        values: dict[str, str] = {}
        for field in _fields(key, text):
            if field is None or field in values:
                continue
            if field in params:
                values[field] = str(params[field])
            elif field in self._table:
                values[field] = self._resolve(field, params, depth + 1)
            else:
                raise EduplanError(f"label {key!r} ({text!r}) names {{{field}}}, which is neither a label nor a value")
        return text.format_map(values)

    def as_dict(self) -> dict[str, str]:
        """Every label without parameters, resolved (the ``L`` that templates see)."""
        out: dict[str, str] = {}
        for key in self._table:
            if not self._parameters(key, 0):
                out[key] = self._resolve(key, {}, 0)
        return out

    def _parameters(self, key: str, depth: int) -> set[str]:
        """The parameters a label needs, through the labels it names.

        Raises:
            EduplanError: it names something that is neither a label nor a parameter.
        """
        if depth > _MAX_DEPTH:
            raise EduplanError(f"label {key!r} refers to itself (labels: in the plan)")
        text = self._table[key]
        needed: set[str] = set()
        for field in _fields(key, text):
            if field in self._table:
                needed |= self._parameters(field, depth + 1)
            elif field in PARAMETERS:
                needed.add(field)
            else:
                raise EduplanError(f"label {key!r} ({text!r}) names {{{field}}}, which is neither a label nor a value")
        return needed


def _fields(key: str, text: str) -> list[str]:
    """The names in braces in a label's text."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise EduplanError(f"label {key!r} ({text!r}) is not a valid pattern: {exc}") from None
    fields = []
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if spec or conversion or not field.isidentifier():
            shown = "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise EduplanError(f"label {key!r} ({text!r}): {shown} is not a plain {{name}}; labels take no formats")
        fields.append(field)
    return fields
