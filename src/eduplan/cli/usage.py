"""Usage errors in the run's language: one line made from what the exception knows, not from Click's English.

The Click that Typer carries writes its messages in English (no gettext), glued from pieces
("Missing argument 'path'.", "No such option: --formt (Possible options: --format)"). Here each
kind of usage error a user meets is said again from its attributes (the option, the value,
the choices, the suggestions), as one whole sentence of our catalog; Click's own text is kept
only for a kind eduplan does not know. The command groups raise :class:`NoSuchCommand` and
:class:`ExtraArguments` themselves (Click says those with a message only), and attach their
context to the errors Click raises without one, so that every line names its command.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args, get_origin

from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoSuchOption,
    UsageError,
)

from eduplan.i18n import _, ngettext

__all__ = ["BadChoice", "ExtraArguments", "NoSuchCommand", "choices_of", "message"]


class BadChoice(BadParameter):
    """A value that is none of an option's words (raised by :func:`eduplan.cli.common.choice`)."""

    def __init__(self, value: str, choices: list[str]) -> None:
        super().__init__(f"{value!r} is not one of {', '.join(map(repr, choices))}")
        self.value = value
        self.choices = choices


class NoSuchCommand(UsageError):
    """A command name the group does not have; ``possibilities``: the names it may have meant."""

    def __init__(self, name: str, possibilities: list[str], ctx: Any) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        self.possibilities = possibilities


class ExtraArguments(UsageError):
    """Words left on the command line that no argument takes."""

    def __init__(self, extra: list[str], ctx: Any) -> None:
        super().__init__(f"Got unexpected extra argument(s) ({' '.join(extra)})", ctx)
        self.extra = extra


def message(exc: UsageError) -> str:
    """The error as one line in the run's language, naming the command and where its help is."""
    text = _said(exc)
    ctx = exc.ctx
    if ctx is None:
        return text
    path = str(ctx.command_path)
    if ctx.parent is None:
        return _("{error} (see `{command} --help`)").format(error=text, command=path)
    return _("{command}: {error} (see `{path} --help`)").format(command=ctx.info_name, error=text, path=path)


def _quoted(values: list[str]) -> str:
    return ", ".join(repr(v) for v in values)


def _said(exc: UsageError) -> str:
    """What went wrong, without the command."""
    if isinstance(exc, NoSuchCommand):
        if exc.possibilities:
            return _("no such command {name!r}; did you mean {commands}?").format(
                name=exc.name, commands=_quoted(exc.possibilities)
            )
        return _("no such command {name!r}").format(name=exc.name)
    if isinstance(exc, ExtraArguments):
        return ngettext(
            "unexpected extra argument {values}", "unexpected extra arguments {values}", len(exc.extra)
        ).format(values=_quoted(exc.extra))
    if isinstance(exc, NoSuchOption):
        if exc.possibilities:
            return _("no such option: {option}; did you mean {options}?").format(
                option=exc.option_name, options=", ".join(sorted(exc.possibilities))
            )
        return _("no such option: {option}").format(option=exc.option_name)
    if isinstance(exc, BadOptionUsage):
        if "does not take a value" in exc.message:
            return _("option {option} takes no value").format(option=exc.option_name)
        if "requires" in exc.message:
            return _("option {option} needs a value").format(option=exc.option_name)
    if isinstance(exc, MissingParameter):
        return _missing(exc)
    if isinstance(exc, BadParameter):
        return _bad_value(exc)
    if exc.message == "Missing command.":
        return _("missing command")
    return _click_text(exc)


def _hint(param: Any) -> str:
    """How the help names a parameter: ``'--format' / '-f'`` for an option, its metavar for an argument."""
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or param.name or "?").upper()
    return " / ".join(repr(o) for o in param.opts)


def choices_of(param: Any) -> list[str]:
    """The words an option or argument of a choice takes (none for another kind)."""
    descriptor = getattr(param, "type_descriptor", None)
    annotation = descriptor.annotation if descriptor is not None else None
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    return []


def _missing(exc: MissingParameter) -> str:
    param = exc.param
    hint = _hint(param)
    choices = choices_of(param)
    if getattr(param, "param_type_name", "") == "argument":
        if choices:
            return _("missing argument {name}: one of {choices}").format(name=hint, choices=_quoted(choices))
        return _("missing argument {name}").format(name=hint)
    if choices:
        return _("missing option {option}: one of {choices}").format(option=hint, choices=_quoted(choices))
    return _("missing option {option}").format(option=hint)


def _bad_value(exc: BadParameter) -> str:
    """A value an option or argument does not take: a choice, a number, or what Click says."""
    hint = _hint(exc.param)
    if isinstance(exc, BadChoice):
        return _("invalid value for {option}: {value!r} is not one of {choices}").format(
            option=hint, value=exc.value, choices=_quoted(exc.choices)
        )
    error = _validation_error(exc)
    if error is None:
        return _("invalid value for {option}: {reason}").format(option=hint, reason=_click_text(exc, bare=True))
    value, kind, limits = error
    choices = choices_of(exc.param)
    if choices:
        return _("invalid value for {option}: {value!r} is not one of {choices}").format(
            option=hint, value=value, choices=_quoted(choices)
        )
    if kind.startswith("int_"):
        return _("invalid value for {option}: expected a whole number, got {value!r}").format(option=hint, value=value)
    if kind.startswith("float_"):
        return _("invalid value for {option}: expected a number, got {value!r}").format(option=hint, value=value)
    if kind == "greater_than_equal":
        return _("invalid value for {option}: expected at least {least}, got {value}").format(
            option=hint, least=_number(limits.get("ge")), value=value
        )
    if kind == "less_than_equal":
        return _("invalid value for {option}: expected at most {most}, got {value}").format(
            option=hint, most=_number(limits.get("le")), value=value
        )
    return _("invalid value for {option}: {reason}").format(option=hint, reason=_click_text(exc, bare=True))


def _number(value: Any) -> Any:
    """``0`` for ``0.0``: a limit as a user would write it."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _validation_error(exc: BadParameter) -> tuple[Any, str, dict[str, Any]] | None:
    """The value, kind and limits of the pydantic error Typer turned into ``exc``, if it was one."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if not callable(errors):
        return None
    found = errors()
    if not found:
        return None
    first = found[0]
    return first.get("input"), str(first.get("type", "")), dict(first.get("ctx") or {})


def _click_text(exc: UsageError, bare: bool = False) -> str:
    """Click's own words, as one line (a kind of error eduplan does not know)."""
    text = exc.message if bare else exc.format_message()
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    text = "; ".join(lines).replace("Value error, ", "").rstrip(".")
    return text[:1].lower() + text[1:]
