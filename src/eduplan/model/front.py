"""The pages of a plan book around its content: the foreword, the approval, the annex and the part headings.

A plan an office signs opens with a cover (the office's logo, :attr:`~eduplan.model.plan.Office.logo`),
a foreword (คำนำ) signed by the head of the office, often a page of approval (การให้ความเห็นชอบ: the
office's director and the area's education committee, กศจ. or อ.ก.ค.ศ.; a school's board), and
closes with an annex (ภาคผนวก): the working committee (คณะทำงาน) with its members' names and roles,
the orders (คำสั่ง) that appointed it, anything else as sections. Names and positions are data,
exactly as published: a transcription never invents them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import CoreSchema, core_schema

from eduplan.i18n import _
from eduplan.model.common import BE_MIN, Id, Model, PlanValueError, Text
from eduplan.model.context import Section

__all__ = [
    "PART_PLACES",
    "Annex",
    "Approval",
    "Committee",
    "Foreword",
    "Member",
    "Month",
    "Order",
    "Part",
    "Parts",
    "Place",
    "Signed",
    "SignedOn",
    "Signer",
]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class Month(str):
    """A month of a year (``2022-12``), for a page dated only so (ธันวาคม 2565): the text, with its year and month.

    A text, not a model, so that it reads and compares as one value (a diff says the date changed from
    ``2022-12`` to ``2024-11``).
    """

    __slots__ = ()

    @property
    def year(self) -> int:
        """The year, Christian Era (as ISO 8601 dates are)."""
        return int(self[:4])

    @property
    def month(self) -> int:
        """The month, 1 for January."""
        return int(self[5:7])

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """Validated by :data:`SignedOn`'s reader, which makes every month one; anything else is refused."""
        return core_schema.no_info_plain_validator_function(cls._checked)

    @classmethod
    def _checked(cls, value: Any) -> Month:
        if isinstance(value, cls):
            return value
        raise PlanValueError(_("{value} is not a month: write YYYY-MM (2022-12)").format(value=repr(value)))


def _christian(year: int, written: str) -> None:
    if year >= BE_MIN:
        ce = year - 543
        raise PlanValueError(
            _("{value} has a Buddhist-Era year; dates are written in the Christian Era (ค.ศ. = พ.ศ. - 543)").format(
                value=written
            ),
            _("write {value}").format(value=written.replace(str(year), str(ce), 1)),
        )


def _signed_on(value: Any) -> Any:
    """A date (``2022-12-15``) or a month (``2022-12``); a Buddhist-Era year in it is refused with the fix."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        _christian(value.year, value.isoformat())
        return value
    if isinstance(value, str):
        text = value.strip()
        if (day := _DAY.match(text)) is not None:
            _christian(int(day[1]), text)
            try:
                return dt.date(int(day[1]), int(day[2]), int(day[3]))
            except ValueError:
                raise PlanValueError(_("{value} is not a date of the calendar").format(value=text)) from None
        if (month := _MONTH.match(text)) is not None:
            _christian(int(month[1]), text)
            if not 1 <= int(month[2]) <= 12:
                raise PlanValueError(_("{value} is not a month of the calendar").format(value=text))
            return Month(text)
        raise PlanValueError(
            _("{value} is not a date: write YYYY-MM-DD (2022-12-15) or, for a month, YYYY-MM (2022-12)").format(
                value=repr(value)
            )
        )
    return value


SignedOn = Annotated[
    dt.date | Month,
    BeforeValidator(_signed_on),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
            "description": "A date, YYYY-MM-DD, or a month, YYYY-MM (Christian Era, as ISO 8601).",
        }
    ),
]
"""When a page was signed: a day (``2022-12-15``) or a month (``2022-12``), Christian Era as ISO 8601 has it."""


class Signer(Model):
    """Who signs a page: a name and a position, exactly as published."""

    name: Text
    """The name with its title, as printed under the signature (นายสมชาย ใจดี, ดร.สมหญิง รักเรียน)."""
    position: Text
    """The position as printed under the name (ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา...)."""


class Signed(Signer):
    """One signature of an approval page: the person, what they do (เห็นชอบ, อนุมัติ), and when."""

    action: Text | None = None
    """What the signature does, as printed above it: ผู้เสนอ, ผู้เห็นชอบ, ผู้อนุมัติ."""
    body: Text | None = None
    """The body the person signs for, such as คณะกรรมการศึกษาธิการจังหวัดลำปาง (กศจ.)."""
    date: SignedOn | None = None
    """When it was signed."""


class Foreword(Model):
    """The foreword (คำนำ): its paragraphs and who signs it."""

    title: Text | None = None
    """The heading as published; without it, the label ``foreword`` (คำนำ)."""
    text: list[Text] = Field(min_length=1)
    """The paragraphs, as published."""
    signer: Signer | None = None
    """The person who signs it (the head of the office or the school)."""
    by: Text | None = None
    """Who signs it when no person does, as printed (กลุ่มนโยบายและแผน สพม.ลำปาง ลำพูน)."""
    date: SignedOn | None = None
    """When it was signed: a day or a month."""


class Approval(Model):
    """The approval page (การให้ความเห็นชอบ / การอนุมัติแผน): its text and its signatures."""

    title: Text | None = None
    """The heading as published; without it, the label ``approval``."""
    text: list[Text] = []
    """The paragraphs above the signatures (the meeting that approved the plan, its date)."""
    signatures: list[Signed] = Field(min_length=1)
    """The signatures, in published order."""
    place: Literal["front", "annex"] = "front"
    """Where the page stands: after the cover (``front``) or in the annex (``annex``)."""


class Member(Model):
    """A member of a committee: the name, the position and the role in the committee."""

    name: Text
    """The name with its title, as published."""
    position: Text | None = None
    """The position (ตำแหน่ง) as published."""
    role: Text | None = None
    """The role in the committee, as published: ประธาน, รองประธาน, คณะทำงาน, คณะทำงานและเลขานุการ."""


class Committee(Model):
    """A committee or working group (คณะทำงาน, คณะที่ปรึกษา) with its members."""

    id: Id
    """Stable identifier."""
    title: Text
    """Its name as published (คณะทำงานจัดทำแผนพัฒนาการศึกษา...)."""
    duties: list[Text] = []
    """What it is to do (มีหน้าที่), as published."""
    members: list[Member] = Field(min_length=1)
    """The members, in published order."""
    order: Id | None = None
    """The id of the order (คำสั่ง) of the annex that appointed it."""


class Order(Model):
    """An order (คำสั่ง) or an announcement (ประกาศ) printed in the annex."""

    id: Id
    """Stable identifier."""
    number: Text | None = None
    """Its number as published (ที่ 123/2566)."""
    issuer: Text | None = None
    """Who issued it (สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน)."""
    title: Text
    """Its subject (เรื่อง แต่งตั้งคณะทำงานจัดทำแผน...)."""
    text: list[Text] = []
    """Its paragraphs, as published."""
    date: SignedOn | None = None
    """When it was signed (สั่ง ณ วันที่)."""
    signer: Signer | None = None
    """Who signed it."""


class Annex(Model):
    """The annex (ภาคผนวก): orders, committees and any other sections, in that order."""

    title: Text | None = None
    """The heading as published; without it, the label ``annex`` (ภาคผนวก)."""
    orders: list[Order] = []
    """Orders and announcements, in published order."""
    committees: list[Committee] = []
    """Committees and working groups, in published order."""
    sections: list[Section] = []
    """Other pages of the annex (a glossary, the office's structure), as sections."""


Place = Literal[
    "context",
    "identity",
    "vision",
    "missions",
    "goals",
    "policies",
    "standards",
    "values",
    "driving_model",
    "qualities",
    "links",
    "budget_frame",
    "monitoring",
]
"""A block of a plan's content where a part can begin."""

PART_PLACES: tuple[str, ...] = get_args(Place)
"""The blocks of a plan's content, in the order the document prints them."""


class Part(Model):
    """A part heading of the plan book (ส่วนที่ 1 บทนำ), printed on a new page before a block of the content."""

    title: Text
    """The heading as published, number included (ส่วนที่ 2 ทิศทางการพัฒนา)."""
    before: Place
    """The block the part begins with (``context``, ``vision``, ``policies``, ``monitoring``...)."""


def _in_order(parts: list[Part]) -> list[Part]:
    """Parts begin in the order of the document, each at a block of its own."""
    for before, part in zip(parts, parts[1:], strict=False):
        if PART_PLACES.index(part.before) <= PART_PLACES.index(before.before):
            raise PlanValueError(
                _("the part {title!r} begins with `{place}`, which does not come after `{earlier}`").format(
                    title=part.title, place=part.before, earlier=before.before
                ),
                _("list the parts in the order of the document: {order}").format(order=", ".join(PART_PLACES)),
            )
    return parts


Parts = Annotated[list[Part], AfterValidator(_in_order)]
"""The part headings of a plan book, in the order of the document."""
