"""Thai conventions: Buddhist-Era years, fiscal years and quarters, digits, numbers and money."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.words.thai import (
    be_year,
    fiscal_quarters,
    fiscal_year,
    fiscal_year_span,
    format_date,
    format_money,
    format_months,
    format_number,
    format_range,
    with_digits,
)


@pytest.mark.parametrize(
    ("date", "fy"),
    [
        (dt.date(2023, 9, 30), 2566),  # last day of FY2566
        (dt.date(2023, 10, 1), 2567),  # FY2567 starts on 1 October 2566 BE
        (dt.date(2024, 1, 1), 2567),
        (dt.date(2024, 9, 30), 2567),
    ],
)
def test_fiscal_year_is_named_by_the_be_year_in_which_it_ends(date, fy):
    assert fiscal_year(date) == fy


def test_be_year_is_ce_plus_543():
    assert be_year(dt.date(2024, 5, 1)) == 2567


def test_fiscal_year_span_and_quarters():
    assert fiscal_year_span(2567) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))
    quarters = fiscal_quarters(2567)
    assert [q for q, _, _ in quarters] == [1, 2, 3, 4]
    assert quarters[0][1:] == (dt.date(2023, 10, 1), dt.date(2023, 12, 31))  # Q1 = Oct-Dec of 2566 BE
    assert quarters[3][1:] == (dt.date(2024, 7, 1), dt.date(2024, 9, 30))
    # the quarters cover the fiscal year day by day, without gaps
    for (_, _, end), (_, start, _) in zip(quarters, quarters[1:], strict=False):
        assert start - end == dt.timedelta(days=1)


def test_thai_digits_change_only_arabic_digits():
    assert with_digits("ปี 2567: 80.5%", "thai") == "ปี ๒๕๖๗: ๘๐.๕%"
    assert with_digits("ปี 2567", "arabic") == "ปี 2567"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (80, "80"),
        (80.5, "80.5"),
        (1250, "1,250"),
        (1250000, "1,250,000"),
        (0.8, "0.8"),
        (-12.5, "-12.5"),
        (-0.5, "-0.5"),
        (80.0, "80.0"),
        (1e16, "10,000,000,000,000,000"),
    ],
)
def test_numbers_keep_how_they_were_written(value, text):
    assert format_number(value, "arabic") == text


def test_numbers_in_thai_digits():
    assert format_number(1250.5, "thai") == "๑,๒๕๐.๕"


def test_ranges():
    assert format_range(70, 80, "arabic") == "70–80"
    assert format_range(70, None, "arabic") == "≥ 70"
    assert format_range(None, 80, "thai") == "≤ ๘๐"


def test_money_shows_satang_only_when_there_are_some():
    assert format_money(1250000, "arabic") == "1,250,000"
    assert format_money(1250.5, "arabic") == "1,250.50"
    assert format_money(500000.0, "thai") == "๕๐๐,๐๐๐"


def test_dates_use_the_buddhist_era():
    day = dt.date(2023, 10, 1)
    assert format_date(day, "th", "arabic") == "1 ตุลาคม 2566"
    assert format_date(day, "th", "thai", short=True) == "๑ ต.ค. ๒๕๖๖"
    assert format_date(day, "en", "arabic") == "1 October B.E. 2566"
    assert format_months(day, dt.date(2023, 12, 31), "th", "arabic") == "ต.ค.–ธ.ค. 2566"
