"""Positions that stay right: odd line breaks, and keys YAML does not read as text.

libyaml counts NEL (U+0085), U+2028 and U+2029 as line breaks; editors and GitHub do not. Every
finding after such a character is still at the line an editor shows. A key that YAML reads as
a boolean or as null (``true:``, ``~:``) is an error at that key, and never the duplicate of a
key ``1``; a number key where a year is expected (``2566.0:``) is located at the key itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.load.yamlio import parse
from tests.conftest import PLAN_WITH_POLICY

TITLE = "title: แผนพัฒนาการศึกษา ทดสอบ"


def _findings(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    spans = []
    for f in check_path(plan, Settings()).findings:
        assert f.span is not None
        spans.append((f.span.line, f.span.col, f.code, f.message))
    return spans


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85"])
def test_an_odd_line_break_in_a_quoted_text_shifts_no_line(tmp_path: Path, odd: str) -> None:
    text = PLAN_WITH_POLICY.replace(TITLE, f'title: "แผน{odd}พัฒนา{odd}การศึกษา"') + 'vision: "a  b"\nbad: 1\n'
    lines = text.split("\n")  # lines as an editor counts them
    vision, bad = lines.index('vision: "a  b"') + 1, lines.index("bad: 1") + 1
    found = [(line, col, code) for line, col, code, _ in _findings(tmp_path, text)]
    assert [f for f in found if f[2] != "TX01"] == [(vision, 11, "TX07"), (bad, 1, "SC02")]
    assert all(line == 2 for line, _, code in found if code == "TX01")  # the separators themselves, in the title


def test_an_odd_line_break_in_a_plain_text_is_a_located_syntax_error() -> None:
    _, _, findings = parse("id: demo\ntitle: แผน\u2028พัฒนา\nvision: x\n", "plan.yaml")
    assert [(f.code, f.span.line if f.span else 0) for f in findings] == [("YA01", 3)]  # where ':' was expected
    assert findings[0].hint == (
        "line 2 holds U+2028 LINE SEPARATOR, which YAML reads as a line break: delete it, or put the text in quotes"
    )


def test_keys_that_are_not_text_are_located_at_the_key(tmp_path: Path) -> None:
    targets = "targets: {2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}"
    text = PLAN_WITH_POLICY.replace(targets, "targets: {2566.0: 80, true: 3, ~: 4, 1: 5, 2567: 85}")
    text += "2566.0: x\n~: y\ntrue: z\n"
    assert text.count("2566.0: 80") == 1
    line = text.split("\n").index("        targets: {2566.0: 80, true: 3, ~: 4, 1: 5, 2567: 85}") + 1
    null = "the key '~' is read as null (nothing), not as text: a key in a plan is text or a number"
    found = [(ln, col, code, message) for ln, col, code, message in _findings(tmp_path, text) if code.startswith("S")]
    assert found == [
        (line, 19, "SC03", "a key here must be a whole number (a year such as 2566), not 2566.0"),
        (line, 31, "SC03", "the key 'true' is read as a boolean, not as text: a key in a plan is text or a number"),
        (line, 40, "SC03", null),
        (line, 46, "SC03", "1 is not a Buddhist-Era year (2400..2800)"),  # not a duplicate of true
        (line + 1, 1, "SC03", "a key here must be text, not 2566.0"),
        (line + 2, 1, "SC03", null),
        (line + 3, 1, "SC03", "the key 'true' is read as a boolean, not as text: a key in a plan is text or a number"),
    ]


@pytest.mark.parametrize(("key", "shown"), [("true", "'true'"), ("False", "'False'"), ("null", "'null'"), ("~", "'~'")])
def test_a_boolean_or_null_key_never_clashes(key: str, shown: str) -> None:
    data, source, findings = parse(f"m:\n  1: one\n  {key}: two\n", "plan.yaml")
    assert data == {"m": {1: "one"}}
    assert [(f.code, f.span.line, f.span.col) for f in findings if f.span] == [("SC03", 3, 3)]
    assert shown in findings[0].message and "duplicate" not in findings[0].message
    assert ("m", 1) in source.keys
