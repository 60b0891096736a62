"""The examples validate with no finding: every convention they show is accepted as written.

The office plan has no owner column, a group indicator with sub-indicators, items numbered 1), and
its revised edition adds an indicator from 2568; the school's standards need no owner and their items
take the standard's unit. None of that is a mistake, so none of it may give a finding.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.examples.helpers import OFFICE, OFFICE_REVISED, SCHOOL, loaded
from tests.validate.helpers import cli

EXAMPLES = [
    pytest.param(OFFICE, id="office"),
    pytest.param(OFFICE_REVISED, id="office-revised"),
    pytest.param(SCHOOL, id="school"),
]


@pytest.mark.parametrize("root", EXAMPLES)
def test_the_example_loads_whole(root: Path) -> None:
    loaded(root)  # no load or schema error: nothing of the example is dropped


@pytest.mark.parametrize("root", EXAMPLES)
def test_the_example_validates_with_no_finding(root: Path) -> None:
    run = cli("validate", str(root), "--format", "json")
    findings = [f"{f['code']} {f.get('file')}:{f.get('line')} {f['message']}" for f in json.loads(run.out)["findings"]]
    assert findings == []
    assert run.code == 0, run.err
