"""What ``eduplan init`` is told about a new plan, checked before anything is made of it.

The answers come from flags or from questions; either way they pass through here, so a bad
period or a name with a line break in it is one clear error before any file is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any, Literal

from eduplan.errors import UsageError
from eduplan.i18n import N_, _
from eduplan.model.common import BE_MAX, BE_MIN
from eduplan.scaffold.ids import derive_id, is_valid_id
from eduplan.words.thai import arabic_digits

__all__ = [
    "DEFAULT_HIERARCHY",
    "MAX_YEARS",
    "Answers",
    "clean_text",
    "default_title",
    "make_answers",
    "parse_hierarchy",
    "parse_period",
    "resolve_id",
]

Kind = Literal["office", "school"]

DEFAULT_HIERARCHY: dict[str, tuple[str, ...]] = {"office": ("ประเด็นยุทธศาสตร์",), "school": ("กลยุทธ์",)}
"""The levels of a new plan's policies when ``--hierarchy`` is not given."""

MAX_YEARS = 10
"""Longest period a new plan may cover (offices' and schools' plans cover 3 to 5 years)."""

_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})\s*$")
_EXAMPLES = {"office": "pesa-chiang-mai-1", "school": "school-1050130001"}
_SUFFIX = "-2567-2571"  # what the plan id adds to the office id: its room is 64 less this


@dataclass(frozen=True)
class Answers:
    """Everything a new plan is made from; recorded beside the plan (``.eduplan-init.yaml``).

    Attributes:
        kind: ``office`` (an educational service area office, or any other office) or ``school``.
        name: The office's or school's full name.
        short_name: The short name used in titles (สพป.เชียงใหม่ เขต 1), if any.
        code: The official code (a school's OBEC code), if any.
        parent: The office a school belongs to (สังกัด), if any.
        start: First Buddhist-Era year of the period.
        end: Last Buddhist-Era year of the period.
        hierarchy: Names of the levels of policies, top first.
        office_id: The office's id, the first folder under ``plans/``.
        id_from: How the office id was chosen, in English words (recorded as they are; the report shows them
            in the run's language).
        title: The plan's title.
    """

    kind: Kind
    name: str
    short_name: str | None
    code: str | None
    parent: str | None
    start: int
    end: int
    hierarchy: tuple[str, ...]
    office_id: str
    id_from: str
    title: str

    @property
    def school(self) -> bool:
        """Whether the plan is a school's (academic years, standards, identity)."""
        return self.kind == "school"

    @property
    def years(self) -> list[int]:
        """Every year of the period."""
        return list(range(self.start, self.end + 1))

    @property
    def plan_id(self) -> str:
        """The plan's id: the office id and the period (``pesa-chiang-mai-1-2567-2571``)."""
        return f"{self.office_id}-{self.start}-{self.end}"

    @property
    def folder(self) -> str:
        """The plan's folder in the repository, relative to its root."""
        return f"plans/{self.office_id}/{self.start}-{self.end}"

    @property
    def shown_name(self) -> str:
        """The name titles use: the short name, else the full name."""
        return self.short_name or self.name

    def record(self) -> dict[str, Any]:
        """The answers as plain data, for the record an update reads back."""
        data = asdict(self)
        data["hierarchy"] = list(self.hierarchy)
        return data


def clean_text(value: str | None, flag: str, *, required: bool = False) -> str | None:
    """``value`` with its ends trimmed; None when empty and not required.

    Raises:
        UsageError: the value is required and empty, or holds a line break, a control or an
            invisible character (a name is one line of visible text).
    """
    text = (value or "").strip()
    if not text:
        if required:
            raise UsageError(_("{option} is empty; give the name as it is published").format(option=flag))
        return None
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            if category in ("Zl", "Zp") or char in "\r\n\x85":
                message = _("{option}: {text!r} holds a line break ({char}); give it as one line of text")
            else:
                message = _("{option}: {text!r} holds an invisible character ({char}); give it as one line of text")
            raise UsageError(message.format(option=flag, text=text, char=f"U+{ord(char):04X}"))
    if "  " in text:
        message = _("{option}: {text!r} has two spaces in a row; write one space between words")
        raise UsageError(message.format(option=flag, text=text))
    return text


def parse_period(text: str) -> tuple[int, int]:
    """``2567-2571`` (Buddhist-Era years, Thai digits too; ``2567-71`` short) -> (2567, 2571).

    Raises:
        UsageError: not two years, Christian-Era years, the end before the start, or longer
            than :data:`MAX_YEARS`.
    """
    match = _PERIOD.match(arabic_digits(text))
    if match is None:
        message = _("--period: {text!r} is not a period; write the first and last year, such as 2567-2571")
        raise UsageError(message.format(text=text))
    start = int(match.group(1))
    end = int(match.group(2)) if len(match.group(2)) == 4 else start // 100 * 100 + int(match.group(2))
    if len(match.group(2)) == 2 and end < start:
        end += 100
    for year in (start, end):
        if 1900 <= year <= 2200:
            be = "-".join(str(y + 543 if y < BE_MIN else y) for y in (start, end))
            message = _(
                "--period: {year} looks like a Christian-Era year; plans use Buddhist-Era years (พ.ศ. = ค.ศ. + 543): "
                "{period}"
            )
            raise UsageError(message.format(year=year, period=be))
        if not BE_MIN <= year <= BE_MAX:
            message = _("--period: {year} is not a Buddhist-Era year ({first}..{last})")
            raise UsageError(message.format(year=year, first=BE_MIN, last=BE_MAX))
    if end < start:
        message = _("--period: {text} ends before it starts; write the first year first, {end}-{start}")
        raise UsageError(message.format(text=text.strip(), end=end, start=start))
    if end - start + 1 > MAX_YEARS:
        message = _(
            "--period: {text} covers {years} years; a plan covers at most {most} (offices' and schools' plans "
            "cover 3 to 5)"
        )
        raise UsageError(message.format(text=text.strip(), years=end - start + 1, most=MAX_YEARS))
    return start, end


def parse_hierarchy(text: str | None, kind: Kind) -> tuple[str, ...]:
    """``"ประเด็นยุทธศาสตร์,กลยุทธ์"`` -> the level names, top first; the kind's default when not given.

    Raises:
        UsageError: an empty level, one named twice, or more than four levels.
    """
    if text is None or not text.strip():
        return DEFAULT_HIERARCHY[kind]
    levels = [clean_text(part, "--hierarchy") for part in text.split(",")]
    named = [level for level in levels if level]
    if len(named) != len(levels):
        message = _("--hierarchy: {text!r} has an empty level; name the levels, such as ประเด็นยุทธศาสตร์,กลยุทธ์")
        raise UsageError(message.format(text=text))
    if len(set(named)) != len(named):
        message = _("--hierarchy: {text!r} names a level twice; each level has its own name")
        raise UsageError(message.format(text=text))
    if len(named) > 4:
        message = _("--hierarchy: {text!r} has {count} levels; a plan's policies have at most 4")
        raise UsageError(message.format(text=text, count=len(named)))
    return tuple(named)


def resolve_id(given: str | None, kind: Kind, name: str, short_name: str | None, code: str | None) -> tuple[str, str]:
    """The office id and how it was chosen: ``--id`` as given, else derived (see :mod:`eduplan.scaffold.ids`).

    Raises:
        UsageError: ``--id`` is not an id, or none is given and none can be derived.
    """
    room = 64 - len(_SUFFIX)
    if given is not None:
        text = given.strip()
        if not is_valid_id(text, room):
            message = _(
                "--id: {given!r} is not an id: use lowercase ASCII letters, digits and '-', at most {room} characters, "
                "starting with a letter or digit (such as {example})"
            )
            raise UsageError(message.format(given=given, room=room, example=_EXAMPLES[kind]))
        return text, N_("given with --id")
    school = kind == "school"
    derived = derive_id(short_name, name, code=code, school=school)
    if derived is None or not is_valid_id(derived, room):
        if school and code:
            message = _(
                "no id can be made: the code {code!r} is not digits; give one with --id, lowercase ASCII letters, "
                "digits and '-' (such as {example})"
            )
        elif school:
            message = _(
                "no id can be made: a school's id is made from its OBEC code (--code); give one with --id, "
                "lowercase ASCII letters, digits and '-' (such as {example})"
            )
        else:
            message = _(
                "no id can be made: {name!r} is not a name made of an office kind, provinces and an area number; "
                "give one with --id, lowercase ASCII letters, digits and '-' (such as {example})"
            )
        raise UsageError(message.format(code=code, name=short_name or name, example=_EXAMPLES[kind]))
    if school:
        return derived, N_("from the OBEC code")
    if code and derived == f"office-{code.strip()}":
        return derived, N_("from the code")
    if short_name and derive_id(short_name) == derived:
        return derived, N_("from the short name")
    return derived, N_("from the name")


def default_title(kind: Kind, name: str, short_name: str | None, start: int, end: int) -> str:
    """The title a new plan gets when ``--title`` is not given, as offices and schools title theirs."""
    what = "แผนพัฒนาคุณภาพการศึกษา" if kind == "school" else "แผนพัฒนาการศึกษา"
    whose = f"ของ {short_name}" if short_name and kind == "office" else f"ของ{name}"
    return f"{what} พ.ศ. {start}-{end} {whose}"


def make_answers(
    *,
    kind: str,
    name: str | None,
    period: str,
    short_name: str | None = None,
    code: str | None = None,
    parent: str | None = None,
    hierarchy: str | None = None,
    office_id: str | None = None,
    title: str | None = None,
) -> Answers:
    """The answers of a new plan from what the flags or the questions gave, every one checked.

    Raises:
        UsageError: the first answer that cannot be used, naming its flag.
    """
    if kind not in ("office", "school"):
        raise UsageError(_("--kind: {kind!r} is not one of 'office', 'school'").format(kind=kind))
    which: Kind = "school" if kind == "school" else "office"
    full = clean_text(name, "--name", required=True)
    assert full is not None
    short = clean_text(short_name, "--short-name")
    the_code = clean_text(code, "--code")
    the_parent = clean_text(parent, "--parent")
    if the_parent is not None and which == "office":
        raise UsageError(_("--parent names the office a school belongs to (สังกัด); it is for --kind school"))
    start, end = parse_period(period)
    levels = parse_hierarchy(hierarchy, which)
    oid, how = resolve_id(office_id, which, full, short, the_code)
    the_title = clean_text(title, "--title") or default_title(which, full, short, start, end)
    return Answers(which, full, short, the_code, the_parent, start, end, levels, oid, how, the_title)
