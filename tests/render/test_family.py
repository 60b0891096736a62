"""Documents of the whole family of plans: two-level strategies, sub-indicators, a school's standards and SAR.

Each plan here is small and written as published plans write it; each test reads one thing a
planning officer would look for in the document (a heading, a row, a table), in Markdown or HTML.
"""

from __future__ import annotations

import re

import pytest

from tests.render.helpers import render

OFFICE = """\
id: office
title: แผนพัฒนาการศึกษา 2566-2570
office: {name: สำนักงานเขตพื้นที่การศึกษาตัวอย่าง, short_name: สพป.ตัวอย่าง}
period: {start: 2566, end: 2570}
hierarchy: [ประเด็นยุทธศาสตร์, กลยุทธ์]
goals:
  - {id: g1, number: "1", text: ผู้เรียนมีคุณภาพ}
context:
  - id: data
    number: "1"
    title: ข้อมูลพื้นฐาน
    tables:
      - title: จำนวนนักเรียน
        columns: [อำเภอ, นักเรียน]
        rows: [[เมือง, 19541], [รวม, 19541]]
        unit: คน
        source: DMC 10 มิถุนายน 2565
  - id: swot
    title: SWOT
    swot: {strengths: [ครูเข้มแข็ง], weaknesses: [โรงเรียนเล็ก], opportunities: [ชุมชนช่วย], threats: [ประชากรลดลง]}
schemes:
  big-rock: {title: Big Rock สพฐ., codes: {"1": สถานศึกษาปลอดภัย}}
budget_frame:
  lines:
    - {name: ความปลอดภัย, years: {2566: 1000, 2567: 2000}}
    - {name: คุณภาพ, years: {2567: 500}}
monitoring:
  - {id: me, title: การติดตามและประเมินผล, items: [รายงานทุกไตรมาส]}
policies:
  - id: p1
    number: "1"
    title: ความปลอดภัย
    alignment: [{scheme: big-rock, code: "1"}, {scheme: national-strategy-20y, code: "4"}]
    indicators:
      - id: p1-i1
        number: "1"
        name: ผลการอ่าน
        unit: ร้อยละ
        indicators:
          - {id: p1-i1-1, number: "1.1", name: อ่านออก ป.1, unit: ร้อยละ, kind: percent, targets: {2566: 74}}
          - {id: p1-i1-2, number: "1.2", name: เขียนได้ ป.1, unit: ร้อยละ, kind: percent, targets: {2566: 70}}
    policies:
      - id: p1-1
        number: "1.1"
        title: สถานศึกษาปลอดภัย
        goals:
          - {id: p1-1-g1, number: "1", text: สถานศึกษามีสภาพแวดล้อมที่ปลอดภัย}
        indicators:
          - id: p1-1-i1
            number: "1"
            name: ร้อยละของนักเรียนที่มีผลสัมฤทธิ์ระดับ 3 ขึ้นไป
            unit: ร้อยละ
            kind: percent
            baseline: {year: ปี 64/65, value: 61.27}
            targets: {2566: เพิ่มขึ้นร้อยละ 3, 2567: เพิ่มขึ้นร้อยละ 3}
          - id: p1-1-i2
            number: "2"
            name: จำนวนโรงเรียนปลอดบุหรี่
            unit: โรงเรียน
            kind: count
            cumulative: true
            baseline: {year: 2565, value: n/a}
            targets: {2566: 20, 2567: 35}
"""
ACTION = """\
fiscal_year: 2567
projects:
  - id: pr1
    number: 3.11
    name: โครงการโรงเรียนปลอดภัย
    policy: p1-1
    outputs:
      - {unit: โรงเรียน, target: 106, quarters: {1: 26, 2: 30, 3: 30, 4: 20}}
      - {unit: คน, target: 350}
    budget: 180000
    budgets: {2567: 180000, 2568: 200000}
    alignment: {big-rock: "1"}
"""
REPORT = """\
fiscal_year: 2566
actuals:
  - {indicator: p1-i1-1, value: 75}
  - {indicator: p1-i1-2, value: 60}
  - {indicator: p1-1-i1, value: 65}
  - {indicator: p1-1-i2, value: 21}
"""


@pytest.fixture
def office(tree):
    return str(tree({"plan.yaml": OFFICE, "action-plans/2567.yaml": ACTION, "reports/2566.yaml": REPORT}))


def md(*args: str) -> str:
    run = render(*args, "-f", "markdown", "-o", "-")
    assert run.code == 0, run.err
    return run.out


def html(*args: str) -> str:
    run = render(*args, "-o", "-")
    assert run.code == 0, run.err
    return run.out


def test_each_level_is_headed_by_its_name_from_the_hierarchy(office):
    text = md(office)
    assert "## ประเด็นยุทธศาสตร์ที่ 1 ความปลอดภัย" in text
    assert "### กลยุทธ์ที่ 1.1 สถานศึกษาปลอดภัย" in text
    assert "## ประเด็นยุทธศาสตร์/กลยุทธ์" in text  # the list of both levels
    page = html(office)
    assert "<h2>ประเด็นยุทธศาสตร์ที่ 1 ความปลอดภัย</h2>" in page and "<h3>กลยุทธ์ที่ 1.1 สถานศึกษาปลอดภัย</h3>" in page
    assert "นโยบาย" not in page.split("<main>")[1]


def test_goals_stated_in_a_strategy_are_in_its_section_and_the_plan_goals_once(office):
    text = md(office)
    strategy = text[text.index("### กลยุทธ์ที่ 1.1") :]
    assert "#### เป้าประสงค์\n\n1\\. สถานศึกษามีสภาพแวดล้อมที่ปลอดภัย" in strategy
    assert text.count("ผู้เรียนมีคุณภาพ") == 1


def test_sub_indicators_are_indented_rows_numbered_as_published_and_no_owner_column(office):
    page = html(office)
    row = '<tr id="indicator-p1-p1-i1-1" class="part"><td class="num">1.1</td><td class="indent-1">อ่านออก ป.1</td>'
    assert row in page
    assert "ผู้รับผิดชอบ" not in page  # no indicator names an owner
    assert "| 1.2 | \u2003เขียนได้ ป.1 | ร้อยละ |" in md(office)


def test_baselines_change_targets_and_cumulative_marks_as_published(office):
    text = md(office)
    row = next(line for line in text.splitlines() if "ผลสัมฤทธิ์ระดับ 3" in line)
    assert "| 61.27 (2564–2565) | เพิ่มขึ้นร้อยละ 3 | เพิ่มขึ้นร้อยละ 3 |" in row
    assert "| จำนวนโรงเรียนปลอดบุหรี่ (สะสม) | โรงเรียน | n/a (2565) | 20 | 35 |" in text
    page = html(office)
    assert '<table class="indicators wide">' in page  # word targets get the wider year columns
    assert "64.27" in page and "67.27" in page  # the chart draws the change from the baseline, without float noise


def test_context_tables_swot_links_budget_frame_and_monitoring(office):
    page = html(office, "--digits", "thai")
    assert '<td class="number">๑๙,๕๔๑</td>' in page  # counts in the chosen digits, right-aligned
    assert "หน่วยนับ: คน · ที่มาของข้อมูล: DMC ๑๐ มิถุนายน ๒๕๖๕" in page  # the plan's text too: every digit
    assert page.index('id="section-data"') < page.index('id="policy-p1"') < page.index('id="section-me"')
    assert re.search(r'<div class="swot-part threats">\s*<h3>อุปสรรค \(T\)</h3>\s*<ul>\s*<li>ประชากรลดลง', page)
    links = page[page.index('<table class="links">') :]
    assert '<th scope="col">ยุทธศาสตร์ชาติ ๒๐ ปี</th><th scope="col">Big Rock สพฐ.</th>' in links
    assert "<div>๑ สถานศึกษาปลอดภัย</div>" in links and "ยุทธศาสตร์ชาติด้านการสร้างโอกาส" in links
    frame = md(office)
    assert "| ความปลอดภัย | 1,000 | 2,000 | 3,000 |" in frame and "| คุณภาพ | – | 500 | 500 |" in frame
    assert "| **รวม** | **1,000** | **2,500** | **3,500** |" in frame


def test_action_plan_project_table_with_units_targets_quarters_and_rows(office):
    page = html(office, "-d", "action-plan", "--year", "2567")
    start = page.index('<table class="project-table">')
    table = page[start : page.index("</table>", start)]
    name = '<td rowspan="2"><a href="#project-pr1">โครงการโรงเรียนปลอดภัย</a></td>'
    assert '<td class="num" rowspan="2">3.11</td>' + name in table
    assert '<td>โรงเรียน</td><td class="target">106</td><td class="target">26</td>' in table
    assert '<td>คน</td><td class="target">350</td>' in table
    assert "<li>2567: 180,000</li><li>2568: 200,000</li>" in page  # the multi-year budget
    assert '<th scope="col">Big Rock สพฐ.</th>' in page  # the alignment column by the scheme's title
    assert "ไม่มีโครงการภายใต้ประเด็นยุทธศาสตร์นี้" not in page  # only a strategy without levels says so
    assert "<h3>กลยุทธ์ที่ 1.1 สถานศึกษาปลอดภัย</h3>" in page


def test_report_headings_follow_the_labels_and_parts_are_not_counted_apart(office):
    text = md(office, "-d", "report", "--year", "2566")
    assert "### ผลรายประเด็นยุทธศาสตร์" in text and "ผลรายนโยบาย" not in text
    assert "| ประเด็นยุทธศาสตร์/กลยุทธ์ |" in text
    assert "ตัวชี้วัดทั้งหมด 3 ตัวชี้วัด" in text  # the reading indicator once, its two parts inside it
    assert "| 1.1 | \u2003อ่านออก ป.1 |" in text
    assert "เพิ่มขึ้นร้อยละ 3 (= 64.27)" in text
    assert "ตัวชี้วัดย่อยบรรลุค่าเป้าหมาย 1 จาก 2" in text


SCHOOL = """\
id: school
title: แผนพัฒนาคุณภาพการศึกษา
office:
  name: โรงเรียนตัวอย่าง
  short_name: ร.ร.ตัวอย่าง
  kind: school
  code: "1099990001"
  parent: สพม.ตัวอย่าง
  philosophy: ปัญญาคือแสงสว่าง
  identity: ยิ้ม ไหว้ ทักทาย
  motto: เรียนดี มีวินัย
period: {start: 2567, end: 2569, year: academic}
hierarchy: [กลยุทธ์]
standards:
  - id: s1
    number: "1"
    name: คุณภาพของผู้เรียน
    kind: level
    levels: [กำลังพัฒนา, ปานกลาง, ดี, ดีเลิศ, ยอดเยี่ยม]
    targets: {2567: ดีเลิศ, 2568: ดีเลิศ, 2569: ยอดเยี่ยม}
    indicators:
      - {id: s1-1, number: "1.1", name: ผลสัมฤทธิ์ทางวิชาการ, kind: level, targets: {2567: ดี}}
policies:
  - id: p1
    number: "1"
    title: พัฒนาผู้เรียน
    indicators:
      - {id: p1-i1, number: "1", name: ร้อยละของนักเรียนที่อ่านคล่อง, unit: ร้อยละ, kind: percent, targets: {2567: 70}}
"""
SAR = """\
academic_year: 2567
actuals:
  - {indicator: s1, value: ยอดเยี่ยม, score: 4.62}
  - {indicator: s1-1, value: ปานกลาง, score: 2.9}
  - {indicator: p1-i1, value: 71}
"""


@pytest.fixture
def school(tree):
    files = {"plan.yaml": SCHOOL, "reports/2567.yaml": SAR, "action-plans/2567.yaml": "academic_year: 2567\n"}
    return str(tree(files))


def test_a_school_plan_has_its_identity_and_its_standards_table(school):
    text = md(school)
    assert "| สถานศึกษา | ร.ร.ตัวอย่าง |" in text and "| รหัสสถานศึกษา | 1099990001 |" in text
    assert "| ระยะเวลาของแผน | ปีการศึกษา 2567–2569 |" in text
    assert "**อัตลักษณ์** ยิ้ม ไหว้ ทักทาย" in text and "**คติพจน์** เรียนดี มีวินัย" in text
    assert "## มาตรฐานการศึกษา" in text
    assert "| 1 | คุณภาพของผู้เรียน | ดีเลิศ | ดีเลิศ | ยอดเยี่ยม |" in text
    assert "| 1.1 | \u2003ผลสัมฤทธิ์ทางวิชาการ | ดี | – | – |" in text


def test_a_sar_is_of_its_academic_year_with_levels_reached_and_scores(school):
    text = md(school, "-d", "report", "--year", "2567")
    assert "ปีการศึกษา 2567: 16 พฤษภาคม 2567 ถึง 31 มีนาคม 2568" in text
    assert "ปีงบประมาณ" not in text
    assert "| 1 | คุณภาพของผู้เรียน | ดีเลิศ | ยอดเยี่ยม | 4.62 | ✓ บรรลุ |" in text  # above the expected level
    assert "| 1.1 | \u2003ผลสัมฤทธิ์ทางวิชาการ | ดี | ปานกลาง | 2.9 | ✗ ไม่บรรลุ |" in text
    assert "**มาตรฐานที่ 1** ✓ บรรลุ: สูงกว่าระดับเป้าหมาย 1 ระดับ" in text
    assert "| มาตรฐานการศึกษา |" in text  # the standards have their row in the counts


def test_a_school_action_plan_says_academic_year_and_gives_the_standards_levels(school):
    text = md(school, "-d", "action-plan", "--year", "2567")
    assert text.startswith("# แผนปฏิบัติการ ประจำปีการศึกษา 2567\n")
    assert "| 1 | คุณภาพของผู้เรียน | ดีเลิศ |" in text  # the year's expected level of each standard
    assert "ปีการศึกษา 2567: 16 พฤษภาคม 2567 ถึง 31 มีนาคม 2568" in text
    assert "ปีงบประมาณ" not in text


def test_plan_book_text_is_shown_as_text_never_as_markup(tree):
    hostile = '"<script>x</script> | **b** {{ 7*7 }}"'
    plan = (
        "id: h\ntitle: แผน\noffice: {name: สำนักงาน}\nperiod: {start: 2566, end: 2570}\n"
        f"context:\n  - id: c1\n    title: {hostile}\n    items: [{hostile}]\n"
        f"    tables: [{{columns: [{hostile}], rows: [[{hostile}]], source: {hostile}}}]\n"
        f"    swot: {{strengths: [{hostile}]}}\n"
        f"budget_frame: {{lines: [{{name: {hostile}, years: {{2566: 1}}}}]}}\n"
        "policies:\n  - {id: p1, number: '1', title: นโยบาย, alignment: [{scheme: own, code: " + hostile + "}]}\n"
    )
    root = str(tree({"plan.yaml": plan}))
    page = html(root)
    assert "<script>" not in page and page.count("&lt;script&gt;x&lt;/script&gt;") >= 7
    text = md(root)
    assert "<script>" not in text and "49" not in text
    assert text.count("\\<script\\>x\\</script\\> \\| \\*\\*b\\*\\*") >= 6  # cells, items and headings alike
