"""Dates typed as text the way Thai offices write them, read as calendar dates.

:func:`parse_date` reads what a planning officer types into a cell:

* ``20/09/2567`` (วัน/เดือน/ปี, also with ``-`` or ``.``), ``20 ก.ย. 2567``, ``20 กันยายน 2567``,
  ``วันที่ 20 กันยายน พ.ศ. 2567``, and the same with Thai digits (``๒๐/๐๙/๒๕๖๗``);
* English month names (``20 Sep 2024``, ``20 September 2024``);
* ISO ``2024-09-20`` (Christian Era, as the YAML holds it).

The year tells the era: a year in 2400..2800 is พ.ศ. (Buddhist Era, ค.ศ. + 543), a four-digit
year below 2400 is ค.ศ.; ``พ.ศ.`` or ``ค.ศ.`` written before the year must agree. A two-digit year
(``20/09/67``) is refused: 2467 or 2567 is a guess. ISO dates are Christian Era only (the YAML's
form), so ``2567-09-20`` is refused as a likely mix-up. The month names are the render's
(:mod:`eduplan.render.thai`), so a date reads back the way a document writes it.
"""

from __future__ import annotations

import datetime as dt
import re

from eduplan.i18n import _
from eduplan.model.common import BE_MAX, BE_MIN
from eduplan.words.thai import BE_OFFSET, MONTHS, MONTHS_SHORT, arabic_digits

__all__ = ["parse_date"]

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)")
_ERA = r"(?:(พ\s*\.?\s*ศ\s*\.?|ค\s*\.?\s*ศ\s*\.?|B\.?\s*E\.?|A\.?\s*D\.?|C\.?\s*E\.?)\s*)?"
_NAMED = re.compile(r"(\d{1,2})\s*([^\d\s][^\d]*?)\s*" + _ERA + r"(\d+)", re.IGNORECASE)


def _key(word: str) -> str:
    return re.sub(r"[\s.]", "", word).lower()


_MONTH_BY_NAME = {
    _key(name): number
    for names in (MONTHS["th"], MONTHS_SHORT["th"], MONTHS["en"], MONTHS_SHORT["en"])
    for number, name in enumerate(names, 1)
} | {"sept": 9}


def parse_date(written: str) -> dt.date:
    """The date a cell's text names.

    Args:
        written: The text of the cell, such as ``20/09/2567`` or ``20 ก.ย. 2567``.

    Raises:
        ValueError: the text is not a date in one of the forms above; the message says what to type.

    >>> parse_date("20/09/2567"), parse_date("๒๐ ก.ย. ๒๕๖๗"), parse_date("2024-09-20")
    (datetime.date(2024, 9, 20), datetime.date(2024, 9, 20), datetime.date(2024, 9, 20))
    """
    text = " ".join(arabic_digits(written).split()).removeprefix("วันที่").strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        if year >= BE_MIN:
            raise ValueError(
                _(
                    "{written} looks like a Buddhist-Era date, but YYYY-MM-DD is Christian Era: "
                    "write {iso}, or {thai} for วัน/เดือน/ปี พ.ศ."
                ).format(
                    written=written, iso=f"{year - BE_OFFSET}-{month:02}-{day:02}", thai=f"{day:02}/{month:02}/{year}"
                )
            )
        return _day(year, month, day, written)
    if match := _NUMERIC.fullmatch(text):
        d, _sep, m, y = match.groups()
        return _day(_ce(y, None, written), int(m), int(d), written, numeric=True)
    if match := _NAMED.fullmatch(text):
        d, name, era, y = match.groups()
        named = _MONTH_BY_NAME.get(_key(name))
        if named is None:
            raise ValueError(
                _("{written}: {name!r} is not a month (write ก.ย. or กันยายน, for instance)").format(
                    written=written, name=name.strip()
                )
            )
        return _day(_ce(y, era, written), named, int(d), written)
    raise ValueError(
        _("expected a date such as 20/09/2567, 20 ก.ย. 2567 or 2024-09-20, got {written!r}").format(written=written)
    )


def _ce(year: str, era: str | None, written: str) -> int:
    """The Christian-Era year of a written year, by its size and the era written before it."""
    if len(year) != 4:
        raise ValueError(_("{written}: write the year in full, such as 2567").format(written=written))
    number = int(year)
    buddhist = BE_MIN <= number <= BE_MAX
    if not buddhist and number >= BE_MIN:
        raise ValueError(
            _("{written}: {number} is not a year (พ.ศ. {low}..{high})").format(
                written=written, number=number, low=BE_MIN, high=BE_MAX
            )
        )
    if era is not None and _key(era).startswith(("พ", "b")) != buddhist:
        expected = "พ.ศ." if buddhist else "ค.ศ."
        raise ValueError(
            _("{written}: {number} is a {expected} year, but the date says {era}").format(
                written=written, number=number, expected=expected, era=era.strip()
            )
        )
    return number - BE_OFFSET if buddhist else number


def _day(year: int, month: int, day: int, written: str, *, numeric: bool = False) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        if numeric:
            message = _("{written}: there is no such day (day/month/year: วัน/เดือน/ปี)")
        else:
            message = _("{written}: there is no such day")
        raise ValueError(message.format(written=written)) from None
