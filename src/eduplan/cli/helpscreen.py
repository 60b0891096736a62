"""The help screens in words: ``--lang`` on every command, a metavar for every value, Typer's panel words translated.

Typer builds the command tree afresh on every run; :func:`prepare` goes over it once as it is
built (from the app's group), so that every command, those of other modules too, gets the same
treatment in one place:

- every command (and the group) takes ``--lang th|en`` and lists it in its help (``render`` and
  ``diff`` declare their own, which is also the language of the document they write);
- every option and argument that takes a value shows it in words (``FILE``, ``N``, ``YEAR``,
  ``markdown|html|pdf``), never a Python type name (``<list[Path]>``, ``<int>``); a flag shows none.

Metavars are the words a user types or replaces, in capitals, the same in both languages (the
help text names them: "write to FILE"); :func:`show_in_language` puts the words of the help
screen itself (panel titles, ``[default: ...]``, ``Usage:``) in the run's language.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_origin

import typer
from typer.core import TyperArgument, TyperOption

from eduplan.cli.thaiwrap import ZWSP, breakable
from eduplan.i18n import N_, _

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["HELP_HELP", "LANG_HELP", "breakable_help", "help_option", "prepare", "show_in_language", "usage_prefix"]

LANG_HELP = "Language of the messages (default: EDUPLAN_LANG, the configuration's lang:, the locale, else th)."
HELP_HELP = N_("Show this message and exit.")

# TRANSLATORS: the start of every help screen and usage line; keep the colon and the space after it.
_USAGE = N_("Usage: ")

_PANEL_WORDS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
}
"""Typer's words on a help screen (computed at import with gettext, in English): their msgids in ``click.po``."""

_ARGUMENTS = {"paths": "PATH", "path": "PATH", "workbook": "FILE", "directory": "DIR"}
"""Arguments shown by another word than their name in capitals."""

_OPTIONS = {
    "--format": "FORMAT",
    "--fail-on": "LEVEL",
    "--select": "RULES",
    "--ignore": "RULES",
    "--stdin-filename": "NAME",
    "--config": "FILE",
    "--alignment": "FILE",
    "--year": "YEAR",
    "--output": "FILE",
    "--templates": "DIR",
    "--only": "WHAT",
    "--ignore-field": "FIELD",
    "--into": "PATH",
    "--name": "NAME",
    "--short-name": "NAME",
    "--parent": "NAME",
    "--period": "START-END",
    "--hierarchy": "NAMES",
}
"""Options that take a value, by their long name, when the type alone does not say what it is."""

_BY_TYPE: dict[Any, str] = {int: "N", float: "NUMBER", Path: "PATH"}


def _lang_holder(
    lang: Annotated[str | None, typer.Option("--lang", metavar="th|en", help=LANG_HELP, expose_value=False)] = None,
) -> None:
    """Nothing: its one option is the ``--lang`` every command gets (read before the command runs)."""


def _lang_option() -> TyperOption:
    """A fresh ``--lang`` option, built by Typer as it builds any option."""
    holder = typer.Typer()
    holder.command()(_lang_holder)
    option = typer.main.get_command(holder).params[0]
    assert isinstance(option, TyperOption)
    return option


def prepare(commands: Iterable[Any]) -> None:
    """Give each of ``commands`` ``--lang`` and a metavar in words for each of its values (in place)."""
    for command in commands:
        if not any("--lang" in getattr(p, "opts", ()) for p in command.params):
            command.params.append(_lang_option())
        for param in command.params:
            _name_the_value(param)


def _name_the_value(param: Any) -> None:
    """Set the metavar of one parameter: the choices, or a word for what it takes; none for a flag."""
    if getattr(param, "is_flag", False):
        param.metavar = ""
        return
    if param.metavar is not None:
        return
    annotation = getattr(param, "type_descriptor", None)
    annotation = annotation.annotation if annotation is not None else str
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if isinstance(param, TyperArgument):
        param.metavar = _ARGUMENTS.get(param.name or "", (param.name or "value").upper())
        param.__class__ = _Argument
        return
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        param.metavar = "|".join(str(member.value) for member in annotation)
        return
    long = next((o for o in param.opts if o.startswith("--")), "")
    word = _OPTIONS.get(long)
    if word is None and annotation is str:
        word = long.removeprefix("--").upper()
    param.metavar = word or _BY_TYPE.get(annotation, "VALUE")


class _Argument(TyperArgument):
    """An argument whose help shows its metavar as its name and no type beside it."""

    def display_type_rich(self, ctx: Any) -> str | None:  # noqa: ARG002  # Typer's signature
        """No type column: the name (the metavar) says what the argument is."""
        return None


def help_option(option: Any) -> Any:
    """``--help`` in the run's language, without a type beside it (made breakable when a help screen is drawn)."""
    if option is not None:
        said = _(HELP_HELP)
        if (option.help or "").replace(ZWSP, "") != said:  # kept once breakable (as a help screen is drawn)
            option.help = said
        option.metavar = ""
    return option


def breakable_help(command: Any, help_option: Any = None) -> None:
    """Let the help of ``command``, its parameters, ``--help`` and its subcommands wrap between Thai words (in place).

    Only as a help screen is drawn: the breaks come from a dictionary read for it (a few hundredths
    of a second that a run of a command does not pay).
    """
    extra = () if help_option is None else (help_option,)
    for item in (command, *command.params, *extra, *getattr(command, "commands", {}).values()):
        for attribute in ("help", "short_help"):
            if text := getattr(item, attribute, None):
                setattr(item, attribute, breakable(text))


def usage_prefix() -> str:
    """``Usage: `` in the run's language."""
    return _(_USAGE)


def show_in_language() -> None:
    """Put Typer's own words of the help screen in the run's language (Typer's module constants, set as it shows them).

    Called as a help screen is drawn: Typer's ``rich_utils`` (and Rich) are imported only then.
    """
    from typer import rich_utils

    for name, msgid in _PANEL_WORDS.items():
        setattr(rich_utils, name, _(msgid))
