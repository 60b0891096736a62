"""Which units are expected, coverage (never above 100%), the units missing, and the breakdown by place and size."""

from __future__ import annotations

from decimal import Decimal

from eduplan.rollup.engine import roll_up
from tests.rollup.build import SCHOOLS, plan_with, ret, school

RATIO = {"numerator": {"label": "ผ่าน", "unit": "คน"}, "denominator": {"label": "ทั้งหมด", "unit": "คน"}}


def ratio(**more: object) -> dict[str, object]:
    return {"id": "r", "kind": "percent", "unit": "ร้อยละ", "rollup": {"method": "ratio", "collect": RATIO, **more}}


def test_a_closed_school_is_not_expected_and_its_return_is_not_counted() -> None:
    units = [*SCHOOLS, school("1005", closed="2566-11-01"), school("1006", opened="2568-05-16")]
    plan = plan_with([ratio()], units)
    returns = [ret(code, {"r": {"numerator": 1, "denominator": 2}}) for code in ("1001", "1005", "1006")]
    result = roll_up(plan, returns, 2567)  # fiscal 2567, read on 2567-06-10: 1005 closed, 1006 not yet open
    total = result.figures[0].total
    assert [u.code for u in total.expected] == ["1001", "1002", "1003", "1004"]
    assert total.reported == 1 and total.coverage == Decimal(25)
    assert sorted(f.code for f in result.findings) == ["RU11", "RU11"]


def test_the_day_of_the_year_decides_a_unit_closed_during_it() -> None:
    units = [school("1001"), school("1005", closed="2566-11-01")]
    # 10-01 of fiscal year 2567 is 1 October 2566: 1005 was still open
    plan = plan_with([ratio(as_of="10-01")], units)
    assert [u.code for u in roll_up(plan, [], 2567).figures[0].total.expected] == ["1001", "1005"]
    plan = plan_with([ratio()], units, as_of="2567-06-10")  # the register's own day, in fiscal 2567
    assert [u.code for u in roll_up(plan, [], 2567).figures[0].total.expected] == ["1001"]


def test_a_scope_takes_levels_sizes_and_districts() -> None:
    plan = plan_with(
        [
            ratio(scope={"levels": ["upper-secondary"]}),
            {**ratio(scope={"sizes": ["small"], "provinces": ["ลำปาง"]}), "id": "s", "number": "2"},
        ]
    )
    result = roll_up(plan, [], 2567)
    assert [u.code for u in result.figures[0].total.expected] == ["1001", "1003"]
    assert [u.code for u in result.figures[1].total.expected] == ["1002"]


def test_unknown_units_and_duplicates_never_raise_coverage() -> None:
    plan = plan_with([ratio(coverage_min=80)])
    returns = [
        ret("1001", {"r": {"numerator": 1, "denominator": 2}}),
        ret("1001", {"r": {"numerator": 2, "denominator": 2}}),  # twice: neither counts
        ret("9999", {"r": {"numerator": 1, "denominator": 1}}),  # not in the register
        ret("1002", {"r": {"numerator": 3, "denominator": 4}}),
        ret("1003", {"r": {"numerator": 5, "denominator": 4}}),  # above its denominator: left out
    ]
    result = roll_up(plan, returns, 2567)
    total = result.figures[0].total
    assert total.value == Decimal(75) and total.reported == 1  # 1002 alone
    assert [u.code for u in total.missing] == ["1001", "1004"] and [u.code for u in total.left_out] == ["1003"]
    assert sorted(f.code for f in result.findings) == ["RU10", "RU12", "RU13", "RU14"]
    [low] = [f for f in result.findings if f.code == "RU10"]
    assert "1 of 4" in low.message and "1001, 1004" in (low.hint or "")


def test_half_a_ratio_is_left_out_with_its_place() -> None:
    plan = plan_with([ratio()])
    result = roll_up(plan, [ret("1001", {"r": {"numerator": 3}})], 2567)
    [found] = result.findings
    assert (found.code, str(found.span)) == ("RU14", "1001.xlsx!numerator")
    assert "`denominator`" in found.message


def test_breakdown_by_district_province_and_size() -> None:
    plan = plan_with([ratio()])
    returns = [
        ret("1001", {"r": {"numerator": 30, "denominator": 40}}),
        ret("1002", {"r": {"numerator": 10, "denominator": 60}}),
        ret("1003", {"r": {"numerator": 9, "denominator": 10}}),
        ret("1004", {"r": {"numerator": 1, "denominator": 4}}),
    ]
    rolled = roll_up(plan, returns, 2567).figures[0]

    def shown(dimension: str) -> list[tuple[str | None, Decimal | None, int]]:
        return [(group, f.value, len(f.expected)) for group, f in rolled.breakdown[dimension]]

    assert shown("district") == [("เมือง", Decimal(40), 2), ("เกาะคา", Decimal(90), 1), ("ป่าซาง", Decimal(25), 1)]
    # ลำปาง: (30 + 10 + 9) / (40 + 60 + 10) x 100 = 4900 / 110
    assert shown("province") == [("ลำปาง", Decimal(4900) / Decimal(110), 3), ("ลำพูน", Decimal(25), 1)]
    # small: 1002 and 1004, (10 + 1) / (60 + 4) x 100 = 1100 / 64
    assert shown("size") == [
        ("small", Decimal(1100) / Decimal(64), 2),
        ("medium", Decimal(90), 1),
        ("large", Decimal(75), 1),
    ]
    assert rolled.total.value == Decimal(5000) / Decimal(114)  # (30 + 10 + 9 + 1) / (40 + 60 + 10 + 4)


def test_a_unit_with_no_district_is_its_own_group_last() -> None:
    plan = plan_with([ratio()], [school("1001"), school("1002", district="เมือง")])
    rolled = roll_up(plan, [], 2567).figures[0]
    assert [group for group, _figure in rolled.breakdown["district"]] == ["เมือง", None]
