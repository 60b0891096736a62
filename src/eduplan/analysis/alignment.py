"""The reference list of higher-plan codes that projects align with (read by ``eduplan gaps``).

eduplan ships one (``eduplan/data/alignment.yaml``: the 20-year national strategy, the master
plans under it, the 13th national development plan, the national education plan and SDG 4); a
plan may add schemes or replace them with a list of its own in the same format. The schemes'
keys are the values of ``AlignmentRef.scheme``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eduplan.errors import UsageError
from eduplan.findings import Severity
from eduplan.i18n import N_, _
from eduplan.load.files import read_bounded
from eduplan.load.yamlio import read_yaml

__all__ = ["BUILTIN", "Scheme", "load_alignment"]

BUILTIN = N_("eduplan's built-in list")
"""How the packaged list is named in reports (translated where it is used)."""


@dataclass(frozen=True, slots=True)
class Scheme:
    """One higher plan and its codes.

    Attributes:
        key: The scheme's key, as projects write it (``national-strategy-20y``).
        title: The plan's title.
        codes: Code -> title, in the list's order.
        source: Where the codes come from.
    """

    key: str
    title: str
    codes: dict[str, str]
    source: str = ""


def load_alignment(extra: Path | None = None) -> tuple[dict[str, Scheme], str]:
    """The built-in schemes, with those of ``extra`` added or replacing them; and where they come from.

    Raises:
        UsageError: ``extra`` cannot be read or is not a list of schemes.
    """
    builtin = resources.files("eduplan").joinpath("data", "alignment.yaml").read_bytes()
    schemes = _parse(builtin, _("the built-in alignment list"))
    if extra is None:
        return schemes, _(BUILTIN)

    data, reason = read_bounded(extra)
    if data is None:
        raise UsageError(_("{path}: cannot read the alignment list: {reason}").format(path=extra, reason=reason))
    return schemes | _parse(data, str(extra)), _("{builtin} and {path}").format(builtin=_(BUILTIN), path=extra)


def _parse(data: bytes, where: str) -> dict[str, Scheme]:
    """The schemes of an alignment list, read with eduplan's bounded YAML reader (no alias bombs, no deep nesting).

    Raises:
        UsageError: the first error reading it, located; or it is not a mapping of schemes.
    """
    value: Any
    value, _source, findings = read_yaml(data, where)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise UsageError(f"{errors[0].span or where}: {errors[0].message}")
    raw = value.get("schemes") if isinstance(value, dict) else None
    if not isinstance(raw, dict) or not raw:
        raise UsageError(
            _("{where}: expected a mapping {key} of scheme keys to {fields}").format(
                where=where, key="'schemes'", fields="{title, codes}"
            )
        )
    schemes = {}
    for key, body in raw.items():
        codes = body.get("codes") if isinstance(body, dict) else None
        if not isinstance(key, str) or not isinstance(codes, dict) or not codes:
            raise UsageError(
                _("{where}: {path}: expected a title and a non-empty mapping {key}").format(
                    where=where, path=f"schemes.{key}", key="'codes'"
                )
            )
        if not all(isinstance(c, str) for c in codes):
            raise UsageError(
                _('{where}: {path}: quote every code ("1", "4.a"), so that 01 stays 01').format(
                    where=where, path=f"schemes.{key}.codes"
                )
            )
        schemes[key] = Scheme(
            key,
            _text(body.get("title")) or key,
            {c: _text(t) for c, t in codes.items()},
            _text(body.get("source")),
        )
    return schemes


def _text(value: Any) -> str:
    """A title as text: a number or a list written where a title goes is shown as YAML wrote it, briefly."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)[:200]
