"""The printed documents read back page by page: no fault a Thai office would have to fix by hand.

The shipped plan, the example's 2567 action plan and its 2567 performance report, each in Thai and
in English, are printed once for the module (Chromium, twice per document for the contents' pages)
and read back with pdftotext (lines and their boxes, page by page). Each test is one class of fault
(:mod:`tests.render.print.proof` finds them); none is tolerated: Chromium, given only the
dictionary's word boundaries, does not need a tolerance on these documents.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from eduplan.render.pdf import find_chromium
from tests.render.helpers import EXAMPLE, REAL_PLAN, cli
from tests.render.print import proof

TOOLS = (("chromium", find_chromium()), *((name, shutil.which(name)) for name in ("pdftotext", "pdffonts", "pdfinfo")))
MISSING = [name for name, found in TOOLS if not found]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (apt-get install chromium poppler-utils)"
)

DOCUMENTS = {
    "plan": [str(REAL_PLAN)],
    "action-plan-2567": [str(EXAMPLE), "-d", "action-plan", "--year", "2567"],
    "report-2567": [str(EXAMPLE), "-d", "report", "--year", "2567"],
}
CASES = [(name, lang) for name in DOCUMENTS for lang in ("th", "en")]


class Printed:
    """One document printed: its PDF, its lines per page, what its HTML says."""

    def __init__(self, pdf: Path, html: str) -> None:
        self.pdf = pdf
        self.pages = proof.lines(pdf)
        self.source = proof.Source.of(html)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Printed]:
    """Every case, printed once for the module."""
    folder = tmp_path_factory.mktemp("print")
    done: dict[tuple[str, str], Printed] = {}
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    for name, lang in CASES:
        args = [*DOCUMENTS[name], "--lang", lang]
        html = cli("render", *args, "-o", "-", env=env)
        pdf = folder / f"{name}.{lang}.pdf"
        run = cli("render", *args, "-f", "pdf", "-o", str(pdf), env=env)
        assert html.code == 0 and run.code == 0, html.err + run.err
        done[(name, lang)] = Printed(pdf, html.out)
    return done


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_no_line_ends_inside_a_word(printed, case):
    document = printed[case]
    assert proof.split_words(document.pages, document.source) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_no_line_is_torn_across_a_page(printed, case):
    assert proof.torn_lines(printed[case].pages) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_no_page_ends_with_a_heading(printed, case):
    document = printed[case]
    assert proof.orphan_headings(document.pages, document.source) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_every_caption_is_on_the_page_of_its_chart_or_table(printed, case):
    document = printed[case]
    assert proof.parted_captions(document.pages, document.source) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_numbers_stay_with_their_units(printed, case):
    document = printed[case]
    assert proof.parted_numbers(document.pages, document.source) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_the_contents_give_the_page_of_every_heading(printed, case):
    document = printed[case]
    assert document.source.contents, "the document has a table of contents"
    assert proof.wrong_contents(document.pages, document.source) == []


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_the_text_layer_is_the_text_as_written(printed, case):
    document = printed[case]
    assert proof.invisible_characters(document.pdf) == []
    text = proof.flat("".join(proof.page_text(document.pdf, n) for n in range(1, len(document.pages) + 1)))
    for heading in document.source.headings:  # search finds each heading as the document spells it
        assert proof.flat(heading) in text, heading


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_the_pdf_is_tagged_in_its_language_with_bookmarks_and_the_national_font(printed, case):
    document = printed[case]
    info = subprocess.run(["pdfinfo", str(document.pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    data = document.pdf.read_bytes()
    assert f"/Lang ({case[1]})".encode() in data
    outline = re.search(rb"/Type /Outlines\s*/First \d+ 0 R\s*/Last \d+ 0 R\s*/Count (\d+)", data)
    assert outline and int(outline.group(1)) >= len(document.source.contents)
    fonts = subprocess.run(["pdffonts", str(document.pdf)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun-Regular" in fonts and "Sarabun-Bold" in fonts


def test_the_contents_are_in_thai_digits_with_thai_page_numbers(tmp_path):
    pdf = tmp_path / "plan.pdf"
    assert cli("render", str(REAL_PLAN), "--digits", "thai", "-f", "pdf", "-o", str(pdf)).code == 0
    pages = [proof.page_text(pdf, n) for n in range(1, 5)]
    contents = next(page for page in pages if "สารบัญ" in page)
    assert re.search(r"วิสัยทัศน์\s+[๐-๙]+\s*$", contents, re.MULTILINE), contents
    assert not re.search(r"^[0-9]+$", contents, re.MULTILINE)  # no page number in Arabic digits
