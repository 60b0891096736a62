"""Thai conventions for documents: digits, Buddhist-Era years, fiscal years, numbers and money.

Numbers are stored as numbers; digits are chosen when a document is rendered. Every function
here that returns text takes ``digits`` (``"arabic"`` or ``"thai"``) and applies it to the
digits it writes itself, never to plan text.

* Buddhist Era: พ.ศ. = ค.ศ. + 543.
* Fiscal year (ปีงบประมาณ): 1 October to 30 September, named by the BE year in which it ends
  (FY2567 = 1 Oct 2566 - 30 Sep 2567). Quarters: Q1 Oct-Dec, Q2 Jan-Mar, Q3 Apr-Jun, Q4 Jul-Sep.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from eduplan.i18n import Lang
from eduplan.words.money import Amount, baht

__all__ = [
    "BE_OFFSET",
    "Digits",
    "Lang",
    "arabic_digits",
    "be_year",
    "fiscal_quarters",
    "fiscal_year",
    "fiscal_year_span",
    "format_date",
    "format_money",
    "format_months",
    "format_number",
    "format_percent",
    "format_range",
    "format_year",
    "with_digits",
    "year_span",
]

Digits = Literal["arabic", "thai"]

BE_OFFSET = 543
"""พ.ศ. = ค.ศ. + 543."""

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

MONTHS: dict[Lang, tuple[str, ...]] = {
    "th": (
        "มกราคม",
        "กุมภาพันธ์",
        "มีนาคม",
        "เมษายน",
        "พฤษภาคม",
        "มิถุนายน",
        "กรกฎาคม",
        "สิงหาคม",
        "กันยายน",
        "ตุลาคม",
        "พฤศจิกายน",
        "ธันวาคม",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
"""Month names, January first."""

MONTHS_SHORT: dict[Lang, tuple[str, ...]] = {
    "th": ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
"""Abbreviated month names, January first."""


def arabic_digits(text: str) -> str:
    """``text`` with its Thai digits written as Arabic ones (to read a number, a year, a code).

    >>> arabic_digits("พ.ศ. ๒๕๖๗")
    'พ.ศ. 2567'
    """
    return text.translate(_TO_ARABIC)


def with_digits(text: str, digits: Digits) -> str:
    """Write the Arabic digits of ``text`` as Thai digits when ``digits`` is ``"thai"``.

    >>> with_digits("2567", "thai")
    '๒๕๖๗'
    """
    return text.translate(_TO_THAI) if digits == "thai" else text


def be_year(date: dt.date) -> int:
    """The Buddhist-Era year of a date (2024-05-01 -> 2567)."""
    return date.year + BE_OFFSET


def fiscal_year(date: dt.date) -> int:
    """The fiscal year (BE) a date belongs to: 1 Oct 2023 (2566 BE) starts FY2567.

    >>> fiscal_year(dt.date(2023, 10, 1)), fiscal_year(dt.date(2024, 9, 30))
    (2567, 2567)
    """
    return date.year + BE_OFFSET + (date.month >= 10)


def fiscal_year_span(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of fiscal year ``year`` (BE): FY2567 -> 2023-10-01, 2024-09-30."""
    ce = year - BE_OFFSET
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def year_span(kind: Literal["fiscal", "academic"], year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a fiscal year (1 October - 30 September) or an academic year (16 May - 31 March).

    An academic year (ปีการศึกษา) is named by the Buddhist-Era year in which it starts: ปีการศึกษา 2567
    runs from 16 May 2567 to 31 March 2568.
    """
    if kind == "academic":
        ce = year - BE_OFFSET
        return dt.date(ce, 5, 16), dt.date(ce + 1, 3, 31)
    return fiscal_year_span(year)


def fiscal_quarters(year: int) -> list[tuple[int, dt.date, dt.date]]:
    """The four quarters of fiscal year ``year`` (BE) as (number, first day, last day).

    Q1 is October to December of the previous calendar year; Q4 ends on 30 September.
    """
    ce = year - BE_OFFSET
    return [
        (1, dt.date(ce - 1, 10, 1), dt.date(ce - 1, 12, 31)),
        (2, dt.date(ce, 1, 1), dt.date(ce, 3, 31)),
        (3, dt.date(ce, 4, 1), dt.date(ce, 6, 30)),
        (4, dt.date(ce, 7, 1), dt.date(ce, 9, 30)),
    ]


def format_year(year: int, digits: Digits) -> str:
    """A BE year as text, without thousands separator: 2567 or ๒๕๖๗."""
    return with_digits(str(year), digits)


def format_date(date: dt.date, lang: Lang, digits: Digits, *, short: bool = False) -> str:
    """A date with its Buddhist-Era year: ``1 ตุลาคม 2566`` (``1 October B.E. 2566`` in English)."""
    months = MONTHS_SHORT[lang] if short else MONTHS[lang]
    month = months[date.month - 1]
    year = be_year(date)
    text = f"{date.day} {month} {year}" if lang == "th" else f"{date.day} {month} B.E. {year}"
    return with_digits(text, digits)


def format_months(first: dt.date, last: dt.date, lang: Lang, digits: Digits) -> str:
    """A span of months within one year, as quarters are written: ``ต.ค.–ธ.ค. 2566``."""
    months = MONTHS_SHORT[lang]
    span = f"{months[first.month - 1]}–{months[last.month - 1]}"
    year = be_year(last)
    return with_digits(f"{span} {year}" if lang == "th" else f"{span} B.E. {year}", digits)


def format_number(value: float, digits: Digits) -> str:
    """A number as written in the plan, with thousands separators: 80, 80.5, 1,250.

    Integers stay integers and decimals keep their decimals (``float`` values that are whole,
    such as 80.0 written in the plan, show as 80.0).
    """
    if isinstance(value, int):
        text = f"{value:,}"
    else:
        whole, dot, fraction = repr(value).partition(".")
        if "e" in repr(value) or "inf" in whole or "nan" in whole:
            text = f"{value:,.6f}".rstrip("0").rstrip(".")
        else:
            text = f"{int(whole):,}" + dot + fraction
            if whole.startswith("-0"):
                text = "-" + text
    return with_digits(text, digits)


def format_range(low: float | None, high: float | None, digits: Digits) -> str:
    """A range target: ``70-80`` (with an en dash), ``≥ 70`` or ``≤ 80``."""
    if low is not None and high is not None:
        return f"{format_number(low, digits)}–{format_number(high, digits)}"
    if low is not None:
        return f"≥ {format_number(low, digits)}"
    if high is not None:
        return f"≤ {format_number(high, digits)}"
    return ""


def format_money(amount: Amount, digits: Digits) -> str:
    """Baht with thousands separators; satang (two decimals) only when the amount has them.

    >>> format_money(1250000, "arabic"), format_money(1250.5, "thai")
    ('1,250,000', '๑,๒๕๐.๕๐')
    """
    return with_digits(baht(amount), digits)


def format_percent(share: float, digits: Digits) -> str:
    """A share (0..1) as a percentage with one decimal, without a useless ``.0``.

    >>> format_percent(0.6, "arabic"), format_percent(0.9875, "arabic"), format_percent(2 / 3, "thai")
    ('60', '98.8', '๖๖.๗')
    """
    text = f"{share * 100:,.1f}".removesuffix(".0")
    return with_digits(text, digits)
