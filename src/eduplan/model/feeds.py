"""How a unit that keeps its own plan feeds its office: ``feeds:`` on an indicator of the unit's plan.

A school that keeps its own eduplan plan and report (the register's ``plan:``) sends no form: the office reads
its report instead. Each indicator of the school's plan that answers a question of an office indicator says
so, explicitly::

    # in the school's plan, on a standard or an indicator:
    feeds: {indicator: o2-1}                   # the office indicator's one question, `value`
    feeds: {indicator: o1-1, key: numerator}   # one question of a ratio
    feeds: [{indicator: o1-1, key: value}, {plan: another-office-plan, indicator: x1}]

Into a ratio, a feed without ``key`` (an office's indicator feeding the country's) takes both numbers, the
numerator and the denominator, from the actual's ``rolled_up`` that ``eduplan rollup --write`` keeps: a
national ratio then pools the schools' counts, never averages the offices' percentages.

A mapping by the same id is not used: a school's ids (std1-1-1) are the school's, and an id that happens
to match an office's would feed it by chance. ``plan`` names the office plan's id when the school's plan
feeds more than one office; without it the feed is for whichever office reads the school.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from eduplan.model.common import Id, Model
from eduplan.model.rollup import QuestionKey

__all__ = ["Feed", "Feeds"]


class Feed(Model):
    """The office indicator (and question) an indicator of a unit's own plan answers."""

    indicator: Id
    """The id of the office plan's indicator, such as o2-1."""
    key: QuestionKey = "value"
    """The question of that indicator's ``rollup.collect``: ``value`` (the default), ``numerator``, ``denominator``."""
    plan: Id | None = None
    """The office plan's id, when the unit's plan feeds more than one office."""


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, dict) else value


Feeds = Annotated[list[Feed], BeforeValidator(_one_or_many)]
"""One feed (a mapping) or a list of them."""
