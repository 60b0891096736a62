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
