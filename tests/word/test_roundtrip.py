"""Generated plans round-trip through Word: data -> .docx (as offices write it) -> import -> the same data.

Hypothesis writes numbered lists (typed numbers in every published style, or Word's automatic
numbering; numbers in Thai digits come back with Arabic digits, as the plan's values do) and
indicator tables (merged header over the years, numbers or Thai digits, ``ร้อยละ 80``, changes in
words, level words, empty cells, sub-indicators, a table split in two with its header repeated),
and the import must give back exactly what was written, and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.words.thai import arabic_digits
from tests.word.helpers import YEARS, Doc

ROOT = Path("plans/generated/2566-2570")
WORDS = ["ส่งเสริม", "พัฒนา", "ผู้เรียน", "ครู", "คุณภาพ", "สถานศึกษา", "การศึกษา", "ทักษะ", "ชุมชน", "ดิจิทัล", "ศตวรรษที่ 21"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
UNITS = {"ร้อยละ": "percent", "คน": "count", "โรงเรียน": "count", "คะแนน": "score", "ระดับ": "level"}
LEVELS = ["ดี", "ดีมาก", "ดีเยี่ยม", "ยอดเยี่ยม"]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
STYLES = ["{}.", "{})", "({})", "{}"]


@st.composite
def numbered_list(draw: st.DrawFn) -> tuple[list[str], list[str], bool]:
    """Items, their numbers as published, and whether Word numbers them (automatic numbering)."""
    items = draw(st.lists(texts, min_size=1, max_size=6))
    auto = draw(st.booleans())
    if auto:
        return items, [f"{k}." for k in range(1, len(items) + 1)], True
    style, thai = draw(st.sampled_from(STYLES)), draw(st.booleans())
    numbers = [style.format(str(k).translate(THAI) if thai else k) for k in range(1, len(items) + 1)]
    return items, numbers, False


@st.composite
def target(draw: st.DrawFn, unit: str) -> tuple[str, Any]:
    """A target cell as typed, and the value the plan holds (None: no target)."""
    if unit == "ระดับ":
        word = draw(st.sampled_from([*LEVELS, ""]))
        return word, word or None
    choice = draw(st.sampled_from(["int", "float", "change", "empty", "worded"]))
    if choice == "empty":
        return draw(st.sampled_from(["", "-"])), None
    if choice == "change":
        amount = draw(st.integers(1, 9))
        text = f"{draw(st.sampled_from(['เพิ่มขึ้น', 'ลดลง']))}ร้อยละ {amount}"
        return text, text
    value: int | float = draw(st.integers(0, 5000)) if choice != "float" else draw(st.integers(0, 9999)) / 100
    written = f"{value:.2f}" if isinstance(value, float) else str(value)
    value = float(written) if isinstance(value, float) else value
    if draw(st.booleans()):
        written = written.translate(THAI)
    if choice == "worded" and unit == "ร้อยละ":
        written = f"ร้อยละ {written}"
    return written, value


@st.composite
def indicator_rows(draw: st.DrawFn) -> tuple[list[list[str]], list[dict[str, Any]]]:
    """Rows of an indicator table and the indicators they give (sub-indicators numbered 1.1 under 1)."""
    rows, expected = [], []
    for k in range(1, draw(st.integers(1, 5)) + 1):
        parts = draw(st.integers(0, 2))
        for sub in [None, *range(1, parts + 1)]:
            unit = draw(st.sampled_from(sorted(UNITS)))
            name = draw(texts)
            if draw(st.booleans()):
                name = f"{name}\n{draw(texts)}"  # a cell of two lines: one name
            cells = [draw(target(unit)) for _ in YEARS]
            number = str(k) if sub is None else f"{k}.{sub}"
            rows.append([number, name, unit, "", *(c[0] for c in cells), ""])
            indicator: dict[str, Any] = {"number": number, "name": " ".join(name.split()), "unit": unit}
            indicator["kind"] = UNITS[unit]
            targets = {y: v for y, (_, v) in zip(YEARS, cells, strict=True) if v is not None}
            if targets:
                indicator["targets"] = targets
            if sub is None:
                expected.append(indicator)
            else:
                expected[-1].setdefault("indicators", []).append(indicator)
    return rows, expected


def _strip_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def _read(result: Any) -> dict[str, Any]:
    return {path.relative_to(ROOT).as_posix(): yaml.safe_load(text) for path, text in result.files.items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(missions=numbered_list(), goals=numbered_list())
def test_numbered_lists_round_trip(missions: tuple[list[str], list[str], bool], goals: Any) -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    for heading, (items, numbers, auto) in (("พันธกิจ", missions), ("เป้าประสงค์", goals)):
        doc.heading(heading)
        if auto:
            doc.numbered(*items)
        else:
            for item, number in zip(items, numbers, strict=True):
                doc.para(f"{number} {item}")
    doc.heading("ประเด็นยุทธศาสตร์ที่ 1 คุณภาพผู้เรียน")  # a plan has policies
    result = doc.imported(ROOT)
    plan = _read(result)["plan.yaml"]
    for key, prefix, (items, numbers, _) in (("missions", "m", missions), ("goals", "g", goals)):
        assert plan[key] == [
            {"id": f"{prefix}{k}", "number": arabic_digits(n), "text": t}
            for k, (n, t) in enumerate(zip(numbers, items, strict=True), start=1)
        ]
    assert [f.code for f in result.findings if f.code != "WD02"] == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=st.lists(indicator_rows(), min_size=1, max_size=3), split=st.booleans())
def test_indicator_tables_round_trip(tables: list[tuple[list[list[str]], list[dict[str, Any]]]], split: bool) -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    for k, (rows, _) in enumerate(tables, start=1):
        doc.heading(f"ประเด็นยุทธศาสตร์ที่ {k} คุณภาพ")
        doc.para("ตัวชี้วัด")
        cut = next((i for i, row in enumerate(rows) if i and "." not in row[0]), None)
        if split and cut is not None:  # the table goes on over the page: a second table, the same header
            doc.indicator_table(rows[:cut])
            doc.para("")
            doc.indicator_table(rows[cut:])
        else:
            doc.indicator_table(rows)
    result = doc.imported(ROOT)
    files = _read(result)
    assert [f"{f.span}: {f.message}" for f in result.findings if f.code == "WD01"] == []
    assert sorted(files) == ["plan.yaml", *(f"policies/{k}.yaml" for k in range(1, len(tables) + 1))]
    for k, (_, expected) in enumerate(tables, start=1):
        assert _strip_ids(files[f"policies/{k}.yaml"]["indicators"]) == expected
