"""The real plan as PDF: Chromium prints it, and ``pdftotext`` gives every indicator row back exactly.

This is how a reader checks a PDF: search and copy-paste work only when the text layer holds
the same characters as the page. For every indicator of the real plan, the row (number, name,
unit, the five targets, owner, Thai included) must come back in order. Line breaks inside a
table cell are the only freedom: a break may replace a space, or split a run without spaces.

Runs wherever ``chromium`` and ``pdftotext`` (Debian ``poppler-utils``) are installed, as in CI.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from eduplan.model import Range
from eduplan.render.pdf import find_chromium, stamp_dates
from tests.render.helpers import EXAMPLE, MINIMAL_PLAN, REAL_PLAN, real_rows, render

MISSING = [
    name for name, found in (("chromium", find_chromium()), ("pdftotext", shutil.which("pdftotext"))) if not found
]
needs_tools = pytest.mark.skipif(
    bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (apt-get install chromium poppler-utils)"
)
EPOCH = "1700000000"


def cell_pattern(text: str) -> str:
    """A regex for a cell's text in the PDF text layer: exact characters, line breaks allowed."""
    out = []
    for i, char in enumerate(text):
        if char.isspace():
            if not text[i - 1].isspace():
                out.append(r"\s+")
            continue
        out.append(re.escape(char))
        if i + 1 < len(text) and not text[i + 1].isspace():
            out.append(r"\n?")
    return "".join(out)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    target = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    run = render(str(REAL_PLAN), "-f", "pdf", "-o", str(target), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.err
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout
    return target, text.decode("utf-8")


@needs_tools
def test_every_indicator_row_comes_back_exactly(printed):
    _, text = printed
    rows = real_rows()
    for ident, cells in rows:
        pattern = r"\s+".join(cell_pattern(c) for c in cells)
        assert re.search(pattern, text), f"{ident}: {cells}"
    assert len(rows) == 46


@needs_tools
def test_thai_text_layer_is_exact_and_pages_are_numbered(printed):
    _, text = printed
    assert "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน" in text  # WeasyPrint would give สำนักงำน
    assert "สำนักงำน" not in text
    assert "– 2 –" in text and "– 1 –" not in text  # numbered from page 2: the title page has none


@needs_tools
def test_fonts_are_embedded_truetype_and_dates_follow_source_date_epoch(printed):
    target, _ = printed
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    sarabun = [line for line in fonts.splitlines() if "Sarabun" in line]
    assert len(sarabun) == 2 and all("CID TrueType" in line and " yes yes yes " in line for line in sarabun)
    assert "Type 3" not in fonts
    assert b"/CreationDate (D:20231114221320+00'00')" in target.read_bytes()


def test_stamp_dates_keeps_every_byte_offset():
    pdf = b"%PDF-1.4\n<</CreationDate (D:20261124075500+00'00')\n/ModDate (D:20261124075500+07'00')>>\n%%EOF"
    stamped = stamp_dates(pdf, 0)
    assert len(stamped) == len(pdf)
    assert stamped.count(b"(D:19700101000000+00'00')") == 2


@needs_tools
def test_same_input_and_source_date_epoch_give_the_same_pdf_bytes(tree, tmp_path):
    root = tree({"plan.yaml": MINIMAL_PLAN + "vision: องค์กรแห่งการเรียนรู้\n"})
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for target in (first, second):
        assert render(str(root), "-f", "pdf", "-o", str(target), env={"SOURCE_DATE_EPOCH": EPOCH}).code == 0
    assert first.read_bytes() == second.read_bytes()


STATUS_WORDS = {
    "achieved": "บรรลุ",
    "not-achieved": "ไม่บรรลุ",
    "no-data": "ไม่มีข้อมูล",
    "not-comparable": "เทียบไม่ได้",
    "not-due": "ไม่มีค่าเป้าหมาย",
}


def shown(value: object) -> str:
    """A target or actual as the report prints it (the example has whole ranges, no thousands)."""
    if value is None:
        return "–"
    if isinstance(value, Range):
        return f"{value.min}–{value.max}"
    return str(value)


@needs_tools
def test_the_report_pdf_gives_back_every_indicator_row_with_its_status_word(tmp_path):
    from eduplan.loader import load_plan
    from eduplan.status import year_status

    target = tmp_path / "report.pdf"
    run = render(str(EXAMPLE), "-d", "report", "--year", "2567", "-f", "pdf", "-o", str(target))
    assert run.code == 0, run.err
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout.decode()
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    indicators = {i.id: i for p in plan.policies for i in p.indicators}
    statuses = year_status(plan, 2567).indicators
    seen = set()
    for status in statuses:
        ind = indicators[status.indicator]
        cells = [ind.number, ind.name, ind.unit or "–", shown(status.target), shown(status.actual)]
        cells.append(STATUS_WORDS[status.status])
        assert re.search(r"\s+".join(cell_pattern(c) for c in cells), text), cells
        seen.add(status.status.value)
    assert seen == {"achieved", "not-achieved", "no-data"} and len(statuses) == 7
