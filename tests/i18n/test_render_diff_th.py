"""``eduplan render`` and ``eduplan diff`` refusing in Thai: broken and hostile templates, no Chromium, bad sides.

Each case runs in English and in Thai: the same exit code and the same ``file:line`` of the template
at fault; the Thai line is Thai, with what is not eduplan's (Jinja's and git's own words, the
option values the user typed) in backquotes or quotes (:func:`tests.i18n.leaks.leaks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from eduplan import i18n
from eduplan.errors import UsageError
from eduplan.load.loader import load_plan
from eduplan.render.documents import DocumentKind, Renderer, Request
from tests.conftest import PLAN_WITH_POLICY, build_tree
from tests.i18n.test_word_init_th import thai_leaks
from tests.validate.helpers import Run, cli

TEMPLATES = {
    # the template's text, and the Thai line must hold after "plan.html:LINE: "
    "syntax-error": ("{% if %}\n", "แม่แบบผิดพลาด: `"),
    "undefined-name": ("{{ nosuchvar.x }}\n", "แม่แบบผิดพลาด: `'nosuchvar' is undefined`"),
    "missing-include": ('\n{% include "missing.html" %}\n', "แม่แบบผิดพลาด: ไม่พบแม่แบบ 'missing.html' (ค้นหาใน: "),
    "prints-none": ("{{ {}.get('x') }}\n", "แม่แบบผิดพลาด: แม่แบบพิมพ์ค่า `None` ให้แสดงค่าว่าง"),
    "python-error": ("\n\n{{ 1 // 0 }}\n", "แม่แบบผิดพลาด: `ZeroDivisionError: "),
    "huge-power": ("{{ 7 ** 99999 }}", "ไม่อนุญาตให้แม่แบบทำงานนี้: 7 ** 99999 มีขนาดเกิน 4096 บิต แม่แบบมีขีดจำกัด"),
    "huge-number": ("{{ range(10**9) | list }}", "ไม่อนุญาตให้แม่แบบทำงานนี้: ตัวเลข 1000000000 มากกว่า 100,000"),
    "wide-format": ("{{ '%999999d' % 1 }}", "ไม่อนุญาตให้แม่แบบทำงานนี้: รูปแบบการแสดงผลที่กำหนดความกว้าง"),
    "attribute": ("{{ ''.__class__ }}", "ไม่อนุญาตให้แม่แบบทำงานนี้: "),
    "too-large": ("x" * 1_000_001, "แม่แบบผิดพลาด: แม่แบบมีขนาด 1,000,001 ไบต์ แม่แบบมีขนาดได้ไม่เกิน 1,000,000 ไบต์"),
}
_LOCATION = re.compile(r"[^\s:]+\.html:\d+")


def both(*args: str, env: dict[str, str] | None = None) -> tuple[Run, Run]:
    """The command line in English, then in Thai."""
    return cli(*args, env={**(env or {}), "EDUPLAN_LANG": "en"}), cli(*args, env={**(env or {}), "EDUPLAN_LANG": "th"})


def assert_one_thai_line(english: Run, thai: Run) -> None:
    """One error line in each language, the same exit code and template place; the Thai one all Thai."""
    assert (thai.code, english.code) == (2, 2)
    assert (thai.err.count("\n"), english.err.count("\n")) == (1, 1), (english.err, thai.err)
    assert _LOCATION.findall(thai.err) == _LOCATION.findall(english.err)
    assert thai_leaks(thai.err) == [], thai.err
    assert thai.err != english.err
    assert thai.out == english.out == ""


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_a_broken_or_hostile_template_is_one_thai_line(name: str, tmp_path: Path) -> None:
    content, said = TEMPLATES[name]
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": content})
    english, thai = both("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    assert_one_thai_line(english, thai)
    assert said in thai.err


def test_templates_that_are_not_a_folder_and_no_chromium_are_thai_lines(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    english, thai = both("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "none"), "-o", "-")
    assert_one_thai_line(english, thai)
    assert thai.err.endswith(f"--templates {tmp_path / 'none'}: ไม่ใช่โฟลเดอร์\n")
    pdf = ("render", str(tmp_path / "plan"), "-f", "pdf", "-o", str(tmp_path / "plan.pdf"))
    english, thai = both(*pdf, env={"EDUPLAN_CHROMIUM": str(tmp_path / "no-chromium")})
    assert_one_thai_line(english, thai)
    assert "การสร้างเอกสาร PDF ต้องใช้ Chromium ซึ่งไม่พบในเครื่อง" in thai.err
    assert not (tmp_path / "plan.pdf").exists()


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ("action-plan", "ปีงบประมาณ 2571 อยู่นอกระยะเวลาของแผน (2566-2570) ให้เลือก --year ตั้งแต่ 2566 ถึง 2570"),
        ("report", "ไม่มีรายงานผลการดำเนินงานของปีงบประมาณ 2567 แผนยังไม่มีรายงานผลการดำเนินงาน (reports/*.yaml)"),
    ],
)
def test_a_year_without_its_document_is_a_thai_line(document: str, said: str, tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    year = "2571" if document == "action-plan" else "2567"
    english, thai = both("render", str(tmp_path / "plan"), "-d", document, "--year", year, "-o", "-")
    assert_one_thai_line(english, thai)
    assert thai.err.endswith(f"{said}\n")


def _plans(tmp: Path, config: str | None = None) -> tuple[str, str]:
    build_tree(tmp, {"old/plan.yaml": PLAN_WITH_POLICY, "new/plan.yaml": PLAN_WITH_POLICY})
    if config is not None:
        (tmp / "eduplan.yaml").write_text(config, encoding="utf-8")
    return str(tmp / "old"), str(tmp / "new")


def _no_such_side(tmp: Path) -> list[str]:
    return ["diff", str(tmp / "nowhere"), _plans(tmp)[1]]


def _no_such_path_in_git(tmp: Path) -> list[str]:
    return ["diff", "HEAD:plans/nowhere", _plans(tmp)[1]]


def _unknown_kind(tmp: Path) -> list[str]:
    return ["diff", *_plans(tmp), "--severity", "owner=major"]


def _unknown_level(tmp: Path) -> list[str]:
    return ["diff", *_plans(tmp), "--severity", "removed=huge"]


def _settings_not_a_table(tmp: Path) -> list[str]:
    return ["diff", *_plans(tmp, "diff: 5\n")]


def _a_setting_of_the_wrong_type(tmp: Path) -> list[str]:
    return ["diff", *_plans(tmp, "diff:\n  tolerance: many\n")]


def _an_unknown_setting(tmp: Path) -> list[str]:
    return ["diff", *_plans(tmp, "diff:\n  colour: red\n")]


@pytest.mark.parametrize(
    "make",
    [
        _no_such_side,
        _no_such_path_in_git,
        _unknown_kind,
        _unknown_level,
        _settings_not_a_table,
        _a_setting_of_the_wrong_type,
        _an_unknown_setting,
    ],
)
def test_a_diff_that_cannot_run_says_why_in_thai(make: Callable[[Path], list[str]], tmp_path: Path) -> None:
    english, thai = both(*make(tmp_path))
    assert_one_thai_line(english, thai)


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ("report", "เอกสารรายงานผลการดำเนินงานต้องระบุปีงบประมาณ (--year)"),
        ("action-plan", "เอกสารแผนปฏิบัติการต้องระบุปีงบประมาณ (--year)"),
    ],
)
def test_a_yearly_document_asked_for_without_its_year_says_so_in_thai(
    document: DocumentKind, said: str, tmp_path: Path
) -> None:
    build_tree(tmp_path, {"plan.yaml": PLAN_WITH_POLICY})
    plan = load_plan(tmp_path).plan
    assert plan is not None
    for lang, expected in (("en", f"the {document} document needs a fiscal year (--year)"), ("th", said)):
        with i18n.using(lang), pytest.raises(UsageError) as raised:
            Renderer().text(plan, Request(document, "markdown"))
        assert str(raised.value) == expected
