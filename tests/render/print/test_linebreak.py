"""Thai word boundaries in the HTML (render/linebreak.py), the contents (render/toc.py), and the checks of
tests/render/print/proof.py on pages made up here, so that each check is seen to find its fault."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from eduplan.render.linebreak import mark_breaks, plan_words, unmark, words_of
from eduplan.render.toc import destination_pages, fill_contents, set_pages
from tests.render.helpers import REAL_PLAN, cli
from tests.render.print import proof


def test_the_words_the_issue_saw_cut_stay_whole():
    assert "ภาคีเครือข่าย" in words_of("พัฒนาการศึกษาโดยอาศัยภาคีเครือข่าย")
    assert "อัตลักษณ์" in words_of("ส่งเสริมอัตลักษณ์ท้องถิ่น")
    assert "ขั้นพื้นฐาน" in words_of("การศึกษาขั้นพื้นฐาน")
    assert "ตอบสนอง" in words_of("ที่ตอบสนองทิศทาง")
    assert words_of("ตัวชี้วัดที่") == ("ตัวชี้วัด", "ที่")  # a term of the plans, not ตัว/ชี้/วัด


def test_a_piece_the_dictionary_lacks_is_never_cut_into_letters():
    assert words_of("สพม.ลำปาง") == ("สพม.", "ลำปาง")
    assert all(len(word) > 1 for word in words_of("ธรรมมาภิบาลโดยการมีส่วนร่วม"))  # a misspelling, joined on


def test_each_word_is_a_span_and_a_number_keeps_its_words():
    html = mark_breaks("<p>ร้อยละ 90 ของนักเรียน ใช้งบ 1,250,000 บาท ใน พ.ศ. 2567</p>")
    assert html == (
        '<p><span class="nobr">ร้อยละ 90 ของ</span><span class="w">นักเรียน</span> <span class="w">ใช้</span>'
        '<span class="nobr">งบ 1,250,000 บาท</span> <span class="w">ใน</span> <span class="nobr">พ.ศ. 2567</span></p>'
    )
    assert "\u200b" not in html and "<wbr>" not in html  # no character, nothing the text layer would carry


def test_markup_stays_out_of_tags_styles_charts_and_titles():
    html = '<title>แผน</title><style>p::after{content:"แผน"}</style><svg><text>ปี 2567</text></svg><a title="ทดสอบ">'
    assert mark_breaks(html) == html
    assert mark_breaks("<!DOCTYPE html>\n<p>แผน &amp; ผล &#39;ดี&#39;</p>") == (
        '<!DOCTYPE html>\n<p><span class="w">แผน</span> &amp; <span class="w">ผล</span> &#39;'
        '<span class="w">ดี</span>&#39;</p>'
    )


@given(st.text(alphabet="กขคงนมยรลวสหอะาิีึุูเแโใไ่้๊๋็์ำ ๆ.,0123456789๑๒%()&<>\"'abc\n", max_size=80))
def test_taking_the_markup_out_gives_the_html_back(text):
    html = "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"
    assert unmark(mark_breaks(html)) == html


def test_the_plan_s_short_names_are_words():
    assert plan_words(["สพม.ลำปาง ลำพูน", "สพม.35", None]) == ("ลำพูน", "สพม.ลำปาง")


def test_segmenting_the_shipped_plan_is_fast():
    html = cli("render", str(REAL_PLAN), "-f", "markdown", "-o", "-").out  # warm: dictionary built once
    mark_breaks("<p>แผนพัฒนา</p>")
    start = time.perf_counter()
    marked = mark_breaks("<p>" + html.replace("<", "&lt;") + "</p>")
    assert marked.count('class="w"') > 1000
    assert time.perf_counter() - start < 2.0  # about 0.1 s on a laptop; a bound, not a benchmark


def test_word_gets_the_html_without_markup_and_the_browser_with_it():
    from eduplan.load.loader import load_plan
    from eduplan.render import Renderer, Request

    plan = load_plan(REAL_PLAN).plan
    assert plan is not None
    renderer = Renderer()
    assert 'class="w"' not in renderer.text(plan, Request("plan", "docx"))
    assert 'class="w"' in renderer.text(plan, Request("plan", "html"))
    assert "<span" not in renderer.text(plan, Request("plan", "markdown"))


CONTENTS = """<nav class="toc" data-toc="thai">
  <h2>สารบัญ</h2>
</nav>
<main>
<section id="vision">
  <h2>วิสัยทัศน์</h2>
  <h3>ไม่ใช่หัวเรื่องของส่วน</h3>
</section>
<section class="sub-policy" id="p1-1">
  <h3>นโยบายย่อย</h3>
</section>
<h2>ภาคผนวก</h2>
</main>
"""


def test_the_contents_list_chapters_and_sections_and_link_to_them():
    html = fill_contents(CONTENTS)
    assert re.findall(r'<li class="(toc-\d)"><a href="#([^"]+)"><span class="toc-text">([^<]*)</span>', html) == [
        ("toc-1", "vision", "วิสัยทัศน์"),
        ("toc-2", "p1-1", "นโยบายย่อย"),
        ("toc-1", "toc-3", "ภาคผนวก"),
    ]
    assert '<h2 id="toc-3">ภาคผนวก</h2>' in html
    paged = set_pages(html, {"vision": 3, "p1-1": 12})
    assert '<a href="#vision"><span class="toc-text">วิสัยทัศน์</span><span class="toc-page">๓</span>' in paged
    assert '<span class="toc-page">๑๒</span>' in paged
    assert fill_contents("<main><h2>x</h2></main>") == "<main><h2>x</h2></main>"  # no marker, no contents


def test_pages_of_named_destinations_are_read_from_a_pdf():
    pdf = (
        b"%PDF-1.4\n1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 5 0 R>>\nendobj\n"
        b"2 0 obj\n<</Type /Pages\n/Kids [3 0 R 4 0 R]\n/Count 2>>\nendobj\n"
        b"3 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n4 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n"
        b"5 0 obj\n<</vision [3 0 R /XYZ 0 800 0]\n/policy-p1 [4 0 R /XYZ 0 823 0]\n"
        b"/a#2Db [4 0 R /XYZ 0 1 0]>>\nendobj\n"
    )
    assert destination_pages(pdf) == {"vision": 1, "policy-p1": 2, "a-b": 2}
    assert destination_pages(b"%PDF-1.4\nnothing") == {}


def line(page: int, text: str, y: float, x: float = 85.0, width: float = 200.0) -> proof.Line:
    return proof.Line(page, text, x, y, x + width, y + 15.6)


SOURCE = proof.Source(
    "พัฒนาการศึกษาโดยอาศัยภาคีเครือข่าย\nร้อยละ 90 ของนักเรียน", headings=["เป้าประสงค์"], chart_captions=["ตัวชี้วัดที่ 1 ร้อยละ"]
)


def test_the_checks_find_the_faults_the_issue_saw():
    split = [[line(1, "พัฒนาการศึกษาโดยอาศัยภาคีเครือ", 100), line(1, "ข่าย", 119.2)]]
    assert proof.split_words(split, SOURCE) == ["page 1: พัฒนาการศึกษาโดยอาศัยภาคีเครือ/ข่าย"]
    whole = [[line(1, "พัฒนาการศึกษาโดยอาศัย", 100), line(1, "ภาคีเครือข่าย", 119.2)]]
    assert proof.split_words(whole, SOURCE) == []
    torn = [[line(1, "ที่", 786, width=0.0)], [line(2, "ตัวชี้วัดที่ 1", 62)]]
    assert proof.torn_lines(torn) == ["page 1: 'ที่'"]
    orphan = [[line(1, "ข้อความ", 700), line(1, "เป้าประสงค์", 760)], [line(2, "ข้อความ", 62)]]
    assert proof.orphan_headings(orphan, SOURCE) == ["page 1: เป้าประสงค์"]
    parted = [[line(1, "ร้อยละ", 100)], [line(2, "90 ของนักเรียน", 62)]]
    assert proof.parted_numbers(parted, SOURCE) == ["page 1: ร้อยละ / 90"]
    caption = [[line(1, "ตัวชี้วัดที่ 1", 760)], [line(2, "ร้อยละ", 62), line(2, "2566 2567", 120)]]
    assert proof.parted_captions(caption, SOURCE) == ["ตัวชี้วัดที่ 1 ร้อยละ: on pages [1, 2]"]


def test_the_set_dictionary_cuts_as_pythainlp_s_trie_does():
    from pythainlp.corpus.common import thai_words
    from pythainlp.tokenize import newmm
    from pythainlp.util import Trie

    from eduplan.render.linebreak import Words

    text = "ส่งเสริมการจัดการศึกษาเพื่อเสริมสร้างความมั่นคงปลอดภัยและคุณภาพชีวิตที่เป็นมิตรกับสิ่งแวดล้อม"
    sample = sorted(w for w in thai_words() if w[0] in "กคปมสอท")[::3] + ["ก", "ส"]
    assert newmm.segment(text, custom_dict=Words(sample)) == newmm.segment(text, custom_dict=Trie(sample))


def test_contents_without_readable_pages_are_printed_without_numbers(monkeypatch):
    from eduplan.render import pdf

    printed: list[str] = []

    def fake_print(exe: str, html: str) -> bytes:
        printed.append(html)
        return b"%PDF-1.4\n(no destinations)"

    monkeypatch.setattr(pdf, "_print", fake_print)
    assert pdf._paged("chromium", fill_contents(CONTENTS)) == b"%PDF-1.4\n(no destinations)"
    assert len(printed) == 2 and '<span class="toc-page">๘๘</span>' in printed[0]  # the placeholder, in Thai digits
    assert '<span class="toc-page"></span>' in printed[1] and "๘๘" not in printed[1]
