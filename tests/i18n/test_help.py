"""Every help screen and usage error in Thai and English; how the run's language is chosen.

Help screens show what each value is in words (``FILE``, ``N``, ``markdown|html|pdf``), never a
Python type (``<bool>``, ``<list[Path]>``), and no markup; Thai help has no English sentence in
it (values users type are in backquotes) and wraps between words. Golden files keep the two
screens users read first: ``eduplan --help`` and ``eduplan validate --help``
(``EDUPLAN_UPDATE_GOLDENS=1`` rewrites them).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eduplan.cli.app import app
from eduplan.cli.thaiwrap import ZWSP
from eduplan.cli.usage import choices_of
from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, REPO
from tests.i18n.leaks import leaks
from tests.render.helpers import check_golden

GOLDEN = Path(__file__).resolve().parent / "golden"
GROUP = typer.main.get_command(app)
COMMANDS = ["", *GROUP.commands]  # type: ignore[attr-defined]
NO_LANGUAGE = {"EDUPLAN_LANG": None, "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
TYPE_NAMES = re.compile(r"<(?:bool|str|int|float|path|Path|list\[[^\]]*\]|[a-z]+(?:\|[a-z-]+)+)>")
MARKUP = re.compile(r"``|\[/|\[(?:bold|dim|blue|red|green|yellow)\b|:class:|\*\*|\*Fails|\*Passes")
THAI = re.compile("[\u0e01-\u0e4e]")
ENGLISH_WORD = re.compile(r"[A-Za-z0-9'./:-]+")


def invoke(*args: str, env: dict[str, str | None] | None = None, columns: int = 80) -> tuple[int, str, str]:
    """Run the app in-process with a terminal ``columns`` wide."""
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns), "TERMINAL_WIDTH": None} | (env or {}))
    return result.exit_code, result.stdout, result.stderr


def help_of(command: str, lang: str, columns: int = 80) -> str:
    args = [command, "--help"] if command else ["--help"]
    code, out, err = invoke("--lang", lang, *args, columns=columns)
    assert code == 0 and err == "", err
    return out


def words_users_type(command: str) -> frozenset[str]:
    """What a help screen names as written: the command's choices and defaults (plan, arabic, major...)."""
    found: set[str] = {*GROUP.commands, "Schema", "schema"}  # type: ignore[attr-defined]  # JSON Schema: a name
    cmd = GROUP.commands[command] if command else GROUP  # type: ignore[attr-defined]
    for param in cmd.params:
        for word in [*choices_of(param), *str(param.metavar or "").split("|"), str(param.default)]:
            for part in re.findall(r"[A-Za-z]+", word):  # a narrow type column folds a word: its pieces
                found.update(part[i:j] for i in range(len(part)) for j in range(i + 2, len(part) + 1))
    return frozenset(found)


def plain_words(text: str) -> set[str]:
    """The words of a help screen, its boxes and breaks aside."""
    return set(ENGLISH_WORD.findall(re.sub("[│╭╮╰╯─]", " ", text.replace(ZWSP, ""))))


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=[c or "eduplan" for c in COMMANDS])
def test_every_help_screen_names_values_in_words_without_types_or_markup(command: str, lang: str, columns: int):
    text = help_of(command, lang, columns)
    assert not TYPE_NAMES.search(text), TYPE_NAMES.search(text)
    assert not MARKUP.search(text), MARKUP.search(text)
    assert "--lang" in text and "th|en" in text  # every command takes the run's language
    if columns >= 80:  # (at 60 a long word may not fit diff's narrowest column, in either language)
        assert not re.search("[\u0e01-\u0e4e]…", text)  # no Thai cut short: it wraps between words
    if lang == "th":
        assert "วิธีใช้: eduplan" in text and "ตัวเลือก" in text
        readable = re.sub(r"\S*…", " ", text.replace(ZWSP, ""))  # a word cut by a narrow column is not read
        assert leaks(readable, words_users_type(command)) == []
    else:
        assert "Usage: eduplan" in text and "Options" in text and not THAI.search(text.split("Options")[0][:60])


@pytest.mark.parametrize("command", COMMANDS, ids=[c or "eduplan" for c in COMMANDS])
def test_english_help_says_what_the_code_says(command: str):
    """The English screen has every word of each help text as written in the code (wrapped, not reworded)."""
    shown = plain_words(help_of(command, "en", 120))
    cmd = GROUP.commands[command] if command else GROUP  # type: ignore[attr-defined]
    for param in cmd.params:
        assert set(ENGLISH_WORD.findall(param.help or "")) <= shown, param.name
        assert (param.metavar if param.param_type_name == "argument" else param.opts[0]) in shown
    assert set(ENGLISH_WORD.findall((cmd.help or "").split("\n\n")[0])) <= shown


def test_thai_help_is_the_translation_of_each_text():
    text = help_of("render", "th").replace(ZWSP, "")
    flat = re.sub(r"\s*│\s*", "", text)
    assert "รูปแบบผลลัพธ์" in flat and "ภาษาของหัวข้อและป้ายคำในเอกสาร" in flat
    assert "[ค่าเริ่มต้น: html]" in flat and "[ต้องระบุ]" in flat
    assert "ค่าที่ระบุ" in text  # the arguments' panel


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("command", ["", "validate"], ids=["eduplan", "validate"])
def test_help_goldens(command: str, lang: str):
    check_golden(f"help-{command or 'eduplan'}.{lang}.txt", help_of(command, lang), GOLDEN)


USAGE_ERRORS = [
    (["render"], "render: missing argument PATH", "render: ยังไม่ได้ระบุ PATH"),
    (["import", "book.xlsx"], "import: missing option '--into'", "import: ยังไม่ได้ระบุตัวเลือก '--into'"),
    (["validate", "--formt", "json"], "no such option: --formt; did you mean --format", "ไม่มีตัวเลือก --formt; หมายถึง"),
    (["validate", "-z"], "validate: no such option: -z", "validate: ไม่มีตัวเลือก -z"),
    (["render", "{plan}", "-f", "odt"], "'odt' is not one of 'markdown', 'html', 'pdf', 'docx'", "'odt' ใช้ไม่ได้"),
    (["diff", "--fail-on", "often", "{plan}", "{plan}"], "'often' is not one of 'major'", "'often' ใช้ไม่ได้"),
    (["init", "--kind", "club"], "'club' is not one of 'office', 'school'", "'club' ใช้ไม่ได้"),
    (["render", "{plan}", "--year", "next"], "expected a whole number, got 'next'", "ต้องเป็นจำนวนเต็ม แต่ได้ 'next'"),
    (["diff", "--tolerance", "x", "{plan}", "{plan}"], "expected a number, got 'x'", "ต้องเป็นตัวเลข แต่ได้ 'x'"),
    (["diff", "--tolerance", "-1", "{plan}", "{plan}"], "expected at least 0, got -1", "ต้องไม่น้อยกว่า 0 แต่ได้ -1"),
    (["export", "{plan}", "extra"], "unexpected extra argument 'extra'", "มีค่าเกินมาที่คำสั่งไม่รับ: 'extra'"),
    (["validate", "--jobs"], "option --jobs needs a value", "ตัวเลือก --jobs ต้องมีค่าตามหลัง"),
    (["validate", "--exit-zero=1", "{plan}"], "option --exit-zero takes no value", "ตัวเลือก --exit-zero ไม่รับค่า"),
    (["valdate"], "no such command 'valdate'; did you mean 'validate'?", "ไม่มีคำสั่ง 'valdate'; หมายถึง 'validate'"),
    (["--bogus"], "no such option: --bogus (see `eduplan --help`)", "ไม่มีตัวเลือก --bogus (ดู `eduplan --help`)"),
    (["schema", "nonsense"], "invalid value for KIND: 'nonsense'", "ค่าของ KIND ไม่ถูกต้อง: 'nonsense'"),
]


@pytest.mark.parametrize(("args", "english", "thai"), USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS])
def test_usage_errors_are_one_line_in_either_language(tree, args: list[str], english: str, thai: str):
    root = tree({"plan.yaml": MINIMAL_PLAN})
    argv = [a.replace("{plan}", str(root)) for a in args]
    for lang, expected in (("en", english), ("th", thai)):
        code, out, err = invoke(*argv, env={"EDUPLAN_LANG": lang})
        assert code == 2 and out == "", (lang, out)
        assert err.startswith("eduplan: error: ") and err.count("\n") == 1, err
        assert expected in err, err
        assert "(see `eduplan" in err if lang == "en" else "(ดู `eduplan" in err
        if lang == "th":
            assert leaks(err.removeprefix("eduplan: error: ").replace(str(root), "PLAN")) == [], err


@pytest.mark.parametrize("line", [["--lang", "xx", "validate"], ["validate", "--lang=fr"], ["render", "--lang", "EN_"]])
def test_a_language_that_is_neither_is_one_clear_error(line: list[str]):
    code, out, err = invoke(*line)
    assert code == 2 and out == ""
    value = line[-1].partition("=")[2] if "=" in line[-1] else line[line.index("--lang") + 1]
    assert err == f"eduplan: error: --lang: unknown language {value!r}; use th or en\n"
    code, _, err = invoke(*line, env={"EDUPLAN_LANG": "th"})  # said in the language the run speaks without it
    assert code == 2 and err.count("\n") == 1 and "--lang: " in err and repr(value) in err
    assert THAI.search(err) and leaks(err.removeprefix("eduplan: error: ")) == [], err


def _language(env: dict[str, str | None], *args: str, cwd: Path | None = None) -> str:
    """Which language a run speaks, told by its usage line."""
    result = subprocess.run(
        [sys.executable, "-m", "eduplan", *args, "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=_environ(env),
    )
    return "th" if "วิธีใช้:" in result.stdout else "en" if "Usage:" in result.stdout else "?"


def _environ(env: dict[str, str | None]) -> dict[str, str]:
    import os

    merged: dict[str, str | None] = {**os.environ, "PYTHONPATH": str(REPO / "src"), **NO_LANGUAGE, **env}
    return {k: v for k, v in merged.items() if v is not None}


@pytest.mark.parametrize(
    ("env", "args", "config", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, [], None, "en"),
        ({"LANG": "C.UTF-8"}, [], None, "th"),
        ({}, [], None, "th"),
        ({"LANG": "de_DE.UTF-8"}, [], None, "th"),
        ({"LANGUAGE": "fr:en", "LANG": "C.UTF-8"}, [], None, "en"),
        ({"LANG": "C.UTF-8"}, [], "lang: en\n", "en"),
        ({"LANG": "en_US.UTF-8"}, [], "lang: th\n", "th"),
        ({"EDUPLAN_LANG": "en", "LANG": "C.UTF-8"}, [], "lang: th\n", "en"),
        ({"EDUPLAN_LANG": "th", "LANG": "en_US.UTF-8"}, [], "lang: en\n", "th"),
        ({"EDUPLAN_LANG": "xx", "LANG": "C.UTF-8"}, [], "lang: en\n", "en"),  # no language: the next one decides
        ({"EDUPLAN_LANG": "en"}, ["--lang", "th"], None, "th"),
        ({"EDUPLAN_LANG": "th"}, ["validate", "--lang", "en"], "lang: th\n", "en"),
        ({"LANG": "C.UTF-8"}, [], "lang: [broken\n", "th"),  # a broken configuration decides nothing
    ],
)
def test_the_language_is_lang_then_eduplan_lang_then_the_configuration_then_the_locale(
    tmp_path: Path, env: dict[str, str | None], args: list[str], config: str | None, expected: str
):
    if config is not None:
        (tmp_path / "eduplan.yaml").write_text(config, encoding="utf-8")
    assert _language(env, *args, cwd=tmp_path) == expected


def test_documents_stay_thai_without_lang_while_messages_follow_the_run(tree):
    """render's documents and diff's HTML page are in the plan's language unless --lang says otherwise."""
    root = tree({"plan.yaml": PLAN_WITH_POLICY})
    english = {"EDUPLAN_LANG": "en"}
    code, document, err = invoke("render", str(root), "-f", "markdown", "-o", "-", env=english)
    assert code == 0, err
    assert "| ระยะเวลาของแผน | พ.ศ. 2566–2570 |" in document
    code, document, _ = invoke("render", str(root), "-f", "markdown", "-o", "-", "--lang", "en", env=english)
    assert "| Plan period | B.E. 2566–2570 |" in document
    code, page, err = invoke("diff", str(root), str(root), "-f", "html", env=english)
    assert code == 0, err
    assert '<html lang="th">' in page
    code, page, _ = invoke("diff", str(root), str(root), "-f", "html", "--lang", "en", env={"EDUPLAN_LANG": "th"})
    assert '<html lang="en">' in page
    code, report, _ = invoke("diff", str(root), str(root), "-f", "markdown", env=english)
    assert report.startswith("### Plan changes:")  # a report read beside the messages: the run's language
    code, report, _ = invoke("diff", str(root), str(root), "-f", "markdown", env={"EDUPLAN_LANG": "th"})
    assert report.startswith("### การเปลี่ยนแปลงของแผน:")
