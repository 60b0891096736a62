"""What loading and checking a plan says, in Thai, and the same findings in English.

Every kind of problem the loader reports (a stray file, an unreadable file, no policies, a gap in
the policy files, parts without their plan, a copy, a missing or unknown key, values of the wrong
kind, encodings, YAML that is not plain data) is built here as a small broken plan and validated
through the command line with ``--lang th``: each message and hint reads in Thai, with no English
word outside what the user wrote (:func:`tests.i18n.leaks.leaks`). With ``--lang en`` the same run
gives the same codes, positions and exit code. So do the one-line errors (exit 2) of paths and
configurations. Then: a date where a number belongs, named as a date in both languages; and the
configuration's ``lang:``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from eduplan import i18n
from eduplan.load.configfile import configured_lang
from eduplan.load.source import SourceMap
from eduplan.load.validation import validate_plan
from tests.conftest import MINIMAL_PLAN, POLICY, build_tree
from tests.i18n.leaks import leaks
from tests.validate.helpers import cli

THAI = re.compile(r"[\u0e00-\u0e7f]")

INDICATOR = "  - id: p1-i2\n    number: '2'\n    name: ตัวชี้วัด\n    unit: ร้อยละ\n    kind: percent\n"

BROKEN: dict[str, tuple[dict[str, str | bytes], set[str]]] = {
    "stray-file": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policy/2.yaml": POLICY}, {"LD01"}),
    "part-folder-is-a-file": ({"plan.yaml": MINIMAL_PLAN, "policies": "x"}, {"LD02"}),
    "part-file-is-a-folder": (
        {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/2.yaml/x": ""},
        {"LD02"},
    ),
    "no-policies-folder": ({"plan.yaml": MINIMAL_PLAN}, {"LD03"}),
    "empty-policies-folder": ({"plan.yaml": MINIMAL_PLAN, "policies/notes.txt": "x"}, {"LD03"}),
    "policy-gap": (
        {
            "plan.yaml": MINIMAL_PLAN,
            **{f"policies/{n}.yaml": POLICY.replace("p1", f"p{n}").replace("'1'", f"'{n}'", 1) for n in (1, 2, 4)},
        },
        {"LD04"},
    ),
    "copy": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/1 - Copy.yaml": POLICY}, {"LD06"}),
    "copy-of-nothing": (
        {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/7 (1).yaml": POLICY},
        {"LD06"},
    ),
    "missing-key": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("title: นโยบาย\n", "")}, {"SC01"}),
    "missing-kind": (
        {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("    kind: percent\n", "")},
        {"SC01"},
    ),
    "empty-file": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/2.yaml": ""}, {"SC01"}),
    "unknown-key": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY + "onwer: สพฐ.\nzzz: 1\n"}, {"SC02"}),
    "file-holds-a-list": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/2.yaml": "- 1\n"}, {"SC03"}),
    "file-holds-text": (
        {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "policies/2.yaml": "นโยบาย\n"},
        {"SC03"},
    ),
    "listed-twice": ({"plan.yaml": MINIMAL_PLAN + "policies: []\n", "policies/1.yaml": POLICY}, {"SC03"}),
    "wrong-values": (
        {
            "plan.yaml": MINIMAL_PLAN.replace("start: 2566", "start: 2023")
            + "edition: {published: 2024-13-01, revision_of: A B}\n",
            "policies/1.yaml": POLICY.replace("kind: percent", "kind: percnt")
            + INDICATOR.replace("p1-i2", "x" * 70)
            + "    targets: {2566: {min: 2024-09-20}, 2567: true, '2568': 3, 2569: [1]}\n"
            + "    baseline: {year: 2566, value: {increase: 1, decrease: 2}}\n"
            + INDICATOR.replace("p1-i2", "p1-i3").replace("name: ตัวชี้วัด", "name: {a: 1}")
            + "    baseline: {year: 25.5, value: .inf}\n"
            + INDICATOR.replace("p1-i2", "p1-i4").replace("name: ตัวชี้วัด", "name: ''")
            + "    targets: {2566: '80%', 2567: ~}\n"
            + INDICATOR.replace("p1-i2", "P 5").replace("number: '2'", "number: [2]")
            + "    direction: up\n",
        },
        {"SC03"},
    ),
    "text-where-a-mapping-is": ({"plan.yaml": MINIMAL_PLAN.replace("{name: สำนักงานทดสอบ}", "สำนักงาน")}, {"SC03"}),
    "cp874": ({"plan.yaml": MINIMAL_PLAN.encode("cp874"), "policies/1.yaml": POLICY}, {"YA05"}),
    "latin-1": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": b"id: p1\ntitle: caf\xe9 \xff\xfe\n"}, {"YA05"}),
    "binary": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": b"\x00\x01id: p1\n"}, {"YA05"}),
    "broken-utf-16": ({"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": b"\xff\xfei\x00d\x00:"}, {"YA05"}),
    "duplicate-key": ({"plan.yaml": MINIMAL_PLAN + "title: อีกชื่อ\n", "policies/1.yaml": POLICY}, {"YA02"}),
    "tag": ({"plan.yaml": MINIMAL_PLAN + "vision: !!binary aGk=\n", "policies/1.yaml": POLICY}, {"YA03"}),
    "key-not-text": ({"plan.yaml": MINIMAL_PLAN + "? [1, 2]\n: x\n", "policies/1.yaml": POLICY}, {"YA07"}),
}
"""Broken plans, by name: their files, and the loader's codes each must report (among others)."""


def _plan(tmp_path: Path, name: str) -> Path:
    files, _codes = BROKEN[name]
    root = build_tree(tmp_path / name, files)
    if name == "part-file-is-a-folder":
        (root / "policies" / "2.yaml" / "x").unlink()
    return root


def _validate(lang: str, *args: str) -> tuple[int, list[dict[str, object]], str]:
    run = cli("validate", "--lang", lang, "--format", "json", "-j", "1", *args)
    return run.code, json.loads(run.out)["findings"] if run.out else [], run.err


def _thai(text: object) -> list[str]:
    """What is wrong with a Thai message: no Thai at all, or the English words that leaked."""
    if not isinstance(text, str) or not text:
        return []
    return leaks(text) or ([] if THAI.search(text) else [text])


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_every_load_finding_reads_in_thai_and_is_the_same_in_english(tmp_path: Path, name: str) -> None:
    root = _plan(tmp_path, name)
    code, thai, err = _validate("th", str(root))
    assert code in (0, 1) and err == ""  # 0: warnings only (a file read as cp874, a stray file)
    assert BROKEN[name][1] <= {f["code"] for f in thai}
    wrong = {f"{f['code']} {field}: {f.get(field)}": _thai(f.get(field)) for f in thai for field in ("message", "hint")}
    assert {text: words for text, words in wrong.items() if words} == {}
    english_code, english, _err = _validate("en", str(root))
    where = ("code", "severity", "file", "line", "column", "end_line", "end_column", "at")
    assert english_code == code
    assert [[f.get(k) for k in where] for f in english] == [[f.get(k) for k in where] for f in thai]


def test_english_messages_stay_english(tmp_path: Path) -> None:
    code, english, _err = _validate("en", str(_plan(tmp_path, "wrong-values")))
    assert code == 1
    messages = [str(f["message"]) for f in english]
    assert "the text 'percnt' is not allowed here: use `percent`, `count`, `score`, `level`, `qualitative`" in messages
    assert "expected a number, got the boolean true" in messages
    assert not [m for m in messages if "datetime" in m or "Input should" in m or "Value error" in m]


NOT_PLANS = [
    ("missing-path", lambda tmp: [str(tmp / "nope")]),
    ("no-plan-inside", lambda tmp: [str(build_tree(tmp / "empty", {"notes.txt": "x"}))]),
]


@pytest.mark.parametrize(("name", "args"), NOT_PLANS, ids=[n for n, _ in NOT_PLANS])
def test_a_path_that_is_no_plan_is_one_thai_line(tmp_path: Path, name: str, args) -> None:
    paths = args(tmp_path)
    thai = cli("validate", "--lang", "th", *paths)
    english = cli("validate", "--lang", "en", *paths)
    assert thai.code == english.code == 2
    (line,) = thai.err.splitlines()
    assert (
        line.startswith("eduplan: error: ") and THAI.search(line) and leaks(line.removeprefix("eduplan:")) == ["error"]
    )


def test_a_folder_of_parts_without_its_plan_is_ld05_in_thai(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"x/policies/1.yaml": POLICY, "x/reports/2567.yaml": "fiscal_year: 2567\n"})
    code, thai, _err = _validate("th", str(root / "x"))
    assert code == 1 and [f["code"] for f in thai] == ["LD05"]
    assert _thai(thai[0]["message"]) == [] and _thai(thai[0]["hint"]) == []
    single = build_tree(tmp_path / "one", {"1.yaml": POLICY})
    _code, alone, _err = _validate("th", str(single / "1.yaml"))
    assert [f["code"] for f in alone] == ["LD05"] and _thai(alone[0]["message"]) == []


@pytest.mark.parametrize(
    ("config", "wanted"),
    [
        ("selct: [TG]\n", "'selct'"),
        ("fail-on: fatal\n", "'fatal'"),
        ("lang: fr\n", "'fr'"),
        ("select: []\n", "select"),
        ("severity: {ZZ99: info}\n", "'ZZ99'"),
        ("required: [owner, colour]\n", "'colour'"),
    ],
)
def test_a_bad_configuration_is_one_thai_line(tmp_path: Path, config: str, wanted: str) -> None:
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "eduplan.yaml": config})
    thai = cli("validate", "--lang", "th", str(root))
    english = cli("validate", "--lang", "en", str(root))
    assert thai.code == english.code == 2
    (line,) = thai.err.splitlines()
    assert wanted in line and THAI.search(line)
    assert leaks(line.removeprefix("eduplan: error:")) == []
    assert "Input should" not in english.err and "Extra inputs" not in english.err


def test_broken_toml_is_located_in_both_languages(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY, "pyproject.toml": "[tool.eduplan]\nselect = \n"},
    )
    thai = cli("validate", "--lang", "th", str(root))
    english = cli("validate", "--lang", "en", str(root))
    assert thai.code == english.code == 2
    assert (
        "pyproject.toml:2:10: " in thai.err and "pyproject.toml:2:10: not valid TOML (`Invalid value`)" in english.err
    )
    assert leaks(thai.err.removeprefix("eduplan: error:")) == []


# -- a date where a number belongs ---------------------------------------------------------------

PLAN = {
    "id": "demo",
    "title": "แผน",
    "office": {"name": "สำนักงาน"},
    "period": {"start": 2566, "end": 2570},
    "policies": [
        {
            "id": "p1",
            "number": "1",
            "title": "นโยบาย",
            "indicators": [
                {"id": "p1-i1", "number": "1", "name": "ร้อยละ", "unit": "ร้อยละ", "kind": "percent", "targets": {}}
            ],
        }
    ],
}


def _target_findings(target: object, lang: i18n.Lang) -> list[tuple[str, str | None]]:
    data = json.loads(json.dumps(PLAN))
    data["policies"][0]["indicators"][0]["targets"] = {2566: 80, 2567: target}
    with i18n.using(lang):
        _plan, findings, _dropped, _source = validate_plan(data, SourceMap())
    return [(f.message, f.hint) for f in findings]


@pytest.mark.parametrize("value", [dt.datetime(2024, 9, 20), dt.date(2024, 9, 20)])
def test_a_date_where_a_number_belongs_is_named_a_date_as_written(value: object) -> None:
    ((message, hint),) = _target_findings({"min": value}, "en")
    assert message == "the date 2024-09-20 is not a number: a date or a time cannot stand where a number is expected"
    assert hint is not None and "such as 80" in hint
    ((thai, thai_hint),) = _target_findings({"min": value}, "th")
    assert thai == "วันที่ 2024-09-20 ไม่ใช่ตัวเลข: ตรงนี้ต้องเป็นตัวเลข จะใส่วันที่หรือเวลาไม่ได้"
    assert thai_hint is not None and leaks(thai_hint) == [] and "80" in thai_hint


def test_no_python_repr_reaches_a_message() -> None:
    values = [dt.datetime(2024, 9, 20, 10, 30), dt.time(10, 30), None, True, [1], {"a": 1}, float("nan")]
    for lang in i18n.LANGS:
        for value in values:
            for message, hint in _target_findings({"min": value}, lang):
                for text in (message, hint or ""):
                    assert not re.search(r"datetime|None|True|\[1\]|\{'a'|nan\b(?!`)", text), text
    ((timed, _hint),) = _target_findings({"min": dt.datetime(2024, 9, 20, 10, 30)}, "en")
    assert timed.startswith("the date and time 2024-09-20 10:30 is not a number")


def test_a_date_typed_in_a_plan_file_is_named_a_date(tmp_path: Path) -> None:
    policy = POLICY.replace("2567: 85", "2567: {min: 2024-09-20}")
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": policy})
    _code, thai, _err = _validate("th", str(root))
    _code, english, _err = _validate("en", str(root))
    assert [f["message"] for f in english] == [
        "the text '2024-09-20' is not a number: a date or a time cannot stand where a number is expected"
    ]
    assert [f["message"] for f in thai] == ["ข้อความ '2024-09-20' ไม่ใช่ตัวเลข: ตรงนี้ต้องเป็นตัวเลข จะใส่วันที่หรือเวลาไม่ได้"]


# -- lang: in the configuration ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "found"),
    [
        ({"eduplan.yaml": "lang: en\n"}, "en"),
        ({".eduplan.yaml": "lang: th\nselect: [TG]\n"}, "th"),
        ({"pyproject.toml": '[tool.eduplan]\nlang = "en"\n'}, "en"),
        ({"eduplan.yaml": "select: [TG]\n"}, None),
        ({"eduplan.yaml": "lang: [en]\n"}, None),
        ({"eduplan.yaml": "lang: EN\n"}, None),
        ({"eduplan.yaml": "lang: en\n  bad: : yaml\n"}, None),
        ({"eduplan.yaml": b"\xff\xfe\x00"}, None),
        ({"pyproject.toml": "[tool.eduplan\n"}, None),
        ({"eduplan.yaml/x": ""}, None),
    ],
)
def test_configured_lang_is_found_from_a_folder_up_and_never_raises(tmp_path: Path, files, found) -> None:
    build_tree(tmp_path, {**files, "a/b/plan.yaml": MINIMAL_PLAN})
    assert configured_lang(tmp_path / "a" / "b") == found


def test_the_configuration_lang_decides_the_language_of_a_run(tmp_path: Path, monkeypatch) -> None:
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY.replace("percent", "percnt")})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EDUPLAN_LANG")
    for lang, word in (("th", "ใช้ตรงนี้ไม่ได้"), ("en", "is not allowed here")):
        (tmp_path / "eduplan.yaml").write_text(f"lang: {lang}\n", encoding="utf-8")
        run = cli("validate", str(root), "--format", "concise")
        assert run.code == 1 and word in run.out, run.out
    run = cli("validate", str(root), "--format", "concise", env={"EDUPLAN_LANG": "en"})
    assert "is not allowed here" in run.out
    (tmp_path / "eduplan.yaml").write_text("lang: th\n", encoding="utf-8")
    assert "is not allowed here" in cli("validate", "--lang", "en", str(root), "--format", "concise").out
    assert os.environ.get("EDUPLAN_LANG") is None
