"""The roll-up's figures as actuals of the office's report for the year: the edits ``eduplan rollup --write`` makes.

Each figure with a value becomes (or updates) the indicator's actual in the report of the year (``reports/2567.yaml``,
made when there is none): its ``value`` rounded to the declaration's ``decimals``, ``rolled_up`` (the pooled
numbers and the coverage, so that the office's report can be rolled up again to the country) and ``source`` (which
units and which returns, in words). The edits are surgical (:mod:`eduplan.edit`): comments and every other line of
the report stay as they are.

What is not written, and said: a figure with no data; a figure whose coverage is below ``coverage_min`` (RU10); a
``list`` (what the units said is shown in the report, it is no actual); an actual typed by hand (one without
``rolled_up``), unless ``replace`` (then it is replaced, and said: RU17 otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from eduplan.edit.splice import DELETE
from eduplan.findings import Finding, Path
from eduplan.i18n import _, ngettext
from eduplan.load.source import SourceMap
from eduplan.model import Actual, Plan
from eduplan.rollup.codes import finding
from eduplan.rollup.engine import Rolled, RollupResult
from eduplan.rollup.figure import Figure, rounded

__all__ = ["Planned", "plain_number", "planned_actuals"]


@dataclass(slots=True)
class Planned:
    """The edits of a write: values at paths of the plan data, a new report, and what was done or left, in words."""

    values: list[tuple[Path, Any]] = field(default_factory=list)
    new_reports: dict[int, dict[str, Any]] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def plain_number(value: Decimal) -> int | float:
    """A Decimal as YAML writes a number: 80 rather than 80.0, 86.27 as it reads."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def planned_actuals(
    plan: Plan, result: RollupResult, source: SourceMap, *, returns: str, replace: bool = False
) -> Planned:
    """The edits that write ``result``'s figures into the report of its year.

    Args:
        plan: The office's plan (loaded whole).
        result: The roll-up.
        source: The plan's source map (where an actual typed by hand is, for RU17).
        returns: Where the returns were read (``returns/2567``), named in each actual's source.
        replace: Replace actuals typed by hand too.
    """
    planned = Planned()
    key = f"{plan.period.year}_year"
    index = next((n for n, r in enumerate(plan.reports) if r.year == result.year), None)
    actuals = plan.reports[index].actuals if index is not None else []
    appended: list[dict[str, Any]] = []
    for rolled in result.figures:
        data = _actual(rolled, returns, planned)
        if data is None:
            continue
        at = next((n for n, a in enumerate(actuals) if a.indicator == rolled.indicator.id), None)
        if at is None:
            appended.append(data)
            planned.said.append(_("{id}: added ({value})").format(id=rolled.indicator.id, value=data["value"]))
            continue
        assert index is not None
        _update(planned, ("reports", index, "actuals", at), actuals[at], data, source, replace=replace)
    if appended and index is None:
        planned.new_reports[result.year] = {key: result.year, "actuals": appended}
    elif appended:
        assert index is not None
        for k, data in enumerate(appended):
            planned.values.append((("reports", index, "actuals", len(actuals) + k), data))
    return planned


def _update(
    planned: Planned, here: Path, old: Actual, data: dict[str, Any], source: SourceMap, *, replace: bool
) -> None:
    """The edits of an actual the report has: unchanged, updated, replaced (an actual typed by hand) or kept (RU17)."""
    name = data["indicator"]
    typed = old.value if old.value is not None else old.no_data
    if old.rolled_up is None and not replace:
        planned.findings.append(
            finding(
                "RU17",
                _("the actual of {id} was typed by hand ({value}); the roll-up ({new}) does not replace it").format(
                    id=name, value=typed, new=data["value"]
                ),
                source.span(here),
                hint=_("`eduplan rollup --write --replace` replaces it"),
                path=here,
            )
        )
        return
    if old.rolled_up is not None and _same(old, data):
        planned.said.append(_("{id}: unchanged ({value})").format(id=name, value=data["value"]))
        return
    for key in ("value", "rolled_up", "source"):
        planned.values.append(((*here, key), data[key]))
    for key in ("no_data", "score"):
        if getattr(old, key) is not None:
            planned.values.append(((*here, key), DELETE))
    if old.rolled_up is None:
        planned.said.append(
            _("{id}: replaced the actual typed by hand ({old}) with {value}").format(
                id=name, old=typed, value=data["value"]
            )
        )
    else:
        planned.said.append(_("{id}: updated ({value})").format(id=name, value=data["value"]))


def _group(group: str | None, figure: Figure, decimals: int) -> dict[str, Any]:
    """One group of the breakdown as the actual records it."""
    value = figure.value
    shown = plain_number(rounded(value, decimals)) if isinstance(value, Decimal) else value
    made: dict[str, Any] = {"group": group} if group is not None else {}
    if shown is not None and not isinstance(shown, tuple):
        made["value"] = shown
    return {**made, "reported": figure.reported, "expected": len(figure.expected)}


def _same(old: Actual, data: dict[str, Any]) -> bool:
    """Whether an actual the roll-up wrote already says what it would write now."""
    made = old.rolled_up.model_dump(exclude_defaults=True) if old.rolled_up is not None else None
    extra = old.no_data is not None or old.score is not None
    return not extra and old.value == data["value"] and old.source == data["source"] and made == data["rolled_up"]


def _actual(rolled: Rolled, returns: str, planned: Planned) -> dict[str, Any] | None:
    """The actual of one figure, or None (and why, in ``planned.said``)."""
    figure, rollup, name = rolled.total, rolled.rollup, rolled.indicator.id
    if rollup.method == "list":
        planned.said.append(
            _("{id}: not written: what the units said is shown in the report, not as an actual").format(id=name)
        )
        return None
    if figure.value is None:
        planned.said.append(_("{id}: not written: no data").format(id=name))
        return None
    coverage = figure.coverage
    if rollup.coverage_min is not None and coverage is not None and coverage < Decimal(str(rollup.coverage_min)):
        planned.said.append(
            _("{id}: not written: {reported} of {expected} units count, below `coverage_min`").format(
                id=name, reported=figure.reported, expected=len(figure.expected)
            )
        )
        return None
    value: Any = (
        plain_number(rounded(figure.value, rollup.decimals)) if isinstance(figure.value, Decimal) else figure.value
    )
    made: dict[str, Any] = {}
    if figure.numerator is not None:
        made["numerator"] = plain_number(figure.numerator)
    if figure.denominator is not None:
        made["denominator"] = plain_number(figure.denominator)
    made.update(reported=figure.reported, expected=len(figure.expected), method=rollup.method)
    schools = not figure.expected or figure.expected[0].kind == "school"
    if not schools:
        made["units"] = "office"
    if figure.missing:
        made["missing"] = [unit.code for unit in figure.missing]
    by = {
        dimension: [_group(group, part, rollup.decimals) for group, part in groups]
        for dimension, groups in rolled.breakdown.items()
        if len(groups) > 1
    }
    if by:
        made["by"] = by
    if schools:
        said = ngettext(
            "eduplan rollup: {reported} of {expected} school reported ({returns})",
            "eduplan rollup: {reported} of {expected} schools reported ({returns})",
            len(figure.expected),
        )
    else:
        said = ngettext(
            "eduplan rollup: {reported} of {expected} office reported ({returns})",
            "eduplan rollup: {reported} of {expected} offices reported ({returns})",
            len(figure.expected),
        )
    said = said.format(reported=figure.reported, expected=len(figure.expected), returns=returns)
    return {"indicator": name, "value": value, "source": said, "rolled_up": made}
