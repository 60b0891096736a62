"""The time eduplan records in the files it writes, so that the same plan gives the same bytes.

``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/) wins when it
is set. Without it, a PDF's creation date comes from the plan itself (:func:`document_time`),
never from the clock; other outputs record no time or a fixed one.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.words.thai import BE_OFFSET, year_span

if TYPE_CHECKING:
    from eduplan.model import Plan

__all__ = ["document_time", "source_date_epoch", "source_time"]


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, or None when it is not set (or empty).

    Raises:
        UsageError: it is set to something that is not a whole, non-negative number of seconds
            that a date can hold (up to the year 9999).
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        epoch = int(raw)
        if epoch < 0:
            raise ValueError(raw)
        dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            _("{variable} is not a number of seconds since 1970 (such as 1700000000); unset it or fix it").format(
                variable=f"SOURCE_DATE_EPOCH={raw!r}"
            )
        ) from None
    return epoch


def source_time() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, or None when it is not set.

    Raises:
        UsageError: as :func:`source_date_epoch`.
    """
    epoch = source_date_epoch()
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, tz=dt.UTC)


def document_time(plan: Plan, document: str = "plan", year: int | None = None) -> dt.datetime:
    """The creation time to record in a document of ``plan``: the same for every run.

    ``SOURCE_DATE_EPOCH`` when set; else, for the plan, its publication date
    (``edition.published``) or the first day of its period's first year (fiscal or academic, as
    the plan counts them); for the action plan of a year, the first day of that year; for the
    report of a year, its last day.

    Raises:
        UsageError: ``SOURCE_DATE_EPOCH`` is set to something that is not a time.
    """
    given = source_time()
    if given is not None:
        return given
    if document in ("action-plan", "report") and year is not None and BE_OFFSET + 2 <= year <= BE_OFFSET + 9998:
        kind = next((d.year_kind for d in [*plan.action_plans, *plan.reports] if d.year == year), plan.period.year)
        first, last = year_span(kind, year)
        return _midnight(first if document == "action-plan" else last)
    published = plan.edition.published if plan.edition else None
    if published is not None:
        return _midnight(published)
    return _midnight(year_span(plan.period.year, plan.period.start)[0])


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
