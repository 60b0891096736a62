"""Types shared by every part of the plan model.

Every model forbids unknown keys and is strict: YAML ``"80"`` (a quoted string) is not the
number 80, and ``yes`` is not a boolean. The loader resolves plain scalars written with Thai
digits (``๘๐``) or thousands separators (``1,250,000``) to numbers before validation, the way
YAML resolves their Arabic twins.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
)

__all__ = [
    "BE_MAX",
    "BE_MIN",
    "BEYear",
    "Direction",
    "describe",
    "Id",
    "Kind",
    "Level",
    "Model",
    "Money",
    "Num",
    "Number",
    "Range",
    "Statement",
    "Target",
    "Text",
    "target_tag",
]

BE_MIN = 2400
"""Smallest year accepted as a Buddhist-Era year (1857 CE)."""
BE_MAX = 2800
"""Largest year accepted as a Buddhist-Era year (2257 CE)."""


class Model(BaseModel):
    """Base of every plan model: strict, closed, documented by attribute docstrings."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        allow_inf_nan=False,
        use_attribute_docstrings=True,
        populate_by_name=True,
    )


def _check_be_year(year: int) -> int:
    if BE_MIN <= year <= BE_MAX:
        return year
    if 1900 <= year <= 2200:
        raise ValueError(
            f"{year} looks like a Christian-Era year; plans use Buddhist-Era years "
            f"(พ.ศ. = ค.ศ. + 543, here {year + 543})"
        )
    raise ValueError(f"{year} is not a Buddhist-Era year ({BE_MIN}..{BE_MAX})")


BEYear = Annotated[int, AfterValidator(_check_be_year)]
"""A Buddhist-Era year, such as 2566 (= 2023 CE)."""

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9._-]*$",
        max_length=64,
        description="A stable identifier: lowercase ASCII letters, digits, '.', '_' or '-'. "
        "It never changes when items are renumbered, so editions can be compared.",
    ),
]


def _number_as_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value  # rejected by the str validator
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError(
            f"YAML reads this number as {value!r}, which loses how it was written "
            '(3.10 becomes 3.1); put the number in quotes, for example "3.10"'
        )
    return value


Number = Annotated[
    str,
    BeforeValidator(_number_as_text),
    Field(
        min_length=1,
        description='The item\'s number exactly as published, such as "1.2.3" or "7" (published mistakes included).',
    ),
]

Text = Annotated[str, Field(min_length=1)]
"""Plan text in Thai (or any language), exactly as published."""


def _number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number a plan can use")
    return value


def _money(value: Any) -> int | float:
    amount = _number(value)
    if amount < 0:
        raise ValueError(f"an amount of money cannot be negative ({value})")
    return amount


def describe(value: Any) -> str:
    """Name a raw value for a message: "the text '80'", "a list", "the boolean true"."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


Num = Annotated[int | float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
"""A number as written: integers stay integers (80), decimals stay decimals (80.5)."""

Money = Annotated[int | float, PlainValidator(_money), WithJsonSchema({"type": "number", "minimum": 0})]
"""An amount in baht."""


class Range(Model):
    """A target given as a range, such as "between 70 and 80"."""

    min: Num | None = None
    """Lowest acceptable value (inclusive)."""
    max: Num | None = None
    """Highest acceptable value (inclusive)."""


def target_tag(value: Any) -> str:
    """Tell which kind of target a value is: ``number``, ``range`` or ``level``.

    Raw data when validating; a :class:`Range` instance when serialising (``model_dump``).
    """
    if isinstance(value, dict | Range):
        return "range"
    if isinstance(value, str):
        return "level"
    return "number"


_NUMERIC_TEXT = re.compile(r"^\s*[-+]?[0-9๐-๙][0-9๐-๙,]*(\.[0-9๐-๙]+)?\s*%?\s*$")


def _level_is_not_a_number(value: str) -> str:
    if _NUMERIC_TEXT.match(value):
        raise ValueError(
            f"{value!r} is a number written as text; write it without quotes "
            "(and without '%': the unit says what the number counts)"
        )
    return value


Level = Annotated[Text, AfterValidator(_level_is_not_a_number)]
"""A qualitative level such as "ดีมาก"."""

Target = Annotated[
    Annotated[Num, Tag("number")] | Annotated[Range, Tag("range")] | Annotated[Level, Tag("level")],
    Discriminator(target_tag),
]
"""A yearly target: a number (80), a range ({min: 70, max: 80}) or a qualitative level ("ดีมาก")."""


class Statement(Model):
    """A numbered statement of the plan: a mission, a goal, a policy target or an approach."""

    id: Id
    """Stable identifier."""
    number: Number
    """Number as published."""
    text: Text
    """The statement, exactly as published."""


Kind = Literal["percent", "count", "score", "level", "qualitative"]
Direction = Literal["higher-is-better", "lower-is-better", "maintain"]
