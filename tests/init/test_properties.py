"""Whatever the answers, init either writes a plan that validates with no finding or writes nothing."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from eduplan.check.config import load_settings
from eduplan.check.pipeline import check_path
from eduplan.errors import UsageError
from eduplan.scaffold.answers import make_answers
from eduplan.scaffold.create import create

_LETTERS = "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาำิีึืุูเแโใไ่้๊๋็์ํ๐๑๒"
_NAMES = st.text(alphabet=_LETTERS + "0123456789 .-()\"':#,/\u200b\n", min_size=0, max_size=30)
_COUNTER = itertools.count()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_NAMES,
    short=st.one_of(st.none(), _NAMES),
    school=st.booleans(),
    start=st.integers(2560, 2580),
    length=st.integers(1, 10),
)
def test_the_plan_validates_or_nothing_is_written(
    name: str, short: str | None, school: bool, start: int, length: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / f"repo{next(_COUNTER)}"
        try:
            answers = make_answers(
                kind="school" if school else "office",
                name=name,
                short_name=short,
                period=f"{start}-{start + length - 1}",
                office_id="demo",
            )
            created = create(root, answers)
        except UsageError as exc:
            event("refused")
            assert "\n" not in str(exc)  # one line: a line break in a name is shown escaped
            assert not root.exists()
            return
        event("written")
        check = check_path(created.plan, load_settings(root / "eduplan.yaml"))
        assert check.findings == []
        assert check.loaded
