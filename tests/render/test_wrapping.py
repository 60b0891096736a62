"""Targets written in words wrap inside their cells: nothing overprints a neighbour, and the PDF reads back whole.

A change target (เพิ่มขึ้นร้อยละ 3) or a level (ยอดเยี่ยม) is wider than a year column of numbers. The
HTML and PDF tables let it wrap inside its own column, at Thai word boundaries first; a narrow
column that forbade wrapping (``white-space: nowrap``) made the words run over the next four.
Two checks on the printed page: every word's box stays clear of every other word's box (no
overprint), and the text layer gives each row's cells back in order, each cell in one piece.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape

import pytest

from tests.render.helpers import plan_with_indicators, render
from tests.render.test_pdf import cell_pattern, needs_tools

WORDS = "เพิ่มขึ้นร้อยละ 3"
INDICATORS = (
    "  - {id: i1, number: '1', name: ร้อยละของนักเรียนที่มีผลสัมฤทธิ์ทางการเรียนเฉลี่ยระดับ 3 ขึ้นไป, unit: ร้อยละ,"
    " kind: percent, baseline: {year: 2564-2565, value: 61.27}, owner: กลุ่มนิเทศ ติดตามและประเมินผล,"
    f" targets: {{2566: {WORDS}, 2567: {WORDS}, 2568: {WORDS}, 2569: {WORDS}, 2570: {WORDS}}}}}\n"
    "  - {id: i2, number: '2', name: ระดับคุณภาพของสถานศึกษา, unit: ระดับ, kind: level,"
    " levels: [กำลังพัฒนา, ปานกลาง, ดี, ดีเลิศ, ยอดเยี่ยม], owner: กลุ่มนโยบายและแผน,"
    " targets: {2566: ดีเลิศ, 2567: ดีเลิศ, 2568: ยอดเยี่ยม, 2569: ยอดเยี่ยม, 2570: ยอดเยี่ยม}}\n"
)
ROWS = [
    ["1", "ร้อยละของนักเรียนที่มีผลสัมฤทธิ์ทางการเรียนเฉลี่ยระดับ 3 ขึ้นไป", "ร้อยละ", "61.27 (2564–2565)"]
    + [WORDS] * 5
    + ["กลุ่มนิเทศ ติดตามและประเมินผล"],
    ["2", "ระดับคุณภาพของสถานศึกษา", "ระดับ", "–", "ดีเลิศ", "ดีเลิศ"] + ["ยอดเยี่ยม"] * 3 + ["กลุ่มนโยบายและแผน"],
]
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def test_no_target_column_forbids_wrapping(tree):
    html = render(str(tree(plan_with_indicators(INDICATORS))), "-o", "-").out
    css = re.sub(r"/\*.*?\*/", "", html[html.index("<style>") : html.index("</style>")], flags=re.DOTALL)
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    assert not [sel for sel, body in rules if "target" in sel and "nowrap" in body]
    assert 'class="indicators wide"' in html  # a table with word targets gets wider year columns


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    root = tmp_path_factory.mktemp("plan")
    for name, text in plan_with_indicators(INDICATORS).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    target = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    run = render(str(root), "-f", "pdf", "-o", str(target))
    assert run.code == 0, run.err
    return target


@needs_tools
def test_each_row_reads_back_in_order_with_each_cell_whole(printed):
    text = subprocess.run(["pdftotext", "-raw", str(printed), "-"], capture_output=True, check=True).stdout
    for cells in ROWS:
        pattern = r"\s+".join(cell_pattern(c) for c in cells)
        assert re.search(pattern, text.decode("utf-8")), cells


@needs_tools
def test_no_word_overprints_another(printed):
    out = subprocess.run(["pdftotext", "-bbox", str(printed), "-"], capture_output=True, check=True).stdout.decode()
    pages = [
        [(*map(float, m.groups()[:4]), unescape(m.group(5))) for m in _WORD.finditer(page)]
        for page in out.split("<page ")[1:]
    ]
    table = [w for words in pages for w in words if w[4] in {"เพิ่มขึ้น", "ร้อยละ", "ยอดเยี่ยม", "ยอด", "ดีเลิศ"}]
    assert len(table) >= 12  # the target cells are there, as words of their own
    for words in pages:
        for n, (x0, y0, x1, y1, word) in enumerate(words):
            for a0, b0, a1, b1, other in words[n + 1 :]:
                width, height = min(x1, a1) - max(x0, a0), min(y1, b1) - max(y0, b0)
                assert width <= 0.5 or height <= 0.5, f"{word!r} overprints {other!r}"
