"""YAML mistakes users make, explained at their cause, in Thai and English (``load/mistakes.py``).

Each case is a file as an office writes it, with one mistake: where the finding must be (the
character or key that is wrong, not where libyaml noticed), and a phrase of its message in each
language. A cause is named only when repairing it makes the file parse; otherwise libyaml's own
words are given, explained, with the original kept in backquotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan import i18n
from eduplan.load.yamlio import parse
from tests.i18n.leaks import leaks
from tests.validate.helpers import cli, subprocess_cli

THAI = re.compile(r"[\u0e00-\u0e7f]")
HEAD = "id: p1\nnumber: '1'\n"


@dataclass(frozen=True)
class Case:
    """A file with one mistake: the finding's line and column, and a phrase of its message in each language."""

    name: str
    text: str
    line: int
    col: int
    en: str
    th: str


CASES = [
    # -- pasted from Word, typed in Notepad or with a full-width keyboard
    Case("nbsp-after-colon", HEAD + "title:\u00a0นโยบายที่ 1\nvision: x\n", 3, 7, "no-break space (U+00A0)", "ไม่ตัดบรรทัด"),
    Case("nbsp-indent", "indicators:\n  - id: i1\n  \u00a0 name: ร้อยละ\n", 3, 3, "no-break space", "การย่อหน้า"),
    Case("nbsp-before-dash", "indicators:\n  - id: i1\n \u00a0- id: i2\n", 3, 2, "no-break space", "การย่อหน้า"),
    Case(
        "full-width-after-colon",
        HEAD + "title:\u3000นโยบาย\nvision: x\n",
        3,
        7,
        "full-width space (U+3000)",
        "เต็มความกว้าง",
    ),
    Case("full-width-indent", "office:\n  name: x\n \u3000code: 1\n", 3, 2, "full-width space", "เต็มความกว้าง"),
    Case("em-space-indent", "office:\n  name: x\n \u2003code: 1\n", 3, 2, "U+2003 EM SPACE", "U+2003"),
    Case("zero-width-indent", "office:\n  name: x\n \u200bcode: 1\n", 3, 2, "invisible character U+200B", "มองไม่เห็น"),
    Case("tab-indent", "office:\n  name: x\n\tcode: 1\n", 3, 1, "a tab character cannot indent", "แท็บ"),
    Case(
        "notepad-bom-and-crlf",
        "\ufeff" + HEAD.replace("\n", "\r\n") + "title:\u00a0แผน\r\nvision: x\r\n",
        3,
        7,
        "no-break space",
        "ไม่ตัดบรรทัด",
    ),
    # -- indentation
    Case(
        "one-indent-too-many", HEAD + "title: แผน\n  vision: ก\n", 4, 3, "indented further than `title:`", "ย่อหน้าลึกกว่า"
    ),
    Case("between-levels", "office:\n    name: x\n  code: 1\n", 3, 3, "lines it up with no key above", "ไม่ตรงกับคีย์ใด"),
    Case(
        "list-item-misaligned", "policies:\n  - id: p1\n    title: x\n   - id: p2\n", 4, 4, "this list item", "รายการนี้"
    ),
    Case(
        "list-item-at-the-keys", "policies:\n  - id: p1\n    title: x\n    - id: p2\n", 4, 5, "no list above", "รายการนี้"
    ),
    Case(
        "key-at-the-dashes", "indicators:\n  - id: x\n  name: y\n", 3, 3, "`name:` is indented by 2 spaces", "`name:`"
    ),
    Case("items-left-of-their-key", "plan:\n  indicators:\n - id: x\n", 3, 2, "indented by 1 space,", "ย่อหน้าให้ลึกกว่า"),
    Case(
        "text-broken-over-lines",
        HEAD + "title: แผนพัฒนาการศึกษา\nขั้นพื้นฐาน\nvision: x\n",
        4,
        1,
        "reads as text, not as a key",
        "ไม่ใช่คีย์",
    ),
    Case("key-without-colon", HEAD + "title แผนพัฒนา\nvision: x\n", 3, 1, "`title` has no colon after it", "`title`"),
    Case(
        "indicator-key-without-colon",
        "indicators:\n  - id: i1\n    name ร้อยละของนักเรียน\n    unit: ร้อยละ\n",
        3,
        5,
        "`name: ร้อยละของนักเรียน`",
        "ไม่มีเครื่องหมาย",
    ),
    # -- colons, quotes, brackets
    Case(
        "no-space-after-colon",
        HEAD + "title:แผนพัฒนา\nvision: x\n",
        3,
        6,
        "a space is missing after `title:`",
        "ไม่มีช่องว่าง",
    ),
    Case(
        "colon-in-thai-text",
        HEAD + "title: ตัวชี้วัด: ร้อยละของนักเรียน\n",
        3,
        17,
        "holds a colon and a space",
        "เครื่องหมายคำพูด",
    ),
    Case("double-quote-open", HEAD + 'title: "แผนพัฒนา\nvision: x\nmission: y\n', 3, 8, "double quotes", "คำพูดคู่"),
    Case("quote-closed-by-the-next", HEAD + 'title: "แผน\nvision: "x"\n', 3, 8, "double quotes", "คำพูดคู่"),
    Case("single-quote-open", HEAD + "title: 'แผนพัฒนา\nvision: x\n", 3, 8, "single quotes", "คำพูดเดี่ยว"),
    Case(
        "text-after-quote", HEAD + 'title: "แผน" ฉบับที่ 2\nvision: x\n', 3, 13, "text follows the closing quote", "ต่อท้าย"
    ),
    Case("bracket-open", HEAD + "vision: [ก, ข\nmission: x\n", 3, 9, "never closed with `]`", "วงเล็บเหลี่ยม"),
    Case("brace-open", "targets: {2566: 80, 2567: 85\nunit: ร้อยละ\n", 1, 10, "never closed with `}`", "วงเล็บปีกกา"),
    Case("comment-hides-bracket", HEAD + "tags: [ก, #1]\nvision: x\n", 3, 11, "starts a comment", "หมายเหตุ"),
    Case("comma-missing", "targets: {2566: 80 2567: 85}\n", 1, 20, "a comma is missing before `2567`", "จุลภาค"),
    Case("two-documents", HEAD + "---\nid: p2\n", 3, 1, "more than one YAML document", "มากกว่าหนึ่งชุด"),
    Case("text-after-document-end", HEAD + "...\nid: p2\n", 4, 1, "more than one YAML document", "มากกว่าหนึ่งชุด"),
]
IDS = [c.name for c in CASES]


def _one(text: str, lang: str = "en"):
    with i18n.using(lang):
        _, _, findings = parse(text, "plan.yaml")
    assert [f.code for f in findings] == ["YA01"]
    return findings[0]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_mistake_is_named_at_its_cause(case: Case) -> None:
    found = _one(case.text)
    assert (found.span.line, found.span.col) == (case.line, case.col)
    assert case.en in found.message + " " + (found.hint or "")
    assert found.hint  # what to do


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_in_thai_at_the_same_place_without_english(case: Case) -> None:
    english, thai = _one(case.text), _one(case.text, "th")
    assert thai.span == english.span
    words = f"{thai.message} {thai.hint}"
    assert case.th in words
    assert THAI.search(thai.message) and THAI.search(thai.hint or "")
    assert leaks(words) == []


def test_libyaml_words_when_no_cause_is_sure() -> None:
    """An alias to nothing: no repair to try; libyaml's words, explained, the original kept."""
    english, thai = _one(HEAD + "vision: *nowhere\n"), _one(HEAD + "vision: *nowhere\n", "th")
    assert (english.span.line, english.span.col) == (3, 9)
    assert (
        english.message
        == "the alias (`*`) names no anchor (`&`) above it (the YAML reader says `found undefined alias`)"
    )
    assert "`found undefined alias`" in thai.message and leaks(thai.message) == []


@pytest.mark.parametrize(
    ("text", "line", "col", "not_said"),
    [
        # a no-break space inside a text is no mistake: the unclosed bracket below is the cause
        pytest.param(HEAD + "title: แผน\u00a0พัฒนา\nvision: [ก\n", 4, 9, "no-break", id="nbsp-in-text"),
        # a colon inside quotes is no mistake: the key indented too far is
        pytest.param(HEAD + 'title: "ก: ข"\n  vision: x\n', 4, 3, "colon", id="quoted-colon"),
        # a URL has no space after its colon, and is right so
        pytest.param(HEAD + "link: http://x.th\n  vision: x\n", 4, 3, "space is missing", id="url"),
        # a multi-line quoted text is fine: the tab below is the cause
        pytest.param(HEAD + 'title: "ก\n  ข"\n\tvision: x\n', 5, 1, "quotes", id="quoted-over-lines"),
        # a quote right after the colon opens a text: the missing space is not what is wrong
        pytest.param(HEAD + 'title:" แผน\nvision: x\n', 4, 1, "space is missing", id="glued-open-quote"),
        # English text broken over two lines: neither a key without its colon nor sure to be text
        pytest.param(HEAD + "reason: the table of 2566\nand 2567\n", 5, 1, "colon after it", id="english-text"),
    ],
)
def test_no_false_cause(text: str, line: int, col: int, not_said: str) -> None:
    found = _one(text)
    assert (found.span.line, found.span.col) == (line, col)
    assert not_said not in found.message


def test_the_frame_shows_the_invisible_space(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "title:\u00a0แผน\nvision: x\n", encoding="utf-8")
    done = cli("validate", str(plan), "--lang", "th")
    assert done.code == 1
    row = next(line for line in done.out.splitlines() if line.lstrip().startswith("> 3 |"))
    assert row.endswith("title:⍽แผน")
    caret = done.out.splitlines()[done.out.splitlines().index(row) + 1]
    assert caret.index("^") == row.index("⍽")


def test_validate_on_every_case_is_exit_1_without_traceback(tmp_path: Path) -> None:
    """The real command line, on all the cases at once, in each language."""
    for case in CASES:
        (tmp_path / f"{case.name}.yaml").write_text(case.text, encoding="utf-8")
    files = [str(tmp_path / f"{case.name}.yaml") for case in CASES]
    for lang in ("th", "en"):
        done = subprocess_cli("validate", *files, "--lang", lang, "--format", "concise")
        assert done.code == 1, done.err
        assert "Traceback" not in done.out + done.err
        located = {line.split(": ")[0].rsplit("/", 1)[1] for line in done.out.splitlines() if " YA01 " in line}
        assert located == {f"{c.name}.yaml:{c.line}:{c.col}" for c in CASES}


# -- a look-alike space or a tab in the indentation of any valid plan is found on its line --------------

_KEYS = st.sampled_from(["id", "number", "title", "name", "unit", "owner", "targets", "indicators", "notes"])
_TEXT = st.sampled_from(["ร้อยละ", "นโยบายที่ 1", "สพฐ.", "80", "2566", "ผู้เรียน มีคุณภาพ", "x"])
_VALUES = st.recursive(
    _TEXT | st.integers(0, 3000),
    lambda inner: st.lists(inner, min_size=1, max_size=3) | st.dictionaries(_KEYS, inner, min_size=1, max_size=4),
    max_leaves=12,
)
_PLANS = st.dictionaries(_KEYS, _VALUES, min_size=2, max_size=5)
_ODD = st.sampled_from(["\u00a0", "\u3000", "\t", "\u2003", "\u202f"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=_PLANS, odd=_ODD, data=st.data())
def test_a_look_alike_space_in_the_indentation_is_found_on_its_line(plan, odd: str, data: st.DataObject) -> None:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)
    lines = text.splitlines()
    indented = [i for i, line in enumerate(lines) if line.startswith((" ", "-"))]
    if not indented:
        return
    index = data.draw(st.sampled_from(indented))
    line = lines[index]
    lead = len(line) - len(line.lstrip(" -"))
    at = data.draw(st.integers(0, lead))
    replace = at < lead and line[at] == " " and data.draw(st.booleans())
    lines[index] = line[:at] + odd + line[at + 1 if replace else at :]
    mutated = "\n".join(lines) + "\n"
    _, _, findings = parse(mutated, "plan.yaml")
    if not findings:
        return  # still valid YAML (a key that starts with the character): the schema's to judge
    assert [(f.code, f.span.line) for f in findings] == [("YA01", index + 1)], mutated


# -- one character typed, deleted or pasted anywhere in the shipped plan: never a traceback --------------

SHIPPED = sorted((Path(__file__).parents[2] / "plans" / "sesa-lampang-lamphun" / "2566-2570").rglob("*.yaml"))
_TYPED = st.sampled_from([":", " ", "\u00a0", "\u3000", "\t", '"', "'", "[", "{", "]", "#", "-", "\n", ",", ""])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(SHIPPED), typed=_TYPED, data=st.data())
def test_one_character_anywhere_is_explained_at_or_before_where_libyaml_stopped(
    file: Path, typed: str, data: st.DataObject
) -> None:
    text = file.read_text(encoding="utf-8")
    at = data.draw(st.integers(0, len(text) - 1))
    mutated = text[:at] + typed + text[at + (0 if typed else 1) :]  # "": the character deleted
    try:
        yaml.compose(mutated, Loader=yaml.CSafeLoader)
        return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        assert mark is not None
        stop = mark.line + 1
    english, thai = _one(mutated), _one(mutated, "th")
    assert english.span == thai.span
    assert 1 <= english.span.line <= stop
    assert leaks(f"{thai.message} {thai.hint or ''}") == []
