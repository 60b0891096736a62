"""What the documents say: every section, escaped plan text, empty cells, digits, words, projects."""

from __future__ import annotations

import re

from tests.render.helpers import EXAMPLE, REAL_PLAN, plan_with_indicators, real_rows, render

SCRIPT = "ร้อยละของ <script>alert('x')</script> & <b>นักเรียน</b>"


def test_the_plan_has_every_section_in_published_order():
    html = render(str(REAL_PLAN), "--colophon", "-o", "-").out
    html = html[html.index("<body") :]
    order = [
        'class="cover"',
        'id="vision"',
        'id="missions"',
        'id="goals"',
        'id="policies"',
        'id="policy-p1"',
        'id="policy-p5"',
        'id="values"',
        'id="driving-model"',
        'id="qualities"',
        "colophon",
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_every_indicator_and_target_of_the_real_plan_is_in_the_markdown():
    md = render(str(REAL_PLAN), "-f", "markdown", "-o", "-").out
    for ident, cells in real_rows():
        assert "| " + " | ".join(cells) + " |" in md, ident


def test_plan_text_is_escaped_in_html_and_markdown(tree):
    root = tree(plan_with_indicators(f'  - {{id: i1, number: "1", name: "{SCRIPT}", unit: ร้อยละ, kind: percent}}\n'))
    html = render(str(root), "-o", "-").out
    assert "<script" not in html and "<b>" not in html
    assert "ร้อยละของ &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;นักเรียน&lt;/b&gt;" in html
    md = render(str(root), "-f", "markdown", "-o", "-").out
    assert r"ร้อยละของ \<script\>alert('x')\</script\> & \<b\>นักเรียน\</b\>" in md


def test_empty_cells_show_an_explicit_marker_and_unfilled_columns_are_left_out(tree):
    root = tree(
        plan_with_indicators(
            '  - {id: i1, number: "1", name: ตัวชี้วัด, kind: percent, targets: {2567: 80}}\n'
            '  - {id: i2, number: "2", name: มีหน่วย, unit: ร้อยละ, kind: percent, targets: {2566: 80}}\n'
        )
    )
    md = render(str(root), "-f", "markdown", "-o", "-").out
    assert "| 1 | ตัวชี้วัด | – | – | 80 | – | – | – |" in md  # no owner anywhere: no owner column
    assert "ผู้รับผิดชอบ" not in md
    html = render(str(root), "-o", "-").out
    row = re.search(r'<tr id="indicator-p1-i1">.*</tr>', html)
    assert row is not None
    assert row.group(0).count('<span class="empty" title="ไม่ระบุ">–</span>') == 5  # unit, 4 years
    assert "c-owner" not in html.split("<main>")[1]


def test_thai_digits_for_every_digit_of_the_document_plan_text_included():
    md = render(str(REAL_PLAN), "-f", "markdown", "--digits", "thai", "-o", "-").out
    assert "| ๑ | ร้อยละของนักเรียนที่มีความรู้ความเข้าใจ" in md
    assert "| ร้อยละ | ๘๐ | ๘๕ | ๙๐ | ๙๕ | ๑๐๐ | สพฐ. ๖๖- ๗๐ |" in md  # the plan's text too: every digit
    assert "## นโยบายที่ ๑ " in md
    assert "ศตวรรษที่ ๒๑" in md and "ศตวรรษที่ 21" not in md  # shown in Thai digits; the data is as published
    html = render(str(REAL_PLAN), "--digits", "thai", "-o", "-").out
    assert "counter(page, thai)" in html
    assert '<th scope="col">๒๕๖๖</th>' in html


def test_english_words_and_plan_labels(tree):
    html = render(str(REAL_PLAN), "--lang", "en", "-o", "-").out
    assert '<html lang="en">' in html and "<h2>Vision</h2>" in html and "Policy 1 " in html
    root = tree(
        {
            **plan_with_indicators(""),
            "plan.yaml": plan_with_indicators("")["plan.yaml"] + "labels: {policy: กลยุทธ์, polcy: x}\n",
        }
    )
    run = render(str(root), "-f", "markdown", "-o", "-")
    assert "## กลยุทธ์ที่ 1 นโยบายทดสอบ" in run.out
    assert "labels: 'polcy' is not a label eduplan uses" in run.err


def test_action_plan_without_projects_says_so():
    md = render(str(REAL_PLAN), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-").out
    assert "แผนนี้ยังไม่มีข้อมูลโครงการและงบประมาณของปีงบประมาณ พ.ศ. 2567" in md
    assert "ปีงบประมาณ 2567: 1 ตุลาคม 2566 ถึง 30 กันยายน 2567" in md
    assert (
        "| 1 | ร้อยละของนักเรียนที่มีความรู้ความเข้าใจ และทักษะเพื่อรับมือกับภัยคุกคามรูปแบบใหม่ทุกรูปแบบ และทุกประเภท"
        " | ร้อยละ | 85 | สพฐ. 66- 70 |" in md
    )
    assert "### โครงการ/กิจกรรมหลัก" not in md  # no empty project sections


def test_action_plan_with_projects_budgets_and_quarters():
    md = render(str(EXAMPLE), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-").out
    assert "ไม่มีข้อมูลโครงการ" not in md
    assert "| นโยบายที่ 1 ความปลอดภัยและโอกาสทางการศึกษา | 2 | 205,000 |" in md
    assert "| **รวม** | | **500,000** |" in md
    assert "### โครงการ/กิจกรรมหลัก (งบประมาณ 205,000 บาท)" in md
    assert "#### โครงการที่ 1 โครงการส่งเสริมความปลอดภัยในสถานศึกษา" in md
    assert "| ไตรมาส 1 (ต.ค.–ธ.ค. 2566) | ประชุมชี้แจงและสำรวจความเสี่ยง | 20,000 |" in md
    assert "  - ร้อยละของนักเรียนแกนนำที่ผ่านการอบรมการรับมือกับภัยคุกคาม: ร้อยละ 90" in md  # Thai order
    assert "  - ตัวชี้วัดที่ 1\n" in md


def test_projects_under_no_policy_of_the_plan_are_listed_not_dropped(tree):
    files = plan_with_indicators('  - {id: i1, number: "1", name: ตัวชี้วัด, kind: percent}\n')
    files["action-plans/2567.yaml"] = (
        "fiscal_year: 2567\nprojects:\n"
        "  - {id: a, name: โครงการในนโยบาย, policy: p1, indicators: [i1, i9], budget: 1000}\n"
        "  - {id: b, name: โครงการหลงทาง, policy: p9}\n"
    )
    md = render(str(tree(files)), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-").out
    assert "## โครงการที่ไม่ตรงกับนโยบายใดในแผน\n\n#### โครงการที่ 2 โครงการหลงทาง" in md
    assert "  - i9 (ไม่พบในแผน)" in md
    assert "| **รวม** | | **1,000** |" in md


def test_charts_show_actuals_when_a_report_has_them():
    html = render(str(EXAMPLE), "-o", "-").out
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 7
    assert 'class="actual"' in html and ">ผลที่วัดได้</text>" in html
    assert "<script" not in html  # no JavaScript anywhere


def test_the_font_is_embedded_and_is_the_packaged_sarabun():
    import base64
    from importlib import resources

    html = render(str(REAL_PLAN), "-o", "-").out
    faces = re.findall(r'font-weight: (\d+);\n  src: url\(data:font/ttf;base64,([^)]+)\) format\("truetype"\)', html)
    assert [w for w, _ in faces] == ["400", "700"]
    regular = resources.files("fontpkg_sarabun").joinpath("files", "Sarabun-Regular.ttf").read_bytes()
    assert base64.b64decode(faces[0][1]) == regular
    assert '<meta charset="utf-8">' in html and '<html lang="th">' in html


def test_ranges_levels_and_decimals_as_the_tables_show_them(tree):
    root = tree(
        plan_with_indicators(
            '  - {id: i1, number: "1", name: ช่วง, unit: ร้อยละ, kind: percent,'
            " targets: {2566: {min: 70, max: 80}, 2567: {min: 75}, 2568: 1250.5}}\n"
            '  - {id: i2, number: "2", name: ระดับ, unit: ระดับ, kind: level, levels: [ดี, ดีมาก],'
            " targets: {2566: ดี, 2567: ดีมาก}}\n"
        )
    )
    md = render(str(root), "-f", "markdown", "-o", "-").out
    assert "| 1 | ช่วง | ร้อยละ | 70–80 | ≥ 75 | 1,250.5 | – | – |" in md
    assert "| 2 | ระดับ | ระดับ | ดี | ดีมาก | – | – | – |" in md
    html = render(str(root), "--digits", "thai", "-o", "-").out
    assert '<td class="target">๗๐–๘๐</td>' in html and '<td class="target">≥ ๗๕</td>' in html
    assert html.count('class="chart"') == 2  # a level indicator with a scale gets a chart


def test_baselines_get_a_column_and_start_the_measured_series(tree):
    root = tree(
        plan_with_indicators(
            '  - {id: i1, number: "1", name: มีค่าฐาน, unit: ร้อยละ, kind: percent,'
            " baseline: {year: 2565, value: 76}, targets: {2566: 80}}\n"
            '  - {id: i2, number: "2", name: ไม่มีค่าฐาน, unit: ร้อยละ, kind: percent, targets: {2566: 80}}\n'
        )
    )
    md = render(str(root), "-f", "markdown", "-o", "-").out
    assert "| ที่ | ตัวชี้วัด | หน่วยนับ | ค่าฐาน (ปี) | 2566 |" in md
    assert "| 1 | มีค่าฐาน | ร้อยละ | 76 (2565) | 80 |" in md
    assert "| 2 | ไม่มีค่าฐาน | ร้อยละ | – | 80 |" in md
    html = render(str(root), "-o", "-").out
    first_chart = html[html.index('class="chart"') :]
    first_chart = first_chart[: first_chart.index("</svg>")]
    assert ">2565</text>" in first_chart and 'class="actual"' in first_chart
