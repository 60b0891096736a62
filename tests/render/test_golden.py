"""Golden files, byte for byte: the real plan and its FY2567 action plan, in Markdown and HTML (the
annual-cycle example's FY2567 action plan and performance report, with the report's words, in Thai
and English: tests/render/narrative).

``SOURCE_DATE_EPOCH`` is fixed so that the "generated on" line is part of what is checked. The HTML
is as the templates wrote it, without the markup of Thai line breaks (``render`` of the helpers
takes it out; ``tests/render/print`` checks it).
Refresh after an intended change with ``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/render`` and
review the diff. Embedded fonts are replaced by their size and hash (see ``fonts_hashed``).
"""

from __future__ import annotations

import pytest

from tests.render.helpers import REAL_PLAN, check_golden, fonts_hashed, render

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # 14 November 2023 = 14 พฤศจิกายน 2566


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("plan.md", ["-f", "markdown"]),
        ("plan.html", ["-f", "html"]),
        ("action-plan-2567.md", ["-d", "action-plan", "--year", "2567", "-f", "markdown"]),
        ("action-plan-2567.html", ["-d", "action-plan", "--year", "2567", "-f", "html"]),
    ],
)
def test_real_plan_documents_match_their_golden_files(name, args):
    run = render(str(REAL_PLAN), *args, "-o", "-", env=EPOCH)
    assert run.code == 0, run.err
    text = fonts_hashed(run.out) if name.endswith(".html") else run.out
    check_golden(name, text)
