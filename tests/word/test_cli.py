"""`eduplan import PLAN.docx --into NEW-DIR`, and hostile Word files: one clear line or located findings."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.validate.helpers import cli
from tests.word.helpers import Doc
from tests.word.test_import import office_plan


def test_the_import_writes_a_new_plan_that_validate_reads(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    into = tmp_path / "plans" / "office" / "2566-2570"
    run = cli("import", str(source), "--into", str(into))
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == (
        f"imported 4 policies, 2 missions, 2 goals, 11 indicators, 2 projects from {source} into {into}; "
        "2 findings to check above"
    )
    assert sorted(p.relative_to(into).as_posix() for p in into.rglob("*.yaml")) == [
        "action-plans/2567.yaml",
        "plan.yaml",
        "policies/1.yaml",
        "policies/2.yaml",
    ]
    assert f"{source}: table 5, row 3, column 7: warning WD01 cannot read 'ดีมาก?'" in run.err
    checked = cli("validate", str(into))
    assert checked.code == 1  # the document's own gaps (AN01, MD01, TG02, TG04), see test_import
    assert "Traceback" not in checked.err


def test_a_folder_that_holds_a_plan_is_refused_and_left_alone(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    into = tmp_path / "plan"
    into.mkdir()
    (into / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    run = cli("import", str(source), "--into", str(into))
    assert run.code == 2
    assert run.err == (
        f"eduplan: error: {into}: already holds a plan (plan.yaml); a Word import makes a new plan folder: "
        "name one that does not exist yet\n"
    )
    assert (into / "plan.yaml").read_text(encoding="utf-8") == "id: x\n"
    assert sorted(p.name for p in into.iterdir()) == ["plan.yaml"]


def test_a_folder_inside_a_plan_is_refused(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    (tmp_path / "outer").mkdir()
    (tmp_path / "outer" / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    into = tmp_path / "outer" / "policies" / "new"
    run = cli("import", str(source), "--into", str(into))
    assert (run.code, run.err) == (
        2,
        f"eduplan: error: {into}: inside the plan {tmp_path / 'outer'}; a Word import makes a plan folder of its own, "
        "outside any plan\n",
    )
    assert not (tmp_path / "outer" / "policies").exists()


def test_a_dry_run_shows_the_files_and_writes_nothing(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    into = tmp_path / "new"
    run = cli("import", str(source), "--into", str(into), "--dry-run")
    assert run.code == 0, run.err
    assert f"# --- {into / 'policies' / '2.yaml'}\n" in run.out
    assert run.out.splitlines()[-1].startswith("dry run: would import 4 policies")
    assert not into.exists()


def test_a_document_without_a_title_or_period_writes_nothing(tmp_path: Path) -> None:
    source = Doc().heading("พันธกิจ").para("1. ส่งเสริม").save(tmp_path / "plan.docx")
    into = tmp_path / "new"
    run = cli("import", str(source), "--into", str(into))
    assert run.code == 1
    assert f"error WD04 {source}: no title (a paragraph naming แผน)" in run.err
    assert run.err.splitlines()[-1] == f"eduplan: error: {source}: 4 errors; nothing was written"
    assert not into.exists()


def test_a_document_with_no_tables_imports_its_lists(tmp_path: Path) -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "โรงเรียนทดสอบวิทยา")
    doc.heading("พันธกิจ").para("๑. จัดการเรียนรู้").para("๒. พัฒนาครู")
    doc.heading("ประเด็นยุทธศาสตร์ที่ ๑ คุณภาพผู้เรียน").para("เป้าหมาย").para("1.1 ผู้เรียนอ่านออก")
    run = cli("import", str(doc.save(tmp_path / "plan.docx")), "--into", str(tmp_path / "new"))
    assert run.code == 0, run.err
    plan = (tmp_path / "new" / "plan.yaml").read_text(encoding="utf-8")
    assert "office:\n  name: โรงเรียนทดสอบวิทยา\n  kind: school\n" in plan
    assert '  number: "1."\n  text: จัดการเรียนรู้\n' in plan  # Thai digits of numbers written as Arabic ones
    policy = (tmp_path / "new" / "policies" / "1.yaml").read_text(encoding="utf-8")
    assert 'targets:\n- id: p1-t1\n  number: "1.1"\n  text: ผู้เรียนอ่านออก\n' in policy


def test_not_a_zip_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    source.write_text("สวัสดี, not a document", encoding="utf-8")
    run = cli("import", str(source), "--into", str(tmp_path / "new"))
    assert (run.code, run.err) == (
        2,
        f"eduplan: error: {source}: not a Word .docx file (it is not a zip archive; save it as .docx in Word)\n",
    )


def test_a_zip_without_a_document_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("hello.txt", "hi")
    run = cli("import", str(source), "--into", str(tmp_path / "new"))
    assert run.code == 2
    assert (
        run.err
        == f"eduplan: error: {source}: not a Word .docx file (it holds no word/document.xml; save it as .docx in Word)\n"  # noqa: E501
    )


def _with_document(path: Path, change: Callable[[bytes], bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """The office plan saved at ``path`` with its ``word/document.xml`` changed by ``change``."""
    with zipfile.ZipFile(io.BytesIO(office_plan().data())) as original, zipfile.ZipFile(path, "w", compression) as out:
        for item in original.infolist():
            body = original.read(item)
            out.writestr(item.filename, change(body) if item.filename == "word/document.xml" else body)
    return path


def test_a_zip_bomb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    spaces = b" " * 40_000_000  # 40 MB that deflate to 40 KB
    bomb = _with_document(tmp_path / "plan.docx", lambda xml: xml.replace(b"</w:body>", spaces + b"</w:body>"))
    run = cli("import", str(bomb), "--into", str(tmp_path / "new"))
    assert run.code == 2
    assert "word/document.xml is compressed" in run.err and "a zip bomb" in run.err
    assert len(run.err.splitlines()) == 1


def test_too_many_paragraphs_is_one_line(tmp_path: Path) -> None:
    many = b"<w:p/>" * 250_000
    big = _with_document(tmp_path / "plan.docx", lambda xml: xml.replace(b"</w:body>", many + b"</w:body>"), 0)
    run = cli("import", str(big), "--into", str(tmp_path / "new"))
    assert run.code == 2
    assert (
        run.err == f"eduplan: error: {big}: the document holds more than 200,000 paragraphs; eduplan imports one plan\n"
    )


def test_a_broken_document_part_is_one_line(tmp_path: Path) -> None:
    broken = _with_document(tmp_path / "plan.docx", lambda xml: xml[:500])
    run = cli("import", str(broken), "--into", str(tmp_path / "new"))
    assert run.code == 2
    assert run.err.startswith(f"eduplan: error: {broken}: not a readable Word .docx file (")
    assert len(run.err.splitlines()) == 1


def test_year_is_for_workbooks(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    run = cli("import", str(source), "--into", str(tmp_path / "new"), "--year", "2567")
    assert (run.code, run.err) == (2, "eduplan: error: --year applies to workbooks; a Word file is imported whole\n")
