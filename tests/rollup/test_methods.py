"""Every method of a roll-up, against a hand computation written out in the test (not the engine's arithmetic)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from eduplan.rollup.engine import roll_up
from eduplan.rollup.figure import rounded
from tests.rollup.build import plan_with, ret

NUMBER = {"label": "จำนวน", "unit": "คน"}
RATIO = {"numerator": {"label": "ผ่าน", "unit": "คน"}, "denominator": {"label": "ทั้งหมด", "unit": "คน"}}


def indicator(id_: str, kind: str, rollup: dict[str, object]) -> dict[str, object]:
    return {"id": id_, "kind": kind, "unit": "ร้อยละ" if kind == "percent" else "คน", "rollup": rollup}


def test_ratio_is_a_ratio_of_sums_never_a_mean_of_percentages() -> None:
    plan = plan_with([indicator("r", "percent", {"method": "ratio", "collect": RATIO})])
    returns = [
        ret("1001", {"r": {"numerator": 30, "denominator": 40}}),  # 75%
        ret("1002", {"r": {"numerator": 10, "denominator": 60}}),  # 16.67%
        ret("1003", {"r": {"numerator": None, "denominator": None}}),  # no data, said
    ]  # 1004 sent nothing
    total = roll_up(plan, returns, 2567).figures[0].total
    assert total.value == Decimal(40)  # (30 + 10) / (40 + 60) x 100; the mean of 75 and 16.67 would be 45.83
    assert (total.numerator, total.denominator) == (Decimal(40), Decimal(100))
    assert (total.reported, total.sent, len(total.expected)) == (2, 3, 4)
    assert [u.code for u in total.no_data] == ["1003"] and [u.code for u in total.missing] == ["1004"]
    assert total.coverage == Decimal(50)


def test_a_ratio_per_thousand_and_exact_decimals() -> None:
    plan = plan_with([indicator("r", "score", {"method": "ratio", "per": 1000, "collect": RATIO})])
    returns = [ret("1001", {"r": {"numerator": 1, "denominator": 3}})]
    value = roll_up(plan, returns, 2567).figures[0].total.value
    assert isinstance(value, Decimal) and rounded(value, 2) == Decimal("333.33")  # 1000/3


def test_share_of_reporting_units_meeting_a_threshold() -> None:
    plan = plan_with(
        [indicator("s", "percent", {"method": "share", "collect": {"value": NUMBER}, "condition": {"at_least": 3.5}})]
    )
    returns = [
        ret("1001", {"s": {"value": Decimal("3.5")}}),  # meets: at least, inclusive
        ret("1002", {"s": {"value": Decimal("3.49")}}),
        ret("1003", {"s": {"value": 4}}),
    ]
    total = roll_up(plan, returns, 2567).figures[0].total
    assert total.value == Decimal(2) * 100 / Decimal(3)  # 2 of the 3 that reported; 1004 missing, not "no"
    assert (total.numerator, total.denominator) == (Decimal(2), Decimal(3))


def test_share_of_a_level_at_or_above_and_of_yes() -> None:
    levels = {"label": "ระดับ", "levels": ["ปรับปรุง", "พอใช้", "ดี", "ดีมาก"]}
    plan = plan_with(
        [
            indicator(
                "l", "percent", {"method": "share", "collect": {"value": levels}, "condition": {"level_at_least": "ดี"}}
            ),
            indicator(
                "y",
                "count",
                {"method": "count", "collect": {"value": {"label": "มี", "yes_no": True}}, "condition": {"yes": True}},
            ),
        ]
    )
    returns = [
        ret("1001", {"l": {"value": "ดีมาก"}, "y": {"value": True}}),
        ret("1002", {"l": {"value": "ดี"}, "y": {"value": False}}),
        ret("1003", {"l": {"value": "พอใช้"}, "y": {"value": True}}),
        ret("1004", {"l": {"value": "ปรับปรุง"}, "y": {"value": None}}),
    ]
    result = roll_up(plan, returns, 2567)
    assert result.figures[0].total.value == Decimal(50)  # ดีมาก and ดี: 2 of 4
    count = result.figures[1].total
    assert count.value == Decimal(2) and count.reported == 3  # yes twice; 1004 said no data: not a "no"


def test_mean_weighted_by_students_and_unweighted() -> None:
    plan = plan_with(
        [
            indicator("w", "score", {"method": "mean", "collect": {"value": NUMBER}, "weight": "students"}),
            indicator("m", "score", {"method": "mean", "collect": {"value": NUMBER}}),
        ]
    )
    returns = [
        ret(code, {"w": {"value": v}, "m": {"value": v}}) for code, v in [("1001", 40), ("1002", 70), ("1003", 55)]
    ]
    result = roll_up(plan, returns, 2567)
    # students 1200, 100, 400: (1200x40 + 100x70 + 400x55) / 1700 = 77000 / 1700
    assert result.figures[0].total.value == Decimal(77000) / Decimal(1700)
    assert result.figures[1].total.value == Decimal(55)  # (40 + 70 + 55) / 3


def test_a_weighted_mean_leaves_out_a_unit_without_students() -> None:
    units = [
        {"code": "1001", "name": "ก", "parent": "52010000", "students": 10},
        {"code": "1002", "name": "ข", "parent": "52010000"},
    ]
    plan = plan_with(
        [indicator("w", "score", {"method": "mean", "collect": {"value": NUMBER}, "weight": "students"})], units
    )
    result = roll_up(plan, [ret("1001", {"w": {"value": 5}}), ret("1002", {"w": {"value": 9}})], 2567)
    total = result.figures[0].total
    assert total.value == Decimal(5) and [u.code for u in total.left_out] == ["1002"]
    assert [f.code for f in result.findings] == ["RU16"]


def test_sum_count_and_zero_is_not_no_data() -> None:
    plan = plan_with(
        [
            indicator("sum", "count", {"method": "sum", "collect": {"value": NUMBER}}),
            indicator("cnt", "count", {"method": "count", "collect": {"value": NUMBER}}),
        ]
    )
    zeros = roll_up(plan, [ret("1001", {"sum": {"value": 0}, "cnt": {"value": 0}})], 2567)
    assert zeros.figures[0].total.value == Decimal(0)  # one school counted 0: the figure is 0
    assert zeros.figures[1].total.value == Decimal(1)  # a count of reporting units without a condition
    nothing = roll_up(plan, [ret("1001", {"sum": {"value": None}})], 2567)
    assert nothing.figures[0].total.value is None  # no data said: no figure, not 0
    assert nothing.figures[1].total.value is None  # nobody answered
    assert nothing.figures[0].total.sent == 1 and nothing.figures[0].total.reported == 0


def test_latest_is_the_value_received_last_and_list_keeps_register_order() -> None:
    text = {"label": "สิ่งที่ทำ", "text": True}
    plan = plan_with(
        [
            indicator("last", "score", {"method": "latest", "collect": {"value": NUMBER}}),
            {"id": "words", "kind": "qualitative", "rollup": {"method": "list", "collect": {"value": text}}},
        ]
    )
    returns = [
        ret("1003", {"last": {"value": 7}, "words": {"value": "ค่ายวิชาการ"}}, received=dt.date(2567, 9, 1)),
        ret("1001", {"last": {"value": 9}, "words": {"value": "ชุมนุมหุ่นยนต์"}}, received=dt.date(2567, 9, 3)),
        ret("1002", {"last": {"value": 4}}),  # no date: older than any dated return
    ]
    result = roll_up(plan, returns, 2567)
    assert result.figures[0].total.value == Decimal(9)
    assert result.figures[1].total.value == (("1001", "ชุมนุมหุ่นยนต์"), ("1003", "ค่ายวิชาการ"))


def test_a_ratio_whose_denominators_add_up_to_zero_has_no_value() -> None:
    plan = plan_with([indicator("r", "percent", {"method": "ratio", "collect": RATIO})])
    result = roll_up(plan, [ret("1001", {"r": {"numerator": 0, "denominator": 0}})], 2567)
    assert result.figures[0].total.value is None and [f.code for f in result.findings] == ["RU15"]


def test_rounding_is_half_away_from_zero() -> None:
    assert rounded(Decimal("86.265"), 2) == Decimal("86.27")
    assert str(rounded(Decimal("80.000"), 2)) == "80" and str(rounded(Decimal("2") / 3 * 100, 1)) == "66.7"
