"""The files ``eduplan init`` writes, as golden files: what an office and a school start from.

Refresh after an intended change with ``EDUPLAN_UPDATE_GOLDENS=1 pytest tests/init`` and review
the diff of tests/init/golden/ before committing. The schemas are left out: they are the
shipped schemas byte for byte (tests/init/test_init.py checks them against ``eduplan schema``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.init.helpers import OFFICE, SCHOOL, eduplan, files_under

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("EDUPLAN_UPDATE_GOLDENS") == "1"

CASES = {
    "office": OFFICE,
    "office-two-levels": [*OFFICE, "--hierarchy", "ประเด็นยุทธศาสตร์,กลยุทธ์"],
    "school": SCHOOL,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = eduplan("init", "repo", *CASES[case])
    assert result.exit_code == 0, result.stderr
    made = {name: text for name, text in files_under(tmp_path / "repo").items() if not name.startswith("schema/")}
    made["stdout.txt"] = result.stdout
    folder = GOLDEN / case
    if REFRESH:
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in made.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    assert made == files_under(folder)
