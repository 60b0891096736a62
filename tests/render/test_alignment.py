"""The alignment matrix of an action plan: projects (rows) against higher-plan schemes (columns)."""

from __future__ import annotations

from tests.render.helpers import EXAMPLE, REAL_PLAN, plan_with_indicators, render

HEADER = "| โครงการ | ยุทธศาสตร์ชาติ 20 ปี | แผนแม่บทภายใต้ยุทธศาสตร์ชาติ | แผนพัฒนาฯ ฉบับที่ 13 | นโยบาย ศธ. | นโยบาย สพฐ. | SDG |"


def action_plan_md(root: object, *args: str) -> str:
    run = render(str(root), "-d", "action-plan", "--year", "2567", "-f", "markdown", "-o", "-", *args)
    assert run.code == 0, run.err
    return run.out


def test_the_example_lists_codes_per_project_and_scheme():
    md = action_plan_md(EXAMPLE)
    assert "## ความสอดคล้องของโครงการกับแผนระดับสูง\n\n" + HEADER in md
    assert "| โครงการที่ 2 โครงการป้องกันและแก้ไขปัญหานักเรียนออกกลางคัน | 4 | – | 9 | – | 2 | 4.1 |" in md
    html = render(str(EXAMPLE), "-d", "action-plan", "--year", "2567", "-o", "-").out
    assert '<table class="alignment">' in html
    assert '<td><a href="#project-prj-2567-02">โครงการที่ 2</a> โครงการป้องกันและแก้ไขปัญหานักเรียนออกกลางคัน</td>' in html


def test_columns_are_the_schemes_used_known_first_then_others_alphabetically_whatever_the_project_order(tree):
    def plan(projects: list[str]) -> str:
        files = plan_with_indicators("")
        files["action-plans/2567.yaml"] = "fiscal_year: 2567\nprojects:\n" + "".join(projects)
        return action_plan_md(tree(files))

    a = (
        "  - {id: a, name: เอ, policy: p1, alignment: [{scheme: sdg, code: '4.1'}, {scheme: zeta, code: Z1},"
        " {scheme: sdg, code: '4.2'}]}\n"
    )
    b = "  - {id: b, name: บี, policy: p1, alignment: [{scheme: alpha, code: A9}, {scheme: ndp13, code: '12'}]}\n"
    first, second = plan([a, b]), plan([b, a])
    header = "| โครงการ | แผนพัฒนาฯ ฉบับที่ 13 | SDG | alpha | zeta |"
    assert header in first and header in second
    assert "| โครงการที่ 1 เอ | – | 4.1, 4.2 | – | Z1 |" in first  # codes in the order written
    assert "| โครงการที่ 2 บี | 12 | – | A9 | – |" in first


def test_no_matrix_without_alignment_references():
    assert "ความสอดคล้องของโครงการ" not in action_plan_md(REAL_PLAN)
