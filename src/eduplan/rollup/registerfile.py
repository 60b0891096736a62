"""The register as the YAML file an office keeps: written from a school list, checked by reading it back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from pydantic import ValidationError

from eduplan.errors import EduplanError
from eduplan.i18n import _
from eduplan.load.yamlio import parse
from eduplan.model.register import Register, shown_date

__all__ = ["register_yaml"]

_ORDER = ("code", "name", "kind", "parent", "district", "province", "size", "levels", "students", "note")


def register_yaml(units: list[dict[str, Any]], as_of: dt.date | None, source: str) -> str:
    """The text of ``register.yaml`` for ``units`` (plain data, in order), read back as a :class:`Register`.

    Raises:
        EduplanError: the text does not read back as the same register (a fault of eduplan, not of the list).
    """
    body: dict[str, Any] = {}
    if as_of is not None:
        body["as_of"] = shown_date(as_of)
    body["units"] = [{key: unit[key] for key in _ORDER if key in unit} for unit in units]
    head = _("# The register of units, made by `eduplan register import` from {source}.").format(source=source)
    text = head + "\n" + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    data, _source, findings = parse(text, "register.yaml")
    try:
        register = Register.model_validate(data)
    except ValidationError as exc:
        raise EduplanError(
            _("the register made from {source} does not read back: {error}").format(source=source, error=exc)
        ) from None
    if (
        findings
        or len(register.units) != len(units)
        or any(u.code != v["code"] for u, v in zip(register.units, units, strict=True))
    ):
        raise EduplanError(_("the register made from {source} does not read back as written").format(source=source))
    return text
