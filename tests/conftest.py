"""Shared test helpers: build plan trees from text, run the CLI in-process."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eduplan import i18n

REPO = Path(__file__).resolve().parent.parent
REAL_PLAN = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"
SHARED = REPO.parent / "shared"

MINIMAL_PLAN = """\
id: demo
title: แผนพัฒนาการศึกษา ทดสอบ
office: {name: สำนักงานทดสอบ}
period: {start: 2566, end: 2570}
"""
"""The four keys a plan needs: a fragment, with no policies (LD03). Tests add their own policies to it."""

POLICY = """\
id: p1
number: '1'
title: นโยบาย
indicators:
  - id: p1-i1
    number: '1'
    name: ร้อยละของครู
    unit: ร้อยละ
    kind: percent
    owner: สพฐ.
    targets: {2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}
"""
"""One policy file (policies/1.yaml) with one indicator that passes every default rule."""

PLAN_WITH_POLICY = MINIMAL_PLAN + "policies:\n  - " + textwrap.indent(POLICY, "    ").removeprefix("    ")
"""The smallest clean single-file plan: MINIMAL_PLAN with POLICY listed under ``policies:``."""


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The examples of the suite read in English unless a test asks for Thai (``tests/i18n`` runs them in Thai).

    ``EDUPLAN_LANG`` reaches the commands the tests start as processes; the locale of the machine
    that runs the tests never decides.
    """
    monkeypatch.setenv("EDUPLAN_LANG", "en")
    with i18n.using("en"):
        yield


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``root``; text is dedented."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """``tree({"plan.yaml": "..."})`` builds files in a temporary directory and returns it."""
    return lambda files: build_tree(tmp_path, files)
