"""Dates typed as text the Thai way (วัน/เดือน/ปี พ.ศ., month names, Thai digits) read as the right date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.words.thai import MONTHS, MONTHS_SHORT, format_date, with_digits
from eduplan.words.thaidate import parse_date

SEPT_20 = dt.date(2024, 9, 20)


@pytest.mark.parametrize(
    "written",
    [
        "20/09/2567",
        "20/9/2567",
        "20-09-2567",
        "20.09.2567",
        "๒๐/๐๙/๒๕๖๗",
        "20 ก.ย. 2567",
        "20 กย 2567",
        "20ก.ย.2567",
        "20 กันยายน 2567",
        "๒๐ กันยายน ๒๕๖๗",
        "วันที่ 20 กันยายน พ.ศ. 2567",
        "20 ก.ย. พ.ศ.2567",
        "20 กันยายน ค.ศ. 2024",
        "20/09/2024",
        "20 Sep 2024",
        "20 September 2024",
        "2024-09-20",
        "  20 / 09 / 2567 ",
    ],
)
def test_each_way_of_writing_20_september_2567(written):
    assert parse_date(written) == SEPT_20


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "2567-09-20",
            "2567-09-20 looks like a Buddhist-Era date, but YYYY-MM-DD is Christian Era: "
            "write 2024-09-20, or 20/09/2567 for วัน/เดือน/ปี พ.ศ.",
        ),
        ("20/09/67", "20/09/67: write the year in full, such as 2567"),
        ("31/02/2567", "31/02/2567: there is no such day (day/month/year: วัน/เดือน/ปี)"),
        ("09/20/2567", "09/20/2567: there is no such day (day/month/year: วัน/เดือน/ปี)"),
        ("30 กุมภาพันธ์ 2567", "30 กุมภาพันธ์ 2567: there is no such day"),
        ("20 กันยา 2567", "20 กันยา 2567: 'กันยา' is not a month (write ก.ย. or กันยายน, for instance)"),
        ("20 ก.ย. ค.ศ. 2567", "20 ก.ย. ค.ศ. 2567: 2567 is a พ.ศ. year, but the date says ค.ศ."),
        ("20 ก.ย. พ.ศ. 2024", "20 ก.ย. พ.ศ. 2024: 2024 is a ค.ศ. year, but the date says พ.ศ."),
        ("20/09/2900", "20/09/2900: 2900 is not a year (พ.ศ. 2400..2800)"),
        ("20/09-2567", "expected a date such as 20/09/2567, 20 ก.ย. 2567 or 2024-09-20, got '20/09-2567'"),
        ("เมื่อวาน", "expected a date such as 20/09/2567, 20 ก.ย. 2567 or 2024-09-20, got 'เมื่อวาน'"),
    ],
)
def test_what_is_not_a_date_is_refused_with_what_to_type(written, message):
    with pytest.raises(ValueError) as caught:
        parse_date(written)
    assert str(caught.value) == message


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)), st.sampled_from(["arabic", "thai"]))
def test_every_date_a_document_writes_reads_back(day, digits):
    """The render's own Thai dates (full and short month names, either digits) read back as the same day."""
    assert parse_date(format_date(day, "th", digits)) == day
    assert parse_date(format_date(day, "th", digits, short=True)) == day
    be = with_digits(f"{day.day}/{day.month}/{day.year + 543}", digits)
    assert parse_date(be) == day


def test_the_month_names_are_the_renders():
    assert [parse_date(f"1 {name} 2567").month for name in MONTHS["th"]] == list(range(1, 13))
    assert [parse_date(f"1 {name} 2567").month for name in MONTHS_SHORT["th"]] == list(range(1, 13))
