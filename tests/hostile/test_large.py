"""Large and deep input, generated at test time: bounded time and memory, located findings.

Measured on the 2-core machine (load 1.5 / load 5, other test runs going), with ``launch.py``:

=========================================  ==========  ===========  ========
case                                       size        time (s)     peak MB
=========================================  ==========  ===========  ========
a 50 MB Thai vision (one string)           50 MB       1.7 / 3.4    196
10,000 nested flow lists ``[[[...]]]``     20 kB       0.4 / 0.7    45
10,000 nested block lists ``- - - ...``    20 kB       0.3 / 0.6    45
1,000 nested block mappings (indented)     0.5 MB      0.3 / 0.5    39
10,000 missions, each with a finding       1 MB        0.9 / 2.6    88
5,000 invalid indicators, each dropped     0.6 MB      1.0          91
50 MB of values ``[0,0,...]``: YA08        50 MB       1.0          180
199,900 values, just under the limit       0.4 MB      1.3          169
=========================================  ==========  ===========  ========

The bounds below leave about twice the loaded figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from eduplan.load.yamlio import MAX_DEPTH, MAX_VALUES
from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY
from tests.hostile.runner import check_run, located, run


def test_a_50_mb_plan_is_read_in_bounded_time_and_memory(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    with plan.open("w", encoding="utf-8") as out:
        out.write(PLAN_WITH_POLICY + "vision: ")
        chunk = "การพัฒนาคุณภาพการศึกษา" * 1000  # written in pieces: pytest itself stays small
        while out.tell() < 50_000_000:
            out.write(chunk)
        out.write("\n")
    done = run("validate", str(plan), "--format", "json", timeout=30)
    check_run(done, 0)
    assert json.loads(done.out)["summary"]["files"] == 1
    assert done.seconds < 10
    assert done.peak_mb < 300  # the file is held once as bytes and once as the string's text


def _deep(tmp_path: Path, name: str, body: str) -> list[dict[str, object]]:
    plan = tmp_path / name
    plan.write_text(MINIMAL_PLAN + body, encoding="utf-8")
    done = run("validate", str(plan), "--format", "json")
    check_run(done, 1)
    assert done.seconds < 5 and done.peak_mb < 100
    return located(json.loads(done.out))


def test_10000_nested_flow_lists(tmp_path: Path) -> None:
    findings = _deep(tmp_path, "flow.yaml", "vision: " + "[" * 10_000 + "]" * 10_000 + "\n")
    deep = [f for f in findings if f["code"] == "YA06"]
    assert len(deep) == 1 and deep[0]["line"] == 5
    assert deep[0]["column"] == 9 + MAX_DEPTH  # the vision list (column 9) is at depth 1


def test_10000_nested_block_lists(tmp_path: Path) -> None:
    findings = _deep(tmp_path, "block.yaml", "vision:\n  " + "- " * 10_000 + "ลึก\n")
    assert [(f["line"], f["column"]) for f in findings if f["code"] == "YA06"] == [(6, 3 + 2 * MAX_DEPTH)]


def test_1000_nested_block_mappings(tmp_path: Path) -> None:
    body = "vision:\n" + "".join(" " * depth + f"k{depth}:\n" for depth in range(1, 1_001))
    findings = _deep(tmp_path, "mappings.yaml", body)
    assert [f["line"] for f in findings if f["code"] == "YA06"] == [5 + MAX_DEPTH + 1]


def test_10000_findings_in_one_run(tmp_path: Path) -> None:
    missions = "".join(f"  - {{id: m{n}, number: '{n}', text: พันธกิจที่ {n}  ยาว}}\n" for n in range(1, 10_001))
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_POLICY + "missions:\n" + missions, encoding="utf-8")
    done = run("validate", str(plan), "--format", "json", "--select", "TX07")
    check_run(done, 0)  # warnings do not fail the run
    findings = located(json.loads(done.out))
    assert len(findings) == 10_000
    assert all(f["code"] == "TX07" for f in findings)
    assert done.seconds < 8 and done.peak_mb < 200


def test_5000_invalid_indicators_are_each_dropped_and_located(tmp_path: Path) -> None:
    """Dropping invalid items renumbers the rest; this was quadratic (3,000 took 9 s, now 0.7 s)."""
    rows = "".join(
        f"      - {{id: p1-i{n}, number: '{n}', name: ร้อยละ, unit: ร้อยละ, kind: percentage, targets: {{2566: 1}}}}\n"
        for n in range(1, 5_001)
    )
    plan = tmp_path / "plan.yaml"
    header = "policies:\n  - id: p1\n    number: '1'\n    title: นโยบาย\n    indicators:\n"
    plan.write_text(MINIMAL_PLAN + header + rows, encoding="utf-8")
    done = run("validate", str(plan), "--format", "json")
    check_run(done, 1)
    findings = located(json.loads(done.out))
    assert [f["line"] for f in findings if f["code"] == "SC03"] == list(range(10, 5_010))
    assert done.seconds < 6 and done.peak_mb < 250


def _values(tmp_path: Path, count: int, size: int) -> Path:
    """A plan whose vision is a flow list of ``count`` zeros, padded with spaces to ``size`` bytes."""
    plan = tmp_path / "plan.yaml"
    with plan.open("w", encoding="utf-8") as out:
        out.write(PLAN_WITH_POLICY + "vision: [")
        for start in range(0, count, 10_000):
            out.write(",".join("0" * min(10_000, count - start)) + ("," if start + 10_000 < count else ""))
        out.write(" " * max(0, size - out.tell()) + "]\n")
    return plan


def test_50_mb_of_values_is_refused_before_it_fills_memory(tmp_path: Path) -> None:
    plan = _values(tmp_path, 25_000_000, 50_000_000)  # 2 bytes a value: each would cost 700 bytes
    done = run("validate", str(plan), "--format", "json")
    check_run(done, 1)
    assert [(f["code"], f["line"]) for f in located(json.loads(done.out))] == [("YA08", 1)]
    assert done.seconds < 5 and done.peak_mb < 250


def test_values_just_under_the_limit_are_read(tmp_path: Path) -> None:
    plan = _values(tmp_path, MAX_VALUES - 100, 0)  # the rest of the plan holds about 50 values
    done = run("validate", str(plan), "--format", "json")
    check_run(done, 1)
    assert [f["code"] for f in located(json.loads(done.out))] == ["SC03"]  # vision is text, not a list
    assert done.seconds < 6 and done.peak_mb < 250
