"""Every unit's return for a year, gathered: the forms in ``returns/<year>/`` and the units that keep their own plan.

:func:`gather` is what ``eduplan rollup`` calls (the roll-up stage never reads files): it gives the
:class:`~eduplan.rollup.records.UnitReturn` records that hold together, and a located finding for all that
was left out or is doubtful (codes RT, :mod:`eduplan.collect.codes`). In order:

1. every file of ``returns/<year>/`` beside the office's plan (``~$`` lock files of Excel and hidden files
   aside): a file that is not an ``.xlsx`` workbook, or not a form of ``eduplan collect``, is left out
   (RT01, RT02); so is a form made for another plan or year (RT03);
2. each form's cells are judged (:mod:`eduplan.collect.answers`);
3. a return of a code the register does not hold (RT04) or of a unit no indicator expects that year (RT05)
   is left out;
4. every unit the register gives its own plan is read from it (:mod:`eduplan.collect.unitplans`);
5. a unit with two returns (two files, a file and a row of the one-workbook form, a file and its own plan)
   has every one of them left out (RT06): which one is right cannot be told.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eduplan.collect.answers import be_day, judge
from eduplan.collect.codes import finding, whole_file
from eduplan.collect.form import Ask, asks_of
from eduplan.collect.read import Refused, read_return
from eduplan.collect.unitplans import from_unit_plan
from eduplan.findings import Finding, Span, natural_key
from eduplan.i18n import _, language
from eduplan.load.loader import LoadResult
from eduplan.model import Plan
from eduplan.model.expected import expected_units
from eduplan.model.register import Register
from eduplan.model.rollup import Rollup
from eduplan.model.walk import all_indicators
from eduplan.rollup.records import UnitReturn
from eduplan.words.labels import Labels

__all__ = ["Gathered", "expected_by_indicator", "gather", "returns_folder"]


@dataclass(slots=True)
class Gathered:
    """What :func:`gather` gives: the returns that hold together, the findings, every file it read."""

    returns: list[UnitReturn] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Candidate:
    ret: UnitReturn
    place: Span | None


def returns_folder(root: Path, year: int) -> Path:
    """Where the returns of ``year`` are: ``returns/<year>/`` beside the office's plan."""
    base = root if root.is_dir() else root.parent
    return base / "returns" / str(year)


def expected_by_indicator(plan: Plan, year: int) -> dict[str, set[str]]:
    """The codes of the units each indicator with a roll-up expects in ``year``."""
    register = plan.unit_register or Register()
    out: dict[str, set[str]] = {}
    for at in all_indicators(plan):
        if at.indicator.rollup is not None:
            out[at.indicator.id] = {
                u.code for u in expected_units(register, at.indicator.rollup, year, plan.period.year)
            }
    return out


def gather(plan: Plan, loaded: LoadResult, year: int, *, today: dt.date | None = None) -> Gathered:
    """Every unit's return for ``year`` (see the module's text).

    Args:
        plan: The office's plan, loaded whole.
        loaded: What loading it gave (its folder, and where the register's values are).
        year: The year (fiscal or academic, as the plan counts years).
        today: The day of the run (B.E.; default: today), for returns dated later than it.
    """
    today = today or be_day(dt.date.today().isoformat())
    asks = {ask.ref: (ask, rollup) for ask, rollup in asks_of(plan)}
    expected = expected_by_indicator(plan, year)
    gathered = Gathered()
    candidates: dict[str, list[_Candidate]] = {}
    for path in _files(returns_folder(loaded.root, year), gathered):
        for code, candidate in _from_form(plan, path, year, asks, expected, today, gathered):
            candidates.setdefault(code, []).append(candidate)
    register = plan.unit_register or Register()
    expecting = set().union(*expected.values()) if expected else set()
    for n, unit in enumerate(register.units):
        if unit.plan is None or unit.code not in expecting:
            continue
        where = loaded.source.span(("register", "units", n, "plan"))
        base = loaded.root if loaded.root.is_dir() else loaded.root.parent
        expects = {i for i, codes in expected.items() if unit.code in codes}
        fed = from_unit_plan(unit, base / unit.plan, plan, year, asks, expects, where)
        gathered.findings += fed.findings
        gathered.inputs += [Path(f) for f in fed.files]
        if fed.ret is not None:
            candidates.setdefault(unit.code, []).append(_Candidate(fed.ret, where))
    order = {u.code: n for n, u in enumerate(register.units)}
    for code in sorted(candidates, key=lambda c: (order.get(c, len(order)), c)):
        found = candidates[code]
        if len(found) == 1:
            gathered.returns.append(found[0].ret)
            continue
        sources = ", ".join(c.ret.source for c in found)
        for candidate in found:
            message = _("{code} has {count} returns ({sources}): every one is left out").format(
                code=code, count=len(found), sources=sources
            )
            hint = _("keep one of them and move the others out of the returns folder")
            gathered.findings.append(finding("RT06", message, candidate.place, hint=hint))
    gathered.findings.sort(key=lambda f: f.sort_key)
    return gathered


def _files(folder: Path, gathered: Gathered) -> list[Path]:
    """The files of the returns folder to read, in natural order; a finding for what cannot be a return."""
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.iterdir(), key=lambda p: natural_key(p.name)):
        if path.name.startswith((".", "~$")):
            continue  # hidden files, and the lock file Excel keeps beside a workbook it has open
        if path.is_dir():
            message = _("a folder inside the returns folder is not read: {folder}").format(folder=path.name)
            gathered.findings.append(finding("RT11", message, whole_file(str(path))))
        elif path.suffix.lower() != ".xlsx":
            message = _("not an XLSX workbook: only the forms of `eduplan collect`, saved as .xlsx, are read")
            hint = _("ask the school to save the form as an Excel workbook (.xlsx) and send it again")
            gathered.findings.append(finding("RT01", message, whole_file(str(path)), hint=hint))
        else:
            out.append(path)
    return out


def _from_form(
    plan: Plan,
    path: Path,
    year: int,
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]],
    expected: Mapping[str, set[str]],
    today: dt.date,
    gathered: Gathered,
) -> list[tuple[str, _Candidate]]:
    """The returns one form gives, by unit code (a finding for each unit left out)."""
    shown = str(path)
    gathered.inputs.append(path)
    try:
        read = read_return(path, shown)
    except Refused as refused:
        gathered.findings.append(refused.finding)
        return []
    sent = read.sent
    if sent.plan != plan.id:
        message = _("the form was made for the plan {plan}, not for {ours}: it is left out").format(
            plan=f"`{sent.plan}`", ours=f"`{plan.id}`"
        )
        gathered.findings.append(finding("RT03", message, whole_file(shown)))
        return []
    if (sent.year, sent.year_kind) != (year, plan.period.year):
        message = _("the form was made for {year}, not for {ours}: it is left out").format(
            year=f"{_year_word(sent.year_kind)} {sent.year}", ours=f"{_year_word(plan.period.year)} {year}"
        )
        hint = _("put it with the returns of its year, or send the school this year's form")
        gathered.findings.append(finding("RT03", message, whole_file(shown), hint=hint))
        return []
    judged = judge(read, asks, expected, today)
    gathered.findings += judged.findings
    register = (plan.unit_register or Register()).by_code()
    expecting = set().union(*expected.values()) if expected else set()
    out = []
    for code in sent.units:
        place = read.unit_place(code)
        if code not in register:
            message = _("{code} is not in the register: its return is left out").format(code=code)
            gathered.findings.append(finding("RT04", message, place))
        elif code not in expecting:
            message = _("{code} ({name}) is not expected to report in {year}: its return is left out").format(
                code=code, name=register[code].name, year=year
            )
            gathered.findings.append(finding("RT05", message, place))
        elif code not in judged.out:
            ret = UnitReturn(code, year, shown, judged.answers.get(code, {}), judged.received.get(code))
            out.append((code, _Candidate(ret, place)))
    return out


def _year_word(kind: str) -> str:
    """ปีงบประมาณ or ปีการศึกษา (fiscal year, academic year), in the run's language."""
    return Labels(language())["academic_year" if kind == "academic" else "fiscal_year"]
