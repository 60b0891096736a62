"""Labels: Thai first, English available, overridden by the plan, composed from each other."""

from __future__ import annotations

import re

import pytest

from eduplan.errors import EduplanError
from eduplan.words.labels import LABELS, Labels, unknown_label_keys


def test_every_label_has_thai_and_english():
    thai, english = Labels("th"), Labels("en")
    for key in LABELS:  # the same in both: "–", "SDG", or a label without words ("({name})", "{value} {unit}")
        wordless = not re.search(r"[A-Za-z]", re.sub(r"\{[a-z_]+\}", "", english._table[key]))
        assert thai._table[key] != english._table[key] or key in {"empty", "scheme_sdg"} or wordless, key


def test_an_office_that_calls_policies_strategies_changes_one_word():
    labels = Labels("th", {"policy": "กลยุทธ์"})
    assert labels.format("policy_numbered", number="2") == "กลยุทธ์ที่ 2"
    assert labels["policies"] == "กลยุทธ์"
    assert labels["no_projects"] == "ไม่มีโครงการภายใต้กลยุทธ์นี้"


def test_plain_overrides_are_thai_and_en_prefixed_ones_english():
    overrides = {"policy": "กลยุทธ์", "en.policy": "Strategy"}
    assert Labels("en", overrides).format("policy_numbered", number="1") == "Strategy 1"
    assert Labels("th", overrides).format("policy_numbered", number="1") == "กลยุทธ์ที่ 1"
    assert Labels("en", {"policy": "กลยุทธ์"})["policy"] == "Policy"


def test_unknown_keys_are_reported_for_a_warning():
    assert unknown_label_keys({"policy": "x", "polcy": "y", "en.vison": "z", "en.vision": "v"}) == [
        "en.vison",
        "polcy",
    ]


def test_as_dict_holds_every_label_without_parameters():
    words = Labels("th").as_dict()
    assert words["vision"] == "วิสัยทัศน์"
    assert "policy_numbered" not in words  # needs {number}


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"policy": "{policies}"}, "refers to itself"),
        ({"vision": "{nothing}"}, "neither a label nor a value"),
        ({"vision": "{"}, "not a valid pattern"),
    ],
)
def test_broken_overrides_fail_with_a_message(override, message):
    with pytest.raises(EduplanError, match=message):
        Labels("th", override).as_dict()


def test_every_label_is_used_by_a_template_or_the_view_code():
    from tests.conftest import REPO

    templates = "".join(p.read_text(encoding="utf-8") for p in (REPO / "templates").iterdir() if p.is_file())
    code = "".join(
        p.read_text(encoding="utf-8")
        for folder in ("render", "diff", "words")  # the documents, the diff's report, level names (words/labels.py)
        for p in (REPO / "src" / "eduplan" / folder).glob("*.py")
        if p.name != "texts.py"  # where they are defined
    )
    code += "".join(Labels("th")._table.values()) + "".join(LABELS.values())  # labels named inside other labels
    used = [f"L.{k}" in templates or any(f"{q}{k}{q}" in code for q in "\"'") or f"{{{k}}}" in code for k in LABELS]
    unused = [k for k, u in zip(LABELS, used, strict=True) if not u]
    assert unused == []


def test_values_are_filled_in_as_they_are_never_read_for_braces():
    labels = Labels("th", {"policy": "กลยุทธ์"})
    assert labels.format("diff_added", item="{policy} {0} {x.__class__}") == "เพิ่ม{policy} {0} {x.__class__}"


def test_a_label_named_many_times_is_filled_in_once():
    # 32 copies of a label that is itself 32 copies: 1,024 characters, from labels of 352
    overrides = {"vision": "{missions}" * 32, "missions": "{goals}", "goals": "ก" * 32}
    assert Labels("th", overrides)["vision"] == "ก" * 1024


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (
            {"vision": "{missions}", "missions": "{vision}"},
            r"labels: vision: refers to itself \(`vision` → `missions` → `vision`\)",
        ),
        ({"vision": "{missions}" * 64, "missions": "ก" * 32}, "labels: vision: .* grows beyond 2,000 characters"),
        ({"policy_numbered": "{number}" * 33}, "labels: policy_numbered: .* or 32 values"),
        ({"vision": "x" * 10_000 + "{nothing}"}, r"labels: vision: 'x{60}…' names \{nothing\}"),
    ],
)
def test_labels_that_cannot_be_used_name_their_key(override, message):
    with pytest.raises(EduplanError, match=message):
        Labels("th", override)
