"""Round trip: a form made, answers typed into it as a school would type them, read back: the same answers.

Hypothesis chooses the answers: numbers typed as numbers, with thousands separators or in Thai digits;
levels and yes/no in either language's words; ไม่มีข้อมูล; words; an indicator left blank. A form made
in one language is read in either.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan import i18n
from eduplan.collect.returns import gather
from eduplan.load.whole import load_whole
from tests.collect.helpers import TODAY, collect, fill, office_copy

CODE = "1088880001"
LEVELS = ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@st.composite
def number(draw: st.DrawFn, low: int = 0, high: int = 100_000) -> tuple[Any, Decimal | None]:
    """(what is typed, what it means): a number, as a school may type it, or ไม่มีข้อมูล."""
    whole = draw(st.integers(low, high))
    cents = draw(st.integers(0, 99))
    exact = Decimal(whole) + Decimal(cents) / 100 if draw(st.booleans()) else Decimal(whole)
    way = draw(st.sampled_from(["number", "separators", "thai", "no data"]))
    if way == "no data":
        return draw(st.sampled_from(["ไม่มีข้อมูล", "no data", "-"])), None
    if way == "number":
        return (int(exact) if exact == int(exact) else float(exact)), exact
    text = f"{exact:,}"
    return (text.translate(THAI) if way == "thai" else text), exact


@st.composite
def ratio(draw: st.DrawFn) -> dict[str, tuple[Any, Any]]:
    denominator = draw(st.integers(0, 5000))
    numerator = draw(st.integers(0, denominator))
    typed = draw(st.sampled_from([str, int, lambda n: f"{n:,}".translate(THAI)]))
    return {
        "numerator": (typed(numerator), Decimal(numerator)),
        "denominator": (typed(denominator), Decimal(denominator)),
    }


ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        "p1-1": ratio(),
        "p1-2": st.sampled_from([*LEVELS, "ไม่มีข้อมูล"]).map(lambda w: {"value": (w, None if w == "ไม่มีข้อมูล" else w)}),
        "p1-3": number(0, 100).map(lambda pair: {"value": pair}),
        "p2-1": number().map(lambda pair: {"value": pair}),
        "p2-2": st.sampled_from(
            [("ใช่", True), ("ไม่ใช่", False), ("yes", True), ("no", False), ("✓", True), ("ไม่มีข้อมูล", None)]
        ).map(lambda pair: {"value": pair}),
        "p3-1": st.text(st.sampled_from("กขคงจฉชซดตถทนบปผพฟมยรลวสหอะาิีุู่้ "), min_size=1, max_size=30)
        .map(str.strip)
        .filter(bool)
        .map(lambda w: {"value": (w, w)}),
    },
)


@pytest.fixture(scope="module", params=["th", "en"])
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    """The example office, its forms made in ``th`` or ``en``, and the plan loaded once."""
    tmp = tmp_path_factory.mktemp(f"roundtrip-{request.param}")
    root = office_copy(tmp)
    with i18n.using(request.param):
        run = collect(root, tmp / "forms", "--lang", request.param)
    assert run.code == 0, run.err
    (root / "returns" / "2567").mkdir(parents=True)
    plan, loaded = load_whole(root)
    return root, plan, loaded


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=ANSWERS, lang=st.sampled_from(["th", "en"]))
def test_answers_typed_into_a_form_read_back_the_same(
    office: tuple[Path, Any, Any], answers: dict[str, dict[str, tuple[Any, Any]]], lang: str
) -> None:
    root, plan, loaded = office
    typed = {indicator: {key: pair[0] for key, pair in by.items()} for indicator, by in answers.items()}
    meant = {indicator: {key: pair[1] for key, pair in by.items()} for indicator, by in answers.items()}
    fill(root.parent / "forms" / f"{CODE}.xlsx", {CODE: typed}, target=root / "returns" / "2567" / f"{CODE}.xlsx")
    with i18n.using(lang):  # type: ignore[arg-type]
        got = gather(plan, loaded, 2567, today=TODAY)
    ret = next(r for r in got.returns if r.unit == CODE)
    assert {i: {k: a.value for k, a in by.items()} for i, by in ret.answers.items()} == meant
    assert [f.code for f in got.findings] == ([] if answers else ["RT16"])
