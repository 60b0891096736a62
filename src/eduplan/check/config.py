"""Configuration: ``[tool.eduplan]`` in pyproject.toml or an ``eduplan.yaml``.

Each plan uses the nearest file from its own folder upwards, else the nearest from the working
directory (``eduplan.yaml`` before ``pyproject.toml`` in the same folder; a pyproject.toml
without ``[tool.eduplan]`` is skipped), or the file ``--config`` names
(:mod:`eduplan.check.settings`). Command-line options override it. Keys::

    select = ["TG", "UN01"]         # codes, families or dotted names (default: all but TX09)
    ignore = ["TX07"]
    fail-on = "warning"             # error (default), warning (or warn) or info
    known-units = ["ร้อยละ", ...]     # replaces the default list of units (rule UN04)
    extra-units = ["ห้องสมุด"]        # adds to it
    known-words = ["สพร"]            # words rule TX09 (text.typo) accepts, added to its built-in list
    severity = {TX07 = "info"}      # per-code severity overrides
    alignment = "alignment.yaml"    # eduplan gaps: the plan's own higher-plan codes (relative to this file)
    required = ["owner", "unit", "baseline"]   # indicator columns that must be filled (MD01, UN01)
    numbering = {prefix = {targets = "parent", "*" = "auto"}}   # how lists are numbered (MD04)
    lang = "th"                     # the language of messages: th (Thai) or en (English)

``required`` names the columns every indicator must fill: ``owner``, ``unit``, ``baseline`` and
``source``. Without it, ``owner`` and ``unit`` are required wherever the plan has the column (some
indicator of the table fills it): a plan published without an owner column gets no MD01.
``lang`` is the language eduplan speaks when neither ``--lang`` nor ``EDUPLAN_LANG`` says
(:func:`eduplan.load.configfile.configured_lang` reads it from the working directory up, before
the command runs); it is checked here like every other key.
``numbering.prefix`` says whether the numbers of a list start with the number of the item holding
it (targets 3.1.1 in policy 3): ``parent``, ``own`` or ``auto`` (as most of the list does; the
default), for every list or per kind of list (missions, goals, policies, targets, approaches,
indicators, standards; ``*`` for the others).

The ``diff`` table (``[tool.eduplan.diff]``) holds the settings of ``eduplan diff``; it is
read by :mod:`eduplan.diff.config`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError

from eduplan.check.accept import ACCEPTANCE_CODES
from eduplan.errors import UsageError
from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.load.codes import LOAD_CODES
from eduplan.load.configfile import read_config
from eduplan.load.schema_errors import plain_error
from eduplan.rules import RULES, Options, Rule, matches, select
from eduplan.rules.base import DEFAULT_KNOWN_WORDS, DEFAULT_UNITS

__all__ = ["Settings", "load_settings"]


Level = Literal["error", "warning", "warn", "info"]

LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "warn": Severity.WARNING, "info": Severity.INFO}
"""Severity words: the canonical error, warning and info, and ``warn`` as ``eduplan diff`` spells it."""


Column = Literal["owner", "unit", "baseline", "source"]
Prefix = Literal["auto", "parent", "own"]
ListName = Literal["missions", "goals", "policies", "targets", "approaches", "indicators", "standards", "*"]


_ONE, _PER_LIST = "for-every-list", "per-list"
"""The two ways of writing ``numbering.prefix`` (names of the union's members, left out of messages)."""


class _Numbering(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    prefix: Annotated[
        Annotated[Prefix, Tag(_ONE)] | Annotated[dict[ListName, Prefix], Tag(_PER_LIST)],
        Discriminator(lambda value: _PER_LIST if isinstance(value, dict) else _ONE),
    ] = "auto"
    """Whether the numbers of a list start with the number of the item holding it, for all lists or per list."""


class _FileConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)

    select: list[str] | None = None
    ignore: list[str] = []
    fail_on: Level | None = Field(default=None, alias="fail-on")
    known_units: list[str] | None = Field(default=None, alias="known-units")
    extra_units: list[str] = Field(default=[], alias="extra-units")
    known_words: list[str] = Field(default=[], alias="known-words")
    severity: dict[str, Level] = {}
    alignment: str | None = None
    """The list of higher-plan codes ``eduplan gaps`` reads, relative to the configuration file."""
    diff: dict[str, Any] = {}
    """Settings of ``eduplan diff``, checked by :mod:`eduplan.diff.config`."""
    required: list[Column] | None = None
    """Indicator columns that must be filled; None: owner and unit, where the plan has them."""
    numbering: _Numbering = _Numbering()
    lang: Literal["th", "en"] | None = None
    """The language of eduplan's messages (``--lang`` and ``EDUPLAN_LANG`` come first)."""


@dataclass(frozen=True)
class Settings:
    """What a validation run is configured to do.

    Attributes:
        select: Selectors of the rules to run (None: all).
        ignore: Selectors of rules not to run.
        fail_on: Lowest severity that fails the run.
        severity: Severity overrides by code.
        options: Settings the rules read.
        source: The configuration file, when one was read.
        alignment: The plan's own list of higher-plan codes (``alignment:``, relative to the file), for ``gaps``.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    severity: dict[str, Severity] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    source: str | None = None
    alignment: Path | None = None

    def rules(self) -> list[Rule]:
        """The rules this run uses."""
        return select(self.select, self.ignore)

    def wants(self, code: str) -> bool:
        """Whether a code outside the rules (the acceptance checks AC01, AC02) is selected."""
        chosen = self.select if self.select is not None else ("ALL",)
        name = ACCEPTANCE_CODES[code].name if code in ACCEPTANCE_CODES else code
        return any(matches(s, code, name) for s in chosen) and not any(matches(s, code, name) for s in self.ignore)

    def override(
        self,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: str | None = None,
    ) -> Settings:
        """These settings with command-line options applied (``--ignore`` adds to the file's).

        Raises:
            UsageError: a selector names nothing, ``--select`` is given but empty (what an unset CI
                variable gives: it would check nothing), or the selection leaves no rule to run.
        """
        result = self
        if select is not None:
            chosen = _split(select)
            if not chosen:
                raise UsageError(
                    _("--select: {value} selects no rule; leave --select out to run the default rules").format(
                        value=_empty(select)
                    )
                )
            result = replace(result, select=tuple(chosen))
        if ignore:
            result = replace(result, ignore=result.ignore + tuple(_split(ignore)))
        if fail_on is not None:
            result = replace(result, fail_on=_severity(fail_on, "--fail-on"))
        _check_selectors(result, _("the command line"))
        _check_some_rule_runs(result)
        return result


def load_settings(path: Path | None) -> Settings:
    """Settings from a configuration file (defaults when ``path`` is None).

    Raises:
        UsageError: the file cannot be read or holds unknown keys or values.
    """
    if path is None:
        return Settings()
    raw = read_config(path)
    try:
        config = _FileConfig.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"] if p not in (_ONE, _PER_LIST, "[key]"))
        message, hint = plain_error(first)
        if first["type"] == "extra_forbidden":
            message = _("unknown key {key}").format(key=f"'{first['loc'][-1]}'")
            hint = _unknown_key_hint(str(first["loc"][-1])) if len(first["loc"]) == 1 else None
        if first["type"] == "missing":
            message = _("missing required key {key}").format(key=f"'{first['loc'][-1]}'")
        # TRANSLATORS: {where} is the key of the configuration as written (fail-on, numbering.prefix)
        line = (
            _("{path}: {where}: {message}").format(path=path, where=where, message=message)
            if where
            else f"{path}: {message}"
        )
        raise UsageError(f"{line} ({hint})" if hint else line) from None
    if config.select is not None and not _split(config.select):
        raise UsageError(
            _("{path}: select: {value} selects no rule; leave it out to run the default rules").format(
                path=path, value=_empty(config.select)
            )
        )
    units = frozenset(config.known_units if config.known_units is not None else DEFAULT_UNITS)
    settings = Settings(
        select=tuple(_split(config.select)) if config.select is not None else None,
        ignore=tuple(_split(config.ignore)),
        fail_on=LEVELS[config.fail_on or "error"],
        severity={code.upper(): LEVELS[level] for code, level in config.severity.items()},
        options=Options(
            known_units=units | frozenset(config.extra_units),
            known_words=frozenset(DEFAULT_KNOWN_WORDS) | frozenset(w.strip() for w in config.known_words),
            required=frozenset(config.required) if config.required is not None else None,
            prefix=_prefix(config.numbering.prefix),
        ),
        source=str(path),
        alignment=path.parent / config.alignment if config.alignment else None,
    )
    _check_selectors(settings, str(path))
    return settings


def _prefix(prefix: Prefix | dict[ListName, Prefix]) -> tuple[tuple[str, str], ...]:
    """``numbering.prefix`` as the rules read it: (list name or "*", style) pairs."""
    if isinstance(prefix, str):
        return (("*", prefix),)
    return tuple(sorted((str(name), str(style)) for name, style in prefix.items()))


def _split(values: list[str]) -> list[str]:
    """``["TG,UN01", "MD"]`` -> ``["TG", "UN01", "MD"]``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


_KEYS = [field.alias or name for name, field in _FileConfig.model_fields.items()]
"""The keys of a configuration, as written."""


def _unknown_key_hint(key: str) -> str:
    close = difflib.get_close_matches(key, _KEYS, n=1, cutoff=0.6)
    if close:
        return _("did you mean {word}?").format(word=f"'{close[0]}'")
    return _("allowed keys: {keys}").format(keys=", ".join(f"`{key}`" for key in _KEYS))


def _empty(values: list[str]) -> str:
    """How an empty selection was written, for its error line: ``''``, ``','``, ``[]``."""
    return repr(",".join(values)) if values else "[]"


def _severity(value: str, where: str) -> Severity:
    level = LEVELS.get(value.strip().lower())
    if level is None:
        raise UsageError(
            _("{where}: {value} is not a severity (error, warning or info)").format(where=where, value=repr(value))
        )
    return level


def _check_some_rule_runs(settings: Settings) -> None:
    """A selection that leaves nothing to check is an error, not a run that passes having checked nothing."""
    if settings.rules() or any(settings.wants(code) for code in ACCEPTANCE_CODES):
        return
    ignored = ", ".join(settings.ignore)
    if settings.select is not None:
        chosen = ", ".join(settings.select)
        why = (
            _("--ignore {ignored} removes every one of {chosen}").format(ignored=ignored, chosen=chosen)
            if settings.ignore
            else chosen
        )
    else:
        why = (
            _("--ignore {ignored} removes every one of the default rules").format(ignored=ignored)
            if settings.ignore
            else _("the default rules")
        )
    if settings.source:
        message = _("no rule left to run: {why} (with {file}); see eduplan explain --list")
    else:
        message = _("no rule left to run: {why}; see eduplan explain --list")
    raise UsageError(message.format(why=why, file=settings.source))


def _check_selectors(settings: Settings, where: str) -> None:

    codes = [(r.code, r.name) for r in RULES.values()] + [(c.code, c.name) for c in ACCEPTANCE_CODES.values()]
    for selector in (*(settings.select or ()), *settings.ignore):
        if not any(matches(selector, code, name) for code, name in codes):
            if selector.upper() in LOAD_CODES:
                raise UsageError(
                    _("{where}: {selector} reports a problem reading the plan and cannot be selected").format(
                        where=where, selector=selector
                    )
                )
            raise UsageError(
                _("{where}: {selector} names no rule, family or code (see eduplan explain --list)").format(
                    where=where, selector=repr(selector)
                )
            )
    for code in settings.severity:
        if code not in RULES and code not in LOAD_CODES and code not in ACCEPTANCE_CODES:
            raise UsageError(_("{where}: severity: {code} is not a code").format(where=where, code=repr(code)))
