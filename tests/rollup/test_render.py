"""The report shows each rolled-up figure with its coverage, its breakdown and the units that did not report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.rollup.helpers import check_golden
from tests.rollup.office import office
from tests.validate.helpers import cli


def _section(html: str) -> str:
    found = re.search(r'<section id="rollup".*?\n</section>', html, re.DOTALL)
    assert found is not None, "the report has its figures from the units"
    return found.group(0)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_report_shows_coverage_breakdown_and_who_did_not_report(tmp_path: Path, lang: str) -> None:
    root = office(tmp_path)
    assert cli("rollup", str(root), "--year", "2567", "--write").code == 0
    out = tmp_path / "report.html"
    run = cli(
        "render", str(root), "--document", "report", "--year", "2567", "-f", "html", "-o", str(out), "--lang", lang
    )
    assert run.code == 0, run.err
    section = _section(out.read_text(encoding="utf-8"))
    # the golden is the section's text, a line per element: the finish's spans and ids are the pages' business
    cells = re.sub(r"</t[dh]>", " | ", section)
    lines = [" ".join(_text(line).split()) for line in cells.splitlines()]
    check_golden(f"report-rollup.{lang}.txt", "\n".join(line for line in lines if line) + "\n")
    if lang == "th":  # the finish puts Thai words in spans (line breaks): the text, without its tags
        text = " ".join(_text(section).split())  # no-break spaces as spaces
        assert "ส่งรายงาน 3/4 โรง" in text and "ร้อยละ 86" in text and "1,290 จาก 1,500" in text
        assert "สถานศึกษาที่ไม่ได้ส่งรายงาน (1 โรง)" in text and "โรงเรียนสี่ (1052140004)" in text
        rows = [
            [_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)] for r in re.findall(r"<tr>(.*?)</tr>", section)
        ]
        assert ["ขนาดเล็ก", "40", "1/2"] in rows and ["เกาะคา", "87.5", "1/2"] in rows


def test_a_report_without_rolled_up_actuals_has_no_such_section(tmp_path: Path) -> None:
    root = office(tmp_path)
    report = root / "reports" / "2567.yaml"
    report.parent.mkdir()
    report.write_text("fiscal_year: 2567\nactuals:\n  - {indicator: ratio, value: 80}\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert cli("render", str(root), "--document", "report", "--year", "2567", "-f", "html", "-o", str(out)).code == 0
    assert 'id="rollup"' not in out.read_text(encoding="utf-8")
