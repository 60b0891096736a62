"""Whatever a document holds, the import gives findings or files that load: never a traceback, never a broken plan.

Hypothesis writes documents from the words plans are made of (the parts' headings, numbers, years,
units, targets in words, empty cells) in any order, paragraphs and tables mixed, and the import
must either stop with WD04 (no title, office or period) or give files the loader reads with no
load or schema error: a value the import put in the wrong place would be one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.load.loader import load_plan
from tests.word.helpers import Doc

ROOT = Path("plans/any/2566-2570")
PIECES = [
    "วิสัยทัศน์", "พันธกิจ", "เป้าประสงค์", "ค่านิยม", "ประเด็นยุทธศาสตร์ที่ 1", "ประเด็นยุทธศาสตร์", "กลยุทธ์ที่ 1.2",
    "กลยุทธ์ที่", "เป้าหมาย", "ตัวชี้วัด", "แนวทางการพัฒนา", "มาตรการ", "บทที่ 2", "โครงการ", "ที่", "หน่วยนับ",
    "ค่าฐาน", "ค่าเป้าหมาย", "2566", "๒๕๖๗", "ปี 2568", "1.", "1)", "(1)", "1.1", "๑.", "ร้อยละ", "คน", "ระดับ", "คะแนน",
    "80", "๘๐", "ร้อยละ 80", "เพิ่มขึ้นร้อยละ 3", "ดีเยี่ยม", "-", "", "ส่งเสริม", "ผู้เรียน", "งบประมาณ", "ปีงบประมาณ 2567",
    "แผนปฏิบัติการ", "(ต่อ)", ":", "ผู้รับผิดชอบ", "2566-2570", "x", "0", "ประเด็นยุทธศาสตร์ที่ 2", "กลยุทธ์ที่ 3",
]  # fmt: skip

text = st.one_of(st.sampled_from(PIECES), st.lists(st.sampled_from(PIECES), max_size=4).map(" ".join))
cells = st.lists(st.lists(text, min_size=1, max_size=5), min_size=1, max_size=5)
block = st.one_of(text.map(lambda t: ("p", t)), cells.map(lambda rows: ("t", rows)))


def document(blocks: list[tuple[str, object]], front: bool) -> Doc:
    """A document of ``blocks`` (paragraphs and tables), after a title, period and office when ``front``."""
    doc = Doc()
    if front:
        doc.front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    for kind, content in blocks:
        if kind == "p":
            doc.para(str(content))
        else:
            rows = [list(r) for r in content]  # type: ignore[attr-defined]
            width = max(len(r) for r in rows)
            doc.table([r + [""] * (width - len(r)) for r in rows])
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(block, max_size=14), front=st.booleans())
def test_any_document_gives_findings_or_a_plan_that_loads(blocks: list[tuple[str, object]], front: bool) -> None:
    result = document(blocks, front).imported(ROOT)
    if result.errors:
        assert {f.code for f in result.errors} == {"WD04"}
        assert result.files == {}
        return
    loaded = load_plan(ROOT, overlay={p: t.encode() for p, t in result.files.items()})
    assert [str(f) for f in loaded.findings if f.severity == "error"] == []
    assert loaded.plan is not None


def test_a_heading_without_its_title_says_so() -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    doc.para("ประเด็นยุทธศาสตร์ที่ 1").para("เป้าประสงค์").para("1. ผู้เรียนมีคุณภาพ")
    result = doc.imported(ROOT)
    assert [f"{f.span}: {f.message}" for f in result.findings if f.code == "WD01"] == [
        "plan.docx: paragraph 4: ประเด็นยุทธศาสตร์ที่ 1 has no title after it; its title is the heading, 'ประเด็นยุทธศาสตร์ที่ 1'"
    ]
    loaded = load_plan(ROOT, overlay={p: t.encode() for p, t in result.files.items()})
    assert [f for f in loaded.findings if f.severity == "error"] == []


def test_an_indicator_whose_unit_names_no_kind_is_written_with_one_and_a_warning() -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    doc.heading("ประเด็นยุทธศาสตร์ที่ 1 คุณภาพ").para("ตัวชี้วัด")
    doc.indicator_table([["1", "ภาษาที่นักเรียนสื่อสารได้", "ภาษา", "1", "2", "2", "3", "3", "3", "กลุ่มนิเทศฯ"]])
    result = doc.imported(ROOT)
    assert [f"{f.span}: {f.message}" for f in result.findings if f.code == "WD01"] == [
        "plan.docx: table 1, row 3: no kind for this indicator (its unit 'ภาษา'); written as kind: count: check it"
    ]
    assert "kind: count\n" in result.files[ROOT / "policies" / "1.yaml"]


def test_a_number_column_in_words_automatic_numbering_gives_the_numbers_and_says_so() -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    doc.heading("ประเด็นยุทธศาสตร์ที่ 1 คุณภาพ").para("ตัวชี้วัด")
    rows = [["", "ร้อยละของครูที่ผ่านการอบรม", "ร้อยละ", "", "80", "85", "90", "95", "100", ""]] * 2
    doc.number_column(doc.indicator_table(rows))
    result = doc.imported(ROOT)
    policy = yaml.safe_load(result.files[ROOT / "policies" / "1.yaml"])
    assert [i["number"] for i in policy["indicators"]] == ["1.", "2."]
    assert "plan.docx: table 1: 2 number(s) in cells come from Word's automatic numbering" in [
        f"{f.span}: {f.message}" for f in result.findings
    ]


@pytest.mark.parametrize(
    "years",
    [
        ["ปี 2566", "ปี 2567"],
        ["ปีงบประมาณ พ.ศ. ๒๕๖๖", "ปีงบประมาณ พ.ศ. ๒๕๖๗"],
        ["ค่าเป้าหมาย ปี 66", "ค่าเป้าหมาย ปี 67"],
        ["2566\n(ร้อยละ)", "2567\n(ร้อยละ)"],
    ],
)
def test_a_one_row_header_names_its_years_in_the_ways_offices_write_them(years: list[str]) -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    doc.heading("ประเด็นยุทธศาสตร์ที่ 1 คุณภาพ")
    doc.table([["ตัวชี้วัด", "หน่วยนับ", *years], ["1. ร้อยละของครูที่ผ่านการอบรม", "ร้อยละ", "80", "85"]])
    result = doc.imported(ROOT)
    policy = yaml.safe_load(result.files[ROOT / "policies" / "1.yaml"])
    assert policy["indicators"] == [
        {"id": "p1-i1", "number": "1.", "name": "ร้อยละของครูที่ผ่านการอบรม", "unit": "ร้อยละ", "kind": "percent",
         "targets": {2566: 80, 2567: 85}}
    ]  # fmt: skip
