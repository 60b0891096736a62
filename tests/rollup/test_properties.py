"""Properties of the roll-up over generated registers and returns (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from eduplan.rollup.engine import roll_up
from eduplan.rollup.records import UnitReturn
from tests.rollup.build import plan_with, ret, school

RATIO = {"numerator": {"label": "ผ่าน", "unit": "คน"}, "denominator": {"label": "ทั้งหมด", "unit": "คน"}}
PLAN_INDICATORS = [
    {"id": "r", "kind": "percent", "unit": "ร้อยละ", "rollup": {"method": "ratio", "collect": RATIO}},
    {
        "id": "s",
        "kind": "percent",
        "unit": "ร้อยละ",
        "rollup": {
            "method": "share",
            "collect": {"value": {"label": "ค่า", "unit": "คะแนน"}},
            "condition": {"at_least": 50},
        },
    },
]

# a unit: (closed before the year?, its answer: None = no return, "nodata", or (numerator, denominator))
answers = st.one_of(
    st.none(),
    st.just("nodata"),
    st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda p: (min(p), max(p))),
)
units = st.lists(st.tuples(st.booleans(), answers, st.booleans()), min_size=1, max_size=25)
"""Each unit: closed before the year, what it answered, and whether it (wrongly) returned twice."""


def _case(drawn: list[tuple[bool, object, bool]]) -> tuple[list[dict[str, object]], list[UnitReturn]]:
    register = [
        school(str(1000 + n), closed="2560-01-01" if closed else None) for n, (closed, _a, _t) in enumerate(drawn)
    ]
    returns = []
    for n, (_closed, answer, twice) in enumerate(drawn):
        code = str(1000 + n)
        if answer is None:
            continue
        if answer == "nodata":
            one = ret(code, {"r": {"numerator": None, "denominator": None}, "s": {"value": None}})
        else:
            num, den = answer
            one = ret(code, {"r": {"numerator": num, "denominator": den}, "s": {"value": num}})
        returns += [one, one] if twice else [one]
    returns.append(ret("77777", {"r": {"numerator": 1, "denominator": 1}}))  # never in the register
    return [{k: v for k, v in u.items() if v is not None} for u in register], returns


@settings(max_examples=60, deadline=None)
@given(units)
def test_the_ratio_is_the_pooled_percentage_of_the_units_that_count(drawn: list[tuple[bool, object, bool]]) -> None:
    register, returns = _case(drawn)
    total = roll_up(plan_with(list(PLAN_INDICATORS), register), returns, 2567).figures[0].total
    counted = [a for closed, a, twice in drawn if not closed and not twice and isinstance(a, tuple)]
    numerators, denominators = sum(a[0] for a in counted), sum(a[1] for a in counted)
    if not counted or denominators == 0:
        assert total.value is None
    else:
        assert (total.numerator, total.denominator) == (numerators, denominators)  # exact sums
        # the quotient to Decimal's 28 digits
        assert abs(Fraction(total.value) - Fraction(numerators * 100, denominators)) < Fraction(1, 10**24)
    assert total.reported == len(counted)


@settings(max_examples=60, deadline=None)
@given(units)
def test_coverage_is_never_above_100(drawn: list[tuple[bool, object, bool]]) -> None:
    register, returns = _case(drawn)
    for rolled in roll_up(plan_with(list(PLAN_INDICATORS), register), returns, 2567).figures:
        figures = [rolled.total, *(f for groups in rolled.breakdown.values() for _g, f in groups)]
        for figure in figures:
            assert figure.reported <= figure.sent <= len(figure.expected)
            assert figure.coverage is None or Decimal(0) <= figure.coverage <= Decimal(100)


@settings(max_examples=40, deadline=None)
@given(units, st.randoms(use_true_random=False))
def test_the_order_of_the_returns_changes_nothing(drawn: list[tuple[bool, object, bool]], random: object) -> None:
    register, returns = _case(drawn)
    plan = plan_with(list(PLAN_INDICATORS), register)
    shuffled = list(returns)
    random.shuffle(shuffled)
    one, two = roll_up(plan, returns, 2567), roll_up(plan, shuffled, 2567)
    for a, b in zip(one.figures, two.figures, strict=True):
        assert (a.total.value, a.total.numerator, a.total.denominator) == (
            b.total.value,
            b.total.numerator,
            b.total.denominator,
        )
        assert [u.code for u in a.total.missing] == [u.code for u in b.total.missing]
        assert a.breakdown == b.breakdown
    assert sorted(f.code for f in one.findings) == sorted(f.code for f in two.findings)
