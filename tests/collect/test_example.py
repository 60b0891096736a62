"""The example office's returns (docs/examples/rollup-office): the committed workbooks, and what reading them gives.

The workbooks under office/returns/2567/ are what make_returns.py makes from returns.yaml; every wrong
return of returns.yaml is a located finding, and every answer kept is what returns.yaml typed.
"""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from tests.collect.helpers import EXAMPLE, OFFICE, found, read
from tests.validate.helpers import cli

RETURNS = OFFICE / "returns" / "2567"


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("make_returns", EXAMPLE / "make_returns.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_returns_are_what_the_script_makes(tmp_path: Path) -> None:
    made = _script().returns(tmp_path)
    assert sorted(p.name for p in made) == sorted(p.name for p in RETURNS.iterdir())
    for path in made:
        assert path.read_bytes() == (RETURNS / path.name).read_bytes(), (
            f"run {EXAMPLE / 'make_returns.py'}: {path.name}"
        )


def test_every_wrong_return_is_a_located_finding() -> None:
    assert found(read(OFFICE), OFFICE) == [
        "returns/2567/1088880002-2566.xlsx RT03",  # last year's form
        "returns/2567/1088880003.xlsx!E19 RT09",  # 520 passed of 480
        "returns/2567/1088880004.xlsx!E23 RT08",  # สิบห้า
        "returns/2567/1088880005.xlsx!C7 RT13",  # late, still counted
        "returns/2567/1088880006.xlsx!E20 RT10",  # a numerator without its denominator
        "returns/2567/1088880006.xlsx!E21 RT08",  # ดีมาก is no level of the list
        "returns/2567/1088880008.xlsx!C22 RT07",  # the question of p1-3 typed over
        "returns/2567/1088880009.xlsx!E23 RT08",  # a negative count
        "returns/2567/1088880010.pdf RT01",  # a PDF of the printed form
        "returns/2567/1088880011 (แก้ไข).xlsx!C4 RT06",  # two returns of one school
        "returns/2567/1088880011.xlsx!C4 RT06",
        "returns/2567/1088880013.xlsx!C4 RT05",  # closed in 2566
        "returns/2567/1088880099.xlsx!C4 RT04",  # not in the register
    ]


def _typed(value: Any) -> Any:
    """What a school typed, as the returns reader gives it (Thai digits and separators read, levels as words)."""
    if isinstance(value, int | float):
        return Decimal(str(value))
    words = {"ใช่": True, "ไม่ใช่": False, "ไม่มีข้อมูล": None}
    if value in words:
        return words[value]
    digits = str(value).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).replace(",", "")
    return Decimal(digits) if digits.replace(".", "").isdigit() else value


LEFT_OUT = {
    ("1088880003", "p1-1"),
    ("1088880004", "p2-1"),
    ("1088880006", "p1-1"),
    ("1088880006", "p1-2"),
    ("1088880008", "p1-3"),
    ("1088880009", "p2-1"),
}
"""The answers returns.yaml marks wrong (each a finding above): left out, the school's other answers kept."""


def test_every_answer_kept_is_what_the_school_typed() -> None:
    spec = yaml.safe_load((EXAMPLE / "returns.yaml").read_text(encoding="utf-8"))
    kept_files = {
        f"{code}.xlsx"
        for code in (
            "1088880001",
            "1088880002",
            "1088880003",
            "1088880004",
            "1088880005",
            "1088880006",
            "1088880008",
            "1088880009",
        )
    }
    expected = {
        entry["unit"]: {
            indicator: {key: _typed(value) for key, value in answers.items()}
            for indicator, answers in entry["answers"].items()
            if (entry["unit"], indicator) not in LEFT_OUT
        }
        for entry in spec["returns"]
        if entry["file"] in kept_files
    }
    returns = read(OFFICE).returns
    got = {
        r.unit: {i: {k: a.value for k, a in by.items()} for i, by in r.answers.items()}
        for r in returns
        if r.unit != "1088880012"
    }
    assert got == expected
    assert {r.unit for r in returns} == set(expected) | {"1088880012"}


def test_the_example_plans_validate_clean() -> None:
    for plan in (OFFICE, EXAMPLE / "schools" / "1088880012"):
        run = cli("validate", str(plan))
        assert run.code == 0, run.out + run.err


# -- the roll-up of the example, computed by hand from returns.yaml and the school's own report ----------------

EXPECTED_UNITS = [f"10888800{n:02d}" for n in range(1, 13)]
"""The 12 schools expected in 2567: 1088880013 closed on 2566-05-16."""
DROPPED_FILES = {
    "1088880002-2566.xlsx",
    "1088880010.pdf",
    "1088880011.xlsx",
    "1088880011 (แก้ไข).xlsx",
    "1088880013.xlsx",
    "1088880099.xlsx",
}
"""The returns left out whole (RT03, RT01, RT06 twice, RT05, RT04)."""
LEVELS = ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"]


def _by_hand() -> dict[str, dict[str, dict[str, Any]]]:
    """indicator -> unit -> key -> value: what counts, from the files as a person reads them."""
    spec = yaml.safe_load((EXAMPLE / "returns.yaml").read_text(encoding="utf-8"))
    counted: dict[str, dict[str, dict[str, Any]]] = {}
    for entry in spec["returns"]:
        if entry["file"] in DROPPED_FILES:
            continue
        for indicator, answers in entry["answers"].items():
            if (entry["unit"], indicator) not in LEFT_OUT:
                counted.setdefault(indicator, {})[entry["unit"]] = {k: _typed(v) for k, v in answers.items()}
    school = EXAMPLE / "schools" / "1088880012"
    actuals = {
        a["indicator"]: a["value"] for a in yaml.safe_load((school / "reports" / "2566.yaml").read_text())["actuals"]
    }
    feeds = [yaml.safe_load((school / "plan.yaml").read_text())["standards"][0]]
    feeds += yaml.safe_load((school / "policies" / "1.yaml").read_text())["indicators"]
    for ind in feeds:
        feed = ind["feeds"]
        counted.setdefault(feed["indicator"], {}).setdefault("1088880012", {})[feed.get("key", "value")] = _typed(
            actuals[ind["id"]]
        )
    return counted


def _round(number: Decimal) -> str:
    return str(number.quantize(Decimal("0.01")).normalize()) if number % 1 else str(int(number))


def test_every_rolled_up_value_is_the_hand_computed_one() -> None:
    import json

    counted = _by_hand()
    students = {u["code"]: u["students"] for u in yaml.safe_load((OFFICE / "register.yaml").read_text())["units"]}
    run = cli("rollup", str(OFFICE), "--year", "2567", "-f", "json")
    figures = {f["indicator"]: f for f in json.loads(run.out)["figures"]}

    def values(indicator: str, key: str = "value") -> dict[str, Any]:
        return {u: a[key] for u, a in counted[indicator].items() if a.get(key) is not None}

    top, bottom = values("p1-1", "numerator"), values("p1-1", "denominator")
    assert figures["p1-1"]["value"] == _round(sum(top.values()) / sum(bottom.values()) * 100) == "61.36"
    assert (figures["p1-1"]["numerator"], figures["p1-1"]["denominator"]) == ("4687", "7639")
    levels = values("p1-2")
    good = [u for u, level in levels.items() if LEVELS.index(level) >= LEVELS.index("ดีเลิศ")]
    assert figures["p1-2"]["value"] == _round(Decimal(len(good)) / len(levels) * 100) == "62.5"
    scores = values("p1-3")
    mean = sum(score * students[u] for u, score in scores.items()) / sum(students[u] for u in scores)
    assert figures["p1-3"]["value"] == _round(mean) == "31.99"
    assert figures["p2-1"]["value"] == str(sum(values("p2-1").values())) == "11"
    assert figures["p2-2"]["value"] == str(sum(1 for yes in values("p2-2").values() if yes)) == "6"
    assert figures["p3-1"]["value"] == sorted([u, words] for u, words in values("p3-1").items())
    for indicator, figure in figures.items():
        keys = {"p1-1": "numerator"}.get(indicator, "value")
        reported = set(values(indicator, keys))
        no_data = {u for u, a in counted[indicator].items() if a.get(keys) is None}
        assert (figure["expected"], figure["reported"]) == (12, len(reported)), indicator
        assert figure["no_data"] == sorted(no_data), indicator
        assert figure["missing"] == sorted(set(EXPECTED_UNITS) - reported - no_data), indicator
    assert figures["p1-1"]["missing"] == ["1088880003", "1088880006", "1088880007", "1088880010", "1088880011"]


def test_the_committed_report_is_what_rollup_writes(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(EXAMPLE, tmp_path / "example")
    office = tmp_path / "example" / "office"
    (office / "reports" / "2567.yaml").unlink()
    run = cli("rollup", str(office), "--year", "2567", "--write", "--lang", "th")
    assert run.code == 1, run.err  # the wrong returns are findings; p3-1 is below its coverage_min
    assert (office / "reports" / "2567.yaml").read_text() == (OFFICE / "reports" / "2567.yaml").read_text()


def test_the_report_renders_each_figure_with_its_coverage(tmp_path: Path) -> None:
    run = cli("render", str(OFFICE), "-d", "report", "--year", "2567", "-f", "markdown", "-o", "-", "--lang", "th")
    assert run.code == 0, run.err
    assert "รวมจากรายงานของสถานศึกษา 7 จาก 12 โรง" in run.out
