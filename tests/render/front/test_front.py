"""The plan book an office signs: cover with its logo, approval, foreword, the place of the contents, parts, annex.

The example office plan (docs/examples/office-strategic) has every page; the shipped plan has only
what the published plan has (a transcription invents no name): no foreword, no approval, no annex,
no logo, and no colophon unless asked for. Golden files pin the front matter's HTML (from the body
to the content) and the whole book in Markdown, in Thai digits with its colophon.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest

from eduplan import i18n
from eduplan.load.whole import load_whole
from eduplan.render import Renderer, Request
from eduplan.render.linebreak import unmark
from tests.conftest import REPO, build_tree
from tests.i18n.leaks import leaks
from tests.render.helpers import REAL_PLAN, check_golden, render

OFFICE = REPO / "docs" / "examples" / "office-strategic" / "2566-2570"
GOLDEN = REPO / "tests" / "render" / "front" / "golden"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def order_of(html: str, *marks: str) -> list[int]:
    return [html.index(mark) for mark in marks]


def test_the_book_runs_cover_approval_foreword_contents_parts_content_annex() -> None:
    html = unmark(render(str(OFFICE), "-o", "-").out)
    places = order_of(
        html,
        '<header class="cover">',
        'class="document-number">เอกสารลำดับที่ 1/2566<',
        '<img src="data:image/svg+xml;base64,',
        '<section class="front approval" id="approval">',
        '<section class="front foreword" id="foreword">',
        '<nav class="toc"',
        ">ส่วนที่ 1 สภาพปัจจุบันและผลการวิเคราะห์สภาพแวดล้อม</h2>",  # a part heading (h2 class="part")
        'id="section-basic-data"',
        ">ส่วนที่ 2 ทิศทางการพัฒนาการศึกษา</h2>",
        '<section id="vision">',
        ">ส่วนที่ 3 ประเด็นยุทธศาสตร์ กลยุทธ์ ตัวชี้วัดและค่าเป้าหมาย</h2>",
        '<section id="policies">',
        ">ส่วนที่ 4 ความเชื่อมโยง กรอบงบประมาณ และการติดตามประเมินผล</h2>",
        '<section id="links">',
        'id="section-monitoring"',
        '<section class="annex" id="annex">',
        '<section class="order" id="order-working-group">',
        '<section class="committee" id="committee-working-group">',
        'id="section-abbreviations"',
    )
    assert places == sorted(places)
    assert 'alt="ตราสัญลักษณ์ของสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1 (สมมุติ)"' in html
    assert '<p class="sign-name">(นายสมมุติ ตัวอย่างดี)</p>' in html
    assert '<p class="sign-date">ธันวาคม 2565</p>' in html  # a foreword dated by its month
    assert '<p class="appointed">แต่งตั้งตาม: คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1 ที่ 412/2565</p>' in html
    assert 'class="colophon"' not in html  # only when asked


def test_the_shipped_plan_has_only_what_the_published_plan_has() -> None:
    html = unmark(render(str(REAL_PLAN), "-o", "-").out)
    for absent in ('id="foreword"', 'id="approval"', 'id="annex"', "<img", 'class="part"', 'class="colophon"'):
        assert absent not in html
    assert "Transcribed from" not in html  # the source note is printed in the colophon only
    asked = render(str(REAL_PLAN), "--colophon", "-f", "md", "-o", "-", env=EPOCH).out
    assert asked.endswith(
        "จัดทำด้วย eduplan จากข้อมูลแผน sesa-lampang-lamphun-2566-2570 · จัดทำเอกสารเมื่อ 14 พฤศจิกายน 2566\n\n"
        "ที่มาของข้อมูล: Transcribed from the text of the web page of สพม.ลำปาง ลำพูน about its plans (seed file "
        "000\\_8c1bc81af2735ebe.txt; the copy gives no address). Text as published, typos included; no-break spaces "
        "became spaces and the indentation of each paragraph and table cell was dropped. See README.md beside this "
        "file.\n"
    )


@pytest.mark.parametrize(("charts", "cards"), [("off", 0), ("compact", 28), ("full", 46)])
def test_charts_off_compact_or_full(charts: str, cards: int) -> None:
    html = render(str(REAL_PLAN), "--charts", charts, "-o", "-").out
    assert html.count('<figure class="chart-card">') == cards
    assert (f'<div class="charts {charts}">' in html) == (cards > 0)


def test_compact_charts_are_the_indicators_whose_numeric_targets_move() -> None:
    html = unmark(render(str(REAL_PLAN), "--charts", "compact", "-o", "-").out)
    gallery = "".join(re.findall(r'<div class="charts compact">(.*?)</div>', html, re.DOTALL))
    shown = sorted(re.findall(r'<svg [^>]*aria-label="ตัวชี้วัดที่ [0-9.]+: ([^"]+)"', gallery))
    plan, _ = load_whole(REAL_PLAN)
    moving = sorted(
        i.name
        for p in plan.policies
        for i in p.indicators
        if all(isinstance(t, int | float) for t in i.targets.values()) and len(set(i.targets.values())) > 1
    )
    assert shown == [name.replace('"', "&#34;") for name in moving]


def test_budgets_keep_arabic_digits_when_asked() -> None:
    html = unmark(render(str(OFFICE), "--digits", "thai", "--budget-digits", "arabic", "-o", "-").out)
    frame = html[html.index('<section id="budget-frame">') :]
    frame = frame[: frame.index("</section>")]
    assert '<td class="money">8,650,000</td>' in frame  # money as the resolution allows in budget tables
    assert '<th scope="col">๒๕๖๖</th>' in frame  # the years follow the document
    assert "ส่วนที่ ๑" in html
    action = render(
        str(OFFICE),
        "-d",
        "action-plan",
        "--year",
        "2567",
        "-f",
        "md",
        "--digits",
        "thai",
        "--budget-digits",
        "arabic",
        "-o",
        "-",
    ).out
    assert "| ๑ | 180,000 |" in action  # the action plan's budgets too, beside Thai counts
    run = render(str(OFFICE), "--budget-digits", "thai", "-o", "-")
    assert run.code == 2 and "--digits thai" in run.err


def test_in_english_the_words_are_english_and_the_plan_text_as_published() -> None:
    html = unmark(render(str(OFFICE), "--lang", "en", "-o", "-").out)
    assert re.search(r"<h2[^>]*>Approval of the plan</h2>", html) and re.search(r"<h2[^>]*>Foreword</h2>", html)
    assert re.search(r'<h2 class="part"[^>]*>Annex</h2>', html) and "Appointed by: Order of " in html
    assert '<p class="sign-date">December B.E. 2565</p>' in html


def test_in_thai_no_english_word_leaks_from_the_front_matter_or_the_annex() -> None:
    plan, _ = load_whole(OFFICE)
    with i18n.using("th"):
        text = Renderer().text(plan, Request("plan", "markdown"))
    front = text[: text.index("# ส่วนที่ 1")]
    annex = text[text.index("# ภาคผนวก") : text.index("## คำย่อที่ใช้ในแผน")]  # the abbreviations are plan text
    assert "## คำนำ" in front and "## การให้ความเห็นชอบแผน" in front and "| ที่ | ชื่อ – สกุล | ตำแหน่ง |" in annex
    assert leaks((front + annex).replace("<br>", " ")) == []


def test_a_logo_that_is_not_an_image_stops_the_render_with_its_place(tmp_path: Path) -> None:
    plan = (OFFICE / "plan.yaml").read_text(encoding="utf-8").replace("logo: logo.svg", "logo: logo.png")
    root = build_tree(tmp_path, {"plan.yaml": plan, "logo.png": "GIF89a not really"})
    for folder in ("policies",):
        shutil.copytree(OFFICE / folder, root / folder)
    run = render(str(root), "-o", "-")
    assert run.code == 2
    assert "plan.yaml:10:9: LD07" in run.err and "logo.png is not a PNG, JPEG or SVG image" in run.err


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="the SVG logo needs rsvg-convert")
def test_word_has_the_logo_and_the_signatures_on_the_right() -> None:
    plan, loaded = load_whole(OFFICE)
    from eduplan.load.images import plan_images

    data = Renderer(images=plan_images(plan, loaded.root)).render(plan, Request("plan", "docx"))
    document = docx.Document(io.BytesIO(data))
    assert round(document.inline_shapes[0].height.cm, 1) == 3.5  # the logo, first thing on the cover
    name = next(p for p in document.paragraphs if p.text == "(นายสมมุติ ตัวอย่างดี)")
    assert name.paragraph_format.left_indent is not None and round(name.paragraph_format.left_indent.cm) == 7


def test_golden_front_matter_html_and_the_book_in_markdown() -> None:
    html = unmark(render(str(OFFICE), "-o", "-", env=EPOCH).out)
    front = html[html.index("<body") : html.index("<main>")]
    front = re.sub(r"base64,[A-Za-z0-9+/=]+", "base64,[the logo]", front)
    check_golden("office-front.html", front, GOLDEN)
    book = render(str(OFFICE), "-f", "md", "--digits", "thai", "--colophon", "-o", "-", env=EPOCH).out
    check_golden("office-book.th-digits.md", book, GOLDEN)


@pytest.mark.skipif(shutil.which("git") is None, reason="a git side needs git")
def test_a_plan_in_a_git_revision_carries_its_logo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from tests.validate.helpers import cli

    shutil.copytree(OFFICE, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], check=True, capture_output=True)
    run = cli("diff", "HEAD:plan", "plan")  # the logo is read from the commit, as the YAML files are
    assert run.code == 0, run.err
