"""``eduplan gaps`` on the examples: it runs, and counts a sub-indicator as a part of its indicator.

The office plan has 15 indicators in its policies of both levels, one of which (p2-1-i1) groups three
sub-indicators; the school's strategies have 7 indicators, and its 3 standards hold 23 items, which are parts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eduplan.model.walk import all_indicators
from tests.examples.helpers import OFFICE, OFFICE_REVISED, SCHOOL, loaded
from tests.validate.helpers import cli


@pytest.mark.parametrize("root", [OFFICE, OFFICE_REVISED, SCHOOL], ids=["office", "office-revised", "school"])
@pytest.mark.parametrize("fmt", ["human", "markdown", "json"])
def test_gaps_runs_on_the_example(root: Path, fmt: str) -> None:
    run = cli("gaps", str(root), "--format", fmt)
    assert run.code == 0, run.err
    assert run.out.strip()


@pytest.mark.parametrize(("root", "whole", "parts"), [(OFFICE, 15, 3), (SCHOOL, 10, 23)], ids=["office", "school"])
def test_gaps_counts_each_indicator_once_with_its_parts(root: Path, whole: int, parts: int) -> None:
    plan = loaded(root)
    walked = list(all_indicators(plan))  # the school's 3 standards are whole, their 23 items parts
    assert (sum(not at.is_part for at in walked), sum(at.is_part for at in walked)) == (whole, parts)
    body = json.loads(cli("gaps", str(root), "--format", "json").out)
    (report,) = body["plans"]
    rows = report["policies"]  # a row per policy of every level (and one for the standards)
    assert (sum(row["indicators"] for row in rows), sum(row["parts"] for row in rows)) == (whole, parts)
