"""``eduplan render`` as a command: outputs, determinism, atomic writes, clear errors."""

from __future__ import annotations

from pathlib import Path

from tests.render.helpers import EXAMPLE, REAL_PLAN, render

NAME = "sesa-lampang-lamphun-2566-2570"


def test_second_run_is_byte_identical(tmp_path):
    first = tmp_path / "a.html"
    second = tmp_path / "b.html"
    assert render(str(REAL_PLAN), "-o", str(first)).code == 0
    assert render(str(REAL_PLAN), "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_second_markdown_run_is_byte_identical(tmp_path):
    first = tmp_path / "a.md"
    second = tmp_path / "b.md"
    assert render(str(REAL_PLAN), "-f", "markdown", "-o", str(first)).code == 0
    assert render(str(REAL_PLAN), "-f", "markdown", "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_md_is_an_alias_of_markdown_and_files_end_in_md(tmp_path):
    alias = render(str(REAL_PLAN), "-f", "md", "-o", "-")
    assert alias.code == 0 and alias.out == render(str(REAL_PLAN), "-f", "markdown", "-o", "-").out
    assert render(str(REAL_PLAN), "--format", "markdown", "-o", f"{tmp_path}/").code == 0
    assert [p.name for p in tmp_path.iterdir()] == [f"{NAME}.plan.md"]
    bad = render(str(REAL_PLAN), "-f", "odt", "-o", f"{tmp_path}/")
    assert bad.code == 2 and bad.err.count("\n") == 1
    assert "'odt' is not one of 'markdown', 'html', 'pdf', 'docx'" in bad.err


def test_no_clock_unless_source_date_epoch(tmp_path):
    plain = render(str(REAL_PLAN), "-f", "markdown", "--colophon", "-o", "-").out
    dated = render(
        str(REAL_PLAN), "-f", "markdown", "--colophon", "-o", "-", env={"SOURCE_DATE_EPOCH": "1700000000"}
    ).out
    assert "จัดทำเอกสารเมื่อ" not in plain
    assert "จัดทำเอกสารเมื่อ 14 พฤศจิกายน 2566" in dated
    bad = render(str(REAL_PLAN), "-f", "markdown", "-o", "-", env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert bad.code == 2 and "SOURCE_DATE_EPOCH='yesterday'" in bad.err


def test_default_names_in_a_directory_and_every_year_with_an_action_plan(tmp_path):
    # the example has an action plan for 2567 only, and reports for 2566 and 2567
    run = render(
        str(EXAMPLE), "-d", "plan", "-d", "action-plan", "-d", "report", "-f", "markdown", "-o", f"{tmp_path}/out/"
    )
    assert run.code == 0, run.err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    example = "example-annual-cycle"
    assert names == [f"{example}.{kind}.md" for kind in ("action-plan-2567", "plan", "report-2566", "report-2567")]
    assert run.err.count("wrote ") == 4  # not a terminal: one line per file, no progress bar


def test_a_kind_of_document_the_plan_has_none_of_is_one_line(tmp_path):
    run = render(str(REAL_PLAN), "-d", "plan", "-d", "action-plan", "-f", "markdown", "-o", f"{tmp_path}/out/")
    assert run.code == 0, run.err  # the real plan has no action plans: a warning, and the plan is written
    said = "the plan has no action plans (action-plans/*.yaml); there is no action plan to render"
    assert run.err.startswith(f"eduplan: warning: {said}")
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{NAME}.plan.md"]
    alone = render(str(REAL_PLAN), "-d", "action-plan", "-o", f"{tmp_path}/alone/")
    assert (alone.code, alone.err.count("\n")) == (2, 1)  # nothing to render: one clear error line
    assert alone.err.startswith(f"eduplan: error: {said}")
    assert not (tmp_path / "alone").exists()
    one = render(str(REAL_PLAN), "-d", "action-plan", "--year", "2568", "-f", "markdown", "-o", "-")
    assert one.code == 0 and "แผนนี้ยังไม่มีข้อมูลโครงการและงบประมาณของปีงบประมาณ พ.ศ. 2568" in one.out


def test_several_documents_refuse_a_file_name(tmp_path):
    run = render(str(EXAMPLE), "-d", "report", "-o", str(tmp_path / "out.html"))
    assert run.code == 2
    assert "2 documents need a directory" in run.err


def test_stdout_takes_one_text_document():
    run = render(str(REAL_PLAN), "-f", "pdf", "-o", "-")
    assert run.code == 2 and "-o - (standard output) takes one Markdown or HTML document" in run.err
    assert render(str(EXAMPLE), "-d", "report", "-o", "-").code == 2


def test_failed_render_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "plan.html"
    assert render(str(REAL_PLAN), "-o", str(target)).code == 0
    before = target.read_bytes()
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "plan.html").write_text(
        '{% extends "base.html" %}\n{% block body %}\n{{ plan.no_such_field }}\n{% endblock %}\n', encoding="utf-8"
    )
    run = render(str(REAL_PLAN), "-o", str(target), "--templates", str(broken))
    assert run.code == 2
    assert f"{broken / 'plan.html'}:3: template error:" in run.err
    assert "no_such_field" in run.err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.html", "templates"]  # no temporary left


def test_templates_override_file_by_file(tmp_path):
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "plan.md").write_text("# {{ plan.title }} (ฉบับย่อ)\n", encoding="utf-8")
    md = render(str(REAL_PLAN), "-f", "markdown", "-o", "-", "--templates", str(mine))
    assert md.out == "# แผนพัฒนาการศึกษาขั้นพื้นฐานของ สพม.ลำปาง ลำพูน (พ.ศ.2566\\-2570) (ฉบับย่อ)\n" or md.out.startswith(
        "# แผนพัฒนาการศึกษาขั้นพื้นฐานของ สพม.ลำปาง ลำพูน (พ.ศ.2566-2570) (ฉบับย่อ)"
    )
    html = render(str(REAL_PLAN), "-f", "html", "-o", "-", "--templates", str(mine))
    assert "<h2>วิสัยทัศน์</h2>" in html.out  # plan.html still comes from the package
    missing = render(str(REAL_PLAN), "--templates", str(tmp_path / "nope"))
    assert missing.code == 2 and "not a directory" in missing.err


def test_missing_chromium_is_one_line_with_the_install_command(tmp_path):
    run = render(
        str(REAL_PLAN),
        "-f",
        "pdf",
        "-o",
        str(tmp_path / "plan.pdf"),
        env={"EDUPLAN_CHROMIUM": str(tmp_path / "no-chromium")},
    )
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert "apt-get install chromium" in run.err
    assert not (tmp_path / "plan.pdf").exists()


def test_year_outside_the_plan(tmp_path):
    run = render(str(REAL_PLAN), "-d", "action-plan", "--year", "2571", "-o", "-")
    assert run.code == 2
    assert "fiscal year 2571 is outside the plan's period 2566-2570" in run.err


def test_a_plan_with_errors_is_not_rendered(tree):
    root = tree({"plan.yaml": "id: x\ntitle: t\n"})
    run = render(str(root), "-o", "-")
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"eduplan: error: {root}: the plan does not load whole (")


def test_written_files_are_readable_by_others(tmp_path):
    target = tmp_path / "plan.md"
    assert render(str(REAL_PLAN), "-f", "markdown", "-o", str(target)).code == 0
    assert Path(target).stat().st_mode & 0o044 == 0o044  # a web server can publish it


def test_year_without_an_action_plan_is_a_usage_error():
    run = render(str(REAL_PLAN), "--year", "2567", "-o", "-")
    assert run.code == 2 and "add --document action-plan" in run.err


def test_progress_bar_for_several_documents_on_a_terminal(tmp_path, monkeypatch, capsys):
    import sys

    from eduplan.cli.render import _reporter

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with _reporter(2) as rendered:  # the files are written after every document is made, all or none
        rendered()
        rendered()
    err = capsys.readouterr().err
    assert "rendering" in err and "2/2" in err
