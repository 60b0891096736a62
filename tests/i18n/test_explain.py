"""``eduplan explain`` in Thai and in English: plain terminal text, the examples as written, nothing untranslated.

A code's documentation is light markup (````code````, ``*emphasis*``, ``*Fails:*``, fenced YAML,
:mod:`eduplan.explain`); the command shows it with no markup at all, wrapped to the terminal
(60 columns here, ``COLUMNS=60``), in the run's language. Every code is checked in both
languages; TG02 has a golden file in each (``EDUPLAN_UPDATE_GOLDENS=1`` rewrites them).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from eduplan import i18n
from eduplan.check.pipeline import all_codes
from eduplan.cli.explain import INDENT, wrap
from eduplan.collect.codes import CODES as RETURN_CODES
from eduplan.explain import Block, example_lines, paragraphs, spans, translated
from eduplan.findings import CodeInfo
from eduplan.rollup.codes import CODES as ROLLUP_CODES
from eduplan.word.notes import CODES as WORD_CODES
from tests.i18n.leaks import leaks
from tests.render.helpers import check_golden
from tests.validate.helpers import cli

CODES: dict[str, CodeInfo] = {**all_codes(), **WORD_CODES, **RETURN_CODES, **ROLLUP_CODES}
LANGS = ("th", "en")
WIDTH = 60
GOLDEN = Path(__file__).resolve().parent / "golden"
THAI = re.compile(r"[\u0e00-\u0e7f]")
MARK = re.compile(r"^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
"""A Thai vowel or tone mark written above or below: it never starts a line (it belongs to the letter before)."""
LEADING_VOWEL = re.compile(r"[\u0e40-\u0e44]$")
"""เ แ โ ใ ไ: written before their consonant, they never end a line."""
MARKUP = re.compile(r"[`*#]|::")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def explained(code: str, lang: str, **env: str) -> str:
    """What ``eduplan explain CODE --lang LANG`` prints in a terminal of :data:`WIDTH` columns."""
    run = cli("explain", code, "--lang", lang, env={"COLUMNS": str(WIDTH)} | env)
    assert run.code == 0 and run.err == "", run.err
    return run.out


def examples(info: CodeInfo) -> list[list[str]]:
    """The lines of each example of a code's documentation, as the user writes them."""
    return [example_lines(b) for b in paragraphs(info.doc) if b.kind == "example"]


def code_spans(info: CodeInfo, lang: str) -> list[str]:
    """What the code spans of a code's documentation say, in ``lang`` (longest first)."""
    with i18n.using(lang):
        texts = [translated(b) for b in paragraphs(info.doc) if b.kind in ("summary", "prose", "literal")]
    return sorted({piece for text in texts for piece, kind in spans(text) if kind == "code"}, key=len, reverse=True)


def words_only(info: CodeInfo, out: str, lang: str) -> str:
    """``out`` without the examples and what the code spans say: the words of the explanation."""
    for lines in sorted(examples(info), key=len, reverse=True):  # a longer one may begin with a shorter
        out = out.replace("\n".join(INDENT + line for line in lines), "")
    for code in code_spans(info, lang):
        out = out.replace(code, "")
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", list(CODES))
def test_every_explanation_is_plain_text_with_its_examples_as_written(code: str, lang: str) -> None:
    info = CODES[code]
    out = explained(code, lang)
    with i18n.using(lang):
        assert out.startswith(f"{code} {info.name} ({info.severity.word})\n")
    for lines in examples(info):
        assert "\n".join(INDENT + line for line in lines) in out  # indented, else as written
    assert "```" not in out
    words = words_only(info, out.partition("\n")[2], lang)  # the heading aside: its name is a dotted name
    assert not MARKUP.search(words), MARKUP.findall(words)
    assert all(line == line.rstrip() for line in out.splitlines())
    for line in words.splitlines():
        assert cell_len(line) <= WIDTH, line
        assert not MARK.match(line.lstrip()) and not LEADING_VOWEL.search(line), line
    if lang == "th":
        assert THAI.search(words)
        assert leaks(words) == []
        for label in ("Fails:", "Passes:"):
            assert f"\n{label}\n" not in out


def test_every_paragraph_has_its_thai_with_the_same_code() -> None:
    """The Thai of each summary and paragraph: Thai words, every code span of the English, as written."""
    for info in CODES.values():
        for block in paragraphs(info.doc):
            if not block.prose:
                continue
            with i18n.using("th"):
                thai = translated(block)
            assert thai != block.text and THAI.search(thai), (info.code, block.text)
            english, ours = (Counter(p for p, kind in spans(t) if kind == "code") for t in (block.text, thai))
            assert not english - ours, (info.code, english - ours)
            assert leaks(re.sub(r"``(.+?)``", r"`\1`", thai)) == [], (info.code, thai)


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_gives_every_code_its_name_severity_and_summary(lang: str) -> None:
    run = cli("explain", "--list", "--lang", lang)
    assert run.code == 0
    lines = run.out.splitlines()
    assert [line.split()[0] for line in lines] == list(CODES)  # validate's codes, a Word import's, the roll-up's
    with i18n.using(lang):
        for line, info in zip(lines, CODES.values(), strict=True):
            summary = "".join(piece for piece, _kind in spans(translated(Block("summary", info.summary))))
            assert line.startswith(f"{info.code}  {info.name} ") and line.endswith(f" {summary}"), line
            assert line.split()[2] == info.severity.word
    assert "`" not in run.out
    if lang == "th":
        assert {line.split()[2] for line in lines} == {"ข้อผิดพลาด", "คำเตือน", "ข้อสังเกต"}
        for line, info in zip(lines, CODES.values(), strict=True):
            assert leaks(words_only(info, line.split(maxsplit=3)[3], "th")) == [], line


@pytest.mark.parametrize("lang", LANGS)
def test_the_explanation_of_tg02(lang: str) -> None:
    check_golden(f"explain-TG02.{lang}.txt", explained("TG02", lang), GOLDEN)


@pytest.mark.parametrize("code", ["TG02", "MD04", "LD04"])
def test_colour_changes_the_look_never_the_words(code: str) -> None:
    coloured = explained(code, "th", FORCE_COLOR="1")
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == explained(code, "th")


def test_a_family_is_every_code_of_it_in_turn() -> None:
    out = explained("RF", "th")
    assert [line.split()[0] for line in out.splitlines() if re.match(r"RF\d\d ", line)] == [
        c for c in CODES if c.startswith("RF")
    ]
    assert (
        out.count("\nตัวอย่างที่ไม่ผ่าน:\n") == out.count("\nตัวอย่างที่ผ่าน:\n") == len([c for c in CODES if c.startswith("RF")])
    )


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_code_is_one_line_and_exit_2(lang: str) -> None:
    run = cli("explain", "XX99", "--lang", lang)
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("eduplan: error: ") and run.err.count("\n") == 1
    assert "'XX99'" in run.err and "eduplan explain --list" in run.err
    if lang == "en":
        assert run.err == "eduplan: error: unknown code 'XX99'; see eduplan explain --list\n"
    else:
        assert THAI.search(run.err) and leaks(run.err.removeprefix("eduplan: error: ")) == []


THAI_WORDS = st.sampled_from(["ตัวชี้วัด", "ค่าเป้าหมาย", "แผนปฏิบัติการประจำปี", "เกี่ยวกับ", "ไม่", "ผู้รับผิดชอบ", "ร้อยละ", "ข้อค้นพบ"])
RUNS = st.lists(st.one_of(THAI_WORDS, st.sampled_from(["plan.yaml", "direction", "80", "(สะสม)"])), min_size=1)
TEXTS = st.lists(RUNS.map("".join), min_size=1, max_size=12).map(" ".join)


def _check_wrapped(text: str, width: int) -> None:
    lines = [line.plain for line in wrap(Text(text), width, INDENT)]
    assert all(line.startswith(INDENT) and cell_len(line) <= width for line in lines), lines
    assert all(not MARK.match(line[len(INDENT) :]) and not LEADING_VOWEL.search(line) for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added
    if all(cell_len(run) <= width - len(INDENT) for run in text.split()):
        assert " ".join(line[len(INDENT) :] for line in lines) == text  # broken at spaces only


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.integers(min_value=16, max_value=70))
def test_wrapping_keeps_every_letter_with_its_marks(text: str, width: int) -> None:
    _check_wrapped(text, width)


def test_without_pythainlp_a_long_thai_run_breaks_between_clusters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pythainlp.tokenize", None)  # as if not installed
    _check_wrapped("ตัวชี้วัดย่อยที่ไม่มีชนิดของค่าของตนเองใช้ชนิดของตัวชี้วัดที่ตนเป็นส่วนหนึ่ง เกี่ยวกับแผนปฏิบัติการ", 20)
