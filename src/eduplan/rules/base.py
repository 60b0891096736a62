"""What a rule is, what it sees, and what it yields.

A rule is a module with four constants and one generator, like yamllint's rules::

    CODE = "TG01"                    # family letters + number, stable forever
    NAME = "targets.percent-range"   # family + dotted name
    SEVERITY = Severity.ERROR        # default; configuration can change it
    def check(ctx: Context) -> Iterator[Problem]: ...

A rule that is slow or needs an optional dependency also sets ``DEFAULT = False``: it runs only
when selected by its own code or name (``--select TX09``), not by its family or ``ALL``.

The module docstring is the user documentation (``eduplan explain TG01``): a first line that
sums it up, then what and why, then *Fails:* and *Passes:* YAML examples.

Rules never read files and never print. They yield :class:`Problem` values anchored to a data
path; :mod:`eduplan.check` resolves the path to a ``file:line:col`` span through the source
map and turns each problem into a :class:`~eduplan.findings.Finding`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from eduplan.findings import CodeInfo, Path
from eduplan.i18n import _
from eduplan.load.source import SourceMap
from eduplan.model import ActionPlan, Indicator, Plan, Project, Report
from eduplan.model.walk import IndicatorAt, all_indicators

__all__ = [
    "DEFAULT_KNOWN_WORDS",
    "Context",
    "Options",
    "Problem",
    "Rule",
    "budget_of",
    "has_targets",
    "indicators",
    "numeric",
    "rule_from_module",
    "show",
    "target_values",
    "texts",
    "year_key",
    "year_of",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a rule found, anchored to a place in the plan data.

    Attributes:
        path: Data path of the offending value, such as ("policies", 2, "indicators", 18, "targets", 2567).
        message: What is wrong, with the offending value.
        hint: How to fix it, when there is a useful suggestion.
        key: Point at the mapping key rather than at its value.
        within: ``(text, start, end)``: the problem is the characters ``text[start:end]`` of the
            string at ``path``; the span is narrowed to them when the scalar allows it.
    """

    path: Path
    message: str
    hint: str | None = None
    key: bool = False
    within: tuple[str, int, int] | None = None


DEFAULT_UNITS = (
    "ร้อยละ",
    "คน",
    "คะแนน",
    "ระดับ",
    "โรงเรียน",
    "สถานศึกษา",
    "หน่วยงาน",
    "หลักสูตร",
    "เครือข่าย",
    "โครงการ",
    "กิจกรรม",
    "ครั้ง",
    "เรื่อง",
    "แห่ง",
    "ห้องเรียน",
    "ชิ้นงาน",
    "ผลงาน",
    "นวัตกรรม",
    "ระบบ",
    "บาท",
    "ชั่วโมง",
    "วัน",
)
"""Units of measure accepted without a warning unless the configuration says otherwise."""

DEFAULT_KNOWN_WORDS = ("สพม", "สพฐ", "สพป", "สอศ", "สช", "กศน", "ศธ", "ลป", "ลพ")
"""Words rule TX09 never calls typos: office acronyms; the configuration's ``known-words`` adds to them."""


DEFAULT_REQUIRED = ("owner", "unit")
"""Columns required when the configuration does not say: where the plan has them (see :meth:`Options.requires`)."""


@dataclass(frozen=True, slots=True)
class Options:
    """Settings rules read (from the configuration).

    Attributes:
        known_units: Units that rule UN04 accepts.
        known_words: Words that rule TX09 accepts as spelled.
        required: Columns every indicator must fill (``required:``); None: the default columns,
            each only where the plan has it (some indicator of the table fills it).
        prefix: Per list name (``targets``, ``indicators`` ...; ``*`` for the rest), whether the numbers
            of a list start with the number of the item holding it (``numbering: {prefix: ...}``):
            ``parent`` (1.1, 1.2 in policy 1), ``own`` (1, 2 on their own) or ``auto`` (as most of the list does).
    """

    known_units: frozenset[str] = field(default_factory=lambda: frozenset(DEFAULT_UNITS))
    known_words: frozenset[str] = field(default_factory=lambda: frozenset(DEFAULT_KNOWN_WORDS))
    required: frozenset[str] | None = None
    prefix: tuple[tuple[str, str], ...] = ()

    def requires(self, column: str, present: bool) -> bool:
        """Whether a column must be filled, given whether the plan has it at all (``present``)."""
        if self.required is not None:
            return column in self.required
        return column in DEFAULT_REQUIRED and present

    def prefix_of(self, name: str) -> str:
        """The prefix style of the lists called ``name``."""
        styles = dict(self.prefix)
        return styles.get(name, styles.get("*", "auto"))


@dataclass(frozen=True)
class Context:
    """What a rule sees: the plan (possibly partial), its source map and the options."""

    plan: Plan
    source: SourceMap
    options: Options = field(default_factory=Options)
    dropped: frozenset[tuple[str, ...]] = frozenset()
    """Where invalid items were left out of a partial plan, as key paths without indexes
    (("policies", "indicators") when an indicator was dropped). Rules that judge a whole list
    (numbering, references) skip lists that lost items."""

    def lost_items(self, *shape: str) -> bool:
        """Whether items were dropped from lists of this shape or from an enclosing list.

        Shapes of nested lists repeat their keys: ("policies", "policies", "targets") for the targets
        of a second-level policy, ("standards", "indicators") for a standard's items.
        """
        return any(shape[: len(d)] == d for d in self.dropped)

    def lost_any(self, name: str, *within: str) -> bool:
        """Whether items were dropped from a list called ``name`` at any depth, or from a list that may hold one.

        A list that may hold one is a dropped shape made only of the keys ``within``, such as a whole policy.
        """
        return any(d[-1] == name or all(key in within for key in d) for d in self.dropped)

    @cached_property
    def indicators(self) -> list[tuple[Path, Indicator, IndicatorAt]]:
        """Every indicator, sub-indicator and standard with its path and place (see :func:`indicators`), walked once."""
        return list(indicators(self.plan))

    @cached_property
    def texts(self) -> list[tuple[Path, str]]:
        """Every string of the plan with its path, except the acceptances (shared by the TX rules)."""
        return [(path, text) for path, text in texts(self.plan) if path[:1] != ("accepted",)]

    @cached_property
    def joined(self) -> str:
        """All of :attr:`texts` in one string, one per line: one regex pass over it finds a rule's matches in all."""
        return "\n".join(text for _, text in self.texts)

    @cached_property
    def starts(self) -> list[int]:
        """Where each of :attr:`texts` starts in :attr:`joined`: a match there is mapped back to its text by these."""
        found, at = [], 0
        for _path, text in self.texts:
            found.append(at)
            at += len(text) + 1
        return found


Check = Callable[[Context], Iterator[Problem]]

_RULE_MODULE = re.compile(r"[a-z]{2}[0-9]{2}_\w+")
"""A rule module's name: its code in lower case, then what it checks."""


@dataclass(frozen=True, slots=True)
class Rule(CodeInfo):
    """A rule, as the registry knows it: its code's documentation and its check.

    Attributes:
        check: The generator of problems.
        default: Whether the rule runs unless deselected; a rule with False runs only when
            selected by its own code or name.
    """

    check: Check = field(kw_only=True)
    default: bool = field(default=True, kw_only=True)

    @property
    def family(self) -> str:
        """The family: the code's letters (``TG``)."""
        return self.code.rstrip("0123456789")


def family_modules(package: str, path: Iterable[str]) -> list[ModuleType]:
    """A family's rule modules (``tg01_percent_range``, ...), in code order: every module named like a rule.

    Each family's ``__init__`` calls this, so its rules are listed once: by their files.
    """
    names = sorted(m.name for m in pkgutil.iter_modules(path) if _RULE_MODULE.fullmatch(m.name))
    return [importlib.import_module(f"{package}.{name}") for name in names]


def rule_from_module(module: ModuleType) -> Rule:
    """Read a rule module's constants, docstring and ``check``."""
    default = getattr(module, "DEFAULT", True)
    return Rule.documented(
        module.CODE, module.NAME, module.SEVERITY, module.__doc__ or "", check=module.check, default=default
    )


# -- walking the plan ---------------------------------------------------------------------------


def indicators(plan: Plan) -> Iterator[tuple[Path, Indicator, IndicatorAt]]:
    """Every indicator, sub-indicator and standard with its data path and its place in the plan."""
    for at in all_indicators(plan):
        yield at.path, at.indicator, at


def texts(node: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """Every string value in a model tree, with its path (ids and references included)."""
    found: list[tuple[Path, str]] = []

    def walk(node: Any, path: Path) -> None:
        # Every text of every plan passes here: a plain loop over the fields, not nested generators.
        if isinstance(node, BaseModel):
            items: Iterable[tuple[Any, Any]] = node.__dict__.items()  # the fields, in declaration order
        elif isinstance(node, list):
            items = enumerate(node)
        elif isinstance(node, dict):
            items = node.items()
        else:
            return
        for key, value in items:
            if isinstance(value, str):
                found.append(((*path, key), value))
            elif isinstance(value, BaseModel | list | dict):
                walk(value, (*path, key))

    if isinstance(node, str):
        return [(path, node)]
    walk(node, path)
    return found


def budget_of(project: Project, year: int) -> int | float | None:
    """A project's budget in the action plan of ``year``: ``budget``, or its share of a multi-year ``budgets``."""
    return project.budget if project.budget is not None else project.budgets.get(year)


def has_targets(indicator: Indicator) -> bool:
    """Whether the indicator or one of its sub-indicators (at any depth) has a target."""
    return bool(indicator.targets) or any(has_targets(part) for part in indicator.indicators)


def year_of(document: ActionPlan | Report) -> str:
    """An annual document's year as messages name it: "fiscal year 2567" or "academic year 2567"."""
    if document.year_kind == "fiscal":
        return _("fiscal year {year}").format(year=document.year)
    return _("academic year {year}").format(year=document.year)


def year_key(document: ActionPlan | Report) -> str:
    """The key that gives an annual document's year: ``fiscal_year`` or ``academic_year``."""
    return f"{document.year_kind}_year"


def numeric(value: object) -> float | None:
    """The value as a number when it is one (not a bool, range or level)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def show(value: object) -> str:
    """A number as written in a plan: 85 rather than 85.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def target_values(path: Path, indicator: Indicator) -> list[tuple[Path, str, object]]:
    """An indicator's targets and baseline value: (path, label such as "target for 2567", value).

    A change target (เพิ่มขึ้นร้อยละ 3) is given as the :class:`~eduplan.model.Change` itself: its
    amount is not a value of the indicator (see :func:`eduplan.rules.changes.resolved` for the value it
    names). A baseline without a value (no_data) gives nothing.
    """
    target = _("target for {year}")
    values: list[tuple[Path, str, object]] = [
        ((*path, "targets", year), target.format(year=year), value) for year, value in indicator.targets.items()
    ]
    if indicator.baseline is not None and indicator.baseline.value is not None:
        values.append(((*path, "baseline", "value"), _("baseline"), indicator.baseline.value))
    return values
