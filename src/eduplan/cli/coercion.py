"""Option values read as Typer reads them, without building a pydantic validator for each option.

Typer turns each value of the command line into its annotated type with a pydantic
``TypeAdapter``, one built for every parameter of the command that runs, given or not: about
25 ms of ``eduplan validate`` on one plan, for values that are nearly all text, paths, whole
numbers and choices. :func:`lighten` gives each parameter of a built command a reader that
does those the way Typer's adapters do (the same functions, without pydantic around them) and
hands every other value, and every value it would refuse, to Typer's own reader, built then: a
wrong value gets Typer's error, word for word.

It leans on two of Typer's inner parts (its ``RuntimeParam`` and ``coerce_cli_path``); where
they are missing (another Typer), commands keep Typer's readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

__all__ = ["lighten"]

_NONE = type(None)

try:  # Typer's inner parts: without them, Typer's own readers serve
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another Typer
    RuntimeParam = None  # type: ignore[assignment,misc]

_WHOLE = re.compile(r"-?(?:0|[1-9][0-9]*)")
"""A whole number as ``int()`` and pydantic read it alike (no spaces, signs, underscores or leading zeros)."""


class _Full(Exception):
    """The value needs Typer's own reader."""


def lighten(params: Iterable[Any]) -> None:
    """Give every Typer parameter of ``params`` (a command's) the light reader (in place), unless it has one."""
    if RuntimeParam is None:  # pragma: no cover - another Typer
        return
    for param in params:
        if isinstance(param, _TyperParameter) and getattr(param, "_runtime_param", "") is None:
            descriptor = param.type_descriptor
            param._runtime_param = _Light(descriptor.parameter_info, descriptor.annotation, descriptor)


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _Light(RuntimeParam):
        """Reads text, paths, whole numbers, choices, flags, ``None`` and lists of them; Typer's the rest."""

        descriptor: Any = None
        full: dict[str, Any] = field(default_factory=dict)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation: Any = self.annotation
            try:
                if get_origin(annotation) is list and isinstance(value, list | tuple):
                    (item,) = get_args(annotation)
                    return [self._one(item, v, param, ctx) for v in value]
                return self._one(annotation, value, param, ctx)
            except _Full:
                if "reader" not in self.full:
                    self.full["reader"] = build_runtime_param(self.descriptor)
                return self.full["reader"]._coerce_value(value, param=param, ctx=ctx)

        def _one(self, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
            info = self.parameter_info
            annotation, optional = _unoptional(annotation)
            if value is None and optional:
                return None
            if annotation is bool and isinstance(value, bool):  # a flag: click gives the bool itself
                return value
            if info.parser is not None and not getattr(info, "click_type", None):
                try:
                    return info.parser(value)  # as Typer's reader does: the parser alone
                except Exception:  # Typer's reader says what was wrong, word for word
                    raise _Full from None
            if not isinstance(value, str) or getattr(info, "click_type", None):
                raise _Full
            if annotation is str:
                return value
            if annotation is int and info.min is None and info.max is None and _WHOLE.fullmatch(value):
                return int(value)
            if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type is None:
                return coerce_cli_path(annotation(value), info, path_type=annotation, param=param, ctx=ctx)
            if isinstance(annotation, type) and issubclass(annotation, Enum):
                choices = tuple(annotation)
                try:
                    return coerce_cli_choice(value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx)
                except ValueError:
                    raise _Full from None
            raise _Full


def _unoptional(annotation: Any) -> tuple[Any, bool]:
    """``X`` of ``X | None`` (and whether ``None`` was allowed); any other annotation as it is."""
    args = get_args(annotation)
    if _NONE in args and get_origin(annotation) in (UnionType, Union):
        rest = [arg for arg in args if arg is not _NONE]
        if len(rest) == 1:
            return rest[0], True
    return annotation, False
