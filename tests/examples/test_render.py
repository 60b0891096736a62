"""Every document of the examples, rendered: Markdown and HTML against golden files, the plans as PDF.

Goldens are byte for byte with ``SOURCE_DATE_EPOCH`` fixed (embedded fonts replaced by their hash);
refresh with ``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/examples`` and read them before committing: a
golden with placeholder dashes, English words in a Thai document or a broken table is a bug, not a
result. The PDF's text layer must give back the cells that overflowed their columns before issue 15
(a change target in words, a level) whole, once per cell.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from eduplan.model.walk import all_indicators
from tests.examples.helpers import OFFICE, SCHOOL, check_golden, loaded
from tests.render.helpers import fonts_hashed, render
from tests.render.test_pdf import cell_pattern, needs_tools

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
DOCUMENTS = [
    (OFFICE, "office", "plan", None),
    (OFFICE, "office", "action-plan", 2567),
    (OFFICE, "office", "report", 2567),
    (SCHOOL, "school", "plan", None),
    (SCHOOL, "school", "action-plan", 2567),
    (SCHOOL, "school", "report", 2567),
    (SCHOOL, "school", "report", 2568),
]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize(
    ("root", "name", "document", "year"),
    DOCUMENTS,
    ids=[f"{name}-{document}{'-' + str(year) if year else ''}" for _, name, document, year in DOCUMENTS],
)
def test_each_document_matches_its_golden_file(root: Path, name: str, document: str, year: int | None, fmt: str):
    args = ["-d", document, "-f", fmt, "-o", "-"] + (["--year", str(year)] if year else [])
    run = render(str(root), *args, env=EPOCH)
    assert run.code == 0, run.err
    suffix = "md" if fmt == "markdown" else "html"
    golden = f"{name}-{document}{'-' + str(year) if year else ''}.{suffix}"
    check_golden(golden, fonts_hashed(run.out) if fmt == "html" else run.out)


def pdf_text(root: Path, target: Path) -> str:
    """The plan printed to PDF, read back by ``pdftotext -raw`` as a reader's search would."""
    run = render(str(root), "-f", "pdf", "-o", str(target), env=EPOCH)
    assert run.code == 0, run.err
    return subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout.decode()


@needs_tools
def test_the_office_pdf_gives_back_every_change_target_and_long_name_whole(tmp_path: Path):
    plan = loaded(OFFICE)
    text = pdf_text(OFFICE, tmp_path / "office.pdf")
    in_words = [
        target.text
        for at in all_indicators(plan)
        for target in at.indicator.targets.values()
        if getattr(target, "text", None)
    ]
    assert len(in_words) == 5  # p2-i1: เพิ่มขึ้นร้อยละ 3 in each year's cell
    assert len(re.findall(cell_pattern("เพิ่มขึ้นร้อยละ 3"), text)) >= len(in_words)
    for at in all_indicators(plan):  # every name, the sub-indicators' too, in reading order
        assert re.search(cell_pattern(at.indicator.name), text), at.indicator.id


@needs_tools
def test_the_school_pdf_gives_back_every_expected_level_whole(tmp_path: Path):
    plan = loaded(SCHOOL)
    text = pdf_text(SCHOOL, tmp_path / "school.pdf")
    best = sum(
        1
        for at in all_indicators(plan)
        if at.is_standard
        for target in at.indicator.targets.values()
        if target == "ยอดเยี่ยม"
    )
    assert best > 10
    assert len(re.findall(cell_pattern("ยอดเยี่ยม"), text)) >= best
    for at in all_indicators(plan):
        assert re.search(cell_pattern(at.indicator.name), text), at.indicator.id
