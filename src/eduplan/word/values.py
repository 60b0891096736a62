"""What a paragraph's or a cell's text says: an item's number, a number, a target, a baseline, a kind.

Every reader returns the value, or None with the reason it could not read the text: the import
turns the reason into a located finding, never a guess. Thai digits (๘๐) read as Arabic ones.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter, ValidationError

from eduplan.i18n import _
from eduplan.model.common import YearValue, change_from_text
from eduplan.model.plan import NO_DATA
from eduplan.words.thai import arabic_digits

__all__ = [
    "item_number",
    "kind_of_unit",
    "read_baseline",
    "read_number",
    "read_target",
    "read_year",
]

_D = "[0-9๐-๙]"
_ITEM = re.compile(
    rf"^(?P<num>\({_D}{{1,3}}\)|{_D}{{1,3}}(?:\.{_D}{{1,3}})*(?P<end>[.)])?)(?(end)\s*|\s+)(?P<rest>\S.*)$", re.DOTALL
)
_NUMBER = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$")
_PERCENT_WORDS = ("ร้อยละ", "เปอร์เซ็นต์", "%")
_AT_LEAST = re.compile(r"^(?:ไม่น้อยกว่า|อย่างน้อย|มากกว่าหรือเท่ากับ|≥|>=)\s*(?P<n>.+)$|^(?P<m>.+?)\s*ขึ้นไป$")
_AT_MOST = re.compile(r"^(?:ไม่เกิน|ไม่มากกว่า|น้อยกว่าหรือเท่ากับ|≤|<=)\s*(?P<n>.+)$")
_RANGE = re.compile(r"^(?P<a>[0-9.,]+)\s*[-–]\s*(?P<b>[0-9.,]+)$")
_YEAR = re.compile(r"(?<!\d)(25\d\d)(?!\d)")
_IN_PARENS_YEAR = re.compile(
    r"^(?P<v>.+?)\s*\((?:ปี|ปีการศึกษา|ปีงบประมาณ|พ\.ศ\.)?\s*(?P<y>25\d\d(?:\s*[-/]\s*\d{2,4})?)\)$"
)
"""Baselines that say there is no value (they go to ``no_data``)."""
EMPTY = ("", "-", "–", "—", "...", "..")
"""Target cells that hold no target."""

_KINDS = (
    ("percent", ("ร้อยละ", "เปอร์เซ็นต์", "%")),
    ("level", ("ระดับ",)),
    ("score", ("คะแนน",)),
    (
        "count",
        (
            "คน", "โรงเรียน", "โรง", "แห่ง", "เรื่อง", "ครั้ง", "โครงการ", "ชิ้น", "หน่วยงาน", "สถานศึกษา",
            "เครือข่าย", "รายการ", "กิจกรรม", "ห้องเรียน", "ห้อง", "หลักสูตร", "ระบบ", "ผลงาน", "นวัตกรรม", "เขต",
            "ด้าน", "ชุด", "ฉบับ", "แผน", "จำนวน", "กลุ่ม", "ศูนย์", "รูปแบบ", "ช่องทาง", "ทีม", "ราย",
        ),
    ),
)  # fmt: skip


def item_number(text: str) -> tuple[str, str] | None:
    """The number an item starts with, as published, and the rest: ``"1.2 ส่งเสริม"`` -> ("1.2", "ส่งเสริม").

    Numbers read: ``1.``, ``1)``, ``(1)``, ``๑.``, ``1.2.3`` (each part at most three digits, so a year
    is not an item number); a bare ``1`` needs a space after it.
    """
    match = _ITEM.match(text.strip())
    if match is None:
        return None
    return match["num"], match["rest"].strip()


def read_number(text: str) -> int | float | None:
    """A number written as published: ``80``, ``๘๐``, ``1,250``, ``80.5``; None for anything else."""
    plain = arabic_digits(text).strip()
    if not _NUMBER.match(plain):
        return None
    plain = plain.replace(",", "")
    return float(plain) if "." in plain else int(plain)


def _strip_unit(text: str, unit: str | None) -> str:
    words = [*_PERCENT_WORDS, *([unit] if unit else [])]
    changed = True
    while changed:
        changed = False
        for word in words:
            if text.startswith(word):
                text, changed = text[len(word) :].strip(), True
            if text.endswith(word):
                text, changed = text[: -len(word)].strip(), True
    return text


def read_target(text: str, unit: str | None, level: bool) -> tuple[Any, str | None]:
    """A target cell: (value, None), (None, None) for no target, or (None, why) when it cannot be read.

    Values: a number (``80``, ``ร้อยละ 80``, ``80%``), a range (``70-80``, ``ไม่น้อยกว่า 80`` as
    ``{min: 80}``, ``ไม่เกิน 5``), a change in words kept as written (``เพิ่มขึ้นร้อยละ 3``: the model
    reads it), or, when ``level`` (the unit is ระดับ), a level word (``ดีเยี่ยม``).
    """
    flat = " ".join(text.split())
    if flat in EMPTY:
        return None, None
    if change_from_text(flat) is not None:
        return flat, None
    plain = _strip_unit(arabic_digits(flat), unit)
    number = read_number(plain)
    if number is not None:
        return number, None
    if (match := _RANGE.match(plain)) and (a := read_number(match["a"])) is not None:
        b = read_number(match["b"])
        if b is not None and a <= b:
            return {"min": a, "max": b}, None
    for pattern, key in ((_AT_LEAST, "min"), (_AT_MOST, "max")):
        match = pattern.match(plain)
        if match:
            bound = read_number(_strip_unit(match["n"] or match["m"] or "", unit))
            if bound is not None:
                return {key: bound}, None
    if level and read_number(plain) is None and not re.search(r"\d", plain):
        return flat, None
    return None, _(
        "cannot read {text!r} as a target: write a number (80), a range (70-80), a change "
        "(เพิ่มขึ้นร้อยละ 3) or, for an indicator counted in ระดับ, a level"
    ).format(text=flat)


def read_baseline(
    text: str, unit: str | None, year: int | str | None, level: bool = False
) -> tuple[dict[str, Any] | None, str | None]:
    """A baseline cell: ({year, value} or {year, no_data}, None), (None, None) when empty, or (None, why).

    ``72.64``, ``ร้อยละ 72.64``, ``72.64 (2565)`` (its own year wins over the column's), ``-`` or
    ``ไม่มีข้อมูล`` (no value), a level word when ``level``.
    """
    flat = " ".join(text.split())
    if not flat:
        return None, None
    found: dict[str, Any] = {} if year is None else {"year": year}
    if flat.lower() in NO_DATA:
        return found | {"no_data": flat}, None
    match = _IN_PARENS_YEAR.match(arabic_digits(flat))
    if match:
        found["year"] = read_year(match["y"]) or match["y"]
        flat = match["v"]
    value, why = read_target(flat, unit, level=level)
    if value is None or why is not None or (isinstance(value, str) and not level):
        return None, _("cannot read {text!r} as a baseline: write a number, or - when there is none").format(text=flat)
    return found | {"value": value}, None


_YEAR_VALUE: TypeAdapter[int | str] = TypeAdapter(YearValue)


def read_year(text: str) -> int | str | None:
    """A Buddhist-Era year (``2566``, ``ปี ๒๕๖๖``, ``พ.ศ. 2566``) or a span (``2564-2565``); None otherwise."""
    plain = arabic_digits(text).strip()
    single = re.fullmatch(r"(?:ปี|พ\.ศ\.|ปีการศึกษา|ปีงบประมาณ)?\s*(25\d\d)", plain)
    if single:
        return int(single[1])
    try:  # a span, read as the model reads a baseline's year
        year: int | str = _YEAR_VALUE.validate_python(plain)
    except ValidationError:
        return None
    return year


def years_in(text: str) -> list[int]:
    """Every Buddhist-Era year written in ``text`` (Thai digits read)."""
    return [int(y) for y in _YEAR.findall(arabic_digits(text))]


def kind_of_unit(unit: str) -> str | None:
    """The kind an indicator counted in ``unit`` has: ร้อยละ -> percent, คน -> count, ...; None when unknown."""
    word = unit.strip()
    for kind, words in _KINDS:
        if any(word == w or word.startswith(w) for w in words):
            return kind
    return None
