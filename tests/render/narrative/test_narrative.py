"""The performance report's words and the action plan's wording, in every format and both languages.

The 2567 report of ``docs/examples/annual-cycle`` carries a full narrative (the year's, each
policy's, two projects'), a foreword and two signatures; its 2567 action plan has projects with
their own indicators (ร้อยละ, ระดับ) and alignment codes. Goldens: Markdown through the command,
HTML as the templates write it (the stylesheet left out: its print rules are another test's), in
Thai and English. The PDF and the Word document are read back for the narrative; an English PDF
must not break a word of a table header in two. Refresh with
``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/render/narrative`` and read the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import html as lxml_html

from eduplan.i18n import using
from eduplan.load.whole import load_whole
from eduplan.model import Plan
from eduplan.render import Renderer, Request
from eduplan.render.action import build_action_plan
from eduplan.render.engine import Engine
from eduplan.render.report import build_report
from eduplan.render.views import Style, document
from eduplan.words.labels import Labels
from eduplan.words.quantity import unit_kind, with_unit
from tests.i18n.leaks import leaks
from tests.render.helpers import EXAMPLE, check_golden, cli, render
from tests.render.test_pdf import needs_tools

GOLDEN = Path(__file__).resolve().parent / "golden"
SCHOOL = EXAMPLE.parent / "school-standards"
OFFICE = EXAMPLE.parent / "office-strategic" / "2566-2570"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def _plan(root: Path = EXAMPLE) -> Plan:
    return load_whole(root)[0]


def _html(kind: str, lang: str, root: Path = EXAMPLE, year: int = 2567) -> str:
    """The document's HTML as its template writes it, without the stylesheet."""
    plan = _plan(root)
    style = Style(lang, "arabic", Labels(lang, plan.labels, plan.hierarchy))  # type: ignore[arg-type]
    when = dt.date(2023, 11, 14)
    if kind == "report":
        view = build_report(plan, year, style)
        context = {"doc": document("report", view.title, plan, style, when), "report": view}
    else:
        ap = build_action_plan(plan, year, style)
        context = {"doc": document("action-plan", ap.title, plan, style, when), "ap": ap}
    with using(lang):  # type: ignore[arg-type]
        text = Engine().render(f"{kind}.html", context | {"show_colophon": True})
    return _STYLE.sub("<style>[style.css, narrative.css]</style>", text)


# -- a value with its unit --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "thai", "english"),
    [
        ("90", "ร้อยละ", "ร้อยละ 90", "90%"),  # percent: before the value in Thai, % after it in English
        ("70–80", "ร้อยละ", "ร้อยละ 70–80", "70–80%"),
        ("๙๐", "ร้อยละ", "ร้อยละ ๙๐", "๙๐%"),  # Thai digits are digits
        ("95", "%", "ร้อยละ 95", "95%"),
        ("มาก", "ระดับ", "ระดับมาก", "level: มาก"),  # level: the word before, no space in Thai
        ("ดีเยี่ยม", "ระดับ", "ระดับดีเยี่ยม", "level: ดีเยี่ยม"),
        ("600", "คน", "600 คน", "600 คน"),  # count: a counting word after the value
        ("32", "คะแนน", "32 คะแนน", "32 คะแนน"),  # a score reads as a count
        ("120,000", "บาท", "120,000 บาท", "120,000 baht"),  # baht
        ("ร้อยละ 80", "ร้อยละ", "ร้อยละ 80", "ร้อยละ 80"),  # the value says its unit already
        ("80%", "ร้อยละ", "80%", "80%"),
        ("ระดับมาก", "ระดับ", "ระดับมาก", "ระดับมาก"),
        ("30 โรงเรียน", "โรงเรียน", "30 โรงเรียน", "30 โรงเรียน"),
        ("ทุกโรงเรียน", "โรงเรียน", "ทุกโรงเรียน", "ทุกโรงเรียน"),
        ("ครบทุกแห่ง", "โรงเรียน", "ครบทุกแห่ง", "ครบทุกแห่ง"),  # words, no number: nothing to count
        ("90", None, "90", "90"),
        ("90", "  ", "90", "90"),
    ],
)
def test_a_value_and_its_unit_in_the_order_of_each_language(value, unit, thai, english):
    assert with_unit(value, unit, Labels("th")) == thai
    assert with_unit(value, unit, Labels("en")) == english


def test_every_kind_of_unit_is_known_and_an_office_may_reword_the_order():
    kinds = {u: unit_kind(u) for u in ("ร้อยละ", "%", "เปอร์เซ็นต์", "ระดับ", "บาท", "คน", "โรงเรียน", "คะแนน")}
    assert kinds == {
        "ร้อยละ": "percent",
        "%": "percent",
        "เปอร์เซ็นต์": "percent",
        "ระดับ": "level",
        "บาท": "baht",
        "คน": "count",
        "โรงเรียน": "count",
        "คะแนน": "count",
    }
    office = Labels("th", {"with_level": "ระดับ {value}", "with_baht": "{value} บาท (ไม่รวมภาษี)"})
    assert with_unit("มาก", "ระดับ", office) == "ระดับ มาก"
    assert with_unit("500", "บาท", office) == "500 บาท (ไม่รวมภาษี)"


@pytest.mark.parametrize("root", [EXAMPLE, OFFICE, SCHOOL], ids=["annual-cycle", "office", "school"])
def test_no_action_plan_writes_a_number_before_ร้อยละ_or_a_level_before_ระดับ(root):
    for fmt in ("markdown", "html"):
        run = render(str(root), "-d", "action-plan", "--year", "2567", "-f", fmt, "-o", "-")
        assert run.code == 0, run.err
        text = re.sub(r"<[^>]+>", "", run.out)  # HTML: the text between the tags (the words' spans)
        assert not re.search(r"\d ร้อยละ(?!ของ)", text), re.search(r".{40}\d ร้อยละ.{20}", text)
        for level in ("มาก", "ดี", "ดีมาก", "ดีเลิศ", "ยอดเยี่ยม"):
            assert f": {level} ระดับ" not in text
    md = render(str(EXAMPLE), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-").out
    assert "ร้อยละของนักเรียนแกนนำที่ผ่านการอบรมการรับมือกับภัยคุกคาม: ร้อยละ 90" in md
    assert "ระดับความพึงพอใจของผู้เข้ารับการอบรม: ระดับมาก" in md
    english = render(str(EXAMPLE), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-", "--lang", "en")
    assert "ระดับความพึงพอใจของผู้เข้ารับการอบรม: level: มาก" in english.out
    assert "ร้อยละของครูที่นำผลการอบรมไปใช้ในการจัดการเรียนรู้: 80%" in english.out


def test_alignment_items_read_scheme_code_and_title_and_an_untitled_code_stands_alone(tree):
    md = render(str(EXAMPLE), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-").out
    assert "  - ยุทธศาสตร์ชาติ 20 ปี: 1 ด้านความมั่นคง\n" in md  # the note
    assert "  - แผนพัฒนาฯ ฉบับที่ 13: 12 ไทยมีกำลังคนสมรรถนะสูง" in md  # the built-in list's title
    assert "national-strategy-20y" not in md and "moe-policy" not in md
    root = tree(
        {
            "plan.yaml": "id: t\ntitle: แผนทดสอบ\noffice: {name: สำนักงานทดสอบ}\nperiod: {start: 2566, end: 2570}\n"
            "policies:\n  - {id: p1, number: '1', title: ความปลอดภัย}\n",
            "action-plans/2567.yaml": "fiscal_year: 2567\nprojects:\n  - id: x1\n    name: โครงการทดสอบ\n"
            "    policy: p1\n    alignment:\n      - {scheme: moe-policy, code: '1'}\n"
            "      - {scheme: big-rock, code: '2'}\n",
        }
    )
    md = render(str(root), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-").out
    assert "  - นโยบาย ศธ.: 1\n  - big-rock: 2\n" in md  # the codes as written: validate says why (RF06)


# -- goldens ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("kind", ["report", "action-plan"])
def test_the_2567_documents_match_their_golden_files(kind, lang):
    run = render(str(EXAMPLE), "-d", kind, "--year", "2567", "-f", "markdown", "--lang", lang, "-o", "-", env=EPOCH)
    assert run.code == 0, run.err
    check_golden(f"{kind}-2567.{lang}.md", run.out, GOLDEN)
    check_golden(f"{kind}-2567.{lang}.html", _html(kind, lang), GOLDEN)
    if lang == "th":  # no English word of eduplan's: the plan's own (ITA, O-NET, MOE Safety Center) may be
        written = {w for f in EXAMPLE.rglob("*.yaml") for w in re.findall(r"[A-Za-z]+", f.read_text(encoding="utf-8"))}
        assert [w for w in leaks(run.out) if w not in written | {"br"}] == []


def test_the_report_prints_its_words_in_their_places():
    body = _html("report", "th")
    places = ['<header class="cover"', 'id="foreword"', '<nav class="toc"', 'id="summary"', 'id="policy-p1"']
    places += ['id="projects"', 'id="project-prj-2567-03-narrative"', 'id="closing"', 'id="signatures"']
    assert [body.index(p) for p in places] == sorted(body.index(p) for p in places)
    html = lxml_html.document_fromstring(body)
    policy = html.get_element_by_id("policy-p1")
    parts = [h.text_content() for h in policy.find_class("narrative-part")]
    assert parts == ["ผลการดำเนินงาน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ"]  # only the parts given, in printed order
    signatures = [d.text_content().split() for d in html.find_class("signature") if d.tag == "div"]
    assert [s[-1] for s in signatures] == ["2567", "2567"]
    assert "ผู้รายงาน" in signatures[0] and "(นางสาวสมใจ" in signatures[0]
    foreword = html.get_element_by_id("foreword").text_content()
    assert "(นายสมชาย ใจดี)" in foreword and "ตุลาคม 2567" in foreword  # a month: no day
    projects = [a.get("id") for a in html.find_class("project-narrative")]
    assert projects == ["project-prj-2567-03-narrative", "project-prj-2567-04-narrative"]  # the table's order


def test_the_action_plan_has_a_cover_its_foreword_before_the_contents_and_its_signatures_last():
    body = _html("action-plan", "th")
    places = ['<header class="cover"', 'id="foreword"', '<nav class="toc"', 'id="budget"', 'id="signatures"']
    assert [body.index(p) for p in places] == sorted(body.index(p) for p in places)
    html = lxml_html.document_fromstring(body)
    signed = [d.text_content().split() for d in html.find_class("signature") if d.tag == "div"]
    assert [s[2] for s in signed] == ["ผู้เสนอแผน", "ผู้อนุมัติแผน"]
    assert signed[1][-3:] == ["2", "ตุลาคม", "2566"] and signed[0][-1] == "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ"
    foreword = html.get_element_by_id("foreword").text_content()
    assert "กลุ่มนโยบายและแผน สำนักงานเขตพื้นที่การศึกษาตัวอย่าง" in foreword and "ตุลาคม 2566" in foreword


def test_a_report_without_words_prints_none_of_their_headings():
    md = render(str(EXAMPLE), "-d", "report", "--year", "2566", "-f", "markdown", "-o", "-").out
    for word in ("คำนำ", "ปัญหาอุปสรรค", "ข้อเสนอแนะ", "ผลงานที่โดดเด่น", "ลงชื่อ", "ผลการดำเนินงานรายโครงการ"):
        assert word not in md


# -- every format -----------------------------------------------------------------------------


@needs_tools
@pytest.mark.parametrize("kind", ["report", "action-plan"])
def test_the_pdf_has_the_words_and_no_english_header_word_is_broken(kind, tmp_path):
    for lang in ("th", "en"):
        target = tmp_path / f"{kind}-{lang}.pdf"
        run = render(str(EXAMPLE), "-d", kind, "--year", "2567", "-f", "pdf", "--lang", lang, "-o", str(target))
        assert run.code == 0, run.err
        text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout.decode()
        if kind == "report" and lang == "th":
            for words in ("คำนำ", "ปัญหาอุปสรรค", "ข้อเสนอแนะ", "(นางสาวสมใจ ตั้งใจงาน)", "ผู้รับรอง", "31 ตุลาคม 2567"):
                assert words in text, words
        if lang == "en":
            html = render(str(EXAMPLE), "-d", kind, "--year", "2567", "-f", "html", "--lang", "en", "-o", "-").out
            assert _broken(html, text) == []


@needs_tools
def test_no_english_header_word_is_broken_when_every_status_has_a_column(tmp_path):
    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan)
    report = plan / "reports" / "2567.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 3\n", "value: ดี\n", 1), encoding="utf-8")
    target = tmp_path / "report.pdf"
    assert render(str(plan), "-d", "report", "--year", "2567", "-f", "pdf", "--lang", "en", "-o", str(target)).code == 0
    html = render(str(plan), "-d", "report", "--year", "2567", "-f", "html", "--lang", "en", "-o", "-").out
    assert (
        "Not comparable"
        in lxml_html.document_fromstring(html).find(".//table[@class='policy-counts']/thead").text_content()
    )
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout.decode()
    assert _broken(html, text) == []
    for root, kind, year in ((SCHOOL, "report", 2568), (SCHOOL, "action-plan", 2567), (OFFICE, "report", 2567)):
        target = tmp_path / f"{root.name}-{kind}.pdf"
        assert (
            render(str(root), "-d", kind, "--year", str(year), "-f", "pdf", "--lang", "en", "-o", str(target)).code == 0
        )
        html = render(str(root), "-d", kind, "--year", str(year), "-f", "html", "--lang", "en", "-o", "-").out
        text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout.decode()
        assert _broken(html, text) == [], (root.name, kind)


def _broken(html: str, text: str) -> list[str]:
    """The English words of the headers (tables, definition lists, headings) the PDF breaks without a hyphen."""
    root = lxml_html.document_fromstring(html)
    words: set[str] = set()
    for element in root.iter("th", "caption", "dt", "h1", "h2", "h3", "h4", "h5", "figcaption"):
        words |= set(re.findall(r"[A-Za-z]{4,}", element.text_content()))
    return [
        f"{w[:k]}/{w[k:]}"
        for w in sorted(words)
        for k in range(2, len(w) - 1)
        if re.search(rf"(?<![A-Za-z]){re.escape(w[:k])}\n{re.escape(w[k:])}(?![A-Za-z])", text)
    ]


def test_the_word_document_has_the_narrative_and_centred_signatures():
    plan, _loaded = load_whole(EXAMPLE)
    data = Renderer().render(plan, Request("report", "docx", 2567))
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    texts = [p.text for p in paragraphs]
    for words in ("คำนำ", "ปัญหาอุปสรรค", "ข้อเสนอแนะ", "ผลงานที่โดดเด่นและแนวปฏิบัติที่ดี", "(นางสาวสมใจ ตั้งใจงาน)"):
        assert any(words in t for t in texts), words
    assert texts.index("คำนำ") < texts.index("สรุปผลการดำเนินงาน")
    named = [p for p in paragraphs if p.text == "(นางสาวสมใจ ตั้งใจงาน)"]
    assert named and all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in named)


def test_diff_names_a_changed_narrative_and_signature_in_the_readers_words(tmp_path):
    new = tmp_path / "new"
    shutil.copytree(EXAMPLE, new)
    report = new / "reports" / "2567.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("      - ครูบางส่วนติดภารกิจสอนจึงเข้ารับการอบรมไม่ครบทุกครั้ง\n", "      - ครูบางส่วนติดภารกิจสอน\n")
    text = text.replace("  - policy: p3\n", "  - policy: p3\n    suggestions: [จัดทำเว็บไซต์ใหม่ร่วมกับ สพฐ.]\n")
    report.write_text(text, encoding="utf-8")
    thai = cli("diff", str(EXAMPLE), str(new), "--lang", "th")
    assert thai.code == 0, thai.err
    assert "ปรับถ้อยคำปัญหาอุปสรรค" in thai.out  # the project's problems, in the report's words
    assert "(reports[2567].policies[p3])" in thai.out and "ปรับถ้อยคำข้อเสนอแนะ" in thai.out  # matched by the policy's id
    english = cli("diff", str(EXAMPLE), str(new), "--lang", "en")
    assert "problems and obstacles reworded" in english.out and "suggestions reworded" in english.out
