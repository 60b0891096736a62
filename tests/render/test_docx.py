"""``render -f docx``: a Word document an office finishes, with the content and order of the PDF.

The document is read back with python-docx (styles, runs' complex-script properties, tables, the
table of contents field, pictures) and, where LibreOffice is installed, converted to PDF headless
and read back with pdftotext: every indicator name is there, and Thai lines break between words.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from eduplan.errors import EduplanError
from eduplan.load.whole import load_whole
from eduplan.model.walk import leaf_indicators
from eduplan.render import Renderer, Request
from eduplan.render.docxparts import FONT
from tests.conftest import REAL_PLAN, REPO

ANNUAL = REPO / "docs" / "examples" / "annual-cycle"
THAI = re.compile(r"[\u0e00-\u0e7f]")
needs_rsvg = pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="charts need rsvg-convert (librsvg2-bin)")
needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="the conversion check needs LibreOffice (libreoffice-writer-nogui) and pdftotext (poppler-utils)",
)


def _render(path: Path, kind: str, year: int | None = None, charts: str = "compact", **renderer: object) -> bytes:
    plan, _loaded = load_whole(path)
    return Renderer(**renderer).render(plan, Request(kind, "docx", year, charts=charts))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def plan_docx() -> bytes:
    if shutil.which("rsvg-convert") is None:
        pytest.skip("the plan's charts need rsvg-convert (librsvg2-bin)")
    return _render(REAL_PLAN, "plan", charts="full")  # every indicator's chart


@pytest.fixture(scope="module")
def action_docx() -> bytes:
    return _render(REAL_PLAN, "action-plan", 2567)


@pytest.fixture(scope="module")
def report_docx() -> bytes:
    return _render(ANNUAL, "report", 2567)


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _all_text(document: docx.document.Document) -> str:
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_policies_are_word_headings_and_the_title_is_the_title(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    styles = {p.text: p.style.name for p in document.paragraphs if p.text}
    plan, _loaded = load_whole(REAL_PLAN)
    assert styles[plan.title] == "Title"
    for policy in plan.policies:
        heading = next(text for text in styles if text.startswith(f"นโยบายที่ {policy.number} "))
        assert styles[heading] == "Heading 1", heading
    assert styles["วิสัยทัศน์"] == "Heading 1"
    assert styles["เป้าหมาย"] == "Heading 2"


def test_every_indicator_name_is_in_a_table_with_its_targets(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    rows = [
        [" ".join(p.text for p in cell.paragraphs) for cell in row.cells] for t in document.tables for row in t.rows
    ]
    plan, _loaded = load_whole(REAL_PLAN)
    for at in leaf_indicators(plan):
        name = " ".join(at.indicator.name.split())  # as the HTML shows it: one space between words
        row = next((r for r in rows if name in r), None)
        assert row is not None, at.indicator.name
        for target in at.indicator.targets.values():
            assert str(target).removesuffix(".0") in " ".join(row), (at.indicator.name, target)


def test_thai_runs_carry_the_complex_script_font_size_and_language(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    runs = [r for p in document.paragraphs for r in p.runs if THAI.search(r.text)]
    runs += [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    thai = [r for r in runs if THAI.search(r.text)]
    assert len(thai) > 300
    for run in thai:
        rpr = run._r.rPr
        assert rpr.rFonts.get(qn("w:cs")) == FONT, run.text
        assert rpr.find(qn("w:szCs")) is not None, run.text
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH", run.text
    normal = document.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:cs")) == FONT
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"  # 16 pt


def test_header_rows_repeat_on_every_page_and_rows_do_not_split(plan_docx: bytes, action_docx: bytes) -> None:
    for data in (plan_docx, action_docx):
        tables = [t for t in _open(data).tables if t.rows[0].cells[0].text.strip()]
        assert tables
        for table in tables:
            first = table.rows[0]._tr.trPr
            if table.rows[0].cells[0].paragraphs[0].runs and table.rows[0].cells[0].paragraphs[0].runs[0].bold:
                assert first.find(qn("w:tblHeader")) is not None
            assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_the_table_of_contents_is_a_field_word_updates_and_lists_the_headings(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    body = document.element.body.xml
    assert re.search(r"<w:instrText[^>]*> TOC \\o", body)
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    texts = [p.text for p in document.paragraphs]
    contents = texts.index("สารบัญ")
    assert "วิสัยทัศน์" in texts[contents + 1 : contents + 5]


@needs_rsvg
def test_every_chart_is_a_picture_with_its_caption(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    plan, _loaded = load_whole(REAL_PLAN)
    charted = [at for at in leaf_indicators(plan) if len(at.indicator.targets) > 1]
    assert len(document.inline_shapes) >= len(charted) - 2  # the view charts every indicator it can
    assert len(document.inline_shapes) > 40


def test_the_same_plan_gives_the_same_bytes(action_docx: bytes) -> None:
    assert _render(REAL_PLAN, "action-plan", 2567) == action_docx


def test_the_report_renders_with_its_results(report_docx: bytes) -> None:
    text = _all_text(_open(report_docx))
    assert "รายงานผลการดำเนินงาน" in text
    assert "บรรลุ" in text


def test_an_office_reference_document_gives_its_styles_page_and_header(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.styles["Normal"].font.name = "TH SarabunPSK"
    reference.sections[0].header.paragraphs[0].text = "สำนักงานเขตพื้นที่การศึกษา (ตราสำนักงาน)"
    reference.add_paragraph("ข้อความในแม่แบบ ที่ต้องไม่ปรากฏในเอกสาร")
    buffer = io.BytesIO()
    reference.save(buffer)
    data = _render(REAL_PLAN, "action-plan", 2567, reference=(buffer.getvalue(), "reference.docx"))
    document = _open(data)
    assert document.sections[0].header.paragraphs[0].text.startswith("สำนักงานเขตพื้นที่การศึกษา")
    assert document.styles["Normal"].font.name == "TH SarabunPSK"
    assert "ข้อความในแม่แบบ" not in _all_text(document)
    assert "Table Text" in [s.name for s in document.styles]  # added where the reference lacks it


def test_a_reference_that_is_not_a_word_document_is_one_clear_error() -> None:
    with pytest.raises(EduplanError, match=r"reference\.docx: not a Word \.docx file"):
        _render(REAL_PLAN, "action-plan", 2567, reference=(b"not a zip archive", "reference.docx"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, plan_docx: bytes, action_docx: bytes, report_docx: bytes):
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs LibreOffice (libreoffice-writer-nogui) and pdftotext (poppler-utils)")
    folder = tmp_path_factory.mktemp("docx")
    names = {"plan": plan_docx, "action-plan": action_docx, "report": report_docx}
    for name, data in names.items():
        (folder / f"{name}.docx").write_bytes(data)
    profile = folder / "profile"  # a LibreOffice profile of its own: no clash with a running office
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder), *[str(folder / f"{n}.docx") for n in names]],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return {
        name: subprocess.run(
            ["pdftotext", "-raw", str(folder / f"{name}.pdf"), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        for name in names
    }


@needs_office
def test_libreoffice_opens_every_document_and_prints_every_indicator(converted: dict[str, str]) -> None:
    text = re.sub(r"\s+", "", converted["plan"])
    plan, _loaded = load_whole(REAL_PLAN)
    for at in leaf_indicators(plan):
        assert re.sub(r"\s+", "", at.indicator.name) in text, at.indicator.name
    assert "แผนปฏิบัติการ" in converted["action-plan"]
    assert "รายงานผลการดำเนินงาน" in converted["report"]


@needs_office
def test_thai_lines_break_between_words(converted: dict[str, str]) -> None:
    """Every line break inside a Thai run falls between two words of the dictionary.

    A break between the parts of a compound (ขั้น|พื้นฐาน, ตลาด|แรงงาน) is between words: LibreOffice's
    dictionary and PyThaiNLP's cut compounds differently, so a break passes when the text before
    it ends with a word and the text after it starts with one. LibreOffice's own breaker (ICU's
    dictionary) also parts a few words of Pali roots (บูรณา|การ, ธรรมาภิ|บาล): eduplan gives it the
    text as it is, so a tenth of the breaks may be its own; Word breaks with its own dictionary.
    """
    from pythainlp.corpus import thai_words

    dictionary = thai_words()
    raw = converted["plan"]
    flat, breaks = "", set()
    for line in raw.splitlines():
        if line.strip().isdigit():
            continue  # a page number, where a paragraph goes on to the next page
        stripped = re.sub(r"\s+", "", line)
        if flat and stripped and THAI.match(stripped[0]) and THAI.match(flat[-1]) and not line[:1].isspace():
            breaks.add(len(flat))
        flat += stripped
    plan, _loaded = load_whole(REAL_PLAN)
    checked, wrong = 0, []
    for text in [m.text for m in plan.missions] + [g.text for g in plan.goals]:
        written = re.sub(r"\s+", "", text)
        start = flat.find(written)
        assert start >= 0, text
        for at in sorted(b - start for b in breaks if start < b < start + len(written)):
            checked += 1
            before = any(written[max(0, at - n) : at] in dictionary for n in range(2, 12))
            after = any(written[at : at + n] in dictionary for n in range(2, 12))
            if not (before and after):
                wrong.append(f"{written[max(0, at - 8) : at]}|{written[at : at + 8]}")
    assert checked >= 10
    assert len(wrong) <= checked // 10, wrong


def _copy_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(REAL_PLAN, plan)
    return plan


def test_render_f_docx_writes_the_word_document(tmp_path: Path) -> None:
    from tests.render.helpers import render

    target = tmp_path / "ap.docx"
    run = render(str(REAL_PLAN), "-d", "action-plan", "--year", "2567", "-f", "docx", "-o", str(target))
    assert run.code == 0, run.err
    assert "แผนปฏิบัติการ" in _all_text(_open(target.read_bytes()))


def test_word_goes_to_a_file_never_to_standard_output() -> None:
    from tests.render.helpers import render

    run = render(str(REAL_PLAN), "-d", "action-plan", "--year", "2567", "-f", "docx", "-o", "-")
    assert run.code == 2
    assert "give a file or directory for PDF or Word" in run.err


def test_the_plan_folders_reference_docx_styles_its_word_documents(tmp_path: Path) -> None:
    from tests.render.helpers import render

    plan = _copy_plan(tmp_path)
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = "ตราสำนักงาน"
    reference.save(str(plan / "reference.docx"))
    target = tmp_path / "ap.docx"
    run = render(str(plan), "-d", "action-plan", "--year", "2567", "-f", "docx", "-o", str(target))
    assert run.code == 0, run.err
    assert _open(target.read_bytes()).sections[0].header.paragraphs[0].text == "ตราสำนักงาน"
    over = render(str(plan), "-d", "action-plan", "--year", "2567", "-f", "docx", "-o", str(plan / "reference.docx"))
    assert over.code == 2  # the reference is an input: never written over
    assert "reference" in over.err


def test_a_reference_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    from tests.render.helpers import render

    run = render(str(REAL_PLAN), "-f", "docx", "--reference", str(tmp_path / "none.docx"), "-o", str(tmp_path / "x"))
    assert run.code == 2
    assert run.err.count("\n") == 1 and "cannot read the reference document" in run.err


def test_diff_writes_its_report_as_a_word_document(tmp_path: Path) -> None:
    from tests.validate.helpers import cli

    editions = REPO / "docs" / "examples" / "office-strategic"
    old, new, target = editions / "2566-2570", editions / "2566-2570-revised", tmp_path / "changes.docx"
    run = cli("diff", str(old), str(new), "-f", "docx", "-o", str(target))
    assert run.code in (0, 1), run.err
    document = _open(target.read_bytes())
    assert document.paragraphs[0].text == "สิ่งที่เปลี่ยนแปลง"  # a document: Thai without --lang
    assert "กลยุทธ์ที่ 1.1 (p1-1)" in _all_text(document)
    assert cli("diff", str(old), str(new), "-f", "docx").code == 2  # a Word file, never on standard output


def test_without_librsvg_the_charts_are_left_out_with_a_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no rsvg-convert: the document is still written, its captions kept, and the run says so."""
    from tests.render.helpers import render

    monkeypatch.setattr("eduplan.render.htmlparts.shutil.which", lambda _name: None)
    target = tmp_path / "plan.docx"
    run = render(str(REAL_PLAN), "-f", "docx", "--charts", "full", "-o", str(target))
    assert run.code == 0, run.err
    warning = next(line for line in run.err.splitlines() if line.startswith("eduplan: warning:"))
    assert re.search(rf"{re.escape(str(target))}: 4\d charts are left out of the Word document", warning), warning
    document = _open(target.read_bytes())
    assert len(document.inline_shapes) == 0
    assert "ตัวชี้วัดที่ 1" in _all_text(document)  # the captions are there
