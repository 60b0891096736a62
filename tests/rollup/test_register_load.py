"""The register is read with the plan: register.yaml, or the files of register/, every value located."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from eduplan.load.loader import load_plan
from eduplan.rollup.records import Answer, UnitReturn
from tests.conftest import MINIMAL_PLAN, POLICY

Tree = Callable[[dict[str, str | bytes]], Path]


def test_register_yaml_is_read_into_the_plan(tree: Tree) -> None:
    root = tree(
        {
            "plan.yaml": MINIMAL_PLAN,
            "policies/1.yaml": POLICY,
            "register.yaml": """\
                as_of: 2567-06-10
                units:
                  - {code: 1052140123, name: โรงเรียนก, parent: "52010000", size: large, opened: 2442-05-01}
                """,
        }
    )
    result = load_plan(root)
    assert [f.code for f in result.findings] == []
    assert result.plan is not None and result.plan.unit_register is not None
    unit = result.plan.unit_register.units[0]
    assert (unit.code, unit.size, unit.opened) == ("1052140123", "large", dt.date(2442, 5, 1))
    assert result.plan.unit_register.as_of == dt.date(2567, 6, 10)


def test_the_files_of_register_are_one_list_each_value_in_its_own_file(tree: Tree) -> None:
    root = tree(
        {
            "plan.yaml": MINIMAL_PLAN,
            "policies/1.yaml": POLICY,
            "register/1.yaml": "units:\n  - {code: '1', name: ก}\n  - {code: '2', name: ข}\n",
            "register/2.yaml": "as_of: 2567-06-10\nunits:\n  - {code: '3', name: ค, students: -1}\n",
            "returns/2567/3.yaml": "not: a plan part\n",
        }
    )
    result = load_plan(root)
    assert result.plan is not None
    [bad] = result.findings  # the returns folder is not a stray part of the plan
    assert (bad.code, Path(bad.span.file).name, bad.span.line, bad.path) == (
        "SC03",
        "2.yaml",
        3,
        ("register", "units", 2, "students"),
    )
    assert result.source.span(("register", "units", 1, "name")) == (str(root / "register/1.yaml"), 3, 23, 3, 24)


def test_a_christian_era_date_is_refused_with_its_buddhist_era_twin(tree: Tree) -> None:
    root = tree({"plan.yaml": MINIMAL_PLAN, "register.yaml": "as_of: 2024-06-10\n"})
    [found] = [f for f in load_plan(root).findings if f.code == "SC03"]
    assert "2567" in found.message and found.span is not None and found.span.line == 1


def test_a_return_holds_answers_by_indicator_and_key() -> None:
    answer = Answer("numerator", None, "returns/2567/1.xlsx!C7")
    record = UnitReturn("1", 2567, "returns/2567/1.xlsx", {"p1-i1": {"numerator": answer}})
    assert record.answer("p1-i1", "numerator") is answer
    assert record.answer("p1-i1", "denominator") is None  # not given is not "no data"
