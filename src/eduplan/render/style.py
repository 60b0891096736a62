"""The document's style and its shared view: how numbers, dates and words are written.

:class:`Style` formats for one language and one choice of digits; :class:`Document` is what
every template gets besides its own view-model (words, fonts, page-number style, dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from eduplan.model import Plan, Range
from eduplan.model.common import Change, Target
from eduplan.render import svg
from eduplan.render.digits import keep
from eduplan.render.fonts import FontFace, font_faces
from eduplan.words.labels import Labels
from eduplan.words.money import Amount
from eduplan.words.thai import (
    Digits,
    Lang,
    format_date,
    format_money,
    format_number,
    format_range,
    format_year,
    with_digits,
)

__all__ = ["Document", "Style", "document", "levels_heading"]


@dataclass(frozen=True, slots=True)
class Style:
    """How numbers and words are written in one document."""

    lang: Lang
    digits: Digits
    labels: Labels
    budget_digits: Digits | None = None
    """The digits of money amounts when they differ from :attr:`digits` (``--budget-digits arabic``)."""

    def money(self, amount: Amount) -> str:
        """A money amount with thousands separators; kept in :attr:`budget_digits` through the digits transform."""
        if self.budget_digits is None or self.budget_digits == self.digits:
            return format_money(amount, self.digits)
        return keep(format_money(amount, self.budget_digits))

    def number(self, value: float) -> str:
        """A number in the document's digits; a computed one without float noise (61.27 + 3 is 64.27)."""
        return format_number(round(value, 9) if isinstance(value, float) else value, self.digits)

    def digits_of(self, text: str) -> str:
        """Item numbers and years written by eduplan (``1.1.2``) in the document's digits."""
        return with_digits(text, self.digits)

    def year(self, year: int) -> str:
        """A BE year in the document's digits."""
        return format_year(year, self.digits)

    def years(self, year: int | str) -> str:
        """A year or a span of years as published (``2564-2565``), with an en dash, in the document's digits."""
        if isinstance(year, int):
            return self.year(year)
        first, _, last = year.partition("-")
        return f"{self.digits_of(first)}–{self.digits_of(last)}" if last else self.digits_of(first)

    def date(self, date: dt.date, *, short: bool = False) -> str:
        """A date with its BE year."""
        return format_date(date, self.lang, self.digits, short=short)

    def target(self, value: Target | svg.Value | None) -> str | None:
        """A target or actual as a table shows it: ``80``, ``70–80``, ``ดีมาก``, ``เพิ่มขึ้นร้อยละ 3``; None when absent.

        A change is shown as published (its ``text``), else in eduplan's words in the document's digits.
        """
        if value is None:
            return None
        if isinstance(value, Change):
            return value.text if value.text else self.digits_of(value.shown())
        if isinstance(value, Range):
            return format_range(value.min, value.max, self.digits)
        if isinstance(value, tuple):
            return format_range(value[0], value[1], self.digits)
        if isinstance(value, str):
            return value
        return self.number(value)


def levels_heading(labels: Labels, depths: Iterable[int]) -> str:
    """The header of a list or column of policies of these levels: นโยบาย, or ประเด็นยุทธศาสตร์/กลยุทธ์."""
    shown = sorted(set(depths))
    if not shown or shown == [1]:
        return labels["policies"]
    return "/".join(dict.fromkeys(labels.level(d) for d in shown))


@dataclass(frozen=True, slots=True)
class Document:
    """What every template gets besides its document: language, words, fonts, dates.

    Attributes:
        kind: ``plan`` or ``action-plan``.
        lang: ``th`` or ``en`` (the ``lang`` of the HTML).
        title: The document title (``<title>`` and PDF metadata).
        L: Every label without parameters, as attributes (``doc.L.vision``). A namespace, not a
            dict: in Jinja ``dict.values`` would be the method, not the label ``values``.
        fonts: Embedded font files.
        page_counter: CSS counter style for page numbers (``decimal`` or ``thai``).
        generated_on: "Generated on <date>" when ``SOURCE_DATE_EPOCH`` is set, else None.
        generated_by: "Made with eduplan from the plan data <id>".
    """

    kind: str
    lang: str
    title: str
    L: SimpleNamespace
    fonts: tuple[FontFace, ...]
    page_counter: str
    generated_on: str | None
    generated_by: str


def document(kind: str, title: str, plan: Plan, style: Style, build_date: dt.date | None) -> Document:
    """The document-level view shared by every template."""
    labels = style.labels
    return Document(
        kind=kind,
        lang=style.lang,
        title=title,
        L=SimpleNamespace(**labels.as_dict()),
        fonts=font_faces(),
        page_counter="thai" if style.digits == "thai" else "decimal",
        generated_on=labels.format("generated_on", date=style.date(build_date)) if build_date else None,
        generated_by=labels.format("generated_by", id=plan.id),
    )
