"""``eduplan import`` of a Word file and ``eduplan init`` in Thai: every sentence Thai, the rest as in English.

Each case runs twice, in English and in Thai: the exit codes, the places of the findings (paragraph,
table, row, column), their codes and the number of lines are the same; the Thai output has no English
word outside what the user wrote (:func:`tests.i18n.leaks.leaks`) and differs from the English.
The import's findings are also checked on any document Hypothesis writes (the documents of
``tests/word/test_any_document.py``), so that every note the import can give is met in Thai.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan import i18n
from eduplan.word.importer import WordImport, import_docx
from tests.i18n.leaks import leaks
from tests.init.helpers import OFFICE, SCHOOL
from tests.validate.helpers import Run, cli
from tests.word.helpers import Doc
from tests.word.test_any_document import block, document
from tests.word.test_cli import _with_document
from tests.word.test_import import office_plan

ROOT = Path("plans/office/2566-2570")


def thai_leaks(text: str) -> list[str]:
    """The English words of ``text`` (Thai output), after the ``eduplan: error:`` that opens every error line in any
    language (a stable prefix, as other programs' ``error:``)."""
    return leaks(text.replace("eduplan: error: ", "eduplan: "))


def both(*args: str) -> tuple[Run, Run]:
    """The command line run in English, then in Thai (the language as ``EDUPLAN_LANG`` gives it)."""
    return cli(*args, env={"EDUPLAN_LANG": "en"}), cli(*args, env={"EDUPLAN_LANG": "th"})


def said(text: str) -> list[str]:
    """The lines of output that are sentences: not the files a dry run shows."""
    lines, in_file = [], False
    for line in text.splitlines():
        if line.startswith("# --- "):
            in_file = True
        elif in_file and line.startswith(("dry run:", "ทดลองนำเข้า:")):
            in_file = False
        if not in_file:
            lines.append(line)
    return lines


def place_and_code(line: str) -> str:
    """``plan.docx: table 5, row 3, column 7: warning WD01`` -> ``5 3 7 WD01``: the numbers and code of a finding."""
    words = line.split(" ")
    code = next((w for w in words if len(w) == 4 and w[:2] in ("WD", "MD") and w[2:].isdigit()), "")
    where = line.split(": ")[1] if ": " in line else ""
    return " ".join([*(w.strip(",") for w in where.split() if w.strip(",").isdigit()), code])


def assert_same_but_thai(english: Run, thai: Run) -> None:
    """The same exit code and shape in both languages; the Thai output all Thai."""
    assert thai.code == english.code, (english.err, thai.err)
    for stream in ("out", "err"):
        en, th = said(getattr(english, stream)), said(getattr(thai, stream))
        assert len(th) == len(en), (en, th)
        assert [place_and_code(line) for line in th] == [place_and_code(line) for line in en]
        assert [line for line in th if thai_leaks(line)] == []
        if any(line.strip() for line in en):
            assert th != en


# -- eduplan import ---------------------------------------------------------------------------------------------


def test_an_import_dry_run_says_everything_in_thai(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    english, thai = both("import", str(source), "--into", str(tmp_path / "new"), "--dry-run")
    assert_same_but_thai(english, thai)
    assert thai.code == 0
    assert f"{source}: ตาราง 5 แถว 3 คอลัมน์ 7: " in thai.err
    assert "อ่าน 'ดีมาก?' เป็นค่าเป้าหมายไม่ได้" in thai.err
    assert said(thai.out)[-1] == (
        "ทดลองนำเข้า: จะนำเข้า นโยบาย 4 ข้อ, พันธกิจ 2 ข้อ, เป้าประสงค์ 2 ข้อ, ตัวชี้วัด 11 ตัว, โครงการ 2 โครงการ"
        " ลงในไฟล์ 4 ไฟล์ มีข้อค้นพบที่ต้องตรวจสอบ 2 รายการ (ด้านบน) ยังไม่ได้เขียนไฟล์ใด"
    )
    assert not (tmp_path / "new").exists()


def test_an_import_that_writes_says_what_it_wrote_and_what_is_next_in_thai(tmp_path: Path) -> None:
    source = office_plan().save(tmp_path / "plan.docx")
    english = cli("import", str(source), "--into", str(tmp_path / "en" / "new"), env={"EDUPLAN_LANG": "en"})
    thai = cli("import", str(source), "--into", str(tmp_path / "th" / "new"), env={"EDUPLAN_LANG": "th"})
    assert (english.code, thai.code) == (0, 0)
    assert thai.out.splitlines()[-1] == f"ขั้นต่อไป: eduplan validate {tmp_path / 'th' / 'new'}"
    assert [line for line in (*thai.out.splitlines(), *thai.err.splitlines()) if thai_leaks(line)] == []
    for path in ("plan.yaml", "policies/1.yaml", "policies/2.yaml", "action-plans/2567.yaml"):  # the same files
        assert (tmp_path / "th" / "new" / path).read_bytes() == (tmp_path / "en" / "new" / path).read_bytes()


def _not_a_zip(tmp: Path) -> list[str]:
    (tmp / "plan.docx").write_text("สวัสดี, not a document", encoding="utf-8")
    return ["import", str(tmp / "plan.docx"), "--into", str(tmp / "new")]


def _no_document_part(tmp: Path) -> list[str]:
    with zipfile.ZipFile(tmp / "plan.docx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    return ["import", str(tmp / "plan.docx"), "--into", str(tmp / "new")]


def _broken_document_part(tmp: Path) -> list[str]:
    return ["import", str(_with_document(tmp / "plan.docx", lambda xml: xml[:500])), "--into", str(tmp / "new")]


def _no_title_office_or_period(tmp: Path) -> list[str]:
    source = Doc().heading("พันธกิจ").para("1. ส่งเสริม").save(tmp / "plan.docx")
    return ["import", str(source), "--into", str(tmp / "new")]


def _into_a_plan(tmp: Path) -> list[str]:
    (tmp / "plan").mkdir()
    (tmp / "plan" / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    return ["import", str(office_plan().save(tmp / "plan.docx")), "--into", str(tmp / "plan")]


def _inside_a_plan(tmp: Path) -> list[str]:
    (tmp / "outer").mkdir()
    (tmp / "outer" / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    return ["import", str(office_plan().save(tmp / "plan.docx")), "--into", str(tmp / "outer" / "policies" / "x")]


def _into_a_file(tmp: Path) -> list[str]:
    (tmp / "new").write_text("x", encoding="utf-8")
    return ["import", str(office_plan().save(tmp / "plan.docx")), "--into", str(tmp / "new")]


def _with_a_year(tmp: Path) -> list[str]:
    return ["import", str(office_plan().save(tmp / "plan.docx")), "--into", str(tmp / "new"), "--year", "2567"]


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (_not_a_zip, 2),
        (_no_document_part, 2),
        (_broken_document_part, 2),
        (_no_title_office_or_period, 1),
        (_into_a_plan, 2),
        (_inside_a_plan, 2),
        (_into_a_file, 2),
        (_with_a_year, 2),
    ],
)
def test_an_import_refused_says_why_in_thai(make: Callable[[Path], list[str]], code: int, tmp_path: Path) -> None:
    english, thai = both(*make(tmp_path))
    assert_same_but_thai(english, thai)
    assert thai.code == code
    assert not (tmp_path / "new").is_dir()


def _findings(result: WordImport) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.value, repr(f.span)) for f in result.findings]


def _both_imports(data: bytes) -> tuple[WordImport, WordImport]:
    with i18n.using("en"):
        english = import_docx(data, "plan.docx", ROOT)
    with i18n.using("th"):
        thai = import_docx(data, "plan.docx", ROOT)
    return english, thai


def _assert_thai_findings(english: WordImport, thai: WordImport) -> None:
    assert _findings(thai) == _findings(english)
    with i18n.using("th"):
        shown = [f"{f.span}: {f.message}" if f.span else f.message for f in thai.findings]
    assert [line for line in shown if thai_leaks(line)] == []
    assert thai.files == english.files  # the plan's files are the document's words, in either language


def test_every_note_of_the_office_plan_book_is_thai() -> None:
    english, thai = _both_imports(office_plan().data())
    assert len(thai.findings) == 14
    _assert_thai_findings(english, thai)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(block, max_size=14), front=st.booleans())
def test_any_document_s_notes_are_thai(blocks: list[tuple[str, object]], front: bool) -> None:
    _assert_thai_findings(*_both_imports(document(blocks, front).data()))


def test_the_notes_of_a_heading_alone_a_unit_without_kind_and_word_s_numbers_are_thai() -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    doc.para("ประเด็นยุทธศาสตร์ที่ 1").para("เป้าประสงค์").para("1. ผู้เรียนมีคุณภาพ").para("ตัวชี้วัด")
    doc.indicator_table([["1", "ภาษาที่นักเรียนสื่อสารได้", "ภาษา", "1", "2", "2", "3", "3", "3", "กลุ่มนิเทศฯ"]])
    rows = [["", "ร้อยละของครูที่ผ่านการอบรม", "ร้อยละ", "", "80", "85", "90", "95", "100", ""]] * 2
    doc.number_column(doc.indicator_table(rows))
    english, thai = _both_imports(doc.data())
    _assert_thai_findings(english, thai)
    with i18n.using("th"):
        shown = {f"{f.span}: {f.message}" for f in thai.findings}
    assert {
        "plan.docx: ย่อหน้า 4: ประเด็นยุทธศาสตร์ที่ 1 ไม่มีชื่อตามหลัง จึงใช้หัวข้อ 'ประเด็นยุทธศาสตร์ที่ 1' เป็นชื่อ",
        "plan.docx: ตาราง 1 แถว 3: ตัวชี้วัดนี้ไม่ระบุชนิดของค่า (หน่วยนับ 'ภาษา') จึงเขียนเป็น `kind: count` ให้ตรวจสอบ",
        "plan.docx: ตาราง 2: เลขในเซลล์ 2 รายการมาจากการใส่เลขอัตโนมัติของ Word",
    } <= shown


# -- eduplan init -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [OFFICE, SCHOOL], ids=["office", "school"])
def test_init_says_what_it_made_in_thai(answers: list[str], tmp_path: Path) -> None:
    english = cli("init", str(tmp_path / "en"), *answers, env={"EDUPLAN_LANG": "en"})
    thai = cli("init", str(tmp_path / "th"), *answers, env={"EDUPLAN_LANG": "th"})
    assert (english.code, thai.code) == (0, 0)
    assert len(thai.out.splitlines()) == len(english.out.splitlines())
    assert [line for line in thai.out.splitlines() if thai_leaks(line)] == []
    assert thai.out.splitlines()[0].startswith("สร้างแผน ")
    how = "สร้างจากชื่อย่อ" if answers is OFFICE else "สร้างจากรหัสสถานศึกษาของ สพฐ."
    assert thai.out.splitlines()[0].endswith(f" {how})")
    made = sorted(p.relative_to(tmp_path / "th") for p in (tmp_path / "th").rglob("*") if p.is_file())
    for path in made:  # the files init writes are the office's: the same, whichever language the run spoke
        assert (tmp_path / "th" / path).read_bytes() == (tmp_path / "en" / path).read_bytes()


def _init(*changes: str) -> Callable[[Path], list[str]]:
    """``init`` with the office's answers, ``changes`` (flag, value, ...) put in place of or after them."""

    def make(tmp: Path) -> list[str]:
        answers = list(OFFICE)
        for flag, value in zip(changes[::2], changes[1::2], strict=True):
            if flag in answers:
                answers[answers.index(flag) + 1] = value
            else:
                answers += [flag, value]
        return ["init", str(tmp / "repo"), *answers]

    return make


def _init_twice(tmp: Path) -> list[str]:
    assert cli("init", str(tmp / "repo"), *OFFICE).code == 0
    return ["init", str(tmp / "repo"), *OFFICE]


def _init_inside_a_plan(tmp: Path) -> list[str]:
    (tmp / "repo").mkdir()
    (tmp / "repo" / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    return ["init", str(tmp / "repo" / "sub"), *OFFICE]


def _init_in_a_stricter_repository(tmp: Path) -> list[str]:
    (tmp / "repo").mkdir(parents=True)
    (tmp / "repo" / "eduplan.yaml").write_text("required: [owner, unit, baseline]\n", encoding="utf-8")
    return ["init", str(tmp / "repo"), *OFFICE]


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (_init("--period", "2567"), 2),
        (_init("--period", "2023-2027"), 2),
        (_init("--period", "2571-2567"), 2),
        (_init("--period", "2567-2590"), 2),
        (_init("--period", "1234-1240"), 2),
        (_init("--name", " "), 2),
        (_init("--name", "สพป.\nเชียงใหม่"), 2),
        (_init("--name", "สพป.\u200bเชียงใหม่"), 2),
        (_init("--name", "สพป.  เชียงใหม่"), 2),
        (_init("--hierarchy", "ประเด็นยุทธศาสตร์,,กลยุทธ์"), 2),
        (_init("--hierarchy", "กลยุทธ์,กลยุทธ์"), 2),
        (_init("--hierarchy", "ก,ข,ค,ง,จ"), 2),
        (_init("--id", "Not An Id"), 2),
        (_init("--short-name", "สำนักงานทดสอบ", "--name", "สำนักงานทดสอบ"), 2),
        (_init("--kind", "school", "--code", "abc"), 2),
        (_init("--kind", "school"), 2),
        (_init("--parent", "สพฐ."), 2),
        (_init_twice, 2),
        (_init_inside_a_plan, 2),
        (_init_in_a_stricter_repository, 0),
    ],
)
def test_init_refused_or_noted_says_why_in_thai(make: Callable[[Path], list[str]], code: int, tmp_path: Path) -> None:
    args = make(tmp_path)
    english = cli(*args, env={"EDUPLAN_LANG": "en"})
    if code == 0:  # made in English: run Thai in a second, equal repository
        args = make(tmp_path / "th")
    thai = cli(*args, env={"EDUPLAN_LANG": "th"})
    assert_same_but_thai(english, thai)
    assert thai.code == code
