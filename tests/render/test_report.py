"""The annual performance report: summary, status per indicator with its reason, projects, errors.

Most tests read the Markdown, where each fact is one line; the HTML is checked for what only it
has (status marks, charts) and for escaping.
"""

from __future__ import annotations

import re

from tests.render.helpers import EXAMPLE, MINIMAL_PLAN, REAL_PLAN, render

SCRIPT = "<script>alert('x')</script>"


def report_md(*args: str) -> str:
    run = render(str(EXAMPLE), "-d", "report", "--year", "2567", "-f", "markdown", "-o", "-", *args)
    assert run.code == 0, run.err
    return run.out


def test_summary_gives_the_share_achieved_and_the_counts_by_status_and_policy():
    md = report_md()
    assert "**บรรลุค่าเป้าหมาย 3 จาก 6 ตัวชี้วัดที่วัดผลได้ (ร้อยละ 50)**" in md  # no data is not in the 6
    assert "| ✓ บรรลุ | 3 |\n| ✗ ไม่บรรลุ | 3 |\n| ○ ไม่มีข้อมูล | 1 |" in md
    # a column for each status some indicator has (achieved and not achieved always), not for those none has
    assert "| นโยบาย | ✓ บรรลุ | ✗ ไม่บรรลุ | ○ ไม่มีข้อมูล | รวม | ร้อยละที่บรรลุ |" in md
    assert "| นโยบายที่ 2 คุณภาพผู้เรียน | 1 | 2 | 0 | 3 | 33.3 |" in md
    assert "| **รวม** | **3** | **3** | **1** | **7** | **50** |" in md


def test_each_indicator_has_target_actual_status_and_why():
    md = report_md()
    assert "| 1 | ร้อยละของนักเรียนที่มีความรู้และทักษะในการรับมือกับภัยคุกคามทุกรูปแบบ | ร้อยละ | 85 | 87 | ✓ บรรลุ |" in md
    assert "| 2 | ร้อยละของนักเรียนที่ออกกลางคัน | ร้อยละ | 1.2 | 1.4 | ✗ ไม่บรรลุ |" in md
    assert "- **ตัวชี้วัดที่ 2** ✗ ไม่บรรลุ: ขาดอีก 0.2 จึงจะถึงค่าเป้าหมาย (ค่ายิ่งต่ำยิ่งดี)" in md  # not 0.19999
    assert "- **ตัวชี้วัดที่ 3** ✗ ไม่บรรลุ: อยู่นอกช่วงค่าเป้าหมาย 1 (รักษาระดับ)" in md  # 41 against 30–40
    assert "| ระดับ | ดีมาก | ดีมาก | ✓ บรรลุ |" in md
    assert "○ ไม่มีข้อมูล: ผลการประเมิน ITA ประจำปี 2567 ประกาศหลังสิ้นปีงบประมาณ" in md  # the report's reason
    assert "  - วันที่วัดผล: 20 กันยายน 2567\n  - แหล่งข้อมูล: ระบบ MOE Safety Center" in md


def test_projects_done_or_not_budget_spent_and_totals():
    md = report_md()
    assert "| 2 | โครงการป้องกันและแก้ไขปัญหานักเรียนออกกลางคัน | ดำเนินการแล้ว | 85,000 | 85,000 | 100 |" in md
    assert "(เลื่อนการปรับปรุงเว็บไซต์ไปปีงบประมาณ 2568) | ยังไม่ได้ดำเนินการ | 45,000 | 30,000 | 66.7 |" in md
    assert "| | **รวม** | | **500,000** | **474,800** | **95** |" in md


def test_english_words_and_thai_digits():
    md = report_md("--lang", "en", "--digits", "thai")
    assert md.startswith("# ตัวอย่าง: รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๗\n")  # the report's own title
    assert "**๓ of ๖ measured indicators achieved their target (๕๐%)**" in md
    assert "| ๒ | ร้อยละของนักเรียนที่ออกกลางคัน | ร้อยละ | ๑.๒ | ๑.๔ | ✗ Not achieved |" in md
    assert "short of the target by ๐.๒ (lower is better)" in md
    assert "| ๑๒๐,๐๐๐ | ๑๑๘,๕๐๐ | ๙๘.๘ |" in md
    assert "ปีการศึกษา ๒๕๖๖" in md  # plan text too: every digit of the document (render/digits.py)
    assert "2566" not in md.replace("example-annual-cycle", "")


def test_html_marks_each_status_with_a_shape_and_charts_what_was_known_that_year():
    run = render(str(EXAMPLE), "-d", "report", "--year", "2566", "-o", "-")
    html = run.out
    cells = re.findall(r'<td class="status ([a-z-]+)"><svg [^>]*class="status-icon"', html)
    assert cells.count("achieved") + cells.count("not-achieved") + cells.count("no-data") == 7 + 3  # rows + counts
    chart = html[html.index('aria-label="ตัวชี้วัดที่ 1: ร้อยละของนักเรียนที่มีความรู้') :]
    chart = chart[: chart.index("</svg>")]
    assert 'class="highlight"' in chart  # the report's year is shaded
    assert ">82.5</text>" in chart and ">87</text>" not in chart  # 2567's actual was not known in 2566
    assert "<script" not in html


def test_a_year_without_a_report_is_one_line_naming_the_years_that_have_one():
    run = render(str(EXAMPLE), "-d", "report", "--year", "2568", "-f", "markdown", "-o", "-")
    assert run.code == 2
    assert run.err == (
        "eduplan: error: no performance report for fiscal year 2568; the plan has reports for fiscal years 2566, 2567\n"
    )
    none = render(str(REAL_PLAN), "-d", "report", "--year", "2567", "-o", "-")
    assert none.code == 2 and "the plan has no performance reports" in none.err
    assert render(str(REAL_PLAN), "-d", "report", "-o", "-").code == 2


def test_without_year_one_report_per_reported_year(tmp_path):
    run = render(str(EXAMPLE), "-d", "report", "-f", "markdown", "-o", f"{tmp_path}/")
    assert run.code == 0, run.err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["example-annual-cycle.report-2566.md", "example-annual-cycle.report-2567.md"]


def test_second_run_is_byte_identical(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for target in (first, second):
        assert render(str(EXAMPLE), "-d", "report", "--year", "2567", "-o", str(target)).code == 0
    assert first.read_bytes() == second.read_bytes()


CASES_POLICY = """\
id: p1
number: '1'
title: นโยบายทดสอบ
indicators:
  - {id: i1, number: '1', name: "ร้อยละ SCRIPT", unit: ร้อยละ, kind: percent, targets: {2567: 80}}
  - {id: i2, number: '2', name: ช่วงรักษาระดับ, unit: คน, kind: count, direction: maintain,
     targets: {2567: {min: 30, max: 40}}}
  - {id: i3, number: '3', name: ระดับไม่มีลำดับ, unit: ระดับ, kind: level, targets: {2567: ดีมาก}}
  - {id: i4, number: '4', name: ระดับกับตัวเลข, unit: ระดับ, kind: level, levels: [ดี, ดีมาก], targets: {2567: ดี}}
  - {id: i5, number: '5', name: ไม่ได้กล่าวถึง, unit: ร้อยละ, kind: percent, targets: {2567: 50}}
  - {id: i6, number: '6', name: ไม่มีค่าเป้าหมาย, unit: ร้อยละ, kind: percent, targets: {2568: 50}}
  - {id: i7, number: '7', name: ระดับสูงกว่า, unit: ระดับ, kind: level, levels: [พอใช้, ดี, ดีมาก], targets: {2567: พอใช้}}
"""

CASES_REPORT = """\
fiscal_year: 2567
actuals:
  - {indicator: i1, value: 80, source: "แหล่ง SCRIPT", note: "หมายเหตุ SCRIPT"}
  - {indicator: i2, value: 35}
  - {indicator: i3, value: ดี}
  - {indicator: i4, value: 3}
  - {indicator: i6, value: 70}
  - {indicator: i7, value: ดีมาก}
  - {indicator: i9, value: 1}
projects:
  - {project: a, done: true, budget_spent: 900}
  - {project: zz, done: false, budget_spent: 100, note: "ยกเลิก SCRIPT"}
"""


def cases(tree):
    """A plan whose report exercises every kind of reason, unknown ids and plan text with markup."""
    return tree(
        {
            "plan.yaml": MINIMAL_PLAN,
            "policies/1.yaml": CASES_POLICY.replace("SCRIPT", SCRIPT.replace('"', "'")),
            "action-plans/2567.yaml": (
                "fiscal_year: 2567\nprojects:\n"
                "  - {id: a, name: โครงการเอ, policy: p1, budget: 1000}\n"
                "  - {id: b, name: โครงการบี, policy: p1, budget: 500}\n"
            ),
            "reports/2567.yaml": CASES_REPORT.replace("SCRIPT", SCRIPT),
        }
    )


def test_every_kind_of_reason_in_words(tree):
    root = cases(tree)
    md = render(str(root), "-d", "report", "--year", "2567", "-f", "markdown", "-o", "-").out
    reasons = dict(re.findall(r"^- \*\*ตัวชี้วัดที่ (\d)\*\* (.*)$", md, re.MULTILINE))
    assert reasons == {
        "1": "✓ บรรลุ: เท่ากับค่าเป้าหมาย (ค่ายิ่งสูงยิ่งดี)",
        "2": "✓ บรรลุ: อยู่ในช่วงค่าเป้าหมาย (รักษาระดับ)",
        "3": "✗ ไม่บรรลุ: ไม่ตรงกับระดับเป้าหมาย (เทียบว่าตรงกันหรือไม่ เพราะตัวชี้วัดไม่ได้กำหนดลำดับของระดับ)",
        "4": "△ เทียบไม่ได้: ผลกับค่าเป้าหมายเป็นคนละชนิด (ระดับกับตัวเลข)",
        "5": "○ ไม่มีข้อมูล: รายงานไม่ได้กล่าวถึงตัวชี้วัดนี้",
        "6": "– ไม่มีค่าเป้าหมาย: ไม่มีค่าเป้าหมายของปี 2567",
        "7": "✓ บรรลุ: สูงกว่าระดับเป้าหมาย 2 ระดับ",
    }
    assert "> **รายงานให้ผลของรหัสที่ไม่พบในแผน: i9**" in md
    assert "| 2 | โครงการบี | ไม่ได้รายงาน | 500 | – | – |" in md
    assert r"| – | zz (ไม่พบในแผนปฏิบัติการ) (ยกเลิก \<script\>alert('x')\</script\>) | ยังไม่ได้ดำเนินการ | – | 100 | – |" in md
    assert "| | **รวม** | | **1,500** | **1,000** | **66.7** |" in md


def test_plan_and_report_text_with_markup_stays_text(tree):
    html = render(str(cases(tree)), "-d", "report", "--year", "2567", "-o", "-").out
    assert "<script" not in html
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    assert f"ร้อยละ {escaped}" in html and f"แหล่ง {escaped}" in html and f"ยกเลิก {escaped}" in html
