"""``eduplan export`` gives a plan eduplan reads back as the same plan, with the same findings.

For the shipped plan, the annual-cycle example, and those plans with values edited in their
files (texts that trip the text rules, numbers moved a little: values that keep the plan
loading whole), exporting to YAML (and to JSON) and validating the export gives the findings
the plan itself gives: the same codes, at the same items, with the same severity. Only where
they are written differs (one file instead of a folder), and the checks of the folder layout
(LD codes) do not apply to one file.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_result
from eduplan.edit.splice import Edit, EditError
from eduplan.edit.yamledit import edit_text
from eduplan.findings import Finding
from eduplan.load.loader import load_plan
from eduplan.load.whole import PlanNotWhole, load_whole
from eduplan.load.yamlio import parse
from eduplan.model.export import dump

REPO = Path(__file__).resolve().parents[2]
PLANS = [REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570", REPO / "docs" / "examples" / "annual-cycle"]

TEXTS = st.sampled_from(
    [
        "ร้อยละของครูที่ผ่านการประเมิน",
        "ร้อยละของครู  ที่ผ่านการประเมิน",  # TX07
        "พัฒนาคุณภาพ ",  # TX06
        "เเผนงาน",  # TX04
        "โครงการ\u200bพัฒนา",  # TX01
        "ปี 2566 และ ๒๕๖๗",  # TX05
        "(ไม่ปิดวงเล็บ",  # TX08
        "p9-i9",  # a reference to nothing, where a reference goes
    ]
)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for n, value in enumerate(data) for leaf in _leaves(value, (*path, n))]
    return [(path, data)] if isinstance(data, str | int | float) and not isinstance(data, bool) else []


def _findings(result: Any) -> Counter[tuple[str, str | None, str]]:
    checked = check_result(result, Settings())
    return Counter(_key(f) for f in checked.findings if not f.code.startswith("LD"))


def _key(finding: Finding) -> tuple[str, str | None, str]:
    return finding.code, finding.at, finding.severity.value


def _round_trip(root: Path, overlay: dict[Path, bytes], tmp: Path) -> None:
    try:
        plan, result = load_whole(root, overlay=overlay)
    except PlanNotWhole:
        assume(False)
        return
    expected = _findings(result)
    for fmt in ("yaml", "json"):
        exported = tmp / f"export.{fmt}"
        exported.write_text(dump(plan, fmt), encoding="utf-8")
        again = load_plan(exported)
        assert not [f for f in again.findings if f.severity.value == "error"], (fmt, again.findings[:3])
        assert _findings(again) == expected, fmt


@pytest.mark.parametrize("root", PLANS, ids=lambda p: p.name)
def test_export_of_a_shipped_plan_validates_the_same(root: Path, tmp_path: Path) -> None:
    _round_trip(root, {}, tmp_path)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_export_of_an_edited_plan_validates_the_same(data: st.DataObject, tmp_path: Path) -> None:
    root = data.draw(st.sampled_from(PLANS), label="plan")
    file = data.draw(st.sampled_from(sorted(root.rglob("*.yaml"))), label="file")
    text = file.read_text(encoding="utf-8")
    parsed, _, _ = parse(text, str(file))
    leaves = _leaves(parsed)
    edits = []
    for path, value in data.draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=4, unique_by=lambda x: x[0])):
        if isinstance(value, str):
            new: Any = data.draw(TEXTS)
        elif isinstance(value, int):
            new = value + data.draw(st.integers(-3, 3))
        else:
            new = round(value * data.draw(st.sampled_from([0.5, 1.1, 2.0])), 2)
        edits.append(Edit(path, new))
    try:
        edited = edit_text(text, edits, file=str(file))
    except EditError:
        assume(False)
        return
    _round_trip(root, {file: edited.encode("utf-8")}, tmp_path)
