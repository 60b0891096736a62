"""The words of the analysis stage in Thai: the status of every indicator, and the gaps report, for every example plan.

A Thai run reads why each indicator reached its target or not (``82 >= 80 (ยิ่งมากยิ่งดี)``), and the gaps
report's table and lines, in Thai; the English of the same plan is the suite's (tests/annual, tests/gaps).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import i18n
from eduplan.analysis.alignment import load_alignment
from eduplan.analysis.compare import Status as S
from eduplan.analysis.compare import combine_parts, compare
from eduplan.analysis.gaps import coverage, render
from eduplan.analysis.status import plan_status
from eduplan.load.loader import load_plan
from tests.conftest import REPO
from tests.i18n.leaks import leaks

EXAMPLES = REPO / "docs" / "examples"
PLANS = [
    EXAMPLES / "annual-cycle",
    EXAMPLES / "office-strategic" / "2566-2570",
    EXAMPLES / "office-strategic" / "2566-2570-revised",
    EXAMPLES / "school-standards",
]

TITLES = frozenset({"Big", "Rock", "sdg"})
"""The built-in list's own words, shown as it writes them: a title (สพฐ.'s Big Rock) and a scheme's key (``sdg``)."""


def _plan(root: Path):  # type: ignore[no-untyped-def]
    loaded = load_plan(root)
    assert loaded.plan is not None
    return loaded.plan


@pytest.mark.parametrize("root", PLANS, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_every_status_reason_of_every_year_is_thai(root):
    plan = _plan(root)
    with i18n.using("th"):
        reasons = [part.reason for year in plan_status(plan) for s in year.indicators for part in s.walk()]
    assert reasons
    for reason in reasons:
        assert leaks(reason) == [], reason


@pytest.mark.parametrize("root", PLANS, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
@pytest.mark.parametrize("fmt", ["human", "markdown"])
def test_the_gaps_report_is_thai(root, fmt):
    plan = _plan(root)
    with i18n.using("th"):
        schemes, source = load_alignment()
        text = render([coverage(plan, root.relative_to(REPO).as_posix(), schemes, source)], fmt)
    assert "ตัวชี้วัด" in text and "รวม" in text
    for line in text.splitlines():
        assert leaks(line, TITLES) == [], line


def test_comparisons_read_as_whole_thai_sentences():
    with i18n.using("th"):
        assert compare(80, 82).reason == "82 >= 80 (ยิ่งมากยิ่งดี)"
        assert compare(80, 79, "maintain", tolerance=0.5).reason == "79 ห่างจาก 80 เกิน 0.5 (คงระดับ)"
        assert compare("ดี", "พอใช้", "higher-is-better", ["พอใช้", "ดี", "ดีมาก"]).reason == (
            "พอใช้ ต่ำกว่าระดับ ดี ตามลำดับ พอใช้ < ดี < ดีมาก"
        )
        assert combine_parts([S.ACHIEVED, S.NOT_ACHIEVED, S.NOT_DUE]) == (
            S.PARTLY,
            "ตัวชี้วัดย่อยบรรลุ 1 จาก 3 ตัว (ถึงกำหนดในปีนี้ 2 ตัว) ไม่บรรลุ 1 ตัว",
        )
    assert combine_parts([S.ACHIEVED, S.NOT_ACHIEVED, S.NOT_DUE])[1] == (
        "1 of its 3 parts (2 due this year) achieved, 1 not achieved"
    )
