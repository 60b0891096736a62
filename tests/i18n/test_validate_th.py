"""``eduplan validate`` on broken plans of every kind speaks Thai, and English with ``--lang en``.

The plans: the hostile corpus (``tests/hostile/cases``: syntax, encodings, tags, aliases, sizes,
layout), generated school and office plans with their realistic defects (``benchmarks/generate.py``,
every plan given one), the examples of ``docs/examples`` and the shipped plan. In Thai every
finding's message and hint reads in Thai, with no English word outside what the user wrote
(:func:`tests.i18n.leaks.leaks`); in both languages the codes, positions, severities and exit
code are the same: the language changes the words, nothing else.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from benchmarks.generate import generate

from tests.conftest import REPO
from tests.i18n.leaks import leaks
from tests.validate.helpers import cli

HOSTILE = REPO / "tests" / "hostile" / "cases"
THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of broken plans: the hostile corpus and 60 generated plans, each with a defect."""
    root = tmp_path_factory.mktemp("broken")
    shutil.copytree(HOSTILE, root / "hostile")
    generate(root / "generated", 60, seed=17, offices=0.1, defects=1.0)
    for example in (REPO / "docs" / "examples").iterdir():
        shutil.copytree(example, root / "examples" / example.name)
    return root


def _findings(lang: str, *paths: Path) -> tuple[int, list[dict[str, object]]]:
    run = cli("validate", "--lang", lang, "--format", "json", "-j", "1", *map(str, paths))
    assert run.err == "" or run.code == 2, run.err
    return run.code, json.loads(run.out)["findings"]


def _where(finding: dict[str, object]) -> tuple[object, ...]:
    keys = ("code", "name", "severity", "file", "line", "column", "end_line", "end_column", "at", "failing")
    return tuple(finding.get(key) for key in keys)


def test_thai_messages_and_hints_for_every_finding(broken: Path) -> None:
    code, findings = _findings("th", broken, REPO / "plans")
    assert code == 1
    assert len({f["code"] for f in findings}) >= 20, "the corpus covers many kinds of finding"
    wrong = []
    for finding in findings:
        for field in ("message", "hint"):
            text = finding.get(field)
            if not isinstance(text, str) or not text:
                continue
            if not THAI.search(text) or leaks(text):
                wrong.append(f"{finding['code']} {field}: {text!r} leaks {leaks(text)}")
    assert wrong == []


def test_english_gives_the_same_findings_at_the_same_places(broken: Path) -> None:
    thai_code, thai = _findings("th", broken)
    english_code, english = _findings("en", broken)
    assert thai_code == english_code
    assert [_where(f) for f in thai] == [_where(f) for f in english]


@pytest.mark.parametrize("fmt", ["human", "concise", "github", "sarif", "junit", "markdown"])
def test_every_format_in_thai_has_no_english_sentence(broken: Path, fmt: str) -> None:
    run = cli("validate", "--lang", "th", "--format", fmt, "-j", "1", str(broken / "generated"))
    assert run.code == 1
    text = run.out
    if fmt in ("sarif",):
        text = " ".join(r["message"]["text"] for r in json.loads(text)["runs"][0]["results"])
    if fmt == "junit":
        text = " ".join(re.findall(r'message="([^"]*)"', text))
    if fmt == "github":
        text = " ".join(line.partition("::")[2].partition("::")[2] for line in text.splitlines())
    frame = re.compile(r"^\s*>?\s*\d+ \|")  # the plan's own lines, quoted under a finding
    lines = [line for line in text.splitlines() if not frame.match(line) and (THAI.search(line) or leaks(line))]
    assert lines, "the output has lines to read"
    assert [f"{line!r}: {leaks(line)}" for line in lines if leaks(line)] == []


def test_spawned_workers_speak_the_language_of_the_run(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows and macOS start workers afresh (spawn), not as copies of the run (fork)."""
    from eduplan import i18n
    from eduplan.check.batch import checking
    from eduplan.check.settings import PlanSettings

    monkeypatch.setattr("eduplan.check.batch.START_METHOD", "spawn")
    plans = sorted((broken / "generated").glob("*/*"))[:10]
    with i18n.using("th"), checking(plans, PlanSettings(), jobs=2) as checks:
        messages = [f.message for check in checks for f in check.findings]
    assert messages
    assert all(THAI.search(m) for m in messages), messages
