"""The real-plan set: N copies of the shipped plan, laid out as an office keeps many plans.

Usage: .venv/bin/python benchmarks/copies.py DIR -n 2000

The generated plans (generate.py) are 95% clean school plans; the shipped plan is what an area
office writes: six files, 46 indicators, full Thai text, and 20 accepted findings (each copy
reports them, so a reporter that lists or counts them does real work). Each copy is a plan
directory ``DIR/NNN/plan-NNNNN/`` with ``plan.yaml`` and ``policies/*.yaml``, byte for byte the
shipped files, so ``eduplan validate DIR`` finds N plans and every copy gives the same findings.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"


@dataclass
class Copied:
    """What :func:`copies` wrote."""

    plans: int = 0
    files: int = 0
    bytes: int = 0


def copies(directory: str | Path, n: int, plan: Path = PLAN) -> Copied:
    """Write ``n`` copies of the YAML files of ``plan`` under ``directory``."""
    sources = sorted(p for p in plan.rglob("*.yaml") if p.is_file())
    contents = [(p.relative_to(plan), p.read_bytes()) for p in sources]
    root = Path(directory)
    done = Copied()
    for index in range(1, n + 1):
        target = root / f"{index // 1000:03d}" / f"plan-{index:05d}"
        for relative, data in contents:
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            done.files += 1
            done.bytes += len(data)
        done.plans += 1
    return done


def main() -> None:
    """Write the copies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("-n", type=int, default=2000)
    args = parser.parse_args()
    done = copies(args.directory, args.n)
    print(f"{done.plans:,} plans, {done.files:,} files, {done.bytes / 1e6:.0f} MB in {args.directory}")


if __name__ == "__main__":
    main()
