"""The shipped examples of issue 15 and what the tests need of them.

``docs/examples/office-strategic`` is an office's plan in the shape ประเด็นยุทธศาสตร์ -> กลยุทธ์ in two
editions (for diff); ``docs/examples/school-standards`` is a school's standards-based plan with two SARs.
Goldens live in ``golden/`` beside this file; refresh with ``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/examples``
and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

from eduplan.load.loader import load_plan
from eduplan.model import Plan
from tests.conftest import REPO
from tests.render.helpers import check_golden as _check_golden

__all__ = ["EXAMPLES", "GOLDEN", "OFFICE", "OFFICE_REVISED", "SCHOOL", "check_golden", "loaded"]

EXAMPLES = REPO / "docs" / "examples"
OFFICE = EXAMPLES / "office-strategic" / "2566-2570"
OFFICE_REVISED = EXAMPLES / "office-strategic" / "2566-2570-revised"
SCHOOL = EXAMPLES / "school-standards"
GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``golden/NAME`` of this package (EDUPLAN_UPDATE_GOLDENS=1 rewrites it)."""
    _check_golden(name, text, GOLDEN)


def loaded(root: Path) -> Plan:
    """The example as the tool reads it; it must load without a load or schema error."""
    result = load_plan(root)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == [], "\n".join(str(f) for f in errors)
    assert result.plan is not None
    return result.plan
