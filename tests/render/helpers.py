"""Helpers of the render tests: run ``eduplan render`` in-process, make plans, compare goldens."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from eduplan.load.loader import load_plan
from eduplan.render.linebreak import unmark
from tests.conftest import MINIMAL_PLAN, REAL_PLAN, REPO
from tests.validate.helpers import Run, cli

__all__ = ["EXAMPLE", "MINIMAL_PLAN", "REAL_PLAN", "Run", "check_golden", "cli", "fonts_hashed", "real_rows", "render"]

GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLE = REPO / "docs" / "examples" / "annual-cycle"
UPDATE = os.environ.get("EDUPLAN_UPDATE_GOLDENS") == "1"
"""``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/render`` rewrites the golden files; review the diff."""

_FONT_DATA = re.compile(r"base64,([A-Za-z0-9+/=]+)")


def render(*args: str, env: dict[str, str] | None = None) -> Run:
    """``eduplan render ARGS`` in-process, with no SOURCE_DATE_EPOCH unless ``env`` sets one.

    An HTML document on standard output is read as its templates wrote it: the line-break markup
    of its Thai words (:func:`eduplan.render.linebreak.unmark`) taken out, so that tests and golden
    files read the text; ``tests/render/print`` checks the markup and what it does in print.
    """
    run = cli("render", *args, env={"SOURCE_DATE_EPOCH": ""} | (env or {}))
    return Run(run.code, unmark(run.out), run.err)


def fonts_hashed(html: str) -> str:
    """The HTML with each embedded font replaced by its size and SHA-256 (goldens stay readable)."""

    def digest(match: re.Match[str]) -> str:
        data = match.group(1)
        return f"base64,[{len(data)} base64 characters, sha256 {hashlib.sha256(data.encode()).hexdigest()[:16]}]"

    return _FONT_DATA.sub(digest, html)


def check_golden(name: str, text: str, folder: Path = GOLDEN) -> None:
    """Compare ``text`` with ``FOLDER/NAME`` (``golden/`` here), or rewrite the file when EDUPLAN_UPDATE_GOLDENS=1."""
    path = folder / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8", newline="\n")
        if not UPDATE:
            raise AssertionError(f"{path} did not exist; wrote it. Review it and run again.")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its golden file; if the change is intended, run "
        f"EDUPLAN_UPDATE_GOLDENS=1 pytest {folder.parent.relative_to(REPO)} and review the diff"
    )


def real_rows() -> list[tuple[str, list[str]]]:
    """Every indicator row of the real plan as (id, cells): number, name, unit, targets by year, owner.

    The plan has only numeric targets and no ranges, so ``str`` of a target is how it is shown.
    """
    plan = load_plan(REAL_PLAN).plan
    assert plan is not None
    return [
        (
            ind.id,
            [
                ind.number,
                ind.name,
                ind.unit or "–",
                *(str(ind.targets[y]) for y in plan.period.years),
                ind.owner or "–",
            ],
        )
        for policy in plan.policies
        for ind in policy.indicators
    ]


def plan_with_indicators(indicators_yaml: str, extra: str = "") -> dict[str, str]:
    """Files of a one-policy plan whose indicator list is ``indicators_yaml`` (a YAML block)."""
    return {
        "plan.yaml": MINIMAL_PLAN + extra,
        "policies/1.yaml": "id: p1\nnumber: '1'\ntitle: นโยบายทดสอบ\n"
        + ("indicators:\n" + indicators_yaml if indicators_yaml else ""),
    }
