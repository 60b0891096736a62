"""Surgical YAML edits: the value changes where it is written, every other byte stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.edit.yamledit import DELETE, Edit, EditError, edit_text, render_flow

FIELDS = ["id", "number", "name", "unit", "kind", "targets", "owner"]


def order(_parent, key):
    return (0, key) if isinstance(key, int) else (1, FIELDS.index(key) if key in FIELDS else 99)


def edit(text: str, *edits: Edit) -> str:
    return edit_text(text, list(edits), order=order)


INDICATOR = """\
# yaml-language-server: $schema=../schema/policy.schema.json
indicators:
  - id: p1-i1   # stable id
    number: "1"
    name: ร้อยละของนักเรียน
    kind: percent
    targets: {2566: 80, 2567: 85, 2569: 95}
    owner: สพฐ. 66- 70
"""


def test_a_flow_value_changes_in_place_and_comments_survive():
    new = edit(INDICATOR, Edit(("indicators", 0, "targets", 2567), 86))
    assert new == INDICATOR.replace("2567: 85", "2567: 86")


@pytest.mark.parametrize(
    ("year", "value", "expected"),
    [
        (2568, 90, "{2566: 80, 2567: 85, 2568: 90, 2569: 95}"),  # in year order
        (2565, 75, "{2565: 75, 2566: 80, 2567: 85, 2569: 95}"),  # before the first
        (2570, 100, "{2566: 80, 2567: 85, 2569: 95, 2570: 100}"),  # after the last
        (2566, DELETE, "{2567: 85, 2569: 95}"),
        (2567, DELETE, "{2566: 80, 2569: 95}"),
        (2569, DELETE, "{2566: 80, 2567: 85}"),
        (2567, {"min": 80, "max": 90}, "{2566: 80, 2567: {min: 80, max: 90}, 2569: 95}"),
        (2567, "ดีมาก", "{2566: 80, 2567: ดีมาก, 2569: 95}"),
    ],
)
def test_flow_mapping_entries_are_inserted_in_order_and_removed_cleanly(year, value, expected):
    new = edit(INDICATOR, Edit(("indicators", 0, "targets", year), value))
    assert new == INDICATOR.replace("{2566: 80, 2567: 85, 2569: 95}", expected)


def test_a_missing_key_goes_after_its_predecessor_with_the_siblings_indent():
    new = edit(INDICATOR, Edit(("indicators", 0, "unit"), "ร้อยละ"))
    assert new == INDICATOR.replace("    kind:", "    unit: ร้อยละ\n    kind:")


def test_a_key_before_the_first_one_keeps_the_list_dash():
    text = "items:\n  - number: '1'\n    name: x\n"
    assert edit(text, Edit(("items", 0, "id"), "a")) == "items:\n  - id: a\n    number: '1'\n    name: x\n"


def test_a_block_key_is_removed_with_its_line():
    assert edit(INDICATOR, Edit(("indicators", 0, "owner"), DELETE)) == INDICATOR.replace(
        "    owner: สพฐ. 66- 70\n", ""
    )
    assert edit(INDICATOR, Edit(("indicators", 0, "name"), DELETE)) == INDICATOR.replace(
        "    name: ร้อยละของนักเรียน\n", ""
    )


def test_text_is_quoted_only_when_yaml_needs_it():
    assert render_flow("ดีมาก") == "ดีมาก"
    assert render_flow("a: b", block=True) == '"a: b"'
    assert render_flow("x # y", block=True) == '"x # y"'
    assert render_flow("80") == '"80"'
    assert render_flow("yes") == "yes"  # YAML 1.2: text
    assert render_flow("true") == '"true"'
    assert render_flow("a, b") == '"a, b"'  # a comma ends a flow scalar
    assert render_flow("a, b", block=True) == "a, b"
    assert render_flow(85.0) == "85" and render_flow(1.25) == "1.25"


def test_thai_digits_and_thousands_separators_keep_their_style():
    text = "targets: {2566: ๘๐}\nbudget: 1,250,000\n"
    new = edit_text(text, [Edit(("targets", 2566), 85), Edit(("budget",), 1300000)])
    assert new == "targets: {2566: ๘๕}\nbudget: 1,300,000\n"


def test_list_items_are_appended_and_removed():
    text = "actuals:\n  - indicator: a\n    value: 1  # checked\n  - indicator: b\n    value: 2\nprojects: []\n"
    new = edit_text(
        text,
        [Edit(("actuals", 2), {"indicator": "c", "no_data": "รอผล: สทศ."}), Edit(("actuals", 1), DELETE)],
    )
    assert new.splitlines() == [
        "actuals:",
        "  - indicator: a",
        "    value: 1  # checked",
        "  - indicator: c",
        '    no_data: "รอผล: สทศ."',
        "projects: []",
    ]


def test_an_empty_flow_list_becomes_a_block_list():
    text = "fiscal_year: 2567\nactuals: []  # none yet\n"
    new = edit_text(text, [Edit(("actuals", 0), {"indicator": "a", "value": 1})])
    assert new == "fiscal_year: 2567\nactuals:  # none yet\n  - indicator: a\n    value: 1\n"


def test_crlf_line_ends_are_kept():
    text = "a: 1\r\nb: 2\r\n"
    assert edit_text(text, [Edit(("c",), 3)]) == "a: 1\r\nb: 2\r\nc: 3\r\n"


def test_a_file_without_a_final_newline():
    assert edit_text("a: 1", [Edit(("b",), [{"x": 1}])]) == "a: 1\nb:\n  - x: 1\n"


@pytest.mark.parametrize(
    ("text", "edit_", "message"),
    [
        ("base: &b {x: 1}\nuse: *b\n", Edit(("use", "x"), 2), "comes through a YAML alias"),
        ("a:\n  b: 1\n", Edit(("a", "b"), DELETE), "cannot remove every key of a"),
        ("a: [1, 2]\n", Edit(("a", 2), 3), "flow list; write it as a block list"),
        ("a: 1\n", Edit(("b", "c"), 3), "nothing to edit at b"),
        ("a: [\n", Edit(("a",), 3), "does not read cleanly"),
    ],
)
def test_edits_it_cannot_make_safely_are_refused(text, edit_, message):
    with pytest.raises(EditError, match=message):
        edit_text(text, [edit_])


years = st.integers(2560, 2575)
values = st.one_of(st.integers(0, 100), st.sampled_from([0.5, 12.25, "ดี", "ดีมาก", "a: b"]), st.just(DELETE))


@given(st.dictionaries(years, st.integers(0, 100), min_size=1, max_size=6), st.dictionaries(years, values, max_size=6))
def test_any_set_of_target_edits_reads_back_exactly(targets, changes):
    body = ", ".join(f"{y}: {v}" for y, v in targets.items())
    text = f"name: x  # keep me\ntargets: {{{body}}}\nowner: y\n"
    edits = [Edit(("targets", y), v) for y, v in changes.items()]
    new = edit_text(text, edits, order=order)  # edit_text checks the data read back
    assert new.startswith("name: x  # keep me\ntargets: {") and new.endswith("}\nowner: y\n")


field_values = st.one_of(st.sampled_from(["ร้อยละ", "x: y", "สพฐ. 66- 70", "80"]), st.just(DELETE))


@given(
    st.lists(st.sampled_from(FIELDS[1:]), unique=True),
    st.dictionaries(st.sampled_from(FIELDS[1:]), field_values, max_size=5),
    st.booleans(),
)
def test_any_set_of_field_edits_in_a_list_item_reads_back_exactly(present, changes, second_item):
    lines = ["items:", "  - id: a  # first"] + [f"    {k}: v-{k}" for k in present]
    if second_item:
        lines += ["  - id: b", "    name: n"]
    text = "\n".join(lines) + "\n"
    edits = [Edit(("items", 0, k), v) for k, v in changes.items()]
    new = edit_text(text, edits, order=order)  # edit_text checks the data read back
    assert new.startswith("items:\n  - id: a  # first\n")
    assert new.endswith("  - id: b\n    name: n\n" if second_item else "\n")


REPORT = """\
fiscal_year: 2567  # FY
actuals:
  - indicator: p1-i1
    value: 87
"""


def test_appending_to_a_list_the_text_lacks_writes_the_key_with_its_items():
    new = edit(REPORT, Edit(("projects", 0), {"project": "a", "done": True}), Edit(("projects", 1), {"project": "b"}))
    assert new == REPORT + "projects:\n  - project: a\n    done: true\n  - project: b\n"
    with pytest.raises(EditError, match="items can only be appended from 0"):
        edit(REPORT, Edit(("projects", 1), {"project": "b"}))


@pytest.mark.parametrize("key_first", [True, False])
def test_a_new_key_of_the_last_item_goes_before_a_new_item_at_the_same_place(key_first):
    """Both insertions fall at the end of the text: the deeper one (inside the item) comes first."""
    edits = [Edit(("actuals", 1), {"indicator": "p1-i2"}), Edit(("actuals", 0, "source"), "DMC")]
    new = edit(REPORT, *(edits[::-1] if key_first else edits))
    assert new == REPORT + "    source: DMC\n  - indicator: p1-i2\n"
