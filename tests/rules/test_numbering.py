"""How MD03 and MD04 read numbers: the usual styles, every list of the plan, lists that lost items.

The per-rule cases (cases/MD03.yaml, cases/MD04.yaml) show the findings; these tests pin what the
rules stand on: :func:`parse_number` reads every style a count is written in and back, every
numbered list of a deep plan is visited once with its shape, and a list that lost an invalid item
is left unjudged however deep it is.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.model import Plan
from eduplan.rules.metadata.numbering import (
    LATIN_LETTERS,
    THAI_LETTERS,
    Number,
    numbered_lists,
    parse_list,
    parse_number,
    write_number,
)
from tests.conftest import MINIMAL_PLAN, build_tree

STYLES = {"1": 999, "ก": len(THAI_LETTERS), "a": len(LATIN_LETTERS), "A": len(LATIN_LETTERS), "i": 3999, "I": 3999}
"""Each way of counting and the most it counts to; each is written bare, ``1.``, ``1)`` or ``(1)``."""


@given(
    marker=st.sampled_from(sorted(STYLES)),
    decor=st.sampled_from([("", ""), ("", "."), ("", ")"), ("(", ")")]),
    data=st.data(),
    prefix=st.lists(st.integers(min_value=1, max_value=30), max_size=3).map(tuple),
)
def test_a_count_written_in_its_style_reads_back(
    marker: str, decor: tuple[str, str], data: st.DataObject, prefix: tuple[int, ...]
) -> None:
    count = data.draw(st.integers(min_value=1, max_value=STYLES[marker]))
    prefix = prefix if marker == "1" else ()  # letters and numerals count one level
    style = marker.join(decor)
    written = write_number(count, prefix, style)
    assert parse_number(written, roman=marker in "iI") == Number((*prefix, count), style)


def test_roman_numerals_and_letters_by_their_list() -> None:
    assert [n.parts if n else None for n in parse_list(["i.", "ii.", "iii.", "iv.", "v."])] == [
        (1,),
        (2,),
        (3,),
        (4,),
        (5,),
    ]
    assert [n.parts if n else None for n in parse_list(["g)", "h)", "i)"])] == [(7,), (8,), (9,)]
    assert parse_number("iv)") == Number((4,), "i)") and parse_number("B.") == Number((2,), "A.")


def test_usual_and_malformed_numbers() -> None:
    assert parse_number("3.2.11") == Number((3, 2, 11), "1")
    assert parse_number("๓.๒") == Number((3, 2), "1")
    assert parse_number("1.1.") == Number((1, 1), "1.")
    assert parse_number("(ข)") == Number((2,), "(ก)")
    assert parse_number("ค.") == Number((3,), "ก.")
    for bad in ("3.2.1 1", "3.2,1", "(1", "1.)", ".1", "1..2", "ก1", "", " 1", "ฃ.", "ab", "iiii", "Ab"):
        assert parse_number(bad) is None, bad


def test_every_list_of_a_deep_plan_once() -> None:
    leaf = {"id": "i", "number": "1", "name": "ร้อยละ", "kind": "percent"}
    plan = Plan.model_validate(
        {
            "id": "demo",
            "title": "t",
            "office": {"name": "o"},
            "period": {"start": 2566, "end": 2570},
            "policies": [
                {
                    "id": "s1",
                    "number": "1",
                    "title": "t",
                    "policies": [
                        {
                            "id": "s1-1",
                            "number": "1.1",
                            "title": "t",
                            "goals": ["g1", {"id": "s1-1-g1", "number": "1", "text": "t"}],
                            "indicators": [{**leaf, "id": "i1", "kind": None, "indicators": [{**leaf, "id": "i1-1"}]}],
                        }
                    ],
                }
            ],
            "standards": [{**leaf, "id": "std1", "kind": "level", "indicators": [{**leaf, "id": "std1-1"}]}],
        }
    )
    shapes = {numbered.shape: numbered for numbered in numbered_lists(plan) if numbered.items}
    assert sorted(shapes) == sorted(
        [
            ("policies",),
            ("policies", "policies"),
            ("policies", "policies", "goals"),
            ("policies", "policies", "indicators"),
            ("policies", "policies", "indicators", "indicators"),
            ("standards",),
            ("standards", "indicators"),
        ]
    )
    goals = shapes[("policies", "policies", "goals")]
    assert goals.items == [(("policies", 0, "policies", 0, "goals", 1), "1")]  # the stated goal, at its index
    assert (goals.owner, goals.holder) == ("1.1", "policy")
    parts = shapes[("policies", "policies", "indicators", "indicators")]
    assert (parts.owner, parts.holder, parts.name) == ("1", "indicator", "indicators")


NESTED = """\
id: s1
number: "1"
title: พัฒนาคุณภาพผู้เรียน
policies:
  - id: s1-1
    number: "1.1"
    title: พัฒนาหลักสูตร
    targets:
      - {id: s1-1-t1, number: "1.1.1", text: ผู้เรียนมีผลสัมฤทธิ์สูงขึ้น}
      - {id: s1-1-t2, number: "1.1.2"}
      - {id: s1-1-t3, number: "1.1.3", text: ผู้เรียนมีทักษะ}
  - id: s1-2
    number: "1.2"
    title: พัฒนาครู
    targets:
      - {id: s1-2-t1, number: "1.2.1", text: ครูมีสมรรถนะ}
      - {id: s1-2-t2, number: "1.2.3", text: ครูใช้เทคโนโลยี}
"""


def test_a_nested_list_that_lost_an_item_is_not_judged(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": NESTED})
    result = check_path(root, Settings(select=("MD04",)))
    assert [f.code for f in result.findings if f.code.startswith("SC")] == ["SC01"]  # s1-1-t2 has no text
    # 1.1.3 follows 1.1.1 only because 1.1.2 was dropped; the targets of 1.2 lost nothing of theirs,
    # but a list of the same shape did: numbering lists of that shape stay unjudged (never a false gap).
    assert [f.code for f in result.findings if f.code == "MD04"] == []
