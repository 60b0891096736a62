"""Helpers of the roll-up tests: the CLI in-process, golden files beside the tests."""

from __future__ import annotations

from pathlib import Path

from tests.annual.xlsx import eduplan
from tests.render.helpers import check_golden as _check_golden

__all__ = ["GOLDEN", "check_golden", "eduplan"]

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare with ``golden/NAME`` beside this file (EDUPLAN_UPDATE_GOLDENS=1 rewrites it)."""
    _check_golden(name, text, GOLDEN)
