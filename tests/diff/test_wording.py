"""The words of a diff report: Thai sentences a planner would write, English as the JSON says it."""

from __future__ import annotations

from typing import Any

from eduplan.diff import DiffResult
from eduplan.diff.change import Say
from eduplan.diff.wording import Words
from tests.diff.helpers import diff, indicator, real_data

TH, EN = Words.of("th"), Words.of("en")


def _revised() -> tuple[dict[str, Any], dict[str, Any]]:
    """The real plan and a revision touching most kinds of change."""
    old, new = real_data(), real_data()
    item = indicator(new, "p3-i19")
    item["targets"][2568] = 80  # lowered: a weakening
    del item["targets"][2566]
    item["targets"][2571] = 92
    item.update(unit="คะแนน", owner="สพม.ลป", number="20")
    item["baseline"] = {"year": 2565, "value": 70}
    indicator(old, "p2-i1")["baseline"] = {"year": 2565, "value": 60}
    indicator(new, "p2-i1")["baseline"] = {"year": 2565, "value": 65}
    indicator(new, "p1-i1")["goals"] = ["g1", "g2"]
    moved = new["policies"][2]["indicators"].pop(19)  # p3-i20 to policy 4
    new["policies"][3]["indicators"].insert(0, moved)
    del new["policies"][4]  # policy 5, with its indicators
    new["vision"] += " อย่างยั่งยืน"
    return old, new


def test_the_english_sentences_of_the_json() -> None:
    # the JSON's detail is the English labels' wording (diff.wording.ENGLISH): one per kind of change
    result = diff(*_revised(), report_order=True)
    first = {}
    for change in result.changes:
        first.setdefault(change.kind, (change.path, change.detail))
    assert list(first.values()) == [
        ("vision", "vision reworded"),
        ("p1-i1.goals", "links to goals: added g1, g2"),
        ("p3-i19.baseline", "baseline added"),
        ("p3-i19.number", "number changed from 19 to 20"),
        ("p3-i19.unit", "unit changed from ร้อยละ to คะแนน"),
        ("p3-i19.targets.2566", "target for 2566 removed (was 85)"),
        (
            "p3-i19.targets.2568",
            "target for 2568 lowered from 86 to 80 (-6); the indicator is higher-is-better: a weakening",
        ),
        ("p3-i19.targets.2571", "target for 2571 added: 92"),
        ("p3-i19.owner", "owner changed from แผน ศธ.ลพ to สพม.ลป"),
        ("p3-i20", "moved from policy 3 (p3) to policy 4 (p4)"),
        ("p5", "policy 5 removed, with 7 indicators"),
    ]
    assert [EN.detail(c) for c in result.changes] == [c.detail for c in result.changes]


def test_thai_sentences() -> None:
    result = diff(*_revised())
    said = {c.path: TH.detail(c) for c in result.changes}
    assert said["p3-i19.targets.2568"] == (
        "ค่าเป้าหมายปี 2568 ลดลงจาก 86 เป็น 80 (-6); ตัวชี้วัดนี้ค่ายิ่งสูงยิ่งดี จึงเป็นการลดทอนเป้าหมาย"
    )
    assert said["p3-i19.targets.2566"] == "ยกเลิกค่าเป้าหมายปี 2566 (เดิม 85)"
    assert said["p3-i19.targets.2571"] == "เพิ่มค่าเป้าหมายปี 2571: 92"
    assert said["p3-i19.unit"] == "เปลี่ยนหน่วยนับจาก ร้อยละ เป็น คะแนน"
    assert said["p3-i19.owner"].startswith("เปลี่ยนผู้รับผิดชอบจาก ")
    assert said["p3-i19.number"] == "เปลี่ยนเลขที่จาก 19 เป็น 20"
    assert said["p3-i19.baseline"] == "เพิ่มค่าฐาน"
    assert said["p2-i1.baseline.value"] == "เปลี่ยนค่าของค่าฐานจาก 60 เป็น 65"
    assert said["p1-i1.goals"].startswith("การเชื่อมโยงกับเป้าประสงค์: ")
    assert said["p3-i20"] == "ย้ายจากนโยบายที่ 3 (p3) ไปอยู่ที่นโยบายที่ 4 (p4)"
    assert said["p5"] == "ยกเลิกนโยบายที่ 5 พร้อมตัวชี้วัด 7 ตัวชี้วัด"
    assert said["vision"] == "ปรับถ้อยคำวิสัยทัศน์"
    assert TH.summary(result).startswith("เปลี่ยนแปลง 12 รายการ: สำคัญมาก 3, ")


def test_kinds_levels_and_headings_have_thai_words() -> None:
    result = diff(*_revised())
    kinds = {TH.kind(c.kind) for c in result.changes}
    assert {"ค่าเป้าหมายลดลง", "ยกเลิกปีของค่าเป้าหมาย", "เปลี่ยนหน่วยนับ", "ย้าย", "ยกเลิก"} <= kinds
    assert [TH.level(c.severity) for c in result.changes[:1]] == ["แจ้งให้ทราบ"]  # the vision comes first
    assert TH.heading(result.groups["p3-i19"]) == "ตัวชี้วัดที่ 20"
    assert TH.heading(result.groups["vision"]) == "วิสัยทัศน์"
    assert EN.heading(result.groups["p3"]) == "policy 3"


def test_thai_digits_are_for_the_numbers_eduplan_writes() -> None:
    words = Words.of("th", "thai")
    say = Say.of("diff_changed", field="baseline.value", old={"min": 70, "max": 80.5}, new="ดีมาก")
    assert words.say(say) == "เปลี่ยนค่าของค่าฐานจาก ๗๐–๘๐.๕ เป็น ดีมาก"
    assert words.item("approach", "3.2.5") == "แนวทางการพัฒนาที่ ๓.๒.๕"
    assert words.item("acceptance", "TG02@p3-i19") == "ข้อบกพร่องที่ยอมรับ TG02@p3-i19"  # a key, not a number
    assert words.say(Say.of("diff_hint_added", other="p5-i7", alike=94)).endswith("(ชื่อคล้ายกันร้อยละ ๙๔)")


def test_the_plans_labels_override_the_words() -> None:
    words = Words.of("th", overrides={"policy": "กลยุทธ์", "diff_level_major": "ต้องแก้ไข"})
    result = diff(*_revised())
    assert words.heading(result.groups["p3"]) == "กลยุทธ์ที่ 3"
    assert words.summary(result).startswith("เปลี่ยนแปลง 12 รายการ: ต้องแก้ไข 3, ")
    moved = Say.of("diff_moved", old_ref=("policy", "3", 1, "p3"), new_ref=("policy", "4", 1, "p4"))
    assert words.say(moved) == "ย้ายจากกลยุทธ์ที่ 3 (p3) ไปอยู่ที่กลยุทธ์ที่ 4 (p4)"


def test_no_changes_and_one_change() -> None:
    assert (TH.summary(DiffResult([])), EN.summary(DiffResult([]))) == ("ไม่มีการเปลี่ยนแปลง", "no changes")
    new = real_data()
    indicator(new, "p1-i4")["targets"][2570] = 75
    result = diff(real_data(), new)
    assert EN.summary(result) == "1 change: 1 minor"
    assert TH.summary(result) == "เปลี่ยนแปลง 1 รายการ: เล็กน้อย 1"
