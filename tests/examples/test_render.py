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
from tests.render.test_wrapping import test_no_word_overprints_another as no_word_overprints_another

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


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example's plan printed to PDF once for the tests of this module."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, root in (("office", OFFICE), ("school", SCHOOL)):
        run = render(str(root), "-f", "pdf", "-o", str(folder / f"{name}.pdf"), env=EPOCH)
        assert run.code == 0, run.err
        out[name] = folder / f"{name}.pdf"
    return out


def pdf_text(pdf: Path) -> str:
    """The PDF's text layer as ``pdftotext -raw`` gives it, the way a reader's search reads it."""
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True).stdout.decode()


@needs_tools
def test_the_office_pdf_gives_back_every_change_target_and_long_name_whole(printed: dict[str, Path]):
    plan = loaded(OFFICE)
    text = pdf_text(printed["office"])
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
def test_the_school_pdf_gives_back_every_expected_level_whole(printed: dict[str, Path]):
    plan = loaded(SCHOOL)
    text = pdf_text(printed["school"])
    standards = [at.indicator for at in all_indicators(plan) if at.is_standard]
    best = sum(1 for standard in standards for target in standard.targets.values() if target == "ยอดเยี่ยม")
    assert best > 10
    assert len(re.findall(cell_pattern("ยอดเยี่ยม"), text)) >= best
    for at in all_indicators(plan):
        assert re.search(cell_pattern(at.indicator.name), text), at.indicator.id


@needs_tools
@pytest.mark.parametrize("name", ["office", "school"])
def test_no_word_of_the_printed_plan_overprints_another(printed: dict[str, Path], name: str):
    no_word_overprints_another(printed[name])  # the render tests' check of word boxes, on the examples
