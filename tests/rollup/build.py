"""Plans, registers and returns for the roll-up tests, built as data (no files)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from eduplan.model import Plan
from eduplan.rollup.records import Answer, UnitReturn, Value

__all__ = ["SCHOOLS", "plan_with", "ret", "school"]


def school(code: str, **more: Any) -> dict[str, Any]:
    """A school of the register under the office 52010000."""
    return {"code": code, "name": f"โรงเรียน{code}", "parent": "52010000", **more}


SCHOOLS = [
    school("1001", district="เมือง", province="ลำปาง", size="large", students=1200, levels=["upper-secondary"]),
    school("1002", district="เมือง", province="ลำปาง", size="small", students=100, levels=["lower-secondary"]),
    school("1003", district="เกาะคา", province="ลำปาง", size="medium", students=400, levels=["upper-secondary"]),
    school("1004", district="ป่าซาง", province="ลำพูน", size="small", students=80),
]
"""Four schools: two in เมือง, one in เกาะคา (ลำปาง), one in ป่าซาง (ลำพูน); sizes large, small, medium, small."""


def plan_with(indicators: list[dict[str, Any]], units: list[dict[str, Any]] | None = None, **register: Any) -> Plan:
    """An office plan of fiscal years 2566-2570 with these indicators (one policy) and a register of ``units``."""
    for n, indicator in enumerate(indicators, start=1):
        indicator.setdefault("number", str(n))
        indicator.setdefault("name", f"ตัวชี้วัด {n}")
    return Plan.model_validate(
        {
            "id": "office",
            "title": "แผน",
            "office": {"name": "สำนักงาน", "code": "52010000"},
            "period": {"start": 2566, "end": 2570},
            "policies": [{"id": "p1", "number": "1", "title": "นโยบาย", "indicators": indicators}],
            "register": {"units": SCHOOLS if units is None else units, **register},
        }
    )


def ret(
    unit: str, answers: dict[str, dict[str, Value | int | str]], year: int = 2567, received: dt.date | None = None
) -> UnitReturn:
    """A return of ``unit``: indicator -> key -> value (ints become Decimals), each placed in its own cell."""
    made = {
        indicator: {
            key: Answer(key, Decimal(v) if isinstance(v, int) and not isinstance(v, bool) else v, f"{unit}.xlsx!{key}")
            for key, v in keys.items()
        }
        for indicator, keys in answers.items()
    }
    return UnitReturn(unit, year, f"returns/{year}/{unit}.xlsx", made, received)
