"""The diff engine by example: one kind of change at a time, on the real plan."""

from __future__ import annotations

from eduplan.diff import ChangeKind, Level
from tests.diff.helpers import diff, indicator, kinds, real_data


def test_a_plan_against_itself_has_no_changes():
    assert diff(real_data(), real_data()).changes == []


def test_lowered_target_on_higher_is_better_is_a_major_weakening():
    new = real_data()
    indicator(new, "p3-i19")["targets"][2568] = 80  # was 86
    (change,) = diff(real_data(), new).changes
    assert (change.kind, change.path, change.id) == (ChangeKind.TARGET_LOWERED, "p3-i19.targets.2568", "p3-i19")
    assert (change.old, change.new, change.delta) == (86, 80, -6)
    assert change.weakening and change.severity is Level.MAJOR
    assert (change.group, change.item) == ("p3", "p3-i19")


def test_raising_a_lower_is_better_target_is_the_weakening():
    old, new = real_data(), real_data()
    indicator(old, "p3-i19")["direction"] = indicator(new, "p3-i19")["direction"] = "lower-is-better"
    indicator(new, "p3-i19")["targets"][2568] = 90
    indicator(new, "p3-i19")["targets"][2569] = 70
    raised, lowered = diff(old, new).changes
    assert (raised.kind, raised.weakening, raised.severity) == (ChangeKind.TARGET_RAISED, True, Level.MAJOR)
    assert (lowered.kind, lowered.weakening, lowered.severity) == (ChangeKind.TARGET_LOWERED, False, Level.MINOR)


def test_maintain_targets_move_without_weakening():
    old, new = real_data(), real_data()
    indicator(old, "p3-i1")["direction"] = indicator(new, "p3-i1")["direction"] = "maintain"
    indicator(new, "p3-i1")["targets"][2570] = 70
    (change,) = diff(old, new).changes
    assert (change.kind, change.weakening) == (ChangeKind.TARGET_LOWERED, False)


def test_tolerance_hides_small_numeric_changes():
    new = real_data()
    indicator(new, "p1-i1")["targets"][2566] = 80.4  # was 80
    assert kinds(diff(real_data(), new, tolerance=0.5)) == []
    assert kinds(diff(real_data(), new)) == [("target-raised", "p1-i1.targets.2566")]


def test_target_years_added_and_removed():
    new = real_data()
    del indicator(new, "p2-i5")["targets"][2566]
    indicator(new, "p2-i5")["targets"][2571] = 85
    removed, added = diff(real_data(), new).changes
    assert (removed.kind, removed.old, removed.new) == (ChangeKind.TARGET_YEAR_REMOVED, 70, None)
    assert removed.weakening
    assert (added.kind, added.path, added.new) == (ChangeKind.TARGET_YEAR_ADDED, "p2-i5.targets.2571", 85)


def test_levels_compare_on_the_indicators_scale():
    old, new = real_data(), real_data()
    for data in (old, new):
        indicator(data, "p5-i5")["levels"] = ["พอใช้", "ดี", "ดีมาก"]
    indicator(new, "p5-i5")["targets"][2566] = "ดี"
    indicator(new, "p5-i5")["targets"][2567] = "ยอดเยี่ยม"  # not on the scale: no up or down
    lowered, changed = diff(old, new).changes
    assert (lowered.kind, lowered.delta, lowered.weakening) == (ChangeKind.TARGET_LOWERED, -1, True)
    assert (changed.kind, changed.old, changed.new) == (ChangeKind.TARGET_CHANGED, "ดีมาก", "ยอดเยี่ยม")


def test_ranges_move_when_both_bounds_move_the_same_way():
    old, new = real_data(), real_data()
    indicator(old, "p1-i1")["targets"][2566] = {"min": 70, "max": 80}
    indicator(new, "p1-i1")["targets"][2566] = {"min": 75, "max": 80}
    indicator(old, "p1-i1")["targets"][2567] = {"min": 70, "max": 80}
    indicator(new, "p1-i1")["targets"][2567] = {"min": 60, "max": 90}  # wider: neither up nor down
    indicator(new, "p1-i1")["targets"][2568] = {"min": 85, "max": 95}  # number -> range
    raised, widened, retyped = diff(old, new).changes
    assert raised.kind is ChangeKind.TARGET_RAISED
    assert (raised.old, raised.new) == ({"min": 70, "max": 80}, {"min": 75, "max": 80})
    assert widened.kind is retyped.kind is ChangeKind.TARGET_CHANGED


def test_field_changes_have_their_own_kinds():
    new = real_data()
    item = indicator(new, "p4-i2")
    item.update(name=item["name"] + " (ทบทวน)", unit="ร้อยละ", owner="สพฐ.", kind="count", direction="maintain")
    item["notes"] = "เพิ่มในฉบับทบทวน"
    found = kinds(diff(real_data(), new))
    assert found == [
        ("renamed", "p4-i2.name"),
        ("kind-changed", "p4-i2.kind"),
        ("direction-changed", "p4-i2.direction"),
        ("unit-changed", "p4-i2.unit"),
        ("owner-changed", "p4-i2.owner"),
        ("changed", "p4-i2.notes"),
    ]


def test_narrative_changes_carry_a_word_diff_that_keeps_thai_clusters_whole():
    new = real_data()
    new["policies"][0]["indicators"][4]["name"] = new["policies"][0]["indicators"][4]["name"].replace("เพิ่มขั้น", "เพิ่มขึ้น")
    new["goals"][9]["text"] = new["goals"][9]["text"].replace("ธรรมมาภิบาล", "ธรรมาภิบาล")
    reworded, renamed = diff(real_data(), new).changes  # goals come before policies
    assert [(op, t) for op, t in renamed.words if op != "="] == [("-", "ขั้"), ("+", "ขึ้")]
    assert (reworded.kind, reworded.path, reworded.group) == (ChangeKind.TEXT_CHANGED, "g10.text", "goals")
    assert [(op, t) for op, t in reworded.words if op != "="] == [("-", "ม")]


def test_removed_and_added_indicators_with_similar_names_get_a_hint_and_stay_separate():
    new = real_data()
    gone = new["policies"][4]["indicators"].pop()  # p5-i7
    new["policies"][4]["indicators"].append({**gone, "id": "p5-i8", "number": "8", "name": gone["name"] + " ทุกแห่ง"})
    removed, added = diff(real_data(), new).changes
    assert (removed.kind, removed.id, removed.weakening) == (ChangeKind.REMOVED, "p5-i7", True)
    assert (added.kind, added.id) == (ChangeKind.ADDED, "p5-i8")
    assert removed.hint is not None and "p5-i8" in removed.hint
    assert added.hint is not None and "p5-i7" in added.hint


def test_unlike_items_get_no_hint():
    new = real_data()
    new["policies"][4]["indicators"].pop()
    new["policies"][4]["indicators"].append({"id": "x1", "number": "8", "name": "จำนวนห้องเรียน", "kind": "count"})
    assert [c.hint for c in diff(real_data(), new).changes] == [None, None]


def test_an_indicator_moved_to_another_policy_is_one_change_plus_its_own_edits():
    new = real_data()
    moved = new["policies"][2]["indicators"].pop(19)  # p3-i20
    moved["targets"][2570] = 95
    new["policies"][3]["indicators"].insert(0, moved)
    assert kinds(diff(real_data(), new)) == [("moved", "p3-i20"), ("target-lowered", "p3-i20.targets.2570")]


def test_a_removed_policy_is_one_change_that_counts_its_indicators():
    new = real_data()
    del new["policies"][3]
    (change,) = diff(real_data(), new).changes
    assert (change.kind, change.path, change.weakening) == (ChangeKind.REMOVED, "p4", True)
    assert change.detail == "policy 4 removed, with 6 indicators"


def test_order_is_ignored_unless_asked_for():
    new = real_data()
    new["goals"].reverse()
    new["policies"][0]["approaches"].insert(0, new["policies"][0]["approaches"].pop())
    assert diff(real_data(), new).changes == []
    found = kinds(diff(real_data(), new, report_order=True))
    assert ("reordered", "p1-a4") in found
    assert all(kind == "reordered" for kind, _ in found)


def test_severity_overrides_by_kind_and_for_weakening():
    new = real_data()
    indicator(new, "p3-i19")["targets"][2568] = 80
    new["vision"] = "วิสัยทัศน์ใหม่"
    levels = {"text-changed": Level.WARN, "weakening": Level.WARN}
    reworded, lowered = diff(real_data(), new, severity=levels).changes
    assert (reworded.severity, lowered.severity) == (Level.WARN, Level.WARN)


def test_changes_follow_the_new_editions_order_then_kind():
    new = real_data()
    new["policies"].reverse()
    indicator(new, "p1-i1")["targets"][2566] = 70
    indicator(new, "p1-i1")["owner"] = "สพฐ."
    indicator(new, "p5-i1")["name"] = "ชื่อใหม่"
    assert kinds(diff(real_data(), new)) == [
        ("renamed", "p5-i1.name"),
        ("target-lowered", "p1-i1.targets.2566"),
        ("owner-changed", "p1-i1.owner"),
    ]


def test_plan_sections_without_ids_are_keyed_by_code_and_text_lists_by_content():
    new = real_data()
    new["driving_model"]["groups"][0]["components"][0]["text"] += " เพิ่มเติม"
    new["qualities"]["items"][1]["measures"].append("ประเด็นใหม่")
    new["values"] = ["LP ONE TEAM"]
    found = kinds(diff(real_data(), new))
    assert found == [
        ("text-changed", "values"),
        ("text-changed", "driving_model.groups[4A].components[A1].text"),
        ("text-changed", "qualities.items[Q2].measures"),
    ]


def test_acceptances_and_edition_data_are_changes_not_removals():
    new = real_data()
    new["accepted"] = new["accepted"][1:]
    new["edition"] = {"label": "ทบทวนปี พ.ศ.2568"}
    found = [(c.kind.value, c.severity.value) for c in diff(real_data(), new).changes]
    assert found == [("changed", "minor"), ("changed", "minor")]
