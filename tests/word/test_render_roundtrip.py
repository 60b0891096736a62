"""The Word document eduplan writes reads back through the Word import: the data follows the edited document.

An office finishes the rendered .docx in Word (a foreword, an extra paragraph, a corrected target)
and the plan's data must not part ways with it: ``eduplan import`` reads the document back into a
plan with the same policies, missions, goals and every indicator with its unit, owner and targets,
and an edited target comes back edited.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from eduplan.load.files import overlay
from eduplan.load.loader import load_plan
from eduplan.load.whole import load_whole
from eduplan.model import Plan
from eduplan.model.walk import leaf_indicators
from eduplan.render import Renderer, Request
from eduplan.word.importer import import_docx
from tests.conftest import REAL_PLAN, REPO

pytestmark = pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="the plan's charts need rsvg-convert")


def _imported(data: bytes, tmp_path: Path) -> Plan:
    root = tmp_path / "back"
    result = import_docx(data, "plan.docx", root)
    assert not result.errors
    with overlay({path: text.encode("utf-8") for path, text in result.files.items()}):
        loaded = load_plan(root)
    assert loaded.plan is not None, [f.message for f in loaded.findings]
    return loaded.plan


def _words(text: object) -> str:
    return " ".join(str(text).split())  # as the document shows it: one space between words


@pytest.fixture(scope="module")
def original() -> tuple[Plan, bytes]:
    plan, _loaded = load_whole(REAL_PLAN)
    return plan, Renderer().render(plan, Request("plan", "docx"))


def test_the_rendered_plan_reads_back_whole(original: tuple[Plan, bytes], tmp_path: Path) -> None:
    plan, data = original
    back = _imported(data, tmp_path)
    assert [_words(p.title) for p in back.policies] == [_words(p.title) for p in plan.policies]
    assert [_words(m.text) for m in back.missions] == [_words(m.text) for m in plan.missions]
    assert [_words(g.text) for g in back.goals] == [_words(g.text) for g in plan.goals]
    read = {_words(at.indicator.name): at.indicator for at in leaf_indicators(back, standards=False)}
    for at in leaf_indicators(plan, standards=False):
        indicator = read[_words(at.indicator.name)]
        assert indicator.unit == at.indicator.unit, at.indicator.name
        assert _words(indicator.owner) == _words(at.indicator.owner), at.indicator.name
        assert {y: str(v) for y, v in indicator.targets.items()} == {
            y: str(v) for y, v in at.indicator.targets.items()
        }, at.indicator.name


def test_an_edited_document_brings_its_edits_back(original: tuple[Plan, bytes], tmp_path: Path) -> None:
    plan, data = original
    document = docx.Document(io.BytesIO(data))
    first = next(leaf_indicators(plan, standards=False)).indicator
    row = next(r for t in document.tables for r in t.rows if any(_words(c.text) == _words(first.name) for c in r.cells))
    cells = [c for c in row.cells if c.text.strip() == str(first.targets[2567])]
    cells[0].paragraphs[0].runs[0].text = "88"  # the corrected target of 2567
    document.paragraphs[0].insert_paragraph_before("คำนำ: แผนฉบับนี้จัดทำขึ้นเพื่อ ...")  # the office's own words
    buffer = io.BytesIO()
    document.save(buffer)
    back = _imported(buffer.getvalue(), tmp_path)
    edited = next(at.indicator for at in leaf_indicators(back) if _words(at.indicator.name) == _words(first.name))
    assert edited.targets[2567] == 88
    assert {y: v for y, v in edited.targets.items() if y != 2567} == {
        y: v for y, v in first.targets.items() if y != 2567
    }


def test_the_book_s_foreword_reads_back_with_its_signer(tmp_path: Path) -> None:
    from eduplan.load.images import plan_images

    office = REPO / "docs" / "examples" / "office-strategic" / "2566-2570"
    plan, loaded = load_whole(office)
    data = Renderer(images=plan_images(plan, loaded.root)).render(plan, Request("plan", "docx"))
    back = _imported(data, tmp_path)
    assert back.foreword is not None and plan.foreword is not None
    assert [_words(t) for t in back.foreword.text] == [_words(t) for t in plan.foreword.text]
    assert back.foreword.signer == plan.foreword.signer
    assert back.foreword.date == plan.foreword.date  # ธันวาคม 2565 is the month 2022-12
    assert [_words(p.title) for p in back.policies] == [_words(p.title) for p in plan.policies]
    assert [_words(m.text) for m in back.missions] == [_words(m.text) for m in plan.missions]
