"""Plan text and file names in every output format stay text: never markup, never a command.

Markdown (validate's report and job summary, ``diff -f markdown``, ``gaps -f markdown``) goes
through :mod:`eduplan.words.markdown`: a link ``[x](javascript:...)``, an image, raw HTML or a
line break from a key, a directory name or a title is shown as written. JUnit XML holds no
control character and no ``]]>``; GitHub annotations turn line breaks into ``%0A`` and a log
line never starts a workflow command; JSON and SARIF stay valid with characters outside the BMP.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from eduplan.words.github import escape_data, log_line
from eduplan.words.markdown import code, text
from tests.conftest import PLAN_WITH_POLICY
from tests.hostile.runner import check_run, run

EVIL = r"<script>alert(1)</script> ![](http://e/x.png) [l](javascript:x) a|b\r\n# h `x`"
EVIL_SHOWN = r"&lt;script&gt;alert(1)&lt;/script&gt; \!\[\](http://e/x.png) \[l\](javascript:x) a\|b \# h \`x\`"
DIRECTORY = "[n](javascript:y)<b>"
KEY = r"<img src=x onerror=alert(1)>|[l](javascript:x)\u2028\x01\x1b]]>%0A::error::x\U0001F600"


def _hostile(tmp_path: Path) -> Path:
    folder = tmp_path / DIRECTORY
    folder.mkdir()
    plan = folder / "plan.yaml"
    plan.write_text(PLAN_WITH_POLICY.replace("title: นโยบาย", f'title: "{EVIL}"') + f'"{KEY}": 1\n', encoding="utf-8")
    return plan


def test_the_markdown_escaper() -> None:
    assert text("[x](javascript:alert(1)) <img onerror=x>\r\n|*a*") == (
        r"\[x\](javascript:alert(1)) &lt;img onerror=x&gt; \|\*a\*"
    )
    assert text("a\u2028b\x85c\x01d") == "a b c\ufffdd"
    assert code("a``b|c") == r"```a``b\|c```" and code("`x", table=False) == "`` `x ``"


def test_validate_markdown_escapes_keys_and_directory_names(tmp_path: Path) -> None:
    plan = _hostile(tmp_path)
    done = run("validate", str(plan), "--format", "markdown")
    check_run(done, 1)
    row = next(line for line in done.out.splitlines() if "SC02" in line)
    shown_key = r"&lt;img src=x onerror=alert(1)&gt;\|\[l\](javascript:x) \ufffd\ufffd\]\]&gt;%0A::error::x😀"
    assert f"unknown key '{shown_key}'" in row.replace("\ufffd", r"\ufffd")
    assert row.startswith(f"| `{plan}:17:1` |")  # the directory name inside a code span: literal
    assert row.count(" | ") == 4  # five cells: no pipe of the key made a new one


def test_junit_holds_no_control_character(tmp_path: Path) -> None:
    done = run("validate", str(_hostile(tmp_path)), "--format", "junit")
    check_run(done, 1)
    failure = ET.fromstring(done.out).find(".//failure")  # parses: no control character, ]]> escaped
    assert failure is not None
    assert "\x01" not in done.out and "\x1b" not in done.out and "]]>" not in done.out
    assert "\ufffd\ufffd]]>%0A::error::x😀" in failure.attrib["message"]


def test_github_annotations_stay_one_command(tmp_path: Path) -> None:
    done = run("validate", str(_hostile(tmp_path)), "--format", "github")
    check_run(done, 1)
    lines = done.out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 1 and "\x1b" not in done.out
    assert "\ufffd\ufffd]]>%250A::error::x😀'%0Ahint: allowed keys:" in errors[0]
    assert log_line("::error::x\nz") == " ::error::x%0Az" and escape_data("50%\r") == "50%25%0D"


def test_json_and_sarif_stay_json(tmp_path: Path) -> None:
    plan = _hostile(tmp_path)
    for fmt in ("json", "sarif"):
        done = run("validate", str(plan), "--format", fmt)
        check_run(done, 1)
        assert "😀" in json.dumps(json.loads(done.out), ensure_ascii=False), fmt


def test_diff_and_gaps_markdown_escape_plan_text(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(PLAN_WITH_POLICY, encoding="utf-8")
    folder = tmp_path / DIRECTORY
    folder.mkdir()
    new = folder / "plan.yaml"
    new.write_text(PLAN_WITH_POLICY.replace("title: นโยบาย", f'title: "{EVIL}"'), encoding="utf-8")
    done = run("diff", str(old), str(new), "--format", "markdown", "--lang", "th")
    check_run(done, 0)
    assert f"#### นโยบายที่ 1 (`p1`) · {EVIL_SHOWN}" in done.out
    assert f"<ins>{EVIL_SHOWN}</ins>" in done.out
    assert f"→ `{new}`" in done.out.splitlines()[0]
    gaps = run("gaps", str(new), "--format", "markdown")
    check_run(gaps, 0)
    assert "| 1 p1 | 1 |" in gaps.out
