"""Fixtures of the annual-cycle tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def copy_of(tmp_path: Path) -> Callable[[Path], Path]:
    """``copy_of(plan_dir)``: a copy of a plan directory under tmp_path (its *.md files left out)."""

    def make(source: Path) -> Path:
        target = tmp_path / source.name
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.md"))
        return target

    return make
