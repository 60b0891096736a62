"""Status per indicator and year: every direction, ranges, levels, missing data, counts.

``compare(target, actual, direction, levels, tolerance)`` is the whole rule; the other tests
build small plans and check what ``year_status`` makes of them.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.analysis.status import Counts, Status, compare, indicator_status, plan_status, year_status
from eduplan.load.loader import load_plan
from eduplan.model import Indicator, Plan, Range, Report
from tests.conftest import REPO

A, N, C = Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NOT_COMPARABLE
SCALE = ["ปรับปรุง", "พอใช้", "ดี", "ดีมาก"]  # worst -> best


# -- compare: numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "actual", "status", "reason", "margin"),
    [
        ("higher-is-better", 82, A, "82 >= 80 (higher is better)", 2),
        ("higher-is-better", 80, A, "80 >= 80 (higher is better)", 0),
        ("higher-is-better", 79.5, N, "79.5 < 80 (higher is better)", -0.5),
        ("lower-is-better", 78, A, "78 <= 80 (lower is better)", 2),
        ("lower-is-better", 80, A, "80 <= 80 (lower is better)", 0),
        ("lower-is-better", 81, N, "81 > 80 (lower is better)", -1),
        ("maintain", 80, A, "80 = 80 (maintain)", 0),
        ("maintain", 81, N, "81 != 80 (maintain)", -1),
        ("maintain", 79, N, "79 != 80 (maintain)", -1),
    ],
)
def test_numbers_in_every_direction(direction, actual, status, reason, margin):
    result = compare(80, actual, direction)
    assert (result.status, result.reason, result.margin) == (status, reason, margin)


def test_maintain_with_a_tolerance():
    assert compare(80, 81.5, "maintain", tolerance=2).status is A
    assert compare(80, 81.5, "maintain", tolerance=2).reason == "81.5 is within 2 of 80 (maintain)"
    assert compare(80, 78, "maintain", tolerance=2).status is A  # both sides, bounds included
    assert compare(80, 77.9, "maintain", tolerance=2).reason == "77.9 is more than 2 of 80 (maintain)"
    assert compare(80, 77.9, "maintain", tolerance=2).status is N


def test_tolerance_only_widens_maintain():
    assert compare(80, 79, "higher-is-better", tolerance=5).status is N
    assert compare(80, 81, "lower-is-better", tolerance=5).status is N


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        compare(80, 80, "maintain", tolerance=-1)


# -- compare: ranges ----------------------------------------------------------------------------

RANGE = Range(min=70, max=80)


@pytest.mark.parametrize(
    ("direction", "actual", "status"),
    [
        ("higher-is-better", 69, N),
        ("higher-is-better", 70, A),
        ("higher-is-better", 95, A),  # above the range is even better
        ("lower-is-better", 50, A),
        ("lower-is-better", 80, A),
        ("lower-is-better", 81, N),
        ("maintain", 69.9, N),
        ("maintain", 70, A),
        ("maintain", 80, A),
        ("maintain", 80.1, N),
    ],
)
def test_ranges_in_every_direction(direction, actual, status):
    assert compare(RANGE, actual, direction).status is status


def test_range_reason_and_margin():
    result = compare(RANGE, 68, "maintain")
    assert result.reason == "68 misses the range 70..80 (maintain)"
    assert result.margin == -2
    assert compare(RANGE, 75, "maintain").margin == 5  # distance to the nearer bound


def test_a_range_with_one_bound_is_open_on_the_other_side():
    at_least = Range(min=70)
    assert compare(at_least, 1000, "maintain").status is A
    assert compare(at_least, 69, "maintain").status is N
    assert compare(at_least, 1000, "maintain").margin == 930
    at_most = Range(max=5)
    assert compare(at_most, -3, "maintain").status is A
    assert compare(at_most, 6, "lower-is-better").reason == "6 misses the range ..5 (lower is better)"


def test_maintain_range_widened_by_the_tolerance():
    assert compare(RANGE, 81, "maintain", tolerance=1).status is A
    assert compare(RANGE, 81, "maintain", tolerance=1).reason == "81 reaches the range 70..80 (maintain, widened by 1)"
    assert compare(RANGE, 68.5, "maintain", tolerance=1).status is N


# -- compare: levels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "actual", "status", "margin"),
    [
        ("higher-is-better", "ดีมาก", A, 1),
        ("higher-is-better", "ดี", A, 0),
        ("higher-is-better", "พอใช้", N, -1),
        ("lower-is-better", "ดีมาก", A, 1),  # the scale says what is better
        ("lower-is-better", "ปรับปรุง", N, -2),
        ("maintain", "ดี", A, 0),
        ("maintain", "ดีมาก", N, -1),
    ],
)
def test_levels_on_a_scale(direction, actual, status, margin):
    result = compare("ดี", actual, direction, SCALE)
    assert (result.status, result.margin, result.by_equality) == (status, margin, False)


def test_level_reason_names_the_scale():
    assert compare("ดี", "พอใช้", "higher-is-better", SCALE).reason == (
        "พอใช้ is below ดี on the scale ปรับปรุง < พอใช้ < ดี < ดีมาก"
    )


def test_levels_without_a_scale_are_compared_for_equality_and_say_so():
    same = compare("ดีมาก", "ดีมาก")
    other = compare("ดีมาก", "ดีเยี่ยม")  # maybe better, but without a scale nobody can tell
    assert (same.status, same.by_equality, same.margin) == (A, True, None)
    assert (other.status, other.by_equality) == (N, True)
    assert other.reason == "ดีเยี่ยม is not ดีมาก (compared by equality: the indicator gives no scale of levels)"


@pytest.mark.parametrize(
    ("target", "actual", "reason"),
    [
        ("ดี", "ดีเยี่ยม", "the actual ดีเยี่ยม is not on the indicator's scale (ปรับปรุง, พอใช้, ดี, ดีมาก)"),
        ("เยี่ยม", "ดี", "the target เยี่ยม is not on the indicator's scale (ปรับปรุง, พอใช้, ดี, ดีมาก)"),
        (80, "ดี", "the actual ดี and the target 80 are not of the same kind (a level and a number)"),
        ("ดี", 3, "the actual 3 and the target ดี are not of the same kind (a level and a number)"),
        (80, Range(min=70, max=90), "the actual is a range (70..90), not a value"),
    ],
)
def test_values_that_cannot_be_compared(target, actual, reason):
    result = compare(target, actual, "higher-is-better", SCALE)
    assert (result.status, result.reason, result.margin) == (C, reason, None)


# -- compare: properties ------------------------------------------------------------------------

numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
steps = st.floats(min_value=0, max_value=1e6, allow_nan=False)
targets = st.one_of(
    numbers,
    st.builds(lambda a, b: Range(min=min(a, b), max=max(a, b)), numbers, numbers),
    st.builds(lambda a: Range(min=a), numbers),
    st.builds(lambda a: Range(max=a), numbers),
)


@given(targets, numbers, steps)
def test_raising_the_actual_never_loses_a_higher_is_better_target(target, actual, raise_by):
    before = compare(target, actual, "higher-is-better")
    after = compare(target, actual + raise_by, "higher-is-better")
    assert not (before.status is A and after.status is N)


@given(targets, numbers, steps)
def test_lowering_the_actual_never_loses_a_lower_is_better_target(target, actual, lower_by):
    before = compare(target, actual, "lower-is-better")
    after = compare(target, actual - lower_by, "lower-is-better")
    assert not (before.status is A and after.status is N)


@given(targets, numbers, steps, steps)
def test_a_wider_tolerance_never_loses_a_maintain_target(target, actual, tolerance, more):
    before = compare(target, actual, "maintain", tolerance=tolerance)
    after = compare(target, actual, "maintain", tolerance=tolerance + more)
    assert not (before.status is A and after.status is N)


@given(targets, numbers, st.sampled_from(["higher-is-better", "lower-is-better", "maintain"]))
def test_status_agrees_with_the_sign_of_the_margin(target, actual, direction):
    result = compare(target, actual, direction)
    assert result.status in (A, N)
    if result.margin is not None:
        assert (result.margin >= 0) == (result.status is A)
        assert math.isfinite(result.margin)


@given(st.sampled_from(SCALE), st.integers(0, 3), st.integers(0, 3))
def test_a_better_level_never_loses_a_level_target(target, actual_step, better_by):
    worse = SCALE[actual_step]
    better = SCALE[min(3, actual_step + better_by)]
    before = compare(target, worse, "higher-is-better", SCALE)
    after = compare(target, better, "higher-is-better", SCALE)
    assert not (before.status is A and after.status is N)


# -- one indicator in one year ------------------------------------------------------------------


def indicator(**fields) -> Indicator:
    base = {"id": "i1", "number": "1", "name": "ร้อยละของนักเรียน", "kind": "percent", "targets": {2567: 80}}
    return Indicator.model_validate(base | fields)


def report(*actuals: dict, year: int = 2567) -> Report:
    return Report.model_validate({"fiscal_year": year, "actuals": list(actuals)})


def test_no_target_for_the_year_is_not_due_even_with_an_actual():
    status = indicator_status(indicator(targets={2566: 80}), 2567, report({"indicator": "i1", "value": 90}))
    assert status.status is Status.NOT_DUE
    assert status.reason == "no target for 2567 (the report gives an actual anyway)"
    assert status.actual == 90


def test_no_report_yet_is_not_due():
    status = indicator_status(indicator(), 2567, None)
    assert (status.status, status.reason, status.target, status.report_index) == (
        Status.NOT_DUE,
        "no report for 2567 yet",
        80,
        None,
    )


def test_an_indicator_the_report_does_not_mention_has_no_data():
    status = indicator_status(indicator(), 2567, report({"indicator": "other", "value": 1}), report_index=0)
    assert status.status is Status.NO_DATA
    assert status.reason == "the report for 2567 does not mention the indicator"
    assert (status.report_index, status.actual_index) == (0, None)


def test_no_data_with_a_reason():
    status = indicator_status(indicator(), 2567, report({"indicator": "i1", "no_data": "ยังไม่ประกาศผลสอบ"}))
    assert (status.status, status.reason, status.no_data_reason) == (
        Status.NO_DATA,
        "no data: ยังไม่ประกาศผลสอบ",
        "ยังไม่ประกาศผลสอบ",
    )


def test_an_actual_without_value_or_reason_has_no_data():
    status = indicator_status(indicator(), 2567, report({"indicator": "i1", "note": "รอข้อมูล"}))
    assert (status.status, status.reason) == (Status.NO_DATA, "the report gives no value and no reason")


def test_the_first_of_two_actuals_counts():
    status = indicator_status(
        indicator(),
        2567,
        report({"indicator": "x", "value": 1}, {"indicator": "i1", "value": 85}, {"indicator": "i1", "value": 10}),
    )
    assert (status.status, status.actual, status.actual_index, status.margin) == (A, 85, 1, 5)


def test_an_indicator_uses_its_own_direction_and_scale():
    dropout = indicator(direction="lower-is-better", targets={2567: 2})
    assert indicator_status(dropout, 2567, report({"indicator": "i1", "value": 1.5})).status is A
    level = indicator(kind="level", levels=SCALE, targets={2567: "ดี"})
    assert indicator_status(level, 2567, report({"indicator": "i1", "value": "ดีมาก"})).status is A


def test_maintain_tolerance_reaches_the_indicator():
    ratio = indicator(direction="maintain", targets={2567: 20})
    actual = report({"indicator": "i1", "value": 21})
    assert indicator_status(ratio, 2567, actual).status is N
    assert indicator_status(ratio, 2567, actual, tolerance=1).status is A


# -- a whole year: counts per policy and overall -----------------------------------------------


def plan_of(policies: list[dict], reports: list[dict]) -> Plan:
    """A plan of 2566-2568 with these policies and reports."""
    head = {
        "id": "demo",
        "title": "แผนทดสอบ",
        "office": {"name": "สำนักงานทดสอบ"},
        "period": {"start": 2566, "end": 2568},
    }
    return Plan.model_validate(head | {"policies": policies, "reports": reports})


def small_plan(reports: list[dict]) -> Plan:
    def ind(n: int, **fields) -> dict:
        return {"id": f"i{n}", "number": str(n), "name": f"ตัวชี้วัด {n}", "kind": "percent"} | fields

    first = [ind(1, targets={2566: 70, 2567: 80}), ind(2, targets={2567: 80}), ind(3, targets={2567: 80})]
    second = [
        ind(4, kind="level", targets={2567: "ดี"}, levels=SCALE),
        ind(5, targets={2568: 5}, direction="lower-is-better"),
    ]
    return plan_of(
        [
            {"id": "p1", "number": "1", "title": "นโยบาย 1", "indicators": first},
            {"id": "p2", "number": "2", "title": "นโยบาย 2", "indicators": second},
        ],
        reports,
    )


REPORT_2567 = {
    "fiscal_year": 2567,
    "actuals": [
        {"indicator": "i1", "value": 85},
        {"indicator": "i2", "value": 60},
        {"indicator": "i4", "value": "ดีเยี่ยม"},
        {"indicator": "ghost", "value": 1},
    ],
}


def test_year_status_counts_per_policy_and_overall():
    year = year_status(small_plan([REPORT_2567]), 2567)
    assert year.reported
    assert [s.status for s in year.indicators] == [A, N, Status.NO_DATA, C, Status.NOT_DUE]
    p1, p2 = year.policies
    assert (p1.policy, p1.counts) == ("p1", Counts(achieved=1, not_achieved=1, no_data=1))
    assert (p2.policy, p2.counts) == ("p2", Counts(not_comparable=1, not_due=1))
    assert year.counts == Counts(achieved=1, not_achieved=1, no_data=1, not_comparable=1, not_due=1)
    assert (year.counts.total, year.counts.due, year.counts.with_data) == (5, 4, 2)
    assert year.counts.share_achieved == 0.5
    assert year.unknown_actuals == ("ghost",)
    assert {s.policy for s in p2.indicators} == {"p2"}


def test_share_achieved_is_none_when_nothing_could_be_judged():
    year = year_status(small_plan([]), 2567)
    assert not year.reported
    assert year.counts == Counts(not_due=5)
    assert year.counts.share_achieved is None


def test_plan_status_covers_the_period_and_every_reported_year():
    years = plan_status(small_plan([REPORT_2567, {"fiscal_year": 2571}]))
    assert [y.year for y in years] == [2566, 2567, 2568, 2571]
    assert [y.reported for y in years] == [False, True, False, True]
    assert [y.year for y in plan_status(small_plan([]), years=[2567])] == [2567]


# -- change targets: "เพิ่มขึ้นร้อยละ 3" is counted from the year before, or from the baseline ---------


def test_a_change_counts_from_the_previous_target_and_the_first_year_from_the_baseline():
    rising = indicator(
        baseline={"year": 2565, "value": 80},
        targets={2566: "เพิ่มขึ้นร้อยละ 3", 2567: {"increase": 3}, 2568: 90, 2569: "เพิ่มขึ้นร้อยละ 2"},
    )
    first = indicator_status(rising, 2566, report({"indicator": "i1", "value": 83}, year=2566))
    assert (first.status, first.resolved_target, first.margin) == (A, 83, 0)
    assert first.reason == "83 >= 83 (higher is better); the target 'เพิ่มขึ้นร้อยละ 3' is the baseline (80) + 3 = 83"
    second = indicator_status(rising, 2567, report({"indicator": "i1", "value": 85}))
    assert (second.status, second.resolved_target, second.target_how) == (N, 86, "the target for 2566 (83) + 3 = 86")
    assert second.target.increase == 3  # the target as written stays in the status, for display
    after_a_number = indicator_status(rising, 2569, report({"indicator": "i1", "value": 92}, year=2569))
    assert (after_a_number.status, after_a_number.resolved_target) == (A, 92)


def test_a_decrease_from_the_baseline_on_a_lower_is_better_indicator():
    dropout = indicator(
        direction="lower-is-better", baseline={"year": "ปี 64/65", "value": 2.5}, targets={2567: "ลดลง 0.5 จากปีฐาน"}
    )
    status = indicator_status(dropout, 2567, report({"indicator": "i1", "value": 1.8}))
    assert (status.status, status.resolved_target) == (A, 2)
    assert status.target_how == "the baseline (2.5) - 0.5 = 2"


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"targets": {2567: "เพิ่มขึ้นร้อยละ 3"}}, "it is counted from the baseline, and the indicator has none"),
        (
            {"baseline": "n/a", "targets": {2567: "เพิ่มขึ้นร้อยละ 3"}},
            "it is counted from the baseline, which has no value (n/a)",
        ),
        (
            {"baseline": 70, "targets": {2565: 75, 2567: "เพิ่มขึ้นร้อยละ 3"}},
            "it is counted from the target for 2566, and 2566 has none",
        ),
        (
            {"kind": "level", "targets": {2566: "ดี", 2567: {"increase": 1}}},
            "the target for 2566 is ดี, not a number a change can be counted from",
        ),
        (
            {"targets": {2566: "เพิ่มขึ้นร้อยละ 3", 2567: "เพิ่มขึ้นร้อยละ 3"}},
            "it is counted from the target for 2566, and it is counted from the baseline, and the indicator has none",
        ),
    ],
)
def test_a_change_with_nothing_to_count_from_is_not_comparable_never_not_achieved(fields, why):
    status = indicator_status(indicator(**fields), 2567, report({"indicator": "i1", "value": 0}))
    assert (status.status, status.resolved_target, status.target_how) == (C, None, why)
    assert status.reason.endswith(f"cannot be resolved: {why}")


@given(st.lists(st.sampled_from(["เพิ่มขึ้นร้อยละ 3", "ลดลง 2", 80, None]), min_size=1, max_size=5), numbers)
def test_a_change_target_is_resolved_or_not_comparable(cells, actual):
    targets = {2566 + n: cell for n, cell in enumerate(cells) if cell is not None}
    last = 2566 + len(cells) - 1
    status = indicator_status(indicator(targets=targets), last, report({"indicator": "i1", "value": actual}, year=last))
    if last not in targets:
        assert status.status is Status.NOT_DUE
    elif status.resolved_target is None:  # no baseline: a change with nothing before it cannot be judged
        assert status.status is C
    else:
        assert status.status is (A if actual >= status.resolved_target else N)


def test_a_cumulative_indicator_compares_running_totals():
    schools = indicator(kind="count", cumulative=True, targets={2566: 10, 2567: 25})
    status = indicator_status(schools, 2567, report({"indicator": "i1", "value": 26}))
    assert (status.status, status.cumulative) == (A, True)
    assert status.reason == "26 >= 25 (higher is better); running totals (cumulative)"


# -- sub-indicators: one indicator with its parts ------------------------------------------------


def grouped(**fields) -> Indicator:
    parts = [
        {"id": f"i1-{n}", "number": f"1.{n}", "name": f"ตัวชี้วัดย่อย {n}", "kind": "percent", "targets": {2567: 80}}
        for n in (1, 2, 3)
    ]
    return indicator(**({"kind": None, "targets": {}, "indicators": parts} | fields))


@pytest.mark.parametrize(
    ("values", "status", "reason"),
    [
        ((90, 80, 85), A, "all 3 parts achieved"),
        ((90, 70, None), Status.PARTLY, "1 of its 3 parts achieved, 1 not achieved, 1 without data"),
        ((70, 60, 79), N, "none of its 3 parts achieved"),
        ((None, None, None), Status.NO_DATA, "none of its 3 parts was measured"),
        ((90, "ดี", None), Status.PARTLY, "1 of its 3 parts achieved, 1 without data, 1 not comparable"),
        ((70, "ดี", None), N, "none of its 3 parts achieved (1 without data, 1 not comparable)"),
    ],
)
def test_a_group_without_its_own_value_takes_its_status_from_its_parts(values, status, reason):
    actuals = [{"indicator": f"i1-{n}", "value": v} for n, v in zip((1, 2, 3), values, strict=True) if v is not None]
    result = indicator_status(grouped(), 2567, report(*actuals))
    assert (result.status, result.reason, result.from_parts) == (status, reason, True)
    assert [p.indicator for p in result.parts] == ["i1-1", "i1-2", "i1-3"]
    assert [p.path for p in result.parts] == [("indicators", n) for n in range(3)]


def test_a_part_without_a_target_this_year_is_left_out_of_its_parents_status():
    parent = grouped()
    parts = [parent.indicators[0], parent.indicators[1].model_copy(update={"targets": {2568: 80}})]
    result = indicator_status(
        parent.model_copy(update={"indicators": parts}), 2567, report({"indicator": "i1-1", "value": 85})
    )
    assert (result.status, result.reason) == (A, "every part due this year achieved (1 of 2 parts)")


def test_a_groups_own_value_decides_and_its_parts_are_still_judged():
    result = indicator_status(
        grouped(kind="percent", targets={2567: 75}),
        2567,
        report({"indicator": "i1", "value": 76}, {"indicator": "i1-1", "value": 10}),
    )
    assert (result.status, result.from_parts) == (A, False)
    assert [p.status for p in result.parts] == [N, Status.NO_DATA, Status.NO_DATA]


# -- nested policies, standards, academic years -------------------------------------------------

SCHOOL = {
    "id": "school",
    "title": "แผนพัฒนาคุณภาพการศึกษา",
    "office": {"name": "โรงเรียนทดสอบ", "kind": "school"},
    "period": {"start": 2566, "end": 2570, "year": "academic"},
    "standards": [
        {
            "id": "s1",
            "number": "1",
            "name": "คุณภาพของผู้เรียน",
            "kind": "level",
            "levels": ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"],
            "targets": {2567: "ดีเลิศ"},
            "indicators": [
                {"id": "s1-1", "number": "1.1", "name": "ผลสัมฤทธิ์ทางวิชาการ", "kind": "level", "targets": {2567: "ดีเลิศ"}},
                {
                    "id": "s1-2",
                    "number": "1.2",
                    "name": "คุณลักษณะที่พึงประสงค์",
                    "kind": "level",
                    "targets": {2567: "ยอดเยี่ยม"},
                },
            ],
        },
        {
            "id": "s2",
            "number": "2",
            "name": "กระบวนการบริหารและการจัดการ",
            "kind": "level",
            "levels": ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"],
            "targets": {2567: "ยอดเยี่ยม"},
        },
    ],
    "reports": [
        {
            "academic_year": 2567,
            "title": "รายงานการประเมินตนเอง (SAR) ปีการศึกษา 2567",
            "actuals": [
                {"indicator": "s1", "value": "ยอดเยี่ยม", "score": 4.62},
                {"indicator": "s1-1", "value": "ดีเลิศ"},
                {"indicator": "s1-2", "value": "ดีเลิศ"},
                {"indicator": "s2", "value": "ดีเลิศ", "score": 4.1},
            ],
        }
    ],
}


def test_a_school_whose_sar_says_it_met_its_goal_is_not_half_achieved():
    year = year_status(Plan.model_validate(SCHOOL), 2567)
    s1, s2 = year.standards
    assert (s1.status, s1.actual, s1.score, s1.from_parts) == (A, "ยอดเยี่ยม", 4.62, False)
    assert [(p.indicator, p.status) for p in s1.parts] == [("s1-1", A), ("s1-2", N)]  # items keep their own
    assert s1.parts[0].levels == s1.levels  # items use their standard's scale
    assert s1.parts[1].reason == "ดีเลิศ is below ยอดเยี่ยม on the scale กำลังพัฒนา < ปานกลาง < ดี < ดีเลิศ < ยอดเยี่ยม"
    assert (s2.status, s2.score) == (N, 4.1)
    assert year.counts == Counts(achieved=1, not_achieved=1)  # two standards, not two plus their items
    assert (year.reported, year.year_kind, year.unknown_actuals) == (True, "academic", ())
    assert [s.indicator for s in year.indicators] == ["s1", "s2"]


def test_policies_of_any_depth_hold_their_statuses_and_count_up():
    plan = small_plan([REPORT_2567]).model_dump(exclude_defaults=True)
    first, second = plan["policies"]
    plan["policies"] = [{"id": "top", "number": "1", "title": "ประเด็นยุทธศาสตร์", "policies": [first, second]}]
    year = year_status(Plan.model_validate(plan), 2567)
    (top,) = year.policies
    assert (top.policy, top.depth, top.indicators) == ("top", 1, ())
    assert [(p.policy, p.depth, p.path) for p in top.policies] == [
        ("p1", 2, ("policies", 0, "policies", 0)),
        ("p2", 2, ("policies", 0, "policies", 1)),
    ]
    assert top.counts == year.counts == Counts(achieved=1, not_achieved=1, no_data=1, not_comparable=1, not_due=1)
    assert [p.policy for p in year.every_policy] == ["top", "p1", "p2"]
    assert [s.indicator for s in year.indicators] == ["i1", "i2", "i3", "i4", "i5"]
    assert year.unknown_actuals == ("ghost",)


# -- the examples: an office's two-level plan, a school's SARs ----------------------------------


def test_the_office_examples_year_counts_a_group_once_and_resolves_its_relative_targets():
    plan = load_plan(REPO / "docs" / "examples" / "office-strategic" / "2566-2570").plan
    year = year_status(plan, 2567)
    assert year.counts == Counts(achieved=11, not_achieved=2, no_data=1, partly=1)  # 15 indicators, not 18
    by_id = {s.indicator: s for s in year.indicators}
    group = by_id["p2-1-i1"]  # RT ป.1, NT ป.3 คณิต, NT ป.3 ไทย
    assert (group.status, group.reason) == (Status.PARTLY, "2 of its 3 parts achieved, 1 not achieved")
    assert by_id["p2-i1"].target_how == "the target for 2566 (64.27) + 3 = 67.27"  # 61.27 + 3 + 3
    assert [p.policy for p in year.every_policy] == ["p1", "p1-1", "p1-2", "p2", "p2-1", "p2-2", "p3", "p3-1", "p3-2"]


def test_the_schools_sars_are_read_by_academic_year():
    plan = load_plan(REPO / "docs" / "examples" / "school-standards").plan
    first, second = (year_status(plan, y) for y in (2567, 2568))
    assert (first.year_kind, first.reported, second.reported) == ("academic", True, True)
    assert [(s.indicator, s.status, s.score) for s in first.standards] == [
        ("std1", A, 4.24),
        ("std2", A, 4.42),
        ("std3", A, 3.9),
    ]
    assert first.standard_counts == Counts(achieved=3)


def test_a_result_reported_as_a_change_counts_from_the_year_before():
    reading = {
        "id": "i1",
        "number": "1",
        "name": "ร้อยละของนักเรียนที่อ่านออก",
        "kind": "percent",
        "baseline": {"year": 2565, "value": 68},
        "targets": {2566: 70, 2567: 72, 2568: 74},
    }
    plan = plan_of(
        [{"id": "p1", "number": "1", "title": "นโยบาย 1", "indicators": [reading]}],
        [
            {"fiscal_year": 2566, "actuals": [{"indicator": "i1", "value": "เพิ่มขึ้นร้อยละ 1"}]},
            {"fiscal_year": 2567, "actuals": [{"indicator": "i1", "value": 70}]},
            {"fiscal_year": 2568, "actuals": [{"indicator": "i1", "value": "เพิ่มขึ้นร้อยละ 3"}]},
        ],
    )
    first, _, third = (year_status(plan, y).indicators[0] for y in (2566, 2567, 2568))
    assert (first.status, first.resolved_actual) == (N, 69)  # the baseline of 2565 (68) + 1 = 69 < 70
    assert first.actual_how == "the baseline (68) + 1 = 69"
    assert (third.status, third.resolved_actual) == (N, 73)  # the result for 2567 (70) + 3 = 73 < 74
    assert third.reason == (
        "73 < 74 (higher is better); the result 'เพิ่มขึ้นร้อยละ 3' is the result for 2567 (70) + 3 = 73"
    )
    alone = indicator_status(plan.policies[0].indicators[0], 2568, plan.reports[2])  # no report of 2567 given
    assert (alone.status, alone.resolved_actual) == (C, None)
    assert alone.reason == (
        "the result 'เพิ่มขึ้นร้อยละ 3' cannot be counted: it is counted from the result for 2567, which no report gives"
    )
