"""The benchmark's plan generator writes plans eduplan loads, the same bytes for the same seed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.generate import DEFECTS, generate

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.load.loader import find_plans, load_plan


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_plans_without_defects_load_whole_and_validate_clean(tmp_path: Path) -> None:
    summary = generate(tmp_path, 16, seed=3, offices=0.25, defects=0)
    plans = find_plans([tmp_path])
    assert len(plans) == summary.plans == 16
    assert 0 < summary.offices < 16, "the mix holds both school files and office directories"
    assert any((p / "policies").is_dir() for p in plans)
    indicators = 0
    for plan_dir in plans:
        result = load_plan(plan_dir)
        assert result.plan is not None and not result.partial, plan_dir
        assert result.findings == [], plan_dir
        assert check_path(plan_dir, Settings()).findings == [], plan_dir
        indicators += sum(len(policy.indicators) for policy in result.plan.policies)
    assert indicators == summary.indicators


def test_each_injected_defect_gives_its_finding(tmp_path: Path) -> None:
    summary = generate(tmp_path, 20, seed=5, offices=0.2, defects=1.0)
    assert sum(summary.defects.values()) == 20
    found = Counter(f.code for p in find_plans([tmp_path]) for f in check_path(p, Settings()).findings)
    assert found == Counter({DEFECTS[name]: count for name, count in summary.defects.items()})


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", 8, seed=7, offices=0.3)
    generate(tmp_path / "b", 8, seed=7, offices=0.3)
    generate(tmp_path / "c", 8, seed=8, offices=0.3)
    generate(tmp_path / "d", 4, seed=7, offices=0.3)
    a = _files(tmp_path / "a")
    assert a == _files(tmp_path / "b")
    assert a != _files(tmp_path / "c")
    assert _files(tmp_path / "d").items() <= a.items(), "fewer plans are a prefix of more"
