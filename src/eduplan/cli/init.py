"""``eduplan init``: a new plan for an office or a school, from flags or, on a terminal, from questions."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from eduplan.errors import UsageError
from eduplan.i18n import _, ngettext

if TYPE_CHECKING:
    from eduplan.scaffold.answers import Answers
    from eduplan.scaffold.create import Created

_T = TypeVar("_T")


class InitKind(StrEnum):
    """Who the plan is for."""

    office = "office"
    school = "school"


_REQUIRED = (("kind", "--kind"), ("name", "--name"), ("period", "--period"))


def _interactive() -> bool:
    """Whether questions can be asked: standard input is a terminal (tests replace this)."""
    return sys.stdin.isatty()


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            help="The repository of plans: a new or empty directory, or an existing repository to add a plan to.",
            show_default=True,
        ),
    ] = Path(),
    kind: Annotated[
        InitKind | None, typer.Option("--kind", help="office (สพป., สพม. or another office) or school.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="The full name, as published.")] = None,
    short_name: Annotated[
        str | None, typer.Option("--short-name", help="The short name titles use, such as สพป.เชียงใหม่ เขต 1.")
    ] = None,
    code: Annotated[str | None, typer.Option("--code", help="The official code, such as a school's OBEC code.")] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="The office a school belongs to (สังกัด); schools only.")
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="First and last Buddhist-Era year, such as 2567-2571.")
    ] = None,
    hierarchy: Annotated[
        str | None,
        typer.Option(
            "--hierarchy",
            help="Names of the levels of policies, top first, comma-separated "
            "(default: ประเด็นยุทธศาสตร์ for an office, กลยุทธ์ for a school).",
        ),
    ] = None,
    office_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="The office's id (lowercase ASCII, digits, '-'); default: made from the name or the code.",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The plan's title; default: แผนพัฒนาการศึกษา พ.ศ. ... of the name.")
    ] = None,
) -> None:
    """Start a plan: plans/ID/START-END/ with plan.yaml and policies/1.yaml that validate with no finding.

    Also writes what the repository lacks (existing files are kept): the schemas the files'
    modelines name (schema/), eduplan.yaml, a CI workflow, a pre-commit configuration and a
    README. Options left out are asked for on a terminal; without one, --kind, --name and
    --period are required. An existing plan folder is never written over.

    Exit codes: 0 written, 2 usage or IO trouble (nothing written).
    """
    from eduplan.scaffold.answers import make_answers
    from eduplan.scaffold.create import create

    given = {"kind": kind.value if kind else None, "name": name, "period": period}
    missing = [flag for key, flag in _REQUIRED if not given[key]]
    if missing and not _interactive():
        raise UsageError(
            ngettext(
                "init: {options} is missing and there is no terminal to ask on; give it as an option"
                " (see eduplan init --help)",
                "init: {options} are missing and there is no terminal to ask on; give them as options"
                " (see eduplan init --help)",
                len(missing),
            ).format(options=", ".join(missing))
        )
    if missing:
        answers = _ask(
            kind=given["kind"],
            name=name,
            short_name=short_name,
            code=code,
            parent=parent,
            period=period,
            hierarchy=hierarchy,
            office_id=office_id,
            title=title,
        )
    else:
        assert kind is not None and period is not None
        answers = make_answers(
            kind=kind.value,
            name=name,
            period=period,
            short_name=short_name,
            code=code,
            parent=parent,
            hierarchy=hierarchy,
            office_id=office_id,
            title=title,
        )
    _report(directory, answers, create(directory, answers))


def _ask(**given: str | None) -> Answers:
    """Ask for every answer not given (optional ones may be left empty), each checked as it is given."""
    from eduplan.scaffold.answers import (
        DEFAULT_HIERARCHY,
        clean_text,
        make_answers,
        parse_hierarchy,
        parse_period,
        resolve_id,
    )

    kind = (
        given["kind"]
        or _until(
            lambda: typer.prompt(_("Kind: office (an educational service area or another office) or school [--kind]")),
            _kind,
        ).strip()
    )
    school = kind == "school"
    name = given["name"] or _until(
        lambda: typer.prompt(
            _("Full name of the school [--name]") if school else _("Full name of the office [--name]")
        ),
        lambda text: clean_text(text, "--name", required=True),
    )
    short = _optional(
        given["short_name"],
        _("Short name, such as สพป.เชียงใหม่ เขต 1 (may be left empty) [--short-name]"),
        "--short-name",
    )
    code_question = (
        _("The school's 10-digit OBEC code (may be left empty) [--code]")
        if school
        else _("The office's code (may be left empty) [--code]")
    )
    code = _optional(given["code"], code_question, "--code")
    parent = given["parent"]
    if school and parent is None:
        parent = _optional(None, _("The office the school belongs to (may be left empty) [--parent]"), "--parent")
    period = given["period"] or _until(
        lambda: typer.prompt(_("First and last year of the plan (B.E.), such as 2567-2571 [--period]")),
        lambda text: (parse_period(text), text)[1],
    )
    hierarchy = given["hierarchy"]
    if hierarchy is None:
        default = ",".join(DEFAULT_HIERARCHY[kind])
        hierarchy = _until(
            lambda: typer.prompt(
                _("Names of the levels of the strategy, top first, comma-separated [--hierarchy]"), default=default
            ),
            lambda text: (parse_hierarchy(text, "school" if school else "office"), text)[1],
        )
    office_id = given["office_id"]
    if office_id is None:
        try:
            suggested: str | None = resolve_id(None, "school" if school else "office", name, short, code)[0]
        except UsageError:
            suggested = None
        office_id = _until(
            lambda: typer.prompt(
                _("The office's id in folder names (lowercase English letters, digits, -) [--id]"), default=suggested
            ),
            lambda text: (resolve_id(text, "school" if school else "office", name, short, code), text)[1],
        )
        if office_id == suggested:
            office_id = None  # the id offered: recorded as made from the name or the code
    return make_answers(
        kind=kind,
        name=name,
        period=period,
        short_name=short,
        code=code,
        parent=parent,
        hierarchy=hierarchy,
        office_id=office_id,
        title=given["title"],
    )


def _kind(text: str) -> str:
    if text.strip() not in ("office", "school"):
        raise UsageError(_("--kind: {value!r} is not one of 'office', 'school'").format(value=text.strip()))
    return text


def _until(ask: Callable[[], str], check: Callable[[str], _T | None]) -> str:
    """Ask until ``check`` takes the answer; say why when it does not."""
    while True:
        answer = ask()
        try:
            check(answer)
        except UsageError as exc:
            typer.echo(f"eduplan: {exc}", err=True)
            continue
        return answer


def _optional(value: str | None, question: str, flag: str) -> str | None:
    from eduplan.scaffold.answers import clean_text

    if value is not None:
        return value
    answer = _until(lambda: typer.prompt(question, default="", show_default=False), lambda t: clean_text(t, flag))
    return answer or None


def _report(directory: Path, answers: Answers, created: Created) -> None:
    """Say what was made, what was kept, how the id was chosen and what to do next."""
    from eduplan.scaffold.create import report

    sys.stdout.writelines(f"{line}\n" for line in report(directory, answers, created))
